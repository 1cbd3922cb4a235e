"""Impossible values in recorded files become gaps, reported in one note, never a crash.

RR series: NaN, non-positive and over-long intervals (> FILE_RR_GAP_MS) end a
chain of successive beats. PPG samples: NaN rows are dropped, time that goes
backwards (a device restart inside one log) is moved on to continue the record,
a long jump forward is a gap, and stamps from a clock coarser than the samples
(many repeated stamps) are replaced by evenly spaced sample times. All vectorised over the whole record.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from biofeedback import config
from biofeedback.core.types import DeviceBeat, DeviceStatus, Event, Gap, PpgBlock, SignalBlock

OPENSIGNALS_SEQ_MODULO = 16  # nSeq is a 4-bit counter on BITalino and biosignalsplux


def rr_chains(rr_ms: np.ndarray, gap_before_ms: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, int]:
    """Beat times (s, first at 0), chain-start flags and the count of impossible intervals.

    A beat flagged ``chain_start`` has no interval of its own (a gap precedes it).
    Impossible intervals advance the clock by their value when it is a plausible
    gap (<= FILE_GAP_MAX_S), else by FILE_RR_GAP_MS, so times stay increasing.
    ``gap_before_ms[i] > 0`` (from a time column) puts a gap of that length
    before interval i: the interval is kept, its chain starts after the gap.
    """
    rr = np.asarray(rr_ms, dtype=float)
    given_gap = None
    if gap_before_ms is not None and np.any(gap_before_ms > 0):
        at = np.flatnonzero(gap_before_ms > 0)
        rr = np.insert(rr, at, np.nan)
        given_gap = np.insert(np.full(rr.size - at.size, np.nan), at, gap_before_ms[at])
    valid = np.isfinite(rr) & (rr > 0) & (rr <= config.FILE_RR_GAP_MS)
    n_bad = int(rr.size - np.count_nonzero(valid)) - (0 if given_gap is None else int(np.isfinite(given_gap).sum()))
    beat_t_s = np.empty(rr.size + 1)
    beat_t_s[0] = 0.0
    if n_bad == 0 and given_gap is None:  # the common case, without temporaries the size of the record
        np.cumsum(rr, out=beat_t_s[1:])
        beat_t_s[1:] /= 1000.0
        chain_start = np.zeros(rr.size + 1, dtype=bool)
        chain_start[0] = True
        return beat_t_s, chain_start, 0
    gap_ok = np.isfinite(rr) & (rr > config.FILE_RR_GAP_MS) & (rr <= config.FILE_GAP_MAX_S * 1000.0)
    advance = np.where(valid | gap_ok, rr, config.FILE_RR_GAP_MS)
    if given_gap is not None:
        advance = np.where(np.isfinite(given_gap), np.minimum(given_gap, config.FILE_GAP_MAX_S * 1000.0), advance)
    np.cumsum(advance, out=beat_t_s[1:])
    beat_t_s[1:] /= 1000.0
    chain_start = np.concatenate([[True], ~valid])
    # a chain start followed by another chain start (or the end) is a lone beat with no interval
    lone = chain_start & np.concatenate([chain_start[1:], [True]])
    keep = ~lone
    return beat_t_s[keep], chain_start[keep], n_bad


@dataclass(frozen=True, eq=False)
class CleanPpg:
    t_s: np.ndarray
    value: np.ndarray
    fs_hz: float
    gaps: list[Gap] = field(default_factory=list)
    note: str = ""


def clean_ppg(t_s: np.ndarray, value: np.ndarray, fs_hz: float | None = None,
              sequence: np.ndarray | None = None) -> CleanPpg:
    """Drop NaN rows, restore lost samples counted by an nSeq column, mend backwards time."""
    t = np.asarray(t_s, dtype=float)
    v = np.asarray(value, dtype=float)
    notes = []
    if sequence is not None and fs_hz and sequence.size == t.size and np.all(np.isfinite(sequence)):
        step = np.mod(np.diff(sequence), OPENSIGNALS_SEQ_MODULO)
        lost = np.where(step == 0, OPENSIGNALS_SEQ_MODULO, step) - 1
        if lost.any():
            t = t + np.concatenate([[0.0], np.cumsum(lost)]) / fs_hz
            notes.append(f"{int(lost.sum())} lost samples (from nSeq)")
    ok = np.isfinite(t) & np.isfinite(v)
    if not ok.all():
        notes.append(f"{int((~ok).sum())} rows with missing or non-numeric values skipped")
        t, v = t[ok], v[ok]
    if t.size < 2:
        return CleanPpg(t, v, float(fs_hz or 1.0), [], "; ".join(notes))
    steps = np.diff(t)
    forward = steps[steps > 0]
    median = float(np.median(forward)) if forward.size else 1.0 / float(fs_hz or 1.0)
    gaps: list[Gap] = []
    back = np.flatnonzero(steps < 0)
    if back.size:
        # each backwards jump: the samples after it continue one median step after the one before
        shift = np.zeros(t.size)
        shift[back + 1] = t[back] + median - t[back + 1]
        t = t + np.cumsum(shift)
        gaps += [Gap(float(t[i]), None, "device_restart") for i in back]
        notes.append(f"time goes backwards {back.size} time(s): treated as restarts")
        steps = np.diff(t)
    jumps = np.flatnonzero(steps > max(config.FILE_PPG_GAP_S, 10.0 * median))
    if jumps.size:
        gaps += [Gap(float(t[i]), float(steps[i]), "lost_samples") for i in jumps]
        notes.append(f"{jumps.size} gap(s) in the time column")
    gaps.sort(key=lambda g: g.t_s)
    fs = float(fs_hz) if fs_hz else 1.0 / median
    if _clock_is_quantised(steps, median):
        t, fs_even = _even_times(t, jumps)
        fs = float(fs_hz) if fs_hz else fs_even
        notes.append(f"time stamps in {1000 * median:.3g} ms ticks: samples spaced evenly at {fs_even:.4g} Hz")
    return CleanPpg(t, v, fs, gaps, "; ".join(notes))


QUANTISED_REPEAT_SHARE = 0.1  # this share of repeated time stamps means a coarse clock, not the sample clock
QUANTISED_SMOOTH_S = 2.0  # stamps of a coarse clock averaged over this span


def _clock_is_quantised(steps: np.ndarray, median: float) -> bool:
    """Do the stamps come from a clock coarser than the samples (many repeated stamps)?

    A logger that stamps ~100 Hz samples with a 15.6 ms clock (heartpy's
    ``data3.csv``) repeats a stamp on about every third sample: the median step
    is then the tick, not the sample period, and beat times would move in
    whole ticks.
    """
    if steps.size < 10:
        return False
    repeated = np.count_nonzero(steps <= 0.05 * median)
    return bool(repeated >= QUANTISED_REPEAT_SHARE * steps.size)


def _even_times(t: np.ndarray, jumps: np.ndarray) -> tuple[np.ndarray, float]:
    """Sample times spaced evenly between gaps, following the clock's slow drift; and the rate.

    Each stretch between gaps: a straight line on the sample index (its slope is
    the sample period) plus the stamps' residual from it smoothed over
    QUANTISED_SMOOTH_S, so the times keep step with a recorder whose rate
    wanders slowly while the ticks' rounding (up to one tick per sample) averages out.
    """
    from scipy.ndimage import uniform_filter1d

    bounds = np.concatenate([[0], jumps + 1, [t.size]])
    out = t.copy()
    samples = span = 0.0
    for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
        n = int(stop - start)
        if n < 3:
            continue
        index = np.arange(n, dtype=float)
        seg = t[start:stop]
        slope = (seg[-1] - seg[0]) / (n - 1)
        width = int(min(n, max(3, round(QUANTISED_SMOOTH_S / slope)))) if slope > 0 else n
        residual = seg - slope * index
        for _ in range(2):  # a triangular window: the ticks' sawtooth leaves no ripple on the steps
            residual = uniform_filter1d(residual, size=width, mode="nearest")
        out[start:stop] = slope * index + residual
        samples += n - 1
        span += seg[-1] - seg[0]
    out += t[0] - out[0]  # the record still starts at its first stamp
    return out, samples / span if span > 0 else 1.0 / float(np.median(np.diff(t)))


def clean_raw_events(events: list[Event]) -> tuple[list[Event], str]:
    """The raw log's events with NaN samples dropped and backwards time mended into gaps."""
    out: list[Event] = []
    offset = 0.0
    last_t = -np.inf  # last PPG sample time
    last_beat_t = -np.inf
    n_nan = n_back = 0
    for event in events:
        if isinstance(event, PpgBlock):
            t = event.t_s + offset
            v = event.value
            ok = np.isfinite(t) & np.isfinite(v)
            if not ok.all():
                n_nan += int((~ok).sum())
                t, v = t[ok], v[ok]
            if t.size == 0:
                continue
            period = 1.0 / event.fs_hz if event.fs_hz > 0 else 0.0
            starts = np.flatnonzero(np.diff(np.concatenate([[last_t], t])) < 0)
            if starts.size:
                pieces = np.split(np.arange(t.size), starts)
                for piece in pieces:
                    if piece.size == 0:
                        continue
                    pt = t[piece]
                    if pt[0] < last_t:
                        shift = last_t + period - pt[0]
                        offset += shift
                        t = t + shift  # later pieces move with it
                        pt = t[piece]
                        out.append(Gap(float(last_t), None, "device_restart"))
                        n_back += 1
                    out.append(PpgBlock(pt, v[piece], event.fs_hz))
                    last_t = float(pt[-1])
                continue
            out.append(PpgBlock(t, v, event.fs_hz) if (offset or not ok.all()) else event)
            last_t = float(t[-1])
        elif isinstance(event, DeviceBeat):
            t_s = event.t_s + offset
            if not np.isfinite(t_s):
                n_nan += 1
                continue
            if t_s <= last_beat_t:
                shift = last_beat_t + 1e-3 - t_s
                offset += shift
                t_s += shift
                out.append(Gap(float(last_beat_t), None, "device_restart"))
                n_back += 1
            out.append(dataclasses.replace(event, t_s=float(t_s)) if t_s != event.t_s else event)
            last_beat_t = float(t_s)
        elif isinstance(event, SignalBlock):
            if offset:  # a strap's ECG or accelerometer moves with the beats and the samples
                event = SignalBlock(event.kind, event.t_s + offset, event.value, event.fs_hz)
            out.append(event)
        elif isinstance(event, (DeviceStatus, Gap)):
            t_s = event.t_s + offset
            if np.isfinite(t_s):
                out.append(dataclasses.replace(event, t_s=float(t_s)) if t_s != event.t_s else event)
        else:
            out.append(event)
    notes = []
    if n_nan:
        notes.append(f"{n_nan} missing or non-numeric values skipped")
    if n_back:
        notes.append(f"time goes backwards {n_back} time(s): treated as restarts")
    return out, "; ".join(notes)
