"""`replay` of recordings with glitches: a damaged time in a raw log, a pause of days, no beats, and a
session recorded without artifact correction; `replay` agrees with `analyze` and with the store.

The recordings are made in-process through the path `record` takes (simulator bytes → native
decoder → pipeline, raw log writer or SessionWriter); the commands run in-process
(tests/cli_inprocess.py). A replay that would wait hours is caught by the test's timeout.
"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import numpy as np
import pytest
from cli_inprocess import run_cli

from biofeedback import config
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols import make_decoder
from biofeedback.core.types import DeviceBeat, Gap, PpgBlock
from biofeedback.io.clock import ManualClock
from biofeedback.io.rawlog import RAW_HEADER, RAW_MAGIC, RawEventWriter, format_events
from biofeedback.io.replay import play_events
from biofeedback.io.simulator import SensorSimulator, SimulatorSettings
from biofeedback.io.store import SessionStore

SECONDS = 40.0


def simulated_events(seconds: float = SECONDS, artifacts_per_min: float = 0.0, seed: int = 3) -> list:
    sim = SensorSimulator(SimulatorSettings(protocol="native", seed=seed, breathing_bpm=6.0,
                                            artifacts_per_min=artifacts_per_min))
    decoder = make_decoder("native")
    events: list = []
    for k in range(1, int(seconds / 0.02) + 1):
        events += decoder.feed(sim.generate(k * 0.02))
    return events


@pytest.fixture(scope="module")
def raw_lines() -> list[str]:
    """The lines of a raw log of SECONDS simulated seconds, as `record --raw` writes it."""
    stream = io.StringIO()
    RawEventWriter(stream).write(simulated_events())
    return stream.getvalue().splitlines()


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.timeout(120)
@pytest.mark.parametrize("stamp", ["100000", "1e12", "nan", "inf"])
def test_one_damaged_time_in_a_raw_log_is_refused_by_replay_and_analyze_alike(raw_lines, tmp_path, stamp):
    """One status row with a time no device gives, amid the samples: the same refusal naming the line
    from both commands (replay waited ~33 min for it, or died in a traceback; analyze took it)."""
    lines = list(raw_lines)
    middle = len(lines) // 2
    lines[middle] = f"status,{stamp},,finger_out"
    path = write(tmp_path / "damaged.log", lines)
    expected = f"damaged.log line {middle + 1} is damaged: 'status,{stamp},,finger_out'"
    for command in (("replay", str(path), "--speed", "50"), ("analyze", str(path))):
        done = run_cli(*command)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert done.stderr.strip().splitlines()[-1] == f"biofeedback {command[0]}: {expected}", command
        assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_restart_and_a_pause_the_stream_stays_at_are_not_damage(raw_lines, tmp_path):
    """What the writer does write: a device restart (a gap row, then times from 0) and a pause of an
    hour (the rows after it stay there) are read, as before."""
    lines = list(raw_lines)
    head, body = lines[:2], lines[2:]
    third = len(body) // 3
    restarted = [_shifted(line, -_time(body[third])) for line in body[third:2 * third]]
    paused = [_shifted(line, 3600.0) for line in body[2 * third:]]
    gap_at = _time(body[third - 1])
    path = write(tmp_path / "restart.log", [*head, *body[:third], f"gap,{gap_at:g},,device_restart",
                                            *restarted, *paused])
    done = run_cli("analyze", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["n_beats"] > 20


def _time(line: str) -> float:
    return float(line.split(",")[1])


def _shifted(line: str, by_s: float) -> str:
    kind, t, rest = line.split(",", 2)
    return line if kind in ("info", "direction") else f"{kind},{float(t) + by_s:.6f},{rest}"


@pytest.mark.timeout(120)
def test_a_pause_of_days_in_a_raw_log_is_replayed_as_a_gap_not_waited_out(raw_lines, tmp_path):
    """The sensor disconnected for 11 days and came back: at 50× that was 5 hours of waiting."""
    lines = list(raw_lines)
    half = len(lines) // 2
    t_half = _time(lines[half - 1])
    pause_s = 1e6
    path = write(tmp_path / "paused.log", [*lines[:half], f"gap,{t_half:g},{pause_s:g},disconnected",
                                           *(_shifted(line, pause_s) for line in lines[half:])])
    replayed = run_cli("replay", str(path), "--speed", "50")
    assert replayed.returncode == 0, replayed.stderr
    analyzed = json.loads(run_cli("analyze", str(path), "--json").stdout)
    assert f"{analyzed['rmssd_ms']:.1f} ms" in next(x for x in replayed.stdout.splitlines() if x.startswith("RMSSD"))


def test_play_events_waits_a_jump_in_stream_time_only_up_to_the_cap():
    """On a virtual clock: 1 s of stream, a jump of 1e12 s (no OverflowError), 1 s more: the second
    second is due REPLAY_MAX_WAIT_S after the first, at the replay's speed."""
    clock = ManualClock()
    speed = 10.0
    events = [DeviceBeat(0.0, None), DeviceBeat(1.0, 1000.0), DeviceBeat(1e12, None), DeviceBeat(1e12 + 1, 1000.0)]
    delivered: list[tuple[float, float]] = []  # (clock, stream time) of each event as it arrives
    stop = threading.Event()
    done = threading.Event()

    def run() -> None:
        play_events(events, speed, lambda batch: delivered.extend((clock(), e.t_s) for e in batch), stop, clock=clock)
        done.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        for _ in range(10):
            _wait(lambda: clock.n_waiting or done.is_set())
            if done.is_set():
                break
            clock.advance(0.1)
        _wait(done.is_set)
    finally:
        stop.set()
        thread.join(5)
    due = {t: at for at, t in delivered}
    assert due[1.0] == pytest.approx(1.0 / speed)
    assert due[1e12] == pytest.approx((1.0 + config.REPLAY_MAX_WAIT_S) / speed)
    assert due[1e12 + 1] == pytest.approx((2.0 + config.REPLAY_MAX_WAIT_S) / speed)


