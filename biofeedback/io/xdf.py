"""XDF recordings (LabRecorder) of our streams or of another device's PPG, ECG or RR stream.

pyxdf reads the file and applies the recorded clock offsets, so every
stream's stamps are on one clock. One stream becomes a ``Recording`` like any
file: our own PPG stream first (the pulse wave re-analyses to the same
beats), then any other PPG, then ECG (R peaks by the streaming Pan-Tompkins
detector, ``core.beats.ecg``), then RR/IBI (our RR stamps are the beat times;
another bridge's stamps are arrival times, so beat times are rebuilt from the
intervals). ``kind="rr"`` prefers interval streams.

Non-finite values are gaps, counted in the note: PPG samples stay in the
wave for the pipeline to bridge or cut there (as live); ECG holes restart
the R-peak detector and the next beat starts a new chain; an RR value that is
NaN, inf, not positive or over FILE_RR_GAP_MS is no beat, and the next one
starts a new chain.

**Damaged files.** pyxdf reads past damage with a logged warning and returns
what it could: a truncated or bit-flipped file gave exit 0 with part of the
data and only pyxdf's line on stderr. So the file is walked first
(``_scan``): every chunk's length against the file's size, its tag, stream
headers (XML, channel count, format, rate), the sample count each Samples
chunk claims against its length, clock offsets; then every Samples chunk of
the stream to be read, sample by sample (each stamp flag 0 or 8, the chunk
ending exactly at its length). pyxdf is handed only the bytes before the
first damage, and only that stream; what it logs is caught and becomes our
message. A damaged file warns (``InputWarning``, the commands print it on
stderr) naming where the damage is and how much was read; with too little
left it is an ``InputError`` (non-zero exit). A stream without its footer
(the recording was not closed) or with fewer samples than its footer counts
warns too. Stamps that are not finite, or stick out alone from their
neighbours, are dropped; stamps going back for good end the stream there.

**Settings.** A stream's declared rate, channel count and format are checked
as for a live LSL stream (``io/stream_checks.py``): 1e9 Hz declared made
``analyze`` take 8.2 GB for 67 s and fail with a MemoryError; now it is
refused in one sentence before the samples are read (another usable stream
of the file is taken instead, with a warning). A PPG or ECG stream declaring
0 Hz is read at the rate its regular stamps show, else refused; a declared
rate is checked against the stamps.
"""

from __future__ import annotations

import gzip
import io
import logging
import math
import struct
import warnings
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import ParseError, fromstring

import numpy as np

from biofeedback import config
from biofeedback.core.beats.ecg import EcgRPeakDetector
from biofeedback.core.protocols.ble_hrm import RrTimeline
from biofeedback.core.types import Gap
from biofeedback.io.lsl_outlets import MANUFACTURER
from biofeedback.io.lsl_source import SECONDS_LIMIT, stream_kind
from biofeedback.io.recording import InputError, Recording
from biofeedback.io.stream_checks import InputWarning, declared_problem, needs_rate, rate_problem

XDF_SUFFIXES = (".xdf", ".xdfz")
_FORMAT_BYTES = {"double64": 8, "float32": 4, "int64": 8, "int32": 4, "int16": 2, "int8": 1, "string": 0}
_TAGS = (1, 2, 3, 4, 5, 6)  # FileHeader, StreamHeader, Samples, ClockOffset, Boundary, StreamFooter
_MAX_XML_BYTES = 1 << 24  # a header or footer larger than this (16 MB) is damage
_PYXDF_BENIGN = ("Segments and clock-segments differ",  # dejitter vs clock-reset segmentation, not damage
                 "Calculated effective sampling rate")  # our own rate check speaks to this


def _first(d, key: str, default=""):
    value = d.get(key) if isinstance(d, dict) else None
    if isinstance(value, list):
        value = value[0] if value else default
    return default if value is None else value


def _desc(info: dict) -> dict:
    desc = _first(info, "desc", None)
    return desc if isinstance(desc, dict) else {}


def _is_ours(info: dict) -> bool:
    return str(_first(_desc(info), "manufacturer")) == MANUFACTURER


