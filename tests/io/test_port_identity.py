"""A simulator's port link goes on every exit path, and a reconnect reaches only the same device.

Real `simulate` processes for the exit paths (SIGTERM, SIGINT, SIGHUP; SIGKILL swept
by the next simulator); a real pty link and a real SerialSource for the reconnect:
when another simulator answers behind the same link, its data is refused.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from store_processes import Simulator

from biofeedback.core.types import DeviceInfo, PpgBlock
from biofeedback.io.serial_source import SerialSource
from biofeedback.io.simulator import SensorSimulator, ServeOptions, SimulatorSettings, serve
from biofeedback.io.virtual_port import PtyPort

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")


@pytest.mark.slow(about_s=15)
def test_simulator_removes_its_port_link_on_sigterm_sigint_and_sighup():
    sims = {sig: Simulator() for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    for sig, sim in sims.items():
        assert os.path.lexists(sim.port)
        time.sleep(0.5)  # past start-up, into the serving loop
        sim.proc.send_signal(sig)
    for sig, sim in sims.items():
        sim.proc.wait(timeout=20)
        assert not os.path.lexists(sim.port), sig
        assert not os.path.exists(os.path.dirname(sim.port)), sig


@pytest.mark.slow(about_s=12)
def test_a_killed_simulators_link_is_swept_by_the_next_simulator():
    dead = Simulator()
    dead.proc.kill()
    dead.proc.wait(timeout=10)
    assert os.path.lexists(dead.port)  # SIGKILL: nothing could run
    nxt = Simulator()
    try:
        assert not os.path.lexists(dead.port) and not os.path.exists(os.path.dirname(dead.port))
    finally:
        nxt.stop()


HEADER_PERIOD_S = 0.5


class Device:
    """A simulator serving on a pty at ``link`` from a thread."""

    def __init__(self, link, seed: int) -> None:
        self.sim = SensorSimulator(SimulatorSettings(protocol="native", seed=seed))
        self.name = self.sim.encoder.device
        # names itself every HEADER_PERIOD_S (5 s by default): the reader, which joins after the
        # first header, hears who answers within that, not 5 s later (the identity wait is 6 s)
        self.sim.encoder.header_period_s = HEADER_PERIOD_S
        self.port = PtyPort(link)
        self.options = ServeOptions()
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=serve, args=(self.sim, self.port, self.options, self.stop_event),
                                       daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.stop_event.set()
        self.thread.join(timeout=5)
        self.port.close()


def test_reconnect_refuses_another_device_behind_the_same_port_and_takes_its_own_back(tmp_path):
    link = tmp_path / "port"
    events, states = [], []
    ours = Device(link, seed=1)
    reader = SerialSource(str(link), protocol="native")
    reader.start(lambda evs: events.append((time.monotonic(), list(evs))), states.append)
    other = None
    try:
        deadline = time.monotonic() + 15
        while not any(isinstance(e, DeviceInfo) and e.device == ours.name for _, b in events for e in b):
            assert time.monotonic() < deadline, states
            time.sleep(0.1)
        ours.options.held_unplugged = True  # our device goes away, its link with it...
        time.sleep(0.3)
        other = Device(link, seed=2)  # ...and another simulator's pty appears behind the same link
        swapped_at = time.monotonic()
        deadline = swapped_at + 15
        while not any("different device" in s.message for s in states):
            assert time.monotonic() < deadline, [s.message for s in states]
            time.sleep(0.1)
        other.close()
        ours.options.held_unplugged = False  # ours is plugged back in
        back_at = time.monotonic()
        deadline = back_at + 20
        while not any(t > back_at and any(isinstance(e, PpgBlock) for e in b) for t, b in events):
            assert time.monotonic() < deadline, [s.message for s in states]
            time.sleep(0.1)
    finally:
        reader.stop()
        ours.close()
        if other is not None:
            other.close()
    assert other.name != ours.name
    assert not any(isinstance(e, DeviceInfo) and e.device == other.name for _, b in events for e in b)
    assert not any(swapped_at < t < back_at and b for t, b in events)  # none of the other's data
    assert f"A different device ({other.name}) answered" in " ".join(s.message for s in states)


def test_simulate_cli_exits_cleanly_when_its_truth_file_cannot_be_written(tmp_path):
    result = subprocess.run([sys.executable, "-m", "biofeedback", "simulate", "--duration", "1",
                             "--truth", str(tmp_path / "missing" / "truth.csv")],
                            capture_output=True, text=True, timeout=60)
    # the truth file is opened before any port: nothing is announced or left behind, one sentence
    assert result.returncode == 2 and "PORT" not in result.stdout and "Traceback" not in result.stderr
    assert "cannot write the truth file" in result.stderr
