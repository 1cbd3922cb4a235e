"""Streaming, causal R-peak detection in ECG: Pan & Tompkins 1985.

Pan J., Tompkins W.J. "A real-time QRS detection algorithm", IEEE Trans.
Biomed. Eng. 32(3):230-236, 1985. The stages, all causal and carried across
chunks:

1. band-pass 5-15 Hz (the paper's integer low/high-pass pair; here a 2nd-order
   Butterworth, as in common implementations such as py-ecg-detectors), with
   ``sosfilt`` state carried per chunk;
2. five-point derivative, squaring, moving-window integration over 150 ms;
3. peaks of the integrated signal at least 200 ms apart (the refractory
   period), classified with the paper's running estimates
   SPKI/NPKI <- 0.125·peak + 0.875·estimate, THRESHOLD1 = NPKI +
   0.25·(SPKI − NPKI), THRESHOLD2 = 0.5·THRESHOLD1, learnt over the first 2 s;
4. search-back: no QRS for 166 % of the regular RR average (RR AVERAGE2, of
   intervals within 92-116 % of it; taken afresh as the median of the last 8
   when 3 intervals in a row fall outside) -> the largest peak above
   THRESHOLD2 since the last QRS is taken (SPKI updated with 0.25);
5. T-wave rule: a peak within 360 ms of the last QRS whose maximal slope is
   under half that QRS's slope is a T wave;
6. (our addition for straps that shift) no QRS for 3 s on a signal that is
   still peaky: the thresholds are learnt again from the last 2 s.

The R-peak time is then located in a lightly filtered ECG (0.5-40 Hz) as the
extreme of the QRS's polarity within the 250 ms before the integrator peak,
refined by a parabola through three samples and corrected for that filter's
group delay. A beat is reported once its integrator peak is 200 ms old
(about 0.3 s after the R peak). Its QRS in that ECG is then compared with the
person's normal ones (``qrs_shape``): ``take_ectopic`` says which beats were
ectopic, and their ``DeviceBeat`` says so, so the artifact stage does not
count their intervals as normal ones.

Non-finite samples (NaN, ±inf) never reach the filters' ``zi``, which would
carry them for ever: a hole up to ``HOLE_BRIDGE_MAX_S`` is filled with a straight
line on the sample clock once the next finite sample arrives; a longer one
restarts the detector (as after a gap) and is listed in ``holes`` so a caller
can break its interval chain there.
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np
from scipy import signal

from biofeedback.core.beats.qrs_shape import QRS_HALF_WINDOW_S, QrsShapeJudge
from biofeedback.core.shortcuts import sosfilt_with_state
from biofeedback.core.types import DeviceBeat, Gap

MWI_S = 0.150  # moving-window integration width (paper: 150 ms)
REFRACTORY_S = 0.200
LEARN_S = 2.0
T_WAVE_S = 0.360
SEARCHBACK_RR_SHARE = 1.66
R_SEARCH_S = 0.250  # the R peak lies this far back from the integrator's peak at most
HISTORY_S = 4.0  # samples kept for look-back and search-back
SETTLE_S = 0.3  # filter start-up transient: no QRS is looked for this soon after a (re)start
RELEARN_S = 3.0  # no QRS for this long on a peaky signal: thresholds are learnt again
RELEARN_PEAKINESS = 15.0  # ...when the integrator's maximum is this many times its 10th percentile
RR_AVG2_RESET_BEATS = 3  # this many successive intervals outside the limits: RR AVERAGE2 taken afresh
SCAN_S = 0.05  # peaks are classified every this much of samples (fixed points: chunk-invariant)
HOLE_BRIDGE_MAX_S = 0.1  # non-finite samples up to this long are bridged; a longer hole restarts


class EcgRPeakDetector:
    """Feed ECG chunks (device times and values); get the times of confirmed R peaks."""

    def __init__(self, fs_hz: float) -> None:
        if fs_hz < 50:
            raise ValueError(f"ECG at {fs_hz:g} Hz is too slow for R-peak detection (need >= 50 Hz)")
        self.fs_hz = float(fs_hz)
        nyq = fs_hz / 2
        self._bp_sos = signal.butter(2, [5.0 / nyq, min(15.0 / nyq, 0.95)], btype="band", output="sos")
        self._clean_sos = signal.butter(2, [0.5 / nyq, min(40.0 / nyq, 0.95)], btype="band", output="sos")
        b, a = signal.sos2tf(self._clean_sos)
        self._clean_delay_s = float(signal.group_delay((b, a), w=[15.0], fs=fs_hz)[1][0]) / fs_hz
        self._w = max(1, int(round(MWI_S * fs_hz)))
        self._refractory = int(round(REFRACTORY_S * fs_hz))
        self._scan_step = max(1, int(round(SCAN_S * fs_hz)))
        self.holes: list[tuple[float, float]] = []  # (start s, duration s) of holes that restarted it
        self.n_invalid = 0  # non-finite samples skipped
        self._ectopic_t_s: set[float] = set()  # times returned whose QRS is not a normal beat's (take_ectopic)
        self._shape = QrsShapeJudge()  # kept across restarts: the same person's beats
        self._qrs_half = max(2, int(round(QRS_HALF_WINDOW_S * fs_hz)))
        self.reset()

    def reset(self) -> None:
        """Forget everything (after a gap)."""
        self._hole = False  # the last samples fed were non-finite
        self._last_sample: tuple[float, float] | None = None  # (t, value) of the last finite sample
        self._bp_zi = np.zeros((self._bp_sos.shape[0], 2))
        self._clean_zi = np.zeros((self._clean_sos.shape[0], 2))
        self._zi_ready = False
        self._n = 0  # samples seen
        cap = int(HISTORY_S * self.fs_hz) + 1
        self._t: deque[float] = deque(maxlen=cap)
        self._clean: deque[float] = deque(maxlen=cap)
        self._slope: deque[float] = deque(maxlen=cap)
        self._mwi: deque[float] = deque(maxlen=cap)
        self._bp_tail = np.zeros(4)
        self._sq_tail = np.zeros(self._w - 1)
        self._learnt = False  # SPKI and NPKI hold estimates (learnt over the first LEARN_S)
        self._spki = self._npki = 0.0
        self._learn: list[float] = []
        self._pending: list[tuple[int, float]] = []  # (sample index, MWI value) candidates since last QRS
        self._last_qrs: int | None = None
        self._last_qrs_slope = 0.0
        self._rr: deque[int] = deque(maxlen=8)
        self._rr_avg2: float | None = None
        self._rr_outside = 0  # successive intervals outside RR AVERAGE2's 92-116 % limits
        self._checked = 0  # MWI samples examined for peaks
        self._relearned_at = 0
        self._polarity_votes = 0

    # -- helpers on absolute sample indices ----------------------------------------------
    def _at(self, buf: deque[float], i: int) -> float:
        return buf[i - (self._n - len(buf))]

    def _window(self, buf: deque[float], lo: int, hi: int) -> tuple[np.ndarray, int]:
        first = self._n - len(buf)
        lo, hi = max(lo, first), min(hi, self._n)
        return np.array([buf[k - first] for k in range(lo, hi)]), lo

    # -- feeding -------------------------------------------------------------------------
    def feed(self, t_s: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Add samples; returns the device times of R peaks confirmed by them.

        Non-finite samples are holes (module notes), never filter input.
        """
        x = np.asarray(values, dtype=float)
        if not x.size:
            return np.empty(0)
        t = np.asarray(t_s, dtype=float)
        if self._hole or not math.isfinite(x.dot(t)):  # NaN/inf in either gives NaN/inf
            return self._feed_with_holes(t, x)
        return self._feed_finite(t, x)

    def _feed_with_holes(self, t: np.ndarray, x: np.ndarray) -> np.ndarray:
        ok = np.isfinite(t) & np.isfinite(x)
        self.n_invalid += int(ok.size - np.count_nonzero(ok))
        edges = np.flatnonzero(np.diff(ok.view(np.int8))) + 1
        bounds = [0, *edges.tolist(), ok.size]
        parts: list[np.ndarray] = []
        for a, b in zip(bounds[:-1], bounds[1:], strict=True):
            if not ok[a]:
                self._hole = True
                continue
            if self._hole:
                parts.append(self._after_hole(float(t[a]), float(x[a])))
            parts.append(self._feed_finite(t[a:b], x[a:b]))
        return np.concatenate(parts) if parts else np.empty(0)

    def _after_hole(self, t_next: float, x_next: float) -> np.ndarray:
        """Samples were non-finite before ``t_next``: fill a short hole, restart after a long one."""
        self._hole = False
        last = self._last_sample
        if last is None:
            return np.empty(0)
        t0, x0 = last
        missing = int(round((t_next - t0) * self.fs_hz)) - 1
        if t_next - t0 <= HOLE_BRIDGE_MAX_S + 1.0 / self.fs_hz:
            if missing <= 0:
                return np.empty(0)
            frac = np.arange(1, missing + 1) / (missing + 1)
            return self._feed_finite(t0 + frac * (t_next - t0), x0 + frac * (x_next - x0))
        # peaks before the hole that were waiting for their refractory period
        beats = self.flush() if self._learnt else np.empty(0)
        self.holes.append((t0, t_next - t0))
        self.reset()
        return beats

    def _feed_finite(self, t_s: np.ndarray, x: np.ndarray) -> np.ndarray:
        """Filter and store the samples; classify peaks at fixed points of the sample count.

        Peaks are examined every ``SCAN_S`` of samples counted from the (re)start,
        whatever the chunks fed: search-back and relearning then fire at the same
        samples, so a file read in 64k-sample blocks and a live stream in 20 ms
        chunks give the same beats.
        """
        t = np.asarray(t_s, dtype=float)
        beats: list[float] = []
        i = 0
        while i < x.size:
            j = min(x.size, i + self._scan_step - self._n % self._scan_step)
            self._store(t[i:j], x[i:j])
            if self._n % self._scan_step == 0:
                beats += self._scan(final=False)
            i = j
        return np.array(beats)

    def _store(self, t_s: np.ndarray, x: np.ndarray) -> None:
        if not self._zi_ready:
            self._bp_zi = signal.sosfilt_zi(self._bp_sos) * x[0]
            self._clean_zi = signal.sosfilt_zi(self._clean_sos) * x[0]
            self._zi_ready = True
        bp, self._bp_zi = sosfilt_with_state(self._bp_sos, x, self._bp_zi)
        clean, self._clean_zi = sosfilt_with_state(self._clean_sos, x, self._clean_zi)
        ext = np.concatenate([self._bp_tail, bp])
        deriv = (2 * ext[4:] + ext[3:-1] - ext[1:-3] - 2 * ext[:-4]) * (self.fs_hz / 8.0)
        self._bp_tail = ext[-4:]
        sq = deriv * deriv
        sq_ext = np.concatenate([self._sq_tail, sq])
        csum = np.concatenate([[0.0], np.cumsum(sq_ext)])
        mwi = (csum[self._w:] - csum[:-self._w]) / self._w
        self._sq_tail = sq_ext[len(sq_ext) - (self._w - 1):] if self._w > 1 else np.zeros(0)
        self._t.extend(np.asarray(t_s, dtype=float))
        self._clean.extend(clean)
        self._slope.extend(np.abs(deriv))
        self._mwi.extend(mwi)
        self._n += x.size
        self._last_sample = (float(t_s[-1]), float(x[-1]))

    def flush(self) -> np.ndarray:
        """End of the stream: decide the peaks that were waiting for their refractory period."""
        return np.array(self._scan(final=True))

    # -- peak classification ---------------------------------------------------------------
    def _scan(self, final: bool) -> list[float]:
        beats: list[float] = []
        if not self._learnt:
            if self._n < LEARN_S * self.fs_hz and not final:
                return beats
            mwi, first = self._window(self._mwi, max(0, self._n - int(LEARN_S * self.fs_hz)), self._n)
            if mwi.size == 0:
                return beats  # no sample yet (a gap before the first one): nothing to decide
            if not _peaky(mwi) and not final:
                return beats  # no QRS-like peaks yet (electrodes off, noise): keep waiting
            first = self._n - len(self._mwi)  # classify every peak still in the history
            self._spki = 0.25 * float(mwi.max())
            self._npki = 0.5 * float(mwi.mean())
            self._learnt = True
            self._checked = max(first, int(SETTLE_S * self.fs_hz))
        end = self._n if final else self._n - self._refractory
        if end <= self._checked:
            return beats
        self._classify_until(end, beats)
        # search-back when a QRS is overdue
        if self._last_qrs is not None and self._rr_avg2 and self._pending:
            if end - self._last_qrs > SEARCHBACK_RR_SHARE * self._rr_avg2:
                thr2 = 0.5 * self._threshold1()
                best = max(self._pending, key=lambda c: c[1])
                if best[1] > thr2:
                    self._spki = 0.25 * best[1] + 0.75 * self._spki
                    self._accept(best[0], beats)
        self._relearn_if_lost(end, beats)
        return beats

    def _classify_until(self, end: int, beats: list[float]) -> None:
        lo = max(self._checked - self._refractory, self._n - len(self._mwi))
        seg, seg0 = self._window(self._mwi, lo, min(self._n, end + self._refractory))
        peaks, _ = signal.find_peaks(seg, distance=max(1, self._refractory))
        for p in peaks + seg0:
            if self._checked <= p < end:
                self._classify(int(p), float(self._at(self._mwi, p)), beats)
        self._checked = end

    def _relearn_if_lost(self, end: int, beats: list[float]) -> None:
        """No QRS for RELEARN_S although the signal is peaky (e.g. the amplitude dropped when a
        strap shifted): learn the thresholds again from the last LEARN_S, as at the start."""
        since = end - (self._last_qrs if self._last_qrs is not None else 0)
        if since < RELEARN_S * self.fs_hz or end - self._relearned_at < RELEARN_S * self.fs_hz:
            return
        self._relearned_at = end
        start = max(end - int(LEARN_S * self.fs_hz), self._n - len(self._mwi))
        if self._last_qrs is not None:
            start = max(start, self._last_qrs + self._refractory)
        mwi, _ = self._window(self._mwi, start, end)
        if mwi.size < self._refractory or not _peaky(mwi):
            return  # flat or noise-like: no QRS to learn from
        self._spki, self._npki = 0.25 * float(mwi.max()), 0.5 * float(mwi.mean())
        self._pending = []
        self._checked = start
        self._classify_until(end, beats)

    def _threshold1(self) -> float:
        return self._npki + 0.25 * (self._spki - self._npki)

    def _classify(self, p: int, value: float, beats: list[float]) -> None:
        if self._last_qrs is not None and p - self._last_qrs < self._refractory:
            return
        if value > self._threshold1():
            slope = float(self._window(self._slope, p - self._w, p + 1)[0].max(initial=0.0))
            if (self._last_qrs is not None and p - self._last_qrs < T_WAVE_S * self.fs_hz
                    and slope < 0.5 * self._last_qrs_slope):
                self._npki = 0.125 * value + 0.875 * self._npki  # a T wave
                return
            self._spki = 0.125 * value + 0.875 * self._spki
            self._accept(p, beats, slope)
        else:
            self._npki = 0.125 * value + 0.875 * self._npki
            if self._last_qrs is not None and p - self._last_qrs >= self._refractory:
                self._pending.append((p, value))

    def _accept(self, p: int, beats: list[float], slope: float | None = None) -> None:
        if slope is None:
            slope = float(self._window(self._slope, p - self._w, p + 1)[0].max(initial=0.0))
        if self._last_qrs is not None:
            rr = p - self._last_qrs
            self._rr.append(rr)
            if self._rr_avg2 is None or len(self._rr) < 3:
                self._rr_avg2 = float(np.median(self._rr))  # the first intervals: their median
                self._rr_outside = 0
            elif 0.92 * self._rr_avg2 <= rr <= 1.16 * self._rr_avg2:
                self._rr_avg2 = 0.875 * self._rr_avg2 + 0.125 * rr
                self._rr_outside = 0
            else:
                self._rr_outside += 1
                if self._rr_outside >= RR_AVG2_RESET_BEATS:
                    # the rhythm changed, or the average was learnt from a false first beat: without
                    # this it stays stuck (no later interval fits its limits) and search-back takes
                    # noise well before every beat is due
                    self._rr_avg2 = float(np.median(self._rr))
                    self._rr_outside = 0
        self._last_qrs, self._last_qrs_slope = p, slope
        self._pending = []
        found = self._r_time(p)
        if found is None:
            return
        t, i = found
        if not beats or t > beats[-1]:
            beats.append(t)
            h = self._qrs_half
            qrs, qrs0 = self._window(self._clean, i - h, i + h + 1)
            if qrs0 == i - h and qrs.size == 2 * h + 1 and self._shape.ectopic(qrs):
                self._ectopic_t_s.add(t)

    def take_ectopic(self, times: np.ndarray) -> list[bool]:
        """For R peak times this detector returned: whether each one's QRS was ectopic (then forgotten)."""
        flags = [t in self._ectopic_t_s for t in times.tolist()]
        self._ectopic_t_s.clear()
        return flags

    def _r_time(self, p: int) -> tuple[float, int] | None:
        """(device time, sample index) of the R peak whose integrator peak is at ``p``."""
        lo = p - int(R_SEARCH_S * self.fs_hz)
        seg, seg0 = self._window(self._clean, lo, p + 1)
        if seg.size < 3:
            return None
        vote = 1 if seg.max() >= -seg.min() else -1
        self._polarity_votes = max(-5, min(5, self._polarity_votes + vote))
        polarity = 1.0 if self._polarity_votes >= 0 else -1.0
        k = int(np.argmax(polarity * seg))
        frac = 0.0
        if 0 < k < seg.size - 1:
            y0, y1, y2 = polarity * seg[k - 1:k + 2]
            den = y0 - 2 * y1 + y2
            frac = 0.5 * (y0 - y2) / den if den < 0 else 0.0
        i = seg0 + k
        t0 = self._at(self._t, i)
        t1 = self._at(self._t, i + 1) if frac > 0 and i + 1 < self._n else t0 + 1.0 / self.fs_hz
        t_m1 = self._at(self._t, i - 1) if frac < 0 else t0 - 1.0 / self.fs_hz
        t = t0 + frac * ((t1 - t0) if frac > 0 else (t0 - t_m1))
        return float(t - self._clean_delay_s), i


