"""Resonance-frequency assessment protocol as a pure, time-driven state machine.

Lehrer, Vaschillo & Vaschillo (2000); Lehrer & Gevirtz (2014): breathe at
6.5, 6.0, 5.5, 5.0 and 4.5 breaths/min for about 2 minutes each, optionally
resting between rates, then compare the blocks (``core.resonance``). The
caller owns the clock and the pacer: it asks :meth:`AssessmentProtocol.state`
what to do at time ``t_s`` and calls ``Pacer.set_rate`` when the rate
changes, so the guide stays phase-continuous across block boundaries.
:class:`AssessmentRecorder` keeps the beats and the pacer's phase per block
and scores them at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from biofeedback import config
from biofeedback.core.pacer import Pacer
from biofeedback.core.resonance import BlockScore, ResonanceResult, rank_rates, score_block

BLOCK, REST, DONE = "block", "rest", "done"


@dataclass(frozen=True)
class AssessmentPlan:
    """Rates in the order they are paced, block and rest durations (s)."""

    rates_bpm: tuple[float, ...] = config.ASSESS_RATES_BPM
    block_s: float = config.ASSESS_BLOCK_S
    rest_s: float = config.ASSESS_REST_S
    settle_s: float = config.ASSESS_SETTLE_S  # start of each block left out of scoring

    def __post_init__(self) -> None:
        if not self.rates_bpm or self.block_s <= 0 or self.rest_s < 0:
            raise ValueError("an assessment needs rates, block_s > 0 and rest_s >= 0")
        if not 0 <= self.settle_s < self.block_s:
            raise ValueError("settle_s must be shorter than a block")

    @property
    def total_s(self) -> float:
        n = len(self.rates_bpm)
        return n * self.block_s + (n - 1) * self.rest_s

    def block_window(self, index: int) -> tuple[float, float]:
        """(start, end) of block ``index`` in seconds from the start of the assessment."""
        start = index * (self.block_s + self.rest_s)
        return start, start + self.block_s


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

    def __init__(self, plan: AssessmentPlan = AssessmentPlan(), t0_s: float = 0.0) -> None:
        self.plan = plan
        self.t0_s = float(t0_s)

    def state(self, t_s: float) -> AssessmentState:
        plan = self.plan
        elapsed = max(float(t_s) - self.t0_s, 0.0)
        progress = min(elapsed / plan.total_s, 1.0)
        if elapsed >= plan.total_s:
            return AssessmentState(DONE, len(plan.rates_bpm), None, elapsed, 0.0, 1.0)
        period = plan.block_s + plan.rest_s
        index = min(int(elapsed // period), len(plan.rates_bpm) - 1)
        into = elapsed - index * period
        if into < plan.block_s:
            return AssessmentState(BLOCK, index, plan.rates_bpm[index], elapsed,
                                   plan.block_s - into, progress)
        return AssessmentState(REST, index + 1, None, elapsed, period - into, progress)

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

    def add_beat(self, t_s: float, rr_ms: float, corrected: bool = False) -> None:
        self._beats.append((float(t_s), float(rr_ms), bool(corrected)))

    def add_phase(self, t_s: float, cycle_fraction: float) -> None:
        self._phase.append((float(t_s), float(cycle_fraction)))

    def add_breathing(self, t_s: float, rate_bpm: float | None, quality: float,
                      window_s: float = config.RESP_WINDOW_S) -> None:
        """A breathing estimate from the pulse wave (``core.respiration``) for the window ending at ``t_s``."""
        if rate_bpm is not None:
            self._breathing.append((float(t_s), float(rate_bpm), float(quality), float(window_s)))

    def set_block_phase(self, index: int, t_s: np.ndarray, cycles: np.ndarray) -> None:
        """The breathing phase of block ``index`` measured after the fact (replaces ``add_phase`` samples).

        E.g. ``RespirationTracker.phase_track`` over the block: breath landmarks of
        the whole block, not the live estimate's extrapolated phase.
        """
        self._block_phase[index] = (np.asarray(t_s, float), np.asarray(cycles, float))

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

    def block_beats(self, index: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(t_s, rr_ms, corrected) of the beats in the scored part of block ``index``."""
        lo, hi = self.protocol.scored_window(index)
        rows = [b for b in self._beats if lo <= b[0] < hi]
        arr = np.array(rows, dtype=float).reshape(-1, 3)
        return arr[:, 0], arr[:, 1], arr[:, 2].astype(bool)

    def score(self, index: int) -> BlockScore:
        lo, hi = self.protocol.scored_window(index)
        t, rr, corr = self.block_beats(index)
        ph = np.array([p for p in self._phase if lo <= p[0] < hi], dtype=float).reshape(-1, 2)
        if index in self._block_phase:
            bt, bc = self._block_phase[index]
            ph = np.column_stack((bt, bc))[(bt >= lo) & (bt < hi)]
        return score_block(self.protocol.plan.rates_bpm[index], t, rr, corr, ph[:, 0], ph[:, 1],
                           self.end_inhale_cycle, breathing_bpm=self.block_breathing_bpm(index))

    def result(self) -> ResonanceResult:
        return rank_rates([self.score(i) for i in range(len(self.protocol.plan.rates_bpm))])


