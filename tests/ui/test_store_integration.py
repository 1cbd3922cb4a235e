"""A session run in the main window is saved with its beats, raw events, markers and check-ins."""

from __future__ import annotations

from PySide6.QtCore import Qt

from biofeedback import config
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import DeviceInfo, PpgBlock
from biofeedback.io.store import CheckIn, SessionStore
from biofeedback.ui.store_integration import install_session_store


def test_window_session_is_stored_with_markers_pacer_and_checkins(make_window, qtbot, tmp_path):
    from qt_test_sources import PhysiologySource

    window = make_window()
    store = SessionStore(tmp_path / "s.db")
    integration = install_session_store(window, store)
    window.connect_to(PhysiologySource(speed=8.0))  # 8x: beats come quickly
    qtbot.waitUntil(lambda: window.live.device_info is not None, timeout=4000)
    assert window.live.device_info == DeviceInfo("native", fs_hz=500.0, adc_max=1023)  # kept whole
    qtbot.waitUntil(lambda: window.model.clock_offset_s is not None, timeout=4000)
    window.toggle_session()
    before = integration.checkin_dialog
    qtbot.waitUntil(before.isVisible, timeout=2000)
    assert not window.session.running  # the session clock starts once the "before" check-in is closed
    qtbot.mouseClick(before.rows["stress"].buttons[6], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(integration.library.session_begun, timeout=5000) as begun:
        qtbot.mouseClick(before.save_button, Qt.MouseButton.LeftButton)  # the row is made off the GUI thread
    sid = begun.args[0]
    assert integration.session_id == sid
    assert sid is not None and store.session(sid).status == "running"
    qtbot.waitUntil(lambda: window.session.n_beats >= 12, timeout=10000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_M)
    window.set_rate(5.0)
    qtbot.waitUntil(lambda: window.session.n_beats >= 20, timeout=10000)
    with qtbot.waitSignal(integration.saved, timeout=10000):
        window.toggle_session()  # the store closes the session off the GUI thread
    after = integration.checkin_dialog
    assert after is not before and after.phase == "after"
    qtbot.mouseClick(after.rows["stress"].buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(after.save_button, Qt.MouseButton.LeftButton)

    info = store.session(sid)
    assert info.status == "completed" and info.protocol == "native"
    assert info.source == "test physiology source" and info.pacer_bpm is not None
    assert info.checkins == {"before": CheckIn("before", stress=6), "after": CheckIn("after", stress=3)}
    assert info.summary["n_beats"] == window.session.n_beats == len(store.beats(sid))
    labels = [label for _, label in store.markers(sid)]
    assert labels == ["session start", "mark", "session stopped"]  # pacer changes are not markers
    changes = store.pacer_changes(sid)
    assert [c.rate_brpm for c in changes] == [config.PACER_DEFAULT_BPM, 5.0]
    assert changes[1].t_device_s > changes[0].t_device_s > 0  # on the device clock, like the beats
    beat_t = [b.t_s for b in store.beats(sid)]
    assert beat_t[0] - 5 < changes[1].t_device_s < beat_t[-1] + 5
    # the stored raw events are complete enough to re-detect the beats of the session
    events = store.events(sid)
    assert sum(len(e) for e in events if isinstance(e, PpgBlock)) > 500 * 8
    assert len(Pipeline().feed(events).beats) >= info.summary["n_beats"] - 6
    history = integration.show_history()
    qtbot.addWidget(history)
    assert history.model.rowCount() == 1 and history.model.sessions[0].id == sid
    # replay from the history plays the stored raw events through the live window
    integration.replay_speed = 20.0
    said = []  # the status line as each state arrives (a replay at 20x may end within a second)
    window.live.state.connect(lambda _state: said.append(window.ui.status.connection.text()))
    history.replay_button.click()
    assert window.live.source.description == "Replay of session 1 at 20×"
    qtbot.waitUntil(lambda: window.live.pipeline_beats >= 10, timeout=10000)
    # the guide under the replayed heart rate is the session's own pacer, on its device clock, even at 20x
    from biofeedback.core.breathing.pacer import Pacer

    first, second = changes
    qtbot.waitUntil(lambda: (window.model.last_device_t_s or 0.0) > second.t_device_s + 2.0, timeout=10000)
    guide = window.model.pacer_on_device_clock()
    assert len(guide) > 50
    if second.phase_cycles is None:  # (stores before schema 5: phase-continuous changes)
        recorded = Pacer(first.rate_brpm, first.inhale_ratio, t0_s=first.t_device_s)
        recorded.configure(second.t_device_s, rate_bpm=second.rate_brpm)
    else:
        recorded = Pacer(second.rate_brpm, second.inhale_ratio, t0_s=second.t_device_s,
                         phase_cycles=second.phase_cycles)
    after = guide[guide[:, 0] >= second.t_device_s]
    assert len(after) > 10 and all(abs(v - recorded.value(t)) < 1e-9 for t, v in after)
    # what plays is named in the Source box and the status line, not "Simulated sensor"
    sources = window.ui.sources
    assert sources.kind.currentData() == "replay" and sources.path.text() == "Replay of session 1 at 20×"
    assert "● connected (replay) — Replay of session 1 at 20×" in said
    kind_before = window.settings.source_kind
    sources.connect_button.click()  # Disconnect: the box shows the user's own choice again
    assert sources.kind.currentData() == kind_before and sources.path.text() == window.settings.replay_path
    assert not list(tmp_path.glob("**/*.csv"))  # straight from the store, no temporary file


def test_closing_the_window_mid_session_saves_it_and_asks_nothing(make_window, qtbot, tmp_path):
    from qt_test_sources import PhysiologySource

    window = make_window()
    store = SessionStore(tmp_path / "s.db")
    integration = install_session_store(window, store, checkins=True)
    assert integration.history_action is not None and integration.history_action.text().startswith("Session history")
    window.connect_to(PhysiologySource(speed=8.0))
    window.toggle_session()
    with qtbot.waitSignal(integration.library.session_begun, timeout=5000):
        integration.checkin_dialog.close()  # the before check-in is skippable
    qtbot.waitUntil(lambda: window.session.n_beats >= 5, timeout=10000)
    window.close()
    (info,) = store.list_sessions()
    assert info.status == "completed" and info.checkins == {}
    assert info.summary["n_beats"] == window.session.n_beats
    assert integration.checkin_dialog.phase == "before"  # no "after" dialog was opened


def test_the_window_says_so_when_its_store_folder_is_deleted_mid_session(make_window, qtbot, tmp_path):
    """The store is written again from the open file; the notice stays (a later "saving" must not hide it)."""
    import shutil

    from qt_test_sources import PhysiologySource

    folder = tmp_path / "data"
    window = make_window()
    store = SessionStore(folder / "s.db")
    integration = install_session_store(window, store, checkins=False)
    window.connect_to(PhysiologySource(speed=8.0))
    qtbot.waitUntil(lambda: window.model.clock_offset_s is not None, timeout=4000)
    with qtbot.waitSignal(integration.library.session_begun, timeout=5000):
        window.toggle_session()
    qtbot.waitUntil(lambda: window.session.n_beats >= 5, timeout=10000)
    shutil.rmtree(folder)
    notice = window.ui.status.notice
    qtbot.waitUntil(lambda: "written again" in notice.text(), timeout=10000)
    assert notice.text().startswith("The session store") and "was deleted or replaced while recording" in notice.text()
    qtbot.waitUntil(lambda: window.session.n_beats >= 15, timeout=10000)
    assert "written again" in notice.text()
    with qtbot.waitSignal(integration.saved, timeout=10000):
        window.toggle_session()
    with SessionStore(folder / "s.db") as reopened:
        (info,) = reopened.list_sessions()
        assert info.status == "completed" and info.summary["n_beats"] >= 15
