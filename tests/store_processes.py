"""Real `simulate` and `record` processes for the store's fault and stress tests.

Each ``RecordProcess`` reads the recorder's stderr on a thread (status lines end
in "\\r", which text mode turns into line ends) and remembers when each line came,
so a test can wait for "[store] not saving: disk full" and measure how soon it came.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

CLI = [sys.executable, "-m", "biofeedback"]


class Simulator:
    """`biofeedback simulate` on a pty (or a TCP port with ``listen``); ``t0`` = its simulated time 0."""

    def __init__(self, truth: Path | None = None, speed: float = 1.0, seed: int = 5,
                 listen: str | None = None) -> None:
        args = [*CLI, "simulate", "--protocol", "native", "--seed", str(seed), "--speed", str(speed)]
        if truth is not None:
            args += ["--truth", str(truth)]
        if listen is not None:
            args += ["--listen", listen]
        self.speed = speed
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = self.proc.stdout.readline().split()
        self.t0 = time.monotonic()  # the simulator's clock starts right after it prints the port
        if not first or first[0] != "PORT":
            raise RuntimeError(self.proc.stderr.read())
        self.port = first[1]

    def sim_time_s(self) -> float:
        return (time.monotonic() - self.t0) * self.speed

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)  # a hang guard: on two cores under a CPU hog, once more than 10 s


class ServedSimulator:
    """The app's simulated sensor (``SensorSimulator`` on a pty, or a TCP port with ``listen``, as
    `simulate --protocol native --seed SEED --speed SPEED [--listen URL]` serves it) from a thread of the
    test's process: what ``Simulator`` gives without a process importing SciPy (some 1.5 CPU-s) where
    the `simulate` command is not under test (test_store_stress.py and test_store_crash.py run it, on TCP)."""

    def __init__(self, speed: float = 1.0, seed: int = 5, listen: str | None = None) -> None:
        from biofeedback.io.simulator import (
            SensorSimulator,
            ServeOptions,
            SimulatorSettings,
            open_virtual_port,
            serve,
        )

        self.speed = speed
        self._port = open_virtual_port(listen)
        self.port = self._port.path
        self._halt = threading.Event()
        self.t0 = time.monotonic()
        sim = SensorSimulator(SimulatorSettings(protocol="native", seed=seed, noise=0.01))
        self._thread = threading.Thread(
            target=serve, args=(sim, self._port, ServeOptions(speed=speed, started_at=self.t0), self._halt),
            name="simulated sensor", daemon=True)
        self._thread.start()

    def sim_time_s(self) -> float:
        return (time.monotonic() - self.t0) * self.speed

    def stop(self) -> None:
        self._halt.set()
        self._thread.join(timeout=10)
        self._port.close()


class RecordProcess:
    """`biofeedback record` on ``port`` with its own data folder (``BIOFEEDBACK_DATA_DIR``)."""

    def __init__(self, port: str, data_dir: Path, *extra: str) -> None:
        env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(data_dir)}
        self.proc = subprocess.Popen([*CLI, "record", "--port", port, "--protocol", "native", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        self._ended = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            with self._cond:
                self.lines.append((time.monotonic(), line.rstrip("\n")))
                self._cond.notify_all()
        with self._cond:
            self._ended = True
            self._cond.notify_all()

    def wait_for(self, text: str, timeout_s: float, after: float = 0.0) -> float:
        """The time a line containing ``text`` arrived (after ``after``); AssertionError on timeout."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while True:
                for t, line in self.lines:
                    if t >= after and text in line:
                        return t
                left = deadline - time.monotonic()
                if left <= 0 or self._ended:
                    raise AssertionError(f"no {text!r} from record in {timeout_s} s: {self.text()[-2000:]}")
                self._cond.wait(min(left, 0.2))

    def text(self) -> str:
        with self._cond:
            return "\n".join(line for _, line in self.lines)

    def stop(self, timeout_s: float = 60) -> int:
        """Ctrl-C (SIGINT): record keeps everything and closes the session."""
        self.proc.send_signal(2)
        return self.proc.wait(timeout=timeout_s)
