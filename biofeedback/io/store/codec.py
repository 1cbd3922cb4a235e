"""Raw events to table rows and back, bit-exact.

Consecutive PPG samples of one sample rate become one row with zlib-compressed,
delta-coded, byte-shuffled arrays (times as float64, values as int16/int32 when
integral, else float64), so samples round-trip exactly at a fraction of their size.
A strap's other signals (``SignalBlock``: ECG, accelerometer) are rows of kind
"signal" packed the same way, one row per run of one signal kind and rate, its
kind in ``detail`` and its channel count in ``value`` (channel after channel).
Other events are one row each with their fields (a ``PulseDirectionChosen``: kind "direction",
the direction's name in ``detail``). Beats are rows of the
``beats`` table with every field of ``core.types.Beat``.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import fields

import numpy as np

from biofeedback import config
from biofeedback.core.types import (
    PULSE_DIRECTIONS,
    Beat,
    DeviceBeat,
    DeviceInfo,
    DeviceStatus,
    Event,
    Gap,
    PpgBlock,
    PulseDirectionChosen,
    SignalBlock,
    direction_name,
)
from biofeedback.io.store.errors import StoreError

ROW_COLUMNS = "kind, t_s, value, detail, fs_hz, n, v_dtype, data"
DATA_KINDS = ("ppg", "beat", "signal")  # rows that hold measurements (info and status alone are no data)
BEAT_INSERT = "INSERT INTO beats (session_id, t_s, rr_ms, corrected, kind, quality) VALUES (?, ?, ?, ?, ?, ?)"


def beat_rows(session_id: int, beats: Iterable[Beat]) -> list[tuple]:
    return [(session_id, b.t_s, b.rr_ms, int(b.corrected), b.kind, b.quality) for b in beats]


def select_beats(con: sqlite3.Connection, session_id: int, version: int = 1 << 30) -> list[Beat]:
    """A session's beats in arrival order (``version`` < 3: a read-only old store without quality)."""
    quality = "quality" if version >= 3 else "NULL"
    return [Beat(t, rr, bool(c), k, q) for t, rr, c, k, q in con.execute(
        f"SELECT t_s, rr_ms, corrected, kind, {quality} FROM beats WHERE session_id = ? ORDER BY rowid",
        (session_id,))]
def _value_dtype(values: np.ndarray) -> str:
    if values.size and np.all(np.isfinite(values)) and np.all(values == np.round(values)):
        lo, hi = values.min(), values.max()
        if -32768 <= lo and hi <= 32767:
            return "<i2"
        if -(2**31) <= lo and hi < 2**31:
            return "<i4"
    return "<f8"


def _shuffle(a: np.ndarray) -> bytes:
    """Byte-plane transpose: like bytes of neighbouring numbers sit together and compress well."""
    return np.frombuffer(a.tobytes(), np.uint8).reshape(-1, a.itemsize).T.tobytes()


def _unshuffle(raw: bytes, dtype: str, n: int) -> np.ndarray:
    width = np.dtype(dtype).itemsize
    return np.frombuffer(raw, np.uint8).reshape(width, n).T.copy().view(dtype).ravel()


def _pack(t_s: np.ndarray, values: np.ndarray) -> bytes:
    """Exact, compressible: deltas of the float64 bit patterns of t, deltas of integer values.

    Integer deltas wrap modulo 2**bits and the cumulative sum wraps back, so
    decoding is bit-exact (the idea of Gorilla's delta coding, Pelkonen et al. 2015).
    """
    bits = t_s.view("<i8").copy()
    bits[1:] = np.diff(t_s.view("<i8"))
    if values.dtype.kind == "i":
        deltas = values.copy()
        deltas[1:] = np.diff(values)
        values = deltas
    return _shuffle(bits) + _shuffle(values)


def _unpack(raw: bytes, n: int, dtype: str) -> tuple[np.ndarray, np.ndarray]:
    t_s = np.cumsum(_unshuffle(raw[: 8 * n], "<i8", n), dtype="<i8").view("<f8")
    values = _unshuffle(raw[8 * n:], dtype, n)
    if values.dtype.kind == "i":
        values = np.cumsum(values, dtype=values.dtype)
    return t_s.astype(float), values.astype(float)


def _encode_ppg(blocks: list[PpgBlock]) -> tuple:
    t_s = np.concatenate([b.t_s for b in blocks]).astype("<f8")
    values = np.concatenate([b.value for b in blocks])
    dtype = _value_dtype(values)
    data = zlib.compress(_pack(t_s, values.astype(dtype)), config.STORE_ZLIB_LEVEL)
    return ("ppg", float(t_s[0]) if t_s.size else None, None, None, blocks[0].fs_hz, int(t_s.size),
            dtype, data)


def _encode_signal(blocks: list[SignalBlock]) -> tuple:
    """One row: times as for PPG, the channels one after the other (each delta-coded on its own run)."""
    t_s = np.concatenate([b.t_s for b in blocks]).astype("<f8")
    values = np.concatenate([b.value.reshape(len(b), -1) for b in blocks])
    channels = values.shape[1]
    dtype = _value_dtype(values)
    data = zlib.compress(_pack_channels(t_s, values.astype(dtype)), config.STORE_ZLIB_LEVEL)
    return ("signal", float(t_s[0]) if t_s.size else None, float(channels), blocks[0].kind, blocks[0].fs_hz,
            int(t_s.size), dtype, data)


