"""SciPy's not-a-knot cubic spline without its argument checks, for the live coherence.

``CubicSpline(t, rr)(grid)`` spends most of its ~250 us in input validation,
array-API dispatch and PPoly's checks; the live coherence builds one every
5 s of beats, on a short window it has already checked (finite, increasing,
one chain). ``not_a_knot_at`` does the same arithmetic in the same order
(CubicSpline's tridiagonal system for the first derivatives, solved by the
same LAPACK ``gtsv``; CubicHermiteSpline's coefficients; PPoly's evaluation),
so the values are SciPy's to the bit (tests/core/test_fast_spline.py holds
them to ``CubicSpline`` on random and real-like inputs).
"""

from __future__ import annotations

import numpy as np
from scipy.interpolate import PPoly
from scipy.linalg.lapack import dgtsv


def not_a_knot_at(x: np.ndarray, y: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """``CubicSpline(x, y)(grid)`` (not-a-knot, extrapolating) for 1-D float64 ``x``, ``y``.

    At least 4 points (CubicSpline treats 2 or 3 apart). Like CubicSpline, a ValueError
    when ``x`` is not finite and strictly increasing or ``y`` is not finite.
    """
    n = x.size
    dx = np.diff(x)
    if not (np.isfinite(x).all() and np.isfinite(y).all() and (dx > 0).all()):
        raise ValueError("a spline needs finite values at finite, strictly increasing x")
    slope = np.diff(y) / dx
    # CubicSpline.__init__, bc_type "not-a-knot" at both ends, n > 3
    a = np.zeros((3, n))  # banded: upper, diagonal, lower
    b = np.empty(n)
    a[1, 1:-1] = 2 * (dx[:-1] + dx[1:])
    a[0, 2:] = dx[:-1]
    a[-1, :-2] = dx[1:]
    b[1:-1] = 3 * (dx[1:] * slope[:-1] + dx[:-1] * slope[1:])
    a[1, 0] = dx[1]
    a[0, 1] = x[2] - x[0]
    d = x[2] - x[0]
    b[0] = ((dx[0] + 2 * d) * dx[1] * slope[0] + dx[0] ** 2 * slope[1]) / d
    a[1, -1] = dx[-2]
    a[-1, -2] = x[-1] - x[-3]
    d = x[-1] - x[-3]
    b[-1] = (dx[-1] ** 2 * slope[-2] + (2 * d + dx[-1]) * dx[-2] * slope[-1]) / d
    # solve_banded((1, 1), ...) calls gtsv with these diagonals, overwriting its copies
    _, _, _, s, info = dgtsv(a[2, :-1], a[1, :], a[0, 1:], b.reshape(n, 1), 1, 1, 1, 1)
    if info != 0:
        raise np.linalg.LinAlgError(f"gtsv failed ({info}) on the spline's system")
    s = s.reshape(n)
    # CubicHermiteSpline.__init__: the piecewise cubic from values and first derivatives
    t = (s[:-1] + s[1:] - 2 * slope) / dx
    c = np.empty((4, n - 1))  # (np.stack of the same rows: its checks cost more than the arithmetic)
    c[0] = t / dx
    c[1] = (slope - s[:-1]) / dx - t
    c[2] = s[:-1]
    c[3] = y[:-1]
    return PPoly.construct_fast(c, x)(grid)