def _peaky(mwi: np.ndarray) -> bool:
    """QRS-like: the integrator's peaks stand far above its quiet level (noise alone does not)."""
    return bool(mwi.size) and mwi.max() >= RELEARN_PEAKINESS * max(float(np.percentile(mwi, 10)), 1e-12)


def detect_r_peaks(ecg: np.ndarray, fs_hz: float, chunk_s: float = 0.1) -> np.ndarray:
    """Offline helper: the streaming detector over a whole recording, fed in chunks."""
    det = EcgRPeakDetector(fs_hz)
    t = np.arange(len(ecg)) / fs_hz
    step = max(1, int(chunk_s * fs_hz))
    out = [det.feed(t[i:i + step], ecg[i:i + step]) for i in range(0, len(ecg), step)]
    out.append(det.flush())
    return np.concatenate(out) if out else np.empty(0)


def beat_events(detector: EcgRPeakDetector, t_s: np.ndarray, values: np.ndarray) -> list[DeviceBeat | Gap]:
    """The events an ECG source gives for one chunk of samples.

    One ``DeviceBeat`` (no device interval) per R peak the chunk confirms, and a
    ``Gap`` ("invalid_samples") where a long non-finite stretch restarted the
    detector, in time order. The live LSL source and ``analyze``/replay of ECG
    files both turn samples into beats through this function, so a file gives
    the beats a live stream of the same samples would.
    """
    found: list[DeviceBeat | Gap] = [*_beats(detector, detector.feed(t_s, values))]
    if detector.holes:  # the interval chain ends at each hole
        found += [Gap(t, d, "invalid_samples") for t, d in detector.holes]
        detector.holes.clear()
        found.sort(key=lambda e: e.t_s)
    return found


def flush_events(detector: EcgRPeakDetector) -> list[DeviceBeat]:
    """End of a recording (or before a gap): the R peaks still waiting for their refractory period."""
    return _beats(detector, detector.flush())


def _beats(detector: EcgRPeakDetector, times: np.ndarray) -> list[DeviceBeat]:
    """R peak times as beats (no device interval), each saying whether its QRS was ectopic."""
    return [DeviceBeat(t, None, ectopic=e) for t, e in zip(times.tolist(), detector.take_ectopic(times), strict=True)]
