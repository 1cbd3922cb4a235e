"""Breathing pacer: a lung-volume guide from a clock, phase-continuous under changes.

The guide follows one breath cycle of four segments: inhale, hold after
inhale, exhale, hold after exhale. The position inside the cycle is
integrated from the clock (OpenHRV's habit of driving the pacer by elapsed
wall-clock time, never by counting frames), so changing the rate, the
inhale:exhale ratio or the holds mid-breath keeps the current segment and the
fraction already done: the guide never jumps (resonance-breathing pacers,
Lehrer & Gevirtz 2014; I:E is a preference, Meehan & Shaffer 2024).

Pure: the caller passes ``t_s`` from a monotonic clock (``time.monotonic``).
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from biofeedback import config

INHALE, HOLD_IN, EXHALE, HOLD_OUT = range(4)
_SEGMENT_NAMES = ("inhale", "hold", "exhale", "hold")


def clamp_rate_bpm(rate_bpm: float) -> float:
    """Clamp to PACER_MIN_BPM..PACER_MAX_BPM and round to PACER_STEP_BPM."""
    rate = min(max(float(rate_bpm), config.PACER_MIN_BPM), config.PACER_MAX_BPM)
    steps = round(rate / config.PACER_STEP_BPM)
    return round(steps * config.PACER_STEP_BPM, 6)


def _ease(fraction: float) -> float:
    """Half-cosine from 0 to 1: smooth start and end of each inhale/exhale."""
    return 0.5 - 0.5 * math.cos(math.pi * fraction)


class Pacer:
    """Guide for paced breathing.

    ``rate_bpm``: breaths per minute (clamped to config.PACER_* and rounded to
    0.1). ``inhale_ratio``: inhale share of the breathing (non-hold) time, 0.5
    means I:E = 1:1. ``hold_in_s``/``hold_out_s``: pauses after inhaling and
    after exhaling; they are shrunk proportionally if together they would
    exceed PACER_MAX_HOLD_FRACTION of the cycle.
    """

    def __init__(
        self,
        rate_bpm: float = config.PACER_DEFAULT_BPM,
        inhale_ratio: float = 0.5,
        hold_in_s: float = 0.0,
        hold_out_s: float = 0.0,
        t0_s: float = 0.0,
        phase_cycles: float = 0.0,
    ) -> None:
        self._anchor_t_s = float(t0_s)
        self._set_params(rate_bpm, inhale_ratio, hold_in_s, hold_out_s)
        # position in the cycle at the anchor time (``phase_cycles`` at ``t0_s``, 0 = start of inhale)
        self._anchor_pos_s = (float(phase_cycles) % 1.0) * self._cycle_s

    # -- parameters ------------------------------------------------------------
    def _set_params(
        self, rate_bpm: float, inhale_ratio: float, hold_in_s: float, hold_out_s: float
    ) -> None:
        if not 0.1 <= inhale_ratio <= 0.9:
            raise ValueError(f"inhale_ratio must be within 0.1..0.9, got {inhale_ratio}")
        if hold_in_s < 0 or hold_out_s < 0:
            raise ValueError("holds must be >= 0 s")
        self.rate_bpm = clamp_rate_bpm(rate_bpm)
        self.inhale_ratio = float(inhale_ratio)
        self.hold_in_s = float(hold_in_s)
        self.hold_out_s = float(hold_out_s)
        cycle_s = 60.0 / self.rate_bpm
        holds_s = self.hold_in_s + self.hold_out_s
        max_holds_s = config.PACER_MAX_HOLD_FRACTION * cycle_s
        scale = min(1.0, max_holds_s / holds_s) if holds_s > 0 else 1.0
        hold_in, hold_out = self.hold_in_s * scale, self.hold_out_s * scale
        breathing_s = cycle_s - hold_in - hold_out
        inhale = breathing_s * self.inhale_ratio
        self._durations_s = (inhale, hold_in, breathing_s - inhale, hold_out)
        self._cycle_s = cycle_s

    @property
    def cycle_s(self) -> float:
        """Duration of one full breath in seconds."""
        return self._cycle_s

    @property
    def durations_s(self) -> tuple[float, float, float, float]:
        """Effective (inhale, hold after inhale, exhale, hold after exhale) in seconds."""
        return self._durations_s

    def _locate(self, t_s: float) -> tuple[int, float, float]:
        """Segment index, fraction done in it, and position in the cycle at ``t_s``."""
        pos_s = (self._anchor_pos_s + (t_s - self._anchor_t_s)) % self._cycle_s
        start = 0.0
        for k, d in enumerate(self._durations_s):
            if d > 0 and pos_s < start + d:
                return k, (pos_s - start) / d, pos_s
            start += d
        return EXHALE, 1.0, pos_s  # float rounding at the very end of the cycle

    def configure(
        self,
        t_s: float,
        rate_bpm: float | None = None,
        inhale_ratio: float | None = None,
        hold_in_s: float | None = None,
        hold_out_s: float | None = None,
    ) -> None:
        """Change any parameter at time ``t_s`` keeping segment and fraction done."""
        segment, fraction, _ = self._locate(t_s)
        self._set_params(
            self.rate_bpm if rate_bpm is None else rate_bpm,
            self.inhale_ratio if inhale_ratio is None else inhale_ratio,
            self.hold_in_s if hold_in_s is None else hold_in_s,
            self.hold_out_s if hold_out_s is None else hold_out_s,
        )
        d = self._durations_s
        if d[segment] == 0.0:  # a hold was removed while in it: continue after it
            segment, fraction = (segment + 1) % 4, 0.0
        self._anchor_t_s = float(t_s)
        self._anchor_pos_s = sum(d[:segment]) + fraction * d[segment]

    def set_rate(self, rate_bpm: float, t_s: float) -> None:
        """Change the rate at ``t_s`` without a jump of the guide (phase integrated)."""
        self.configure(t_s, rate_bpm=rate_bpm)

    # -- reading ---------------------------------------------------------------
    def phase_cycles(self, t_s: float) -> float:
        """Position in the breath cycle at ``t_s`` as a fraction: 0 = start of inhale."""
        return self._locate(t_s)[2] / self._cycle_s

    def value(self, t_s: float) -> float:
        """Lung-volume guide in 0..1: 0 fully exhaled, 1 fully inhaled."""
        segment, fraction, _ = self._locate(t_s)
        if segment == INHALE:
            return _ease(fraction)
        if segment == HOLD_IN:
            return 1.0
        if segment == EXHALE:
            return 1.0 - _ease(fraction)
        return 0.0

    def values(self, t_s: np.ndarray) -> np.ndarray:
        """``value`` for many times at once (vectorised, for drawing the wave)."""
        pos = np.mod(self._anchor_pos_s + (np.asarray(t_s, dtype=float) - self._anchor_t_s), self._cycle_s)
        inhale, hold_in, exhale, _ = self._durations_s
        out = np.zeros_like(pos)
        rising = pos < inhale
        out[rising] = 0.5 - 0.5 * np.cos(np.pi * pos[rising] / inhale)
        held = (pos >= inhale) & (pos < inhale + hold_in)
        out[held] = 1.0
        start = inhale + hold_in
        falling = (pos >= start) & (pos < start + exhale)
        out[falling] = 0.5 + 0.5 * np.cos(np.pi * (pos[falling] - start) / exhale)
        return out

    def phase_name(self, t_s: float) -> str:
        """"inhale", "hold" or "exhale" at ``t_s``."""
        return _SEGMENT_NAMES[self._locate(t_s)[0]]

    def cycle_start_s(self, t_s: float) -> float:
        """Clock time at which the breath in progress at ``t_s`` began (start of inhale)."""
        return t_s - self._locate(t_s)[2]

    def max_slope_per_s(self) -> float:
        """Largest |d value / dt| of the current settings (pi / 2 / shortest breathing segment)."""
        shortest = min(self._durations_s[INHALE], self._durations_s[EXHALE])
        return math.pi / (2.0 * shortest)


# -- the pacer that ran, from its records ----------------------------------------------------
class PacerRecord(Protocol):
    """One recorded pacer change (the store's ``PacerChange``): settings from ``t_device_s`` on.

    ``phase_cycles`` is the pacer's phase right after the change (0 = start of
    inhale); None when it was not recorded (sessions before it was). Read-only
    properties, so frozen records match.
    """

    @property
    def t_device_s(self) -> float: ...
    @property
    def rate_brpm(self) -> float: ...
    @property
    def inhale_ratio(self) -> float: ...
    @property
    def hold_in_s(self) -> float: ...
    @property
    def hold_out_s(self) -> float: ...
    @property
    def phase_cycles(self) -> float | None: ...


def pacers_that_ran(changes: Sequence[PacerRecord]) -> list[tuple[float, Pacer]]:
    """(start time, Pacer) for each recorded change, in time order, to replay the guide that ran.

    A change with its phase recorded starts a pacer at that phase (so an owner
    switch to another pacer is followed exactly); one without continues the
    previous pacer through ``Pacer.configure`` (the live pacer's own
    phase-continuous rule), the first one from phase 0.
    """
    out: list[tuple[float, Pacer]] = []
    pacer: Pacer | None = None
    for c in sorted(changes, key=lambda c: c.t_device_s):
        t = float(c.t_device_s)
        phase = getattr(c, "phase_cycles", None)
        if phase is None and pacer is not None:
            pacer = copy.copy(pacer)
            pacer.configure(t, c.rate_brpm, c.inhale_ratio, c.hold_in_s, c.hold_out_s)
        else:
            pacer = Pacer(c.rate_brpm, c.inhale_ratio, c.hold_in_s, c.hold_out_s, t0_s=t,
                          phase_cycles=0.0 if phase is None else phase)
        out.append((t, pacer))
    return out


def phase_reconstructed(changes: Sequence[PacerRecord]) -> bool:
    """True when some change lacks its recorded phase (the guide is rebuilt from phase 0)."""
    return any(getattr(c, "phase_cycles", None) is None for c in changes)


def guide_curve(changes: Sequence[PacerRecord], t_s: np.ndarray) -> np.ndarray:
    """The pacer's guide (0 exhaled .. 1 inhaled) at times ``t_s`` from its recorded changes.

    NaN before the first change (no pacer known there); equals the live
    pacer's ``values`` wherever the records are complete.
    """
    t = np.asarray(t_s, dtype=float)
    out = np.full(t.shape, np.nan)
    runs = pacers_that_ran(changes)
    for k, (start, pacer) in enumerate(runs):
        end = runs[k + 1][0] if k + 1 < len(runs) else np.inf
        inside = (t >= start) & (t < end)
        if inside.any():
            out[inside] = pacer.values(t[inside])
    return out
