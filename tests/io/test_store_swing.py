"""A session's stored summary keeps its heart-rate swing: the one progress and the reports re-derive
from its beats and the pacer that ran, so History's progress view reads it instead of the beats."""

from __future__ import annotations

import sqlite3
from datetime import date

import numpy as np
import pytest

from biofeedback.app.progress_data import swing_from_beats
from biofeedback.core.practice.progress import from_stored
from biofeedback.core.summary.analysis import summarize
from biofeedback.core.summary.session import stored_session_swing_bpm
from biofeedback.core.types import Beat
from biofeedback.io.store import SessionStore
from biofeedback.io.store.recovery import recover_session


def paced_beats(minutes: float = 3.0, amp_ms: float = 60.0) -> list[Beat]:
    """Beats whose interval follows 6 breaths/min for the first half, then 5 (a corrected beat now and then)."""
    rng = np.random.default_rng(4)
    t, out = 0.0, []
    while t < 60.0 * minutes:
        rate = 6.0 if t < 30.0 * minutes else 5.0
        rr = 1000.0 + amp_ms * np.sin(2 * np.pi * rate / 60.0 * t) + rng.normal(0, 5)
        t += rr / 1000.0
        out.append(Beat(t, float(rr), len(out) % 40 == 0, "normal"))
    return out


def record(store: SessionStore, beats: list[Beat], pacer_bpm: float | None, changes=()) -> int:
    writer = store.begin_session("COM3", "native", pacer_bpm=pacer_bpm)
    for t_s, rate in changes:
        writer.record_pacer_change(t_s, rate, 0.4, 0.0, 0.0)
    writer.add_beats(beats)
    writer.finish()
    return writer.session_id


def test_the_summary_keeps_the_swing_of_its_beats_over_the_pacer_that_ran(tmp_path):
    beats = paced_beats()
    with SessionStore(tmp_path / "s.db") as store:
        sid = record(store, beats, 6.0, changes=[(0.0, 6.0), (90.0, 5.0)])
        info = store.session(sid)
        expected = stored_session_swing_bpm(store.beats(sid), store.pacer_changes(sid), 6.0)
        assert expected is not None and 5.0 < expected < 12.0  # ±60 ms around 1000 ms: about 7 bpm
        assert info.summary["hr_swing_bpm"] == expected  # exactly, through the JSON
        assert info.summary["hr_swing_bpm"] == swing_from_beats(store)(info)  # what progress re-derived
        assert {k: v for k, v in info.summary.items() if k != "hr_swing_bpm"} == summarize(beats)
        # the breaths follow the stored changes: one 6/min period throughout measures another swing
        assert expected != stored_session_swing_bpm(store.beats(sid), [], 6.0)


def test_an_unpaced_session_stores_no_swing_and_progress_does_not_re_derive_it(tmp_path):
    with SessionStore(tmp_path / "s.db") as store:
        sid = record(store, paced_beats(), None)
        info = store.session(sid)
    assert "hr_swing_bpm" in info.summary and info.summary["hr_swing_bpm"] is None

    def never(_info):
        raise AssertionError("a stored swing (None included) is not re-derived")

    assert [s.hr_swing_bpm for s in from_stored([info], swing_of=never)] == [None]


def test_recovery_stores_the_swing_of_the_beats_it_closes_with(tmp_path):
    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        sid = record(store, paced_beats(), 6.0)
        written = store.session(sid).summary["hr_swing_bpm"]
        # as a crash leaves it: still running, no summary yet
        store.con.execute("UPDATE sessions SET status = 'running', summary_json = NULL WHERE id = ?", (sid,))
        assert recover_session(store.con, sid, store.events_since, store.beats)
        info = store.session(sid)
    assert info.status == "interrupted" and written is not None
    assert info.summary["hr_swing_bpm"] == pytest.approx(written, abs=0)


def test_a_session_stored_before_the_swing_was_kept_is_re_derived_from_its_beats_for_the_cli(tmp_path):
    from biofeedback.app.progress_data import load_progress
    from biofeedback.app.settings import Settings

    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        sid = record(store, paced_beats(12.0), 6.0, changes=[(0.0, 6.0), (360.0, 5.0)])
        written = store.session(sid).summary["hr_swing_bpm"]
    with sqlite3.connect(path) as con:  # an older summary: no hr_swing_bpm key
        con.execute("UPDATE sessions SET summary_json = json_remove(summary_json, '$.hr_swing_bpm')")
    with SessionStore(path) as store:
        assert "hr_swing_bpm" not in store.session(sid).summary
        (app_side,) = from_stored(store.list_sessions())
        report = load_progress(store, Settings(), until=date.today())
    assert app_side.hr_swing_bpm is None  # the window does not read beats for it
    (session,) = report.sessions
    assert session.hr_swing_bpm == written
