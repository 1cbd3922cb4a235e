"""Port field: a typed path or pyserial URL is used as typed; a saved port that is missing says so."""

from __future__ import annotations

import pytest

from biofeedback.app import sources
from biofeedback.app.settings import Settings
from biofeedback.ui.source_panel import SourcePanel

LISTED = [sources.PortChoice("/dev/ttyS0", "/dev/ttyS0 — built-in"),
          sources.PortChoice("/dev/ttyACM0", "/dev/ttyACM0 — Arduino (pulsesensor)")]


@pytest.fixture
def listed_ports(monkeypatch):
    monkeypatch.setattr("biofeedback.ui.source_panel.list_port_choices", lambda: (list(LISTED), None))


def panel_for(qtbot, port: str) -> SourcePanel:
    panel = SourcePanel(Settings(source_kind="serial", serial_port=port))
    qtbot.addWidget(panel)
    return panel


def test_a_listed_port_is_chosen_by_its_device_not_its_label(qtbot, listed_ports):
    panel = panel_for(qtbot, "/dev/ttyACM0")
    assert panel.store().serial_port == "/dev/ttyACM0" and panel.missing_port_message() is None


@pytest.mark.parametrize("typed", ["socket://localhost:7000", "/tmp/biofeedback-sim-pty", "rfc2217://host:4000"])
def test_a_typed_path_or_url_is_used_as_typed(qtbot, listed_ports, typed):
    panel = panel_for(qtbot, "")
    panel.port.setEditText(typed)
    assert panel.store().serial_port == typed
    assert panel.refresh_ports() is None
    assert panel.store().serial_port == typed  # refreshing the list keeps what was typed


def test_a_missing_saved_port_stays_chosen_and_is_marked_not_found(qtbot, listed_ports):
    panel = panel_for(qtbot, "/dev/ttyUSB3")
    assert panel.port.currentText() == "/dev/ttyUSB3 — not found"
    assert panel.store().serial_port == "/dev/ttyUSB3"  # not silently /dev/ttyS0
    assert "Sensor not found at /dev/ttyUSB3" in panel.missing_port_message()
    LISTED.append(sources.PortChoice("/dev/ttyUSB3", "/dev/ttyUSB3 — CH340"))
    try:
        panel.refresh_ports()  # plugged in now
        assert panel.port.currentText() == "/dev/ttyUSB3 — CH340" and panel.missing_port_message() is None
    finally:
        LISTED.pop()


def test_a_saved_url_is_restored_into_the_field(qtbot, listed_ports):
    panel = panel_for(qtbot, "socket://127.0.0.1:7001")
    assert panel.store().serial_port == "socket://127.0.0.1:7001" and panel.missing_port_message() is None


def test_a_saved_pty_of_a_running_simulator_is_kept_as_typed(qtbot, listed_ports):
    import os
    import pty

    leader, follower = pty.openpty()
    try:
        path = os.ttyname(follower)  # a real pty: exists, but list_ports does not list it
        panel = panel_for(qtbot, path)
        assert panel.store().serial_port == path and panel.missing_port_message() is None
    finally:
        os.close(leader)
        os.close(follower)


def test_the_source_picker_is_disabled_while_connected_and_says_why(qtbot, listed_ports):
    panel = panel_for(qtbot, "/dev/ttyACM0")
    panel.set_connected(True)
    assert not panel.kind.isEnabled() and "Disconnect first" in panel.kind.toolTip()
    panel.set_connected(False)
    assert panel.kind.isEnabled() and panel.kind.toolTip() == ""
