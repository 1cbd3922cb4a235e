"""What the first paint does not need, loaded after it: the Qt-free modules on a thread.

The window is built without pyqtgraph (~0.3 s), the session store's modules
(~0.1 s) and the signal-processing ones (SciPy, ~0.5 s), so it is on screen
that much sooner. After the first paint the window builds its plots on the GUI
thread (pyqtgraph must be imported there: PySide's lazy set-up of its types is
not thread-safe), then calls ``resume()``; ``start_after_first_paint(window)``
has started a daemon thread that waits for that (at most PAUSE_AT_MOST_S), then
imports MODULES. ``wait()``, called before the actions that need them (the
first connect, History, a session summary, adaptive pacing), blocks until all
are in, so the GUI thread never imports a module at the same time as the thread
(and each import happens once); ``loading`` and ``wait_for`` do so for one.
``benchmarks/gui.py`` measures the frames during the warm-up.
"""

from __future__ import annotations

import importlib
import sys
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# Qt-free modules only: PySide's lazy set-up of its types is not thread-safe, and pyqtgraph imported
# here (it walks every Qt class) crashed the window about one launch in fifty. The session store's
# modules first (the window attaches the store once they are in), then what a connect and the
# first data import (beats, HRV, breathing, the simulator).
MODULES = (
    "biofeedback.io.store",
    "biofeedback.io.replay",
    "biofeedback.io.exports",
    "biofeedback.core.summary.session",
    "biofeedback.core.beats.ppg",
    "biofeedback.core.hrv.time_domain",
    "biofeedback.core.breathing.respiration",
    "biofeedback.core.resonance.scoring",
    "biofeedback.core.breathing.adaptive_pacing",
    "biofeedback.io.simulator",
    "biofeedback.core.practice.progress",
)
STORE_MODULES_IN = "biofeedback.core.summary.session"  # the last of the store's modules

WARM_SWITCH_INTERVAL_S = 0.0005  # Python's default is 0.005
PAUSE_AT_MOST_S = 3.0  # the thread starts once the GUI thread says resume(), or after this
_thread: threading.Thread | None = None
timing: dict[str, float] = {}  # perf_counter at "start" and "done", for the benchmark
errors: list[str] = []  # a module that failed to import: the action that needs it reports it itself
_imported = {name: threading.Event() for name in MODULES}  # set once a module's import ended (or failed)
_resumed = threading.Event()


def _import_all() -> None:
    # first the GUI thread imports pyqtgraph and builds the window's plots (~0.4 s of Python): alone,
    # not against these imports for the interpreter lock, which made the pacer stall twice as long
    _resumed.wait(PAUSE_AT_MOST_S)
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
                _imported[name].set()
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
        _resumed.set()  # whoever waits for all of them needs them now: no pause for the plots
        _thread.join()


def done() -> bool:
    return _thread is not None and not _thread.is_alive()


def resume() -> None:
    """Let the warm-up thread begin (the window's plots are built)."""
    _resumed.set()


def loading(name: str) -> bool:
    """True while the warm-up thread has yet to finish importing ``name`` (one of MODULES)."""
    return _thread is not None and not _imported[name].is_set()


def wait_for(name: str) -> None:
    """Block until the warm-up thread imported ``name`` (at once when it did, or was never started)."""
    if loading(name) and _thread is not threading.current_thread():
        _resumed.set()
        _imported[name].wait()


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
        self.then()


def start_after_first_paint(window: QWidget, then: Callable[[], None] = lambda: None) -> None:
    """Start the imports when ``window`` first paints, then call ``then`` (e.g. a connect to wait for them)."""
    def start_then() -> None:
        start()
        then()

    window.installEventFilter(_FirstPaint(window, start_then))


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` once ``window`` has painted for the first time (when that whole paint pass is done)."""
    window.installEventFilter(_FirstPaint(window, then))
