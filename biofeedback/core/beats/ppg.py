"""Streaming PPG beat detector for real pulse waves (docs/reference/algorithms.md §1): the state machine.

What it follows (each stage in its own module):

- **Onset detection: qppg** (Vest et al. 2018, PhysioNet Cardiovascular Signal
  Toolbox, ``qppg.m``, after Zong et al. 2003 "An open-source algorithm to
  detect onset of arterial blood pressure pulses", wabp): the slope-sum
  function SSF of the low-passed wave (``ppg_slope_sum``, ``BEAT_SSF_WINDOW_S``,
  qppg: 170 ms); an upstroke starts when SSF crosses an adaptive threshold set
  from the last beats' upstrokes (``BEAT_THRESHOLD_SHARE`` of their median),
  learnt from the first ``BEAT_LEARN_S`` of the stream (qppg's learning
  period), and lowered when no beat came for ``BEAT_THRESHOLD_DECAY_RR``
  expected intervals. After ``BEAT_RELEARN_S`` without a beat (a start in
  motion, a finger off) the last ``BEAT_LEARN_S`` are learnt again (polarity,
  threshold, pulse size). Charlton et al. 2022 (Physiol. Meas. 43:085007)
  found qppg and MSPTD (Bishop & Ercole 2018) the most accurate of 15
  detectors; MSPTD needs whole windows (offline), qppg is causal.
- **Systolic peak** (``ppg_peak``): the upstroke's peak is confirmed as soon as
  the low-passed wave has fallen ``BEAT_CONFIRM_DROP_SHARE`` of its rise
  (latency), then located in the raw wave between the onset and the
  confirmation (smoothed maximum, flat top, parabola).
- **Reflected waves** (``beat_acceptance``): against the expected interval,
  the autocorrelation period of the recent wave (``ppg_rhythm``), a peak too
  soon and too small for how soon it comes is a reflected wave. A peak that
  passes but comes early (sooner than ``_HOLD_BELOW`` of the expected
  interval) is held for half an interval: a clearly taller peak after a dip
  in that time, found by an upstroke of its own or in the wave, is the beat
  instead (heartpy's data3 at 448-455 s and 193-195 s: double peaks after a
  disturbance, where the detector took the first, smaller one and then every
  reflected wave after it). A near twin of the held peak that comes on time
  is the beat too when the held one came very early (data3 at 193.3 s: twin
  peaks 0.2 s apart, the first 0.37 s after the last beat at a 0.58 s
  rhythm). Only early beats wait, so the latency of the others is unchanged.
  With no expected interval yet (a start, a re-learning) every beat waits
  ``_HOLD_UNKNOWN_S``: heartpy's data2 at 4.1 s, where a noise bump after a
  finger-off took the first pulse's place (its upstroke began before the slope
  sum fell back, so it started no upstroke of its own).
- **Polarity**: declared by the protocol (``polarity``) or estimated from the
  learning window (``ppg_polarity``); the wave is multiplied by it.
- **Per-beat quality**: template correlation (``beat_quality``), vouched for
  by the rhythm when the interval matches the recent ones, carried with each
  beat in ``last_quality``; a beat whose agreement with the poor ones before
  it rebuilt the template lists them in ``vouched`` (good pulses after all).
  A good beat that comes on time (``on_time``) after a poor one vouches for
  that one too: its quality is that of the wave from the poor beat's peak to
  its own, so the poor beat's fall looked like a pulse's. The first clean pulse
  after motion scores poor because its wave begins in the motion; without this
  the chain began one pulse later (pyphysio's BVP at 114.57 s, after motion at
  112.9-114.3 s).

Lost samples: ``bridge()`` (called by the pipeline on a short lost-samples
gap) makes the next fed sample fill the hole with straight-line samples on
the nominal sample clock, so the filters and thresholds carry on.

Non-finite samples (NaN, ±inf in the value or the time) never reach the
filter state, whose ``zi`` would carry them for ever: they are holes. A hole up
to ``BEAT_BRIDGE_MAX_S`` is bridged as lost samples are; a longer one starts a
new stream (``reset``), as a real gap does. The pipeline turns them into gaps
before they get here; this is the detector's own guard (``detect_beats``, tests).

Chunk invariance: every stage is sequential or elementwise (lfilter with
carried ``zi``; the slope sum is a difference of an int64 running sum of the
quantised slope, exact under any grouping; decisions depend on sample indices
only), so any chunking of the same samples gives bit-identical beat times.
Samples are processed once ``BEAT_PROCESS_EVERY_S`` of them is pending.
"""

from __future__ import annotations

