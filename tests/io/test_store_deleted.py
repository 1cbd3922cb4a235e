"""The store file deleted (or replaced) while a session is being recorded: nothing is lost, and it is said.

A writer still has the deleted file open, so it copies the whole store from it
(SQLite's backup) back to the path, or beside it when another store now stands
there, and goes on writing to the copy. Once silently lost: ``record`` said
"saved" and the session, with the history, was gone with the file.
"""

from __future__ import annotations

import shutil
import sys

import pytest
from store_processes import RecordProcess, ServedSimulator

from biofeedback.core.types import Beat, PpgBlock
from biofeedback.io.store import STORE_FILENAME, SessionStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows does not delete a file that is open")


def _block(t0_s: float, n: int = 50, fs_hz: float = 50.0) -> PpgBlock:
    import numpy as np

    t = t0_s + np.arange(n) / fs_hz
    return PpgBlock(t, 500 + 100 * np.sin(2 * np.pi * 1.1 * t), fs_hz)


def _history(path, name="earlier"):
    with SessionStore(path) as store:
        writer = store.begin_session("sim", "native", name=name)
        writer.add_events([_block(0.0)])
        writer.add_beats([Beat(0.5 + i, 1000.0) for i in range(5)])
        writer.finish()


def test_a_store_folder_deleted_while_recording_is_written_again_with_the_history(tmp_path):
    path = tmp_path / "data" / STORE_FILENAME
    _history(path)
    statuses = []
    store = SessionStore(path)
    writer = store.begin_session("sim", "native", name="live", flush_period_s=3600.0,
                                 on_status=statuses.append)
    writer.add_events([_block(0.0)])
    assert writer.flush()
    shutil.rmtree(path.parent)  # the whole data folder, -wal and -shm included
    writer.add_events([_block(1.0)])
    writer.add_beats([Beat(0.5 + i, 1000.0) for i in range(2)])
    assert writer.flush()
    assert path.exists()
    assert any("was deleted or replaced while recording" in s.message and "written again" in s.message
               for s in statuses)
    assert statuses[-1].saving
    writer.add_events([_block(2.0)])
    writer.finish()
    store.close()
    with SessionStore(path) as reopened:
        by_name = {info.name: info for info in reopened.list_sessions()}
        assert set(by_name) == {"earlier", "live"}
        live = by_name["live"]
        assert live.status == "completed"
        assert sum(len(e) for e in reopened.events(live.id) if isinstance(e, PpgBlock)) == 150
        assert len(reopened.beats(live.id)) == 2 and len(reopened.beats(by_name["earlier"].id)) == 5


def test_a_store_replaced_while_recording_is_left_alone_and_the_session_goes_beside_it(tmp_path):
    path = tmp_path / STORE_FILENAME
    _history(path)
    store = SessionStore(path)
    writer = store.begin_session("sim", "native", name="live", flush_period_s=3600.0)
    writer.add_events([_block(0.0)])
    assert writer.flush()
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    _history(path, name="someone else's")  # a new store now stands at the path
    writer.add_events([_block(1.0)])
    assert writer.flush()
    writer.finish()
    store.close()
    (restored,) = tmp_path.glob("sessions.restored-*.sqlite3")
    with SessionStore(path) as other:
        assert [info.name for info in other.list_sessions()] == ["someone else's"]
    with SessionStore(restored) as kept:
        names = {info.name for info in kept.list_sessions()}
        live = next(info for info in kept.list_sessions() if info.name == "live")
        assert names == {"earlier", "live"} and live.status == "completed"
        assert sum(len(e) for e in kept.events(live.id) if isinstance(e, PpgBlock)) == 100


def test_record_says_so_and_keeps_the_session_when_its_store_folder_is_deleted(tmp_path):
    data_dir = tmp_path / "data"
    sim = ServedSimulator(speed=5.0, seed=9, listen="socket://127.0.0.1:0")  # beats keep coming meanwhile
    rec = RecordProcess(sim.port, data_dir)
    try:
        saving_at = rec.wait_for("being saved", 30)
        rec.wait_for("beats", 30, after=saving_at + 3.0)
        shutil.rmtree(data_dir)
        rec.wait_for("was deleted or replaced while recording", 15)
        rec.wait_for("saving again", 15)
        assert rec.stop() == 0, rec.text()
    finally:
        if rec.proc.poll() is None:
            rec.proc.kill()
        sim.stop()
    with SessionStore(data_dir / STORE_FILENAME) as store:
        (info,) = store.list_sessions()
        assert info.status == "completed" and info.summary["n_beats"] > 3
        t = [e.t_s[0] for e in store.events(info.id) if isinstance(e, PpgBlock)]
    assert t and t[0] < 10.0  # from the start of the session (deleted 3 s, 15 simulated s, after saving began)
