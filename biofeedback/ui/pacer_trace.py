"""The pacer that ran in a stored session, as a curve to draw and a legend that says how it is known.

Shared by the report and the History session view. The curve comes from the
recorded pacer changes through ``core.breathing.pacer.guide_curve`` (the live pacer's
own rule); sessions recorded before the phase was stored are rebuilt from
phase 0 at the first change and say "phase reconstructed".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from biofeedback import config
from biofeedback.app.session_library import StoredPacerChange
from biofeedback.core.breathing.pacer import guide_curve, phase_reconstructed
from biofeedback.ui.i18n import rate_text, translate

PACER_TRACE_HZ = 4.0  # samples per second of the drawn guide (a 3 s breath: 12 points)


@dataclass(frozen=True)
class PacerTrace:
    """The guide (0 exhaled .. 1 inhaled) at ``t_s`` (device clock), NaN where no pacer is known."""

    t_s: np.ndarray
    guide: np.ndarray
    label: str


def _rates_text(changes: Sequence[StoredPacerChange]) -> str:
    rates: list[float] = []
    for c in changes:
        if not rates or abs(rates[-1] - c.rate_brpm) > 1e-9:
            rates.append(c.rate_brpm)
    shown = rates if len(rates) <= 4 else [*rates[:2], None, rates[-1]]
    return " → ".join("…" if r is None else rate_text(r) for r in shown) + "/min"


def _shape_text(changes: Sequence[StoredPacerChange]) -> str:
    """'' for a plain 1:1 breath without holds; else what varied (I:E, holds)."""
    parts = []
    if any(abs(c.inhale_ratio - 0.5) > 1e-9 for c in changes):
        ratios = sorted({round(c.inhale_ratio / (1 - c.inhale_ratio), 2) for c in changes})
        parts.append("I:E " + "/".join(f"1:{rate_text(float(f'{1 / r:.2g}'))}" if r < 1 else
                                       f"{rate_text(float(f'{r:.2g}'))}:1" for r in ratios))
    if any(c.hold_in_s > 0 or c.hold_out_s > 0 for c in changes):
        parts.append(translate("PacerTrace", "holds"))
    return ", ".join(parts)


def pacer_trace(changes: Sequence[StoredPacerChange], start_rate_brpm: float | None,
                t_start_s: float, t_end_s: float) -> PacerTrace | None:
    """The pacer from ``t_start_s`` to ``t_end_s``; None when the session knows no pacer at all.

    Without any recorded change (the oldest sessions) the session's starting
    rate is taken from ``t_start_s`` on, its phase reconstructed.
    """
    if not changes:
        if start_rate_brpm is None:
            return None
        changes = [StoredPacerChange(t_device_s=t_start_s, rate_brpm=float(start_rate_brpm),
                                     inhale_ratio=config.PACER_DEFAULT_INHALE_RATIO)]
    n = max(int((t_end_s - t_start_s) * PACER_TRACE_HZ) + 1, 2)
    t = np.linspace(t_start_s, t_end_s, n)
    guide = guide_curve(changes, t)
    shape = _shape_text(changes)
    label = translate("PacerTrace", "pacer {rates}").format(rates=_rates_text(changes)) + (f", {shape}" if shape else "")
    if phase_reconstructed(changes):
        label += " " + translate("PacerTrace", "(phase reconstructed)")
    return PacerTrace(t, guide, label)
