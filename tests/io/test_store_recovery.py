"""Recovering a long interrupted session: only its tail is replayed, and never under the write lock.

The stores come from ``long_session.build_interrupted_store``: a real writer in a
child process that dies without closing its session, with ten simulated minutes of
PPG repeated. (How long opening takes is measured in ``benchmarks/store_open.py``.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from long_session import FS_HZ, HELD_BACK_S, build_interrupted_store

from biofeedback import config
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import DeviceInfo, PpgBlock
from biofeedback.io.store import STORE_FILENAME, SessionStore
from biofeedback.io.store.opening import connect
from biofeedback.io.store.reading import StoreReader
from biofeedback.io.store.recovery import recover_session, tail_start_s

DURATION_S = 1500.0  # 25 minutes: three tiles, far longer than the replayed tail


@pytest.fixture(scope="module")
def long_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / STORE_FILENAME
    build_interrupted_store(path, DURATION_S)
    return path


def _copy(store, tmp_path):
    target = tmp_path / STORE_FILENAME
    for suffix in ("", "-wal", "-shm"):
        if (source := store.with_name(store.name + suffix)).exists():
            shutil.copy(source, target.with_name(target.name + suffix))
    return target


def _reader(path):
    """Reads a store without opening it as ``SessionStore`` does (which would recover it)."""
    reader = StoreReader()
    reader.con, reader.path = connect(path, read_only=True), path
    reader.version = reader.con.execute("PRAGMA user_version").fetchone()[0]
    return reader


def _stored_state(path):
    reader = _reader(path)
    try:
        return len(reader.beats(1)), reader.session(1).status
    finally:
        reader.con.close()


def test_recovery_replays_only_the_tail_and_finds_the_same_beats_as_a_whole_replay(long_store, tmp_path):
    path = _copy(long_store, tmp_path)
    reader = _reader(path)
    stored, status = reader.beats(1), reader.session(1).status
    all_events = reader.events(1)
    tail = reader.events_since(1, tail_start_s(stored))
    reader.con.close()
    assert status == "running" and len(stored) > 1000

    tail_s = sum(len(e) for e in tail if isinstance(e, PpgBlock)) / FS_HZ
    assert config.STORE_RECOVERY_WARMUP_S <= tail_s
    assert tail_s <= config.STORE_RECOVERY_WARMUP_S + HELD_BACK_S + 2 * config.STORE_FLUSH_PERIOD_S
    assert any(isinstance(e, DeviceInfo) for e in tail) == any(isinstance(e, DeviceInfo) for e in all_events)

    # the reference: the whole session through a fresh pipeline, as recovery did before
    pipeline = Pipeline()
    whole = pipeline.feed(all_events).beats + pipeline.flush().beats
    expected = [b for b in whole if b.t_s > stored[-1].t_s + 1e-6]
    assert len(expected) >= 2  # the beats the dead recorder held back

    with SessionStore(path) as store:
        info, beats = store.session(1), store.beats(1)
    assert info.status == "interrupted"
    recovered = beats[len(stored):]
    assert [(round(b.t_s, 6), round(b.rr_ms, 6)) for b in recovered] == \
        [(round(b.t_s, 6), round(b.rr_ms, 6)) for b in expected]
    assert info.summary["n_beats"] == len(beats)


def test_the_write_lock_is_free_while_recovery_replays_the_raw_events(long_store, tmp_path):
    path = _copy(long_store, tmp_path)
    reader = _reader(path)
    con, other = connect(path), connect(path, timeout_s=0.0)
    lock_taken_meanwhile = []

    def load_tail(sid, since_t_s):
        other.execute("BEGIN IMMEDIATE")  # "database is locked" at once if recovery held the lock
        other.execute("ROLLBACK")
        lock_taken_meanwhile.append(True)
        return reader.events_since(sid, since_t_s)

    try:
        assert recover_session(con, 1, load_tail, reader.beats)
        assert not recover_session(con, 1, load_tail, reader.beats)  # already closed: nothing done twice
    finally:
        for c in (con, other, reader.con):
            c.close()
    assert lock_taken_meanwhile == [True]
    assert _stored_state(path)[1] == "interrupted"


def test_a_session_closed_by_another_process_during_the_replay_is_left_alone(long_store, tmp_path):
    path = _copy(long_store, tmp_path)
    reader = _reader(path)
    con, other = connect(path), connect(path)

    def load_tail(sid, since_t_s):
        other.execute("UPDATE sessions SET status = 'interrupted', summary_json = '{}' WHERE id = ?", (sid,))
        return reader.events_since(sid, since_t_s)

    n_stored = len(reader.beats(1))
    try:
        assert not recover_session(con, 1, load_tail, reader.beats)
    finally:
        for c in (con, other, reader.con):
            c.close()
    assert _stored_state(path) == (n_stored, "interrupted")  # no beats appended twice


def test_sessions_lists_a_crashed_long_session_without_importing_scipy(long_store, tmp_path):
    """`sessions` shows the crashed session at once from its writer's last summary; re-deriving
    its held-back beats (the beat detector: SciPy, ~1 s to import) waits for the next record
    or window."""
    path = _copy(long_store, tmp_path)
    n_stored = len(_reader_beats(path))
    env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "biofeedback", "sessions", "--json"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "scipy" not in done.stderr  # the import-time report
    (listed,) = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert '"status": "interrupted"' in listed and f'"n_beats": {n_stored},' in listed
    assert _stored_state(path) == (n_stored, "running")  # nothing written
    with SessionStore(path) as store:  # a later open recovers it
        assert store.session(1).status == "interrupted" and len(store.beats(1)) > n_stored


def _reader_beats(path):
    reader = _reader(path)
    try:
        return reader.beats(1)
    finally:
        reader.con.close()