def _pack_channels(t_s: np.ndarray, values: np.ndarray) -> bytes:
    """``_pack`` of the times and each channel (deltas within a channel, exact as for PPG)."""
    raw = _pack(t_s, values[:, 0])
    for c in range(1, values.shape[1]):
        raw += _shuffle(_deltas(values[:, c]))
    return raw


def _deltas(values: np.ndarray) -> np.ndarray:
    if values.dtype.kind != "i":
        return values
    deltas = values.copy()
    deltas[1:] = np.diff(values)
    return deltas


def _undeltas(values: np.ndarray) -> np.ndarray:
    return np.cumsum(values, dtype=values.dtype) if values.dtype.kind == "i" else values


def _decode_signal(kind: str, channels: int, fs_hz: float, n: int, dtype: str, data: bytes) -> SignalBlock:
    raw = zlib.decompress(data)
    width = np.dtype(dtype).itemsize
    if channels < 1 or len(raw) != 8 * n + channels * width * n:
        raise StoreError(f"a stored {kind} block holds {len(raw)} bytes, not {n} samples of {channels} channels")
    t_s, first = _unpack(raw[: 8 * n + width * n], n, dtype)
    columns = [first]
    for c in range(1, channels):
        at = 8 * n + c * width * n
        columns.append(_undeltas(_unshuffle(raw[at:at + width * n], dtype, n)).astype(float))
    value = columns[0] if channels == 1 else np.column_stack(columns)
    return SignalBlock(kind, t_s, value, fs_hz)


def _encode_other(event: Event) -> tuple:
    if isinstance(event, DeviceBeat):
        return ("beat", event.t_s, event.ibi_ms, "ectopic" if event.ectopic else None, None, None, None, None)
    if isinstance(event, DeviceStatus):
        return ("status", event.t_s, None, json.dumps([event.state, event.detail]), None, None, None, None)
    if isinstance(event, Gap):
        return ("gap", event.t_s, event.duration_s, event.reason, None, None, None, None)
    if isinstance(event, PulseDirectionChosen):
        return ("direction", None, None, direction_name(event.polarity), None, None, None, None)
    if isinstance(event, DeviceInfo):
        detail = json.dumps({f.name: getattr(event, f.name) for f in fields(DeviceInfo) if f.name != "fs_hz"})
        return ("info", None, event.fs_hz, detail, None, None, None, None)
    raise TypeError(f"cannot store {type(event).__name__}")


def encode_events(events: Iterable[Event]) -> list[tuple]:
    """Rows for ``events``: runs of PPG blocks with one sample rate (of signal blocks with one kind
    and rate) become one compressed row."""
    rows: list[tuple] = []
    run: list = []  # PpgBlocks of one rate, or SignalBlocks of one kind and rate

    def close() -> None:
        nonlocal run
        if run:
            rows.append(_encode_ppg(run) if isinstance(run[0], PpgBlock) else _encode_signal(run))
            run = []

    for event in events:
        if isinstance(event, PpgBlock | SignalBlock):
            if run and not _same_run(run[0], event):
                close()
            if len(event):
                run.append(event)
            continue
        close()
        rows.append(_encode_other(event))
    close()
    return rows


def _same_run(a: PpgBlock | SignalBlock, b: PpgBlock | SignalBlock) -> bool:
    if isinstance(a, SignalBlock) and isinstance(b, SignalBlock):
        return a.kind == b.kind and a.fs_hz == b.fs_hz and a.value.shape[1:] == b.value.shape[1:]
    return isinstance(a, PpgBlock) and isinstance(b, PpgBlock) and a.fs_hz == b.fs_hz


DAMAGED_GAP_REASON = "damaged_in_store"  # a raw row the store file no longer holds intact


def decode_or_gap(row: tuple) -> Event:
    """``decode_event``, or a ``Gap`` where the row is damaged (bytes changed on disk: zlib's
    checksum fails, a field has the wrong type), so one bad block costs its own seconds only."""
    try:
        return decode_event(row)
    except (zlib.error, ValueError, TypeError, KeyError, StoreError):
        kind, t_s, _, _, fs_hz, n, _, _ = row
        t = float(t_s) if isinstance(t_s, (int, float)) else float("nan")
        duration = n / fs_hz if kind in ("ppg", "signal") and isinstance(n, int) and isinstance(fs_hz, float) \
            and fs_hz > 0 else None
        return Gap(t, duration, DAMAGED_GAP_REASON)


def decode_event(row: tuple) -> Event:
    kind, t_s, value, detail, fs_hz, n, dtype, data = row
    if kind == "ppg":
        t, v = _unpack(zlib.decompress(data), n, dtype)
        return PpgBlock(t, v, fs_hz)
    if kind == "signal":
        return _decode_signal(str(detail), int(value), fs_hz, n, dtype, data)
    if kind == "beat":
        return DeviceBeat(t_s, value, ectopic=detail == "ectopic")
    if kind == "status":
        state, extra = json.loads(detail)
        return DeviceStatus(t_s, state, extra)
    if kind == "gap":
        return Gap(t_s, value, detail)
    if kind == "direction":
        return PulseDirectionChosen(PULSE_DIRECTIONS[detail])  # (a name it does not know: KeyError)
    if kind == "info":
        stored = json.loads(detail)  # every field but fs_hz; rows written before a field existed lack it
        known = {f.name for f in fields(DeviceInfo)}
        return DeviceInfo(fs_hz=value, **{k: v for k, v in stored.items() if k in known})
    raise StoreError(f"unknown raw event kind {kind!r} in the store")


