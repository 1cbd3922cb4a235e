"""SciPy's filter routines called without their argument checks: the same numbers, bit for bit.

The beat detectors filter a few samples at a time (every 0.1 s of PPG, every 50 ms of ECG);
``scipy.signal.lfilter``/``sosfilt`` spend 10-50 us per call checking and reshaping their
arguments before the C routine runs, more than the filtering itself. These call the routine
directly on 1-D float arrays and fall back to the public functions on another SciPy layout.
``fast_interp`` is NumPy's ``interp`` routine without its Python wrapper (a complex-number
test and array-function dispatch cost more than interpolating a beat's 40 points; the
detector calls it a few times per beat). tests/core/test_beats_shortcuts.py compares each
with the public call.
"""

from __future__ import annotations

import numpy as np
from scipy import signal

try:
    from numpy._core.multiarray import interp as _compiled_interp

    def fast_interp(x, xp: np.ndarray, fp: np.ndarray):
        """``np.interp(x, xp, fp)`` for real ``fp`` (what np.interp calls for it)."""
        return _compiled_interp(x, xp, fp, None, None)
except ImportError:  # pragma: no cover - another NumPy layout
    def fast_interp(x, xp: np.ndarray, fp: np.ndarray):
        """``np.interp(x, xp, fp)`` for real ``fp``."""
        return np.interp(x, xp, fp)

try:
    from scipy.signal._sigtools import _linear_filter

    def fast_lfilter(b: np.ndarray, a: np.ndarray, x: np.ndarray, zi: np.ndarray):
        """``scipy.signal.lfilter(b, a, x, zi=zi)`` on 1-D float arrays: (y, zf)."""
        return _linear_filter(b, a, x, -1, zi)
except ImportError:  # pragma: no cover - another SciPy layout

    def fast_lfilter(b: np.ndarray, a: np.ndarray, x: np.ndarray, zi: np.ndarray):
        """``scipy.signal.lfilter(b, a, x, zi=zi)`` on 1-D float arrays: (y, zf)."""
        return signal.lfilter(b, a, x, zi=zi)


try:
    from scipy.signal._sosfilt import _sosfilt

    def sosfilt_with_state(sos: np.ndarray, x: np.ndarray, zi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``scipy.signal.sosfilt(sos, x, zi=zi)`` of a 1-D array: (y, zf)."""
        y = np.array(x, dtype=float, order="C")[np.newaxis]  # (both filtered in place)
        z = np.array(zi, dtype=float, order="C")[np.newaxis]
        _sosfilt(sos, y, z)
        return y[0], z[0]

    def fast_sosfilt(sos: np.ndarray, x: np.ndarray) -> np.ndarray:
        """``scipy.signal.sosfilt(sos, x)`` of a 1-D array, from rest."""
        y = np.array(x, dtype=float, order="C")[np.newaxis]  # (filtered in place)
        _sosfilt(sos, y, np.zeros((1, sos.shape[0], 2)))
        return y[0]
except ImportError:  # pragma: no cover - another SciPy layout

    def sosfilt_with_state(sos: np.ndarray, x: np.ndarray, zi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``scipy.signal.sosfilt(sos, x, zi=zi)`` of a 1-D array: (y, zf)."""
        return signal.sosfilt(sos, x, zi=zi)

    def fast_sosfilt(sos: np.ndarray, x: np.ndarray) -> np.ndarray:
        """``scipy.signal.sosfilt(sos, x)`` of a 1-D array, from rest."""
        return signal.sosfilt(sos, x)
