"""A serial sensor unplugged and plugged back, in virtual time: a real pty and a real SerialSource.

The PC (the reader) and the simulated device (``serve``) each run on a ``ManualClock``, moved
together a step at a time: the PC's first (the reader tries the port again, or not yet), then the
device's (it sends that step's samples, or pulls its cable); the test waits for the reader to be
done with each before the next. When the reader retries, how long the gap is and where the samples
after it land are then the same on any machine, under any load. Tested for a device whose clock
runs on while unplugged (native ``t_ms``) and one whose samples are counted from the reconnect
(PulseSensor text, one number per line).
"""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest
from virtual_time import wait_for

from biofeedback import config
from biofeedback.core.protocols import PROTOCOLS
from biofeedback.core.protocols.native import xor_checksum
from biofeedback.core.types import Gap, PpgBlock
from biofeedback.io.clock import ManualClock
from biofeedback.io.serial_source import SerialSource
from biofeedback.io.simulator import SensorSimulator, ServeOptions, SimulatorSettings, serve
from biofeedback.io.source import CONNECTED, DISCONNECTED, RECONNECTING
from biofeedback.io.virtual_port import PtyPort

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")

T0_S = 1024.0  # both clocks' reading when the device starts
STEP_S = 1.0 / 32.0  # the test moves the clocks this much at a time (binary fractions: sums are exact)
PLUGGED_S = 10.0
UNPLUGGED_S = 6.0


class CountedPty(PtyPort):
    """The device's end of the cable, counting the bytes it put on it."""

    written = 0

    def write(self, data: bytes, wait_s: float = 0.0) -> int:
        sent = super().write(data, wait_s)
        self.written += sent
        return sent


class Bench:
    """A simulated device on a pty and a SerialSource reading it, each on its own ManualClock."""

    def __init__(self, tmp_path, protocol: str) -> None:
        self.host = ManualClock(T0_S)  # the PC's: the reader's waits and stamps
        self.device = ManualClock(T0_S)  # the device's: it sends a step's samples when this moves
        self.fs_hz = PROTOCOLS[protocol].fs_hz
        self.options = ServeOptions(clock=self.device, started_at=T0_S)
        self.port = CountedPty(tmp_path / "port")
        self._stop = threading.Event()
        sim = SensorSimulator(SimulatorSettings(protocol=protocol, seed=3))
        self._serving = threading.Thread(target=serve, args=(sim, self.port, self.options, self._stop), daemon=True)
        self._serving.start()
        self._lock = threading.Lock()
        self.events: list = []
        self.states: list[tuple[float, str]] = []  # (PC clock, state)
        self.reader = SerialSource(str(tmp_path / "port"), protocol=protocol, clock=self.host)
        self.reader.start(self._on_events, self._on_state)
        wait_for(self.connected, "the reader to open the port", self.states)  # before the first byte
        self._since_open = (self.port.written, self.reader.bytes_received)

    def _on_events(self, events) -> None:
        with self._lock:
            self.events += events

    def _on_state(self, state) -> None:
        with self._lock:
            self.states.append((self.host(), state.state))

    def said(self, state: str) -> list[float]:
        with self._lock:
            return [t for t, s in self.states if s == state]

    def connected(self) -> bool:
        with self._lock:
            return bool(self.states) and self.states[-1][1] == CONNECTED

    def samples(self) -> np.ndarray:
        with self._lock:
            blocks = [e.t_s for e in self.events if isinstance(e, PpgBlock) and len(e)]
        return np.concatenate(blocks) if blocks else np.zeros(0)

    def step(self) -> None:
        was_connected = self.connected()
        self.host.advance(STEP_S)
        if not was_connected:  # the reader waits for its next try, or has just found the device
            wait_for(lambda: self.host.n_waiting >= 1 or self.connected(), "the reader to try", self.states)
            if self.connected():  # (bytes the device sent before the port was opened are dropped)
                self._since_open = (self.port.written, self.reader.bytes_received)
        self.device.advance(STEP_S)
        wait_for(lambda: self.device.n_waiting >= 1, "the device's step", self.states)
        if self.connected() and not self.port.plugged:
            wait_for(lambda: not self.connected(), "the reader to notice the cable is out", self.states)
        elif self.connected():
            written0, received0 = self._since_open
            wait_for(lambda: self.reader.bytes_received - received0 >= self.port.written - written0,
                     "the reader to read what the device sent", self.states)

    def run(self, seconds: float) -> None:
        for _ in range(round(seconds / STEP_S)):
            self.step()

    def run_until_connected(self, limit_s: float) -> None:
        for _ in range(round(limit_s / STEP_S)):
            self.step()
            if self.connected():
                return
        raise AssertionError(f"not connected again within {limit_s} s of virtual time: {self.states}")

    def close(self) -> None:
        self.reader.stop()
        self._stop.set()
        self._serving.join(timeout=5)
        self.port.close()


