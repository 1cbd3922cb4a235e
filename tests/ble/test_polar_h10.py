"""A Polar H10's raw ECG and chest accelerometer over PMD, against a virtual H10 (tests/ble/virtual_h10.py)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from virtual_h10 import VirtualH10, record_person
from virtual_strap import LATENCY_S

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols import polar_pmd as pmd
from biofeedback.core.types import DeviceBeat, DeviceInfo, Gap
from biofeedback.io.ble_source import BleHeartRateSource
from biofeedback.io.clock import ManualClock
from biofeedback.io.source import CONNECTED

MATCH_S = 0.05  # a detected beat within this of a true one is that beat


def f1(found: np.ndarray, truth: np.ndarray, lo_s: float = -np.inf, hi_s: float = np.inf,
       tol_s: float = MATCH_S) -> tuple[float, np.ndarray]:
    """F1 of one-to-one matches (greedy by time) of the beats in (lo_s, hi_s), and the matched timing errors.

    Matching runs over all beats, so one just outside the window still finds its partner.
    """
    j, matched_found, hits, errors = 0, set(), 0, []
    for t in truth:
        while j < found.size and found[j] < t - tol_s:
            j += 1
        if j < found.size and abs(found[j] - t) <= tol_s:
            if lo_s < t < hi_s:
                hits += 1
                errors.append(found[j] - t)
            matched_found.add(j)
            j += 1
    inside = (found > lo_s) & (found < hi_s)
    n_found = int(inside.sum())
    n_found -= sum(1 for k in matched_found if inside[k]) - hits  # found in the window, truth just outside
    n_truth = int(((truth > lo_s) & (truth < hi_s)).sum())
    precision, recall = hits / max(n_found, 1), hits / max(n_truth, 1)
    return 2 * precision * recall / max(precision + recall, 1e-12), np.array(errors)


def run_h10(air, record, rec):
    strap = VirtualH10(air)
    clock = ManualClock()
    source = BleHeartRateSource(clock=clock, backend=air.backend)
    source.start(record.on_events, record.on_state)
    try:
        sent = air.call(strap.play(rec.notes(), clock=clock), timeout_s=120)
    finally:
        source.stop()
    return strap, source, sent


def test_h10_ecg_beats_match_the_truth_and_the_chest_gives_the_breathing_rate(air, record):
    rec = record_person(150.0, breathing_bpm=6.0)
    t0 = time.perf_counter()
    strap, source, sent = run_h10(air, record, rec)
    wall_s = time.perf_counter() - t0
    assert strap.commands[:2] == [pmd.start_ecg_command(), pmd.start_acc_command()]
    assert [i.protocol for i in record.of(DeviceInfo)] == ["ble-hrm", "polar-ecg"]
    assert "beats from its ECG (130 Hz) and breathing from its accelerometer" in record.said(CONNECTED)[0].message
    beats = np.array([b.t_s for b in record.of(DeviceBeat)])
    assert all(b.ibi_ms is None for b in record.of(DeviceBeat))  # R peaks, not the strap's RR values
    # the host clock is anchored at the first frame's arrival: the truth plus the link's latency
    first_frame_t = next(n.t_s for n in sent if n.char == "pmd")
    offset = LATENCY_S
    lo, hi = first_frame_t + 2.5, sent[-1].t_s - 1.0  # after the detector's learning, before the end
    truth = rec.beat_t_s[(rec.beat_t_s > lo) & (rec.beat_t_s < hi)]
    score, errors = f1(beats - offset, rec.beat_t_s, lo, hi)
    assert score >= 0.995
    assert np.abs(errors).max() < 0.008 and abs(np.median(errors)) < 0.003
    out = Pipeline(correct=False).feed(record.events)
    rr = np.array([b.rr_ms for b in out.beats])
    assert np.median(np.abs(rr - np.diff(beats)[-rr.size:] * 1000)) < 1e-6  # the pipeline keeps them
    rate = source.pmd.breath if source.pmd is not None else None
    assert rate is not None and abs(rate.rate_bpm - rec.breath_bpm[-1500:].mean()) < 0.5
    print(f"H10 {sent[-1].t_s:.0f} s in {wall_s:.2f} s wall: {truth.size} beats, F1 {score:.4f}, "
          f"timing error median {1000 * np.median(errors):+.2f} ms, max {1000 * np.abs(errors).max():.2f} ms "
          f"(RR error max {1000 * np.abs(np.diff(errors)).max():.2f} ms, rms {1000 * np.sqrt(np.mean(np.diff(errors) ** 2)):.2f}); "
          f"breathing {rate.rate_bpm:.2f}/min vs {rec.breath_bpm[-1500:].mean():.2f}")


def test_h10_garbled_frames_are_gaps_and_a_dropped_link_restarts_the_ecg(air, record):
    rec = record_person(80.0, breathing_bpm=6.0)
    notes = rec.notes()
    ecg_at = [i for i, n in enumerate(notes) if n.char == "pmd" and n.payload[0] == pmd.ECG]
    for i in ecg_at[20:23]:  # three frames cut short in the air (a strap that vanished mid-frame)
        notes[i] = type(notes[i])(notes[i].t_s, notes[i].payload[:100], (), (), char="pmd")
    strap = VirtualH10(air)
    clock = ManualClock()
    source = BleHeartRateSource(clock=clock, backend=air.backend)
    source.start(record.on_events, record.on_state)
    try:
        sent = air.call(strap.play(notes, clock=clock, drops=((45.0, 3.0),)), timeout_s=60)
    finally:
        source.stop()
    starts = [c for c in strap.commands if c[0] == pmd.OP_START]
    assert len(starts) == 4 and source.n_connections == 2  # ECG and ACC asked for again on the new link
    gaps = record.of(Gap)
    assert [g.reason for g in gaps].count("lost_samples") >= 3 and "disconnected" in [g.reason for g in gaps]
    assert source.pmd is not None and source.pmd.n_bad_frames == 0  # (the new link's session)
    beats = np.array([b.t_s for b in record.of(DeviceBeat)])
    assert np.all(np.diff(beats) > 0)
    bad_t = [notes[i].t_s for i in ecg_at[20:23]]
    lost = (bad_t[0] - 1.2, bad_t[-1] + 0.6)  # the cut frames' samples (and the detector's restart)
    for lo, hi in ((5.0, lost[0]), (lost[1] + 2.5, 44.0), (51.0, sent[-1].t_s - 1.0)):
        score, _ = f1(beats - LATENCY_S, rec.beat_t_s, lo, hi)
        assert score == 1.0, (lo, hi, score)
    # nothing invented where samples were lost or the link was down
    assert not np.any((beats > bad_t[0] - 0.5 + LATENCY_S) & (beats < bad_t[-1] - 0.6))
    assert not np.any((beats > 45.2) & (beats < 48.0))


@pytest.mark.parametrize("breathing_bpm", [4.5, 12.0])
def test_h10_chest_breathing_rate_is_the_persons_at_slow_and_everyday_rates(air, record, breathing_bpm):
    rec = record_person(90.0, breathing_bpm=breathing_bpm, seed=5)
    _, source, _ = run_h10(air, record, rec)
    truth_bpm = rec.breath_bpm[-1500:].mean()  # the last minute: the rate's window
    rate = source.pmd.breath if source.pmd is not None else None
    assert rate is not None and abs(rate.rate_bpm - truth_bpm) < 0.5
    print(f"H10 chest breathing {rate.rate_bpm:.2f}/min vs the person's {truth_bpm:.2f}/min")


def test_an_h10_that_refuses_its_ecg_says_so_and_its_beats_come_from_the_rr_values(air, record):
    rec = record_person(80.0, breathing_bpm=6.0)
    notes = [n for n in rec.notes() if not (n.char == "pmd" and n.payload[0] == pmd.ECG)]  # none sent
    strap = VirtualH10(air, refuse={pmd.ECG: 12})  # "invalid state": another app holds it, say
    clock = ManualClock()
    source = BleHeartRateSource(clock=clock, backend=air.backend)
    source.start(record.on_events, record.on_state)
    try:
        sent = air.call(strap.play(notes, clock=clock), timeout_s=60)
    finally:
        source.stop()
    connected = record.said(CONNECTED)[0]
    assert connected.message == ("Connected to Polar H10 0A1B2C3D (C0:11:22:33:44:55): breathing from its "
                                 "accelerometer. Note: the strap did not start its ECG (invalid state).")
    assert connected.notice
    assert [i.protocol for i in record.of(DeviceInfo)] == ["ble-hrm"]  # no ECG
    beats = record.of(DeviceBeat)
    truth_t = np.array([t for n in sent for t in n.beat_t_s])
    assert len(beats) == len(truth_t) > 80 and all(b.ibi_ms is not None for b in beats)  # the strap's RR values
    rr = np.array([b.ibi_ms for b in beats])
    every = rec.beat_t_s
    true_rr_ms = (every[np.searchsorted(every, truth_t)] - every[np.searchsorted(every, truth_t) - 1]) * 1000
    assert np.max(np.abs(rr - true_rr_ms)) < 1.0
    rate = source.pmd.breath if source.pmd is not None else None
    assert rate is not None and abs(rate.rate_bpm - rec.breath_bpm[-1500:].mean()) < 0.5
