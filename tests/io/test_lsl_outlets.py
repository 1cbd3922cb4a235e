"""LSL outlets over loopback: names, source ids, channel metadata read back, stamps, simulate --lsl."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid

import numpy as np
import pylsl
import pytest

import biofeedback
from biofeedback.core.types import Beat, MetricsUpdate, PpgBlock, SignalQuality
from biofeedback.io.lsl_outlets import (
    LIVE_CHANNELS,
    METRICS_CHANNELS,
    PACER_CHANNELS,
    RR_CHANNELS,
    ClockMap,
    LslOutlets,
    channel_labels,
    client_key,
    source_id,
    stream_name,
)


def resolve_one(sid: str) -> pylsl.StreamInfo:
    found = pylsl.resolve_byprop("source_id", sid, 1, 30.0)  # returns once found; a loaded machine starts the process slowly
    assert found, f"no stream {sid}"
    return found[0]


def pull(inlet: pylsl.StreamInlet, n: int) -> tuple[list, list]:
    """The ``n`` samples a test pushed, and any more that came with them.

    ``pull_chunk`` waits its whole timeout unless ``max_samples`` arrive; the pushes
    are done before this is called, so anything extra travels with the rest and
    is in by the short second look.
    """
    data, stamps = inlet.pull_chunk(timeout=5.0, max_samples=n)
    more, more_stamps = inlet.pull_chunk(timeout=0.2)
    return data + more, stamps + more_stamps


def full_info(sid: str) -> pylsl.StreamInfo:
    inlet = pylsl.StreamInlet(resolve_one(sid))
    return inlet.info(timeout=5.0)


def test_names_and_source_ids_are_stable_per_client_and_host():
    assert stream_name("Anna B.", "RR") == "biofeedback_Anna-B_RR"
    assert source_id("Anna B.", "RR", host="lab-pc") == "biofeedback:lab-pc:Anna-B:RR"
    assert source_id("Anna B.", "RR") == source_id("Anna B.", "RR")  # same host, same id after a restart
    assert client_key("biofeedback:lab-pc:Anna-B:RR") == "biofeedback:lab-pc:Anna-B"
    assert client_key("someone-else:RR") is None


def test_metadata_read_back_has_labels_units_types_and_manufacturer():
    client = f"meta-{uuid.uuid4().hex[:6]}"
    outlets = LslOutlets(client, "Meta Client", device="/dev/ttyUSB0")
    outlets.push_ppg([PpgBlock(np.arange(50) / 250.0, np.ones(50), 250.0)])
    expected = {"RR": RR_CHANNELS, "LiveBeats": LIVE_CHANNELS, "Metrics": METRICS_CHANNELS, "Pacer": PACER_CHANNELS,
                "PPG": (("ppg", "au", "PPG"),), "Markers": (("marker", "", "Markers"),)}
    rates = {"RR": 0.0, "LiveBeats": 0.0, "Metrics": 0.0, "Pacer": 10.0, "PPG": 250.0, "Markers": 0.0}
    for kind, channels in expected.items():
        info = full_info(source_id(client, kind))
        assert info.name() == stream_name(client, kind)
        assert info.type() == kind
        assert info.nominal_srate() == rates[kind]
        assert channel_labels(info) == [tuple(c) for c in channels]
        assert info.desc().child_value("manufacturer") == "biofeedback"
        assert info.desc().child("biofeedback").child_value("display_name") == "Meta Client"
        assert info.desc().child("biofeedback").child_value("version") == biofeedback.__version__
    assert full_info(source_id(client, "Markers")).channel_format() == pylsl.cf_string


def test_beats_are_stamped_at_the_beat_on_the_local_clock():
    client = f"stamp-{uuid.uuid4().hex[:6]}"
    outlets = LslOutlets(client)
    inlet = pylsl.StreamInlet(resolve_one(source_id(client, "RR")))
    inlet.open_stream(5.0)
    now = pylsl.local_clock()
    outlets.clock.note(500.0, local_t_s=now)  # device time 500 s arrives now
    beats = [Beat(498.2, 900.0), Beat(499.1, 900.0, corrected=True, kind="ectopic")]
    outlets.push_beats(beats, SignalQuality.GOOD)
    data, stamps = pull(inlet, 2)
    assert np.allclose(stamps, [now - 1.8, now - 0.9], atol=1e-6)
    assert data == [[900.0, 0.0, 1.0], [900.0, 1.0, 1.0]]


def test_live_beats_go_out_at_detection_stamped_at_the_peak_and_corrected_ones_replace_them():
    """Raw detections 0.0, 1.0, 1.8, 2.4 s: intervals 1000, 800, 600 ms at once (no interval for the
    first); the corrector then makes 1.8 s an 850 ms beat, so the next 3-beat HR uses it."""
    client = f"live-{uuid.uuid4().hex[:6]}"
    outlets = LslOutlets(client)
    inlet = pylsl.StreamInlet(resolve_one(source_id(client, "LiveBeats")))
    inlet.open_stream(5.0)
    now = pylsl.local_clock()
    outlets.clock.note(10.0, local_t_s=now)  # device time 10 s arrives now
    outlets.push_live([7.0, 8.0, 8.8], [])
    outlets.push_live([9.4], [Beat(8.0, 1000.0), Beat(8.85, 850.0, corrected=True)])
    outlets.push_live([10.4], [])
    data, stamps = pull(inlet, 4)
    assert np.allclose(stamps, [now - 2.0, now - 1.2, now - 0.6, now + 0.4], atol=1e-6)
    rr = [row[0] for row in data]
    assert rr == pytest.approx([1000.0, 800.0, 600.0, 1000.0], abs=1e-3)
    hr = [row[1] for row in data]
    assert hr[0] == pytest.approx(60.0, rel=1e-5)
    assert hr[2] == pytest.approx(60000 / np.mean([1000, 800, 600]), rel=1e-5)
    # 1.8 s was replaced by the corrected 850 ms beat: shown intervals 1000, 850, 600, 1000
    assert hr[3] == pytest.approx(60000 / np.mean([850, 600, 1000]), rel=1e-4)
    outlets.push_live([12.0], [], gap=True)  # after a gap the first detection has no interval
    outlets.push_live([13.0], [])
    data, _ = pull(inlet, 1)
    assert [row[0] for row in data] == pytest.approx([1000.0], abs=1e-3)


def test_metrics_hr_is_the_three_beat_hr_and_nan_when_unknown():
    client = f"met-{uuid.uuid4().hex[:6]}"
    outlets = LslOutlets(client)
    inlet = pylsl.StreamInlet(resolve_one(source_id(client, "Metrics")))
    inlet.open_stream(5.0)
    outlets.push_beats([Beat(1.0, 1000.0), Beat(1.8, 800.0), Beat(2.4, 600.0), Beat(3.6, 1200.0)],
                       SignalQuality.GOOD)
    outlets.push_metrics(MetricsUpdate(t_s=3.6, rmssd_ms=42.0), SignalQuality.NO_SIGNAL, n_beats=4)
    data, _ = pull(inlet, 1)
    row = dict(zip([c[0] for c in METRICS_CHANNELS], data[0], strict=True))
    assert row["hr_bpm"] == pytest.approx(60000 / np.mean([800, 600, 1200]), rel=1e-6)
    assert row["rmssd_ms"] == pytest.approx(42.0)
    assert np.isnan(row["coherence_ratio"]) and np.isnan(row["pacer_bpm"]) and np.isnan(row["hr_swing_bpm"])
    assert row["signal_ok"] == 0.0 and row["n_beats"] == 4.0


def test_clock_map_takes_the_least_delayed_arrival():
    m = ClockMap(window_s=10.0)
    m.note(0.0, local_t_s=100.3)  # arrived 0.3 s late
    m.note(1.0, local_t_s=101.05)  # arrived 0.05 s late: the better estimate
    m.note(2.0, local_t_s=102.4)
    assert m.offset_s == pytest.approx(100.05)
    assert m.to_local(1.5) == pytest.approx(101.55)
    m.note(20.0, local_t_s=120.2)  # the old minimum left the window: follow a drifting clock
    assert m.offset_s == pytest.approx(100.2)


@pytest.mark.slow(about_s=16)
def test_simulate_lsl_publishes_all_five_streams_with_a_paced_guide():
    name = f"sim-{uuid.uuid4().hex[:6]}"
    sim = subprocess.Popen([sys.executable, "-m", "biofeedback", "simulate", "--lsl", "--name", name,
                            "--breathing-rate", "6", "--duration", "60"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        kinds = {k: resolve_one(source_id(name, k)) for k in ("PPG", "RR", "Metrics", "Pacer", "Markers")}
        assert kinds["PPG"].nominal_srate() == 250.0  # the native protocol's device rate
        pacer = pylsl.StreamInlet(kinds["Pacer"])
        rr = pylsl.StreamInlet(kinds["RR"])
        pacer.open_stream(5.0)
        rr.open_stream(5.0)
        guide, g_t, beats = [], [], []
        deadline = time.monotonic() + 30.0  # generous: only a loaded machine needs more than 10 s
        # until a full breath and six beats are in (12 s of sleep before; at 6/min a breath takes 10 s)
        while time.monotonic() < deadline and not (
                len(beats) >= 6 and guide and min(g[0] for g in guide) < 0.05 and max(g[0] for g in guide) > 0.95):
            time.sleep(0.5)
            chunk, stamps = pacer.pull_chunk(timeout=0.0, max_samples=100000)
            guide, g_t = guide + chunk, g_t + stamps
            beats += rr.pull_chunk(timeout=0.0)[0]
    finally:
        sim.terminate()
        sim.wait(10)
    guide = np.array(guide)
    assert np.all(guide[:, 1] == 6.0)
    assert 0.0 <= guide[:, 0].min() < 0.05 and 0.95 < guide[:, 0].max() <= 1.0  # a full breath in 12 s
    assert np.median(np.diff(g_t)) == pytest.approx(0.1, abs=0.01)
    rr_ms = np.array(beats)[:, 0]
    assert len(rr_ms) >= 6 and np.all((rr_ms > 600) & (rr_ms < 1400))
