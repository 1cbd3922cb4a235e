"""An RR of 0, negative, NaN or inf from any device is a gap in the chain, never an exception.

Before: ``Pipeline.feed`` raised ``ValueError: beat times must increase`` for each of them (the
interval summed into the beat time left it at or before the last beat), and
``ArtifactCorrector.push_interval`` raised ``ValueError: interval must be positive and finite``.
"""

from __future__ import annotations

import math
import struct

import numpy as np
import pytest

from biofeedback.core.offline import beats_from_events
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols.ble_hrm import RrTimeline, parse_heart_rate_measurement
from biofeedback.core.protocols.ibi import IbiDecoder
from biofeedback.core.rr.artifacts import ArtifactCorrector, correct_intervals
from biofeedback.core.types import DeviceBeat, DeviceInfo, Gap

BAD = [0.0, -812.0, math.nan, math.inf, -math.inf]
N = 20  # good beats on each side of the bad one
RR_MS = 800.0


def run(events, correct=True):
    pipeline = Pipeline(correct=correct)
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    return pipeline, out


def summed_stream(protocol: str, bad: float, n_bad: int = 1) -> list:
    """Beat times that sum the intervals (IBI text, BLE straps): a bad interval moves the clock with it."""
    events: list = [DeviceInfo(protocol)]
    t = 0.0
    for k in range(2 * N + n_bad):
        rr = bad if N <= k < N + n_bad else RR_MS + 5.0 * (k % 3)
        if math.isfinite(rr):  # (a clock that does not add a non-number stays where it was)
            t += rr / 1000.0
        events.append(DeviceBeat(t, rr))
    return events


def stamped_stream(bad: float) -> list:
    """Beat times from the sender's clock (an LSL RR stream stamped at each beat): only the interval is bad."""
    events: list = [DeviceInfo("ibi")]
    for k in range(2 * N + 1):
        events.append(DeviceBeat(0.4 + k * RR_MS / 1000.0, bad if k == N else RR_MS))
    return events


def check(pipeline, out, kept_at_least):
    t = np.array([b.t_s for b in out.beats])
    rr = np.array([b.rr_ms for b in out.beats])
    assert np.isfinite(t).all() and np.isfinite(rr).all()
    assert np.all(np.diff(t) > 0)  # beat times only move forward
    assert rr.min() > RR_MS - 1e-6 and rr.max() < RR_MS + 10.0 + 1e-6  # no interval spans the bad one
    assert len(out.beats) >= kept_at_least
    assert pipeline.n_interval_gaps >= 1 and out.interval_gaps_t_s


@pytest.mark.parametrize("correct", [True, False])
@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize("protocol", ["ibi", "ble-hrm"])
def test_a_bad_summed_interval_ends_the_chain_and_later_beats_go_on(protocol, bad, correct):
    pipeline, out = run(summed_stream(protocol, bad), correct=correct)
    # IBI lines are whole intervals (the first of a chain too): all 2N; a strap's chain loses its first;
    # a negative one also takes the clock back: the next beat is not after the last one either
    lost = 3 if bad < 0 else 0 if protocol == "ibi" else 2
    check(pipeline, out, kept_at_least=2 * N - lost)
    assert pipeline.n_interval_gaps == (2 if bad == -812.0 else 1)
    assert out.beats[-1].t_s == pytest.approx(summed_stream(protocol, bad)[-1].t_s)  # the last beat came


@pytest.mark.parametrize("bad", BAD)
def test_a_bad_interval_on_a_stamped_beat_ends_the_chain_and_the_beat_starts_the_next(bad):
    pipeline, out = run(stamped_stream(bad))
    check(pipeline, out, kept_at_least=2 * N - 1)
    assert pipeline.n_interval_gaps == 1
    assert out.interval_gaps_t_s == [pytest.approx(0.4 + N * RR_MS / 1000.0)]


def test_a_run_of_zero_intervals_is_one_hole_and_every_later_beat_comes():
    pipeline, out = run(summed_stream("ibi", 0.0, n_bad=5))
    check(pipeline, out, kept_at_least=2 * N)
    assert pipeline.n_interval_gaps == 5