class AssessmentSession:
    """Drives a pacer through the protocol and records what the scoring needs.

    Call :meth:`update` with the clock (a few times per second or more) and
    :meth:`add_beats` with the pipeline's beats. The pacer is the training
    pacer (``core.pacer.Pacer``); its rate is changed with ``set_rate`` at
    block starts, so the guide never jumps. ``update`` returns the new rate
    when it changed (for a simulated person to follow), else None.
    """

    def __init__(self, plan: AssessmentPlan, t0_s: float, pacer: Pacer | None = None) -> None:
        self.protocol = AssessmentProtocol(plan, t0_s)
        self.pacer = pacer if pacer is not None else Pacer(plan.rates_bpm[0], t0_s=t0_s)
        self.recorder = AssessmentRecorder(self.protocol)
        self._rate: float | None = None
        self.state = self.protocol.state(t0_s)

    def update(self, t_s: float, breath_cycle_fraction: float | None = None) -> float | None:
        """Advance to ``t_s``; record the breathing phase (the pacer's unless one is measured)."""
        self.state = self.protocol.state(t_s)
        changed = None
        if self.state.rate_bpm is not None and self.state.rate_bpm != self._rate:
            self.pacer.set_rate(self.state.rate_bpm, t_s)
            self._rate = changed = self.state.rate_bpm
        if breath_cycle_fraction is None:
            breath_cycle_fraction = (t_s - self.pacer.cycle_start_s(t_s)) / self.pacer.cycle_s
        self.recorder.add_phase(t_s, breath_cycle_fraction)
        return changed

    def add_beats(self, beats) -> None:
        for b in beats:
            self.recorder.add_beat(b.t_s, b.rr_ms, b.corrected)

    def add_breathing(self, estimate) -> None:
        """A ``core.respiration.BreathingEstimate`` (on the session clock); None is ignored."""
        if estimate is not None:
            self.recorder.add_breathing(estimate.t_s, estimate.rate_bpm, estimate.quality, estimate.window_s)

    @property
    def done(self) -> bool:
        return self.state.phase == DONE

    def result(self) -> ResonanceResult:
        return self.recorder.result()


def _round(x, nd=3):
    return None if x is None else round(float(x), nd)


def result_dict(
    result: ResonanceResult, plan: AssessmentPlan, source: str, phase_reference: str = "pacer"
) -> dict:
    """Per-rate scores and the chosen rate (None with reasons) as plain JSON types."""
    return {
        "source": source,
        "phase_reference": phase_reference,
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
