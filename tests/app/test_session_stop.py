"""Stopping a session keeps the beats still on their way; exit waits for the save without freezing the GUI."""

from __future__ import annotations

import threading
import time

import numpy as np
from PySide6.QtCore import QTimer
from qt_helpers import ListRecorder

from biofeedback import config
from biofeedback.app.session import SessionController
from biofeedback.app.session_library import SessionLibrary
from biofeedback.core.types import Beat
from biofeedback.io.replay import ReplaySource
from biofeedback.io.simulator import SimulatedSource
from biofeedback.io.store import SessionStore


def rr_file(tmp_path, n=400, rr_ms=900.0):
    path = tmp_path / "rr.txt"
    path.write_text("".join(f"{rr_ms + 40 * np.sin(k / 3):.1f}\n" for k in range(n)))
    return path


def test_a_stop_while_connected_stores_every_beat_before_the_stop_instant(make_live, qtbot, tmp_path):
    library = SessionLibrary(SessionStore(tmp_path / "s.db"))
    live = make_live()
    library.attach(live)
    live.connect_source(SimulatedSource(speed=8.0, seed=11))
    qtbot.waitUntil(lambda: live.model.clock_offset_s is not None and live.device_info is not None, timeout=10000)
    with qtbot.waitSignal(library.session_begun, timeout=5000) as begun:
        live.start_session()
    sid = begun.args[0]
    qtbot.waitUntil(lambda: live.session.n_beats >= 20, timeout=15000)
    stopped = []
    live.session_stopped.connect(stopped.append)
    t0 = time.perf_counter()
    with qtbot.waitSignal(library.saved, timeout=15000):
        stop_t_s = live.device_now_s()
        n_at_stop = live.session.n_beats
        live.stop_session()
        # the GUI thread did not wait for the late beats: still draining, and the screen can say "stopped"
        assert stopped == ["stopped"] and live.session.draining
    assert time.perf_counter() - t0 < config.SESSION_STOP_DRAIN_S  # closed at the first later beat (a loose
    # bound: the drain's time-out is 8 s, beats come every second)
    assert live.connected  # the source runs on
    qtbot.waitUntil(lambda: live.model.beats.view()[-1, 0] > stop_t_s + 5.0, timeout=10000)
    stored = np.array([b.t_s for b in library.beats(sid)])
    model = live.model.beats.view()[:, 0]
    expected = model[(model >= stored[0] - 1e-6) & (model <= stop_t_s)]
    assert len(stored) > n_at_stop  # beats held back at the stop instant came later and were kept
    assert len(stored) == len(expected) == live.session.n_beats
    np.testing.assert_allclose(stored, expected, atol=1e-3)  # every beat before the stop, nothing after


def test_a_stopped_session_closes_after_the_drain_timeout_when_no_later_beat_comes(qtbot):
    session = SessionController(clock=lambda: 0.0)
    rec = ListRecorder()
    session.recorder_factory = lambda: rec
    session.start()
    session.on_beats([Beat(9.0, 1000.0)])
    t0 = time.perf_counter()
    with qtbot.waitSignal(session.finished, timeout=3000):
        session.stop(until_t_s=10.0, drain_timeout_s=0.3)
        assert session.drain_beats([Beat(9.9, 900.0)]) == []  # before the stop instant: the stopped session's
        assert session.draining and not rec.closed
    assert time.perf_counter() - t0 > 0.25  # not before its time-out (a timer never fires early)
    assert [b.t_s for b in rec.beats] == [9.0, 9.9] and rec.closed and session.n_beats == 2
    assert not session.busy


def test_a_beat_past_the_stop_instant_closes_the_stopped_session_and_goes_to_the_next(qtbot):
    session = SessionController(clock=lambda: 0.0)
    first, second = ListRecorder(), ListRecorder()
    recorders = iter([first, second])
    session.recorder_factory = lambda: next(recorders)
    session.start()
    session.stop(until_t_s=10.0, drain_timeout_s=30.0)
    session.start()  # a new session started while the stopped one drains
    with qtbot.waitSignal(session.finished, timeout=3000):
        session.on_beats(session.drain_beats([Beat(9.5, 900.0), Beat(10.4, 900.0)]))
    assert [b.t_s for b in first.beats] == [9.5] and first.closed
    assert [b.t_s for b in second.beats] == [10.4] and session.n_beats == 1


def test_shutdown_keeps_the_gui_thread_answering_while_the_source_and_the_save_take_seconds(make_live, qtbot,
                                                                                           tmp_path):
    class SlowPort(ReplaySource):  # a port whose close hangs for a second
        def stop(self):
            time.sleep(1.0)
            super().stop()

    live = make_live()
    rec = ListRecorder(close_s=1.0)  # the store commits and summarises for a second
    live.set_recorder_factory(lambda: rec)
    live.connect_source(SlowPort(str(rr_file(tmp_path)), speed=10.0))
    qtbot.waitUntil(lambda: len(live.model.beats) >= 3, timeout=10000)
    live.start_session()
    qtbot.waitUntil(lambda: live.session.n_beats >= 10, timeout=10000)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    t0 = time.perf_counter()
    done = live.shutdown()
    elapsed = time.perf_counter() - t0
    timer.stop()
    assert done and elapsed > 1.9  # it did wait for the port and the save (done: within its bound) ...
    # ... while the GUI thread's timers kept running (a blocked thread would tick none; how evenly is
    # benchmarks/gui.py --responsive-only's to measure)
    assert len(ticks) >= 20
    assert rec.closed and len(rec.beats) == live.session.n_beats
    assert rec.beats[-1].t_s == live.model.beats.view()[-1, 0]  # the flushed beats are in the session


def test_shutdown_gives_up_after_its_bound_and_says_so(make_live, qtbot):
    release = threading.Event()

    class HangingRecorder(ListRecorder):
        def close(self):
            release.wait(30.0)
            super().close()

    live = make_live()
    rec = HangingRecorder()
    live.set_recorder_factory(lambda: rec)
    live.start_session()
    t0 = time.perf_counter()
    assert live.shutdown(timeout_s=0.5) is False
    assert time.perf_counter() - t0 > 0.45  # its bound, and no more: without one it would wait for the save
    release.set()
    assert live.shutdown() is True and rec.closed  # asked again, it waits for the same save
