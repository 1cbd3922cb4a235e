"""Garbage on one page of the store file: SQLite may end a read there WITHOUT an error.

A tester wrote 320 bytes of garbage into one page of a store holding three sessions:
``export 2 --format raw`` then wrote a sixth of the session and exited 0, and ``analyze``
of it found 14 beats of 92. SQLite's walk of the table simply stops (even ``max(seq)``
agrees with the short read); only ``PRAGMA quick_check`` says the file is damaged. The
store checks each read against the session's other tables and says so instead.

The stores here are real SQLite files, damaged by writing over one page as the tester did.
"""

from __future__ import annotations

import os
import shutil
import sqlite3

import numpy as np
import pytest
from cli_inprocess import Completed, run_cli

from biofeedback.core.types import Beat, DeviceInfo, PpgBlock
from biofeedback.io.store import STORE_FILENAME, SessionStore, StoreError

FS_HZ = 100.0
DURATIONS_S = {1: 60, 2: 95, 3: 100}  # session id: seconds of PPG, one beat a second
GARBAGE = b"GARBAGE!" * 40


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """Three finished sessions, their raw rows one second each, checkpointed into one file."""
    path = tmp_path_factory.mktemp("silent") / STORE_FILENAME
    with SessionStore(path) as store:
        for sid, seconds in DURATIONS_S.items():
            writer = store.begin_session("sim", "native", flush_period_s=3600.0)
            writer.add_events([DeviceInfo("native", FS_HZ, 1023, "sim")])
            rng = np.random.default_rng(sid)
            for k in range(seconds):
                t = k + np.arange(int(FS_HZ)) / FS_HZ
                v = np.round(512 + 300 * np.sin(2 * np.pi * 1.1 * t) + rng.normal(0, 20, t.size))
                writer.add_events([PpgBlock(t, v, FS_HZ)])
                writer.add_beats([Beat(k + 0.5, 1000.0)])
                writer.flush()
            writer.finish()
            assert writer.session_id == sid
        store.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _pages(path, table: str) -> list[int]:
    con = sqlite3.connect(path)
    try:
        return [p for (p,) in con.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path", (table,))]
    finally:
        con.close()


def _garbage_into(path, page: int) -> None:
    with open(path, "r+b") as f:
        f.seek((page - 1) * 4096 + 3000)  # the cells near the end of the page, as the tester did
        f.write(GARBAGE)


def _plain_read(path, sql: str, session_id: int) -> list | str:
    """What SQLite itself returns, outside the store: the rows, or its error."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql, (session_id,)).fetchall()
    except sqlite3.Error as error:
        return str(error)
    finally:
        con.close()


RAW = "SELECT seq FROM raw_events WHERE session_id = ? ORDER BY seq"
BEATS = "SELECT t_s FROM beats WHERE session_id = ? ORDER BY rowid"


def _silently_short(pristine, tmp_path, tables: tuple[str, ...], sql: str, session_id: int, whole: int):
    """A copy of the store with garbage on the first page of ``tables`` whose damage cuts the
    session's read short without an error (so the test holds the silent case, not a raised one)."""
    target = tmp_path / "data" / STORE_FILENAME
    target.parent.mkdir(exist_ok=True)
    for page in [p for table in tables for p in _pages(pristine, table)]:
        shutil.copy(pristine, target)
        _garbage_into(target, page)
        rows = _plain_read(target, sql, session_id)
        if isinstance(rows, list) and 0 < len(rows) < whole:
            return target, len(rows)
    pytest.fail(f"no page of {tables} cuts session {session_id} short silently")


def _cli(data_dir, *args) -> Completed:
    return run_cli(*args, env={**os.environ, "BIOFEEDBACK_DATA_DIR": str(data_dir)})


def test_raw_data_cut_short_by_a_damaged_page_is_said_and_no_file_is_written(pristine, tmp_path):
    path, n_read = _silently_short(pristine, tmp_path, ("raw_events",), RAW, 2, DURATIONS_S[2] + 1)
    out = tmp_path / "session2.raw"
    done = _cli(path.parent, "export", "2", "--format", "raw", "--out", str(out))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{path} is damaged" in done.stderr and "session 2's raw data" in done.stderr
    assert not out.exists()
    with SessionStore(path) as store:  # what replay reads too
        with pytest.raises(StoreError, match="is damaged"):
            store.events(2)
        assert len(store.events(3)) == DURATIONS_S[3] + 1  # the other sessions still read whole
        assert len(store.events(1)) == DURATIONS_S[1] + 1


def test_beats_cut_short_by_a_damaged_page_are_said_and_no_file_is_written(pristine, tmp_path):
    path, n_read = _silently_short(pristine, tmp_path, ("beats", "beats_session"), BEATS, 3, DURATIONS_S[3])
    out = tmp_path / "session3.csv"
    done = _cli(path.parent, "export", "3", "--format", "rr", "--out", str(out))
    assert done.returncode == 2, done.stderr
    assert f"only {n_read} of session 3's {DURATIONS_S[3]} beats could be read" in done.stderr
    assert not out.exists()


def test_beats_past_the_raw_data_of_a_healthy_file_are_no_damage(tmp_path):
    """The evidence that a read stopped short is only a reason to ask SQLite: a healthy file stands."""
    path = tmp_path / STORE_FILENAME
    with SessionStore(path) as store:
        writer = store.begin_session("sim", "native")
        t = np.arange(500) / FS_HZ
        writer.add_events([DeviceInfo("native", FS_HZ, 1023, "sim"), PpgBlock(t, np.round(512 + t), FS_HZ)])
        writer.add_beats([Beat(k + 0.5, 1000.0) for k in range(60)])  # a minute of beats, 5 s of raw data
        writer.finish()
        assert len(store.events(writer.session_id)) == 2
        assert len(store.beats(writer.session_id)) == 60
