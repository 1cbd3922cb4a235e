"""What the real-window screenshot tools share: a window manager on the X display (openbox, so windows
are decorated and maximised as on a desktop), fresh settings and data folders, a wait that keeps Qt's
event loop running, and a grab of the whole screen (ImageMagick's ``import``)."""

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


def wait(seconds: float) -> None:
    """Let the app run for ``seconds`` (its event loop turning, timers firing)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def grab(path: Path) -> None:
    subprocess.run(["import", "-window", "root", str(path)], check=True)
