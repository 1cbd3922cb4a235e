"""LiveSession headless: real simulated sensor on a pty, real replay files, QtCore event loop."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from qt_helpers import ListRecorder

from biofeedback import config
from biofeedback.app.live_model import WAITING
from biofeedback.app.records import ADAPTIVE, TRAINING, WIZARD, Marker, PacerChange
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.types import Beat, DeviceInfo
from biofeedback.io.clock import ManualClock
from biofeedback.io.replay import ReplaySource
from biofeedback.io.simulator import SimulatedSource


def rr_file(tmp_path, n=200, rr_ms=900.0):
    path = tmp_path / "rr.txt"
    path.write_text("".join(f"{rr_ms + 40 * np.sin(k / 3):.1f}\n" for k in range(n)))
    return path


def test_simulated_sensor_fills_the_model_and_keeps_the_device_info_whole(make_live, qtbot):
    live = make_live()
    devices, outputs = [], []
    live.device_changed.connect(devices.append)
    live.output.connect(outputs.append)
    live.connect_source(SimulatedSource(speed=8.0, seed=3))
    qtbot.waitUntil(lambda: len(live.model.beats) >= 10, timeout=10000)
    assert isinstance(live.device_info, DeviceInfo) and live.device_info.protocol == "native"
    assert live.device_info.fs_hz and live.device_info.adc_max  # not rebuilt from parts
    assert devices and devices[-1] == live.device_info
    assert all(isinstance(o, PipelineOutput) for o in outputs)
    assert live.model.clock_offset_s is not None
    assert live.device_now_s() == pytest.approx(live.model.last_device_t_s, abs=1.0)


def test_outputs_queued_by_an_old_source_never_reach_the_new_model(make_live, qtbot, tmp_path):
    live = make_live()
    live.connect_source(SimulatedSource(speed=4.0, seed=1))
    qtbot.waitUntil(lambda: len(live.model.ppg) > 0, timeout=10000)
    time.sleep(0.5)  # the GUI thread is busy: the simulator's PPG outputs queue up
    live.connect_source(ReplaySource(str(rr_file(tmp_path)), speed=50.0))  # beats only, no PPG
    qtbot.waitUntil(lambda: len(live.model.beats) >= 20, timeout=10000)
    assert len(live.model.ppg) == 0  # nothing of the simulator's wave landed after the reconnect
    assert live.generation == 2


def test_a_replay_that_ends_disconnects_and_says_so(make_live, qtbot, tmp_path):
    live = make_live()
    states = []
    live.state.connect(lambda s: states.append(s.state))
    with qtbot.waitSignal(live.connected_changed, timeout=10000, check_params_cb=lambda on: not on):
        live.connect_source(ReplaySource(str(rr_file(tmp_path, n=60)), speed=50.0))
    assert not live.connected and states[-1] == "finished"
    assert len(live.model.beats) >= 55  # the flushed beats of the ended source still count
    assert not live.model.receiving and live.model.reading(live.clock()) == WAITING  # numbers wait: "–"


def test_disconnect_and_connect_return_at_once_while_the_source_is_slow(make_live, qtbot, tmp_path):
    release = threading.Event()  # the ports hang until the test lets them go
    opened = []

    class SlowPort(ReplaySource):  # a port whose open and close hang (a driver that does not answer)
        def start(self, on_events, on_state):
            release.wait(30.0)
            opened.append(self)
            super().start(on_events, on_state)

        def stop(self):
            release.wait(30.0)
            super().stop()

    live = make_live()
    live.connect_source(SlowPort(str(rr_file(tmp_path)), speed=20.0))
    live.disconnect_source()
    live.connect_source(SlowPort(str(rr_file(tmp_path)), speed=20.0))
    assert not opened  # the three calls came back while the ports still hung: no time limit needed
    release.set()
    qtbot.waitUntil(lambda: len(live.model.beats) > 5, timeout=10000)


def test_the_simulated_person_follows_the_active_pacer_rate_and_phase(make_live, qtbot):
    # in virtual time: the live session and the simulated sensor share a ManualClock, moved in
    # steps once the pipeline holds what the sensor sent until then (10x real time before)
    clock = ManualClock(1000.0)
    live = make_live(pacer=Pacer(6.0, t0_s=clock()), clock=clock)
    source = SimulatedSource(seed=4, clock=clock)
    changes = []
    live.pacer_changed.connect(changes.append)
    live.connect_source(source)
    qtbot.waitUntil(lambda: source.simulator is not None and source.sim_time_s(clock()) is not None, timeout=10000)

    def advance(seconds: float, step_s: float = 0.25) -> None:
        for _ in range(int(round(seconds / step_s))):
            sent_until = source.sim_time_s(clock.advance(step_s))
            while (live.model.last_device_t_s or -1.0) < sent_until - 0.01:
                with qtbot.waitSignal(live.output, timeout=30000):
                    pass

    while live.model.last_device_t_s is None:  # what the sensor sent before the reader opened is lost:
        clock.advance(0.25)  # then only its next header (5 s on) starts the stream
        with qtbot.waitSignal(live.output, timeout=1000, raising=False):
            pass
    while live.model.clock_offset_s is None:
        advance(0.25)
    wizard_pacer = Pacer(4.5, t0_s=clock() + 3.3)  # another rate, another phase
    live.set_active_pacer(WIZARD, wizard_pacer)
    assert live.pacer is wizard_pacer and live.pacer_owner == WIZARD
    assert changes[-1].owner == WIZARD and changes[-1].rate_bpm == 4.5
    assert changes[-1].device_t_s is not None
    live.set_pacer(rate_bpm=8.0)  # the training pacer changes in the background ...
    assert live.pacer is wizard_pacer and live.training_pacer.rate_bpm == 8.0
    advance(40.0)  # 40 simulated seconds: several of the person's lag times
    person = source.simulator.person
    t_sim = source.simulator.t_s - 1.0
    host = live.host_time_s(t_sim)
    lag = (person.breathing_phase(t_sim) - wizard_pacer.phase_cycles(host)) % 1.0
    assert min(lag, 1.0 - lag) < 0.08  # ... and the person breathes with the wizard's pacer
    live.release_pacer(WIZARD)
    assert live.pacer is live.training_pacer and changes[-1].owner == TRAINING


def test_session_records_pacer_changes_and_markers_on_the_device_clock(make_live, qtbot):
    live = make_live()
    closing = threading.Event()
    rec = ListRecorder(hold=closing)  # the store's close takes until the test says
    live.set_recorder_factory(lambda: rec)
    live.connect_source(SimulatedSource(speed=8.0, seed=5))
    qtbot.waitUntil(lambda: len(live.model.beats) >= 3, timeout=10000)
    markers = []
    live.marker.connect(markers.append)
    live.start_session()
    qtbot.waitUntil(lambda: live.session.n_beats >= 8, timeout=10000)
    live.set_pacer(rate_bpm=5.0, inhale_ratio=0.4, hold_in_s=1.0)
    mark = live.mark("yawn")
    assert isinstance(mark, Marker) and mark.device_t_s == pytest.approx(live.model.last_device_t_s, abs=1.0)
    with qtbot.waitSignal(live.session_finished, timeout=5000) as finished:
        live.stop_session()
        assert not rec.closed  # the GUI thread went on while the recorder closes, on its own thread
        closing.set()
    assert finished.args == ["stopped"] and rec.closed_in == "session recorder close"
    assert [m.label for m in rec.markers] == ["session start", "yawn", "session stopped"]
    assert all(m.device_t_s is not None for m in rec.markers)
    first, changed = rec.pacer
    assert isinstance(changed, PacerChange)
    assert (changed.rate_bpm, changed.inhale_ratio, changed.hold_in_s) == (5.0, 0.4, 1.0)
    assert first.rate_bpm == config.PACER_DEFAULT_BPM and changed.device_t_s > first.device_t_s
    assert rec.events and len(rec.beats) == live.session.n_beats
    assert [m.label for m in markers][-1] == "session stopped"


def test_timed_session_completes_on_the_tick(make_live, qtbot):
    now = [100.0]
    live = make_live(clock=lambda: now[0])
    live.start_session(duration_s=60.0)
    now[0] += 59.0
    live.tick()
    assert live.session.running
    now[0] += 1.5
    with qtbot.waitSignal(live.session_finished, timeout=2000) as finished:
        live.tick()
    assert finished.args == ["completed"] and not live.session.running


def test_adaptive_glide_starts_at_breathing_rate_and_arrives_at_the_target(make_live, qtbot):
    now = [1000.0]
    live = make_live(pacer=Pacer(5.5, t0_s=now[0]), clock=lambda: now[0])
    t, beats = 0.0, []
    while t < 120.0:  # two minutes of heart rhythm oscillating at 8 breaths/min
        rr = 900.0 + 60.0 * np.sin(2 * np.pi * (8.0 / 60.0) * t)
        t += rr / 1000.0
        beats.append(Beat(t, rr))
    live.model.add(PipelineOutput(beats=beats), now[0])
    flags = []
    live.adaptive_changed.connect(flags.append)
    live.start_adaptive(5.5)
    assert live.pacer.rate_bpm == 8.0 and live.pacer_owner == ADAPTIVE
    rates = [(now[0], live.pacer.rate_bpm)]
    for _ in range(int(8 * 60 / 0.1)):
        now[0] += 0.1
        live.tick()
        if live.pacer.rate_bpm != rates[-1][1]:
            rates.append((now[0], live.pacer.rate_bpm))
    times, values = np.array(rates).T
    assert values[-1] == 5.5 and flags == [True, False] and live.pacer_owner == TRAINING
    assert np.all(np.abs(np.diff(values)) <= config.PACER_STEP_BPM + 1e-9)
    assert np.all(np.diff(times) >= 60.0 * config.PACER_STEP_BPM / config.ADAPT_MAX_CHANGE_BPM_PER_MIN - 1e-6)


def test_a_rate_set_by_the_user_ends_the_glide(make_live):
    live = make_live()
    live.start_adaptive(5.5)
    assert live.adaptive is not None
    live.set_pacer(rate_bpm=6.2)
    assert live.adaptive is None and live.pacer.rate_bpm == 6.2 and live.pacer_owner == TRAINING


def test_reconnecting_to_an_exclusive_port_waits_until_the_old_connection_let_go(make_live, qtbot, tmp_path):
    port = threading.Lock()  # one opener at a time, like a serial port opened exclusively

    class ExclusivePort(ReplaySource):
        def start(self, on_events, on_state):
            if not port.acquire(blocking=False):
                raise OSError("port busy")
            super().start(on_events, on_state)

        def stop(self):
            super().stop()
            time.sleep(0.5)  # closing a port takes a moment
            port.release()

    live = make_live()
    states = []
    live.state.connect(lambda s: states.append(s.state))
    live.connect_source(ExclusivePort(str(rr_file(tmp_path)), speed=10.0))
    qtbot.waitUntil(lambda: len(live.model.beats) > 3, timeout=10000)
    live.connect_source(ExclusivePort(str(rr_file(tmp_path)), speed=10.0))  # at once, same port
    qtbot.waitUntil(lambda: len(live.model.beats) > 3, timeout=10000)
    assert "failed" not in states and live.connected


def test_shutdown_keeps_the_beats_the_pipeline_still_held_back(make_live, qtbot):
    live = make_live()
    rec = ListRecorder()
    live.set_recorder_factory(lambda: rec)
    live.connect_source(SimulatedSource(speed=8.0, seed=9))
    qtbot.waitUntil(lambda: len(live.model.beats) >= 3, timeout=10000)
    live.start_session()
    qtbot.waitUntil(lambda: live.session.n_beats >= 10, timeout=10000)
    live.shutdown()  # as the window does when it closes
    qtbot.wait(300)  # anything still queued arrives
    assert rec.closed and not live.connected
    assert len(rec.beats) == live.session.n_beats
    # the last beats the model got (flushed from the pipeline when the source stopped) are in the session
    assert rec.beats[-1].t_s == live.model.beats.view()[-1, 0]
    assert [m.label for m in rec.markers] == ["session start", "session stopped"]
