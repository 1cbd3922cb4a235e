"""UI tests run offscreen with settings in a temporary directory; worker errors fail the test."""

from __future__ import annotations

import pytest
from qt_helpers import config_dir  # noqa: F401 (an autouse fixture)


@pytest.fixture
def make_window(qtbot):
    """Build a MainWindow; at teardown close it and fail on any worker error."""
    from biofeedback.app.settings import Settings
    from biofeedback.ui.main_window import MainWindow

    windows = []

    def make(settings: Settings | None = None, notice: str | None = None) -> MainWindow:
        settings = settings or Settings(first_run_notice_seen=True)
        window = MainWindow(settings, notice=notice)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        errors = list(window.worker_errors)
        window.close()
        assert not errors, "worker errors:\n" + "\n".join(errors)