@pytest.mark.parametrize("protocol", ["native", "pulsesensor"])
def test_an_unplugged_sensor_is_retried_on_the_backoff_schedule_and_its_gap_is_the_time_away(tmp_path, protocol):
    bench = Bench(tmp_path, protocol)
    try:
        bench.run(PLUGGED_S)
        n_before = bench.samples().size
        last_before_s = float(bench.samples()[-1])
        bench.options.held_unplugged = True  # the cable is pulled
        bench.run(UNPLUGGED_S)
        bench.options.held_unplugged = False  # and plugged back
        bench.run_until_connected(2 * max(config.RECONNECT_BACKOFF_S))
        bench.run(5.0)  # the native device names itself (every 5 s): what came since is handed on then
    finally:
        bench.close()

    # nothing sent before the cable went is lost: every sample of the first 10 s, one period apart
    before = bench.samples()[:n_before]
    assert n_before >= int(PLUGGED_S * bench.fs_hz) - 1
    assert np.allclose(np.diff(before), 1.0 / bench.fs_hz, atol=2e-3)

    # pulled at the device's step after 10 s, seen then; tries 0.25, 0.5, 1, 2, 4 s apart from there
    (gone_at,) = bench.said(DISCONNECTED)
    assert gone_at == T0_S + PLUGGED_S + STEP_S
    tries = np.array(bench.said(RECONNECTING))
    backoff = config.RECONNECT_BACKOFF_S
    assert np.array_equal(np.diff([gone_at, *tries]), [backoff[min(k, len(backoff) - 1)] for k in range(tries.size)])
    # back at 16 s: found at the next try (18 s), not sooner, not later
    back_at = bench.said(CONNECTED)[-1]
    assert tries[-2] < T0_S + PLUGGED_S + UNPLUGGED_S < tries[-1] == back_at

    # one gap, from the last sample before to the first after: the time the reader was away
    gaps = [e for e in bench.events if isinstance(e, Gap)]
    assert [g.reason for g in gaps] == ["disconnected"]
    (gap,) = gaps
    assert gap.t_s == pytest.approx(last_before_s, abs=1e-9)
    after = bench.samples()[n_before:]
    assert after[0] == pytest.approx(gap.t_s + gap.duration_s, abs=1e-9)
    assert np.allclose(np.diff(after), 1.0 / bench.fs_hz, atol=2e-3)  # one clock on from there
    if protocol == "native":  # its clock ran on: the first sample after is the first sent after the open
        assert after[0] == pytest.approx(back_at - STEP_S - T0_S, abs=2.0 / bench.fs_hz)
    else:  # counted from the reconnect: placed where it was heard, on the PC's clock
        assert gap.duration_s == back_at - gone_at

def bf1(text: str) -> bytes:
    """One BF1 line with its checksum (firmware_notes/protocol.md)."""
    return f"{text}*{xor_checksum(text):02X}\r\n".encode("ascii")


def samples_from(t0_ms: int, n: int) -> bytes:
    return b"".join(bf1(f"P,{t0_ms + 10 * k},{500 + k % 7}") for k in range(n))


def test_a_device_that_restarts_and_names_itself_late_continues_from_when_it_was_heard_again(tmp_path):
    """An Arduino resets when its port is opened: its t_ms starts again at 0, and a reader that
    missed its first header waits up to RECONNECT_IDENTITY_WAIT_S for the next one before handing
    the samples on. The gap is the time from the disconnect to the first bytes heard again (3.75 s
    here), not to the header 3 s later; the samples land where they were heard."""
    clock = ManualClock(T0_S)
    port = PtyPort(tmp_path / "port")
    events, states = [], []
    reader = SerialSource(str(tmp_path / "port"), protocol="native", clock=clock)
    reader.start(events.extend, lambda s: states.append((clock(), s.state)))

    def send(data: bytes) -> None:
        """Write and wait until the reader has read it all (it opened the port before)."""
        received = reader.bytes_received
        port.write(data)
        wait_for(lambda: reader.bytes_received == received + len(data), "the reader to read it", states)

    def connections() -> int:
        return len([s for _, s in states if s == CONNECTED])

    def advance_while_retrying(seconds):
        """Move the clock on while the reader waits for its next try; stop when it connected."""
        n = connections()
        for _ in range(round(seconds / STEP_S)):
            wait_for(lambda: clock.n_waiting >= 1 or connections() > n, "a retry", states)
            if connections() > n:
                return
            clock.advance(STEP_S)

    try:
        wait_for(connections, "the reader to open the port", states)
        send(bf1("#BF1 device=uno1 fs_hz=100 adc_max=1023") + samples_from(0, 100))  # 0-0.99 s
        wait_for(lambda: sum(len(e) for e in events if isinstance(e, PpgBlock)) == 100, "the first second", states)
        clock.advance(1.0)
        port.unplug()
        wait_for(lambda: [s for _, s in states if s == DISCONNECTED], "the reader to notice", states)
        advance_while_retrying(3.0)
        port.plug()  # back at 4 s; the reader's next try is 3.75 s after the disconnect
        advance_while_retrying(1.0)
        (back_at,) = [t for t, s in states if s == CONNECTED][1:]
        assert back_at == T0_S + 1.0 + 3.75
        send(samples_from(0, 100))  # reset on open: t_ms from 0 again, no header yet
        clock.advance(3.0)
        send(bf1("#BF1 device=uno1 fs_hz=100 adc_max=1023") + samples_from(1000, 10))
        wait_for(lambda: any(isinstance(e, Gap) for e in events), "the samples to be handed on", states)
    finally:
        reader.stop()
        port.close()
    (gap,) = [e for e in events if isinstance(e, Gap)]
    assert gap.t_s == pytest.approx(0.99) and gap.reason == "disconnected"
    assert gap.duration_s == pytest.approx(back_at - (T0_S + 1.0))  # 3.75 s, not 6.75
    after = np.concatenate([e.t_s for e in events if isinstance(e, PpgBlock)])[100:]
    assert after[0] == pytest.approx(gap.t_s + gap.duration_s)
    assert np.allclose(np.diff(after), 0.01)
