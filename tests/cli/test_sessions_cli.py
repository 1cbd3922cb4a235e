"""`sessions`, `export` and `replay` over the store, checked with `analyze` as the reference.

A session is recorded in-process through the same path as `record` (simulator
bytes → native decoder → pipeline → SessionWriter); the CLI then runs against the same store
folder (BIOFEEDBACK_DATA_DIR). As a user runs them, subprocesses: `sessions` on a store from a
newer version, `export` of a missing session, `replay --port-out` serving `record`; the rest
are called in-process (tests/cli_inprocess.py), which gives the same exit status, text and files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from cli_inprocess import run_cli

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols import make_decoder
from biofeedback.io.session_format import format_duration
from biofeedback.io.simulator import SensorSimulator, SimulatorSettings
from biofeedback.io.store import STORE_FILENAME, CheckIn, SessionStore

SECONDS = 150.0


def cli_process(*args: str, timeout: float = 60, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "biofeedback", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


cli = run_cli


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("store")


@pytest.fixture
def data_dir(store_dir, monkeypatch):
    """This module's tests share one store (recorded once) instead of one store per test."""
    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(store_dir))
    return store_dir


@pytest.fixture(scope="module")
def recorded(store_dir) -> dict:
    """One stored session of SECONDS simulated seconds at a 6/min pacer, with check-ins."""
    sim = SensorSimulator(SimulatorSettings(protocol="native", seed=2, breathing_bpm=6.0, artifacts_per_min=2))
    decoder, pipeline = make_decoder("native"), Pipeline()
    with SessionStore(store_dir / STORE_FILENAME) as store:
        writer = store.begin_session("simulated sensor", "native", pacer_bpm=6.0, name="morning")
        for k in range(1, int(SECONDS / 0.02) + 1):
            events = decoder.feed(sim.generate(k * 0.02))
            writer.add_events(events)
            writer.add_beats(pipeline.feed(events).beats)
            if k == 2000:
                writer.add_marker(40.0, "yawn")
        writer.add_beats(pipeline.flush().beats)
        writer.finish()
        store.set_checkin(writer.session_id, CheckIn("before", stress=6, mood=4))
        store.set_checkin(writer.session_id, CheckIn("after", stress=2, mood=7))
        info = store.session(writer.session_id)
    return {"id": info.id, "summary": info.summary, "truth": sim.truth, "info": info}


def test_raw_export_analyzed_gives_exactly_the_session_summary(recorded, data_dir, tmp_path):
    out = tmp_path / "raw.csv"
    result = cli("export", str(recorded["id"]), "--format", "raw", "--out", str(out))
    assert result.returncode == 0, result.stderr
    analyzed = json.loads(cli("analyze", str(out), "--json").stdout)
    # the simulated sensor's header (native protocol) declares the pulse upright; analyze says so beside the summary
    assert analyzed.pop("pulse_direction") == {"polarity": "upright", "from": "the device", "sure": True}
    # every whole-record number; the stored heart-rate swing needs the pacer, which a raw export does not carry
    assert analyzed == {k: v for k, v in recorded["summary"].items() if k != "hr_swing_bpm"}
    assert recorded["summary"]["n_beats"] > 120 and recorded["summary"]["lf_power_ms2"] is not None


def test_beats_and_kubios_exports_analyzed_give_the_session_metrics(recorded, data_dir, tmp_path):
    summary = recorded["summary"]
    for fmt in ("csv", "rr"):
        out = tmp_path / f"beats.{fmt}"
        assert cli("export", "last", "--format", fmt, "--out", str(out)).returncode == 0
        analyzed = json.loads(cli("analyze", str(out), "--json", "--no-correct").stdout)
        # both files keep rr to 0.001 ms (at 0.1 ms the rounding alone moved HF power by 9e-4 of itself)
        tolerance = 1e-5
        for key in ("n_beats", "mean_hr_bpm", "sdnn_ms", "rmssd_ms", "lf_power_ms2", "hf_power_ms2",
                    "coherence_ratio"):
            assert analyzed[key] == pytest.approx(summary[key], rel=tolerance), (fmt, key)
    lines = (tmp_path / "beats.rr").read_text().splitlines()
    assert len(lines) == summary["n_beats"] and all(300 < float(x) < 2000 for x in lines)


def test_sessions_lists_metrics_and_checkins(recorded, data_dir):
    result = cli("sessions")
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()
    assert header.split()[:3] == ["id", "date", "duration"]
    s = recorded["summary"]
    assert row.split()[0] == str(recorded["id"])
    for text in (format_duration(recorded["info"].duration_s), "simulated sensor", "6.0/min", f"{s['mean_hr_bpm']:.0f} bpm",
                 f"{s['rmssd_ms']:.0f} ms", f"{s['coherence_ratio']:.2f}", "stress 6→2", "mood 4→7", "morning"):
        assert text in row, text
    listed = json.loads(cli("sessions", "--json").stdout)
    assert listed["summary"] == s and listed["checkins"]["before"]["stress"] == 6


def test_export_of_a_missing_session_is_one_clear_line(recorded, data_dir, tmp_path):
    result = cli_process("export", "999", "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert result.returncode == 2 and result.stderr.strip() == (
        f"biofeedback export: no session 999 in {SessionStore().path}")


def test_replay_of_a_stored_session_prints_the_session_metrics(recorded, data_dir):
    result = cli("replay", str(recorded["id"]), "--speed", "50")
    assert result.returncode == 0, result.stderr
    rmssd = next(line for line in result.stdout.splitlines() if line.startswith("RMSSD"))
    assert f"{recorded['summary']['rmssd_ms']:.1f}" in rmssd
    assert "HR" in result.stderr and "coherence" in result.stderr  # live status lines


