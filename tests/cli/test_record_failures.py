"""`record` when a file it writes fails, or its pipeline raises: a sentence, exit status 2, nothing lost.

`record` runs in the test's process (tests/cli_inprocess.py: it also fails a
command that leaves a file open or a thread running) on the app's simulated
sensor served over a real pty from a thread; the session is read back from
the store file it wrote.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from cli_inprocess import run_cli
from scoring import read_beats
from store_processes import ServedSimulator

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")
SPEED = 20.0  # the simulated sensor's time runs this much faster than the wall clock
RECORD_S = 3.0  # wall seconds: some 60 s of simulated pulse
FAIL_AT_S = 15.0  # the pipeline's error comes with the first block past this sensor time


def _record(tmp_path: Path, *args: str | Path):
    sim = ServedSimulator(speed=SPEED, seed=4)
    try:
        return run_cli("record", "--port", sim.port, "--protocol", "native", "--duration", str(RECORD_S), *args,
                       env={**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path / "data")})
    finally:
        sim.stop()


def _stored(tmp_path: Path):
    from biofeedback.io.store import SessionStore

    with SessionStore(tmp_path / "data" / "sessions.sqlite3") as store:
        (info,) = store.list_sessions()
        return info, store.beats(info.id)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a device that is always full)")
def test_a_raw_log_on_a_full_disk_is_said_at_once_and_the_recording_goes_on(tmp_path):
    result = _record(tmp_path, "--raw", "/dev/full", "--out", tmp_path / "beats.csv")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    said = "could not write /dev/full: No space left on device"
    # once when it happened (the recording went on), once among the last lines
    assert result.stderr.count(said) == 2
    assert said in result.stderr.split("Recorded", 1)[0].rsplit("\n\n", 2)[-2]
    beats = read_beats(tmp_path / "beats.csv")
    info, stored = _stored(tmp_path)
    assert info.status != "recording" and info.summary.get("n_beats", 0) > 0
    # the whole recording reached the beats file and the store, not the first second only (the
    # first flush, where it stopped before: 1 s of wall time, 20 s of pulse)
    assert beats.shape[0] > 25 and len(stored) == beats.shape[0]
    assert beats[-1, 0] - beats[0, 0] > 0.5 * RECORD_S * SPEED


def test_an_unwritable_out_path_is_refused_in_one_line_before_anything_is_recorded(tmp_path):
    sim = ServedSimulator(speed=SPEED, seed=4)
    try:
        result = run_cli("record", "--port", sim.port, "--out", tmp_path / "missing" / "beats.csv",
                         env={**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path / "data")})
    finally:
        sim.stop()
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"biofeedback record: cannot write {tmp_path / 'missing' / 'beats.csv'}: No such file or directory")
    from biofeedback.io.store import SessionStore

    with SessionStore(tmp_path / "data" / "sessions.sqlite3") as store:
        assert store.list_sessions() == []  # the session the store had begun is not kept


def test_a_store_that_refuses_leaves_an_existing_out_file_as_it_was(tmp_path):
    out = tmp_path / "beats.csv"
    out.write_text("an earlier recording's beats\n")
    (tmp_path / "data").write_text("a file where the data folder should be")
    result = run_cli("record", "--port", str(tmp_path / "no-such-port"), "--out", out,
                     env={**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 2 and "Use --no-store to record without saving." in result.stderr
    assert out.read_text() == "an earlier recording's beats\n"


def test_an_error_in_the_pipeline_stops_the_recording_and_keeps_what_it_had(tmp_path, monkeypatch):
    from biofeedback.core.pipeline import Pipeline
    from biofeedback.core.types import PpgBlock

    feed = Pipeline.feed

    def feed_then_fail(self, events):
        # on sensor time, not on a count of feeds (a loaded machine reads bigger batches, fewer of them)
        if any(isinstance(e, PpgBlock) and len(e) and e.t_s[-1] > FAIL_AT_S for e in events):
            raise RuntimeError("a detector bug")
        return feed(self, events)

    monkeypatch.setattr(Pipeline, "feed", feed_then_fail)
    result = _record(tmp_path, "--raw", tmp_path / "raw.csv", "--out", tmp_path / "beats.csv")
    assert result.returncode == 2, result.stderr
    # the traceback for a bug report, then the sentence, once
    assert "RuntimeError: a detector bug" in result.stderr
    assert result.stderr.count("stopped by an internal error (RuntimeError: a detector bug)") == 1
    beats = read_beats(tmp_path / "beats.csv")
    info, stored = _stored(tmp_path)
    assert info.status != "recording" and len(stored) == beats.shape[0] > 3
    raw = (tmp_path / "raw.csv").read_text()
    assert raw.count("\n") > 100  # the raw log holds the batches up to the failure, flushed and closed
