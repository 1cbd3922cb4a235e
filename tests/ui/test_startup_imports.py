"""The window shows before SciPy, pylsl and pyqtgraph are imported; then the plots are built and the
signal modules load on their thread.

A real child process (a fresh interpreter, as a user's launch): ``open_window``
must not pull SciPy (~0.5 s), pylsl or pyqtgraph (~0.3 s) in, or the launch target
(benchmarks/gui.py, at most 3x an empty Qt window) is lost again; after the first
paint the plots are built in their places, the warm-up thread imports the signal
modules (and the GUI thread none of SciPy meanwhile), and a connect to the simulated sensor works.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

CHILD = r"""
import json, sys, threading, time
from PySide6.QtCore import QTimer

FOUND = []  # the thread that first looked for each SciPy module

class NoteScipy:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "scipy":
            FOUND.append(threading.current_thread().name)
        return None  # (the normal finders go on)

sys.meta_path.insert(0, NoteScipy())
from biofeedback.ui import warm_imports
from biofeedback.ui.app_main import open_window

app, window = open_window()
seen = {"scipy_at_show": "scipy" in sys.modules, "pylsl_at_show": "pylsl" in sys.modules,
        "pyqtgraph_at_show": "pyqtgraph" in sys.modules}

def check():
    if warm_imports.done():
        seen["scipy_after_warmup"] = "scipy.signal" in sys.modules
        seen["scipy_found_by_gui_thread"] = FOUND.count("MainThread")
        seen["plots_after_paint"] = window.ui.plots_built and window.ui.pulse.isVisible()
        seen["errors"] = warm_imports.errors
        window.connect_source()  # the simulated sensor (the default source)
        seen["connected_at"] = time.monotonic()
        wait_beats()
    else:
        QTimer.singleShot(20, check)

def wait_beats():
    if len(window.model.beats) or time.monotonic() - seen["connected_at"] > 12:
        finish()
    else:
        QTimer.singleShot(50, wait_beats)

def finish():
    seen["samples"] = len(window.model.ppg)
    seen["beats"] = len(window.model.beats)
    seen["worker_errors"] = window.worker_errors
    print(json.dumps(seen), flush=True)
    window.close()
    app.quit()

QTimer.singleShot(20, check)
QTimer.singleShot(30000, app.quit)
app.exec()
"""


def test_the_window_shows_without_scipy_and_pylsl_then_they_load_and_a_source_connects(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BIOFEEDBACK_CONFIG_DIR=str(tmp_path / "config"),
               BIOFEEDBACK_DATA_DIR=str(tmp_path / "data"))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(json.dumps({"first_run_notice_seen": True}))
    proc = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    assert proc.returncode == 0 and lines, proc.stderr[-2000:]
    seen = json.loads(lines[-1])
    assert not seen["scipy_at_show"] and not seen["pylsl_at_show"] and not seen["pyqtgraph_at_show"]
    assert seen["plots_after_paint"]
    assert seen["scipy_after_warmup"] and seen["errors"] == []
    # the GUI thread imported none of SciPy while the warm-up thread did (an import there stalled the
    # pacer ~0.6 s: the practice panel read today's plan, whose module imports scipy.stats)
    assert seen["scipy_found_by_gui_thread"] == 0
    assert seen["samples"] > 0 and seen["beats"] >= 1 and seen["worker_errors"] == []
