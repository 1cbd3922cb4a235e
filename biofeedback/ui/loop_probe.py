"""How late the GUI event loop runs: a 5 ms timer's lateness, the time the GUI thread was busy elsewhere.

Used by the responsiveness test and ``benchmarks/gui.py``: while an operation
runs (connect, stop, export, replay), every tick that comes late by more than
one 60 Hz frame is a stutter the user sees.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer

PROBE_MS = 5


class LoopProbe(QObject):
    """Collects tick times of a PreciseTimer; ``lateness_ms`` since the last ``begin``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.ticks: list[float] = [time.perf_counter()]
        self.timer.start(PROBE_MS)

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def begin(self) -> None:
        self.ticks = [time.perf_counter()]

    def lateness_ms(self) -> np.ndarray:
        return np.maximum(np.diff(self.ticks) * 1000.0 - PROBE_MS, 0.0)

    def figures(self) -> dict:
        """p95 and max lateness (ms) and the number of ticks since ``begin``."""
        late = self.lateness_ms()
        if not late.size:
            return {"p95_ms": float("nan"), "max_ms": float("nan"), "ticks": 0}
        return {"p95_ms": float(np.percentile(late, 95)), "max_ms": float(late.max()), "ticks": int(late.size)}
