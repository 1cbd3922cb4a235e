"""Resonance-frequency assessment protocol as a pure, time-driven state machine.

Lehrer, Vaschillo & Vaschillo (2000); Lehrer & Gevirtz (2014): breathe at
6.5, 6.0, 5.5, 5.0 and 4.5 breaths/min for about 2 minutes each, optionally
resting between rates, then compare the blocks (``core.resonance.scoring``). The
caller owns the clock and the pacer: it asks :meth:`AssessmentProtocol.state`
what to do at time ``t_s`` and calls ``Pacer.set_rate`` when the rate
changes, so the guide stays phase-continuous across block boundaries.
:class:`AssessmentRecorder` keeps the beats and the pacer's phase per block
and scores them at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from biofeedback import config
from biofeedback.core.breathing.chest import ChestRespirationTracker
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.core.breathing.respiration import BreathingEstimate, RespirationTracker
from biofeedback.core.resonance.plan import AssessmentPlan
from biofeedback.core.resonance.scoring import BlockScore, ResonanceResult, rank_rates, score_block

BLOCK, REST, DONE = "block", "rest", "done"
# where a block's breathing phase came from (BlockScore.phase_source); "chest": a chest strap's
# accelerometer, which stands for the measured breathing ("pulse") where a strap sends it
PHASE_PULSE, PHASE_PACER, PHASE_BELT, PHASE_CHEST = "pulse", "pacer", "belt", "chest"


@dataclass(frozen=True)
class AssessmentState:
    """What the protocol says at one moment."""

    phase: str  # "block" | "rest" | "done"
    block_index: int  # current block, or the next one during a rest; len(rates) when done
    rate_bpm: float | None  # pacer rate during a block, None in rests and when done
    elapsed_s: float
    phase_remaining_s: float  # until the current block or rest ends
    progress: float  # 0..1 over the whole assessment


class AssessmentProtocol:
    """Time -> state of the assessment started at ``t0_s`` (pure: no clock of its own)."""

    def __init__(self, plan: AssessmentPlan = AssessmentPlan(), t0_s: float = 0.0) -> None:  # noqa: B008 (frozen)
        self.plan = plan
        self.t0_s = float(t0_s)

    def state(self, t_s: float) -> AssessmentState:
        plan = self.plan
        elapsed = max(float(t_s) - self.t0_s, 0.0)
        progress = min(elapsed / plan.total_s, 1.0)
        if elapsed >= plan.total_s:
            return AssessmentState(phase=DONE, block_index=len(plan.rates_bpm), rate_bpm=None,
                                   elapsed_s=elapsed, phase_remaining_s=0.0, progress=1.0)
        period = plan.block_s + plan.rest_s
        index = min(int(elapsed // period), len(plan.rates_bpm) - 1)
        into = elapsed - index * period
        if into < plan.block_s:
            return AssessmentState(phase=BLOCK, block_index=index, rate_bpm=plan.rates_bpm[index],
                                   elapsed_s=elapsed, phase_remaining_s=plan.block_s - into,
                                   progress=progress)
        return AssessmentState(phase=REST, block_index=index + 1, rate_bpm=None, elapsed_s=elapsed,
                               phase_remaining_s=period - into, progress=progress)

    def scored_window(self, index: int) -> tuple[float, float]:
        """Clock times (start, end) of the part of block ``index`` that is scored."""
        start, end = self.plan.block_window(index)
        return self.t0_s + start + self.plan.settle_s, self.t0_s + end


@dataclass
class AssessmentRecorder:
    """Collects beats and the breathing phase, then scores each block of ``protocol``.

    ``add_phase`` takes the pacer's position in its cycle (0..1, inhale from 0
    to ``end_inhale_cycle``); call it at least a few times per second.
    """

    protocol: AssessmentProtocol
    end_inhale_cycle: float = 0.5
    _beats: list[tuple[float, float, bool]] = field(default_factory=list)
    _phase: list[tuple[float, float]] = field(default_factory=list)
    _breathing: list[tuple[float, float, float, float]] = field(default_factory=list)
    _block_phase: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _behind_guide_s: dict[int, float | None] = field(default_factory=dict)
    _block_source: dict[int, str] = field(default_factory=dict)

    def add_beat(self, t_s: float, rr_ms: float, corrected: bool = False) -> None:
        self._beats.append((float(t_s), float(rr_ms), bool(corrected)))

    def add_phase(self, t_s: float, cycle_fraction: float) -> None:
        self._phase.append((float(t_s), float(cycle_fraction)))

    def add_breathing(self, t_s: float, rate_bpm: float | None, quality: float,
                      window_s: float = config.RESP_WINDOW_S) -> None:
        """A breathing estimate from the pulse wave (``core.breathing.respiration``) for the window ending at ``t_s``."""
        if rate_bpm is not None:
            self._breathing.append((float(t_s), float(rate_bpm), float(quality), float(window_s)))

    def set_block_phase(self, index: int, t_s: np.ndarray, cycles: np.ndarray,
                        behind_guide_s: float | None = None, source: str = PHASE_PULSE) -> None:
        """The breathing phase of block ``index`` measured after the fact (replaces ``add_phase`` samples).

        E.g. ``RespirationTracker.phase_track`` over the block: breath landmarks of
        the whole block, not the live estimate's extrapolated phase.
        ``behind_guide_s``: how late that breathing was behind the pacer;
        ``source``: what it was read from (PHASE_PULSE, PHASE_CHEST).
        """
        self._block_phase[index] = (np.asarray(t_s, float), np.asarray(cycles, float))
        self._behind_guide_s[index] = behind_guide_s
        self._block_source[index] = source

    def block_breathing_bpm(self, index: int) -> float | None:
        """Median measured breathing rate of block ``index`` (None without enough good estimates).

        Estimates whose window lies inside the block's scored part are used
        when there are some (earlier ones still see the previous rate), else
        all of the scored part; at least half of them must reach RESP_MIN_QUALITY.
        """
        lo, hi = self.protocol.scored_window(index)
        inside = [b for b in self._breathing if lo <= b[0] < hi]
        whole = [b for b in inside if b[0] - b[3] >= lo - 1e-9]
        rows = whole or inside
        good = [b[1] for b in rows if b[2] >= config.RESP_MIN_QUALITY]
        if not rows or len(good) < 0.5 * len(rows):
            return None
        return float(np.median(good))

    def phase_samples(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """(t_s, unwrapped cycles) of the ``add_phase`` samples in the scored part of block ``index``."""
        lo, hi = self.protocol.scored_window(index)
        ph = np.array([p for p in self._phase if lo <= p[0] < hi], dtype=float).reshape(-1, 2)
        return ph[:, 0], np.unwrap(ph[:, 1], period=1.0)

    def block_beats(self, index: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(t_s, rr_ms, corrected) of the beats in the scored part of block ``index``."""
        lo, hi = self.protocol.scored_window(index)
        rows = [b for b in self._beats if lo <= b[0] < hi]
        arr = np.array(rows, dtype=float).reshape(-1, 3)
        return arr[:, 0], arr[:, 1], arr[:, 2].astype(bool)

    def score(self, index: int, phase_source: str = PHASE_PACER) -> BlockScore:
        """Score block ``index``; ``phase_source`` names where the ``add_phase`` samples came from."""
        t, rr, corr = self.block_beats(index)
        phase_t, phase_cycles = self.phase_samples(index)
        behind_s = None
        if index in self._block_phase:
            lo, hi = self.protocol.scored_window(index)
            bt, bc = self._block_phase[index]
            inside = (bt >= lo) & (bt < hi)
            phase_t, phase_cycles = bt[inside], bc[inside]
            phase_source = self._block_source.get(index, PHASE_PULSE)
            behind_s = self._behind_guide_s.get(index)
        scored = score_block(self.protocol.plan.rates_bpm[index], t, rr, corr, phase_t, phase_cycles,
                             self.end_inhale_cycle, breathing_bpm=self.block_breathing_bpm(index))
        return replace(scored, phase_source=phase_source, behind_guide_s=behind_s)

    def result(self, phase_source: str = PHASE_PACER) -> ResonanceResult:
        return rank_rates([self.score(i, phase_source) for i in range(len(self.protocol.plan.rates_bpm))])


