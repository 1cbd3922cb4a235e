"""SessionLibrary headless: a LiveSession recorded into a real SQLite store, then replayed from it."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.app.session_library import SessionLibrary
from biofeedback.core.types import DeviceInfo, PpgBlock, PulseDirectionChosen
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

    path = tmp_path / "s.db"
    library = SessionLibrary(SessionStore(path))
    live = make_live()
    library.attach(live)
    live.connect_source(SimulatedSource(speed=8.0, seed=8))
    qtbot.waitUntil(lambda: live.model.clock_offset_s is not None and live.device_info is not None, timeout=10000)
    foreign = sqlite3.connect(path, timeout=0, check_same_thread=False, isolation_level=None)
    foreign.execute("BEGIN IMMEDIATE")  # another program writes for two seconds
    committed = threading.Event()
    threading.Timer(2.0, lambda: (foreign.execute("COMMIT"), committed.set())).start()
    live.start_session()
    # the GUI thread went on while the store was still locked (not a time limit: a busy machine
    # may take long to get here, but not the two seconds of the lock)
    assert live.session.running and not committed.is_set()
    with qtbot.waitSignal(library.session_begun, timeout=15000) as begun:
        pass
    assert committed.is_set()  # it waited for the lock, off the GUI thread
    qtbot.waitUntil(lambda: live.session.n_beats >= 15, timeout=15000)
    with qtbot.waitSignal(library.saved, timeout=15000):
        live.stop_session()
    sid = begun.args[0]
    assert len(library.beats(sid)) == live.session.n_beats  # the beats of the wait were kept
    assert [label for _, label in library.markers(sid)][0] == "session start"
    foreign.close()


def test_a_pulse_direction_chosen_is_stored_where_it_was_chosen_and_read_again_from_the_store(
        make_live, qtbot, tmp_path):
    """The real laboratory BVP served upside down under a header that says upright: the person chooses
    Inverted during one session, then starts another. Each stored session reads as it was seen live
    (a replay, a crash recovery and ``analyze`` of its raw events go through the same pipeline)."""
    from real_recordings import biosignalsnotebooks_bvp, biosignalsnotebooks_bvp_reference
    from scoring import match_f1

    from biofeedback.core.offline import detect_offline
    from biofeedback.io.replay import EventReplaySource

    t_s, v, fs_hz = biosignalsnotebooks_bvp()
    reference = biosignalsnotebooks_bvp_reference()
    frames = [DeviceInfo("native", fs_hz=fs_hz, polarity=1),  # the header has it wrong
              *(PpgBlock(t_s[i:i + 13], -v[i:i + 13], fs_hz) for i in range(0, t_s.size, 13))]
    library = SessionLibrary(SessionStore(tmp_path / "s.db"))
    live = make_live()
    library.attach(live)
    live.connect_source(EventReplaySource(lambda: frames, "an upside-down BVP", speed=4.0))
    device_s = lambda: live.model.last_device_t_s or 0.0  # noqa: E731
    qtbot.waitUntil(lambda: device_s() > 1.0, timeout=10_000)
    with qtbot.waitSignal(library.session_begun, timeout=10_000) as first:
        live.start_session()
    qtbot.waitUntil(lambda: device_s() > 8.0, timeout=20_000)
    chosen_s = device_s()
    live.choose_polarity(-1)
    qtbot.waitUntil(lambda: device_s() > chosen_s + 12.0, timeout=20_000)
    with qtbot.waitSignal(library.saved, timeout=15_000):
        live.stop_session()
    with qtbot.waitSignal(library.session_begun, timeout=10_000) as second:
        live.start_session()  # the choice stands: this session's record starts with it
    qtbot.waitUntil(lambda: device_s() > t_s[-1] - 0.5, timeout=20_000)
    with qtbot.waitSignal(library.saved, timeout=15_000):
        live.stop_session()

    events = library.events(first.args[0])
    assert PulseDirectionChosen(-1) in events
    settled_s = chosen_s + 8.0  # the detector learns afresh, the chosen way up
    read = detect_offline(events)
    assert read.polarity == -1 and read.polarity_chosen
    stored_t = [b.t_s for b in library.beats(first.args[0])]
    for beats_t in (read.beats.t_s, stored_t):  # read again from the store, and as seen live
        late = [t for t in beats_t if t > settled_s]
        assert match_f1(late, reference[(reference > settled_s) & (reference < late[-1] + 0.3)]) >= 0.95
    forgotten = detect_offline([e for e in events if not isinstance(e, PulseDirectionChosen)])
    assert match_f1(forgotten.beats.t_s[forgotten.beats.t_s > settled_s], reference[reference > settled_s]) < 0.5

    later = library.events(second.args[0])
    assert later[0] == frames[0] and PulseDirectionChosen(-1) in later[1:3]  # (before its first samples or
    assert detect_offline(later).polarity == -1  # with the next: the detector is still learning then)


def test_a_replayed_session_recorded_again_keeps_the_direction_its_own_record_chose(make_live, qtbot, tmp_path):
    """Replaying a stored session (the window on Automatic) follows the direction chosen in it; a session
    started during that replay records what the pipeline follows, not the window's setting."""
    from real_recordings import biosignalsnotebooks_bvp
    from scoring import match_f1

    from biofeedback.core.offline import detect_offline
    from biofeedback.io.replay import EventReplaySource

    t_s, v, fs_hz = biosignalsnotebooks_bvp()
    recorded = [DeviceInfo("native", fs_hz=fs_hz, polarity=1), PulseDirectionChosen(-1),
                *(PpgBlock(t_s[i:i + 13], -v[i:i + 13], fs_hz) for i in range(0, t_s.size, 13))]
    library = SessionLibrary(SessionStore(tmp_path / "s.db"))
    live = make_live()
    library.attach(live)
    live.connect_source(EventReplaySource(lambda: recorded, "a stored session", speed=4.0))
    qtbot.waitUntil(lambda: live.direction_in_force == -1, timeout=10_000)
    assert live.polarity is None  # the window's own setting: Automatic
    qtbot.waitUntil(lambda: (live.model.last_device_t_s or 0.0) > 2.0, timeout=10_000)
    with qtbot.waitSignal(library.session_begun, timeout=10_000) as begun:
        live.start_session()
    qtbot.waitUntil(lambda: (live.model.last_device_t_s or 0.0) > 20.0, timeout=20_000)
    with qtbot.waitSignal(library.saved, timeout=15_000):
        live.stop_session()
    events = library.events(begun.args[0])
    assert PulseDirectionChosen(-1) in events[1:3]
    read = detect_offline(events)
    stored_t = np.array([b.t_s for b in library.beats(begun.args[0])])
    assert read.polarity == -1 and match_f1(read.beats.t_s[read.beats.t_s > 10.0], stored_t[stored_t > 10.0]) >= 0.95
