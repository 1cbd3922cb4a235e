"""UI tests run offscreen with settings in a temporary directory; worker errors fail the test."""

from __future__ import annotations

import pytest
from qt_helpers import config_dir  # noqa: F401 (an autouse fixture)


@pytest.fixture(autouse=True, scope="session")
def english_catalog(qapp):
    """The app installs its language before any window (ui/app_main.py); so do the tests: English,
    whose catalog holds the plural forms ("1 session", "2 sessions")."""
    from biofeedback.ui.i18n import install_language

    install_language(qapp, "en")


@pytest.fixture
def restore_language(qapp):
    """A test that switches language (or installs the pseudo-locale) leaves English behind it."""
    from PySide6.QtCore import QLocale

    from biofeedback.ui.i18n import install_language

    yield qapp
    for translator in getattr(qapp, "_pseudo", []):
        qapp.removeTranslator(translator)
    install_language(qapp, "en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


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