def _wait(predicate) -> None:
    from virtual_time import wait_for

    wait_for(predicate, "the replay thread")


def test_replay_of_a_raw_log_without_beats_says_so_as_analyze_does(tmp_path):
    path = write(tmp_path / "empty.log", [RAW_MAGIC, RAW_HEADER])
    analyzed = run_cli("analyze", str(path))
    replayed = run_cli("replay", str(path), "--speed", "50")
    assert analyzed.returncode == replayed.returncode == 2, (analyzed.stderr, replayed.stderr)
    said = "empty.log: found 0 beat interval(s); at least 2 are needed"
    assert analyzed.stderr.strip() == f"biofeedback analyze: {said}"
    assert replayed.stderr.strip().splitlines()[-1] == f"biofeedback replay: {said}"
    assert replayed.stdout == ""  # no table of n/a


def test_replay_of_a_few_samples_without_a_beat_says_so(tmp_path):
    blocks = [PpgBlock(np.arange(50) / 50.0, np.full(50, 500.0), 50.0), Gap(1.0, None, "disconnected")]
    path = write(tmp_path / "short.log", [RAW_MAGIC, RAW_HEADER, *format_events(blocks).splitlines()])
    replayed = run_cli("replay", str(path), "--speed", "50")
    assert replayed.returncode == 2 and "found 0 beat interval(s); at least 2 are needed" in replayed.stderr


@pytest.fixture
def uncorrected_session(data_dir) -> dict:
    """A session recorded as `record --no-correct` records it, from a sensor with artifacts."""
    events = simulated_events(90.0, artifacts_per_min=8.0, seed=5)
    pipeline = Pipeline(correct=False)
    with SessionStore() as store:
        writer = store.begin_session("simulated sensor", "native", beat_correction=False)
        for k in range(0, len(events), 50):
            chunk = events[k:k + 50]
            writer.add_events(chunk)
            writer.add_beats(pipeline.feed(chunk).beats)
        writer.add_beats(pipeline.flush().beats)
        writer.finish()
        info = store.session(writer.session_id)
    assert info.summary["n_corrected"] == 0
    return {"id": info.id, "summary": info.summary}


def _table(stdout: str) -> dict[str, str]:
    rows = {}
    for line in stdout.splitlines():
        for label in ("Beats (intervals)", "Corrected intervals", "RMSSD"):
            if line.startswith(label):
                rows[label] = line[len(label):].split()[0]
    return rows


def test_replay_of_a_session_recorded_without_correction_gives_its_stored_numbers(uncorrected_session):
    summary = uncorrected_session["summary"]
    session = str(uncorrected_session["id"])
    for extra in ((), ("--no-correct",)):
        done = run_cli("replay", session, "--speed", "50", *extra)
        assert done.returncode == 0, done.stderr
        assert _table(done.stdout) == {"Beats (intervals)": str(summary["n_beats"]), "Corrected intervals": "0",
                                       "RMSSD": f"{summary['rmssd_ms']:.1f}"}, extra
    corrected = run_cli("replay", session, "--speed", "50", "--correct")  # the user's word overrides the session's
    assert corrected.returncode == 0, corrected.stderr
    assert int(_table(corrected.stdout)["Corrected intervals"]) > 0


def test_replay_no_correct_of_a_file_gives_what_analyze_no_correct_gives(tmp_path):
    stream = io.StringIO()
    RawEventWriter(stream).write(simulated_events(90.0, artifacts_per_min=8.0, seed=5))
    path = tmp_path / "artifacts.log"
    path.write_text(stream.getvalue())
    analyzed = json.loads(run_cli("analyze", str(path), "--json", "--no-correct").stdout)
    replayed = run_cli("replay", str(path), "--speed", "50", "--no-correct")
    assert replayed.returncode == 0, replayed.stderr
    assert _table(replayed.stdout) == {"Beats (intervals)": str(analyzed["n_beats"]), "Corrected intervals": "0",
                                       "RMSSD": f"{analyzed['rmssd_ms']:.1f}"}
