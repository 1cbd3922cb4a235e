"""Real-window screenshots under X with a window manager: main window, presentation, summary, History.

Run inside a virtual X server of the size wanted, for example:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/xvfb_screenshots.py
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/xvfb_screenshots.py

(Debian packages: xvfb, openbox, imagemagick.) The script starts openbox, so
the window is maximised and decorated as on a desktop, fills a temporary
store with five weeks of earlier sessions (check-ins with pain included),
runs a session on the simulated sensor with the app's clock sped up (the
before check-in answered, a marker set), and grabs the whole screen with
ImageMagick's ``import``: docs/screenshots/xvfb-{main,presentation,summary,history,coach}-WxH.png.
The window streams on Lab Streaming Layer next to three ``biofeedback simulate --lsl``
clients, and the coach view (Tools > Coach view, opened minimised at the start so its
tiles hold the last minute) is grabbed last.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
from desktop_session import fast_clock, grab, on_a_desktop, own_lsl_session, wait, wait_for

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def earlier_sessions(store, rng, weeks: int = 5) -> None:
    """Synthetic five-to-fifteen-minute sessions, most days, breathing swing growing with practice.

    On a finger sensor ("COM3"): they stand for a person's practice. Sessions on the simulated sensor
    are test sessions (core/practice/session_kind.py), so the one run below is compared with none of them."""
    from biofeedback.core.types import Beat
    from biofeedback.io.store import CheckIn

    today = datetime.now(timezone.utc).replace(hour=7, minute=30, second=0, microsecond=0)
    for day in range(weeks * 7):
        if rng.random() < 0.25 or day % 7 == 5:
            continue  # rest days
        began = today - timedelta(days=weeks * 7 - day, minutes=int(rng.integers(-60, 120)))
        minutes = float(rng.choice([5, 10, 10, 15]))
        amplitude = 25 + 1.2 * day + rng.normal(0, 6)
        t, beats = 0.0, []
        while t < 60 * minutes:
            rr = 880 - day + amplitude * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 22)
            t += rr / 1000
            beats.append(Beat(t, float(rr), bool(rng.random() < 0.01), "normal"))
        writer = store.begin_session("COM3", "native", pacer_bpm=6.0)
        writer.add_beats(beats)
        writer.finish()
        store.con.execute("UPDATE sessions SET started_at = ?, ended_at = ? WHERE id = ?",
                          (began.isoformat(), (began + timedelta(seconds=t)).isoformat(), writer.session_id))
        store.con.commit()
        pain = int(np.clip(6 - day / 14 + rng.normal(0, 1), 0, 10))
        stress = int(np.clip(6 - day / 12 + rng.normal(0, 1), 0, 10))
        store.set_checkin(writer.session_id, CheckIn("before", stress=stress, pain=pain, mood=int(rng.integers(3, 6))))
        store.set_checkin(writer.session_id, CheckIn("after", stress=max(stress - int(rng.integers(0, 3)), 0),
                                                     pain=max(pain - int(rng.integers(0, 2)), 0),
                                                     mood=int(rng.integers(5, 8))))


COACH_CLIENTS = (("Anna", 58, 5.5), ("Ben", 66, 6.0), ("Chris", 74, 9.0))  # name, heart rate, breathing rate


def start_lsl_clients() -> list[subprocess.Popen]:
    """Simulated clients on LSL for the coach view (the third breathes on his own rhythm, off the pacer)."""
    return [subprocess.Popen([sys.executable, "-m", "biofeedback", "simulate", "--lsl", "--name", name,
                              "--hr", str(hr), "--seed", str(i + 7), "--breathing-rate", str(rate)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for i, (name, hr, rate) in enumerate(COACH_CLIENTS)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=1.0,
                        help="simulator and app clock speed-up (1: real time, wall-clock durations agree)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--language", default="", choices=("", "en", "es", "pt", "pt_BR"),
                        help="the window's language (the file names end in -es, -pt)")
    args = parser.parse_args()
    return on_a_desktop(lambda: with_lsl_clients("biofeedback-screenshots", lambda _clients: run(args)))


def with_lsl_clients(session: str, run: Callable[[list[subprocess.Popen]], int]) -> int:
    """``run(clients)`` with the coach's simulated clients on an LSL session of this run's own."""
    own_lsl_session(session)
    clients = start_lsl_clients()
    try:
        return run(clients)
    finally:
        for proc in clients:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(5)


def run(args) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.settings import Settings
    from biofeedback.io.store import SessionStore
    from biofeedback.ui.main_window import MainWindow
    from biofeedback.ui.store_integration import install_session_store

    app = QApplication(sys.argv[:1])
    from biofeedback.ui.i18n import install_language

    install_language(app, args.language or "en")  # as the app does: English too has a catalog (its plural forms)
    screen = app.primaryScreen().geometry()
    size = f"{screen.width()}x{screen.height()}" + (f"-{args.language}" if args.language else "")
    args.out.mkdir(parents=True, exist_ok=True)

    clock = fast_clock(args.speed)

    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp) / "demo.sqlite3")
        earlier_sessions(store, np.random.default_rng(3))
        settings = Settings(first_run_notice_seen=True, source_kind="simulated",  # on the sped-up clock, as the window
                            session_minutes=0, lsl_enabled=True, lsl_name="you (this window)")
        window = MainWindow(settings, clock=clock, save=False)
        integration = install_session_store(window, store)
        window.showMaximized()
        wait(1.0)
        coach = window.lsl.open_coach()  # reads every client from now on; shown at the end
        coach.showMinimized()
        window.activateWindow()
        window.connect_source()
        wait_for(lambda: window.live.connected and window.model.clock_offset_s is not None)
        wait(20.0 / args.speed)  # the detector settles on the pulse before the session starts
        window.set_rate(5.5)
        window.ui.duration.setCurrentIndex(window.ui.duration.findData(0))
        window.toggle_session()
        before = integration.checkin_dialog
        wait_for(before.isVisible, 5)
        for item, score in (("stress", 6), ("pain", 5), ("mood", 4)):
            before.rows[item].buttons[score].click()
        before.save_button.click()
        wait(120.0 / args.speed)  # two minutes of the session clock
        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_M)
        wait(80.0 / args.speed)
        grab(args.out / f"xvfb-main-{size}.png")

        window.set_presentation(True)
        wait(2.5)
        grab(args.out / f"xvfb-presentation-{size}.png")
        QTest.keyClick(window, Qt.Key.Key_Escape)
        wait(1.5)

        window.toggle_session()
        wait_for(lambda: integration.checkin_dialog is not before and integration.checkin_dialog.isVisible())
        after = integration.checkin_dialog
        for item, score in (("stress", 3), ("pain", 4), ("mood", 6)):
            after.rows[item].buttons[score].click()
        after.save_button.click()
        wait_for(lambda: integration.summary_dialog is not None and integration.summary_dialog.isVisible(), 10)
        wait(1.0)
        grab(args.out / f"xvfb-summary-{size}.png")
        integration.summary_dialog.close()

        history = integration.show_history()
        history.showMaximized()
        wait(2.0)
        grab(args.out / f"xvfb-history-{size}.png")
        history.close()

        coach.showNormal()
        coach.showMaximized()
        coach.raise_()
        wait(3.0)
        grab(args.out / f"xvfb-coach-{size}.png")
        coach.close()
        errors = list(window.worker_errors)
        window.close()
        store.close()
    if errors:
        print("worker errors:\n" + "\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
