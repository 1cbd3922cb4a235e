"""The host clock, injectable: the monotonic clock in the app, a virtual one in tests.

A ``Clock`` is a callable returning seconds; everything that reads the host's
time takes one (``LiveSession``, ``MainWindow``, the simulated sensor), and the
app passes ``time.monotonic``. ``ManualClock`` moves only when told
(``advance``), so a test can run the whole live path (simulator on a pty,
serial reader, pipeline, live session, wizard) in virtual time: the host
stamps are then the same whatever the machine's load. A thread that paces
itself by the clock (the simulator's server) sleeps with ``sleep_until``,
which waits for a ``ManualClock`` to be advanced and for real time otherwise.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Clock = Callable[[], float]


class ManualClock:
    """Seconds that pass only when ``advance`` is called (thread-safe)."""

    def __init__(self, t0_s: float = 0.0) -> None:
        self._t_s = float(t0_s)
        self._moved = threading.Condition()
        self._waits: list[float] = []  # the times threads in wait_until wait for

    def __call__(self) -> float:
        return self._t_s

    def advance(self, dt_s: float) -> float:
        """Move the clock ``dt_s`` (>= 0) seconds on and wake whoever waits for it; the new time."""
        if dt_s < 0:
            raise ValueError("a clock does not run backwards")
        with self._moved:
            self._t_s += float(dt_s)
            self._moved.notify_all()
            return self._t_s

    @property
    def n_waiting(self) -> int:
        """Threads blocked in ``wait_until`` for a time still to come: when every thread that
        paces itself by the clock waits, nothing more happens until the clock moves, and a test
        may move it. (A thread whose time has come is about to run: not counted.)"""
        with self._moved:
            return sum(t_s > self._t_s for t_s in self._waits)

    def wait_until(self, t_s: float, stop: threading.Event | None = None, poll_s: float = 0.02) -> bool:
        """Block until the clock reads ``t_s`` or later (True) or ``stop`` is set (False)."""
        with self._moved:
            self._waits.append(t_s)
            try:
                while self._t_s < t_s:
                    if stop is not None and stop.is_set():
                        return False
                    self._moved.wait(poll_s)  # polls: a set ``stop`` does not notify
            finally:
                self._waits.remove(t_s)
        return True


def sleep_until(clock: Clock, t_s: float, stop: threading.Event) -> bool:
    """Wait until ``clock()`` reads ``t_s`` (True) or ``stop`` is set (False).

    A ``ManualClock`` is waited for; any other clock is taken to run in real
    seconds (``time.monotonic``) and the wait is ``t_s - clock()`` of them.
    """
    if isinstance(clock, ManualClock):
        return clock.wait_until(t_s, stop)
    return not stop.wait(max(t_s - clock(), 0.0))
