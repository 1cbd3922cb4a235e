"""A NaN or inf sample is a gap, never filter state: every later beat is kept (issue 25, item 1).

Before: one NaN in a 120 s PPG record fed in chunks left 30 of 129 beats, none
after it, and the stream stayed on "no signal" for good; the ECG detector's
``zi`` was poisoned the same way.
"""

from __future__ import annotations

import numpy as np
import pytest
from ecg_synth import synth_ecg

from biofeedback.core.beats.ecg import detect_r_peaks
from biofeedback.core.beats.ppg import detect_beats
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols.native import NativeDecoder
from biofeedback.core.simulation import simulate_ppg
from biofeedback.core.types import DeviceBeat, DeviceInfo, Gap, PpgBlock, SignalQuality

FS_HZ = 100.0
NAN_AT = 3000  # sample index: 30 s into the record
SAME_S = 0.005  # a beat after the gap is "the same beat" within 5 ms


@pytest.fixture(scope="module")
def record() -> tuple[np.ndarray, np.ndarray]:
    t_s, values, _ = simulate_ppg(120.0, fs_hz=FS_HZ, seed=3)
    return np.asarray(t_s, float), np.asarray(values, float)


def pipeline_beats(t_s: np.ndarray, values: np.ndarray, chunk: int = 5) -> tuple[np.ndarray, Pipeline, list]:
    """Beat times of the pipeline fed ``chunk`` samples at a time, as a live source would."""
    pipeline, beats, outs = Pipeline(), [], []
    for i in range(0, t_s.size, chunk):
        out = pipeline.feed([PpgBlock(t_s[i:i + chunk], values[i:i + chunk], FS_HZ)])
        beats += out.beats
        outs.append((float(t_s[min(i + chunk, t_s.size) - 1]), out))
    beats += pipeline.flush().beats
    return np.array([b.t_s for b in beats]), pipeline, outs


def assert_same_after(found: np.ndarray, reference: np.ndarray, after_s: float) -> int:
    later, ref_later = found[found > after_s], reference[reference > after_s]
    assert later.size == ref_later.size, f"{later.size} beats after {after_s:.1f} s, {ref_later.size} without the NaN"
    np.testing.assert_allclose(later, ref_later, atol=SAME_S)
    return int(later.size)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_one_non_finite_sample_mid_stream_keeps_every_later_beat(record, bad):
    t_s, values = record
    reference, _, _ = pipeline_beats(t_s, values)
    spoilt = values.copy()
    spoilt[NAN_AT] = bad
    found, pipeline, outs = pipeline_beats(t_s, spoilt)
    # the glitch is bridged on the sample clock: the same beats throughout
    assert found.size == reference.size
    kept = assert_same_after(found, reference, t_s[NAN_AT])
    assert kept > 90
    assert pipeline.n_invalid == 1 and pipeline.quality == SignalQuality.GOOD
    assert all(np.isfinite(block.value).all() for _, o in outs for block in o.ppg)  # nothing non-finite drawn


def test_a_nan_time_stamp_is_a_hole_too(record):
    t_s, values = record
    reference, _, _ = pipeline_beats(t_s, values)
    t_bad = t_s.copy()
    t_bad[NAN_AT] = np.nan
    found, pipeline, _ = pipeline_beats(t_bad, values)
    assert_same_after(found, reference, t_s[NAN_AT])


def test_a_nan_stretch_shows_no_signal_and_detection_resumes_right_after(record):
    t_s, values = record
    reference, _, _ = pipeline_beats(t_s, values)
    spoilt = values.copy()
    spoilt[NAN_AT:NAN_AT + 200] = np.nan  # 2 s of NaN
    found, pipeline, outs = pipeline_beats(t_s, spoilt)
    gaps = [g for _, o in outs for g in o.gaps]
    assert [g.reason for g in gaps] == ["invalid_samples"]
    assert gaps[0].t_s == pytest.approx(t_s[NAN_AT - 1])
    # shown as no signal within the bridgeable length (0.5 s), while the NaN lasts
    shown = [t for t, o in outs if o.quality == SignalQuality.NO_SIGNAL and t > t_s[NAN_AT]]
    assert shown and shown[0] <= t_s[NAN_AT] + 0.6
    # nothing before the gap changes; after it, the detector learns afresh (BEAT_LEARN_S) and
    # then finds every beat from the end of the stretch on, the learning window included
    end = t_s[NAN_AT + 200]
    assert_same_after(found[found < t_s[NAN_AT] - 1.5], reference[reference < t_s[NAN_AT] - 1.5], 0.0)
    kept = assert_same_after(found, reference, end + 1.0)
    assert kept > 85
    assert pipeline.quality == SignalQuality.GOOD


def test_non_finite_values_through_any_chunking_give_the_same_beats(record):
    t_s, values = record
    spoilt = values.copy()
    spoilt[NAN_AT] = np.nan
    spoilt[NAN_AT + 1000:NAN_AT + 1030] = np.inf
    spoilt[NAN_AT + 3000:NAN_AT + 3300] = np.nan
    runs = [pipeline_beats(t_s, spoilt, chunk)[0] for chunk in (1, 7, 50, t_s.size)]
    for other in runs[1:]:
        np.testing.assert_array_equal(other, runs[0])


