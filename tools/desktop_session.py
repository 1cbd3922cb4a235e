"""What the real-window screenshot tools share: a window manager on the X display (openbox, so windows
are decorated and maximised as on a desktop), fresh settings and data folders, an LSL session of the
run's own, waits that keep Qt's event loop running, a sped-up clock, and a grab of the whole screen
(ImageMagick's ``import``)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def on_a_desktop(run: Callable[[], int], prefix: str = "biofeedback-xvfb") -> int:
    """``run()`` with openbox on $DISPLAY and empty config and data folders; 2 without a display."""
    if not os.environ.get("DISPLAY"):
        print("run me under xvfb-run (see the docstring)", file=sys.stderr)
        return 2
    os.environ["BIOFEEDBACK_CONFIG_DIR"] = tempfile.mkdtemp(prefix=f"{prefix}-")
    os.environ["BIOFEEDBACK_DATA_DIR"] = tempfile.mkdtemp(prefix=f"{prefix}-data-")
    wm = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)  # the window manager takes the screen before the first window maps
        return run()
    finally:
        wm.terminate()
        wm.wait(5)


def own_lsl_session(name: str) -> None:
    """An LSL session of this run's own (liblsl's SessionID): a coach view sees this run's clients
    only, not other streams on the machine or the network; processes started later inherit it."""
    cfg = Path(os.environ["BIOFEEDBACK_CONFIG_DIR"]) / "lsl_api.cfg"
    cfg.write_text(f"[lab]\nSessionID = {name}-{os.getpid()}\n")
    os.environ["LSLAPICFG"] = str(cfg)


def fast_clock(speed: float) -> Callable[[], float]:
    """A monotonic clock running ``speed`` times faster than the wall, from now."""
    t0 = time.monotonic()
    return lambda: t0 + speed * (time.monotonic() - t0)


def wait(seconds: float) -> None:
    """Let the app run for ``seconds`` (its event loop turning, timers firing)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], timeout_s: float = 15.0) -> None:
    """Let the app run until ``condition()`` or ``timeout_s`` passed."""
    end = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < end:
        wait(0.05)


def grab(path: Path) -> None:
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print(path)
