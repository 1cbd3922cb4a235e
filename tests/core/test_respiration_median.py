"""The breathing estimate's outlier screen takes its medians without np.median's machinery: same numbers."""

from __future__ import annotations

import numpy as np

from biofeedback.core.breathing.respiration import _median_of_finite


def test_median_of_finite_values_is_np_median_to_the_bit():
    rng = np.random.default_rng(5)
    for k in range(3000):
        n = int(rng.integers(1, 130))  # odd and even lengths
        x = rng.standard_normal(n) * 10 ** rng.uniform(-3, 5)
        if k % 3 == 0:
            x = np.round(x, 1)  # ties
        if k % 5 == 0:
            x = rng.integers(-3, 3, n).astype(float)  # many equal values, zeros of both signs
            x[x == 0] *= -1.0 if k % 2 else 1.0
        got, want = _median_of_finite(x), np.median(x)
        assert got.tobytes() == want.tobytes(), (x, got, want)
