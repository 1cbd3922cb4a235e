"""XDF recordings (LabRecorder) of our streams or of another device's PPG, ECG or RR stream.

pyxdf reads the file and applies the recorded clock offsets, so every
stream's stamps are on one clock. One stream becomes a ``Recording`` like any
file: our own PPG stream first (the pulse wave re-analyses to the same
beats), then any other PPG, then ECG (R peaks by the streaming Pan-Tompkins
detector, ``core.ecg``), then RR/IBI (our RR stamps are the beat times;
another bridge's stamps are arrival times, so beat times are rebuilt from the
intervals). ``kind="rr"`` prefers interval streams.

Non-finite values are gaps, counted in the note: PPG samples stay in the
wave for the pipeline to bridge or cut there (as live); ECG holes restart
the R-peak detector and the next beat starts a new chain; an RR value that is
NaN, inf or not positive is no beat, and the next one starts a new chain.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from biofeedback.core.ble_hrm import RrTimeline
from biofeedback.core.ecg import EcgRPeakDetector
from biofeedback.io.files import InputError, Recording
from biofeedback.io.lsl_outlets import MANUFACTURER
from biofeedback.io.lsl_source import SECONDS_LIMIT, stream_kind

XDF_SUFFIXES = (".xdf", ".xdfz")


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


def _rank(stream: dict, prefer: str) -> tuple[int, int] | None:
    info = stream["info"]
    kind = stream_kind(str(_first(info, "type")), str(_first(info, "name")))
    if kind is None or len(stream.get("time_stamps", [])) == 0:
        return None
    order = {"rr": ("rr", "ecg", "ppg"), "ecg": ("ecg", "ppg", "rr")}.get(prefer, ("ppg", "ecg", "rr"))
    return order.index(kind), 0 if _is_ours(info) else 1


def detect_r_peaks_at(t_s: np.ndarray, ecg: np.ndarray, fs_hz: float) -> np.ndarray:
    """R-peak times of a whole ECG stream, fed a second at a time to the streaming detector."""
    return detect_r_peaks_with_holes(t_s, ecg, fs_hz)[0]


def detect_r_peaks_with_holes(t_s: np.ndarray, ecg: np.ndarray,
                              fs_hz: float) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """R-peak times, and the non-finite stretches (start s, duration s) that restarted the detector."""
    det = EcgRPeakDetector(fs_hz)
    step = max(1, int(fs_hz))
    parts = [det.feed(t_s[i:i + step], ecg[i:i + step]) for i in range(0, t_s.size, step)]
    return np.concatenate([*parts, det.flush()]), det.holes


def rr_beat_times(arrival_t_s: np.ndarray, rr_ms: np.ndarray) -> np.ndarray:
    """Beat times of another bridge's intervals, whose stamps are arrival times (all intervals valid)."""
    line = RrTimeline()
    out: list[float] = []
    for t, rr in zip(arrival_t_s.tolist(), rr_ms.tolist(), strict=True):
        out += line.push([rr], t)[0]
    return np.array(out)


def _rr_beats(t_s: np.ndarray, rr_ms: np.ndarray, stamped_at_beat: bool) -> tuple[np.ndarray, np.ndarray, int]:
    """Beat times and chain starts of an interval stream; an impossible interval starts a new chain."""
    ok = np.isfinite(rr_ms) & (rr_ms > 0) & np.isfinite(t_s)
    times: list[np.ndarray] = []
    starts: list[np.ndarray] = []
    bounds = [-1, *np.flatnonzero(~ok).tolist(), ok.size]
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        if b - a <= 1:
            continue
        seg_t = t_s[a + 1:b] if stamped_at_beat else rr_beat_times(t_s[a + 1:b], rr_ms[a + 1:b])
        flags = np.zeros(seg_t.size, bool)
        flags[0] = True
        times.append(seg_t)
        starts.append(flags)
    if not times:
        return np.empty(0), np.empty(0, bool), int(ok.size - np.count_nonzero(ok))
    return np.concatenate(times), np.concatenate(starts), int(ok.size - np.count_nonzero(ok))


def load_xdf(path: str | Path, kind: str = "auto") -> Recording:
    """The best usable stream of an XDF file as a Recording; InputError when there is none."""
    import pyxdf

    path = Path(path)
    if not path.exists():
        raise InputError(f"no such file: {path}")
    with open(path, "rb") as f:
        if f.read(4) != b"XDF:" and path.suffix.lower() != ".xdfz":  # .xdfz is gzipped
            raise InputError(f"{path.name} is not an XDF file (it does not start with 'XDF:')")
    try:
        streams, _ = pyxdf.load_xdf(str(path))
    except Exception as error:  # pyxdf raises many kinds on a damaged file
        raise InputError(f"{path.name} is not a readable XDF file ({error})") from None
    if not streams:
        raise InputError(f"{path.name} holds no streams (an empty or damaged XDF file)")
    ranked = sorted((r, i) for i, s in enumerate(streams) if (r := _rank(s, kind)) is not None)
    if not ranked:
        names = ", ".join(f"{_first(s['info'], 'name')} ({_first(s['info'], 'type')})" for s in streams)
        raise InputError(f"{path.name} has no PPG, ECG or RR/IBI stream with samples "
                         f"(streams: {names or 'none'})")
    stream = streams[ranked[0][1]]
    info = stream["info"]
    name, stype = str(_first(info, "name")), str(_first(info, "type"))
    skind = stream_kind(stype, name)
    t = np.asarray(stream["time_stamps"], dtype=float)
    data = np.asarray(stream["time_series"], dtype=float).reshape(t.size, -1)
    fs_hz = float(_first(info, "nominal_srate", "0") or 0)
    if skind in ("ppg", "ecg") and fs_hz <= 0:
        raise InputError(f"{path.name}: the {stype} stream {name} has no sample rate")
    others = len(streams) - 1
    note = f"XDF stream {name} ({stype}, {t.size} samples)" + (
        f"; {others} other stream(s) not used" if others else "")
    t = t - t[0]
    if skind == "ppg":
        value = data[:, 0].copy()
        n_bad = int(value.size - np.count_nonzero(np.isfinite(value)))
        if n_bad:
            note += f"; {n_bad} non-finite sample(s) (NaN/inf) treated as gaps"
        return Recording("ppg", note=note, device=name, t_s=t, value=value, fs_hz=fs_hz)
    if skind == "ecg":
        beat_t, holes = detect_r_peaks_with_holes(t, data[:, 0], fs_hz)
        chain = np.zeros(beat_t.size, bool)
        if beat_t.size:
            chain[0] = True
            after = np.searchsorted(beat_t, [h0 + d for h0, d in holes])  # first beat after each hole
            chain[after[after < beat_t.size]] = True
        n_bad = int(data[:, 0].size - np.count_nonzero(np.isfinite(data[:, 0])))
    else:
        channel, unit = _rr_channel(info)
        rr = data[:, channel]
        valid = rr[np.isfinite(rr) & (rr > 0)]
        in_s = unit == "s" or (unit != "ms" and valid.size > 0 and np.median(valid) < SECONDS_LIMIT)
        rr_ms = rr * 1000.0 if in_s else rr
        beat_t, chain, n_bad = _rr_beats(t, rr_ms, _is_ours(info))
    if n_bad:
        note += f"; {n_bad} non-finite or impossible value(s) treated as gaps"
    if beat_t.size < 2:
        raise InputError(f"{path.name}: the {stype} stream {name} gives fewer than 2 beats")
    return Recording("rr", note=note, device=name, beat_t_s=beat_t - beat_t[0], chain_start=chain)
