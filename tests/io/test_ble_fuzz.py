"""Fuzz: the 0x2A37 parser, the PMD decoder and the strap source never crash nor invent beats."""

from __future__ import annotations

import math
import struct

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols import polar_pmd as pmd
from biofeedback.core.protocols.ble_hrm import HrmFormatError, parse_heart_rate_measurement
from biofeedback.core.types import DeviceBeat, DeviceInfo, Gap
from biofeedback.io.ble_polar import PmdSession
from biofeedback.io.ble_source import RR_MAX_MS, BleHeartRateSource


def encode(hr: int, rr_raw: list[int], contact: bool | None, hr16: bool, energy: int | None) -> bytes:
    flags = (0x01 if hr16 else 0) | (0x08 if energy is not None else 0) | (0x10 if rr_raw else 0)
    flags |= 0 if contact is None else (0x06 if contact else 0x04)
    out = bytes([flags]) + (struct.pack("<H", hr) if hr16 else bytes([hr]))
    out += b"" if energy is None else struct.pack("<H", energy)
    return out + b"".join(struct.pack("<H", r) for r in rr_raw)


measurements = st.builds(
    lambda hr16, hr, rr, contact, energy: (hr16, hr if hr16 else hr % 256, rr, contact, energy),
    st.booleans(), st.integers(0, 65535), st.lists(st.integers(0, 65535), max_size=9),
    st.sampled_from([None, True, False]), st.none() | st.integers(0, 65535))


@settings(max_examples=150, deadline=None)
@given(measurements)
def test_a_well_formed_notification_reads_back_exactly(m):
    hr16, hr, rr, contact, energy = m
    got = parse_heart_rate_measurement(encode(hr, rr, contact, hr16, energy))
    assert (got.hr_bpm, list(got.rr_raw), got.contact, got.energy_kj) == (hr, rr, contact, energy)
    assert list(got.rr_ms) == [r * 1000 / 1024 for r in rr]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=24))
def test_any_bytes_parse_or_raise_the_format_error(data):
    try:
        m = parse_heart_rate_measurement(data)
    except HrmFormatError:
        return
    header = 1 + (2 if data[0] & 1 else 1) + (2 if data[0] & 8 else 0)
    assert len(m.rr_raw) == ((len(data) - header) // 2 if data[0] & 0x10 else 0)


def test_a_beat_clock_ahead_of_arrivals_does_not_go_back_after_a_garbled_notification():
    source, events = BleHeartRateSource("AA:BB"), []
    rr = lambda ms: bytes([0x16, 60]) + b"".join(struct.pack("<H", round(m * 1.024)) for m in ms)  # noqa: E731
    source._on_packet(rr([1900, 1900, 1900]), events.extend, now_s=10.0)
    source._on_packet(rr([1900]), events.extend, now_s=10.1)  # beats now run 1.8 s ahead of arrivals
    source._on_packet(b"\x10", events.extend, now_s=10.2)  # garbled: the next arrival anchors anew
    source._on_packet(rr([500, 1000, 1000]), events.extend, now_s=12.8)
    t = [e.t_s for e in events]
    assert t == sorted(t) and [type(e).__name__ for e in events][4] == "Gap"
    assert [round(e.t_s, 3) for e in events if isinstance(e, DeviceBeat)][3:] == [11.9, 12.8]


packets = st.one_of(
    st.builds(lambda m: encode(m[1], m[2], m[3], m[0], m[4]), measurements),
    st.binary(max_size=24),
    st.builds(lambda m, cut: encode(m[1], m[2], m[3], m[0], m[4])[:cut], measurements, st.integers(0, 20)),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.floats(0.0, 3.0), packets), max_size=40))
def test_any_notification_stream_gives_sane_beats_and_the_pipeline_takes_them(stream):
    source, events = BleHeartRateSource("AA:BB"), [DeviceInfo("ble-hrm")]
    t = 0.0
    for dt, data in stream:
        t += dt
        source._on_packet(data, events.extend, now_s=t)  # never raises
    beats = [e for e in events if isinstance(e, DeviceBeat)]
    assert all(math.isfinite(b.t_s) and 0 < b.ibi_ms <= RR_MAX_MS for b in beats)
    times = [e.t_s for e in events if isinstance(e, (DeviceBeat, Gap))]
    assert all(a <= b for a, b in zip(times, times[1:], strict=False))  # a gap never before a beat given
    assert all(b1.t_s > b0.t_s for b0, b1 in zip(beats, beats[1:], strict=False))  # no beat twice, none back
    pipeline = Pipeline()
    pipeline.feed(events)
    pipeline.flush()


# -- Polar PMD frames ---------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**64 - 1), st.lists(st.integers(-(2**23), 2**23 - 1), min_size=1, max_size=73))
def test_an_ecg_frame_reads_back_exactly(t_ns, microvolts):
    frame = pmd.decode_frame(pmd.encode_ecg_frame(t_ns, np.array(microvolts)))
    assert (frame.kind, frame.last_t_ns) == (pmd.ECG, t_ns) and frame.samples.tolist() == microvolts


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**64 - 1), st.lists(st.integers(-(2**15), 2**15 - 1), min_size=3, max_size=108))
def test_an_acc_frame_reads_back_exactly(t_ns, milli_g):
    n = len(milli_g) // 3 * 3
    frame = pmd.decode_frame(pmd.encode_acc_frame(t_ns, np.array(milli_g[:n])))
    assert frame.kind == pmd.ACC and frame.samples.ravel().tolist() == milli_g[:n]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=240))
def test_any_bytes_are_a_pmd_frame_or_its_format_error(data):
    try:
        frame = pmd.decode_frame(data)
    except pmd.PmdFormatError:
        return
    per_sample = 3 if frame.kind == pmd.ECG else 6
    assert len(frame.samples) * per_sample == len(data) - pmd.HEADER_BYTES > 0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(
    st.builds(lambda k, cut: pmd.encode_ecg_frame(10**9 * (k + 1), np.zeros(73))[:cut], st.integers(0, 50),
              st.integers(0, 240)),
    st.binary(max_size=240)), max_size=30))
def test_any_pmd_stream_gives_no_crash_and_no_beat_out_of_order(frames):
    events = []
    session = PmdSession(lambda: 0.0, events.extend)
    session.started = {pmd.ECG, pmd.ACC}
    for data in frames:
        session.on_frame(data)
    events += session.flush()
    t = [e.t_s for e in events if isinstance(e, DeviceBeat)]
    assert t == sorted(t)
