"""The signal-processing modules (SciPy, ~0.5 s of imports), loaded on a thread once the window shows.

The window is built without them, so it is on screen ~0.5 s sooner; the first
connect, History, a session summary and adaptive pacing need them.
``start_after_first_paint(window)`` begins the imports on a daemon thread once
the window has painted (the pacer keeps moving meanwhile: the thread only
imports, and the GIL passes back every few ms); ``wait()``, called before
those actions, blocks until the imports are done, so the GUI thread never
imports the same modules at the same time as the thread (and each import
happens once). ``benchmarks/gui.py`` measures the frames during the warm-up.
"""

from __future__ import annotations

import importlib
import sys
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# what a connect and the first data import (beats, HRV, breathing, the simulator), heaviest first
MODULES = (
    "biofeedback.core.beats",
    "biofeedback.core.hrv",
    "biofeedback.core.respiration",
    "biofeedback.core.resonance",
    "biofeedback.core.adaptive_pacing",
    "biofeedback.io.simulator",
    "biofeedback.core.progress",
)

WARM_SWITCH_INTERVAL_S = 0.0005  # Python's default is 0.005
_thread: threading.Thread | None = None
timing: dict[str, float] = {}  # perf_counter at "start" and "done", for the benchmark
errors: list[str] = []  # a module that failed to import: the action that needs it reports it itself


def _import_all() -> None:
    # the GUI thread waits for the GIL up to one switch interval each time it wants it back:
    # shorter while this thread runs, so a frame is not held up 5 ms at a time
    interval = sys.getswitchinterval()
    sys.setswitchinterval(WARM_SWITCH_INTERVAL_S)
    try:
        for name in MODULES:
            try:
                importlib.import_module(name)
            except Exception as exc:  # e.g. a broken optional dependency: the GUI thread's import says why
                errors.append(f"{name}: {exc}")
    finally:
        sys.setswitchinterval(interval)
        timing["done"] = time.perf_counter()


def start() -> None:
    """Begin the imports on a daemon thread (once per process)."""
    global _thread
    if _thread is None:
        timing["start"] = time.perf_counter()
        _thread = threading.Thread(target=_import_all, name="warm imports", daemon=True)
        _thread.start()


def wait() -> None:
    """Block until the warm-up imports are done (at once when they are, or were never started)."""
    if _thread is not None and _thread.is_alive() and _thread is not threading.current_thread():
        _thread.join()


def done() -> bool:
    return _thread is not None and not _thread.is_alive()


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.then = window, then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._after_paint)  # once this paint pass (the whole window) is done
        return False

    def _after_paint(self) -> None:
        start()
        self.then()


def start_after_first_paint(window: QWidget, then: Callable[[], None] = lambda: None) -> None:
    """Start the imports when ``window`` first paints, then call ``then`` (e.g. a connect to wait for them)."""
    window.installEventFilter(_FirstPaint(window, then))
