"""Simulated person and PPG: reproducible, chunk-invariant, and physiologically shaped."""

from __future__ import annotations

import numpy as np
from scipy import signal

from biofeedback.core.simulation import (
    ArtifactParams,
    PersonParams,
    PpgSynth,
    SimulatedPerson,
    simulate_ppg,
    simulate_rr,
)


def _beat_arrays(beats):
    return np.array([b.t_s for b in beats]), np.array([b.rr_ms for b in beats])


def _rr_peak_hz(beats, t_from_s: float, band_hz=(0.03, 0.4)) -> float:
    """Frequency of the highest peak in band_hz of the 4 Hz resampled RR series."""
    t, rr = _beat_arrays(beats)
    keep = t >= t_from_s
    grid = np.arange(t[keep][0], t[keep][-1], 0.25)
    rr4 = np.interp(grid, t[keep], rr[keep])
    f, p = signal.welch(rr4 - rr4.mean(), fs=4.0, nperseg=min(grid.size, 1024))
    band = (f >= band_hz[0]) & (f <= band_hz[1])
    return float(f[band][np.argmax(p[band])])


def test_same_seed_gives_same_beats_and_other_seed_differs():
    a = simulate_rr(120.0, seed=5)
    b = simulate_rr(120.0, seed=5)
    c = simulate_rr(120.0, seed=6)
    assert a == b
    assert [x.t_s for x in a[:20]] != [x.t_s for x in c[:20]]
    t1, v1, _ = simulate_ppg(20.0, 200.0, seed=5)
    t2, v2, _ = simulate_ppg(20.0, 200.0, seed=5)
    assert np.array_equal(v1, v2) and np.array_equal(t1, t2)


def test_ppg_synth_output_is_identical_for_any_chunking():
    person = PersonParams()
    art = ArtifactParams(rate_per_min=4.0, motion_bursts_per_min=2.0, finger_off_per_min=2.0)
    n_total = 250 * 90
    whole = PpgSynth(SimulatedPerson(person, art, seed=3), fs_hz=250.0, seed=3).step(n_total)
    synth = PpgSynth(SimulatedPerson(person, art, seed=3), fs_hz=250.0, seed=3)
    sizes, parts, done, i = [1, 7, 256, 1000, 3], [], 0, 0
    while done < n_total:
        k = min(sizes[i % len(sizes)], n_total - done)
        parts.append(synth.step(k))
        done += k
        i += 1
    assert np.array_equal(np.concatenate([p[0] for p in parts]), whole[0])
    assert np.array_equal(np.concatenate([p[1] for p in parts]), whole[1])
    assert [b for p in parts for b in p[2]] == whole[2]


def test_person_advance_is_identical_for_any_chunking():
    one = SimulatedPerson(seed=9).advance(60.0)
    p = SimulatedPerson(seed=9)
    many = [b for _ in range(60 * 13) for b in p.advance(1.0 / 13.0)]
    assert np.allclose([b.t_s for b in many], [b.t_s for b in one], rtol=0, atol=1e-9)
    assert [b.kind for b in many] == [b.kind for b in one]


def test_truth_beat_time_is_the_systolic_peak_of_the_ppg():
    t, v, beats = simulate_ppg(30.0, 1000.0, noise=0.0, seed=2)
    half = 30  # samples either side: 30 ms
    for b in beats[1:-1]:
        i = int(round(b.t_s * 1000.0))
        local = v[i - half : i + half + 1]
        # the sample nearest the truth is within quantisation of the local maximum
        assert local.max() - v[i] <= 1.0


def _per_breath_peak_to_trough(bpm: float, seed: int) -> float:
    person = SimulatedPerson(PersonParams(), seed=seed)
    person.set_breathing_rate(bpm)
    beats = person.advance(200.0)
    t, rr = _beat_arrays(beats)
    keep = t > 100.0  # breathing phase log covers the last 100 s
    hr = 60000.0 / rr[keep]
    cycle = np.floor(person.breathing_phase(t[keep])).astype(int)
    swings = [np.ptp(hr[cycle == c]) for c in np.unique(cycle)[1:-1]]
    return float(np.mean(swings))


def test_rsa_swing_is_largest_at_resonance_and_small_at_twelve_per_minute():
    at_res = np.mean([_per_breath_peak_to_trough(5.5, s) for s in (1, 2)])
    at_12 = np.mean([_per_breath_peak_to_trough(12.0, s) for s in (1, 2)])
    assert 10.0 <= at_res <= 22.0  # ~15 bpm set, plus drift and jitter
    assert 2.0 <= at_12 <= 8.0  # a few bpm
    assert at_res > 2.0 * at_12


