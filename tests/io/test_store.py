"""The session store keeps sessions through crashes, damage and version changes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from biofeedback.core.summary.analysis import summarize
from biofeedback.core.summary.session import stored_session_swing_bpm
from biofeedback.core.types import (
    Beat,
    DeviceBeat,
    DeviceInfo,
    DeviceStatus,
    Gap,
    PpgBlock,
    PulseDirectionChosen,
)
from biofeedback.io.store import (
    SCHEMA_VERSION,
    CheckIn,
    NewerSchemaError,
    SessionStore,
)


def ppg_events(seconds: float = 3.0, fs_hz: float = 500.0, block: int = 10):
    t = np.arange(int(seconds * fs_hz)) / fs_hz + 12.345
    v = np.round(512 + 300 * np.sin(2 * np.pi * 1.1 * t))
    events = [DeviceInfo("native", fs_hz, 1023, "sim")]
    events += [PpgBlock(t[i:i + block], v[i:i + block], fs_hz) for i in range(0, t.size, block)]
    return events, t, v


def add_sessions(store: SessionStore, n: int = 1) -> list[int]:
    """``n`` finished sessions of one beat each (a session without data is not kept)."""
    ids = []
    for _ in range(n):
        writer = store.begin_session()
        writer.add_beats([Beat(1.0, 1000.0)])
        writer.finish()
        ids.append(writer.session_id)
    return ids


def smash_pages_after_the_first(path) -> bytes:
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    return bytes(data)


def test_raw_events_round_trip_bit_exact_in_order(tmp_path):
    events, t, v = ppg_events()
    events[50:50] = [DeviceBeat(13.0, 812.0), DeviceStatus(13.1, "finger_out", "x"), Gap(13.2, 1.5, "lost")]
    events.insert(60, DeviceInfo("max3010x", 100.0, 262143, "MAX3010x", polarity=-1))  # kept whole
    events[70:70] = [PulseDirectionChosen(1), PulseDirectionChosen(None)]  # where the person chose it
    float_block = PpgBlock(np.array([20.0, 20.01]), np.array([0.25, -1e9]), 100.0)
    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session("sim", "native")
        writer.add_events(events[:30])
        writer.flush()
        writer.add_events([*events[30:], float_block])
        writer.finish()
        back = store.events(writer.session_id)
    samples = [e for e in back if isinstance(e, PpgBlock) and e.fs_hz == 500.0]
    got_t = np.concatenate([e.t_s for e in samples])
    got_v = np.concatenate([e.value for e in samples])
    assert np.array_equal(got_t, t) and np.array_equal(got_v, v)
    others = [e for e in back if not isinstance(e, PpgBlock)]
    assert others == [events[0], DeviceBeat(13.0, 812.0), DeviceStatus(13.1, "finger_out", "x"),
                      Gap(13.2, 1.5, "lost"), DeviceInfo("max3010x", 100.0, 262143, "MAX3010x", polarity=-1),
                      PulseDirectionChosen(1), PulseDirectionChosen(None)]
    # order kept: the device beat comes after the samples before it and before those after it
    kinds = [type(e).__name__ for e in back]
    assert kinds.index("DeviceBeat") > kinds.index("PpgBlock")
    assert np.array_equal(back[-1].value, float_block.value)


def test_finished_session_has_summary_checkins_markers_and_edits(tmp_path):
    rng = np.random.default_rng(1)
    rr = 900 + 60 * np.sin(np.arange(300) / 3) + rng.normal(0, 10, 300)
    beats = [Beat(float(t), float(r), bool(i % 50 == 0), "normal") for i, (t, r) in
             enumerate(zip(np.cumsum(rr) / 1000, rr, strict=True))]
    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session("COM3", "auto", pacer_bpm=6.0)
        writer.add_events(ppg_events(1.0)[0])
        writer.add_beats(beats)
        writer.record_marker(writer.last_event_t_s, "coach: shoulders down")
        writer.finish()
        sid = writer.session_id
        store.set_checkin(sid, CheckIn("before", stress=7, pain=2, mood=4, note="tired"))
        store.set_checkin(sid, CheckIn("after", stress=3, pain=None, mood=6))
        store.rename(sid, "evening")
        store.annotate(sid, "felt calm")
        info = store.list_sessions()[0]
        assert info.status == "completed" and info.name == "evening" and info.notes == "felt calm"
        assert info.summary == {**summarize(beats),  # and the swing over 6/min breaths (tests/io/test_store_swing.py)
                                "hr_swing_bpm": stored_session_swing_bpm(store.beats(sid), [], 6.0)}
        assert info.checkin_delta("stress") == -4 and info.checkin_delta("pain") is None
        assert info.artifact_share == pytest.approx(6 / 300)
        assert store.markers(sid) == [(pytest.approx(13.343), "coach: shoulders down")]
        store.delete(sid)
        assert store.list_sessions() == [] and store.beats(sid) == []


def test_checkin_rejects_out_of_range_scores():
    with pytest.raises(ValueError, match="0..10"):
        CheckIn("before", stress=11)


def test_open_session_of_a_dead_writer_is_marked_interrupted_with_its_flushed_data(tmp_path):
    path = tmp_path / "s.db"
    script = textwrap.dedent(f"""
        import os, time
        from biofeedback.core.types import Beat
        from biofeedback.io.store import SessionStore
        store = SessionStore({str(path)!r})
        w = store.begin_session("sim", "native", flush_period_s=0.2)
        w.add_beats([Beat(1.0 + i, 1000.0) for i in range(5)])
        time.sleep(0.6)  # the timer thread commits
        w.add_beats([Beat(99.0, 1000.0)])  # never committed
        os.kill(os.getpid(), 9)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=30)
    assert result.returncode == -9, result.stderr
    with SessionStore(path) as store:
        (info,) = store.list_sessions()
        assert info.status == "interrupted" and info.ended_at is not None
        assert [b.t_s for b in store.beats(info.id)] == [1.0, 2.0, 3.0, 4.0, 5.0]
        assert info.summary["n_beats"] == 5