class AssessmentSession:
    """Drives a pacer through the protocol and records what the scoring needs.

    Call :meth:`update` with the clock (a few times per second or more),
    :meth:`add_beats` with the pipeline's beats and :meth:`add_ppg` with its
    pulse wave, all on the session's clock. The pacer is the training pacer
    (``core.breathing.pacer.Pacer``); its rate is changed with ``set_rate`` at block
    starts, so the guide never jumps. ``update`` returns the new rate when it
    changed (for a simulated person to follow), else None.

    The breathing is read from the pulse wave (``core.breathing.respiration``): its rate
    says whether the user followed the pacer, and its phase is what heart rate
    is scored against (``phase_from`` "pulse"), because a person breathing
    with a guide is late by a reaction time that the pacer's own phase would
    count as heart-rate lag (some 20 deg at 6 /min for 0.5 s). Where the
    phase cannot be read (no pulse wave, as from an IBI-only sensor, whose
    only breathing signal is the heart rate being scored; or too few counted
    breaths) the pacer's phase stands in. ``phase_from`` "pacer" always uses
    the pacer; "belt": the ``breath_cycle_fraction`` given to ``update``
    (a respiration belt, or a simulated person's truth). A chest strap's
    accelerometer (``add_acc``), where there is one, is the measured breathing
    instead of the pulse: its rate and, with "pulse", its phase (PHASE_CHEST).
    """

    def __init__(self, plan: AssessmentPlan, t0_s: float, pacer: Pacer | None = None,
                 phase_from: str = PHASE_PULSE) -> None:
        if phase_from not in (PHASE_PULSE, PHASE_PACER, PHASE_BELT):
            raise ValueError(f"unknown phase source {phase_from!r}")
        self.protocol = AssessmentProtocol(plan, t0_s)
        self.pacer = pacer if pacer is not None else Pacer(plan.rates_bpm[0], t0_s=t0_s)
        self.recorder = AssessmentRecorder(self.protocol)
        self.phase_from = phase_from
        self.breathing = RespirationTracker(keep_s=plan.total_s + 30.0)  # the whole assessment
        self.chest = ChestRespirationTracker(keep_s=plan.total_s + 30.0)
        self._last_estimate: BreathingEstimate | None = None
        self._rate: float | None = None
        self.state = self.protocol.state(t0_s)

    def update(self, t_s: float, breath_cycle_fraction: float | None = None) -> float | None:
        """Advance to ``t_s``; record the pacer's phase (or the belt's) and the measured breathing rate."""
        self.state = self.protocol.state(t_s)
        changed = None
        if self.state.rate_bpm is not None and self.state.rate_bpm != self._rate:
            self.pacer.set_rate(self.state.rate_bpm, t_s)
            self._rate = changed = self.state.rate_bpm
        if breath_cycle_fraction is None or self.phase_from != PHASE_BELT:
            breath_cycle_fraction = (t_s - self.pacer.cycle_start_s(t_s)) / self.pacer.cycle_s
        self.recorder.add_phase(t_s, breath_cycle_fraction)
        estimate = (self.chest if self.chest.has_signal else self.breathing).update(t_s)
        if estimate is not None and estimate is not self._last_estimate:
            self._last_estimate = estimate
            self.add_breathing(estimate)
        return changed

    def add_beats(self, beats) -> None:
        for b in beats:
            self.recorder.add_beat(b.t_s, b.rr_ms, b.corrected)
        self.breathing.add_beats(beats)

    def add_ppg(self, t_s: np.ndarray, value: np.ndarray) -> None:
        """A block of the pulse wave (session clock), for the breathing read from it."""
        self.breathing.add_ppg(t_s, value)

    def add_acc(self, t_s: np.ndarray, acc_mg: np.ndarray) -> None:
        """A block of a chest strap's accelerometer ((n, 3) mG, session clock): the breathing read from the chest."""
        self.chest.add_acc(t_s, acc_mg)

    def add_breathing(self, estimate) -> None:
        """A ``core.breathing.respiration.BreathingEstimate`` (on the session clock); None is ignored."""
        if estimate is not None:
            self.recorder.add_breathing(estimate.t_s, estimate.rate_bpm, estimate.quality, estimate.window_s)

    @property
    def done(self) -> bool:
        return self.state.phase == DONE

    def result(self) -> ResonanceResult:
        """Score every block: each against the breathing phase read over the whole block, where it can be."""
        measured_by = (self.chest, PHASE_CHEST) if self.chest.has_signal else (
            (self.breathing, PHASE_PULSE) if self.breathing.has_pulse_wave else None)
        if self.phase_from == PHASE_PULSE and measured_by is not None:
            for index in range(len(self.protocol.plan.rates_bpm)):
                measured = self._measured_phase(index, measured_by[0])
                if measured is not None:
                    self.recorder.set_block_phase(index, *measured, source=measured_by[1])
        return self.recorder.result(PHASE_BELT if self.phase_from == PHASE_BELT else PHASE_PACER)

    def _measured_phase(self, index: int, tracker: RespirationTracker | ChestRespirationTracker
                        ) -> tuple[np.ndarray, np.ndarray, float] | None:
        """(t_s, cycles, s behind the guide) of block ``index`` read by ``tracker`` (from the pulse or the
        chest), if it keeps the guide's rhythm.

        A breath track that slips against the pacer (resultant length of the
        phase difference below ASSESS_PULSE_PHASE_MIN_LOCK: a breath missed or
        split by the counting, or a user who lost the guide) is not trusted;
        the pacer's phase then stands in, and the measured rate still decides
        whether the block counts.
        """
        window = self.protocol.scored_window(index)
        track = tracker.phase_track(*window)
        pacer_t, pacer_cycles = self.recorder.phase_samples(index)
        if track is None or pacer_t.size < 2:
            return None
        t, cycles = track
        lock = np.mean(np.exp(2j * np.pi * (cycles - np.interp(t, pacer_t, pacer_cycles))))
        if abs(lock) < config.ASSESS_PULSE_PHASE_MIN_LOCK:
            return None
        behind_s = -float(np.angle(lock)) / (2 * np.pi) * 60.0 / self.protocol.plan.rates_bpm[index]
        return t, cycles, behind_s