def _rr_channel(info: dict) -> tuple[int, str]:
    chans = _first(_desc(info), "channels", None)
    for i, ch in enumerate(chans.get("channel", []) if isinstance(chans, dict) else []):
        if str(_first(ch, "label")).lower().startswith(("rr", "ibi")):
            return i, str(_first(ch, "unit")).lower()
    return 0, ""


def _xml2dict(element) -> dict:
    """An attribute-less XML element as pyxdf gives it: {tag: {child: [values]}} or {tag: text}."""
    children: dict[str, list] = defaultdict(list)
    for child in map(_xml2dict, list(element)):
        for k, v in child.items():
            children[k].append(v)
    return {element.tag: children or element.text}


# -- the walk over the file's chunks ------------------------------------------------------------
@dataclass
class _Header:
    """One stream as its StreamHeader declares it, and the Samples chunks found for it."""

    sid: int
    info: dict
    name: str = ""
    type: str = ""
    n_channels: int = 0
    fmt: str = ""
    srate: float = 0.0
    broken: str | None = None  # why the header itself cannot be used
    n_samples: int = 0
    chunks: list[tuple[int, int, int, int]] = field(default_factory=list)  # (chunk start, body at, body bytes, n)
    footer_count: int | None = None


@dataclass
class _Scan:
    size: int | None  # None for a gzipped file (its size is known only once read)
    headers: dict[int, _Header] = field(default_factory=dict)
    good_end: int = 4  # pyxdf may read the bytes before this
    damage: str | None = None  # what is wrong at good_end
    read_end: int = 4  # bytes walked (the whole file when undamaged)
    unknown_chunks: int = 0  # chunks naming a stream without a header (skipped)


