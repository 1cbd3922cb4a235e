"""Whole-record summary: the numbers ``analyze`` prints and a session report shows.

Pure functions over the beats the pipeline produced. Definitions:
time domain per Task Force 1996 (see ``hrv.time_domain``), spectrum per the
Kubios method (``hrv.spectrum``), coherence per McCraty & Childre 2010 as the
mean over 64 s windows stepped every 5 s (``hrv.coherence_series``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from biofeedback.core.types import Beat

SUMMARY_KEYS = (
    "n_beats", "n_corrected", "duration_s", "mean_hr_bpm", "mean_nn_ms", "sdnn_ms",
    "rmssd_ms", "pnn50_pct", "vlf_power_ms2", "lf_power_ms2", "hf_power_ms2",
    "lf_hf_ratio", "lf_peak_hz", "hf_peak_hz", "coherence_ratio",
)


def _clean(x: float | None) -> float | None:
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def summarize(beats: Sequence[Beat]) -> dict[str, float | int | None]:
    """Metrics of a whole record; a metric that cannot be computed is None."""
    t_s = np.fromiter((b.t_s for b in beats), dtype=float, count=len(beats))
    rr_ms = np.fromiter((b.rr_ms for b in beats), dtype=float, count=len(beats))
    return summarize_arrays(t_s, rr_ms, int(sum(b.corrected for b in beats)))


def summarize_arrays(t_s: np.ndarray, rr_ms: np.ndarray, n_corrected: int) -> dict[str, float | int | None]:
    """``summarize`` of beat times and intervals as arrays (the offline path for huge records).

    Successive differences, Welch segments and coherence windows stay inside
    chains of successive beats: a gap never enters a metric (``hrv.chain_starts``).
    """
    t_s = np.asarray(t_s, dtype=float)
    rr_ms = np.asarray(rr_ms, dtype=float)
    # SciPy (~0.5 s) behind it: imported here, not with the module (the session store imports this one)
    from biofeedback.core.hrv import time_domain as hrv

    td = hrv.time_domain(rr_ms, beat_t_s=t_s)
    out: dict[str, float | int | None] = {
        "n_beats": int(rr_ms.size),
        "n_corrected": int(n_corrected),
        # breaks in the interval chain, whatever made them (a gap in the record, an interval the
        # interval rule refused, poor signal): beats whose interval does not start at the previous beat
        "n_gaps": hrv.chain_breaks(t_s, rr_ms),
        "duration_s": _clean(rr_ms.sum() / 1000.0) if rr_ms.size else 0.0,
        "mean_hr_bpm": _clean(td.mean_hr_bpm),
        "mean_nn_ms": _clean(td.mean_nn_ms),
        "sdnn_ms": _clean(td.sdnn_ms),
        "rmssd_ms": _clean(td.rmssd_ms),
        "pnn50_pct": _clean(td.pnn50_pct),
    }
    spectral_keys = ("vlf_power_ms2", "lf_power_ms2", "hf_power_ms2", "lf_hf_ratio", "lf_peak_hz", "hf_peak_hz")
    spec = hrv.spectrum(t_s, rr_ms) if rr_ms.size >= 4 else None
    for key in spectral_keys:
        out[key] = _clean(getattr(spec, key)) if spec is not None else None
    _, ratios = hrv.coherence_series(t_s, rr_ms) if rr_ms.size >= 4 else (None, np.array([]))
    ratios = np.asarray(ratios, dtype=float)
    ratios = ratios[np.isfinite(ratios)] if ratios.size else ratios
    out["coherence_ratio"] = _clean(ratios.mean()) if ratios.size else None
    return out
