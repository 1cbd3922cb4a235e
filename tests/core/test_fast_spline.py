"""The live coherence's spline (``not_a_knot_at``) is SciPy's ``CubicSpline(x, y)(grid)`` to the bit.

The live coherence on screen must equal the one an export or the summary
computes with SciPy, so the shortcut is compared with the plain call, values
and errors alike.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.interpolate import CubicSpline

from biofeedback.core.hrv.coherence import coherence_of_beats
from biofeedback.core.hrv.fast_spline import not_a_knot_at

RNG = np.random.default_rng(11)


@pytest.mark.parametrize("n", [4, 5, 9, 70, 300])
def test_not_a_knot_at_is_cubic_spline_to_the_bit(n):
    for _ in range(40):
        rr = RNG.uniform(300.0, 1500.0, n)
        t = np.cumsum(rr) / 1000.0 + RNG.uniform(-50.0, 5000.0)
        # inside, outside (extrapolated) and exactly on the knots
        grid = np.concatenate((RNG.uniform(t[0] - 3.0, t[-1] + 3.0, 200), t))
        assert np.array_equal(not_a_knot_at(t, rr, grid), CubicSpline(t, rr)(grid))


def test_not_a_knot_at_takes_column_views_as_the_live_window_gives_them():
    beats = np.column_stack((np.cumsum(RNG.uniform(700.0, 1100.0, 80)) / 1000.0, RNG.uniform(700.0, 1100.0, 80)))
    t, rr = beats[:, 0], beats[:, 1]  # strided views, as LiveHrv's np.array(deque)[:, k]
    grid = t[-1] - (255 - np.arange(256)) / 4.0
    assert np.array_equal(not_a_knot_at(t, rr, grid), CubicSpline(t, rr)(grid))


@pytest.mark.parametrize("bad", ["repeated_x", "decreasing_x", "nan_y", "inf_x"])
def test_not_a_knot_at_refuses_what_cubic_spline_refuses(bad):
    t = np.arange(6, dtype=float)
    rr = np.full(6, 800.0)
    if bad == "repeated_x":
        t[3] = t[2]
    elif bad == "decreasing_x":
        t = t[::-1].copy()
    elif bad == "nan_y":
        rr[2] = np.nan
    else:
        t[-1] = np.inf
    with pytest.raises(ValueError):
        CubicSpline(t, rr)
    with pytest.raises(ValueError):
        not_a_knot_at(t, rr, np.linspace(0.0, 5.0, 11))


def test_live_coherence_of_beats_is_the_ratio_of_the_scipy_spline():
    from biofeedback.core.hrv.coherence import coherence_of_samples

    rr = 900.0 + 80.0 * np.sin(np.arange(90) * 0.6) + RNG.normal(0.0, 10.0, 90)
    t = np.cumsum(rr) / 1000.0
    grid = t[-1] - (255 - np.arange(256)) / 4.0
    expected = float(coherence_of_samples(CubicSpline(t, rr)(grid))[0])
    assert coherence_of_beats(t, rr, float(t[-1]), 64.0) == expected