def _open(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".xdfz" or path.suffixes[-2:] == [".xdf", ".gz"]:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb", buffering=0)


def _read_exact(f: IO[bytes], n: int) -> bytes | None:
    data = f.read(n)
    return data if data is not None and len(data) == n else None


def _skip(f: IO[bytes], n: int, size: int | None) -> bool:
    """Skip n bytes; False when the file ends first."""
    if size is not None:
        f.seek(n, io.SEEK_CUR)
        return True
    while n > 0:  # gzip: read forward in pieces
        piece = f.read(min(n, 1 << 20))
        if not piece:
            return False
        n -= len(piece)
    return True


def _parse_header(sid: int, xml: bytes) -> _Header:
    head = _Header(sid, {})
    try:
        info = _xml2dict(fromstring(xml.decode("utf-8", "replace")))["info"]
        if not isinstance(info, dict):
            raise ValueError("no <info>")
        head.info = info
        head.name, head.type = str(_first(info, "name")), str(_first(info, "type"))
        head.n_channels = int(_first(info, "channel_count"))
        head.srate = float(_first(info, "nominal_srate"))
        head.fmt = str(_first(info, "channel_format"))
    except (ParseError, ValueError, TypeError) as error:
        head.broken = f"its header cannot be read ({error})"
        return head
    if head.fmt not in _FORMAT_BYTES:
        head.broken = f"its header names an unknown value format {head.fmt!r}"
    elif head.n_channels < 0 or not math.isfinite(head.srate):
        head.broken = "its header declares impossible settings"
    return head


def _scan(f: IO[bytes], size: int | None) -> _Scan:
    """Walk the chunks: where the first damage is, every stream header, every Samples chunk's place."""
    scan = _Scan(size)
    pos = 4

    def damaged(at: int, why: str) -> _Scan:
        scan.good_end, scan.damage, scan.read_end = at, why, at
        return scan

    while True:
        start = pos
        width = f.read(1)
        if not width:
            break
        nbytes = width[0]
        if nbytes not in (1, 4, 8):
            return damaged(start, "a chunk's length is unreadable")
        raw = _read_exact(f, nbytes)
        if raw is None:
            return damaged(start, "the file ends inside a chunk's length: it was cut short")
        length = int.from_bytes(raw, "little")
        body = start + 1 + nbytes
        if length < 2:
            return damaged(start, "a chunk declares an impossible length")
        if size is not None and body + length > size:
            return damaged(start, f"the file ends inside a chunk ({size - body} of its {length} bytes are there): "
                                  "it was cut short")
        raw_tag = _read_exact(f, 2)
        if raw_tag is None:
            return damaged(start, "the file ends inside a chunk: it was cut short")
        tag = struct.unpack("<H", raw_tag)[0]
        if tag not in _TAGS:
            return damaged(start, f"a chunk of an unknown type ({tag})")
        content = length - 2
        pos = body + length
        if tag in (1, 2, 6):
            if content > _MAX_XML_BYTES:
                return damaged(start, "a header chunk declares an impossible length")
            data = _read_exact(f, content)
            if data is None:
                return damaged(start, "the file ends inside a chunk: it was cut short")
            if tag == 1:
                try:
                    fromstring(data)
                except ParseError:
                    return damaged(start, "the file header is unreadable")
                continue
            if content < 4:
                return damaged(start, "a chunk too short for its stream number")
            sid = struct.unpack("<I", data[:4])[0]
            if tag == 2:
                if sid in scan.headers:
                    return damaged(start, f"stream {sid} has two headers")
                scan.headers[sid] = _parse_header(sid, data[4:])
            elif sid in scan.headers:  # a footer: its sample count tells whether samples are missing
                try:
                    footer = _xml2dict(fromstring(data[4:].decode("utf-8", "replace")))["info"]
                    scan.headers[sid].footer_count = int(_first(footer, "sample_count", "-1"))
                except (ParseError, ValueError, TypeError, KeyError):
                    scan.headers[sid].footer_count = -1  # there, but unreadable
            continue
        if tag == 5:
            if not _skip(f, content, size):
                return damaged(start, "the file ends inside a chunk: it was cut short")
            continue
        lead = _read_exact(f, 4)
        if content < 4 or lead is None:
            return damaged(start, "a chunk too short for its stream number")
        sid = struct.unpack("<I", lead)[0]
        if tag == 4:
            offsets = _read_exact(f, content - 4) if content == 20 else None
            if offsets is None:
                return damaged(start, "a clock offset chunk of the wrong length")
            if not all(math.isfinite(v) for v in struct.unpack("<dd", offsets)):
                return damaged(start, "a clock offset that is not a number")
            continue
        head = scan.headers.get(sid)  # a Samples chunk
        width = f.read(1)
        count_raw = _read_exact(f, width[0]) if width and width[0] in (1, 4, 8) else None
        if count_raw is None:
            return damaged(start, "a Samples chunk's sample count is unreadable")
        n = int.from_bytes(count_raw, "little")
        rest = content - 4 - 1 - len(count_raw)
        if head is None or head.broken:
            scan.unknown_chunks += 1
        else:
            per_min = 1 + head.n_channels * (_FORMAT_BYTES[head.fmt] or 2)
            per_max = 9 + head.n_channels * (_FORMAT_BYTES[head.fmt] or 2)
            decoded = n * (8 + head.n_channels * (_FORMAT_BYTES[head.fmt] or 16))
            if rest < 0 or n * per_min > rest or (head.fmt != "string" and rest > n * per_max):
                return damaged(start, f"a Samples chunk of stream {head.name!r} does not hold the "
                                      f"{n} samples it declares")
            if decoded > config.XDF_MAX_CHUNK_BYTES:
                return damaged(start, f"a Samples chunk of stream {head.name!r} declares {n} samples, "
                                      f"more than {config.XDF_MAX_CHUNK_BYTES / 1e6:.0f} MB of memory")
            head.chunks.append((start, pos - rest, rest, n))
            head.n_samples += n
        if rest < 0 or not _skip(f, rest, size):
            return damaged(start, "the file ends inside a chunk: it was cut short")
    scan.good_end = scan.read_end = pos
    return scan


def _walk(body: bytes, n: int, item_bytes: int) -> int | None:
    """Stamp flags other than 0 or 8 when ``body`` is exactly n numeric samples, else None.

    Each sample is a stamp flag (0: no stamp; pyxdf reads any other value as 8: a stamp
    follows), the stamp, the values. A flag that is neither 0 nor 8 is a flipped bit that
    pyxdf still reads; it is counted, not refused.
    """
    size = len(body)
    flags = np.frombuffer(body, np.uint8)
    if n and size == n * (9 + item_bytes) and np.all(flags[:: 9 + item_bytes][:n]):  # every sample stamped
        return int(np.count_nonzero(flags[:: 9 + item_bytes][:n] != 8))
    if size == n * (1 + item_bytes) and not np.any(flags[:: 1 + item_bytes][:n]):  # none stamped
        return 0
    pos, odd = 0, 0
    for _ in range(n):  # mixed: walk the flags
        if pos >= size:
            return None
        flag = body[pos]
        if flag:
            odd += flag != 8
            pos += 9 + item_bytes
        else:
            pos += 1 + item_bytes
    return odd if pos == size else None


def _check_samples(f: IO[bytes], head: _Header, good_end: int) -> tuple[int, str | None, int]:
    """(new good end, damage, odd stamp flags) after walking ``head``'s Samples chunks before ``good_end``."""
    item = head.n_channels * _FORMAT_BYTES[head.fmt]
    odd = 0
    for start, at, nbytes, n in head.chunks:
        if start >= good_end:
            break
        f.seek(at)
        body = _read_exact(f, nbytes)
        found = _walk(body, n, item) if body is not None else None
        if found is None:
            return start, f"a Samples chunk of stream {head.name!r} is damaged (its samples do not fit its length)", odd
        odd += found
    return good_end, None, odd


class _Prefix(io.RawIOBase):
    """The first ``limit`` bytes of a file, for pyxdf: it never reads into the damage."""

    def __init__(self, f: IO[bytes], limit: int) -> None:
        super().__init__()
        self._f, self._limit, self._pos = f, limit, 0
        f.seek(0)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self._limit - self._pos)
        if n <= 0:
            return 0
        data = self._f.read(n) or b""
        buffer[:len(data)] = data
        self._pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._limit}[whence]
        self._pos = max(0, min(self._limit, base + offset))
        self._f.seek(self._pos)
        return self._pos


