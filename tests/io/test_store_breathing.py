"""The breathing read from the pulse is stored with its session (schema 4), in a real SQLite file."""

from __future__ import annotations

import math
import sqlite3

import pytest

from biofeedback.core.types import Beat
from biofeedback.io.store import APPLICATION_ID, SCHEMA_VERSION, BreathingSample, SessionStore
from biofeedback.io.store.schema import MIGRATIONS, _apply


def test_breathing_round_trips_in_time_order_with_no_rate_kept(tmp_path):
    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        writer = store.begin_session("sim", "native", pacer_bpm=6.0)
        writer.add_beats([Beat(1.0, 1000.0)])
        writer.record_breathing(30.0, 5.8, 0.71)
        writer.flush()  # two commits: rows of both come back, in time order
        writer.record_breathing(31.0, None, 0.0)  # nothing readable at that moment: kept as such
        writer.record_breathing(32.0, 6.1, 0.9)
        writer.finish()
        sid = writer.session_id
    with SessionStore(path) as store:  # a fresh connection reads what the file holds
        assert store.breathing(sid) == [BreathingSample(30.0, 5.8, 0.71), BreathingSample(31.0, None, 0.0),
                                        BreathingSample(32.0, 6.1, 0.9)]
        other = store.begin_session()
        other.add_beats([Beat(1.0, 900.0)])
        other.finish()
        assert store.breathing(other.session_id) == []  # one session's rows are its own
        store.delete(sid)
        assert store.con.execute("SELECT count(*) FROM breathing").fetchone()[0] == 0  # deleted with it


@pytest.mark.parametrize(("t", "rate", "quality", "words"), [
    (math.nan, 6.0, 0.5, "finite device time"),
    (1.0, 6.0, 1.5, "between 0 and 1"),
    (1.0, 6.0, math.nan, "between 0 and 1"),
    (1.0, -2.0, 0.5, "positive number"),
    (1.0, math.inf, 0.5, "positive number"),
])
def test_bad_breathing_values_are_refused_in_one_sentence_and_lose_nothing(tmp_path, t, rate, quality, words):
    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session()
        writer.add_beats([Beat(1.0, 1000.0)])
        writer.record_breathing(10.0, 6.0, 0.5)
        with pytest.raises(ValueError, match=words):
            writer.record_breathing(t, rate, quality)
        writer.finish()
        assert store.breathing(writer.session_id) == [BreathingSample(10.0, 6.0, 0.5)]
        assert [b.rr_ms for b in store.beats(writer.session_id)] == [1000.0]


def test_a_version_3_store_gains_the_breathing_table_and_keeps_its_sessions(tmp_path):
    path = tmp_path / "s.db"
    con = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:3]:
        _apply(con, migration)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute("PRAGMA user_version = 3")
    con.execute("INSERT INTO sessions (id, started_at, ended_at, status) VALUES (1, '2026-01-01T08:00:00+00:00', "
                "'2026-01-01T08:10:00+00:00', 'completed')")
    con.execute("INSERT INTO beats (session_id, t_s, rr_ms, corrected, kind) VALUES (1, 1.0, 1000.0, 0, 'normal')")
    con.close()
    with SessionStore(path) as store:
        assert store.version == SCHEMA_VERSION >= 4  # later migrations may follow
        assert store.breathing(1) == []
        assert [b.t_s for b in store.beats(1)] == [1.0]
        writer = store.begin_session()
        writer.add_beats([Beat(2.0, 1000.0)])
        writer.record_breathing(2.0, 5.5, 0.8)
        writer.finish()
        assert store.breathing(writer.session_id) == [BreathingSample(2.0, 5.5, 0.8)]
