"""NumPy's and SciPy's routines without their Python wrappers, for the small arrays of the live path.

The beat detectors filter a few samples at a time (every 0.1 s of PPG, every 50 ms of ECG)
and interpolate a beat's 40 points; the breathing estimate works every second on a 60 s
window of 240 points (live, and ~600 times in a simulated assessment). On arrays that small
``scipy.signal.lfilter``/``sosfilt``/``find_peaks``, ``np.interp``, ``np.clip``, ``np.fft.rfft``/``irfft``,
``ndarray.std`` and ``np.median`` spend more time checking, dispatching and reshaping
(10-50 us a call) than computing. These call the routine underneath on 1-D float64 arrays:
the same numbers, bit for bit, and the public function where another NumPy or SciPy layout
has no such routine. tests/core/test_beats_shortcuts.py and test_breathing_shortcuts.py
compare each with the public call. Private to core/ (an import-linter contract).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import signal

_add_reduce = np.add.reduce

try:
    from numpy._core.multiarray import interp as _compiled_interp

    def fast_interp(x, xp: np.ndarray, fp: np.ndarray):
        """``np.interp(x, xp, fp)`` for real ``fp`` (the routine np.interp calls for it)."""
        return _compiled_interp(x, xp, fp, None, None)
except ImportError:  # pragma: no cover - another NumPy layout

    def fast_interp(x, xp: np.ndarray, fp: np.ndarray):
        """``np.interp(x, xp, fp)`` for real ``fp``."""
        return np.interp(x, xp, fp)


try:
    from numpy._core.umath import clip as clip_ufunc  # type: ignore[attr-defined]  # (np.clip's ufunc, unwrapped)
except ImportError:  # pragma: no cover - another NumPy layout
    clip_ufunc = np.clip


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
        """``scipy.signal.sosfilt(sos, x, zi=zi)`` of a 1-D array (zi: (n_sections, 2)): (y, zf)."""
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


try:
    from scipy.signal._peak_finding_utils import _local_maxima_1d

    def local_maxima(x: np.ndarray) -> np.ndarray:
        """``scipy.signal.find_peaks(x)[0]`` (no conditions) of a 1-D float64 array."""
        return _local_maxima_1d(np.ascontiguousarray(x, dtype=np.float64))[0]
except ImportError:  # pragma: no cover - another SciPy layout

    def local_maxima(x: np.ndarray) -> np.ndarray:
        """``scipy.signal.find_peaks(x)[0]`` (no conditions)."""
        return signal.find_peaks(x)[0]


try:
    from numpy.fft import _pocketfft_umath  # type: ignore[attr-defined]  # (private: no stubs)

    def rfft_padded(x: np.ndarray, nfft: int) -> np.ndarray:
        """``np.fft.rfft(x, nfft)`` of a 1-D float64 array (the pocketfft routine np.fft.rfft calls)."""
        routine = _pocketfft_umath.rfft_n_even if nfft % 2 == 0 else _pocketfft_umath.rfft_n_odd
        return routine(x, 1, axes=[(0,), (), (0,)], out=np.empty(nfft // 2 + 1, complex))

    def irfft_real(f: np.ndarray, n: int) -> np.ndarray:
        """``np.fft.irfft(f, n)`` of a 1-D complex128 array (the pocketfft routine, scaled by 1/n as it is)."""
        return _pocketfft_umath.irfft(f, 1.0 / n, axes=[(0,), (), (0,)], out=np.empty(n))
except ImportError:  # pragma: no cover - another NumPy layout

    def rfft_padded(x: np.ndarray, nfft: int) -> np.ndarray:
        """``np.fft.rfft(x, nfft)``."""
        return np.fft.rfft(x, nfft)

    def irfft_real(f: np.ndarray, n: int) -> np.ndarray:
        """``np.fft.irfft(f, n)``."""
        return np.fft.irfft(f, n)


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