import math
import statistics
from collections import deque
from typing import NamedTuple

import numpy as np
from scipy import signal

from biofeedback.config import (
    BEAT_BRIDGE_MAX_S,
    BEAT_CONFIRM_DROP_SHARE,
    BEAT_LEARN_S,
    BEAT_MAX_RISE_S,
    BEAT_PERIOD_EVERY_S,
    BEAT_PERIOD_WINDOW_S,
    BEAT_PROCESS_EVERY_S,
    BEAT_QUALITY_MIN,
    BEAT_RELEARN_S,
    BEAT_RR_KEPT,
    BEAT_SSF_WINDOW_S,
    BEAT_THRESHOLD_DECAY_RR,
    BEAT_THRESHOLD_SHARE,
    BEAT_UPSTROKES_KEPT,
    NO_BEAT_TIMEOUT_S,
)
from biofeedback.core.beats.acceptance import is_reflected_wave, on_time, too_small
from biofeedback.core.beats.peak import PeakPlacer
from biofeedback.core.beats.polarity import CLEAR_SCORE, decide_polarity, polarity_score
from biofeedback.core.beats.quality import TemplateQuality, beat_wave, on_the_rhythm, one_step_on
from biofeedback.core.beats.rhythm import MAX_RR_S
from biofeedback.core.beats.signal_state import sample_state
from biofeedback.core.beats.slope_sum import (
    PeriodEstimator,
    extend_slope_sum,
    first_true,
    initial_threshold,
    learn_slope_scale,
    lowpass_ba,
)
from biofeedback.core.shortcuts import fast_lfilter
from biofeedback.core.types import SignalQuality

_HISTORY_S = 4.0  # raw history kept behind the processed point (peak search, quality waves)
_QUALITY_WINDOW_S = 2.0
_RATE_TOLERANCE = 0.2  # a declared rate this far from the samples' own is replaced by theirs
_VOUCHED_KEPT = 16
_HOLD_BELOW = 0.8  # a beat sooner than this share of the expected interval is early: ...
_HOLD_SHARE = 0.5  # ... held this share of the expected interval after its peak ...
_RIVAL_DIP_SHARE = 0.2  # ... and a taller peak after a dip of this share of its rise is the beat instead,
_RIVAL_TALLER_SHARE = 0.15  # ... when taller by this share of the held beat's rise, or ...
_RIVAL_TWIN_SHARE = 0.15  # ... a near twin (lower by less than this share) that comes on time, ...
_TWIN_EARLY_SHARE = 0.7  # ... when the held beat came sooner than this share of the expected interval
_HOLD_UNKNOWN_S = 0.5  # with no expected interval yet (a start, a re-learning) every beat is held this long
_EMPTY = np.empty(0)


