"""An independent BF1 checker, written from firmware_notes/protocol.md (not from NativeDecoder).

``check_stream`` asserts the writer rules on the exact bytes a firmware sent and returns the
records, so tests can score them further.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_LINE_BYTES = 96
HEADER_PERIOD_MS = 5000
_BODY = re.compile(
    r"(?P<header>#BF1 device=[A-Za-z0-9_.-]{1,32} fs_hz=(?P<fs>[0-9]+) adc_max=(?P<adc>[0-9]+)"
    r"(?: [A-Za-z0-9_]+=[!-~]*)*)"
    r"|(?P<kind>[PIC]),(?P<t>0|[1-9][0-9]{0,9}),(?P<v>0|[1-9][0-9]{0,9})"
    r"|(?P<comment>#.*)"
)


@dataclass
class Stream:
    fs_hz: int = 0
    adc_max: int = 0
    samples: list[tuple[int, int]] = field(default_factory=list)  # (t_ms, value)
    beats: list[tuple[int, int]] = field(default_factory=list)  # (t_ms, ibi_ms)
    contact: list[tuple[int, int]] = field(default_factory=list)  # (t_ms, 0|1), every C line
    header_t_ms: list[int] = field(default_factory=list)  # t_ms of the C line after each header
    steps_ms: list[tuple[int, int]] = field(default_factory=list)  # (t_ms before, step) != period


def checksum(body: str) -> int:
    x = 0
    for b in body.encode("ascii"):
        x ^= b
    return x


def check_stream(data: bytes) -> Stream:
    """Assert every line is valid BF1 and the writer rules hold; return what was sent."""
    text = data.decode("ascii")  # BF1 is ASCII only
    lines = text.split("\r\n")[:-1]  # Arduino println: CR LF; the last line may be cut off
    # where the simulation stopped, and is dropped as a reader would
    if lines and lines[0] == "":
        lines = lines[1:]  # the boot line readers drop as partial (protocol.md §4)
    s = Stream()
    last_t = last_p = None
    after_header = False
    for n, line in enumerate(lines, 1):
        where = f"line {n} {line!r}"
        assert "\n" not in line and "\r" not in line, f"{where}: stray CR or LF"
        assert len(line) <= MAX_LINE_BYTES, f"{where}: longer than {MAX_LINE_BYTES} bytes"
        body, star, hh = line.rpartition("*")
        assert star and re.fullmatch(r"[0-9A-F]{2}", hh), f"{where}: no *HH checksum"
        assert checksum(body) == int(hh, 16), f"{where}: wrong checksum"
        m = _BODY.fullmatch(body)
        assert m, f"{where}: does not match the BF1 grammar"
        if m["header"]:
            s.fs_hz, s.adc_max = int(m["fs"]), int(m["adc"])
            after_header = True
            continue
        if m["comment"]:
            continue
        assert s.fs_hz, f"{where}: a record before the first header"
        kind, t, v = m["kind"], int(m["t"]), int(m["v"])
        assert t < 2**32, f"{where}: t_ms does not fit 32 bits"
        if after_header:
            assert kind == "C", f"{where}: the header is not followed by the contact state"
            s.header_t_ms.append(t)
            after_header = False
        if last_t is not None:
            assert t >= last_t, f"{where}: t_ms goes backwards"
        last_t = t
        if kind == "P":
            assert v <= s.adc_max, f"{where}: value above adc_max"
            period = 1000 // s.fs_hz
            if last_p is not None and t - last_p != period:
                s.steps_ms.append((last_p, t - last_p))
            last_p = t
            s.samples.append((t, v))
        elif kind == "I":
            assert last_p is not None and 0 <= t - last_p < 1000 / s.fs_hz, \
                f"{where}: a beat line must follow the sample line that completed it"
            assert v > 0, f"{where}: an invented interval"
            s.beats.append((t, v))
        else:
            assert v in (0, 1), f"{where}: contact must be 0 or 1"
            s.contact.append((t, v))
    assert lines and lines[0].startswith("#BF1 "), "the first line is not the header"
    for a, b in zip(s.header_t_ms[:-1], s.header_t_ms[1:], strict=True):  # on time unless samples lost
        late = any(a <= t < b for t, _ in s.steps_ms)
        assert abs(b - a - HEADER_PERIOD_MS) <= 1000 / s.fs_hz or late, \
            f"header and contact at {a} and then {b} ms, not 5 s apart"
    return s


def contact_changes(s: Stream) -> list[tuple[int, int]]:
    """(t_ms, state) where the contact state changed (the first C line counts as a change)."""
    out: list[tuple[int, int]] = []
    for t, v in s.contact:
        if not out or out[-1][1] != v:
            out.append((t, v))
    return out
