"""Hard pulse shapes and real sensor models, through each protocol's encoder and decoder, vs truth."""

from __future__ import annotations

import numpy as np
import pytest
from scoring import clock_offset_s, match_f1

from biofeedback.core.beats.ppg import PpgBeatDetector, detect_beats
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols import make_decoder
from biofeedback.core.simulation import SensorParams, sensor_for, simulate_ppg
from biofeedback.io.simulator import SensorSimulator, SimulatorSettings

DURATION_S = 240.0


def _through_protocol(protocol: str, shape: str, seed: int = 3):
    """Simulated person -> shape -> the protocol's sensor -> encoder bytes -> decoder -> pipeline."""
    sim = SensorSimulator(SimulatorSettings(protocol=protocol, shape=shape, seed=seed,
                                            breathing_bpm=6.0))
    decoder, pipeline = make_decoder(protocol), Pipeline(beat_source="ppg")
    found: list[float] = []
    for k in range(1, int(DURATION_S) + 1):
        found += pipeline.feed(decoder.feed(sim.generate(float(k)))).detections_t_s
    found += pipeline.flush().detections_t_s
    truth = np.array([b.t_s for b in sim.truth if b.kind == "normal"])
    return np.array(found), truth, pipeline


def _f1_inside(found, truth, lo=6.0, hi=DURATION_S - 2.0):
    offset = clock_offset_s(found, truth)  # line-counting decoders start their clock at 0
    f = found + offset
    return match_f1(f[(f > lo) & (f < hi)], truth[(truth > lo) & (truth < hi)])


@pytest.mark.parametrize("protocol", ["native", "pulsesensor-plotter", "max3010x", "cms50d-v7"])
@pytest.mark.parametrize("shape", ["classic", "reflected", "dominant-reflected", "breathing"])
def test_every_sensor_model_and_hard_shape_reach_f1_0995(protocol, shape):
    found, truth, pipeline = _through_protocol(protocol, shape)
    assert _f1_inside(found, truth) >= 0.995
    assert not pipeline.polarity_unsure  # these shapes show their direction (never a guess)
    if protocol == "max3010x":  # declared by the decoder, not guessed
        assert pipeline.detector.polarity == -1


def test_max3010x_raw_ir_falls_at_each_beat_and_is_found_inverted_by_itself():
    t, v, beats = simulate_ppg(120.0, 100.0, breathing_bpm=6.0, seed=4, shape="reflected",
                               sensor=sensor_for("max3010x", seed=4))
    truth = np.array([b.t_s for b in beats])
    i = int(round(truth[10] * 100.0))
    assert v[i] < np.median(v[i - 50:i + 50])  # the value falls at the systolic peak
    det = PpgBeatDetector(100.0, adc_max=262143)  # no declared polarity
    found = np.concatenate([det.feed(t, v), det.flush()])
    assert det.polarity == -1
    assert match_f1(found[found > 5], truth[truth > 5]) >= 0.995


def test_clipped_flat_tops_give_the_middle_of_the_plateau():
    strong = SensorParams("pulsesensor", 1023, gain=1.5)  # the pulse overdrives the ADC
    t, v, beats = simulate_ppg(120.0, 500.0, seed=5, sensor=strong)
    assert np.mean(v == 1023) > 0.02  # really clipped
    truth = np.array([b.t_s for b in beats])
    found = detect_beats(t, v, 500.0, adc_max=1023)
    assert match_f1(found[found > 5], truth[truth > 5]) >= 0.995


def test_low_perfusion_half_a_percent_of_dc_with_noise():
    weak = SensorParams("max3010x", 262143, dc=240000.0, perfusion=0.005)
    t, v, beats = simulate_ppg(120.0, 100.0, seed=6, noise=0.03, sensor=weak, shape="reflected")
    assert (v.max() - v.min()) < 0.03 * v.mean()
    truth = np.array([b.t_s for b in beats])
    found = detect_beats(t, v, 100.0, adc_max=262143, polarity=-1)
    assert match_f1(found[found > 5], truth[truth > 5]) >= 0.995


@pytest.mark.parametrize("fs_hz", [20.0, 2000.0])
def test_sample_rates_from_20_hz_to_2_khz(fs_hz):
    t, v, beats = simulate_ppg(120.0, fs_hz, seed=7, shape="reflected")
    truth = np.array([b.t_s for b in beats])
    found = detect_beats(t, v, fs_hz, adc_max=1023)
    assert match_f1(found[found > 5], truth[truth > 5]) >= 0.995


def test_inverted_wrist_ppg_at_20_hz_with_irregular_timestamps():
    t, v, beats = simulate_ppg(180.0, 500.0, seed=8, shape="reflected", breathing_bpm=12.0,
                               sensor=sensor_for("max3010x", seed=8))
    rng = np.random.default_rng(8)
    stamps = np.cumsum(rng.uniform(0.035, 0.065, 4000))  # 20 Hz on average, +-30 % jitter
    stamps = stamps[stamps < t[-1]]
    values = np.rint(np.interp(stamps, t, v))
    truth = np.array([b.t_s for b in beats])
    found = detect_beats(stamps, values, 20.0)
    assert match_f1(found[found > 6], truth[(truth > 6) & (truth < stamps[-1] - 1)]) >= 0.98


def test_finger_off_on_an_inverted_ir_sensor_reads_finger_off():
    from biofeedback.core.simulation import ArtifactParams
    from biofeedback.core.types import SignalQuality

    t, v, _ = simulate_ppg(240.0, 100.0, artifacts=ArtifactParams(finger_off_per_min=1.0), seed=1,
                           sensor=sensor_for("max3010x", seed=1))
    dark = v < 50000  # what the SparkFun sketch calls "No finger?"
    assert dark.any()
    det = PpgBeatDetector(100.0, adc_max=262143, polarity=-1)
    states = []
    for i in range(0, t.size, 50):
        det.feed(t[i:i + 50], v[i:i + 50])
        j = i + 49
        if j >= 400 and dark[j - 200:j + 1].all():
            states.append(det.quality)
    assert states and all(q is SignalQuality.FINGER_OFF for q in states)
