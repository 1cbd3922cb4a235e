"""Streaming RR artifact classification and correction (Lipponen & Tarvainen 2019).

Implements the beat classification of Lipponen & Tarvainen, "A robust algorithm
for heart rate variability time series artefact correction using novel beat
classification", J. Med. Eng. Technol. 43(3), 2019 (the Kubios method; NeuroKit2
``signal_fixpeaks(method="kubios")`` is the offline reference): dRR normalised by
Th1 = alpha * QD(|dRR|), subspaces S11/S12 (ectopic region bounded by c1, c2) and
S21/S22 (long/short), mRR = RR - median of 11 RR normalised by Th2, and the
missed/extra tests against Th2.

Live adaptation (beats arrive one at a time):

* Look-ahead: a beat is classified once ``LT_LOOKAHEAD_BEATS`` (K = 2) later beats
  are known, because S12 needs dRR[i+1] and S22 needs dRR[i+1], dRR[i+2]. Every
  beat is therefore emitted exactly K input beats late; ``flush()`` decides the
  held-back beats with the look-ahead that exists.
* Thresholds are trailing: Th1 and Th2 use the last ``LT_QD_WINDOW_BEATS`` final
  (already corrected) intervals; the median uses the last 8 final intervals plus the
  current one and its K look-ahead intervals (11 in all, as centred as K allows).
  Both thresholds have a floor ``LT_TH_MIN_MS``; before ``LT_MIN_HISTORY_BEATS``
  dRR values exist only the hard gate ``RR_MIN_MS..RR_MAX_MS`` applies.
* The extra-beat test (short interval whose merge with the next one gives a normal
  interval) runs before the ectopic test: an unevenly split interval otherwise falls
  in the ectopic region of S12 and would be "corrected" into two intervals.
* The S11/S12 ectopic rule flags the interval *after* a misplaced beat (the
  compensatory pause after a premature beat, or the short interval after a late
  one). With the look-ahead it is evaluated for interval i+1, so that beat i, the
  misplaced one, is labelled "ectopic" and moved.
* Before a beat is moved as ectopic/long/short, moving it must explain the local
  intervals better than blaming the next beat (see ``_moving_beat_margin_ms``);
  without this, the one-sided patterns fire one beat early and move a good beat.
* A missed interval is split into n = round(RR / median) equal intervals
  (2 <= n <= ``LT_MAX_SPLIT_INTERVALS``), not only n = 2.
* The interval rule (core/rr/intervals.py): an interval outside
  ``RR_MIN_MS..RR_MAX_MS`` is never a normal interval. If L&T explains it as an
  extra, missed or ectopic beat it is corrected; otherwise (it would only be
  interpolated as "long"/"short") it becomes a *gap*: the chain restarts at its
  beat, nothing is emitted for it, ``n_gaps`` counts it. With ``correct=False``
  every implausible interval is a gap.
* The rhythm rule: L&T's 11-beat median follows a run of doubled (missed every
  other beat) or halved intervals, so such a run looks regular. An interval L&T
  calls normal is also compared with the rhythm, the median of the last
  ``RHYTHM_REF_BEATS`` uncorrected final intervals (kept across gaps, so it also judges the
  first interval of a chain): outside ``RHYTHM_RATIO_RANGE``, and reached by an
  abrupt step (outside ``RHYTHM_STEP_RANGE`` of the previous final interval, the
  first of a chain, or inside a run already flagged; a heart rate that changes
  fast moves a plausible step at a time, a missed beat doubles the interval at
  once), it is split as
  missed (n = round(RR / rhythm), each part within ``RHYTHM_FIT_TOLERANCE``),
  merged as extra (with the next interval), or else a gap. After
  ``RHYTHM_ESCAPE_BEATS`` such intervals in a row the rhythm is learnt anew from
  the latest intervals (the reference itself was wrong). A gradual change of
  heart rate moves the median with it and is never flagged.
* The first interval of a chain (at a start, after a gap) must be whole: one
  that is not within ``RHYTHM_STEP_RANGE`` of either of the next two intervals
  runs back to a fragment of a pulse and is a gap, with or without a rhythm yet. A chain
  of only two intervals that no heart steps between (outside ``RHYTHM_STEP_RANGE`` of each
  other) ends in a gap at its second: nothing after them tells which is wrong, and their
  difference (1274 ms between finger-off spans of a real recording) would swamp RMSSD.

Corrections act on beat times, as Kubios and NeuroKit2 do: ectopic/long/short
moves the beat to the midpoint of its neighbours (both adjacent intervals become
their mean), missed inserts beats, extra removes the beat. Every output interval
that differs from its input is marked ``corrected=True`` with its ``kind``; the
interval after a moved or removed beat inherits that beat's kind.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from biofeedback import config as cfg
from biofeedback.core.rr.intervals import fits_rhythm, is_plausible_rr, off_rhythm
from biofeedback.core.types import Beat

LOOKAHEAD = cfg.LT_LOOKAHEAD_BEATS
_MEDIAN_PAST = cfg.LT_MEDIAN_WINDOW_BEATS - 1 - LOOKAHEAD  # final intervals in the median window


@dataclass
class _Pending:
    """A detected beat that is not final yet."""

    t_s: float
    rr_in_ms: float  # interval as given, from the previous input beat
    inherited: str | None = None  # kind of a correction that moved/removed the previous beat
    shaped_ectopic: bool = False  # the detector judged its shape not a normal beat's (an ECG's QRS)


class _AbsWindow(deque[float]):
    """The last ``maxlen`` values (a deque), with their magnitudes kept sorted beside them.

    The thresholds need |values| in order once per beat, while the window changes by one
    value: one insertion and one removal in the sorted list cost a fraction of sorting its
    91 values again (rr/offline.py fills the windows with ``extend``). append, extend, +=
    and clear keep the two together; no other deque method is used on these windows.
    """

    def __init__(self, values: Iterable[float] = (), maxlen: int | None = None) -> None:  # (deque's: copy, pickle)
        super().__init__(values, maxlen)
        self.ordered_abs: list[float] = sorted(map(abs, self))

    def append(self, value: float) -> None:
        if len(self) == self.maxlen:
            del self.ordered_abs[bisect.bisect_left(self.ordered_abs, abs(self[0]))]
        super().append(value)
        bisect.insort(self.ordered_abs, abs(value))

    def extend(self, values: Iterable[float]) -> None:
        super().extend(values)
        self.ordered_abs = sorted(map(abs, self))

    def __iadd__(self, values: Iterable[float]) -> _AbsWindow:  # (deque's own += skips extend)
        self.extend(values)
        return self

    def clear(self) -> None:
        super().clear()
        self.ordered_abs.clear()


def _threshold_ms(values: _AbsWindow) -> float:
    """Th = alpha * quartile deviation (Q3 - Q1) / 2 of |values| (L&T 2019), with a floor."""
    if len(values) < 2:
        return cfg.LT_TH_MIN_MS
    ordered = values.ordered_abs
    q1, q3 = _linear_quantile(ordered, 0.25), _linear_quantile(ordered, 0.75)
    return max(cfg.LT_ALPHA * (q3 - q1) / 2.0, cfg.LT_TH_MIN_MS)


def _linear_quantile(ordered: list[float], q: float) -> float:
    """Quantile of sorted values with linear interpolation (numpy's default method)."""
    pos = q * (len(ordered) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _in_ectopic_region(s11: float, s12: float) -> bool:
    """Ectopic region of subspace S11/S12 (L&T 2019, eq. 1 and 2) for normalised dRR = s11."""
    return (s11 > 1 and s12 < -cfg.LT_C1 * s11 - cfg.LT_C2) or (
        s11 < -1 and s12 > -cfg.LT_C1 * s11 + cfg.LT_C2
    )


def _moving_beat_margin_ms(rr0: float, ahead: list[float], med: float) -> float:
    """How much less deviation moving beat i to its neighbours' midpoint leaves than the best other
    explanation (ms; > 0: moving explains the local intervals best).

    Disambiguation for the live version (not in L&T 2019): the S12/S22 patterns of a
    misplaced beat i also appear one beat early, when the *next* beat is premature,
    late or extra. Compare the summed deviation from the median after moving beat i
    with the best of: leaving it and merging, moving, splitting or keeping the next ones.
    """
    if not ahead:
        return math.inf
    rr1 = ahead[0]
    if len(ahead) < 2:
        return abs(rr0 - med) + abs(rr1 - med) - 2.0 * abs(0.5 * (rr0 + rr1) - med)
    rr2 = ahead[1]
    n1 = max(int(round(rr1 / med)), 1)
    move = 2.0 * abs(0.5 * (rr0 + rr1) - med) + abs(rr2 - med)
    keep = abs(rr0 - med) + min(
        abs(rr1 + rr2 - med),  # next beat is extra
        2.0 * abs(0.5 * (rr1 + rr2) - med),  # next beat is misplaced
        n1 * abs(rr1 / n1 - med) + abs(rr2 - med),  # next interval missed a beat (or is fine)
    )
    return keep - move


class ArtifactCorrector:
    """Streaming Lipponen & Tarvainen 2019 classifier/corrector with a look-ahead of LOOKAHEAD beats.

    ``correct=False`` passes every interval through exactly as given (no delay,
    ``corrected=False``, ``kind="normal"``). ``reset()`` starts a new chain after a
    gap and drops held-back beats: call ``flush()`` first to keep them.
    """

    def __init__(self, correct: bool = True) -> None:
        self._correct = correct
        self._pending: deque[_Pending] = deque()
        self._t_prev_s: float | None = None  # last final output beat
        self._t_last_in_s: float | None = None  # last input beat (clock for push_interval)
        self._rr_final: deque[float] = deque(maxlen=max(_MEDIAN_PAST, 1))
        self._drr_final = _AbsWindow(maxlen=cfg.LT_QD_WINDOW_BEATS)
        self._mrr_final = _AbsWindow(maxlen=cfg.LT_QD_WINDOW_BEATS)
        self._rhythm: deque[float] = deque(maxlen=cfg.RHYTHM_REF_BEATS)  # final intervals, kept across gaps
        self._recent_in: deque[float] = deque(maxlen=cfg.RHYTHM_MIN_BEATS)  # last classified input intervals
        self._off_run = 0  # off-rhythm intervals in a row
        self.n_gaps = 0  # intervals that became gaps (interval rule, rhythm rule)
        self.last_gap_t_s = float("nan")  # the beat that ends the latest such interval

    @property
    def delay_beats(self) -> int:
        """Input beats between a beat's arrival and its emission."""
        return LOOKAHEAD if self._correct else 0

    # ------------------------------------------------------------------ input

    def push(self, beat_t_s: float, ectopic: bool = False) -> list[Beat]:
        """Add a detected beat time (s); return the beats that became final, in time order.

        ``ectopic``: the detector saw by its shape that it is not a normal beat (a ventricular
        QRS, ``core/beats/qrs_shape``): it is moved as an ectopic beat is, whatever its timing.
        """
        t = float(beat_t_s)
        if not math.isfinite(t):
            raise ValueError(f"beat time must be finite, got {beat_t_s!r}")
        chain_started = self._t_prev_s is not None or bool(self._pending)
        if chain_started and self._t_last_in_s is not None and t <= self._t_last_in_s:
            raise ValueError(f"beat times must increase: {t} after {self._t_last_in_s}")
        if not chain_started:
            # first beat of a chain: no interval yet
            self._t_prev_s = t
            self._t_last_in_s = t
            return []
        assert self._t_last_in_s is not None
        return self._add(t, (t - self._t_last_in_s) * 1000.0, ectopic)

    def push_interval(self, rr_ms: float, start_t_s: float = 0.0) -> list[Beat]:
        """Add an inter-beat interval (ms) from an IBI-only source.

        The beat time is the previous beat time + ``rr_ms``; a new chain starts at
        ``start_t_s`` (or, after ``reset()``, at the last beat time). An interval of
        0, negative, NaN or inf has no beat time: it is a gap (the held-back beats
        are emitted, the chain ends, ``n_gaps`` counts it) and the next interval
        starts a new chain at the last beat, whole.
        """
        rr = float(rr_ms)
        if not np.isfinite(rr) or rr <= 0.0:
            out = self.flush()
            self.reset()
            self.n_gaps += 1
            self.last_gap_t_s = self._t_last_in_s if self._t_last_in_s is not None else float(start_t_s)
            return out
        if self._t_prev_s is None and not self._pending:
            t0 = self._t_last_in_s if self._t_last_in_s is not None else float(start_t_s)
            self._t_prev_s = t0
            self._t_last_in_s = t0
        assert self._t_last_in_s is not None
        return self._add(self._t_last_in_s + rr / 1000.0, rr)

    def flush(self) -> list[Beat]:
        """End of stream: decide and emit the held-back beats with the look-ahead available."""
        out: list[Beat] = []
        while self._pending:
            out.extend(self._finalise_first())
        return out

    def reset(self) -> None:
        """Start a new chain after a gap: the interval across the gap is not an RR.

        Held-back beats are dropped (call ``flush()`` first to keep them). The
        Th1/Th2 histories are kept: they describe the same person.
        """
        self._pending.clear()
        self._t_prev_s = None
        self._rr_final.clear()

    # ---------------------------------------------------------------- internals

    def _add(self, t: float, rr_in_ms: float, ectopic: bool = False) -> list[Beat]:
        self._t_last_in_s = t
        if not self._correct:
            self._t_prev_s = t
            if not is_plausible_rr(rr_in_ms):  # the interval rule: a gap, never a normal interval
                self.n_gaps += 1
                self.last_gap_t_s = t
                return []
            return [Beat(t, rr_in_ms)]
        self._pending.append(_Pending(t, rr_in_ms, shaped_ectopic=ectopic))
        out: list[Beat] = []
        while len(self._pending) > LOOKAHEAD:
            out.extend(self._finalise_first())
        return out

    def _finalise_first(self) -> list[Beat]:
        """Classify the oldest held-back beat and apply its correction."""
        t_prev = self._t_prev_s
        assert t_prev is not None
        cand = self._pending[0]
        rr0 = cand.rr_in_ms if cand.inherited is None else (cand.t_s - t_prev) * 1000.0
        ahead = [p.rr_in_ms for p in list(self._pending)[1 : LOOKAHEAD + 1]]
        kind, n_split, med = self._classify(rr0, ahead)
        if cand.shaped_ectopic and kind == "normal" and is_plausible_rr(rr0) and len(self._pending) > 1:
            kind = "ectopic"  # on time, but not a normal beat (the Task Force's NN excludes it); moved
            # to the midpoint of its neighbours, the next of which is held back (not at the record's end)

        if kind == "gap":  # the chain restarts at this beat: no interval, no dRR across it
            self._pending.popleft()
            self._t_prev_s = cand.t_s
            self._rr_final.clear()
            self.n_gaps += 1
            self.last_gap_t_s = cand.t_s
            return []
        if kind == "extra":  # remove the beat; the next interval is the merged one
            self._pending.popleft()
            self._pending[0].inherited = "extra"
            return []
        self._pending.popleft()
        if kind == "normal":
            if cand.inherited is None:
                beats = [Beat(cand.t_s, rr0)]
            else:
                beats = [Beat(cand.t_s, rr0, True, cand.inherited, detected_t_s=cand.t_s)]
        elif kind == "missed":  # the inserted beats were never detected
            step_s = (cand.t_s - t_prev) / n_split
            times = [t_prev + k * step_s for k in range(1, n_split)] + [cand.t_s]
            beats, t_a = [], t_prev
            for k, t_b in enumerate(times, start=1):
                beats.append(Beat(t_b, (t_b - t_a) * 1000.0, True, "missed",
                                  detected_t_s=cand.t_s if k == n_split else math.nan))
                t_a = t_b
        else:  # ectopic / long / short: move the beat to the midpoint of its neighbours
            if self._pending:
                t_new = 0.5 * (t_prev + self._pending[0].t_s)
                if cand.shaped_ectopic and self._couplet_ahead():  # two in a row, then a normal beat:
                    t_new = t_prev + (self._pending[1].t_s - t_prev) / 3.0  # both evenly between them
                self._pending[0].inherited = kind
            else:
                t_new = t_prev + med / 1000.0
            beats = [Beat(t_new, (t_new - t_prev) * 1000.0, True, kind, detected_t_s=cand.t_s)]
        for b in beats:
            self._remember(b.rr_ms, med, in_rhythm=not b.corrected)
        self._t_prev_s = beats[-1].t_s
        return beats

    def _couplet_ahead(self) -> bool:
        """The next beat is ectopic by its shape too and a beat that is not follows it (the second
        beat then moves to the midpoint of this one and that beat: a third of the span each)."""
        p = self._pending
        return len(p) > 1 and p[0].shaped_ectopic and not p[1].shaped_ectopic

    def _remember(self, rr_ms: float, med_ms: float, in_rhythm: bool = True) -> None:
        """Add a final interval to the trailing windows (dRR for Th1, mRR for Th2, median, rhythm).

        Only uncorrected intervals describe the rhythm: a wrong repair must not
        teach it, and during a run of repaired intervals it stays the rhythm before the run.
        """
        if self._rr_final:
            self._drr_final.append(rr_ms - self._rr_final[-1])
        mrr = rr_ms - med_ms
        self._mrr_final.append(2.0 * mrr if mrr < 0 else mrr)
        self._rr_final.append(rr_ms)
        if in_rhythm:
            self._rhythm.append(rr_ms)

    def _classify(self, rr0: float, ahead: list[float]) -> tuple[str, int, float]:
        """L&T 2019 decision, then the interval rule and the rhythm rule (module docstring).

        Returns (kind, number of intervals for "missed", median RR used) in ms;
        kind "gap" ends the chain at this interval.
        """
        kind, n, med = self._classify_lt(rr0, ahead)
        self._recent_in.append(rr0)
        lo, hi = cfg.RHYTHM_STEP_RANGE
        if kind == "normal" and not self._off_run and self._rr_final and (
                lo * self._rr_final[-1] <= rr0 <= hi * self._rr_final[-1]) and is_plausible_rr(rr0):
            return kind, n, med  # the common case, decided without the rhythm's median (below)
        if kind == "normal" and not self._rr_final and len(ahead) >= 2 and not any(
                lo * a <= rr0 <= hi * a for a in ahead):
            self._off_run = 0  # a chain's first interval unlike both next ones: it runs back to a
            return "gap", 1, med  # fragment of a pulse at a start or a gap, not to a whole beat
        if kind == "normal" and not ahead and len(self._rr_final) == 1 and not self._off_run:
            # a chain of two intervals no heart steps between, and nothing after them to tell which
            # is wrong: the second is a gap, so no successive difference joins them
            return "gap", 1, med
        ref = statistics.median(self._rhythm) if len(self._rhythm) >= cfg.RHYTHM_MIN_BEATS else None
        if not is_plausible_rr(rr0):  # L&T always calls it something: keep only a repair that fits
            rr1 = ahead[0] if ahead else rr0
            repaired = {"extra": rr0 + rr1, "missed": rr0 / n, "ectopic": 0.5 * (rr0 + rr1)}.get(kind)
            if repaired is None or not (fits_rhythm(repaired, ref) if ref is not None else is_plausible_rr(repaired)):
                kind = "gap"  # interpolating ("long"/"short") an impossible interval would invent one
        if kind != "normal" or ref is None:
            self._off_run = 0
            return kind, n, med
        prev = self._rr_final[-1] if self._rr_final else None
        if not off_rhythm(rr0, ref) or (not self._off_run and prev is not None and lo * prev <= rr0 <= hi * prev):
            # in the rhythm, or a step from the previous interval a heart can take (a fast
            # change of rate moves away from the 20-beat median one plausible step at a time)
            self._off_run = 0
            return kind, n, med
        self._off_run += 1
        if self._off_run >= cfg.RHYTHM_ESCAPE_BEATS:  # a new rhythm, not a run of artifacts
            self._off_run = 0
            self._rhythm.clear()
            self._rhythm.extend(self._recent_in)
            return kind, n, med
        if rr0 > ref:
            n_split = int(round(rr0 / ref))
            if 2 <= n_split <= cfg.LT_MAX_SPLIT_INTERVALS and fits_rhythm(rr0 / n_split, ref):
                return "missed", n_split, ref
        elif ahead and fits_rhythm(rr0 + ahead[0], ref):
            return "extra", 1, ref
        return "gap", 1, ref

    def _classify_lt(self, rr0: float, ahead: list[float]) -> tuple[str, int, float]:
        """Lipponen & Tarvainen 2019 decision (Fig. 1) for interval rr0 given K look-ahead intervals.

        Returns (kind, number of intervals for "missed", median RR used) in ms.
        """
        rr1 = ahead[0] if ahead else None
        med = statistics.median([*list(self._rr_final)[-_MEDIAN_PAST:], rr0, *ahead])
        too_short = rr0 < cfg.RR_MIN_MS
        too_long = rr0 > cfg.RR_MAX_MS
        rules_on = len(self._drr_final) >= cfg.LT_MIN_HISTORY_BEATS and bool(self._rr_final)

        th1 = _threshold_ms(self._drr_final)
        th2 = _threshold_ms(self._mrr_final)
        if rules_on:
            prev = self._rr_final[-1]
            d0 = (rr0 - prev) / th1
            seq = [rr0, *ahead]  # (np.diff(seq) / th1: the same doubles, without arrays of 2 or 3)
            d_next = [*((b - a) / th1 for a, b in zip(seq[:-1], seq[1:], strict=True)), 0.0, 0.0]
            d1, d2 = d_next[0], d_next[1]
            s12_next = max(d0, d2) if d1 > 0 else min(d0, d2) if d1 < 0 else 0.0
            s22 = min(d1, d2) if d0 >= 0 else max(d1, d2)
            m0 = rr0 - med
            m0 = (2.0 * m0 if m0 < 0 else m0) / th2
        else:
            d0 = d1 = s12_next = s22 = m0 = 0.0

        is_short = (d0 < -1 and s22 > 1) or too_short  # eq. 5 (or hard gate)
        is_long = (d0 > 1 and s22 < -1) or too_long  # eq. 3 (or hard gate)
        far_from_median = abs(m0) > 3  # eq. 4
        merges_to_normal = rr1 is not None and abs(rr0 + rr1 - med) < th2  # eq. 7
        if is_short and merges_to_normal:
            return "extra", 1, med
        margin = _moving_beat_margin_ms(rr0, ahead, med)
        move_fits = margin > 0.0
        # beat i misplaced; the sums of deviations are piecewise linear, so an exact tie is common
        # (the next two intervals on both sides of the median): L&T's own ectopic call then stands
        if _in_ectopic_region(d1, s12_next) and margin > -cfg.LT_MOVE_TIE_MS:
            return "ectopic", 1, med
        if is_long or is_short or far_from_median:
            n = int(round(rr0 / med))
            splits_to_normal = (
                2 <= n <= cfg.LT_MAX_SPLIT_INTERVALS and abs(rr0 / n - med) < th2
            )  # eq. 6, generalised to n intervals
            if (is_long or (far_from_median and rr0 > med)) and splits_to_normal:
                return "missed", n, med
            if move_fits or too_long or too_short:
                return ("long" if rr0 > med else "short"), 1, med
        return "normal", 1, med


def correct_beats(beat_t_s: np.ndarray, correct: bool = True) -> list[Beat]:
    """Offline convenience: feed all beat times (s) to an ArtifactCorrector, then flush."""
    corrector = ArtifactCorrector(correct=correct)
    out: list[Beat] = []
    for t in np.asarray(beat_t_s, dtype=float):
        out.extend(corrector.push(float(t)))
    out.extend(corrector.flush())
    return out


def correct_intervals(rr_ms: np.ndarray, correct: bool = True) -> list[Beat]:
    """Offline convenience for an RR series (ms); beat times start at 0 s."""
    corrector = ArtifactCorrector(correct=correct)
    out: list[Beat] = []
    for rr in np.asarray(rr_ms, dtype=float):
        out.extend(corrector.push_interval(float(rr)))
    out.extend(corrector.flush())
    return out
