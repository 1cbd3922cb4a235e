"""One interval rule everywhere (issue 19): impossible or off-rhythm intervals never enter HRV as normal.

Real intervals: pyhrv's 4,684-interval NN series (tests/data/validation/README.md),
with device glitches (values under 250 ms, 2.5-5 s) and runs of doubled intervals
put in by the tests. Everything runs the real corrector and pipeline.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from biofeedback import config as cfg
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols.ibi import IbiDecoder
from biofeedback.core.rr.artifacts import ArtifactCorrector, correct_intervals
from biofeedback.core.rr.intervals import is_plausible_rr, off_rhythm, plausible_rr
from biofeedback.core.rr.offline import correct_offline
from biofeedback.core.types import DeviceBeat, DeviceInfo, Gap

NN_FILE = Path(__file__).parents[1] / "data" / "validation" / "pyhrv_SampleNNISeriesLong.npy"
GLITCHES_MS = (120.0, 180.0, 240.0, 2600.0, 3400.0, 4800.0)  # timer overflow, lost contact


@pytest.fixture(scope="module")
def nn_ms() -> np.ndarray:
    return np.load(NN_FILE).astype(float)


def with_glitches(nn: np.ndarray, every: int = 50, seed: int = 1) -> tuple[np.ndarray, int]:
    """The series with a glitch value inserted every ``every`` intervals; (series, glitch count)."""
    rng = np.random.default_rng(seed)
    at = np.arange(every, nn.size - 10, every)
    return np.insert(nn, at, rng.choice(GLITCHES_MS, at.size)), int(at.size)


def rmssd_of(beats) -> float:
    """RMSSD over successive intervals of the same chain (an interval starting at the previous beat)."""
    t = np.array([b.t_s for b in beats])
    rr = np.array([b.rr_ms for b in beats])
    linked = np.abs((t[1:] - rr[1:] / 1000.0 - t[:-1]) * 1000.0) <= cfg.HRV_CHAIN_TOLERANCE_MS
    return float(np.sqrt(np.mean(np.diff(rr)[linked] ** 2)))


def chain_starts(beats) -> int:
    t = np.array([b.t_s for b in beats])
    rr = np.array([b.rr_ms for b in beats])
    return int(np.count_nonzero(np.abs((t[1:] - rr[1:] / 1000.0 - t[:-1]) * 1000.0) > cfg.HRV_CHAIN_TOLERANCE_MS))


def test_the_rule_is_the_programs_plausible_range():
    rr = np.array([np.nan, -5.0, 0.0, 250.0, cfg.RR_MIN_MS, 800.0, cfg.RR_MAX_MS, 2500.0, np.inf])
    assert plausible_rr(rr).tolist() == [False, False, False, False, True, True, True, False, False]
    assert [is_plausible_rr(float(x)) for x in rr] == plausible_rr(rr).tolist()
    assert off_rhythm(1600.0, 800.0) and off_rhythm(400.0, 800.0)
    assert not off_rhythm(1100.0, 800.0) and not off_rhythm(520.0, 800.0)


@pytest.mark.parametrize("correct", [False, True])
def test_glitch_values_in_a_real_series_are_gaps_not_intervals(nn_ms, correct):
    clean = rmssd_of(correct_intervals(nn_ms, correct))
    bad, n_glitches = with_glitches(nn_ms)
    corrector = ArtifactCorrector(correct)
    beats = []
    for rr in bad:
        beats += corrector.push_interval(float(rr))
    beats += corrector.flush()
    rr_out = np.array([b.rr_ms for b in beats])
    assert plausible_rr(rr_out).all()
    # no successive difference across a gap (two gaps in a row make one break in the chain)
    assert 0 < chain_starts(beats) <= corrector.n_gaps
    if correct:  # a glitch is a gap, or repaired as a missed/extra beat into the rhythm (marked)
        assert corrector.n_gaps + sum(b.corrected for b in beats) >= n_glitches
    else:
        assert corrector.n_gaps == n_glitches  # every glitch counted as a gap
    assert rmssd_of(beats) == pytest.approx(clean, rel=0.05)
    assert len(beats) >= nn_ms.size - 2 * n_glitches


def test_offline_and_streaming_count_the_same_gaps(nn_ms):
    bad, n_glitches = with_glitches(nn_ms, every=37)
    t = np.concatenate([[0.0], np.cumsum(bad) / 1000.0])
    cs = np.zeros(t.size, dtype=bool)
    cs[0] = True
    for correct in (False, True):
        got = correct_offline(t, cs, correct)
        assert plausible_rr(got.rr_ms).all()
        start = got.t_s[1:] - got.rr_ms[1:] / 1000.0
        corrector = ArtifactCorrector(correct)
        live = []
        for x in t:
            live += corrector.push(float(x))
        live += corrector.flush()
        assert np.count_nonzero(np.abs(start - got.t_s[:-1]) > 1e-3) == chain_starts(live)
        if not correct:
            assert corrector.n_gaps == n_glitches == chain_starts(live)


def test_device_beats_with_glitches_make_counted_gaps_in_the_live_pipeline(nn_ms):
    nn = nn_ms[:600]
    bad, n_glitches = with_glitches(nn)
    t = np.cumsum(bad) / 1000.0
    events = [DeviceInfo("ibi"), *(DeviceBeat(float(x), float(r)) for x, r in zip(t, bad, strict=True))]
    for correct in (False, True):
        pipeline = Pipeline(correct=correct)
        out = pipeline.feed(events)
        out.extend(pipeline.flush())
        assert plausible_rr([b.rr_ms for b in out.beats]).all()
        assert pipeline.n_interval_gaps == len(out.interval_gaps_t_s) >= chain_starts(out.beats) > 0
        assert not out.gaps  # the device clock goes on: no device gap
        if not correct:
            assert pipeline.n_interval_gaps == n_glitches
            assert len(out.beats) == nn.size  # every real interval kept, the first one too
        clean = Pipeline(correct=correct)
        ref = clean.feed([DeviceInfo("ibi"), *(DeviceBeat(float(x), float(r)) for x, r in
                                               zip(np.cumsum(nn) / 1000.0, nn, strict=True))])
        ref.extend(clean.flush())
        assert rmssd_of(out.beats) == pytest.approx(rmssd_of(ref.beats), rel=0.03)


def test_ibi_glitch_lines_reach_the_pipeline_and_become_gaps():
    lines = [812, 790, 150, 845, 900, 3600, 760, 800, 0, 820, 810]
    data = b"\n" + b"".join(f"{x}\r\n".encode() for x in lines)
    events = IbiDecoder().feed(data)
    beats_in = [e for e in events if isinstance(e, DeviceBeat)]
    assert [b.ibi_ms for b in beats_in] == [x for x in lines if x > 0]  # nothing dropped
    assert [e.reason for e in events if isinstance(e, Gap)] == ["lost_beat"]  # the zero interval
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    assert [b.rr_ms for b in out.beats] == pytest.approx([812, 790, 845, 900, 760, 800, 820, 810])  # first too
    assert pipeline.n_interval_gaps == 2
    assert chain_starts(out.beats) == 2  # after 150 and after 3600: nothing across them
    assert [g.reason for g in out.gaps] == ["lost_beat"]  # the zero line ends the chain too


def steady_then_doubled(nn: np.ndarray, start: int, run: int) -> np.ndarray:
    """``run`` doubled intervals (every other beat missed) from ``start`` on."""
    doubled = nn[start:start + 2 * run].reshape(run, 2).sum(axis=1)
    return np.concatenate([nn[:start], doubled, nn[start + 2 * run:]])


@pytest.mark.parametrize("start", ["mid_chain", "after_gap", "after_gap_and_glitch"])
def test_a_run_of_ten_doubled_intervals_never_counts_as_normal(nn_ms, start):
    nn = nn_ms[:400]
    bad = steady_then_doubled(nn, 200, 10)
    corrector = ArtifactCorrector()
    beats = []
    for k, rr in enumerate(bad):
        if start != "mid_chain" and k == 200:  # the run starts a new chain: L&T has no history there
            beats += corrector.flush()
            corrector.reset()
            if start == "after_gap_and_glitch":  # (before: 3125, 2203 "long", then 5 of the 10 "normal")
                beats += corrector.push_interval(5000.0)
        beats += corrector.push_interval(float(rr))
    beats += corrector.flush()
    t_run = np.cumsum(bad)[200:210] / 1000.0 + (5.0 if start == "after_gap_and_glitch" else 0.0)
    normal = [b for b in beats if not b.corrected and np.any(np.abs(b.t_s - t_run) < 1e-6)]
    assert normal == []  # each doubled interval is split (corrected) or a gap
    rr = np.array([b.rr_ms for b in beats])
    ref = np.median(nn[150:250])
    assert rr.max() < 1.5 * ref
    assert rmssd_of(beats) == pytest.approx(rmssd_of(correct_intervals(nn)), rel=0.05)


def steady_start(nn: np.ndarray) -> int:
    """Where the real series is steadiest over 20 intervals before and 10 after (a run there is artificial)."""
    spread = [np.std(nn[k - 20:k + 10]) / np.mean(nn[k - 20:k + 10]) for k in range(150, 350)]
    return 150 + int(np.argmin(spread))


def test_a_run_of_halved_intervals_is_merged_or_a_gap(nn_ms):
    nn = nn_ms[:400]
    s = steady_start(nn)
    halves = (nn[s:s + 10, None] * [0.45, 0.55]).ravel()  # an extra detection in every beat (reflected wave)
    bad = np.concatenate([nn[:s], halves, nn[s + 10:]])
    beats = correct_intervals(bad)
    t_halves = np.cumsum(bad)[s:s + 20] / 1000.0
    normal = [b for b in beats if not b.corrected and np.any(np.abs(b.t_s - t_halves) < 1e-6)]
    assert all(b.rr_ms >= 0.6 * np.median(nn[s - 20:s]) for b in normal)  # no half is a normal interval
    assert rmssd_of(beats) == pytest.approx(rmssd_of(correct_intervals(nn)), rel=0.1)


def test_a_gradual_change_from_60_to_120_bpm_over_30_s_is_never_flagged():
    rng = np.random.default_rng(7)
    rr, t = [], 0.0
    while t < 90.0:  # 30 s at 60 bpm, 30 s ramp to 120 bpm, 30 s at 120 bpm, with RSA
        bpm = 60.0 + 60.0 * min(max((t - 30.0) / 30.0, 0.0), 1.0) + 3.0 * np.sin(2 * np.pi * 0.25 * t)
        rr.append(60000.0 / bpm + rng.normal(0.0, 3.0))
        t += rr[-1] / 1000.0
    for correct in (True, False):
        corrector = ArtifactCorrector(correct)
        beats = []
        for x in rr:
            beats += corrector.push_interval(x)
        beats += corrector.flush()
        assert len(beats) == len(rr) and corrector.n_gaps == 0
        # (L&T's own early decisions, before its 91-beat windows fill, are not this rule's business)
        ramp = [b for b in beats if b.t_s > 30.0]
        assert len(ramp) > 80 and not any(b.corrected for b in ramp)
        np.testing.assert_allclose([b.rr_ms for b in ramp], rr[-len(ramp):])


def test_a_fast_real_change_of_rate_one_plausible_step_at_a_time_is_not_a_gap():
    """The first 34 R-R intervals of biopeaks' OSmontage1J ECG: 113 -> 64 bpm in 6 s, steps of <= 15 %."""
    rr = [800, 800, 791, 719, 694, 666, 633, 598, 577, 564, 564, 567, 566, 553, 539, 533, 528, 534, 558,
          613, 705, 678, 683, 712, 780, 899, 837, 941, 947, 904, 841, 838, 777, 772]
    corrector = ArtifactCorrector()
    beats = []
    for x in rr * 2:
        beats += corrector.push_interval(float(x))
    beats += corrector.flush()
    assert corrector.n_gaps == 0 and len(beats) == 2 * len(rr)


