"""The one rule for what an inter-beat interval may be (RR files, IBI lines, device and detected beats).

An interval is *plausible* when it is finite and inside ``RR_MIN_MS..RR_MAX_MS``
(273-2000 ms, 220-30 bpm; the hard gate OpenHRV uses). Anything else is never a
normal interval: the artifact corrector (core/rr/artifacts.py) either explains it
as a missed or extra beat and corrects it, or makes it a *gap*: the interval
chain ends there, no successive difference is taken across it, and the gap is
counted. With correction off every implausible interval is a gap.

The *rhythm rule* compares an interval with the longer-term rhythm,
the median of the last ``RHYTHM_REF_BEATS`` accepted intervals: outside
``RHYTHM_RATIO_RANGE`` (0.6-1.5x) it is far outside the local rhythm, e.g. a
missed beat (2x) or an extra detection (0.5x). A run of such intervals looks
regular to Lipponen & Tarvainen's 11-beat median, not to this reference.
"""

from __future__ import annotations

import numpy as np

from biofeedback import config as cfg


def plausible_rr(rr_ms: np.ndarray) -> np.ndarray:
    """Boolean mask: True where the interval (ms) is finite and within RR_MIN_MS..RR_MAX_MS."""
    rr = np.asarray(rr_ms, dtype=float)
    with np.errstate(invalid="ignore"):
        return (rr >= cfg.RR_MIN_MS) & (rr <= cfg.RR_MAX_MS)  # NaN compares False


def is_plausible_rr(rr_ms: float) -> bool:
    """Scalar form of ``plausible_rr`` (per-beat paths)."""
    return cfg.RR_MIN_MS <= rr_ms <= cfg.RR_MAX_MS  # NaN compares False


def off_rhythm(rr_ms: float, ref_ms: float) -> bool:
    """True if ``rr_ms`` is far outside the rhythm ``ref_ms`` (ratio outside RHYTHM_RATIO_RANGE)."""
    lo, hi = cfg.RHYTHM_RATIO_RANGE
    return not (lo * ref_ms <= rr_ms <= hi * ref_ms)


def fits_rhythm(rr_ms: float, ref_ms: float) -> bool:
    """True if ``rr_ms`` is within RHYTHM_FIT_TOLERANCE of the rhythm (a repaired interval's test)."""
    return abs(rr_ms - ref_ms) <= cfg.RHYTHM_FIT_TOLERANCE * ref_ms


def describe_rule() -> str:
    """The rule in words, for notes shown to the user."""
    return f"outside {cfg.RR_MIN_MS:g}-{cfg.RR_MAX_MS:g} ms"
