"""A CMS50D+ that stops sending for a while without a disconnect, over a real pty, in virtual time.

The CMS50 has no device clock: a sample's time is its packet count / 60. When the device sends
nothing for 10 s and then goes on, the count does not know those 10 s; the reader must report them
as a gap and move later samples on by them, or the beat across the silence would become a made-up
interval and every later time would be 10 s early. A reader that was itself late (a busy machine)
and then finds the device's packets waiting is no loss: those packets cover the silence.
"""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest
from virtual_time import wait_for

from biofeedback.core.protocols.cms50d import Cms50V51Encoder
from biofeedback.core.types import Gap, PpgBlock
from biofeedback.io.clock import ManualClock
from biofeedback.io.serial_source import SerialSource
from biofeedback.io.source import CONNECTED
from biofeedback.io.virtual_port import PtyPort

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")

FS_HZ = 60.0
CHUNK = 6  # packets the device sends per 0.1 s step
STEP_S = CHUNK / FS_HZ
SILENCE_S = 10.0


class Reader:
    """A SerialSource on a ManualClock reading a pty the test writes CMS50 V5.1 packets to."""

    def __init__(self, tmp_path) -> None:
        t = np.arange(40 * 500) / 500.0
        data = Cms50V51Encoder().encode(t, 64 + 40 * np.sin(2 * np.pi * t / 0.85))
        self.packets = [data[k:k + 5] for k in range(0, len(data), 5)]
        self.sent = 0
        self.clock = ManualClock(100.0)
        self.port = PtyPort(tmp_path / "port")
        self._lock = threading.Lock()
        self.events: list = []
        self.states: list[str] = []
        self.source = SerialSource(self.port.path, protocol="cms50d", clock=self.clock)
        self.source.start(self._on_events, lambda s: self.states.append(s.state))
        wait_for(lambda: CONNECTED in self.states, "the reader to open the port", self.states)

    def _on_events(self, events) -> None:
        with self._lock:
            self.events += events

    def samples(self) -> np.ndarray:
        with self._lock:
            blocks = [e.t_s for e in self.events if isinstance(e, PpgBlock)]
        return np.concatenate(blocks) if blocks else np.zeros(0)

    def gaps(self) -> list[Gap]:
        with self._lock:
            return [e for e in self.events if isinstance(e, Gap)]

    def send(self, n_packets: int) -> None:
        """The device sends ``n_packets`` at once; wait until the reader has passed them on."""
        data = b"".join(self.packets[self.sent:self.sent + n_packets])
        self.sent += n_packets
        assert self.port.write(data, wait_s=5.0) == len(data)
        wait_for(lambda: len(self.samples()) == self.sent, "the reader to pass the samples on", self.states)

    def stream(self, seconds: float) -> None:
        """The device streams in real (virtual) time: a chunk every STEP_S."""
        for _ in range(round(seconds / STEP_S)):
            self.clock.advance(STEP_S)
            self.send(CHUNK)

    def close(self) -> None:
        self.source.stop()
        self.port.close()


@pytest.fixture
def reader(tmp_path):
    r = Reader(tmp_path)
    yield r
    r.close()


def test_silent_device_is_a_gap_and_later_samples_move_on(reader):
    reader.stream(2.0)
    reader.clock.advance(SILENCE_S)  # the device sends nothing: its packet count stops
    reader.stream(2.0)
    t = reader.samples()
    slots = np.arange(len(t)) / FS_HZ
    (gap,) = reader.gaps()
    assert gap.reason == "lost_samples"
    assert gap.t_s == pytest.approx(slots[119])  # at the last sample before the silence
    assert gap.duration_s == pytest.approx(SILENCE_S)
    assert np.allclose(t[:120], slots[:120])
    assert np.allclose(t[120:], slots[120:] + SILENCE_S)  # after it, on the host's time


def test_late_reader_finding_a_backlog_is_no_gap_but_a_stall_after_it_is(reader):
    reader.stream(2.0)
    # the reader is late by 10 s and then finds the 10 s of packets the device sent meanwhile
    reader.clock.advance(SILENCE_S)
    reader.send(round(SILENCE_S * FS_HZ))
    reader.stream(1.0)
    n_before = len(reader.samples())
    reader.clock.advance(3.0)  # then the device does fall silent for 3 s
    reader.stream(1.0)
    t = reader.samples()
    slots = np.arange(len(t)) / FS_HZ
    (gap,) = reader.gaps()
    assert gap.t_s == pytest.approx(slots[n_before - 1]) and gap.duration_s == pytest.approx(3.0)
    assert np.allclose(t[:n_before], slots[:n_before])  # the backlog's time is the device's count
    assert np.allclose(t[n_before:], slots[n_before:] + 3.0)


def test_every_protocol_timed_by_counting_its_samples_is_covered_by_the_stall_rule():
    """Those without a device clock (their times count samples); BF1 carries the device's t_ms and
    IBI text its own intervals, so a silence there is already in the times."""
    from biofeedback.core.protocols import PROTOCOLS, make_decoder

    counted = {name for name in PROTOCOLS if getattr(make_decoder(name), "counted_clock", False)}
    assert counted == {"cms50d", "cms50d-v7", "pulsesensor", "pulsesensor-plotter", "max3010x"}
