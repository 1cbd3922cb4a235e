"""NumPy/SciPy routines the breathing estimate calls, without their Python wrappers: same numbers, bit for bit.

The breathing estimate runs every second on a 60 s window of 240 points (live, and ~600
times in a simulated assessment); ``ndarray.std``, ``scipy.signal.sosfilt`` and
``find_peaks`` (and ``np.interp``'s and ``np.fft.rfft``'s wrappers) spend more time checking, dispatching and reshaping than computing on
arrays that small. These do what those calls do for 1-D float64 arrays and fall back to
the public functions on another SciPy layout. tests/core/test_breathing_shortcuts.py
compares each with the public call.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import signal

_add_reduce = np.add.reduce

try:
    from numpy._core.multiarray import interp as _compiled_interp

    def fast_interp(x: np.ndarray, xp: np.ndarray, fp: np.ndarray) -> np.ndarray:
        """``np.interp(x, xp, fp)`` for real ``fp`` (the routine np.interp calls for it)."""
        return _compiled_interp(x, xp, fp, None, None)
except ImportError:  # pragma: no cover - another NumPy layout

    def fast_interp(x: np.ndarray, xp: np.ndarray, fp: np.ndarray) -> np.ndarray:
        """``np.interp(x, xp, fp)``."""
        return np.interp(x, xp, fp)


def median_of_list(values: list[float]) -> float:
    """``float(np.median(values))`` of finite Python floats: the middle value, or the middle pair's
    mean, each summed from 0.0 as ``np.mean`` sums them (so a -0.0 comes out as 0.0)."""
    s, h = sorted(values), len(values) // 2
    return 0.0 + s[h] if len(s) % 2 else (0.0 + s[h - 1] + s[h]) / 2.0


def fast_std(x: np.ndarray) -> float:
    """``float(x.std())`` of a 1-D float64 array, as NumPy's ``_var`` computes it.

    The mean is the pairwise sum over n, the squared deviations are summed the same way
    and divided by n, and the square root is correctly rounded either way."""
    n = x.size
    d = x - float(_add_reduce(x)) / n
    return math.sqrt(float(_add_reduce(d * d)) / n)


try:
    from numpy.fft import _pocketfft_umath  # type: ignore[attr-defined]  # (private: no stubs)

    def rfft_padded(x: np.ndarray, nfft: int) -> np.ndarray:
        """``np.fft.rfft(x, nfft)`` of a 1-D float64 array (the pocketfft routine np.fft.rfft calls)."""
        routine = _pocketfft_umath.rfft_n_even if nfft % 2 == 0 else _pocketfft_umath.rfft_n_odd
        return routine(x, 1, axes=[(0,), (), (0,)], out=np.empty(nfft // 2 + 1, complex))
except ImportError:  # pragma: no cover - another NumPy layout

    def rfft_padded(x: np.ndarray, nfft: int) -> np.ndarray:
        """``np.fft.rfft(x, nfft)``."""
        return np.fft.rfft(x, nfft)


try:
    from scipy.signal._peak_finding_utils import _local_maxima_1d
    from scipy.signal._sosfilt import _sosfilt

    def sosfilt_from(sos: np.ndarray, x: np.ndarray, zi: np.ndarray) -> np.ndarray:
        """``scipy.signal.sosfilt(sos, x, zi=zi)[0]`` of a 1-D float64 array (zi: (n_sections, 2))."""
        y = np.array(x, dtype=float, order="C")[np.newaxis]  # both filtered in place
        _sosfilt(sos, y, np.array(zi, dtype=float, order="C")[np.newaxis])
        return y[0]

    def local_maxima(x: np.ndarray) -> np.ndarray:
        """``scipy.signal.find_peaks(x)[0]`` (no conditions) of a 1-D float64 array."""
        return _local_maxima_1d(np.ascontiguousarray(x, dtype=np.float64))[0]
except ImportError:  # pragma: no cover - another SciPy layout

    def sosfilt_from(sos: np.ndarray, x: np.ndarray, zi: np.ndarray) -> np.ndarray:
        """``scipy.signal.sosfilt(sos, x, zi=zi)[0]`` of a 1-D float64 array."""
        return signal.sosfilt(sos, x, zi=zi)[0]

    def local_maxima(x: np.ndarray) -> np.ndarray:
        """``scipy.signal.find_peaks(x)[0]`` (no conditions)."""
        return signal.find_peaks(x)[0]
