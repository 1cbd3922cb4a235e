"""A Polar H10's raw ECG and chest accelerometer over PMD, against a virtual H10 (tests/ble/virtual_h10.py)."""

from __future__ import annotations

import time

import numpy as np
from virtual_h10 import VirtualH10, record_person
from virtual_strap import LATENCY_S

from biofeedback.core import polar_pmd as pmd
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import DeviceBeat, DeviceInfo
from biofeedback.io.ble_source import BleHeartRateSource
from biofeedback.io.clock import ManualClock
from biofeedback.io.source import CONNECTED

MATCH_S = 0.05  # a detected beat within this of a true one is that beat


def f1(found: np.ndarray, truth: np.ndarray, tol_s: float = MATCH_S) -> tuple[float, np.ndarray]:
    """F1 of one-to-one matches (greedy by time), and the matched timing errors."""
    j, hits, errors = 0, 0, []
    for t in truth:
        while j < found.size and found[j] < t - tol_s:
            j += 1
        if j < found.size and abs(found[j] - t) <= tol_s:
            hits += 1
            errors.append(found[j] - t)
            j += 1
    precision, recall = hits / max(found.size, 1), hits / max(truth.size, 1)
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
    rec = record_person(200.0, breathing_bpm=6.0)
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
    truth = rec.beat_t_s[(rec.beat_t_s > first_frame_t + 2.5) & (rec.beat_t_s < sent[-1].t_s - 1.0)]
    found = beats[(beats > truth[0] - 0.5 + offset) & (beats < truth[-1] + 0.5 + offset)] - offset
    score, errors = f1(found, truth)
    assert score >= 0.995
    assert np.abs(errors).max() < 0.008 and abs(np.median(errors)) < 0.003
    out = Pipeline(correct=False).feed(record.events)
    rr = np.array([b.rr_ms for b in out.beats])
    assert np.median(np.abs(rr - np.diff(beats)[-rr.size:] * 1000)) < 1e-6  # the pipeline keeps them
    rate = source.pmd.breath if source.pmd is not None else None
    assert rate is not None and abs(rate.rate_bpm - rec.breath_bpm[-1500:].mean()) < 0.5
    print(f"H10 {sent[-1].t_s:.0f} s in {wall_s:.2f} s wall: {truth.size} beats, F1 {score:.4f}, "
          f"timing error median {1000 * np.median(errors):+.2f} ms, max {1000 * np.abs(errors).max():.2f} ms; "
          f"breathing {rate.rate_bpm:.2f}/min vs {rec.breath_bpm[-1500:].mean():.2f}")
