"""Exports that cannot hold what the session has: said, never a quiet file.

A session recorded by ``biofeedback record`` stores no breathing record: ``export
--format breathing`` once wrote a header alone and said "written" with exit 0. The RR
text (Kubios) has no gap marker, so the intervals on either side of a gap become
neighbours: the file is still written, and the number of gaps joined is handed back so
the command can say it.
"""

from __future__ import annotations

import os

from cli_inprocess import Completed, run_cli

from biofeedback.core.types import Beat
from biofeedback.io.exports import export_session, gaps_joined
from biofeedback.io.store import STORE_FILENAME, SessionStore


def _cli(data_dir, *args) -> Completed:
    return run_cli(*args, env={**os.environ, "BIOFEEDBACK_DATA_DIR": str(data_dir)})


def _store_with(tmp_path, beats, breathing=()):
    data = tmp_path / "data"
    data.mkdir()
    with SessionStore(data / STORE_FILENAME) as store:
        writer = store.begin_session("sim", "native")
        writer.add_beats(beats)
        for t_s, rate, quality in breathing:
            writer.record_breathing(t_s, rate, quality)
        writer.finish()
    return data, writer.session_id


def test_a_session_without_breathing_says_so_and_writes_no_file(tmp_path):
    data, sid = _store_with(tmp_path, [Beat(1.0, 1000.0), Beat(2.0, 1000.0)])
    out = tmp_path / "breathing.csv"
    done = _cli(data, "export", str(sid), "--format", "breathing", "--out", str(out))
    assert done.returncode == 2, done.stderr
    assert f"Session {sid} holds no breathing record" in done.stderr
    assert "written to" not in done.stderr
    assert not out.exists()


def test_breathing_with_no_readable_rate_is_still_a_record(tmp_path):
    data, sid = _store_with(tmp_path, [Beat(1.0, 1000.0)], breathing=[(61.0, None, 0.0)])
    out = tmp_path / "breathing.csv"
    done = _cli(data, "export", str(sid), "--format", "breathing", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text().splitlines() == ["time_s,rate_brpm,quality", "61.000,,0.000"]


def test_the_rr_text_joins_the_sessions_gaps_and_says_how_many(tmp_path):
    # two chains of beats: 20 s missing between 10 s and 31 s, 10 s missing between 40 s and 51 s
    beats = [Beat(float(t), 1000.0) for t in [*range(1, 11), *range(31, 41), *range(51, 61)]]
    assert gaps_joined(beats) == 2
    data, sid = _store_with(tmp_path, beats)
    out = tmp_path / "session.rr"
    heard: list[int] = []
    with SessionStore(data / STORE_FILENAME) as store:
        export_session(store, sid, "rr", out, joined=heard.append)
    assert heard == [2]
    assert len(out.read_text().splitlines()) == len(beats)  # written whole all the same
    done = _cli(data, "export", str(sid), "--format", "rr", "--out", str(tmp_path / "cli.rr"))
    assert done.returncode == 0 and "2 gaps in the session are joined in this format" in done.stderr


def test_an_rr_text_without_gaps_says_nothing(tmp_path):
    data, sid = _store_with(tmp_path, [Beat(float(t), 1000.0) for t in range(1, 31)])
    heard: list[int] = []
    with SessionStore(data / STORE_FILENAME) as store:
        export_session(store, sid, "rr", tmp_path / "session.rr", joined=heard.append)
    assert heard == []