def test_replay_port_out_serves_beats_record_can_read(recorded, data_dir, tmp_path):
    server = subprocess.Popen([sys.executable, "-m", "biofeedback", "replay", "last", "--port-out",
                               "--speed", "20"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline().split()
        assert first and first[0] == "PORT", server.stderr.read()
        own_store = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path / "rec")}
        result = cli_process("record", "--port", first[1], "--protocol", "native", "--duration", "3",
                     "--out", str(tmp_path / "beats.csv"), env=own_store)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert result.returncode == 0, result.stderr
    got = np.loadtxt(tmp_path / "beats.csv", delimiter=",", skiprows=1, ndmin=2)
    truth = np.array([b.t_s for b in recorded["truth"] if b.kind != "missed"])
    assert got.shape[0] > 20
    # device clock carried through: beats land on the true beat times
    inner = truth[(truth > got[0, 0] - 0.5) & (truth < got[-1, 0] + 0.5)]
    hits = sum(np.min(np.abs(inner - t)) < 0.05 for t in got[got[:, 2] == 0, 0])
    assert hits >= 0.95 * np.sum(got[:, 2] == 0)
    # record also saved the session: completed, protocol found, the same beats as its CSV
    with SessionStore(tmp_path / "rec" / STORE_FILENAME) as store:
        (info,) = store.list_sessions()
        stored = np.array([[b.t_s, b.rr_ms, b.corrected] for b in store.beats(info.id)])
    assert info.status == "completed" and info.protocol == "native" and info.summary["n_beats"] == got.shape[0]
    np.testing.assert_allclose(stored, got[:, :3], atol=6e-4)


def test_cli_refuses_a_store_from_a_newer_version_and_leaves_it(tmp_path):
    import sqlite3

    folder = tmp_path / "newer"
    with SessionStore(folder / STORE_FILENAME):
        pass
    con = sqlite3.connect(folder / STORE_FILENAME)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    before = (folder / STORE_FILENAME).read_bytes()
    result = cli_process("sessions", env={**os.environ, "BIOFEEDBACK_DATA_DIR": str(folder)})
    assert result.returncode == 2 and "newer version of biofeedback" in result.stderr
    assert "Nothing was changed" in result.stderr
    assert (folder / STORE_FILENAME).read_bytes() == before


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_report_export_to_a_missing_folder_says_so_and_exits_2(recorded, data_dir, tmp_path, fmt):
    out = tmp_path / "missing" / f"report.{fmt}"
    result = cli("export", "last", "--format", fmt, "--out", str(out))
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.strip() == (f"biofeedback export: cannot write {out}: the folder {out.parent} "
                                     "does not exist; nothing was written.")


def test_report_export_that_renders_nothing_is_an_error(recorded, data_dir, tmp_path):
    out = tmp_path / "report.pdf"
    out.mkdir()  # a folder where the file should go
    result = cli("export", "last", "--format", "pdf", "--out", str(out))
    assert result.returncode == 2 and "it is a folder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_store_errors_reach_the_user_as_one_sentence(tmp_path):
    """A damaged store another process holds open: `sessions` and `export` say so in one line."""
    import textwrap

    from biofeedback.core.types import Beat

    folder = tmp_path / "held"
    with SessionStore(folder / STORE_FILENAME) as store:
        for _ in range(3):
            writer = store.begin_session()
            writer.add_beats([Beat(1.0, 1000.0)])
            writer.finish()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from biofeedback.io.store import SessionStore
        store = SessionStore({str(folder / STORE_FILENAME)!r})
        print("open", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        path = folder / STORE_FILENAME
        data = bytearray(path.read_bytes())
        data[4096:] = b"\xff" * (len(data) - 4096)
        path.write_bytes(bytes(data))
        env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(folder)}
        for args in (["sessions"], ["export", "last", "--format", "csv", "--out", str(tmp_path / "x.csv")]):
            result = cli(*args, env=env)
            assert result.returncode == 2, result
            (line,) = result.stderr.strip().splitlines()
            assert "is damaged, but another program is using it" in line and "Traceback" not in line
    finally:
        holder.kill()
        holder.wait()
    assert sorted(p.name for p in folder.iterdir() if "damaged" in p.name) == []


def test_a_session_number_beyond_any_id_is_one_clear_line(recorded, data_dir, tmp_path):
    """It raised OverflowError (SQLite's integers) with a traceback."""
    result = run_cli("export", "99999999999999999999999", "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "there is no session 99999999999999999999999" in result.stderr


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_sessions_limit_below_one_is_refused(recorded, data_dir, limit):
    """--limit 0 printed "No sessions yet" over a full store; -1 silently dropped the oldest."""
    result = run_cli("sessions", "--limit", limit)
    assert result.returncode == 2 and "give 1 or more" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes and symbolic links as POSIX has them")
def test_export_writes_through_a_link_and_never_over_a_named_pipe(recorded, data_dir, tmp_path):
    """The rename of the finished file replaced the link itself, and a named pipe with a plain file."""
    target = tmp_path / "target.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert run_cli("export", "last", "--format", "csv", "--out", str(link)).returncode == 0
    assert link.is_symlink() and target.read_text().startswith("time_s,")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = run_cli("export", "last", "--format", "rr", "--out", str(fifo))
    assert result.returncode == 2 and "not a regular file" in result.stderr
    assert not fifo.is_file()  # still the pipe

