"""The picker's "Bluetooth strap" entry against a virtual strap: scan list, choice, the source it makes."""

from __future__ import annotations

import pytest
from virtual_strap import VirtualStrap

from biofeedback.app.settings import Settings
from biofeedback.app.sources import BLE, make_source
from biofeedback.core.types import DeviceBeat
from biofeedback.io.ble_source import BleHeartRateSource
from biofeedback.io.source import CONNECTED


@pytest.fixture
def virtual_bluetooth(air, monkeypatch):
    monkeypatch.setenv("BIOFEEDBACK_BLE_BACKEND", "air:current_backend")  # the app's bleak goes to this air
    return air


def test_find_straps_lists_them_and_the_chosen_one_is_used(qtbot, virtual_bluetooth, record):
    from biofeedback.ui.source_panel import KINDS, SourcePanel

    strap = VirtualStrap(virtual_bluetooth)
    panel = SourcePanel(Settings())
    qtbot.addWidget(panel)
    panel.kind.setCurrentIndex([k for k, _ in KINDS].index(BLE))
    assert panel.kind.currentText() == "Bluetooth strap"
    panel.ble_scan.click()
    assert not panel.ble_scan.isEnabled()  # scanning, off the GUI thread
    qtbot.waitUntil(lambda: panel.ble_scan.isEnabled(), timeout=8000)
    assert panel.ble_strap.count() == 1 and panel.ble_note.text() == ""
    label = panel.ble_strap.itemText(0)
    assert strap.name in label and "dBm" in label and strap.address in label
    settings = panel.store()
    assert settings.source_kind == BLE and settings.ble_address == strap.address
    source = make_source(settings)
    assert isinstance(source, BleHeartRateSource)
    source.start(record.on_events, record.on_state)
    try:
        assert record.wait_for(lambda r: r.said(CONNECTED))
        virtual_bluetooth.call(strap.notify(bytes([0x16, 60, 0x00, 0x04])))
        assert record.wait_for(lambda r: r.of(DeviceBeat))
    finally:
        source.stop()


def test_the_first_strap_found_is_remembered(virtual_bluetooth, record):
    strap = VirtualStrap(virtual_bluetooth)
    settings = Settings(source_kind=BLE, ble_address="")
    source = make_source(settings)
    source.start(record.on_events, record.on_state)
    try:
        assert record.wait_for(lambda r: r.said(CONNECTED))
    finally:
        source.stop()
    assert settings.ble_address == strap.address


def test_no_strap_nearby_is_said_in_the_panel(qtbot, virtual_bluetooth):
    from biofeedback.ui.source_panel import SourcePanel

    panel = SourcePanel(Settings(ble_address="C0:11:22:33:44:55"))
    qtbot.addWidget(panel)
    panel.strap_scan_s = 0.3  # nobody on the air: the scan runs out
    panel.scan_straps()
    qtbot.waitUntil(lambda: panel.ble_scan.isEnabled(), timeout=5000)
    assert "No strap found" in panel.ble_note.text()
    assert panel.ble_strap.currentText() == "C0:11:22:33:44:55"  # the remembered one stays
