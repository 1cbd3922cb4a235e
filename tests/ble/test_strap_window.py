"""The whole app on a virtual strap: pick it in the window, connect, beats and status on screen."""

from __future__ import annotations

import asyncio

import pytest
from qt_helpers import config_dir  # noqa: F401 (autouse: settings in a temporary folder)
from virtual_strap import VirtualStrap, schedule

from biofeedback.app.sources import BLE
from biofeedback.io.ble_source import CONTACT_AGAIN_TEXT, NO_CONTACT_TEXT


@pytest.fixture
def make_window(qtbot):
    from biofeedback.app.settings import Settings
    from biofeedback.ui.main_window import MainWindow

    windows = []

    def make(settings: Settings) -> MainWindow:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        errors = list(window.worker_errors)
        window.close()
        assert not errors, "worker errors:\n" + "\n".join(errors)


def test_the_window_shows_the_strap_beats_and_says_when_contact_is_lost(qtbot, air, monkeypatch, make_window):
    from biofeedback.app.settings import Settings

    monkeypatch.setenv("BIOFEEDBACK_BLE_BACKEND", "air:current_backend")
    strap = VirtualStrap(air)
    beats, t = [], -4.0
    while t < 20:
        t += 0.8
        beats.append(t)
    plan = schedule(beats, 16.0, period_s=0.5, no_contact=(6.0, 9.0))
    window = make_window(Settings(first_run_notice_seen=True, source_kind=BLE))  # no address: the first found
    window.connect_source()
    asyncio.run_coroutine_threadsafe(strap.play(plan.notifications, speed=4.0), air.loop)
    notice = window.ui.status.notice
    qtbot.waitUntil(lambda: window.live.pipeline_beats >= 4, timeout=10000)
    qtbot.waitUntil(lambda: notice.full_text == NO_CONTACT_TEXT, timeout=5000)
    qtbot.waitUntil(lambda: notice.full_text == CONTACT_AGAIN_TEXT, timeout=5000)
    qtbot.waitUntil(lambda: window.live.pipeline_beats >= 8, timeout=5000)
    assert "connected (ble-hrm)" in window.ui.status.connection.text()
    assert window.settings.ble_address == strap.address  # the strap found is remembered
