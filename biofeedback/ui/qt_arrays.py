"""NumPy arrays into Qt's point containers without a Python loop (and without importing pyqtgraph).

The window's first paint must not wait for pyqtgraph (~0.3 s of imports):
the pacer draws its wave through this, and the live plots' items too.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shiboken6
from PySide6.QtGui import QPolygonF

# (address object, size in bytes, writeable): its stub knows only VoidPtr(int)
_VoidPtr: Any = shiboken6.VoidPtr


def polygon(x: np.ndarray, y: np.ndarray, reuse: QPolygonF | None = None) -> QPolygonF:
    """A QPolygonF of the points (x[i], y[i]); NumPy writes into its memory (``reuse``'s when given)."""
    poly = reuse if reuse is not None else QPolygonF()
    n = len(x)
    poly.resize(n)
    if n:
        memory = np.frombuffer(_VoidPtr(poly.data(), n * 16, True), dtype=np.float64).reshape(n, 2)
        memory[:, 0] = x
        memory[:, 1] = y
    return poly