def test_heart_rate_oscillates_at_the_pacer_frequency_after_the_lag():
    beats = simulate_rr(300.0, breathing_bpm=6.0, seed=4)  # starts at 13/min spontaneous
    assert abs(_rr_peak_hz(beats, 40.0) - 0.1) <= 0.012
    own = simulate_rr(300.0, PersonParams(compliance=0.0), breathing_bpm=6.0, seed=4)
    # at 13/min RSA is a few bpm, below the VLF drift: look in the HF band
    assert abs(_rr_peak_hz(own, 40.0, (0.15, 0.4)) - 13.0 / 60.0) <= 0.015


def test_breathing_rate_glides_to_a_new_pacer_rate_with_the_follow_lag():
    person = SimulatedPerson(PersonParams(spontaneous_bpm=12.0, follow_lag_s=5.0), seed=1)
    person.advance(30.0)
    person.set_breathing_rate(6.0)
    person.advance(60.0)

    def rate_bpm(t_s: float) -> float:
        return float(np.diff(person.breathing_phase([t_s - 0.5, t_s + 0.5]))[0] * 60.0)

    start = 30.0 + 1.0  # the change applies after the lookahead (<= 1 s)
    assert abs(rate_bpm(29.0) - 12.0) < 0.05
    expected_one_lag = 6.0 + 6.0 * np.exp(-1.0)
    assert abs(rate_bpm(start + 5.0) - expected_one_lag) < 0.6
    assert abs(rate_bpm(80.0) - 6.0) < 0.05


def test_rhythm_artifacts_appear_at_about_the_requested_rate():
    minutes = 20.0
    beats = simulate_rr(minutes * 60.0, artifacts=ArtifactParams(rate_per_min=6.0), seed=7)
    kinds = [b.kind for b in beats]
    counts = {k: kinds.count(k) for k in ("ectopic", "missed", "extra")}
    expected = 6.0 * minutes
    # Poisson with mean 120: +-4 sd is ~ +-44
    assert abs(sum(counts.values()) - expected) < 45
    assert all(c >= expected / 3 - 20 for c in counts.values())
    rr = np.array([b.rr_ms for b in beats])
    med = np.median(rr)
    ectopic = [i for i, k in enumerate(kinds) if k == "ectopic" and i + 1 < len(kinds)]
    assert all(rr[i] < 0.85 * med and rr[i + 1] > 1.1 * med for i in ectopic)


def test_finger_off_gaps_appear_at_about_the_requested_rate_and_hide_beats():
    t, v, beats = simulate_ppg(
        600.0, 100.0, artifacts=ArtifactParams(finger_off_per_min=1.0), seed=3
    )
    dark = v < 0.05 * 1023
    n_gaps = int(np.count_nonzero(np.diff(dark.astype(int)) == 1) + dark[0])
    assert 3 <= n_gaps <= 20  # Poisson mean 10 (overlapping gaps merge)
    missed = np.array([b.t_s for b in beats if b.kind == "finger_off"])
    assert missed.size > 0
    assert np.all(dark[np.round(missed * 100.0).astype(int)])


