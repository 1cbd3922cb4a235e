"""Regenerate docs/screenshots/history.png, report.png and progress-1/2/3.png from a demo session store.

The demo store (a temporary folder) holds six weeks of practice: synthetic
five-minute sessions whose breathing swing grows with practice, with check-ins,
back-dated one a day, and one real session recorded through the simulator →
native protocol → pipeline path (with two markers) as the newest. The demo
sessions carry a finger sensor's source name: they stand for a person's
practice (sessions on the simulated sensor are test sessions, not counted in
progress). The plan is 5 min a day, 6 days a week; one resonance assessment on the first
day. The history view is drawn in the app's dark theme; the report is the PNG
export; the progress report's first two PDF pages are rendered to PNG.

Run: ``.venv/bin/python tools/history_screenshots.py [--out docs/screenshots]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np


def synthetic_session(store, rng, began: datetime, day: int) -> None:
    from biofeedback.core.types import Beat
    from biofeedback.io.store import CheckIn

    amplitude = 30 + 1.6 * day + rng.normal(0, 6)
    pacer = 6.0 if day < 20 else 5.5
    t, beats = 0.0, []
    while t < 300:
        rr = 880 - day + amplitude * np.sin(2 * np.pi * pacer / 60 * t) + rng.normal(0, 24)
        t += rr / 1000
        beats.append(Beat(t, float(rr), bool(rng.random() < 0.01), "normal"))
    writer = store.begin_session("COM3", "pulsesensor", pacer_bpm=pacer)
    writer.add_beats(beats)
    writer.finish(status="interrupted" if day == 17 else "completed")
    ended = began + timedelta(seconds=t)
    store.con.execute("UPDATE sessions SET started_at = ?, ended_at = ? WHERE id = ?",
                      (began.isoformat(timespec="seconds"), ended.isoformat(timespec="seconds"), writer.session_id))
    if day % 4 != 2:
        before = int(np.clip(7 - day / 12 + rng.normal(0, 1), 0, 10))
        pain = int(np.clip(6 - day / 14 + rng.normal(0, 0.8), 0, 10))  # the baseline eases over the weeks
        store.set_checkin(writer.session_id, CheckIn("before", stress=before, pain=pain, mood=int(rng.integers(3, 6))))
        store.set_checkin(writer.session_id, CheckIn("after", stress=max(before - int(rng.integers(1, 4)), 0),
                                                     pain=max(pain - int(rng.integers(0, 2)), 0),
                                                     mood=int(rng.integers(5, 9))))


def real_session(store) -> int:
    from biofeedback.core.pipeline import Pipeline
    from biofeedback.core.protocols import make_decoder
    from biofeedback.io.simulator import SensorSimulator, SimulatorSettings
    from biofeedback.io.store import CheckIn

    sim = SensorSimulator(SimulatorSettings(protocol="native", seed=2, breathing_bpm=5.5, artifacts_per_min=1.5))
    decoder, pipeline = make_decoder("native"), Pipeline()
    writer = store.begin_session("COM3", "native", pacer_bpm=5.5, name="Morning practice")
    for k in range(1, int(300 / 0.02) + 1):
        events = decoder.feed(sim.generate(k * 0.02))
        writer.add_events(events)
        writer.add_beats(pipeline.feed(events).beats)
        if k == 3000:
            writer.add_marker(writer.last_event_t_s, "yawned")
        if k == 9000:
            writer.add_marker(writer.last_event_t_s, "coach: relax the shoulders")
    writer.add_beats(pipeline.flush().beats)
    writer.finish()
    began = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=10)
    store.con.execute("UPDATE sessions SET started_at = ?, ended_at = ? WHERE id = ?",
                      (began.isoformat(), (began + timedelta(seconds=300)).isoformat(), writer.session_id))
    store.set_checkin(writer.session_id, CheckIn("before", stress=6, pain=2, mood=4, note="long day"))
    store.set_checkin(writer.session_id, CheckIn("after", stress=2, pain=1, mood=7))
    store.annotate(writer.session_id, "Breathing felt easy after the first two minutes.")
    return writer.session_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "screenshots")
    args = parser.parse_args()
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.progress_data import load_progress
    from biofeedback.app.settings import Settings, practice_plan
    from biofeedback.io.store import SessionStore
    from biofeedback.ui.history_view import HistoryView
    from biofeedback.ui.i18n import install_language
    from biofeedback.ui.progress_report import write_progress_pdf
    from biofeedback.ui.report import render_report
    from biofeedback.ui.theme import DARK, apply_theme

    app = QApplication(sys.argv[:1])
    install_language(app, "en")  # as the app does: English too has a catalog (its plural forms)
    apply_theme(app, DARK)
    rng = np.random.default_rng(7)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, SessionStore(Path(tmp) / "demo.sqlite3") as store:
        today = datetime.now(timezone.utc).replace(hour=7, minute=30, second=0, microsecond=0)
        for day in range(42):
            if day % 7 in (5,) and day > 3:
                continue  # a rest day a week
            began = today - timedelta(days=42 - day, minutes=int(rng.integers(-40, 90)))
            synthetic_session(store, rng, began, day)
        newest = real_session(store)
        first = today - timedelta(days=42)
        aid = store.add_assessment("resonance", {"block_s": 120.0, "rest_s": 30.0, "recommended_bpm": 5.5,
                                                 "rates": [{"rate_bpm": r} for r in (6.5, 6.0, 5.5, 5.0, 4.5)]})
        store.con.execute("UPDATE assessments SET created_at = ? WHERE id = ?", (first.isoformat(), aid))
        store.con.commit()
        settings = Settings(plan_kind="custom", plan_sessions_per_day=1, plan_minutes_per_session=5,
                            plan_days_per_week=6, plan_weeks=10, plan_start=first.date().isoformat())
        view = HistoryView(store, DARK)
        view.library.plan = practice_plan(settings)
        view.reload()
        view.resize(1440, 860)
        view.show()
        view.select_session(newest)
        app.processEvents()
        view.grab().save(str(args.out / "history.png"))
        render_report(store, newest, args.out / "report.png")
        view.close()
        pdf = Path(tmp) / "progress.pdf"
        write_progress_pdf(load_progress(store, settings, today.astimezone().date()), pdf)
        doc = QPdfDocument()
        doc.load(str(pdf))
        pages = [f"progress-{page + 1}.png" for page in range(doc.pageCount())]
        for page, name in enumerate(pages):
            doc.render(page, QSize(1000, 1414)).save(str(args.out / name))
    for name in ("history.png", "report.png", *pages):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
