"""SessionLibrary headless: a LiveSession recorded into a real SQLite store, then replayed from it."""

from __future__ import annotations

import pytest

from biofeedback.app.session_library import SessionLibrary
from biofeedback.core.types import DeviceInfo
from biofeedback.io.simulator import SimulatedSource
from biofeedback.io.store import SessionStore


def test_a_live_session_is_stored_typed_and_replays_from_the_store(make_live, qtbot, tmp_path):
    store = SessionStore(tmp_path / "s.db")
    library = SessionLibrary(store)
    live = make_live()
    library.attach(live)
    live.connect_source(SimulatedSource(speed=8.0, seed=7))
    qtbot.waitUntil(lambda: live.model.clock_offset_s is not None and live.device_info is not None, timeout=10000)
    with qtbot.waitSignal(library.session_begun, timeout=5000) as begun:
        live.start_session()
    sid = begun.args[0]
    qtbot.waitUntil(lambda: live.session.n_beats >= 25, timeout=15000)
    pacer_changes = []
    live.pacer_changed.connect(pacer_changes.append)
    live.set_pacer(rate_bpm=5.2, inhale_ratio=0.4, hold_out_s=1.5)
    marker = live.mark("yawn")
    with qtbot.waitSignal(library.saved, timeout=15000) as saved:
        live.stop_session()
    assert saved.args == [sid]
    info = library.session(sid)
    assert info.status == "completed" and info.protocol == "native"
    assert [label for _, label in library.markers(sid)] == ["session start", "yawn", "session stopped"]
    (t_yawn,) = [t for t, label in library.markers(sid) if label == "yawn"]
    assert t_yawn == pytest.approx(marker.device_t_s)  # the device clock, like the beats
    first, changed = store.pacer_changes(sid)
    assert (changed.rate_brpm, changed.inhale_ratio, changed.hold_in_s, changed.hold_out_s) == (5.2, 0.4, 0.0, 1.5)
    assert changed.t_device_s > first.t_device_s
    # each change is stored with the live pacer's phase at that moment (the guide is redrawn from it)
    (announced,) = pacer_changes
    assert announced.phase_cycles == pytest.approx(live.pacer.phase_cycles(announced.host_t_s), abs=1e-9)
    assert changed.phase_cycles == pytest.approx(announced.phase_cycles, abs=1e-12)
    assert first.phase_cycles is not None
    events = library.events(sid)
    assert events[0] == live.device_info and isinstance(events[0], DeviceInfo)  # kept whole
    assert len(library.beats(sid)) == live.session.n_beats

    beats_before = len(live.model.beats)
    live.connect_source(library.replay_source(sid, speed=50.0))
    assert live.source_description == f"Replay of session {sid} at 50×"
    with qtbot.waitSignal(live.connected_changed, timeout=15000, check_params_cb=lambda on: not on):
        pass  # the replay plays to its end
    stored = library.beats(sid)
    assert live.generation == 2 and beats_before > 0
    assert len(live.model.beats) >= len(stored) - 6  # the raw events re-detect the session's beats


def test_a_session_without_data_is_not_kept_and_says_so(make_live, qtbot, tmp_path):
    library = SessionLibrary(SessionStore(tmp_path / "s.db"))
    live = make_live()
    library.attach(live)
    with qtbot.waitSignal(library.session_begun, timeout=5000) as begun:
        live.start_session()  # no source connected: nothing will arrive
    sid = begun.args[0]
    with qtbot.waitSignal(library.discarded, timeout=15000) as discarded:
        live.stop_session()
    assert discarded.args == [sid]
    assert library.list_sessions() == []


def test_starting_a_session_while_another_process_holds_the_store_does_not_block(make_live, qtbot, tmp_path):
    import sqlite3
    import threading
    import time

    path = tmp_path / "s.db"
    library = SessionLibrary(SessionStore(path))
    live = make_live()
    library.attach(live)
    live.connect_source(SimulatedSource(speed=8.0, seed=8))
    qtbot.waitUntil(lambda: live.model.clock_offset_s is not None and live.device_info is not None, timeout=10000)
    foreign = sqlite3.connect(path, timeout=0, check_same_thread=False, isolation_level=None)
    foreign.execute("BEGIN IMMEDIATE")  # another program writes for two seconds
    threading.Timer(2.0, lambda: foreign.execute("COMMIT")).start()
    t0 = time.perf_counter()
    live.start_session()
    assert time.perf_counter() - t0 < 0.2 and live.session.running  # the GUI thread went on
    with qtbot.waitSignal(library.session_begun, timeout=15000) as begun:
        pass
    assert time.perf_counter() - t0 > 1.5  # it waited for the lock, off the GUI thread
    qtbot.waitUntil(lambda: live.session.n_beats >= 15, timeout=15000)
    with qtbot.waitSignal(library.saved, timeout=15000):
        live.stop_session()
    sid = begun.args[0]
    assert len(library.beats(sid)) == live.session.n_beats  # the beats of the wait were kept
    assert [label for _, label in library.markers(sid)][0] == "session start"
    foreign.close()
