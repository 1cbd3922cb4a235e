"""A session store of four simulated weeks with dates set explicitly, for the progress tests.

Plan: "custom", 1 x 10 min a day, 5 days a week, 4 weeks, from Monday 2026-11-02.
Practice (paced, from a real-looking serial source, 10 min each):
- week 1 (2 Nov): 5 days; week 2 (9 Nov): 3 days; week 3 (16 Nov): none; week 4 (23 Nov): 5 days;
- pain before a session is 7, 6, 5, 4 by week (the baseline falls 1 point a week),
  and 2 points lower after; stress before 5 throughout, 1 lower after;
- the beats swing by WEEK_SWING_MS[week] around 1000 ms at 6 breaths/min.
Not practice, each kept in the store: a 7 s session of 5 wildly varying beats (its RMSSD is far above
every other), a 10-minute ``record`` run without a pacer, a simulated-sensor session and a replay,
all in week 2. One resonance assessment (5 blocks of 120 s with 30 s rests = 12 min) on 2 Nov.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from biofeedback.core.types import Beat
from biofeedback.io.store import STORE_FILENAME, CheckIn, SessionStore

PLAN_START = date(2026, 11, 2)
WEEK_DAYS = {0: (0, 1, 2, 3, 4), 1: (0, 2, 4), 2: (), 3: (0, 1, 2, 3, 4)}  # week -> weekdays practised
WEEK_PAIN_BEFORE = (7, 6, 5, 4)
WEEK_SWING_MS = (40.0, 60.0, 80.0, 100.0)
PRACTICE_MIN = 10.0
PLAN_SETTINGS = {"plan_kind": "custom", "plan_sessions_per_day": 1, "plan_minutes_per_session": 10,
                 "plan_days_per_week": 5, "plan_weeks": 4, "plan_start": PLAN_START.isoformat()}
ASSESSMENT = {"block_s": 120.0, "rest_s": 30.0, "recommended_bpm": 5.5,
              "rates": [{"rate_bpm": r} for r in (6.5, 6.0, 5.5, 5.0, 4.5)]}


def sine_beats(minutes: float, amp_ms: float, breath_bpm: float = 6.0) -> list[Beat]:
    t, out = 0.0, []
    while t < 60.0 * minutes:
        rr = 1000.0 + amp_ms * np.sin(2 * np.pi * breath_bpm / 60.0 * t)
        t += rr / 1000.0
        out.append(Beat(t, rr))
    return out


def local_utc(day: date, hour: int = 8) -> datetime:
    """``hour`` o'clock on ``day`` in this machine's local time, as UTC (the store keeps UTC)."""
    return datetime(day.year, day.month, day.day, hour).astimezone().astimezone(timezone.utc)


def add_session(store: SessionStore, path: Path, start: datetime, beats: list[Beat], source: str,
                pacer_bpm: float | None, checkins: tuple[CheckIn, ...] = ()) -> int:
    writer = store.begin_session(source=source, protocol="native", pacer_bpm=pacer_bpm)
    writer.add_beats(beats)
    writer.finish()
    for c in checkins:
        store.set_checkin(writer.session_id, c)
    span_s = beats[-1].t_s - beats[0].t_s + beats[0].rr_ms / 1000.0
    with sqlite3.connect(path) as con:
        con.execute("UPDATE sessions SET started_at = ?, ended_at = ? WHERE id = ?",
                    (start.isoformat(timespec="seconds"),
                     (start + timedelta(seconds=round(span_s))).isoformat(timespec="seconds"), writer.session_id))
    return writer.session_id


def build(directory: Path) -> dict:
    """Write the store into ``directory``; returns the ids of the sessions left out, by kind."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / STORE_FILENAME
    left_out: dict[str, int] = {}
    with SessionStore(path) as store:
        for week, days in WEEK_DAYS.items():
            pain = WEEK_PAIN_BEFORE[week]
            beats = sine_beats(PRACTICE_MIN, WEEK_SWING_MS[week])
            for d in days:
                day = PLAN_START + timedelta(weeks=week, days=d)
                add_session(store, path, local_utc(day), beats, "/dev/ttyUSB0", 6.0,
                            (CheckIn("before", stress=5, pain=pain, mood=5),
                             CheckIn("after", stress=4, pain=pain - 2, mood=6)))
        week2 = PLAN_START + timedelta(weeks=1)
        wild = [Beat(0.6 * (k + 1), rr) for k, rr in enumerate((600.0, 1400.0, 600.0, 1400.0, 600.0))]
        left_out["short"] = add_session(store, path, local_utc(week2, 20), wild, "/dev/ttyUSB0", 6.0,
                                        (CheckIn("before", pain=10),))
        left_out["unpaced"] = add_session(store, path, local_utc(week2 + timedelta(days=1), 20),
                                          sine_beats(PRACTICE_MIN, 300.0), "/dev/ttyUSB0", None)
        left_out["simulated"] = add_session(store, path, local_utc(week2 + timedelta(days=2), 20),
                                            sine_beats(PRACTICE_MIN, 300.0), "Simulated sensor (native)", 6.0,
                                            (CheckIn("before", pain=0),))
        left_out["replay"] = add_session(store, path, local_utc(week2 + timedelta(days=3), 20),
                                         sine_beats(PRACTICE_MIN, 300.0), "Replay of session 3 at 1×", 6.0)
        aid = store.add_assessment("resonance", ASSESSMENT)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE assessments SET created_at = ? WHERE id = ?",
                    (local_utc(PLAN_START, 7).isoformat(timespec="seconds"), aid))
    return left_out
