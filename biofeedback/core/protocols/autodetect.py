"""Protocol auto-detection from the first ~2 s of bytes (docs/reference/sensor-protocols.md §5a).

A device that prints one line per beat (``IBI:886``) sends only one or two
lines in 2 s: ``wants_more_time`` says when the bytes are clean text with too
few complete lines, and the caller keeps listening up to AUTODETECT_SLOW_WAIT_S.

Binary CMS50 framing is checked first (exact bit-7 patterns repeating at the packet length), then
text lines are matched against each protocol's whole-line pattern; the protocol with the most
matching lines wins (PulseSensor's ``Q<ibi>`` lines with no ``S`` sample line are an ``ibi`` stream). Nothing is guessed: with no evidence, ``protocol`` is None and ``reason``
lists what was tried and shows what arrived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from biofeedback.config import AUTODETECT_WINDOW_S
from biofeedback.core.protocols.ibi import parse_ibi_line
from biofeedback.core.protocols.registry import PROTOCOLS

_TEXT_PATTERNS: dict[str, re.Pattern[str]] = {
    "native": re.compile(r"#BF1 .*|[PIC],\d+,\d+(\*[0-9A-F]{2})?"),
    "pulsesensor": re.compile(r"[SBQ]\d+"),
    "pulsesensor-plotter": re.compile(r"\d+,\d+,\d+"),
    "max3010x": re.compile(r"IR=\d+, BPM=.*"),
    "ibi": re.compile(r"(?:(?:RR|IBI)[=:] ?|Q)\d+(?:\.\d+)?|B\d+"),  # (B: the BPM line sent with each Q)
}
_PULSESENSOR_SAMPLE = re.compile(r"S\d+")  # the visualizer's S lines; its B and Q lines alone are intervals
_UNSUPPORTED = {
    "PulseSensor GettingStartedProject ('Signal <n>')": re.compile(r"Signal \d+"),
}
_BARE = re.compile(r"\d+(?:\.\d+)?")
_MIN_LINES = 3
_MIN_PACKETS = 5


@dataclass(frozen=True)
class DetectResult:
    """The detected protocol name (a key of ``PROTOCOLS``) or None, with the evidence."""

    protocol: str | None
    confidence: float  # 0..1: share of the evidence that fits
    baud: int | None  # baud rate the evidence implies (the one the bytes were read at)
    reason: str


def _count_v7(data: bytes) -> int:
    n, i = 0, 0
    while i + 9 <= len(data):
        if data[i] == 0x01 and all(b >= 0x80 for b in data[i + 1:i + 9]):
            n += 1
            i += 9
        else:
            i += 1
    return n


def _count_v51(data: bytes) -> int:
    n, i = 0, 0
    while i + 5 <= len(data):
        if data[i] >= 0x80 and all(b < 0x80 for b in data[i + 1:i + 5]):
            n += 1
            i += 5
        else:
            i += 1
    return n


def excerpt(data: bytes, n: int = 48) -> str:
    """Hex and printable view of the first ``n`` bytes, for error messages."""
    head = data[:n]
    text = "".join(chr(b) if 32 <= b < 127 else "." for b in head)
    return f"{len(data)} bytes; hex {head.hex(' ')}; text {text!r}"


def _complete_lines(data: bytes) -> list[str]:
    raw_lines = data.split(b"\n")[1:-1]  # the first and last lines may be partial
    lines = [ln.rstrip(b"\r").decode("ascii", "replace").strip() for ln in raw_lines]
    return [ln for ln in lines if ln]


def wants_more_time(data: bytes) -> bool:
    """True when ``data`` is clean text with fewer complete lines than detection needs.

    That is what a slow line protocol looks like after 2 s (one interval per
    beat); binary packets, garbage at a wrong baud rate and silence are not.
    """
    if not data:
        return False
    printable = sum(1 for b in data if 32 <= b < 127 or b in (9, 10, 13))
    if printable < 0.95 * len(data):
        return False
    return len(_complete_lines(data)) < _MIN_LINES


def detect_protocol(data: bytes, baud: int | None = None,
                    window_s: float = AUTODETECT_WINDOW_S) -> DetectResult:
    """Name the protocol that ``data`` (about ``window_s`` of bytes read at ``baud``) speaks."""
    v7, v51 = _count_v7(data), _count_v51(data)
    if v7 >= _MIN_PACKETS and 9 * v7 >= 0.5 * len(data):
        return DetectResult("cms50d-v7", min(1.0, 9 * v7 / len(data)), 115200,
                            f"{v7} CMS50 V7.0 realtime packets (01 + 8 bytes >= 0x80)")
    if v51 >= _MIN_PACKETS and 5 * v51 >= 0.5 * len(data):
        return DetectResult("cms50d", min(1.0, 5 * v51 / len(data)), 19200,
                            f"{v51} CMS50 V5.1 packets (1 byte >= 0x80 every 5 bytes)")
    lines = _complete_lines(data)
    counts = {name: sum(1 for ln in lines if pat.fullmatch(ln))
              for name, pat in _TEXT_PATTERNS.items()}
    if counts["native"] and any(ln.startswith("#BF1 ") for ln in lines):
        counts["native"] += _MIN_LINES  # a header is decisive
    if not any(_PULSESENSOR_SAMPLE.fullmatch(ln) for ln in lines):
        # PulseSensor's visualizer sends 50 S lines a second; Q (and B) lines without them are a
        # sketch printing only its intervals, which the visualizer decoder would drop
        counts["pulsesensor"] = 0
    best = max(counts, key=lambda k: counts[k])
    if lines and counts[best] >= _MIN_LINES:
        share = min(1.0, counts[best] / len(lines))
        return DetectResult(best, share, baud or PROTOCOLS[best].baud,
                            f"{counts[best]} of {len(lines)} lines match {best}")
    for label, pat in _UNSUPPORTED.items():
        if sum(1 for ln in lines if pat.fullmatch(ln)) >= _MIN_LINES:
            return DetectResult(None, 0.0, baud, f"{label} is not supported; " + excerpt(data))
    bare = [ln for ln in lines if _BARE.fullmatch(ln)]
    if lines and len(bare) == len(lines):
        ibis = [parse_ibi_line(ln) for ln in bare]
        if all(v is not None for v in ibis) and len(bare) <= 4 * window_s:
            return DetectResult("ibi", 0.5, baud or DEFAULT_IBI_BAUD,
                                f"{len(bare)} bare numbers, all plausible intervals, about one "
                                "per beat")
        return DetectResult(None, 0.0, baud,
                            f"{len(bare)} bare numbers per {window_s:g} s look like raw samples "
                            "(SparkFun Example4 / SignalCoach); their rate must come from the "
                            "user. " + excerpt(data))
    tried = ", ".join(PROTOCOLS)
    return DetectResult(None, 0.0, baud,
                        f"no known protocol (tried {tried}); {len(lines)} complete lines, "
                        f"{v7} V7 / {v51} V5.1 packet shapes. Wrong baud rate or device? "
                        + excerpt(data))


DEFAULT_IBI_BAUD = PROTOCOLS["ibi"].baud