class PpgBeatDetector:
    """Causal PPG beat detector; feed samples, get systolic peak times (and ``last_quality``)."""

    def __init__(self, fs_hz: float, adc_max: float | None = None, polarity: int | None = None):
        self.declared_fs_hz = float(fs_hz)
        self.adc_max = adc_max
        self.declared_polarity = polarity
        self._set_rate(self.declared_fs_hz)
        self.last_quality: np.ndarray = _EMPTY  # quality of each beat the last call returned
        self.reset()

    def _set_rate(self, fs_hz: float) -> None:
        """Every window in samples, for a sample rate (declared, or measured by ``_begin``)."""
        fs = self.fs_hz = float(fs_hz)
        # slope sum and peak confirmation on a low-passed wave, as in wabp/qppg: a high-pass
        # would turn the trough after each systolic peak into a false upstroke
        self._bl, self._al = lowpass_ba(fs)
        self._zl_unit = signal.lfilter_zi(self._bl, self._al)
        self._ls = max(1, round(BEAT_SSF_WINDOW_S * fs))
        self._granule = max(1, round(BEAT_PROCESS_EVERY_S * fs))
        self._learn = max(self._granule, round(BEAT_LEARN_S * fs))
        # raw history behind the processed point: the peak search and quality waves need
        # _HISTORY_S, the period update and re-learning read BEAT_PERIOD_WINDOW_S / BEAT_LEARN_S
        # back from it (a shorter history made them read a wrapped slice after _make_room,
        # so the beats depended on where the buffer was compacted, i.e. on the chunk sizes)
        history_s = max(_HISTORY_S, BEAT_PERIOD_WINDOW_S, BEAT_LEARN_S)
        self._hist = max(round(history_s * fs), self._ls) + self._granule + 2
        self._peaks = PeakPlacer(fs)
        self._trough = self._peaks.trough
        self._max_rise = max(2, round(BEAT_MAX_RISE_S * fs))
        self._periods = PeriodEstimator(fs)
        self._period_win = round(BEAT_PERIOD_WINDOW_S * fs)
        self._period_every = round(BEAT_PERIOD_EVERY_S * fs)
        self._relearn_n = round(BEAT_RELEARN_S * fs)

    def _measured_rate(self, m: int) -> float | None:
        """The learning window's own sample rate when the declared one is far from it.

        A file whose clock is quantised (heartpy's data3: ~100 Hz samples stamped by a
        15.6 ms clock, several per tick) gets a rate from its median time step that is
        far off (62.5 Hz); every window in samples (period, refractory, upstroke) is then
        off by as much. The count of samples over the window's span is the rate.
        """
        s = self._start
        span = float(self._t[s + m - 1] - self._t[s])
        if m < 8 or span <= 0.0:
            return None
        fs = (m - 1) / span
        return fs if abs(fs / self.fs_hz - 1.0) > _RATE_TOLERANCE else None

    # -- public API -----------------------------------------------------------
    def reset(self) -> None:
        """Forget all state (after a real gap): the next sample starts a new stream."""
        if self.fs_hz != self.declared_fs_hz:  # a new stream: its rate is measured afresh
            self._set_rate(self.declared_fs_hz)
        cap = self._hist + self._learn + 8 * self._granule + 4096
        self._v = np.zeros(cap)
        self._t = np.zeros(cap)
        self._y = np.zeros(cap)  # low-passed wave
        self._ssf = np.zeros(cap)
        self._cs = np.zeros(cap, dtype=np.int64)
        self._off = 0  # absolute sample index of buffer position 0
        self._n = self._p = self._start = self._hist  # filled, processed, stream start (buffer)
        self._started = False
        self.polarity = self.declared_polarity
        # declared, or learnt from a clear score (polarity.CLEAR_SCORE); while only guessed, each
        # BEAT_LEARN_S of pulses after the one learnt from is scored until one agrees clearly
        self.polarity_sure = self.declared_polarity is not None
        self._polarity_checked_abs = 0  # absolute sample index where the last window scored ended
        self._zl: np.ndarray | None = None
        self._blq = self._bl
        self._gain = 1.0
        self._thr = math.inf
        self._ups: deque[float] = deque(maxlen=BEAT_UPSTROKES_KEPT)
        self._rr: deque[float] = deque(maxlen=BEAT_RR_KEPT)
        self._rr_med: float | None = None
        self._proms: deque[float] = deque(maxlen=BEAT_UPSTROKES_KEPT)
        self._last_prom = math.inf
        self._relearnt = -(1 << 62)  # buffer index of the last re-learning
        self._period_s: float | None = None  # autocorrelation period of the recent wave
        self._rising = False  # inside an upstroke
        self._armed = False  # SSF was below the threshold since the last upstroke
        self._onset = self._rise_max_i = 0
        self._rise_max = self._rise_base = 0.0
        self._last_beat_t: float | None = None
        self._last_good = False  # the last beat's quality was acceptable (its interval may vouch for the next)
        self._last_poor = False  # the last beat was scored and found poor (the next good one may vouch for it)
        self._held: _Candidate | None = None  # an early beat waiting for a taller peak (``_confirm``) ...
        self._held_until = 0  # ... until this absolute sample
        # beat time -> earlier beats (times) that its template rebuild showed were good pulses
        self.vouched: dict[float, tuple[float, ...]] = {}
        self._last_peak_abs: int | None = None
        self._first_t: float | None = None
        self._bridge_next = False
        self._hole = False  # the last fed samples were non-finite: decide bridge or reset on the next
        self._templates = TemplateQuality()

    def bridge(self) -> None:
        """Samples were lost: fill the hole before the next sample on the nominal clock."""
        self._bridge_next = True

    def feed(self, t_s: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Add consecutive samples (device times, raw values); return beat times confirmed now.

        Non-finite samples are holes (see the module notes), never filter input.
        """
        self.last_quality = _EMPTY
        n = len(values)
        if n == 0:
            return _EMPTY
        t_s, values = np.asarray(t_s, dtype=float), np.asarray(values, dtype=float)
        if not math.isfinite(values.dot(t_s)):  # one vectorised test: NaN/inf in either gives NaN/inf
            return self._feed_with_holes(t_s, values)
        return self.feed_finite(t_s, values)

    def feed_finite(self, t_s: np.ndarray, values: np.ndarray) -> np.ndarray:
        """``feed`` for a caller that has already tested every sample finite (the pipeline).

        At least one sample, as arrays of numbers. The pipeline tests each block
        once; a second test here cost as much as the copy (the live path runs
        this for every decoded block: 50 times a second, 180,000 times an
        offline hour).
        """
        if self._hole:  # non-finite samples came before these: bridge or restart
            self._after_hole(float(t_s[0]))
        self.last_quality = _EMPTY
        if self._bridge_next:
            t_s, values = self._bridged(np.asarray(t_s, float), np.asarray(values, float))
        n = len(values)
        k = self._n
        if k + n > self._v.size:
            self._make_room(n)
            k = self._n
        end = self._n = k + n
        self._v[k:end] = values  # (the buffers are float64: any numbers are converted here)
        self._t[k:end] = t_s
        if not self._started:  # (the first sample since a start or reset comes before it)
            if self._first_t is None:
                self._first_t = float(self._t[k])
            if end - self._start < self._learn:
                return _EMPTY
            self._begin(self._learn)
        pending = end - self._p
        if pending < self._granule:
            return _EMPTY
        return self._process(pending - pending % self._granule)

    def flush(self) -> np.ndarray:
        """Process samples still waiting for a full group (end of a record); release a held beat."""
        self.last_quality = _EMPTY
        if not self._started:
            if self._n - self._start < max(4, self._ls + 2):
                return _EMPTY
            self._begin(self._n - self._start)
        out = self._process(self._n - self._p) if self._n > self._p else _EMPTY
        if self._held is None:
            return out
        quals = self.last_quality.tolist() if out.size else []
        beats = out.tolist()
        self._release(beats, quals)
        self.last_quality = np.array(quals)
        return np.array(beats)

    @property
    def polarity_guessed(self) -> bool:
        """Detecting on a direction taken from an unclear pulse shape that no later pulses confirmed."""
        return self._started and self.declared_polarity is None and not self.polarity_sure

    def declare_polarity(self, polarity: int) -> None:
        """A header declaring the direction in use (or not yet learnt) after the first samples: taken as it is."""
        self.declared_polarity = self.polarity = polarity
        self.polarity_sure = True

    @property
    def quality(self) -> SignalQuality:
        """Signal quality over the last ``_QUALITY_WINDOW_S`` of fed samples."""
        if self._first_t is None:  # nothing fed since the start or the last reset
            return SignalQuality.NO_SIGNAL
        last_t = float(self._t[self._n - 1])
        w = round(_QUALITY_WINDOW_S * self.fs_hz)
        seg = self._v[max(self._start, self._n - w) : self._n]
        state = sample_state(seg, self.fs_hz, self.adc_max)
        if state is not None:
            return state
        ref = self._first_t if self._last_beat_t is None else self._last_beat_t
        if ref is not None and last_t - ref > NO_BEAT_TIMEOUT_S:
            return SignalQuality.NO_SIGNAL
        return SignalQuality.GOOD

    # -- internals --------------------------------------------------------------
    def _feed_with_holes(self, t_s: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Feed the finite runs of a chunk; its non-finite samples are holes between them."""
        ok = np.isfinite(t_s) & np.isfinite(values)
        if ok.all():  # finite values whose dot product overflowed
            ok_runs = [(0, ok.size)]
        else:
            edges = np.flatnonzero(np.diff(ok.view(np.int8))) + 1
            bounds = [0, *edges.tolist(), ok.size]
            ok_runs = [(a, b) for a, b in zip(bounds[:-1], bounds[1:], strict=True) if ok[a]]
        beats: list[np.ndarray] = []
        quals: list[np.ndarray] = []
        end = 0
        for a, b in ok_runs:
            if a > end:
                self._hole = True
            if self._hole:
                self._after_hole(float(t_s[a]))
            beats.append(self.feed_finite(t_s[a:b], values[a:b]))  # (the hole before it is decided)
            quals.append(self.last_quality)
            end = b
        if end < ok.size:
            self._hole = True
        self.last_quality = np.concatenate(quals) if quals else _EMPTY
        return np.concatenate(beats) if beats else _EMPTY

    def _after_hole(self, t_next_s: float) -> None:
        """Non-finite samples came before ``t_next_s``: bridge a short hole, restart after a long one."""
        self._hole = False
        if self._n <= self._start:  # nothing fed since the start: the stream simply starts here
            return
        if t_next_s - self._t[self._n - 1] <= BEAT_BRIDGE_MAX_S + 1.0 / self.fs_hz:
            self._bridge_next = True
        else:
            self.reset()

    def _bridged(self, t: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        self._bridge_next = False
        if self._n <= self._start:
            return t, v
        t0, v0 = self._t[self._n - 1], self._v[self._n - 1]
        missing = round((t[0] - t0) * self.fs_hz) - 1
        if missing <= 0 or missing > BEAT_BRIDGE_MAX_S * self.fs_hz:
            return t, v
        frac = np.arange(1, missing + 1) / (missing + 1)
        return (np.concatenate((t0 + frac * (t[0] - t0), t)),
                np.concatenate((v0 + frac * (v[0] - v0), v)))

    def _make_room(self, n: int) -> None:
        keep_from = max(0, self._p - self._hist)
        size = self._n - keep_from
        cap = max(self._v.size, 2 * (size + n))
        for name in ("_v", "_t", "_y", "_ssf", "_cs"):
            old = getattr(self, name)
            new = old if cap == old.size else np.zeros(cap, dtype=old.dtype)
            new[:size] = old[keep_from : self._n]
            setattr(self, name, new)
        self._off += keep_from
        self._n -= keep_from
        self._p -= keep_from
        self._start -= keep_from
        self._onset -= keep_from
        self._relearnt -= keep_from
        self._rise_max_i -= keep_from

    def _begin(self, m: int) -> None:
        """End of the learning window: polarity, slope scale and first threshold."""
        s = self._start
        fs = self._measured_rate(m)
        if fs is not None:
            self._set_rate(fs)
        x = self._v[s : s + m]
        if self.polarity is None:
            score = polarity_score(x, self.fs_hz)
            self.polarity = decide_polarity(score)
            self.polarity_sure = abs(score) >= CLEAR_SCORE
            self._polarity_checked_abs = self._off + s + m
        sign = float(self.polarity)
        z = signal.lfilter(self._bl * sign, self._al, x, zi=self._zl_unit * (x[0] * sign))[0]
        self._gain, self._thr = learn_slope_scale(z, self._ls)
        self._blq = self._bl * sign
        self._zl = self._zl_unit * (x[0] * sign)  # constant input -> constant output, no transient
        self._seed_from_learning(x * sign, self._periods.period_s(z))
        self._y[s - 1] = x[0] * sign
        self._started = True

    def _seed_from_learning(self, x: np.ndarray, period: float | None) -> None:
        """Expected interval (autocorrelation) and pulse prominence from the learning window."""
        if period is None:
            return
        self._period_s = period
        prom = self._peaks.typical_prominence(x, period)
        if prom is not None:
            self._proms.append(prom)

    def _update_period(self, b: int) -> None:
        """Re-estimate the pulse period from the last ``BEAT_PERIOD_WINDOW_S`` before ``b``."""
        a = b - self._period_win
        if a < max(self._start, 0):
            return
        self._period_s = self._periods.period_s(self._y[a:b])
        if not self.polarity_sure and self._period_s is not None:
            self._confirm_polarity(b)
        last = self._last_peak_abs - self._off if self._last_peak_abs is not None else self._start
        if b - max(last, self._relearnt) >= self._relearn_n and not self._rising:
            self._relearn(b)

    def _confirm_polarity(self, b: int) -> None:
        """A guessed polarity is checked on each ``BEAT_LEARN_S`` of pulses after it: sure when they score
        clearly on its side; learnt afresh (``_relearn``: flipped) when they score clearly on the other."""
        if b + self._off - self._polarity_checked_abs < self._learn or b - self._learn < self._start:
            return
        assert self.polarity is not None  # learnt or declared by _begin
        evidence = polarity_score(self._v[b - self._learn : b], self.fs_hz) * self.polarity
        if evidence <= -CLEAR_SCORE:
            if not self._rising:  # (as a re-learning: not inside an upstroke; tried again at the next update)
                self._relearn(b)
            return
        self._polarity_checked_abs = b + self._off
        self.polarity_sure = evidence >= CLEAR_SCORE

    def _relearn(self, b: int) -> None:
        """No beat for ``BEAT_RELEARN_S``: learn polarity, threshold and pulse size afresh.

        The learning window may have been motion or a finger off: after a long
        silence the last ``BEAT_LEARN_S`` decide again, as at a start. Filters
        keep running (this is not a gap in the samples). A window without a
        pulse period (the finger still off) teaches nothing: learnt from the
        dark, the threshold sat at the noise and the first pulses back were
        missed while it recovered.
        """
        a = b - self._learn
        period = self._periods.period_s(self._y[a:b])  # a sign flip leaves the period as it is
        if period is None:  # no pulse in the window (finger off, motion): keep what was learnt
            return  # and try again at the next period update
        self._relearnt = b
        if self.declared_polarity is None:
            score = polarity_score(self._v[a:b], self.fs_hz)
            polarity = decide_polarity(score, self.polarity)
            if polarity != self.polarity:  # the filters are linear: flip their state and history
                assert self._zl is not None  # set by _begin, before any re-learning
                self.polarity = polarity
                self._blq, self._zl = -self._blq, -self._zl
                self._y[: self._n] *= -1.0
                if b < self._p:  # this group's samples after b were summed the old way up: again, the new
                    extend_slope_sum(self._y, self._cs, self._ssf, b, self._p - b, self._gain, self._ls, self._start)
            self.polarity_sure = self.polarity_sure or score * polarity >= CLEAR_SCORE
            self._polarity_checked_abs = b + self._off
        self._thr = initial_threshold(self._ssf[a:b])
        self._ups.clear()
        self._proms.clear()
        self._rr.clear()
        self._rr_med = None
        self._last_prom = math.inf
        assert self.polarity is not None  # learnt or declared by _begin
        self._seed_from_learning(self._v[a:b] * float(self.polarity), period)

    def _process(self, m: int) -> np.ndarray:
        p = self._p
        x = self._v[p : p + m]
        assert self._zl is not None  # processing starts after _begin
        self._y[p : p + m], self._zl = fast_lfilter(self._blq, self._al, x, self._zl)
        # _y[start - 1]: the steady state
        extend_slope_sum(self._y, self._cs, self._ssf, p, m, self._gain, self._ls, self._start)
        self._p = p + m
        beats: list[float] = []
        quals: list[float] = []
        i, end = p, p + m
        every, s0 = self._period_every, self._start
        b = s0 + ((p - s0) // every + 1) * every  # next period update, on the sample clock
        while i < end:
            stop = min(b, end)
            while i < stop:
                s = stop
                if self._held is not None and not self._rising:  # (an upstroke under way settles it when it peaks)
                    if i + self._off >= self._held_until:
                        self._settle(i, beats, quals)
                        continue
                    s = min(stop, self._held_until - self._off)
                if self._rising:
                    i = self._step_rising(i, s, beats, quals)
                else:
                    i = self._step_idle(i, s)
            if stop == b:
                self._update_period(b)
                b += every
        if not beats:
            return _EMPTY
        self.last_quality = np.array(quals)
        return np.array(beats)

    def _expected_rr(self) -> float | None:
        """The pulse period when the wave has a clear one, else the median recent interval."""
        if self._period_s is not None:
            return self._period_s
        return self._rr_med

    def _decay(self, i: int) -> float:
        """1, 1/2 or 1/4: thresholds drop when no beat came for a while (a weaker pulse)."""
        return self._decay_span(i)[0]

    def _decay_span(self, i: int) -> tuple[float, int]:
        """The threshold decay at sample ``i`` and the first later sample where it changes.

        Decisions must not depend on where a chunk ends (chunk invariance): the idle
        step cuts its search at that sample instead of using one decay for the chunk.
        """
        rr_exp = self._expected_rr()
        if self._last_peak_abs is None or rr_exp is None:
            return 1.0, 1 << 62
        waited = i + self._off - self._last_peak_abs
        expected = rr_exp * self.fs_hz
        half = BEAT_THRESHOLD_DECAY_RR * expected
        quarter = max(half, NO_BEAT_TIMEOUT_S * self.fs_hz)
        if waited > quarter:
            return 0.25, 1 << 62
        if waited > half:
            return 0.5, i + math.floor(quarter) + 1 - waited
        return 1.0, i + math.floor(half) + 1 - waited

    def _step_idle(self, i: int, end: int) -> int:
        decay, change = self._decay_span(i)
        thr = self._thr * decay
        end = min(end, change)
        seg = self._ssf[i:end]
        if not self._armed:
            below = first_true(seg <= thr)
            if below < 0:
                return end
            self._armed = True
            return i + below
        above = first_true(seg > thr)
        if above < 0:
            return end
        j = i + above
        self._rising, self._armed = True, False
        self._onset = self._rise_max_i = j
        self._rise_max = float(self._y[j])
        self._rise_base = float(self._y[max(self._start, j - self._trough) : j + 1].min())
        return j

    def _step_rising(self, i: int, end: int, beats: list[float], quals: list[float]) -> int:
        cap = self._onset + self._max_rise + 1  # no fall by then: a slow swell, not a pulse
        stop = min(end, cap)
        seg = self._y[i:stop]
        run = np.maximum.accumulate(seg)
        np.maximum(run, self._rise_max, out=run)
        drop = run - self._rise_base  # drop = run - share * (run - base), without temporaries
        np.multiply(drop, BEAT_CONFIRM_DROP_SHARE, drop)  # (outputs positional: a keyword costs more here)
        np.subtract(run, drop, drop)
        fallen = first_true(seg < drop)
        if fallen < 0:
            top = run.item(-1)
            if top > self._rise_max:
                self._rise_max = top
                self._rise_max_i = i + int(seg.argmax())
            if stop == cap:  # start afresh (at the same sample whatever the chunking)
                self._rising, self._armed = False, True
            return stop
        j = i + fallen
        self._rising = False
        self._confirm(self._onset, j, beats, quals)
        return j + 1

    def _confirm(self, onset: int, j: int, beats: list[float], quals: list[float]) -> None:
        """The upstroke [onset, j] peaked: a beat, a beat held back, or none (see ``_Candidate``).

        A beat that comes early (sooner than ``BEAT_REFLECTED_SHARE`` of the
        expected interval) is held until ``_HOLD_SHARE`` of an interval after its
        peak: a taller peak before then is the beat instead (the held one was a
        reflected wave or an artifact), else the held beat is released.
        """
        held = self._held
        if held is not None:
            rival = self._judge(onset, j)  # judged against the last beat before the held one
            if rival is not None and self._rival_wins(held, rival.top, rival.t):
                self._held = None  # the taller peak is the beat; the held one was not
                self._take(rival, beats, quals)
                return
            self._release(beats, quals)
        cand = self._judge(onset, j)
        if cand is not None:
            self._take(cand, beats, quals)

    def _take(self, cand: _Candidate, beats: list[float], quals: list[float]) -> None:
        """Hold an early beat, accept any other."""
        if cand.until_abs is not None:
            self._held, self._held_until = cand, cand.until_abs
            return
        t, q = self._commit(cand)
        beats.append(t)
        quals.append(q)

    def _settle(self, i: int, beats: list[float], quals: list[float]) -> None:
        """The hold of an early beat ended at sample ``i``: a taller peak after it in the wave, or it.

        A taller peak close after a held beat often starts no upstroke of its own:
        the slope sum has not fallen below the threshold since the held beat's
        upstroke (heartpy data3 448.9 s, 193.95 s). So the wave itself is searched,
        from the held peak to ``i``, for a completed peak taller than the held one
        with a dip between them.
        """
        held = self._held
        assert held is not None
        rival = self._rival_in_wave(held, i)
        if rival is None:
            self._release(beats, quals)
            return
        self._held = None
        t, q = self._commit(rival)
        beats.append(t)
        quals.append(q)

    def _rival_in_wave(self, held: _Candidate, i: int) -> _Candidate | None:
        k0 = held.k_abs - self._off
        w = self._peaks.smooth
        last = i - self._peaks.settle  # a peak here or before has the samples its time needs
        if last - k0 < 2 or k0 < self._start:
            return None
        x = self._v[k0 : i + 1] * held.sign
        if x.size < w + 2:
            return None
        c = np.cumsum(np.concatenate(([0.0], x)))
        sm = (c[w:] - c[:-w]) / w  # sm[q] is centred on x[q + w // 2]
        n = min(sm.size, last - k0 - w // 2 + 1)
        if n < 2:
            return None
        dipped = np.flatnonzero(sm[:n] <= held.top - _RIVAL_DIP_SHARE * held.prom)
        if dipped.size == 0:
            return None  # no dip after it: a shoulder of the held peak, not another one
        m = int(dipped[0]) + int(np.argmax(sm[int(dipped[0]) : n]))
        if not self._rival_wins(held, float(sm[m]), float(self._t[k0 + m + w // 2])):
            return None
        d = int(np.argmin(sm[: m + 1]))
        return self._judge(k0 + d + w // 2, i)

    def _rival_wins(self, held: _Candidate, top: float, t: float) -> bool:
        """Is a peak after a held early beat the beat instead? Clearly taller, or a near twin
        that comes nearer the expected interval (heartpy data3 at 193.3-194.5 s: twin peaks
        0.2 s apart, the first one 0.37 s after the last beat at a 0.58 s rhythm)."""
        if top > held.top + _RIVAL_TALLER_SHARE * held.prom:
            return True
        rr_exp = self._expected_rr()
        last = self._last_beat_t
        if top < held.top - _RIVAL_TWIN_SHARE * held.prom or rr_exp is None or last is None:
            return False
        return on_time(t - last, rr_exp) and (held.t - last) < _TWIN_EARLY_SHARE * rr_exp

    def _release(self, beats: list[float], quals: list[float]) -> None:
        held = self._held
        assert held is not None
        self._held = None
        t, q = self._commit(held)
        beats.append(t)
        quals.append(q)

    def _judge(self, onset: int, j: int) -> _Candidate | None:
        """Is the peak of the upstroke [onset, j] a beat (after the last accepted one)? No state changes."""
        assert self.polarity is not None  # learnt or declared by _begin
        sign = float(self.polarity)
        span = self._peaks.locate(self._v, self._start, onset, j, sign)
        if span is None:
            return None
        rr_exp = self._expected_rr()
        prom = span.top - self._peaks.foot(self._v, self._start, span.k_lo, rr_exp, sign)
        t = self._peaks.peak_time(self._v, self._t, span, j, sign)
        gap = t - self._last_beat_t if self._last_beat_t is not None else None
        if too_small(prom, self._proms, self._decay(j), on_time(gap, rr_exp)):
            return None
        if gap is not None and is_reflected_wave(prom, gap, rr_exp, self._last_prom, self._proms):
            return None
        k_abs = (span.k_lo + span.k_hi) // 2 + self._off
        until = None
        if gap is not None and rr_exp is not None and gap < _HOLD_BELOW * rr_exp:
            until = k_abs + max(1, round(_HOLD_SHARE * rr_exp * self.fs_hz))
        elif rr_exp is None:  # no rhythm to judge by yet: a bump before the first pulse is not it
            until = k_abs + max(1, round(_HOLD_UNKNOWN_S * self.fs_hz))
        return _Candidate(t, prom, span.top, float(self._ssf[onset : j + 1].max()), k_abs, until, sign)

    def _commit(self, cand: _Candidate) -> tuple[float, float]:
        """Accept a beat: thresholds, sizes, intervals and template learn from it; (time, quality)."""
        t, prom, k_abs, sign = cand.t, cand.prom, cand.k_abs, cand.sign
        rr_exp = self._expected_rr()
        self._ups.append(cand.strength)
        self._proms.append(prom)
        self._last_prom = prom
        self._thr = BEAT_THRESHOLD_SHARE * statistics.median(self._ups)
        quality = math.nan
        if self._last_beat_t is not None and t - self._last_beat_t <= MAX_RR_S:
            on_rhythm = on_the_rhythm(t - self._last_beat_t, self._rr_med, len(self._rr))
            # one step from the previous interval vouches only when that interval ended at a good beat
            on_step = self._last_good and one_step_on(t - self._last_beat_t, self._rr[-1] if self._rr else None)
            self._rr.append(t - self._last_beat_t)
            self._rr_med = statistics.median(self._rr)
            assert self._last_peak_abs is not None  # set with _last_beat_t
            prev = self._last_peak_abs - self._off
            if prev >= max(self._start, 0):
                wave = beat_wave(self._v, prev, k_abs - self._off, self.fs_hz)
                q = self._templates.score(wave * sign, on_rhythm, on_step, key=t)
                quality = math.nan if q is None else q
                vouched = self._templates.rebuilt_from
                if (not vouched and self._last_poor and quality >= BEAT_QUALITY_MIN
                        and on_time(t - self._last_beat_t, rr_exp)):
                    vouched = (self._last_beat_t,)  # the pulse before was one (module notes)
                if vouched:
                    self.vouched[t] = vouched
                    while len(self.vouched) > _VOUCHED_KEPT:  # (a caller that never asks)
                        del self.vouched[next(iter(self.vouched))]
        self._last_good = quality >= BEAT_QUALITY_MIN
        self._last_poor = quality < BEAT_QUALITY_MIN  # (False for NaN: not scored yet)
        self._last_beat_t, self._last_peak_abs = t, k_abs
        return t, quality


class _Candidate(NamedTuple):
    """A peak judged a beat, not yet accepted."""

    t: float
    prom: float  # rise from its foot
    top: float  # smoothed height (sign-corrected): a taller rival replaces a held beat
    strength: float  # the upstroke's slope sum
    k_abs: int  # absolute sample index of the peak
    until_abs: int | None  # held until this absolute sample (an early beat), else None
    sign: float


def detect_beats(
    t_s: np.ndarray, values: np.ndarray, fs_hz: float, adc_max: float | None = None,
    polarity: int | None = None,
) -> np.ndarray:
    """Offline use: one feed of the whole record plus a flush; same beats as streaming."""
    det = PpgBeatDetector(fs_hz, adc_max=adc_max, polarity=polarity)
    out = [det.feed(np.asarray(t_s, float), np.asarray(values, float)), det.flush()]
    return np.concatenate(out)
