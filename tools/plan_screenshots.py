"""Real-window screenshots of the practice plan under X with a window manager: the first run, the main
window with today's dose, the weekly review.

Run inside a virtual X server of the size wanted, for example:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/plan_screenshots.py

(Debian packages: xvfb, openbox, imagemagick.) First a new settings file: the
getting-started path over the maximised window (its first page, then its plan
page). Then a person four weeks into "my own" plan of 2 x 10 min a day, 6 days
a week: a store of their sessions on a finger sensor (COM3) with pain before
sessions easing from about 6.5 to 4, a resonance assessment on the plan's first
day and one session done this morning; the window on the simulated sensor with
a session running for 30 s (today's dose above the disclaimer), then Practice >
Weekly review…. Writes docs/screenshots/xvfb-{firstrun,firstrun-plan,dose,review}-WxH.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
from desktop_session import grab, on_a_desktop, wait

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
PLAN_WEEKS_DONE = 4


def fill_store(store, start: date, today: date, rng) -> None:
    """Sessions at 07:30 and 18:00 on most plan days up to today's morning one, check-ins included."""
    from biofeedback.core.types import Beat
    from biofeedback.io.store import CheckIn

    def session(began: datetime, minutes: float, day_k: int, pain: int) -> None:
        t, beats = 0.0, []
        amp = 30 + 1.5 * day_k + rng.normal(0, 5)
        while t < 60 * minutes:
            rr = 900 - day_k + amp * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 15)
            t += rr / 1000
            beats.append(Beat(t, float(rr)))
        writer = store.begin_session("COM3", "native", pacer_bpm=6.0)
        writer.add_beats(beats)
        writer.finish()
        mood = int(np.clip(round(4.5 + day_k / 20 + rng.normal(0, 0.7)), 0, 10))
        stress = int(np.clip(round(6 - day_k / 10 + rng.normal(0, 0.7)), 0, 10))
        store.set_checkin(writer.session_id, CheckIn("before", stress=stress, pain=pain, mood=mood))
        store.set_checkin(writer.session_id, CheckIn("after", stress=max(stress - 2, 0), pain=max(pain - 1, 0),
                                                     mood=min(mood + 1, 10)))
        utc = began.astimezone()
        store.con.execute("UPDATE sessions SET started_at = ?, ended_at = ? WHERE id = ?",
                          (utc.isoformat(timespec="seconds"),
                           (utc + timedelta(seconds=t)).isoformat(timespec="seconds"), writer.session_id))
        store.con.commit()

    for k in range((today - start).days + 1):
        day = start + timedelta(days=k)
        if day != today and (day.weekday() == 6 or rng.random() < 0.2):
            continue  # Sundays off (today aside), and some missed days
        pain = int(np.clip(round(6.5 - 2.5 * k / 28 + rng.normal(0, 0.6)), 0, 10))
        times = (7,) if day == today else (7, 18) if rng.random() < 0.7 else (7,)
        for hour in times:
            session(datetime(day.year, day.month, day.day, hour, 30), 10.0, k, pain)
    data = {"block_s": 120.0, "rest_s": 30.0, "recommended_bpm": 5.5,
            "rates": [{"rate_bpm": r} for r in (6.5, 6.0, 5.5, 5.0, 4.5)]}
    aid = store.add_assessment("resonance", data)
    when = datetime(start.year, start.month, start.day, 6, 45).astimezone()
    store.con.execute("UPDATE assessments SET created_at = ? WHERE id = ?", (when.isoformat(timespec="seconds"), aid))
    store.con.commit()


def run(out: Path, language: str = "") -> int:
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.settings import Settings
    from biofeedback.io.store import STORE_FILENAME, SessionStore
    from biofeedback.ui.main_window import MainWindow
    from biofeedback.ui.store_integration import install_session_store

    app = QApplication(sys.argv[:1])
    from biofeedback.ui.i18n import install_language

    install_language(app, language or "en")  # as the app does: English too has a catalog (its plural forms)
    screen = app.primaryScreen().geometry()
    size = f"{screen.width()}x{screen.height()}" + (f"-{language}" if language else "")
    out.mkdir(parents=True, exist_ok=True)

    # 1. a new settings file: the getting-started path
    window = MainWindow(Settings(), save=False)
    window.showMaximized()
    wait(1.0)
    install_session_store(window, SessionStore(Path(tempfile.mkdtemp(prefix="biofeedback-new-")) / STORE_FILENAME))
    wait(0.5)
    window.show_first_run_notice_if_needed()
    wizard = window.first_run
    wait(1.0)
    grab(out / f"xvfb-firstrun-{size}.png")
    for _ in range(4):
        wizard.next()
    wizard.chooser.buttons["lehrer"].click()
    wait(0.8)
    grab(out / f"xvfb-firstrun-plan-{size}.png")
    wizard.reject()
    window.close()
    app.processEvents()

    # 2. four weeks into a plan: today's dose during a session
    today = date.today()
    start = today - timedelta(days=today.weekday(), weeks=PLAN_WEEKS_DONE)
    path = Path(os.environ["BIOFEEDBACK_DATA_DIR"]) / STORE_FILENAME
    store = SessionStore(path)
    fill_store(store, start, today, np.random.default_rng(7))
    settings = Settings(first_run_notice_seen=True, plan_kind="custom", plan_sessions_per_day=2,
                        plan_minutes_per_session=10, plan_days_per_week=6, plan_weeks=8,
                        plan_start=start.isoformat(), plan_last_review=today.isoformat(),
                        source_kind="simulated", session_minutes=10, first_use_date=start.isoformat())
    window = MainWindow(settings, save=False)
    window.showMaximized()
    wait(1.0)
    install_session_store(window, store, checkins=False)
    window.connect_source()
    wait(3.0)
    window.toggle_session()
    wait(30.0)
    grab(out / f"xvfb-dose-{size}.png")
    print("panel:", window.practice.panel.dose.text(), "|", window.practice.panel.step.text())

    # 3. the weekly review
    review = window.practice.open_review()
    wait(2.0)
    grab(out / f"xvfb-review-{size}.png")
    review.close()
    window.live.stop_session()
    wait(1.0)
    window.close()
    app.processEvents()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--language", default="", choices=("", "en", "es", "pt", "pt_BR"),
                        help="the window's language (the file names end in -es, -pt)")
    args = parser.parse_args()
    return on_a_desktop(lambda: run(args.out, args.language))


if __name__ == "__main__":
    sys.exit(main())