def test_motion_bursts_disturb_the_waveform_at_about_the_requested_rate():
    clean = simulate_ppg(600.0, 100.0, seed=3)[1]
    moved = simulate_ppg(600.0, 100.0, artifacts=ArtifactParams(motion_bursts_per_min=1.0), seed=3)[
        1
    ]
    disturbed = np.abs(moved - clean) > 0.2 * 0.2 * 1023  # > 20 % of a pulse amplitude
    seconds = np.unique(np.flatnonzero(disturbed) // 100)
    n_bursts = 1 + int(np.count_nonzero(np.diff(seconds) > 5)) if seconds.size else 0
    assert 3 <= n_bursts <= 20  # Poisson mean 10


def test_person_following_a_pacer_locks_onto_its_phase():
    """HR peaks end up at a fixed point of the pacer's cycle, whatever the starting phase."""
    person = SimulatedPerson(PersonParams(resonance_bpm=6.0, follow_lag_s=5.0, pacer_reaction_s=0.0), seed=4)
    person.follow_pacer(6.0, phase_cycles=0.3, at_t_s=0.0)
    person.advance(120.0)
    t = np.arange(60.0, 120.0, 0.5)
    pacer_phase = (0.3 + t * 6.0 / 60.0) % 1.0
    error = (person.breathing_phase(t) - pacer_phase + 0.5) % 1.0 - 0.5
    assert np.max(np.abs(error)) < 0.02  # within 2 % of a breath after a minute
    # a reaction time: the same rhythm, that much late (1.0 s at 6 /min = 0.1 cycle)
    late = SimulatedPerson(PersonParams(resonance_bpm=6.0, follow_lag_s=5.0, pacer_reaction_s=1.0), seed=4)
    late.follow_pacer(6.0, phase_cycles=0.3, at_t_s=0.0)
    late.advance(120.0)
    behind = (pacer_phase - late.breathing_phase(t) + 0.5) % 1.0 - 0.5
    assert np.allclose(behind, 0.1, atol=0.02)
    # without the phase, only the rate is followed: the phase stays wherever it was
    free = SimulatedPerson(PersonParams(resonance_bpm=6.0), seed=4)
    free.set_breathing_rate(6.0)
    free.advance(120.0)
    drift = (free.breathing_phase(t) - pacer_phase + 0.5) % 1.0 - 0.5
    assert np.max(np.abs(drift)) > 0.1


def test_phase_locking_is_chunk_invariant():
    a = SimulatedPerson(PersonParams(), seed=9)
    b = SimulatedPerson(PersonParams(), seed=9)
    for p in (a, b):
        p.follow_pacer(5.5, 0.0, 0.0)
    beats_a = a.advance(90.0)
    beats_b = [x for _ in range(90) for x in b.advance(1.0)]
    assert [x.t_s for x in beats_a] == [x.t_s for x in beats_b]


# --- pulse shapes and sensor models (core/simulation) ------------------------------------


def _peaks_and_values(shape="classic", sensor=None, fs=250.0, seed=2, noise=0.0):
    from biofeedback.core.simulation import sensor_for

    params = sensor_for(sensor, seed=seed) if sensor else None
    t, v, beats = simulate_ppg(60.0, fs, seed=seed, noise=noise, shape=shape, sensor=params)
    return t, v, np.array([b.t_s for b in beats[2:-2]]), params


def test_reflected_shape_has_a_tall_diastolic_wave_after_a_notch():
    t, v, peaks, _ = _peaks_and_values("reflected", fs=500.0)
    ratios = []
    for p in peaks:
        i = int(round(p * 500.0))
        seg = v[i : i + 250]  # 0.5 s after the systolic peak
        notch = int(np.argmin(seg[:200]))
        foot = v[i - 150 : i].min()
        ratios.append((seg[notch:].max() - foot) / (v[i] - foot))
    assert 0.35 < np.median(ratios) < 0.8  # heartpy data.csv: about 0.5


def test_max30102_raw_ir_has_a_high_dc_a_small_inverted_pulse_and_18_bits():
    t, v, peaks, params = _peaks_and_values(sensor="max3010x", fs=100.0)
    assert 50000 <= params.dc <= 250000 and 0.005 <= params.perfusion <= 0.02
    assert v.max() <= 262143 and np.all(v == np.rint(v))
    dips = [np.median(v[int(p * 100) - 40 : int(p * 100) + 40]) - v[int(round(p * 100))] for p in peaks]
    assert np.all(np.array(dips) > 0)  # the value falls at each systolic peak
    swing = np.percentile(v, 99) - np.percentile(v, 1)
    assert 0.003 * params.dc < swing < 0.06 * params.dc  # pulse plus breathing, ~1 % of DC


def test_pulsesensor_is_ac_coupled_around_mid_scale_and_clips_at_the_rails():
    from biofeedback.core.simulation import SensorParams

    t, v, _, _ = _peaks_and_values(sensor="pulsesensor")
    assert abs(np.median(v) - 512) < 60 and v.min() >= 0 and v.max() <= 1023
    _, loud, _ = simulate_ppg(30.0, 250.0, seed=2, sensor=SensorParams("pulsesensor", 1023, gain=1.5))
    assert np.mean(loud == 1023) > 0.02  # an overdriven amplifier gives flat tops


def test_cms50d_automatic_gain_fills_0_100_whatever_the_pulse_size():
    from biofeedback.core.simulation import SensorModel, sensor_for

    t, _, beats = simulate_ppg(60.0, 60.0, seed=3)
    x = np.zeros(t.size)
    for b in beats:  # a bare pulse train in systolic heights
        x += np.exp(-0.5 * ((t - b.t_s) / 0.08) ** 2)
    spans = []
    for scale in (0.2, 1.0, 5.0):
        v = SensorModel(sensor_for("cms50d"), 60.0).convert(scale * x)
        assert v.min() >= 0 and v.max() <= 100
        spans.append(np.percentile(v[1200:], 95) - np.percentile(v[1200:], 5))
    assert min(spans) > 30 and max(spans) / min(spans) < 1.2  # the gain undoes the pulse size


def test_sensor_models_are_identical_for_any_chunking():
    from biofeedback.core.simulation import sensor_for

    for kind in ("pulsesensor", "max3010x", "cms50d"):
        def synth(kind=kind):
            return PpgSynth(SimulatedPerson(PersonParams(), ArtifactParams(finger_off_per_min=2.0), seed=4),
                            fs_hz=100.0, seed=4, shape="reflected", sensor=sensor_for(kind, seed=4))
        whole = synth().step(6000)[1]
        s = synth()
        parts = [s.step(k)[1] for k in (1, 7, 256, 1000, 3, 4733)]
        assert np.array_equal(np.concatenate(parts), whole), kind