@pytest.mark.parametrize("rhythm_known", [False, True])
def test_a_first_interval_back_to_a_pulse_fragment_is_a_gap(nn_ms, rhythm_known):
    """A stream (or a chain after a gap) whose first beat is a fragment: its 506 ms interval is not whole."""
    nn = nn_ms[:200]
    corrector = ArtifactCorrector()
    beats = []
    if rhythm_known:
        for x in nn[:100]:
            beats += corrector.push_interval(float(x))
        beats += corrector.flush()
        corrector.reset()
    n_before = len(beats)
    first = 0.62 * float(np.median(nn[100:110]))  # ~506 ms against ~800 ms pulses
    for x in [first, *nn[100:]]:
        beats += corrector.push_interval(float(x))
    beats += corrector.flush()
    new = beats[n_before:]
    assert corrector.n_gaps == 1 and [b.rr_ms for b in new] == pytest.approx(nn[100:].tolist())


@pytest.mark.parametrize("first_ms, second_ms", [(1715.9, 441.9), (693.4, 1142.5)])
def test_a_chain_of_two_intervals_no_heart_steps_between_gives_no_successive_difference(first_ms, second_ms):
    """heartpy's data2 opens with such chains between finger-off spans (1715.9 then 441.9 ms, then
    693.4 and 1142.5 ms): one difference of 1274 ms tripled the record's RMSSD."""
    corrector = ArtifactCorrector()
    beats = corrector.push_interval(first_ms) + corrector.push_interval(second_ms) + corrector.flush()
    assert [b.rr_ms for b in beats] == [first_ms] and corrector.n_gaps == 1
    steady = correct_intervals(np.array([800.0, 820.0]))  # a step a heart takes: both kept
    assert [b.rr_ms for b in steady] == [800.0, 820.0]
