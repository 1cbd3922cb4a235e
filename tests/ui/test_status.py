"""Connection status follows the source: disconnect, reconnect, user disconnect, failures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from qt_test_sources import StateScript

from biofeedback.app.settings import Settings
from biofeedback.core.types import SignalQuality
from biofeedback.io.source import SourceState


def test_cable_pull_and_reconnect_update_the_status(make_window, qtbot):
    window = make_window()
    label = window.ui.status.connection
    seen = []
    script = StateScript(
        [
            SourceState("connected", protocol="pulsesensor"),
            SourceState("disconnected", "cable unplugged"),
            SourceState("reconnecting", "retrying in 0.5 s"),
            SourceState("connected", protocol="pulsesensor"),
        ],
        step_s=0.1,
    )
    window.connect_to(script)
    window.live.state.connect(lambda s: seen.append(label.text()))
    qtbot.waitUntil(lambda: len(seen) == 4, timeout=3000)
    assert seen == [
        "● connected (pulsesensor)",
        "● disconnected: cable unplugged",
        "● reconnecting…: retrying in 0.5 s",
        "● connected (pulsesensor)",
    ]
    assert window.ui.sources.connect_button.text() == "Disconnect"

    qtbot.mouseClick(window.ui.sources.connect_button, Qt.MouseButton.LeftButton)
    assert not window.live.connected
    assert label.text() == "● not connected"
    assert window.ui.sources.connect_button.text() == "Connect"


def test_status_shows_each_state_in_words(make_window):
    window = make_window()
    status = window.ui.status
    status.show_state(SourceState("reconnecting", "retrying"))
    assert status.connection.text() == "● reconnecting…: retrying"
    status.show_state(SourceState("disconnected", "cable unplugged"))
    assert status.connection.text() == "● disconnected: cable unplugged"
    status.show_quality(SignalQuality.FINGER_OFF)
    assert status.quality.text() == "finger off the sensor"
    status.show_artifacts(0.02)
    assert "numbers unreliable" not in status.artifacts.text()
    status.show_artifacts(0.08)
    assert status.artifacts.text() == "corrected beats 8.0\u00a0% — too many, numbers unreliable"


def test_connect_without_a_port_fails_with_a_message_not_a_crash(make_window, qtbot):
    window = make_window(Settings(first_run_notice_seen=True, source_kind="serial", serial_port=""))
    window.ui.sources.port.clear()
    qtbot.mouseClick(window.ui.sources.connect_button, Qt.MouseButton.LeftButton)
    assert not window.live.connected
    assert window.ui.status.connection.text().startswith("● failed")


def test_a_worker_error_reaches_the_status_area(make_window, qtbot):
    from qt_test_sources import PhysiologySource

    window = make_window()

    class BrokenRecorder:
        def on_events(self, events):
            raise RuntimeError("store is full")

        def on_beats(self, beats): ...
        def on_marker(self, marker): ...
        def on_pacer_change(self, change): ...
        def close(self): ...

    window.live.set_recorder_factory(BrokenRecorder)
    window.live.start_session()
    with qtbot.waitSignal(window.live.error, timeout=5000) as blocker:
        window.connect_to(PhysiologySource(speed=1.0))
    assert "RuntimeError: store is full" in blocker.args[0]
    qtbot.waitUntil(lambda: "store is full" in window.ui.status.notice.text(), timeout=2000)
    window.live.stop_session()
    window.live.disconnect_source()
    assert window.live.wait_idle()  # the stopped session drains (and fails again) before it is closed
    window.live.errors.clear()  # expected here; the fixture fails on any other


def test_unplugging_the_simulated_sensor_shows_reconnecting_then_connected(make_window, qtbot):
    """The real path: simulator on a pty, SerialSource reading it, cable pulled and put back."""
    window = make_window(Settings(first_run_notice_seen=True, source_kind="simulated", sim_speed=4.0))
    seen = []
    window.connect_source()
    source = window.live.source
    window.live.state.connect(lambda s: seen.append(s.state))
    qtbot.waitUntil(lambda: window.ui.status.state == "connected", timeout=5000)
    source.unplug()
    qtbot.waitUntil(lambda: window.ui.status.state in ("disconnected", "reconnecting"), timeout=5000)
    assert window.ui.status.connection.text().startswith(("● disconnected", "● reconnecting"))
    source.replug()
    qtbot.waitUntil(lambda: window.ui.status.state == "connected", timeout=8000)
    assert "connected" in seen[-1:] and {"disconnected", "reconnecting"} & set(seen)
