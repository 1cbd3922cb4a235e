"""End to end over a real pty: a simulated sensor -> `record --protocol auto` (a subprocess).

`record` reads a pseudo-terminal exactly as it would a USB serial sensor; beats
are scored against the simulator's truth. The simulator is the app's own
(``io.simulator``: ``SensorSimulator`` served by ``serve`` on a ``PtyPort``), run in
a thread of the test's process, as the app runs its simulated sensor: a `simulate`
process would add a SciPy import (some 1.6 CPU-s) per run and nothing under test
(the `simulate` command itself: test_simulate_truth_phase.py, test_record_interrupted.py).
Runs that only differ in the simulator's settings go side by side, three at a
time (``record_side_by_side``): each pair mostly waits on its pty, so three pairs
take about the wall time of one.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from scoring import clock_offset_s, match_f1, read_beats, read_truth

from biofeedback.io.simulator import (
    SensorSimulator,
    ServeOptions,
    SimulatorSettings,
    open_virtual_port,
    serve,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")

SPEED = 20.0
RECORD_S = 9.0  # wall seconds of each `record`
# side by side, each pair at half the speed (a pair at 20x takes a third of a core): some 95 beats
# in RECORD_S (> 60 are scored)
SIDE_BY_SIDE_SPEED = 10.0
# pairs at once: at 10x a simulator and its record each want a sixth of a core, which they still
# get from a fair scheduler with a CPU hog on both cores and the other xdist worker beside them;
# a record kept off the CPU for over 2 s loses bytes (the simulator's SIM_READER_WAIT_S)
AT_ONCE = 3


def launch_simulator(tmp_path, *args: str, speed: float = SPEED) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "biofeedback", "simulate", "--seed", "3", "--speed", str(speed),
         "--truth", str(tmp_path / "truth.csv"), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def port_of(sim: subprocess.Popen) -> str:
    first = sim.stdout.readline().split()
    assert first and first[0] == "PORT", sim.stderr.read()
    return first[1]


def start_simulator(tmp_path, *args: str) -> tuple[subprocess.Popen, str]:
    sim = launch_simulator(tmp_path, *args)
    return sim, port_of(sim)


def record_args(port: str, tmp_path, seconds: float, *args: str) -> list[str]:
    return [sys.executable, "-m", "biofeedback", "record", "--port", port, "--duration", str(seconds),
            "--out", str(tmp_path / "beats.csv"), "--raw", str(tmp_path / "raw.csv"), *args]


def record(port: str, tmp_path, seconds: float, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(record_args(port, tmp_path, seconds, *args), capture_output=True, text=True, timeout=120)


def stop(sim: subprocess.Popen) -> None:
    """Ctrl-C: it ends a simulator even while it waits for its reader (SIGTERM waits up to 2 s for that)."""
    sim.send_signal(signal.SIGINT)
    sim.wait(timeout=10)


@contextlib.contextmanager
def served(folder: Path, speed: float, **settings) -> Iterator[str]:
    """A simulated sensor (seed 3, ``settings`` as ``SimulatorSettings``'s) on a pty, served from a thread
    at ``speed``, as `simulate --seed 3 --speed SPEED` serves it; yields the port's path. On leaving:
    stopped, the port closed, its true beats in ``folder/truth.csv`` (`simulate --truth`'s columns)."""
    sim = SensorSimulator(SimulatorSettings(seed=3, noise=0.01, **settings))
    port = open_virtual_port()
    halt = threading.Event()
    thread = threading.Thread(target=serve, args=(sim, port, ServeOptions(speed=speed), halt),
                              name="simulated sensor", daemon=True)
    thread.start()
    try:
        yield port.path
    finally:
        halt.set()
        thread.join(timeout=10)
        port.close()
        with open(folder / "truth.csv", "w", encoding="utf-8") as truth:
            truth.write("time_s,rr_ms,kind\n")
            truth.writelines(f"{b.t_s:.4f},{b.rr_ms:.3f},{b.kind}\n" for b in sim.truth)


def scored_f1(tmp_path, align: bool) -> tuple[float, np.ndarray, np.ndarray]:
    beats = read_beats(tmp_path / "beats.csv")
    truth_t, kinds = read_truth(tmp_path / "truth.csv")
    truth_t = truth_t[kinds != "missed"]
    detected = beats[:, 0]
    if align:
        detected = detected + clock_offset_s(detected, truth_t)
    # score only the stretch both cover (recording starts and stops mid-stream)
    inner = truth_t[(truth_t > detected[0] - 0.5) & (truth_t < detected[-1] + 0.5)]
    return match_f1(detected, inner), detected, beats


def record_side_by_side(tmp_path, runs: dict[str, dict[str, str]],
                        seconds: float = RECORD_S) -> dict[str, tuple[Path, subprocess.CompletedProcess]]:
    """Each run's simulator (``served`` with its settings) recorded by a `record` of its own, AT_ONCE runs at a time.

    Returns each run's folder (truth.csv, beats.csv, raw.csv) and its `record`'s outcome.
    """
    names = list(runs)
    done: dict[str, tuple[Path, subprocess.CompletedProcess]] = {}
    for k in range(0, len(names), AT_ONCE):
        done.update(_record_at_once(tmp_path, {n: runs[n] for n in names[k:k + AT_ONCE]}, seconds))
    return done


def _record_at_once(tmp_path, runs: dict[str, dict[str, str]],
                    seconds: float) -> dict[str, tuple[Path, subprocess.CompletedProcess]]:
    recs: dict[str, subprocess.Popen] = {}
    with contextlib.ExitStack() as sims:
        try:
            for name, settings in runs.items():
                (tmp_path / name).mkdir()
                port = sims.enter_context(served(tmp_path / name, SIDE_BY_SIDE_SPEED, **settings))
                recs[name] = subprocess.Popen(record_args(port, tmp_path / name, seconds),
                                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            done = {}
            for name, rec in recs.items():
                out, err = rec.communicate(timeout=120)
                done[name] = (tmp_path / name, subprocess.CompletedProcess(rec.args, rec.returncode, out, err))
            return done
        finally:
            for rec in recs.values():
                if rec.poll() is None:
                    rec.kill()
                    rec.wait()


PROTOCOLS = {
    "native": False,  # device clock in every line
    "pulsesensor": True,  # beat-exact IBIs; the clock starts at the first line read
    "cms50d": True,
    "cms50d-v7": True,
    "max3010x": True,
    "ibi": True,
}


@pytest.mark.slow(about_s=25)
def test_recorded_beats_match_truth_for_each_protocol(tmp_path):
    done = record_side_by_side(tmp_path, {p: {"protocol": p} for p in PROTOCOLS})
    failed = []
    for protocol, (folder, result) in done.items():
        if result.returncode != 0 or f"({protocol})" not in result.stderr:  # auto-detect named the protocol
            failed.append(f"{protocol}: exit {result.returncode}, {result.stderr[-1500:]}")
            continue
        f1, detected, _ = scored_f1(folder, PROTOCOLS[protocol])
        if detected.size <= 60 or f1 < 0.99:
            failed.append(f"{protocol}: {detected.size} beats, F1 {f1:.3f}; {result.stderr[-1500:]}")
    assert failed == []


@pytest.mark.slow(about_s=17)
def test_artifact_corrector_flags_injected_artifacts(tmp_path):
    with served(tmp_path, SPEED, protocol="native", artifacts_per_min=6.0) as port:
        result = record(port, tmp_path, 12.0)
    assert result.returncode == 0, result.stderr
    beats = read_beats(tmp_path / "beats.csv")
    truth_t, kinds = read_truth(tmp_path / "truth.csv")
    span = (truth_t > beats[0, 0] + 10) & (truth_t < beats[-1, 0] - 5)
    # ectopic beats and missed pulses reach the beat stream and must be flagged;
    # a spurious small pulse ("extra") either is ignored by the detector or must be flagged
    injected = truth_t[span & np.isin(kinds, ["ectopic", "missed"])]
    assert injected.size >= 5
    corrected_t = beats[beats[:, 2] == 1, 0]
    flagged = [np.any(np.abs(corrected_t - t) < 2.5) for t in injected]
    assert np.mean(flagged) >= 0.8, f"flagged {np.sum(flagged)} of {injected.size}"
    clean_t = beats[beats[:, 2] == 0, 0]
    extras = truth_t[span & (kinds == "extra")]
    slipped = [np.any(np.abs(clean_t - t) < 0.05) for t in extras]
    assert sum(slipped) <= max(1, 0.2 * extras.size)
