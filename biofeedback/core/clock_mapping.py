"""The one device-clock to host-clock mapping (pure: it has no clock of its own).

Beats and samples carry the device's clock (sample index / fs, or the
device's own millis); the pacer, markers and sessions run on the host's
monotonic clock. Both are in seconds and tick at the same rate (a crystal's
drift is tens of ppm), so one offset maps them: ``host = device + offset_s``.

``DeviceClockMapping`` estimates that offset from arrivals: each output is
stamped with the host time it arrived, and host minus device is the true
offset plus the transport latency, so the smallest difference over the last
``window_s`` of arrivals is the estimate (the least-delayed arrival; a
window, not all time, so a device clock that drifts is followed). It moves
as arrivals come: right for drawing, wrong for anything that must never see
time run backwards. For those, ``pinned()`` gives a ``PinnedClockMapping``:
the estimate at one moment, fixed for as long as it is kept (a resonance
assessment's lifetime), so mapped times increase whenever device times do.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from biofeedback.core.pipeline import PipelineOutput

WINDOW_S = 5.0  # arrivals the offset estimate looks back over (host seconds)


@dataclass(frozen=True)
class PinnedClockMapping:
    """``host = device + offset_s`` with one fixed offset: never runs backwards."""

    offset_s: float

    def to_host(self, device_t_s: float) -> float:
        return device_t_s + self.offset_s

    def to_host_array(self, device_t_s: np.ndarray) -> np.ndarray:
        return np.asarray(device_t_s, dtype=float) + self.offset_s

    def to_device(self, host_t_s: float) -> float:
        return host_t_s - self.offset_s


class DeviceClockMapping:
    """Host-minus-device offset: the smallest seen over the last ``window_s`` of arrivals."""

    def __init__(self, window_s: float = WINDOW_S) -> None:
        self.window_s = float(window_s)
        self.offset_s: float | None = None  # None before the first arrival
        self.last_device_t_s: float | None = None
        self._recent: deque[tuple[float, float]] = deque()  # (host_t_s, offset), offsets increasing

    def observe(self, device_t_s: float, host_t_s: float) -> float:
        """Data up to ``device_t_s`` arrived at ``host_t_s``; the offset estimate now."""
        self.last_device_t_s = device_t_s
        offset = host_t_s - device_t_s
        recent = self._recent  # a monotonic deque: its front is the minimum of the window
        while recent and recent[-1][1] >= offset:
            recent.pop()
        recent.append((host_t_s, offset))
        cut = host_t_s - self.window_s
        while len(recent) > 1 and recent[0][0] < cut:
            recent.popleft()
        self.offset_s = recent[0][1]
        return self.offset_s

    def observe_output(self, out: PipelineOutput, host_t_s: float) -> None:
        """A pipeline output that arrived at ``host_t_s``: the end of each pulse-wave (or ECG,
        accelerometer) block, else its last beat.

        A gap in it may mean a restarted device clock: the window starts again
        (the last estimate stays until the next arrival).
        """
        for t_s in [b.t_s for b in out.ppg] + [b.t_s for b in out.signals]:
            if t_s.size:
                self.observe(float(t_s[-1]), host_t_s)
        if out.beats and not out.ppg and not out.signals:
            self.observe(out.beats[-1].t_s, host_t_s)
        if out.gaps:
            self._recent.clear()

    def to_host(self, device_t_s: float) -> float | None:
        return None if self.offset_s is None else device_t_s + self.offset_s

    def to_device(self, host_t_s: float) -> float | None:
        return None if self.offset_s is None else host_t_s - self.offset_s

    def pinned(self) -> PinnedClockMapping | None:
        """The estimate now, fixed (None before the first arrival)."""
        return None if self.offset_s is None else PinnedClockMapping(self.offset_s)