def test_a_running_writer_keeps_a_provisional_summary_of_its_stored_beats(tmp_path, monkeypatch):
    from biofeedback import config

    monkeypatch.setattr(config, "STORE_SUMMARY_MIN_PERIOD_S", 0.0)
    monkeypatch.setattr(config, "STORE_SUMMARY_COST_RATIO", 0.0)
    path = tmp_path / "s.db"
    beats = [Beat(1.0 + 0.8 * i, 800.0 + 20.0 * (i % 3)) for i in range(40)]
    with SessionStore(path) as store:
        writer = store.begin_session(flush_period_s=3600.0)
        writer.add_beats(beats[:20])
        assert writer.flush()
        with SessionStore(path) as other:
            first = other.session(writer.session_id)
        writer.add_beats(beats[20:])
        assert writer.flush()
        with SessionStore(path) as other:
            second = other.session(writer.session_id)
        writer.finish()
    assert first.status == second.status == "running"
    no_pacer = {"hr_swing_bpm": None}
    assert first.summary == {**summarize(beats[:20]), **no_pacer} and second.summary == {**summarize(beats), **no_pacer}


def test_a_listing_without_recovery_shows_dead_sessions_as_interrupted_and_writes_nothing(tmp_path):
    path = tmp_path / "s.db"
    script = textwrap.dedent(f"""
        import os
        from biofeedback.core.types import Beat
        from biofeedback.io.store import SessionStore
        store = SessionStore({str(path)!r})
        empty = store.begin_session("sim", "native", flush_period_s=3600.0)
        w = store.begin_session("sim", "native", flush_period_s=3600.0)
        w.add_beats([Beat(1.0 + i, 1000.0) for i in range(5)])
        w.flush()
        w.refresh_summary(now=True)
        os.kill(os.getpid(), 9)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=30)
    assert result.returncode == -9, result.stderr
    with SessionStore(path, recover=False) as store:
        listed = store.list_sessions()
        one = store.session(2)
    assert [(i.id, i.status) for i in listed] == [(2, "interrupted")]  # the empty one is left out
    assert one.status == "interrupted" and one.ended_at is not None and one.summary["n_beats"] == 5
    with sqlite3.connect(path) as con:  # nothing written: recovery is left to a later open
        assert con.execute("SELECT id, status FROM sessions ORDER BY id").fetchall() == \
            [(1, "running"), (2, "running")]


def test_running_session_of_a_live_writer_is_left_running(tmp_path):
    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        writer = store.begin_session()
        with SessionStore(path) as other:
            assert other.session(writer.session_id).status == "running"
        writer.finish()


def test_garbage_file_is_moved_aside_and_a_fresh_store_made(tmp_path):
    path = tmp_path / "s.db"
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    with SessionStore(path) as store:
        assert "damaged" in store.notice and store.moved_to.name in store.notice
        assert store.moved_to.read_bytes() == garbage
        assert store.list_sessions() == []
        add_sessions(store)
        assert len(store.list_sessions()) == 1


def test_foreign_sqlite_database_is_moved_aside_not_altered(tmp_path):
    path = tmp_path / "s.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with SessionStore(path) as store:
        assert "not a biofeedback store" in store.notice
        assert store.moved_to.read_bytes() == before
        assert store.list_sessions() == []


def test_damaged_page_inside_our_store_is_moved_aside(tmp_path):
    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        add_sessions(store, 3)
    smash_pages_after_the_first(path)
    with SessionStore(path) as store:
        assert store.notice and "damaged" in store.notice
        assert store.list_sessions() == []


def test_newer_schema_is_refused_and_the_file_left_unchanged(tmp_path):
    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        add_sessions(store)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version"):
        SessionStore(path)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if "damaged" in p.name or "foreign" in p.name]


def test_store_lives_in_the_data_dir_from_the_environment(data_dir):
    with SessionStore() as store:
        assert store.path.parent == data_dir
        assert os.path.exists(store.path)


def test_a_new_migration_upgrades_an_old_store_and_keeps_its_sessions(tmp_path, monkeypatch):
    from biofeedback.io.store import schema as store_module

    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        writer = store.begin_session("sim")
        writer.add_beats([Beat(1.0, 1000.0), Beat(2.0, 1000.0)])
        writer.finish()
    v2 = "ALTER TABLE sessions ADD COLUMN tags TEXT NOT NULL DEFAULT ''"
    monkeypatch.setattr(store_module, "MIGRATIONS", (*store_module.MIGRATIONS, v2))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with SessionStore(path) as store:
        assert store.con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert store.con.execute("SELECT tags FROM sessions").fetchall() == [("",)]
        assert [b.t_s for b in store.beats(store.list_sessions()[0].id)] == [1.0, 2.0]


def test_assessments_are_kept_as_json_per_session_and_kind(tmp_path):
    with SessionStore(tmp_path / "s.db") as store:
        (sid,) = add_sessions(store)
        first = store.add_assessment("resonance", {"rates_bpm": [6.5, 6.0, 5.5], "best_bpm": 5.5},
                                     session_id=sid)
        store.add_assessment("other", {"x": 1})
        (found,) = store.assessments(session_id=sid, kind="resonance")
        assert found["id"] == first and found["data"] == {"rates_bpm": [6.5, 6.0, 5.5], "best_bpm": 5.5}
        assert len(store.assessments()) == 2
        store.delete(sid)
        assert [a["kind"] for a in store.assessments()] == ["other"]


def test_pacer_changes_and_markers_are_typed_on_the_device_clock(tmp_path):
    from biofeedback.io.store import PacerChange

    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session("sim", "native", pacer_bpm=6.0)
        writer.add_beats([Beat(1.0, 1000.0)])
        writer.record_pacer_change(12.5, 5.5, 0.4, 1.0, 0.5)
        writer.record_marker(13.25, "yawned")
        writer.add_events(ppg_events(1.0)[0])
        writer.finish()
        sid = writer.session_id
        assert store.pacer_changes(sid) == [PacerChange(12.5, 5.5, 0.4, 1.0, 0.5)]
        assert store.markers(sid) == [(13.25, "yawned")]  # a pacer change is not a marker


def test_version_1_store_migrates_pacer_marker_strings_into_pacer_changes(tmp_path):
    from biofeedback import config
    from biofeedback.io.store import APPLICATION_ID
    from biofeedback.io.store.schema import MIGRATIONS, statements

    path = tmp_path / "s.db"
    con = sqlite3.connect(path)
    for statement in statements(MIGRATIONS[0]):
        con.execute(statement)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO sessions (id, started_at, ended_at, status) VALUES (1, '2026-01-01T08:00:00+00:00', "
                "'2026-01-01T08:10:00+00:00', 'completed')")
    con.execute("INSERT INTO beats VALUES (1, 1.0, 1000.0, 0, 'normal')")
    # version 1 wrote both a marker and a rate-only row for a change made in the app...
    con.execute("INSERT INTO markers VALUES (1, 30.0, 'pacer 5.5/min')")
    con.execute("INSERT INTO pacer_changes VALUES (1, 30.0, 5.5)")
    # ...and only the marker where it came from elsewhere
    con.execute("INSERT INTO markers VALUES (1, 60.0, 'pacer 4.8/min')")
    con.execute("INSERT INTO markers VALUES (1, 70.0, 'coach: pacer felt fast')")
    con.commit()
    con.close()
    with SessionStore(path) as store:
        assert store.version == SCHEMA_VERSION
        changes = store.pacer_changes(1)
        assert [(c.t_device_s, c.rate_brpm) for c in changes] == [(30.0, 5.5), (60.0, 4.8)]
        assert all(c.inhale_ratio == config.PACER_DEFAULT_INHALE_RATIO and c.hold_in_s == 0 for c in changes)
        assert store.markers(1) == [(70.0, "coach: pacer felt fast")]
        assert [b.t_s for b in store.beats(1)] == [1.0]


def test_a_session_that_received_no_data_is_not_kept(tmp_path):
    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session("COM9")
        writer.add_events([DeviceInfo("native", 250.0)])  # a header alone is no data
        writer.record_marker(0.0, "session start")
        assert writer.finish() == {} and writer.kept is False
        assert store.list_sessions() == []


HOLDER = textwrap.dedent("""
    import sys, time
    from biofeedback.io.store import SessionStore
    store = SessionStore(sys.argv[1])
    print("open", flush=True)
    time.sleep(30)
""")


def test_a_damaged_store_another_process_has_open_is_left_in_place(tmp_path):
    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        add_sessions(store, 3)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        data = smash_pages_after_the_first(path)
        from biofeedback.io.store import StoreError

        with pytest.raises(StoreError, match="another program is using it, so it was left in place"):
            SessionStore(path)
        assert path.read_bytes() == data
        assert not [p for p in tmp_path.iterdir() if "damaged" in p.name]
    finally:
        holder.kill()
        holder.wait()


def test_a_long_foreign_lock_while_opening_an_old_store_is_busy_not_damage(tmp_path, monkeypatch):
    from biofeedback import config
    from biofeedback.io.store import StoreError
    from biofeedback.io.store import schema as schema_module

    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        add_sessions(store)
    monkeypatch.setattr(schema_module, "MIGRATIONS", (*schema_module.MIGRATIONS, "CREATE TABLE tags (x TEXT)"))
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(config, "STORE_BUSY_TIMEOUT_S", 0.5)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy: another program has kept it locked"):
            SessionStore(path)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert not [p for p in tmp_path.iterdir() if "damaged" in p.name or "foreign" in p.name]
    with SessionStore(path) as store:  # once free, the migration runs and nothing was lost
        assert store.version == SCHEMA_VERSION + 1 and len(store.list_sessions()) == 1


def test_writer_keeps_its_batch_through_a_failed_commit_and_reports_it(tmp_path, monkeypatch):
    from biofeedback import config

    monkeypatch.setattr(config, "STORE_WRITER_BUSY_TIMEOUT_S", 0.2)
    statuses = []
    path = tmp_path / "s.db"
    with SessionStore(path) as store:
        writer = store.begin_session(flush_period_s=3600, on_status=statuses.append)
        locker = sqlite3.connect(path, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        writer.add_beats([Beat(1.0, 1000.0), Beat(2.0, 1000.0)])
        writer.add_events(ppg_events(1.0)[0])
        assert writer.flush() is False
        assert statuses[-1].saving is False and "locked by another program" in statuses[-1].message
        writer.add_beats([Beat(3.0, 1000.0)])
        locker.execute("ROLLBACK")
        assert writer.flush() is True and statuses[-1].saving
        writer.finish()
        locker.close()
        assert [b.t_s for b in store.beats(writer.session_id)] == [1.0, 2.0, 3.0]
        assert len(store.events(writer.session_id)) == 2  # the info and one row of all the samples


def test_beats_are_stored_whole_with_their_pulse_quality(tmp_path):
    beats = [Beat(1.0, 1000.0, False, "normal", 0.93), Beat(1.9, 900.0, True, "ectopic", None)]
    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session()
        writer.add_beats(beats)
        writer.finish()
        assert store.beats(writer.session_id) == beats


def test_the_tail_a_crash_recovery_replays_keeps_the_directions_chosen_before_it(tmp_path):
    """Recovery re-derives the held-back beats from the tail of the raw events (``events_since``):
    a pulse direction the person chose earlier in the session still holds there."""
    events, t, _ = ppg_events(12.0)
    events[200:200] = [PulseDirectionChosen(-1)]  # chosen 4 s in
    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session("sim", "native")
        writer.add_events(events[:300])
        writer.flush()  # rows of several flushes, as a long session has
        writer.add_events(events[300:])
        writer.finish()
        tail = store.events_since(writer.session_id, float(t[-1]) - 1.0)
    assert tail[:2] == [events[0], PulseDirectionChosen(-1)]
    first_sample_s = min(float(e.t_s[0]) for e in tail if isinstance(e, PpgBlock))
    assert first_sample_s > float(events[200 + 1].t_s[0])  # only the tail's samples, not the whole session
