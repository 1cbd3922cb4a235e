"""The serial source over real ptys and pyserial URLs: errors in words, garbage survived."""

from __future__ import annotations

import os
import queue
import sys
import threading
import tty

import pytest
import serial

from biofeedback.core.protocols import PROTOCOLS
from biofeedback.core.types import DeviceBeat, PpgBlock
from biofeedback.io.ports import device_hint
from biofeedback.io.serial_source import PortError, SerialSource, explain_open_error, open_port
from biofeedback.io.source import CONNECTED, FAILED

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")


def run_source(source: SerialSource, until, timeout_s: float = 10.0, device=None):
    """Run until ``until(events, states)``; ``device=(fd, bytes)`` is written every 0.2 s
    meanwhile, as a streaming sensor would (pyserial drops what came before the open)."""
    inbox: queue.Queue = queue.Queue()
    source.start(lambda ev: inbox.put(("events", ev)), lambda st: inbox.put(("state", st)))
    events, states = [], []
    done = threading.Event()
    if device is not None:
        def stream() -> None:
            while not done.wait(0.2):
                os.write(*device)
        threading.Thread(target=stream, daemon=True).start()
    try:
        while True:
            kind, payload = inbox.get(timeout=timeout_s)
            (events.extend if kind == "events" else states.append)(payload if kind == "events" else payload)
            if until(events, states):
                return events, states
    finally:
        done.set()
        source.stop()


@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    tty.setraw(slave)
    yield master, os.ttyname(slave)
    for fd in (master, slave):
        try:
            os.close(fd)
        except OSError:
            pass


def test_missing_port_says_so_in_words(tmp_path):
    source = SerialSource(str(tmp_path / "ttyUSB9"), protocol="native")
    _, states = run_source(source, lambda e, s: s and s[-1].state == FAILED)
    assert "no serial port called" in states[-1].message.lower()
    assert "biofeedback ports" in states[-1].message


def test_unknown_protocol_is_refused_with_the_choices():
    with pytest.raises(PortError, match="native"):
        SerialSource("loop://", protocol="morse")


@posix_only
def test_busy_port_is_explained(pty_pair):
    _, path = pty_pair
    first = open_port(path, 115200)
    try:
        with pytest.raises(PortError, match="in use by another program"):
            open_port(path, 115200)
    finally:
        first.close()


def test_permission_and_refused_errors_read_well():
    assert "dialout" in explain_open_error("/dev/ttyACM0", OSError(13, "Permission denied"))
    assert "Nothing is listening" in explain_open_error("socket://x:1", OSError(111, "Connection refused"))


@posix_only
def test_garbage_then_native_lines_resynchronise_and_decode(pty_pair):
    master, path = pty_pair
    source = SerialSource(path, protocol="native")
    lines = ["#BF1 device=t fs_hz=250 adc_max=1023"] + [f"P,{4 * i},{500 + i}" for i in range(50)]
    lines += ["I,196,800"]
    data = bytes(range(256)) * 4 + b"P,1,garbled\n" + ("\n".join(lines) + "\n").encode()

    def until(events, states):
        return any(isinstance(e, DeviceBeat) for e in events)

    events, states = run_source(source, until, device=(master, data))
    assert states[0].state != FAILED
    samples = [v for e in events if isinstance(e, PpgBlock) for v in e.value.tolist()]
    assert samples[-1] == 549 and len(samples) >= 40
    beat = next(e for e in events if isinstance(e, DeviceBeat))
    assert beat.t_s == pytest.approx(0.196) and beat.ibi_ms == 800


@posix_only
def test_auto_detect_lists_what_it_tried_and_what_arrived(pty_pair):
    master, path = pty_pair
    source = SerialSource(path, protocol="auto")
    source._detect_plan = lambda: [(115200, "N", b"")]  # one listening round keeps the test short
    _, states = run_source(source, lambda e, s: s and s[-1].state == FAILED,
                           device=(master, b"hello there\r\n" * 5))
    message = states[-1].message
    assert "Tried 115200 baud" in message and "hello there" in message


def test_pyserial_urls_are_accepted():
    port = serial.serial_for_url("loop://", timeout=0.1)
    port.close()
    source = SerialSource("loop://", protocol="ibi")
    _, states = run_source(source, lambda e, s: s and s[-1].state == CONNECTED)
    assert PROTOCOLS["ibi"].name in states[-1].message


def test_device_hints_name_the_likely_sensor():
    assert "CMS50" in device_hint(0x10C4, 0xEA60)
    assert "Arduino" in device_hint(0x2341, 0x0043)
    assert device_hint(None, None) == ""


@posix_only
def test_a_device_that_hangs_up_while_auto_detect_listens_loses_no_line(pty_pair):
    """A board that finishes (or a cable pulled) while auto-detect listens: every line it sent is decoded."""
    master, path = pty_pair
    source = SerialSource(path, protocol="auto")
    source._detect_plan = lambda: [(115200, "N", b"")]
    n = 300
    lines = ["#BF1 device=t fs_hz=250 adc_max=1023"] + [f"P,{4 * i},{500 + i % 100}" for i in range(n)]
    chunks = [("\n".join(lines[k:k + 10]) + "\n").encode() for k in range(0, len(lines), 10)]
    opened = threading.Event()

    def board() -> None:
        opened.wait(5.0)
        threading.Event().wait(0.3)  # the source has the port open (what comes before is dropped)
        for chunk in chunks:  # 1.2 s of samples at 250 Hz, sent in 31 bursts
            os.write(master, chunk)
            threading.Event().wait(0.04)
        threading.Event().wait(0.005)  # the reader is inside a read call that holds the last burst
        os.close(master)

    threading.Thread(target=board, daemon=True).start()
    inbox: queue.Queue = queue.Queue()
    source.start(inbox.put, lambda st: opened.set())
    samples: list[float] = []
    try:
        while len(samples) < n:
            try:
                events = inbox.get(timeout=6.0)
            except queue.Empty:
                break
            samples += [v for e in events if isinstance(e, PpgBlock) for v in e.value.tolist()]
    finally:
        source.stop()
    assert source.protocol == "native"
    assert len(samples) == n