class _Caught(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if not any(benign in text for benign in _PYXDF_BENIGN) and text not in self.messages:
            self.messages.append(text)


def _pyxdf_stream(path: Path, limit: int, sid: int, dejitter: bool) -> tuple[dict, list[str]]:
    """One stream as pyxdf reads it from the first ``limit`` bytes, and what pyxdf logged."""
    import pyxdf

    logger = logging.getLogger("pyxdf.pyxdf")
    caught = _Caught()
    logger.addHandler(caught)
    propagate, logger.propagate = logger.propagate, False  # its lines become our message, not stderr
    try:
        with _open(path) as raw:
            reader = io.BufferedReader(_Prefix(raw, limit))
            streams, _ = pyxdf.load_xdf(reader, select_streams=[sid], dejitter_timestamps=dejitter)
    except Exception as error:  # noqa: BLE001 - anything pyxdf raises on a file the walk passed
        raise InputError(f"{path.name} is not a readable XDF file ({error})") from None
    finally:
        logger.removeHandler(caught)
        logger.propagate = propagate
    if len(streams) != 1:
        raise InputError(f"{path.name}: the XDF reader did not return stream {sid}")
    return streams[0], caught.messages


# -- stamps ---------------------------------------------------------------------------------------
def _clean_stamps(t: np.ndarray) -> tuple[np.ndarray, int, int | None]:
    """(samples kept: a mask, stamps dropped, index where stamps go back for good or None).

    A stamp that is not finite, or that sticks out alone above or below both neighbours (one
    flipped bit), is dropped; a step back that remains ends the stream there.
    """
    keep = np.isfinite(t)
    idx = np.flatnonzero(keep)
    tt = t[idx]
    back = np.flatnonzero(np.diff(tt) < 0)
    if back.size:
        high = back[(back >= 1) & (tt[np.maximum(back - 1, 0)] <= tt[np.minimum(back + 1, tt.size - 1)])]
        low = back + 1
        low = low[(low + 1 < tt.size) & (tt[back] <= tt[np.minimum(low + 1, tt.size - 1)])
                  & (tt[np.maximum(back - 1, 0)] <= tt[np.minimum(low + 1, tt.size - 1)])]
        spikes = np.union1d(high, low)
        keep[idx[spikes]] = False
    dropped = int(keep.size - np.count_nonzero(keep))
    idx = np.flatnonzero(keep)
    back = np.flatnonzero(np.diff(t[idx]) < 0)
    return keep, dropped, (int(idx[back[0] + 1]) if back.size else None)


def detect_r_peaks_with_holes(t_s: np.ndarray, ecg: np.ndarray,
                              fs_hz: float) -> tuple[np.ndarray, list[tuple[float, float]], np.ndarray]:
    """R-peak times of a whole ECG stream, fed a second at a time to the streaming detector; the
    non-finite stretches (start s, duration s) that restarted it; which peaks' QRS was ectopic
    (``core/beats/qrs_shape``)."""
    det = EcgRPeakDetector(fs_hz)
    step = max(1, int(fs_hz))
    parts = [det.feed(t_s[i:i + step], ecg[i:i + step]) for i in range(0, t_s.size, step)]
    times = np.concatenate([*parts, det.flush()])
    return times, det.holes, np.array(det.take_ectopic(times), dtype=bool)


def rr_beat_times(arrival_t_s: np.ndarray, rr_ms: np.ndarray) -> np.ndarray:
    """Beat times of another bridge's intervals, whose stamps are arrival times (all intervals valid)."""
    return rr_beat_times_anchored(arrival_t_s, rr_ms)[0]


def rr_beat_times_anchored(arrival_t_s: np.ndarray, rr_ms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(beat times, True where the timeline was anchored afresh at an arrival: intervals were lost
    before that beat, or its stamp was far off, so its interval to the beat before is not known)."""
    line = RrTimeline()
    out: list[float] = []
    anchored: list[bool] = []
    for t, rr in zip(arrival_t_s.tolist(), rr_ms.tolist(), strict=True):
        times, fresh = line.push([rr], t)
        out += times
        anchored.append(fresh)
    return np.array(out), np.array(anchored, bool)


def _rr_beats(t_s: np.ndarray, rr_ms: np.ndarray, stamped_at_beat: bool) -> tuple[np.ndarray, np.ndarray, int]:
    """Beat times and chain starts of an interval stream; an impossible interval starts a new chain."""
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(rr_ms) & (rr_ms > 0) & (rr_ms <= config.FILE_RR_GAP_MS) & np.isfinite(t_s)
    times: list[np.ndarray] = []
    starts: list[np.ndarray] = []
    bounds = [-1, *np.flatnonzero(~ok).tolist(), ok.size]
    last = -np.inf
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        if b - a <= 1:
            continue
        if stamped_at_beat:
            seg_t, anchored = t_s[a + 1:b], np.zeros(b - a - 1, bool)
        else:
            seg_t, anchored = rr_beat_times_anchored(t_s[a + 1:b], rr_ms[a + 1:b])
        # beat times must increase: a re-anchored timeline may place beats before the last one,
        # and a stamp (or an interval of 1e-300 ms) may repeat a time; the beat after one left out
        # starts a new chain
        keep = seg_t > np.maximum.accumulate(np.concatenate([[last], seg_t]))[:-1]
        flags: np.ndarray = np.zeros(seg_t.size, bool)
        flags[0] = True
        flags[1:] |= ~keep[:-1]
        flags |= anchored
        seg_t, flags = seg_t[keep], flags[keep]
        if not seg_t.size:
            continue
        last = float(seg_t[-1])
        flags[0] = True
        times.append(seg_t)
        starts.append(flags)
    if not times:
        return np.empty(0), np.empty(0, bool), int(ok.size - np.count_nonzero(ok))
    return np.concatenate(times), np.concatenate(starts), int(ok.size - np.count_nonzero(ok))


# -- choosing and reading one stream --------------------------------------------------------------
def _rank(head: _Header, prefer: str) -> tuple[int, int] | None:
    kind = stream_kind(head.type, head.name)
    if kind is None or head.broken or head.n_samples == 0:
        return None
    order = {"rr": ("rr", "ecg", "ppg"), "ecg": ("ecg", "ppg", "rr")}.get(prefer, ("ppg", "ecg", "rr"))
    return order.index(kind), 0 if _is_ours(head.info) else 1


def _damage_sentence(path: Path, scan: _Scan) -> str:
    where = f"byte {scan.good_end:,}" + (f" of {scan.size:,}" if scan.size else "")
    return f"{path.name} is damaged at {where} ({scan.damage})"


def load_xdf(path: str | Path, kind: str = "auto") -> Recording:
    """The best usable stream of an XDF file as a Recording; InputError when there is none.

    Damage, a skipped stream and a recording that was not closed are reported as an
    ``InputWarning`` (and in the note) when the stream read is still usable.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"no such file: {path}")
    try:
        with _open(path) as f:
            if f.read(4) != b"XDF:":
                raise InputError(f"{path.name} is not an XDF file (it does not start with 'XDF:')")
            size = path.stat().st_size if not isinstance(f, gzip.GzipFile) else None
            scan = _scan(f, size)
    except (OSError, EOFError) as error:  # a gzip stream that is not one, or cut short
        raise InputError(f"{path.name} is not a readable XDF file ({error})") from None
    damage = _damage_sentence(path, scan) if scan.damage else None
    if not scan.headers:
        raise InputError(f"{path.name} holds no streams (an empty or damaged XDF file)"
                         + (f": {damage}" if damage else ""))
    ranked = sorted((r, sid) for sid, h in scan.headers.items() if (r := _rank(h, kind)) is not None)
    if not ranked:
        names = ", ".join(f"{h.name} ({h.type})" + (f": {h.broken}" if h.broken else "")
                          for h in scan.headers.values())
        raise InputError(f"{path.name} has no PPG, ECG or RR/IBI stream with samples (streams: {names or 'none'})"
                         + (f"; {damage}" if damage else ""))
    refused: list[str] = []
    for _, sid in ranked:
        try:
            return _read_stream(path, scan, scan.headers[sid], refused)
        except _Refused as why:
            refused.append(str(why))
    said = " ".join(refused)
    raise InputError(said + (f" ({damage})" if damage and str(scan.damage) not in said else ""))


class _Refused(Exception):
    """This stream cannot be read (the sentence); the next candidate may be."""


def _read_stream(path: Path, scan: _Scan, head: _Header, refused: list[str]) -> Recording:
    skind = stream_kind(head.type, head.name)
    assert skind is not None  # ranked streams have a kind
    what = f"{path.name}: the {head.type} stream {head.name!r}"
    channel, unit = _rr_channel(head.info) if skind == "rr" else (0, "")
    problem = declared_problem(what, skind, head.srate, head.n_channels, head.fmt, channel)
    if problem is not None:
        raise _Refused(problem)
    good_end, damage = scan.good_end, scan.damage
    with _open(path) as f:
        good_end, sample_damage, odd_flags = _check_samples(f, head, good_end)
    if sample_damage is not None:
        damage = sample_damage
    stream, logged = _pyxdf_stream(path, good_end, head.sid, dejitter=needs_rate(skind) and head.srate > 0)
    t = np.asarray(stream["time_stamps"], dtype=float).reshape(-1)
    data = np.asarray(stream["time_series"], dtype=float).reshape(t.size, max(head.n_channels, 1))
    warn: list[str] = []
    damage_text = ""
    if damage is not None:
        total = f" of {scan.size:,}" if scan.size else ""
        damage_text = (f"{path.name} is damaged at byte {good_end:,}{total} ({damage}): read {t.size} samples "
                       f"of the stream {head.name!r} before it ({_span(t)}); the rest of the file is left out")
        warn.append(damage_text)
    elif head.footer_count is None:
        warn.append(f"{path.name} ends without a footer for the stream {head.name!r} (the recording was cut "
                    f"short or not closed): read the {t.size} samples it holds ({_span(t)})")
    elif head.footer_count > t.size:
        warn.append(f"{path.name}: the stream {head.name!r}'s footer counts {head.footer_count} samples, "
                    f"{t.size} were read")
    if odd_flags:
        warn.append(f"{path.name}: {odd_flags} sample(s) of the stream {head.name!r} carry a damaged stamp "
                    "marker (read as stamped)")
    if scan.unknown_chunks:
        warn.append(f"{path.name}: {scan.unknown_chunks} chunk(s) of unknown or unreadable streams skipped")
    warn += [f"{path.name}: the XDF reader reported: {m}" for m in logged]
    keep, dropped, back_at = _clean_stamps(t)
    if back_at is not None:
        warn.append(f"{path.name}: the stream {head.name!r}'s time stamps go back at sample {back_at} "
                    f"of {t.size}: read up to there")
        keep[back_at:] = False
    if dropped:
        warn.append(f"{path.name}: {dropped} sample(s) of the stream {head.name!r} with impossible time "
                    "stamps dropped")
    t, data = t[keep], data[keep]
    if t.size < 2:
        raise _Refused(f"{what} has {t.size} usable sample(s)" + (f"; {damage_text}" if damage_text else "") + ".")
    fs_hz, problem = rate_problem(what, skind, head.srate, t)
    if problem is not None:
        raise _Refused(problem)
    note = f"XDF stream {head.name} ({head.type}, {t.size} samples)"
    others = len(scan.headers) - 1
    if others:
        note += f"; {others} other stream(s) not used"
    if skind in ("ppg", "ecg") and head.srate <= 0:
        note += f"; no sample rate declared: {fs_hz:.4g} Hz from its time stamps"
    warn = [*refused, *warn]
    t = t - t[0]
    if skind in ("ppg", "ecg"):  # a pause in the stamps is a gap: no detector spans it
        assert fs_hz is not None
        steps = np.diff(t)
        pauses = np.flatnonzero(steps > max(config.STREAM_BREAK_S, 10.0 / fs_hz))
        if pauses.size:
            note += f"; {pauses.size} pause(s) in its time stamps treated as gaps"
    if skind == "ppg":
        assert fs_hz is not None
        value = data[:, 0].copy()
        n_bad = int(value.size - np.count_nonzero(np.isfinite(value)))
        if n_bad:
            note += f"; {n_bad} non-finite sample(s) (NaN/inf) treated as gaps"
        gaps = [Gap(float(t[i]), float(steps[i]), "lost_samples") for i in pauses.tolist()]
        return _finish(Recording("ppg", note=note, device=head.name, t_s=t, value=value, fs_hz=fs_hz,
                                 gaps=gaps), warn)
    if skind == "ecg":
        assert fs_hz is not None
        beats, chains, ectopic = [], [], []
        bounds = [0, *(pauses + 1).tolist(), t.size]
        for a, b in zip(bounds[:-1], bounds[1:], strict=True):  # the detector starts afresh after a pause
            seg_t, holes, seg_ectopic = detect_r_peaks_with_holes(t[a:b], data[a:b, 0], fs_hz)
            ectopic.append(seg_ectopic)
            seg_chain = np.zeros(seg_t.size, bool)
            if seg_t.size:
                seg_chain[0] = True
                after = np.searchsorted(seg_t, [h0 + d for h0, d in holes])  # first beat after each hole
                seg_chain[after[after < seg_t.size]] = True
            beats.append(seg_t)
            chains.append(seg_chain)
        beat_t, chain = np.concatenate(beats), np.concatenate(chains)
        beat_ectopic: np.ndarray | None = np.concatenate(ectopic)
        n_bad = int(data[:, 0].size - np.count_nonzero(np.isfinite(data[:, 0])))
    else:
        rr = data[:, channel]
        with np.errstate(invalid="ignore"):
            valid = rr[np.isfinite(rr) & (rr > 0)]
        in_s = unit == "s" or (unit != "ms" and valid.size > 0 and np.median(valid) < SECONDS_LIMIT)
        rr_ms = rr * 1000.0 if in_s else rr
        beat_t, chain, n_bad = _rr_beats(t, rr_ms, _is_ours(head.info))
        beat_ectopic = None
    if n_bad:
        note += f"; {n_bad} non-finite or impossible value(s) treated as gaps"
    if beat_t.size < 2:
        raise _Refused(f"{what} gives fewer than 2 beats" + (f"; {damage_text}" if damage_text else "") + ".")
    return _finish(Recording("rr", note=note, device=head.name, beat_t_s=beat_t - beat_t[0], chain_start=chain,
                             beat_ectopic=beat_ectopic), warn)


def _span(t: np.ndarray) -> str:
    finite = t[np.isfinite(t)]
    return f"{float(finite[-1] - finite[0]):.1f} s" if finite.size > 1 else "no time span"


def _finish(rec: Recording, warn: list[str]) -> Recording:
    for text in warn:
        warnings.warn(text, InputWarning, stacklevel=3)
    return replace(rec, note="; ".join([rec.note, *warn])) if warn else rec