def breathing_reference_note(result: ResonanceResult) -> str:
    """One plain sentence: what heart rate was timed against, and how far behind the guide the user breathed."""
    pulse = [b for b in result.blocks if b.phase_source in (PHASE_PULSE, PHASE_CHEST)]
    if not pulse:
        if any(b.phase_source == PHASE_BELT for b in result.blocks):
            return "Heart rate was timed against the breathing signal given with the beats."
        return ("Heart rate was timed against the guide: your breathing could not be read from "
                "the pulse wave.")
    behind = float(np.median([b.behind_guide_s for b in pulse if b.behind_guide_s is not None] or [0.0]))
    where = (f"about {behind:.1f} s behind the guide" if behind >= 0.05 else
             f"about {-behind:.1f} s ahead of the guide" if behind <= -0.05 else "in time with the guide")
    some = "" if len(pulse) == len(result.blocks) else f" (in {len(pulse)} of {len(result.blocks)} blocks)"
    read = ("the chest strap's movement" if any(b.phase_source == PHASE_CHEST for b in pulse)
            else "your pulse")
    return (f"Read from {read}, you breathed {where}{some}; heart rate was timed against "
            "your breathing, not the guide.")


def _round(x, nd=3):
    return None if x is None else round(float(x), nd)


def result_dict(result: ResonanceResult, plan: AssessmentPlan, source: str) -> dict:
    """Per-rate scores and the chosen rate (None with reasons) as plain JSON types.

    ``phase_reference``: where the breathing phase of the blocks came from
    ("pulse", "pacer", "belt"; several, comma-separated, when blocks differ).
    """
    return {
        "source": source,
        "phase_reference": ", ".join(sorted({b.phase_source for b in result.blocks if b.phase_source})),
        "breathing_note": breathing_reference_note(result),
        "block_s": plan.block_s,
        "rest_s": plan.rest_s,
        "recommended_bpm": result.recommended_bpm,
        "confidence": _round(result.confidence),
        "confidence_label": result.confidence_label,
        "phase_zero_bpm": _round(result.phase_zero_bpm, 2),
        "ranking_bpm": list(result.ranking_bpm),
        "reasons": list(result.reasons),
        "rates": [
            {
                "rate_bpm": b.rate_bpm,
                "usable": b.usable,
                "reasons": list(b.reasons),
                "wins": list(result.wins.get(b.rate_bpm, ())),
                "score": _round(result.scores.get(b.rate_bpm)),
                "breathing_bpm": _round(b.breathing_bpm, 2),
                "phase_source": b.phase_source,
                "behind_guide_s": _round(b.behind_guide_s, 2),
                "n_beats": b.n_beats,
                "artifact_share": _round(b.artifact_share),
                "amplitude_bpm": _round(b.amplitude_bpm, 2),
                "n_breaths": b.n_breaths,
                "lf_power_ms2": _round(b.lf_power_ms2, 1),
                "lf_peak_ms2_per_hz": _round(b.lf_peak_ms2_per_hz, 1),
                "n_lf_peaks": b.n_lf_peaks,
                "hr_oscillation_bpm": _round(None if b.peak_hz is None else 60 * b.peak_hz, 2),
                "phase_lag_deg": _round(b.phase_lag_deg, 1),
                "phase_lag_s": _round(b.phase_lag_s, 2),
                "smoothness_r2": _round(b.smoothness_r2),
            }
            for b in result.blocks
        ],
    }
