"""Run a firmware on the simulated board and read it with `biofeedback record` (real subprocesses).

simboard (firmware_notes/simboard/) runs the ELF on simavr and bridges its UART to a pty;
`biofeedback record --protocol auto` reads that pty as it would a USB serial port.
"""

from __future__ import annotations

import csv
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SIM_TIMEOUT_S = 120  # waits for record to open the port, then the run itself
RECORD_CATCH_UP_S = 60  # record may lag the board on a busy machine (CI beside other work)
RECORD_STOP_TIMEOUT_S = 120  # from Ctrl-C to record's exit, everything written


@dataclass
class BoardRun:
    uart: bytes  # every byte the firmware sent (simboard --tee)
    beats_s: np.ndarray  # beat times from record --out, device clock
    raw_rows: list[list[str]]  # record --raw rows (kind, t_s, value, detail)
    clock0_s: dict[str, float]  # simulated time of device clock zero, per sensor
    lost: list[tuple[int, int]]  # (first lost sample index, count) in the virtual MAX30102
    sim_speed: float  # simulated seconds per wall second (simboard alone)
    sim_log: str
    record_log: str
    wall_s: float


def wait_until_recorded(raw: Path, n_samples: int, rec: subprocess.Popen) -> None:
    """Wait until record's raw log holds every sample line sent (it flushes once a second).

    The board may finish before record's auto-detect (2 s of listening) is over.
    """
    deadline = time.monotonic() + RECORD_CATCH_UP_S
    while time.monotonic() < deadline and rec.poll() is None:
        if raw.exists() and raw.read_bytes().count(b"\nppg,") >= n_samples:
            return
        time.sleep(0.2)


def run_board(simboard: Path, elf: Path, wave_path: Path, tmp: Path, *args: str) -> BoardRun:
    tee, beats, raw = tmp / "uart.txt", tmp / "beats.csv", tmp / "raw.csv"
    t0 = time.monotonic()
    # --hold-open: the pty stays open until stdin closes, so a record process that lags behind the
    # board (a busy machine) still reads every byte; a hang-up would discard the unread ones
    sim = subprocess.Popen([str(simboard), str(elf), str(wave_path), "--tee", str(tee), "--hold-open", *args],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sim_err: list[str] = []
    finished = threading.Event()

    def read_stderr() -> None:
        for line in sim.stderr:
            sim_err.append(line)
            if line.startswith("simboard: simulated"):  # the run is over; the pty is held open
                finished.set()
        finished.set()

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    port = None
    for line in sim.stdout:  # simavr prints "Loaded ..." lines first
        if line.startswith("PORT "):
            port = line.split()[1]
            break
    assert port, f"simboard gave no port: {''.join(sim_err)}"
    rec = subprocess.Popen(
        [sys.executable, "-m", "biofeedback", "record", "--port", port, "--protocol", "auto",
         "--out", str(beats), "--raw", str(raw), "--no-store", "--no-correct"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        finished.wait(timeout=SIM_TIMEOUT_S)
        sent = tee.read_bytes()
        complete = sent[: sent.rfind(b"\n") + 1]  # the run may stop inside a line
        wait_until_recorded(raw, complete.count(b"\nP,"), rec)
    finally:
        rec.send_signal(signal.SIGINT)  # record stops on SIGINT and keeps everything
        try:  # a hang guard, not a speed target: a loaded machine can take a while to flush
            record_log = rec.communicate(timeout=RECORD_STOP_TIMEOUT_S)[1]
        except subprocess.TimeoutExpired:
            rec.kill()
            raise AssertionError(f"record did not stop within {RECORD_STOP_TIMEOUT_S} s of Ctrl-C: "
                                 f"{rec.communicate()[1][-3000:]}") from None
        sim.stdin.close()  # the board may hang up now
        try:
            sim.wait(timeout=10)
        except subprocess.TimeoutExpired:
            sim.kill()
            sim.wait()
        reader.join(timeout=5)
    sim_log = "".join(sim_err)
    wall_s = time.monotonic() - t0
    assert sim.returncode == 0, sim_log
    with beats.open() as f:
        rows = list(csv.DictReader(f))
    with raw.open() as f:
        raw_rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")][1:]
    speed = re.search(r"wall \(([0-9.]+)x real time\)", sim_log)
    return BoardRun(
        uart=tee.read_bytes(),
        beats_s=np.array([float(r["time_s"]) for r in rows]),
        raw_rows=raw_rows,
        clock0_s={m[0]: float(m[1]) for m in re.findall(r"CLOCK0 (\w+) ([0-9.]+)", sim_log)},
        lost=[(int(b), int(a)) for a, b in re.findall(r"lost (\d+) samples from sample (\d+)", sim_log)],
        sim_speed=float(speed[1]) if speed else 0.0,
        sim_log=sim_log, record_log=record_log, wall_s=wall_s,
    )


def match_beats(detected_s: np.ndarray, truth_s: np.ndarray, tol_s: float = 0.05):
    """One-to-one nearest matches within ``tol_s``: (F1, matched pairs as index arrays)."""
    detected_s, truth_s = np.sort(detected_s), np.sort(truth_s)
    used = np.zeros(truth_s.size, dtype=bool)
    pairs = []
    for i, t in enumerate(detected_s):
        j = int(np.searchsorted(truth_s, t))
        best = min((k for k in (j - 1, j) if 0 <= k < truth_s.size and not used[k]),
                   key=lambda k: abs(truth_s[k] - t), default=None)
        if best is not None and abs(truth_s[best] - t) <= tol_s:
            used[best] = True
            pairs.append((i, best))
    f1 = 2 * len(pairs) / (detected_s.size + truth_s.size) if detected_s.size + truth_s.size else 0.0
    idx = np.array(pairs, dtype=int).reshape(-1, 2)
    return f1, idx[:, 0], idx[:, 1]


def rr_errors_ms(detected_s: np.ndarray, truth_s: np.ndarray, det_i: np.ndarray,
                 tru_j: np.ndarray) -> np.ndarray:
    """Interval errors over pairs of successive beats matched to successive true beats."""
    detected_s, truth_s = np.sort(detected_s), np.sort(truth_s)
    ok = (np.diff(det_i) == 1) & (np.diff(tru_j) == 1)
    rr_det = detected_s[det_i[1:]] - detected_s[det_i[:-1]]
    rr_true = truth_s[tru_j[1:]] - truth_s[tru_j[:-1]]
    return 1000.0 * (rr_det - rr_true)[ok]