def test_the_detector_itself_is_never_poisoned(record):
    """Called directly (offline ``detect_beats``), without the pipeline's guard."""
    t_s, values = record
    reference = detect_beats(t_s, values, FS_HZ)
    for span in (1, 20, 300):
        spoilt = values.copy()
        spoilt[NAN_AT:NAN_AT + span] = np.nan
        found = detect_beats(t_s, spoilt, FS_HZ)
        assert np.isfinite(found).all()
        assert_same_after(found, reference, t_s[NAN_AT + span] + 6.0)  # after any re-learning


def test_a_value_of_1e30_was_never_the_problem_and_still_is_not(record):
    t_s, values = record
    reference, _, _ = pipeline_beats(t_s, values)
    spoilt = values.copy()
    spoilt[NAN_AT] = 1e30
    found, _, _ = pipeline_beats(t_s, spoilt)
    assert np.isfinite(found).all()
    assert found[found > t_s[NAN_AT] + 15].size >= reference[reference > t_s[NAN_AT] + 15].size - 2


@pytest.mark.parametrize("span", [1, 10, 260])  # one sample, 77 ms, 2 s at 130 Hz
def test_ecg_with_non_finite_samples_keeps_every_later_r_peak(span):
    fs = 130.0
    ecg, _ = synth_ecg(60, fs, seed=7)
    reference = detect_r_peaks(ecg, fs)
    spoilt = ecg.copy()
    spoilt[3000:3000 + span] = np.nan
    spoilt[5000] = np.inf
    found = detect_r_peaks(spoilt, fs)
    assert np.isfinite(found).all()
    assert_same_after(found, reference, (3000 + span) / fs + 0.5)
    if span == 1:
        assert found.size == reference.size


def test_a_beat_at_a_nan_time_is_dropped_and_ends_the_interval_chain():
    beat_t = np.cumsum(np.full(30, 0.8))
    events = [DeviceInfo("ibi")] + [DeviceBeat(float(t), 800.0) for t in beat_t[:15]]
    events += [DeviceBeat(float("nan"), float("nan"))]
    events += [DeviceBeat(float(t), 800.0) for t in beat_t[15:]]
    pipeline = Pipeline()
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    assert np.isfinite([b.t_s for b in out.beats]).all() and np.isfinite([b.rr_ms for b in out.beats]).all()
    assert len(out.beats) == 30  # 15 + 15: an IBI line's interval is whole, the first of a chain too (issue 19)
    assert [b.rr_ms for b in out.beats] == pytest.approx([800.0] * 30)
    assert pipeline.n_invalid == 1


def native_bytes(t_s: np.ndarray, values: np.ndarray, spoil: dict[int, str]) -> bytes:
    lines = ["#BF1 device=nan-test fs_hz=100 adc_max=1023"]
    for i, (t, v) in enumerate(zip(t_s.tolist(), values.tolist(), strict=True)):
        lines.append(f"P,{int(round(t * 1000))},{spoil.get(i, str(int(round(v))))}")
    return ("\n".join(lines) + "\n").encode()


def test_serial_native_lines_with_nan_or_inf_lose_no_later_beat(record):
    """The BF1 grammar takes digits only: a 'nan' line is dropped as damaged, a lost sample bridged."""
    t_s, values = record
    scaled = 200 + 600 * (values - values.min()) / np.ptp(values)

    def run(data: bytes) -> tuple[np.ndarray, NativeDecoder]:
        decoder, pipeline, beats = NativeDecoder(), Pipeline(), []
        for i in range(0, len(data), 4096):  # as a serial port delivers it
            beats += pipeline.feed(decoder.feed(data[i:i + 4096])).beats
        beats += pipeline.flush().beats
        return np.array([b.t_s for b in beats]), decoder

    reference, _ = run(native_bytes(t_s, scaled, {}))
    found, decoder = run(native_bytes(t_s, scaled, {NAN_AT: "nan", NAN_AT + 2000: "inf", NAN_AT + 4000: "-nan"}))
    assert decoder.stats.lines_bad == 3
    assert found.size == reference.size > 100
    assert_same_after(found, reference, t_s[NAN_AT])


def test_a_gap_before_a_nan_stretch_is_not_reported_twice(record):
    t_s, values = record
    spoilt = values.copy()
    spoilt[NAN_AT:NAN_AT + 200] = np.nan
    pipeline = Pipeline()
    out = pipeline.feed([PpgBlock(t_s[:NAN_AT + 100], spoilt[:NAN_AT + 100], FS_HZ),
                         Gap(float(t_s[NAN_AT + 100]), 0.5, "disconnected"),
                         PpgBlock(t_s[NAN_AT + 100:], spoilt[NAN_AT + 100:], FS_HZ)])
    out.extend(pipeline.flush())
    assert [g.reason for g in out.gaps] == ["invalid_samples", "disconnected"]
    assert len(out.beats) > 100
