"""A Polar H10's ECG and accelerometer samples: recorded as they arrive, replayed and exported to the
same beats, the ECG drawn as the live wave and the chest's breathing under the pacer (virtual H10)."""

from __future__ import annotations

import threading

import numpy as np
from test_polar_h10 import run_h10
from virtual_h10 import record_person

from biofeedback.app.live_model import LiveModel
from biofeedback.core.breathing.chest import ChestRespirationTracker
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols import polar_pmd as pmd
from biofeedback.core.timebase import event_time_s
from biofeedback.core.types import Event, SignalBlock
from biofeedback.io.exports import export_session
from biofeedback.io.files import load_recording
from biofeedback.io.replay import play_events
from biofeedback.io.store import SessionStore

DURATION_S = 75.0


def signal(events: list[Event], kind: str) -> tuple[np.ndarray, np.ndarray]:
    blocks = [e for e in events if isinstance(e, SignalBlock) and e.kind == kind]
    return np.concatenate([b.t_s for b in blocks]), np.concatenate([b.value for b in blocks])


def beats_of(events: list[Event]) -> np.ndarray:
    pipeline = Pipeline()
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    return np.array([(b.t_s, b.rr_ms) for b in out.beats])


def test_h10_samples_are_recorded_and_replay_and_export_give_the_live_beats(air, record, tmp_path):
    rec = record_person(DURATION_S, breathing_bpm=6.0)
    run_h10(air, record, rec)
    live = list(record.events)
    ecg_t, ecg_uv = signal(live, "ecg")
    acc_t, acc_mg = signal(live, "acc")
    # every sample the strap sent, exactly, spaced on the strap's own clock
    assert ecg_uv.size > 0.95 * rec.ecg_uv.size and np.array_equal(ecg_uv, rec.ecg_uv[:ecg_uv.size])
    assert acc_mg.shape[1] == 3 and np.array_equal(acc_mg, rec.acc_mg[:len(acc_mg)])
    assert np.allclose(np.diff(ecg_t), 1 / pmd.ECG_FS_HZ, atol=1e-6)
    live_beats = beats_of(live)
    assert len(live_beats) > 0.9 * DURATION_S * 68 / 60

    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session("Polar H10", "ble-hrm")
        writer.add_events(live[: len(live) // 2])
        writer.flush()
        writer.add_events(live[len(live) // 2:])
        writer.finish()
        stored = store.events(writer.session_id)
        export_session(store, writer.session_id, "raw", tmp_path / "raw.csv")
    for kind, t, v in (("ecg", ecg_t, ecg_uv), ("acc", acc_t, acc_mg)):  # the store: bit-exact
        got_t, got_v = signal(stored, kind)
        assert np.array_equal(got_t, t) and np.array_equal(got_v, v)
    assert np.array_equal(beats_of(stored), live_beats)
    exported = load_recording(tmp_path / "raw.csv").events  # what analyze and the app's replay read
    got_t, got_v = signal(exported, "ecg")
    assert np.array_equal(got_v, ecg_uv) and np.max(np.abs(got_t - ecg_t)) <= 1e-6  # times to the µs
    assert np.array_equal(signal(exported, "acc")[1], acc_mg)
    from_file = beats_of(exported)  # the same beats, their times printed to the µs
    assert from_file.shape == live_beats.shape and np.max(np.abs(from_file[:, 0] - live_beats[:, 0])) <= 1e-6
    assert np.max(np.abs(from_file[:, 1] - live_beats[:, 1])) <= 2e-3

    replayed: list[Event] = []  # the app's replay of the stored session: as it arrived, 50 times faster
    assert play_events(stored, 50.0, replayed.extend, threading.Event())
    assert np.array_equal(beats_of(replayed), live_beats)


def test_h10_ecg_is_the_live_wave_and_the_chest_is_the_breathing_under_the_pacer(air, record, qtbot):
    rec = record_person(DURATION_S, breathing_bpm=6.0)
    run_h10(air, record, rec)
    model, pipeline = LiveModel(), Pipeline()
    for event in record.events:  # each as it came, at its time on the host clock
        t = event_time_s(event)
        model.add(pipeline.feed([event]), host_t_s=t if t is not None else 0.0)
    ecg_t, ecg_uv = signal(record.events, "ecg")
    wave = model.ppg.view()
    assert np.array_equal(wave[:, 0], ecg_t[-len(wave):]) and np.array_equal(wave[:, 1], ecg_uv[-len(wave):])
    from biofeedback.ui.plots import PulsePlot
    from biofeedback.ui.theme import DARK

    plot = PulsePlot(DARK)
    qtbot.addWidget(plot)
    plot.resize(900, 250)
    plot.show()
    qtbot.waitExposed(plot)
    plot.refresh(model, float(ecg_t[-1]))
    lo, hi = plot.viewRange()[1]
    _, r_peaks_uv = plot.marks.getData()  # the beats marked on the wave: the R peaks' tips
    assert len(r_peaks_uv) >= 5 and np.all((r_peaks_uv > lo) & (r_peaks_uv < hi))
    assert isinstance(model.breathing, ChestRespirationTracker)
    est = model.breathing.latest
    truth_bpm = rec.breath_bpm[-1500:].mean()
    assert est is not None and est.rate_bpm is not None and abs(est.rate_bpm - truth_bpm) < 0.5
    assert model.breathing_text(6.0) == f"you: {est.rate_bpm:.1f} /min · guide: 6.0 /min"
    curve = model.breath_curve()  # drawn under the guide: 1 inhaled, 0 exhaled
    acc_t, _ = signal(record.events, "acc")
    volume = np.interp(curve[:, 0], acc_t, rec.acc_volume[:acc_t.size])
    assert len(curve) > 200 and np.corrcoef(curve[:, 1], volume)[0, 1] > 0.9
