"""Launch the desktop app, or explain what to do when there is no display."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

# Platforms that need no display server (rendering off screen) or that
# bring their own (a framebuffer, VNC).
_SELF_CONTAINED_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "minimalegl")

NO_DISPLAY_MESSAGE = (
    "biofeedback: no display found (DISPLAY / WAYLAND_DISPLAY are not set), so the "
    "window cannot open.\n"
    "Use the headless commands instead:\n"
    "  biofeedback simulate   run the simulated sensor and print live metrics\n"
    "  biofeedback record     record a serial sensor to a file\n"
    "  biofeedback analyze    compute HRV metrics from a recording\n"
    "or set QT_QPA_PLATFORM=offscreen to run the window without a screen."
)


def display_available() -> bool:
    """True when Qt can open a window here without aborting."""
    if sys.platform in ("win32", "darwin"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in _SELF_CONTAINED_PLATFORMS:
        return True
    if platform in ("xcb", ""):
        if os.environ.get("DISPLAY"):
            return True
        if platform == "" and os.environ.get("WAYLAND_DISPLAY"):
            return True
        return False
    if platform.startswith("wayland"):
        return bool(os.environ.get("WAYLAND_DISPLAY"))
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _attach_store(window, then: Callable[[], None] | None = None) -> None:
    """Sessions saved, check-ins, markers (M, N), history (Ctrl+H): once the warm-up thread imported the
    store's Qt-free modules (~0.1 s), so the frames after the paint are not held up by them; then ``then``."""
    from PySide6.QtCore import QTimer

    from biofeedback.ui import warm_imports

    def attach() -> None:
        if warm_imports.loading(warm_imports.STORE_MODULES_IN):
            return
        poll.stop()
        from biofeedback.ui.store_integration import install_session_store

        install_session_store(window)
        if then is not None:
            then()

    poll = QTimer(window)
    poll.timeout.connect(attach)
    poll.start(20)


def open_window(simulate: bool = False, presentation: bool = False):
    """Everything the app does before the event loop: settings, the main window, shown; then the store.

    Returns ``(app, window)``. ``benchmarks/gui.py`` times this same path from
    process spawn to the first paint, so the figure is what a user waits for.
    What the first paint does not show waits for it: the plots are built
    (pyqtgraph imported, main_window.py), then the store's modules and the
    signal modules load on a thread (ui/warm_imports.py) and the session store
    is attached once its modules are in.
    """
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.settings import load_settings
    from biofeedback.ui import warm_imports
    from biofeedback.ui.app_icon import set_app_identity
    from biofeedback.ui.i18n import install_language
    from biofeedback.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_app_identity()
    settings, notice = load_settings()
    install_language(app, settings.language)  # before any widget is built: every text is read once
    if simulate:
        settings.source_kind = "simulated"
    window = MainWindow(settings, notice=notice)
    if simulate:
        window.ui.sources.load(settings)
    # the modules the first paint does not need load on a thread once the window is on screen; with
    # --simulate the connect follows the store (and waits for the signal modules)
    warm_imports.start_after_first_paint(window)
    warm_imports.after_first_paint(window, lambda: _attach_store(window, window.connect_source if simulate else None))
    window.show()
    window.show_first_run_notice_if_needed()
    if presentation:  # with two screens: the client view on the chosen one (ui/window_look.py)
        window.look.toggle_presentation()
    return app, window


def quit_when(app, window, after_s: float | None, beats: int | None) -> None:
    """Quit once ``beats`` beats arrived or ``after_s`` seconds passed, whichever comes first,
    printing one line of what a person would have seen (the window, the source connected, beats):
    a check of an installed app or a bundle. Exit status 1 when the beats asked for never came."""
    from PySide6.QtCore import QTimer

    started_s = time.monotonic()

    def report() -> None:
        poll.stop()
        n_beats = len(window.model.beats)
        shown = "shown" if window.isVisible() else "not shown"
        connected = "connected" if window.live.connected else "not connected"
        print(f"biofeedback: after {time.monotonic() - started_s:.1f} s: window {shown}, source {connected}, "
              f"{n_beats} beats", flush=True)
        window.close()
        app.exit(1 if beats is not None and n_beats < beats else 0)

    def check() -> None:
        if beats is not None and len(window.model.beats) >= beats:
            report()

    poll = QTimer(window)
    poll.timeout.connect(check)
    poll.start(100)
    if after_s is not None:
        QTimer.singleShot(round(after_s * 1000), report)


def run_gui(simulate: bool = False, presentation: bool = False, quit_after_s: float | None = None,
            quit_after_beats: int | None = None) -> int:
    """Open the main window; returns the process exit code (2 when no display, or a system library
    Qt needs for it is missing)."""
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from biofeedback.ui.x11_libraries import missing_library_message

    if missing := missing_library_message():  # Qt would abort with a plugin error
        print(missing, file=sys.stderr)
        return 2
    app, window = open_window(simulate, presentation)
    if quit_after_s is not None or quit_after_beats is not None:
        quit_when(app, window, quit_after_s, quit_after_beats)
    code = int(app.exec())
    if window.isVisible():  # quit from elsewhere: still stop the source and save settings
        window.close()
    return code
