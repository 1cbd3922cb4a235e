"""The app's LSL entries: streaming from the Tools menu shows "streaming", the coach view opens,
the LSL and Bluetooth sources are in the picker. Real window, real pylsl on loopback."""

from __future__ import annotations

import uuid

import pylsl

from biofeedback.app.settings import Settings
from biofeedback.app.sources import make_source
from biofeedback.io.ble_source import BleHeartRateSource
from biofeedback.io.lsl_outlets import source_id
from biofeedback.io.lsl_source import LslSource


def test_streaming_from_the_menu_publishes_and_says_so(make_window, qtbot):
    name = f"win-{uuid.uuid4().hex[:6]}"
    window = make_window(Settings(first_run_notice_seen=True, lsl_name=name))
    controls = window.lsl
    assert controls.label.text() == "" and not controls.streaming  # off by default
    controls.stream_action.trigger()
    assert controls.label.text() == f"streaming on LSL as {name}"
    assert window.settings.lsl_enabled
    found = pylsl.resolve_byprop("source_id", source_id(name, "Pacer"), 1, 5.0)
    assert found and found[0].nominal_srate() == 10.0
    controls.stream_action.trigger()
    assert controls.label.text() == "" and not window.settings.lsl_enabled
    coach = controls.open_coach()
    qtbot.waitExposed(coach)
    assert coach.isVisible() and "read-only" in coach.windowTitle()
    before = coach.font_pt
    coach.set_font_pt(before * 2)  # presentation type
    assert coach.font_pt == 2 * before and coach.empty.font().pointSizeF() == 2 * before


def test_saved_streaming_choice_turns_it_on_at_start(make_window):
    name = f"win-{uuid.uuid4().hex[:6]}"
    window = make_window(Settings(first_run_notice_seen=True, lsl_enabled=True, lsl_name=name))
    assert window.lsl.streaming and window.lsl.stream_action.isChecked()


def test_lsl_and_bluetooth_sources_in_the_picker(make_window):
    window = make_window()
    panel = window.ui.sources
    labels = [panel.kind.itemText(i) for i in range(panel.kind.count())]
    assert "LSL stream" in labels and "Bluetooth strap" in labels
    panel.kind.setCurrentIndex(labels.index("LSL stream"))
    panel.lsl_stream.setEditText("type:ECG")
    settings = panel.store()
    source = make_source(settings)
    assert isinstance(source, LslSource) and source.selector == "type:ECG"
    settings.source_kind = "ble"
    assert isinstance(make_source(settings), BleHeartRateSource)


def test_a_checkin_answered_in_the_window_goes_out_as_a_marker(make_window, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from qt_test_sources import PhysiologySource

    from biofeedback.io.store import SessionStore
    from biofeedback.ui.store_integration import install_session_store

    name = f"chk-{uuid.uuid4().hex[:6]}"
    window = make_window(Settings(first_run_notice_seen=True, lsl_enabled=True, lsl_name=name))
    integration = install_session_store(window, SessionStore(tmp_path / "s.db"))
    found = pylsl.resolve_byprop("source_id", source_id(name, "Markers"), 1, 5.0)
    markers = pylsl.StreamInlet(found[0])
    markers.open_stream(5.0)
    window.connect_to(PhysiologySource(speed=8.0))
    qtbot.waitUntil(lambda: window.model.clock_offset_s is not None, timeout=4000)
    window.toggle_session()
    before = integration.checkin_dialog
    qtbot.waitUntil(before.isVisible, timeout=2000)
    qtbot.mouseClick(before.rows["stress"].buttons[6], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(before.rows["mood"].buttons[8], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(before.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    got: list[str] = []
    qtbot.waitUntil(lambda: got.extend(m[0] for m in markers.pull_chunk(timeout=0.0)[0])
                    or "check-in before: stress 6, pain -, mood 8" in got, timeout=5000)
    window.toggle_session()
