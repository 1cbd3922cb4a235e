"""UI tests run offscreen with settings in a temporary directory; worker errors fail the test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    """Every test gets its own settings directory (never the user's)."""
    directory = tmp_path / "config"
    monkeypatch.setenv("BIOFEEDBACK_CONFIG_DIR", str(directory))
    return directory


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
