"""Pulse wave shapes: a systolic wave plus reflected (diastolic) waves, as in real fingers.

Multi-Gaussian pulse decomposition (Baruch et al. 2011, "Pulse decomposition
analysis of the digital arterial pulse during hemorrhage simulation",
Nonlinear Biomed. Phys. 5:1; Couceiro et al. 2015; reviewed in Tang et al.
2017 "PPG signal reconstruction using a combination of Gaussians"): one
asymmetric Gaussian for the systolic wave and one or two later Gaussians for
the waves reflected from the lower body (the diastolic wave behind the
dicrotic notch). The ratio and delay of the reflected wave vary with age and
vascular tone; in heartpy's ``data.csv`` (a real finger) the diastolic wave
is ~0.5 of the systolic height, 0.35 s after it, with a deep notch between.

Each beat draws its own ratio and delay around the shape's values
(``ratio_jitter``, ``delay_jitter_s``), so no two pulses are identical. Times
are relative to the systolic peak (the truth convention), amplitudes relative
to the systolic wave.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PulseShape:
    """One pulse: asymmetric systolic Gaussian plus up to two reflected Gaussians."""

    name: str
    rise_s: float = 0.07  # systolic wave: sd before the peak ...
    fall_s: float = 0.11  # ... and after it
    dia_delay_s: float = 0.30  # diastolic (first reflected) wave after the systolic peak
    dia_width_s: float = 0.07
    dia_ratio: float = 0.35  # its height relative to the systolic wave
    late_delay_s: float = 0.0  # optional second reflected wave (0 = none)
    late_width_s: float = 0.08
    late_ratio: float = 0.0
    ratio_jitter: float = 0.05  # sd of the per-beat diastolic ratio (absolute)
    delay_jitter_s: float = 0.01  # sd of the per-beat diastolic delay
    resp_amplitude_share: float = 0.15  # pulse height falls by this share at full inspiration
    resp_baseline: float = 0.3  # baseline shift at full inspiration (in systolic heights)
    span_s: tuple[float, float] = (-0.35, 0.75)


SHAPES: dict[str, PulseShape] = {
    s.name: s
    for s in (
        # the simulator's original pulse: a small dicrotic wave
        PulseShape("classic"),
        # heartpy data.csv-like: tall diastolic wave behind a deep notch, and a third hump
        PulseShape("reflected", rise_s=0.06, fall_s=0.07, dia_delay_s=0.35, dia_width_s=0.06,
                   dia_ratio=0.55, late_delay_s=0.62, late_width_s=0.08, late_ratio=0.18,
                   ratio_jitter=0.06, delay_jitter_s=0.015),
        # a reflected wave nearly as tall as the systolic one (stiff arteries, cold fingers)
        PulseShape("dominant-reflected", rise_s=0.06, fall_s=0.08, dia_delay_s=0.30,
                   dia_width_s=0.07, dia_ratio=0.85, ratio_jitter=0.05, delay_jitter_s=0.015),
        # strong breathing: big baseline wander and amplitude swings
        PulseShape("breathing", dia_ratio=0.3, resp_amplitude_share=0.4, resp_baseline=1.5),
    )
}


def pulse(dt_s: np.ndarray, shape: PulseShape, dia_ratio: float, dia_delay_s: float) -> np.ndarray:
    """Pulse value at times ``dt_s`` relative to the systolic peak (systolic height 1)."""
    sig = np.where(dt_s < 0.0, shape.rise_s, shape.fall_s)
    y = np.exp(-0.5 * (dt_s / sig) ** 2)
    y += dia_ratio * np.exp(-0.5 * ((dt_s - dia_delay_s) / shape.dia_width_s) ** 2)
    if shape.late_ratio > 0:
        y += shape.late_ratio * np.exp(-0.5 * ((dt_s - shape.late_delay_s) / shape.late_width_s) ** 2)
    return y


def shape_named(name: str) -> PulseShape:
    """The shape called ``name``; a clear error names the choices."""
    try:
        return SHAPES[name]
    except KeyError:
        raise ValueError(f"unknown pulse shape {name!r}; choose one of {', '.join(SHAPES)}") from None