def test_a_beat_time_that_goes_back_without_a_gap_is_dropped_not_raised():
    times = [0.8, 1.6, 2.4, 3.2, 2.0, 4.0, 4.8, 5.6, 6.4]  # 2.0: a device clock that jumped back
    pipeline, out = run([DeviceInfo("pulsesensor")] + [DeviceBeat(t, 800.0) for t in times], correct=False)
    assert [b.t_s for b in out.beats] == pytest.approx([1.6, 2.4, 3.2, 4.8, 5.6, 6.4])
    assert pipeline.n_interval_gaps == 1


def test_after_a_gap_the_device_clock_may_start_again():
    events = [DeviceInfo("pulsesensor")] + [DeviceBeat(0.8 * k, 800.0) for k in range(1, 6)]
    events += [Gap(4.0, None, "device_restart")] + [DeviceBeat(0.8 * k, 800.0) for k in range(1, 6)]
    pipeline, out = run(events, correct=False)
    assert len(out.beats) == 8 and pipeline.n_interval_gaps == 0


@pytest.mark.parametrize("bad", BAD)
def test_the_offline_analysis_takes_the_same_beats(bad):
    events = summed_stream("ibi", bad)
    _, out = run(events)
    offline = beats_from_events(events)
    assert offline.t_s.tolist() == pytest.approx([b.t_s for b in out.beats])
    assert offline.rr_ms.tolist() == pytest.approx([b.rr_ms for b in out.beats])


@pytest.mark.parametrize("line", [b"0", b"0.0", b"RR=0", b"IBI:0"])
def test_an_ibi_line_of_zero_through_the_decoder(line):
    data = b"\n" + b"".join(b"812\n" for _ in range(N)) + line + b"\n" + b"".join(b"812\n" for _ in range(N))
    decoder = IbiDecoder()
    events = [e for k in range(len(data)) for e in decoder.feed(data[k:k + 1])]  # split at every byte
    assert any(isinstance(e, Gap) for e in events)
    pipeline, out = run(events)
    assert [b.rr_ms for b in out.beats] == pytest.approx([812.0] * 2 * N)  # whole lines on both sides
    assert not pipeline.n_interval_gaps  # the decoder said so already: a lost beat, a gap in the chain
    assert out.gaps and out.gaps[0].reason == "lost_beat"


def test_a_strap_rr_of_zero_through_the_ble_parser_and_beat_clock():
    timeline, events = RrTimeline(), [DeviceInfo("ble-hrm")]
    rr_raw = [832] * N + [0] + [832] * N
    for k, raw in enumerate(rr_raw):  # one notification a beat: flags (RR, contact), HR 74, RR in 1/1024 s
        m = parse_heart_rate_measurement(bytes([0x16, 74]) + struct.pack("<H", raw))
        times, _ = timeline.push(m.rr_ms, arrival_t_s=1.0 + 0.8125 * k)
        events += [DeviceBeat(t, rr) for t, rr in zip(times, m.rr_ms, strict=True)]
    pipeline, out = run(events)  # a strap's intervals are whole ones, the first included
    assert len(out.beats) == 2 * N and pipeline.n_interval_gaps == 1
    assert [b.rr_ms for b in out.beats] == pytest.approx([812.5] * (2 * N))


@pytest.mark.parametrize("bad", BAD)
def test_the_corrector_takes_an_impossible_interval_as_a_gap(bad):
    rr = [RR_MS] * N + [bad] + [RR_MS] * N
    for correct in (True, False):
        beats = correct_intervals(np.array(rr), correct=correct)
        assert [b.rr_ms for b in beats] == pytest.approx([RR_MS] * 2 * N)  # the next interval is whole
        assert all(np.diff([b.t_s for b in beats]) > 0)
    corrector = ArtifactCorrector()
    for x in rr[:N + 1]:
        corrector.push_interval(x)
    assert corrector.n_gaps == 1 and corrector.last_gap_t_s == pytest.approx(N * RR_MS / 1000.0)
