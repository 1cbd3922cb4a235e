"""The BLE source below bleak: notifications (spec byte vectors) become device beats the pipeline uses."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import DeviceBeat, DeviceStatus, Gap
from biofeedback.io.ble_source import BleHeartRateSource


def packet(rr_raw, contact=True, hr=60):
    flags = 0x10 | (0x06 if contact else 0x04)
    return bytearray([flags, hr]) + b"".join(struct.pack("<H", r) for r in rr_raw)


def test_notifications_become_beats_with_the_strap_intervals():
    source = BleHeartRateSource("AA:BB")
    got = []
    rr_raw = [1024, 1000, 1050, 980, 1010, 1030, 1000, 990, 1020, 1005]
    source._on_packet(packet(rr_raw[:3]), got.extend, now_s=3.0)
    source._on_packet(packet(rr_raw[3:]), got.extend, now_s=3.0 + sum(rr_raw[3:]) / 1024 + 0.2)  # late
    beats = [e for e in got if isinstance(e, DeviceBeat)]
    assert [b.ibi_ms for b in beats] == pytest.approx([r * 1000 / 1024 for r in rr_raw])
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(got)
    out.extend(pipeline.flush())
    # the beat clock is the sum of the intervals, so the pipeline's RR are the strap's own
    assert [b.rr_ms for b in out.beats] == pytest.approx([r * 1000 / 1024 for r in rr_raw[1:]], abs=1e-6)
    assert not out.gaps


def test_no_skin_contact_is_a_status_and_a_gap_and_garbage_a_gap():
    source = BleHeartRateSource()
    got = []
    source._on_packet(bytearray([0x10, 60, 1]), got.extend)  # odd RR field: its beats are lost
    assert [type(e) for e in got] == [Gap] and got[0].reason == "lost_beat" and source.n_garbled == 1
    got.clear()
    source._on_packet(packet([700], contact=False), got.extend)  # intervals without contact are noise
    assert [type(e) for e in got] == [DeviceStatus, Gap]
    assert got[0].state == "finger_out" and got[1].reason == "poor_signal"


def strap_stream(rr_raw, notify_every_s=1.0, latency_s=0.03):
    """(arrival time, notification) of a strap notifying once a second with the beats since the last one."""
    beat_t = 0.4 + np.cumsum(np.asarray(rr_raw) / 1024)
    sent, k = [], 0
    for t_n in np.arange(notify_every_s, beat_t[-1] + notify_every_s, notify_every_s):
        n = int(np.searchsorted(beat_t, t_n, side="right"))
        sent.append((float(t_n) + latency_s, packet(rr_raw[k:n])))
        k = n
    return sent


def beats_through_the_pipeline(notifications):
    source, got = BleHeartRateSource("AA:BB"), []
    for t, data in notifications:
        source._on_packet(data, got.extend, now_s=t)
    pipeline = Pipeline()
    out = pipeline.feed(got)
    out.extend(pipeline.flush())
    return [e for e in got if isinstance(e, DeviceBeat)], out, source


@pytest.mark.parametrize("rr_ms", [800.0, 1200.0])  # 75 bpm, and 50 bpm (intervals longer than the 1 s cadence)
def test_a_notification_delivered_twice_counts_once(rr_ms):
    rng = np.random.default_rng(3)
    rr_raw = (round(rr_ms * 1.024) + rng.integers(-2, 3, 120)).tolist()  # a steady heart: equal neighbours
    clean = strap_stream(rr_raw)
    doubled = [(t + dt, data) for t, data in clean for dt in (0.0, 0.004)]
    beats_clean, out_clean, _ = beats_through_the_pipeline(clean)
    beats, out, source = beats_through_the_pipeline(doubled)
    assert len(beats) == len(beats_clean) == len(rr_raw)
    assert [b.t_s for b in beats] == [b.t_s for b in beats_clean]
    assert [b.rr_ms for b in out.beats] == [b.rr_ms for b in out_clean.beats]
    assert not out.gaps and source._repeats.n_repeats == sum(1 for _, d in clean if len(d) > 2)
    # and byte-identical neighbours at the strap's cadence were kept: the stream holds them
    assert sum(a[1] == b[1] for a, b in zip(clean[:-1], clean[1:], strict=True)) > 5


def test_a_strap_rr_of_zero_is_a_gap_in_the_chain_not_an_exception():
    """Before: ValueError('beat times must increase') from the pipeline, in the source thread."""
    rr_raw = [1000] * 10 + [0] + [1000] * 10
    sent = [(1.0 + k, packet([r])) for k, r in enumerate(rr_raw)]  # one notification a second
    beats, out, source = beats_through_the_pipeline(sent)
    assert len(beats) == 20 and source.n_garbled == 1  # the source drops the impossible notification...
    assert [g.reason for g in out.gaps] == ["lost_beat"]  # ...as a gap: the chain ends there
    assert len(out.beats) == 18  # 9 intervals either side (no DeviceInfo here: each chain starts at a beat)
    assert [b.rr_ms for b in out.beats] == pytest.approx([1000 * 1000 / 1024] * 18)
    assert out.beats[-1].t_s == pytest.approx(beats[-1].t_s)


@pytest.mark.parametrize("os_name, expected", [
    ("Polar H10 0A1B2C3D", "Polar H10 0A1B2C3D"),
    ("C0-11-22-33-44-55", "C0:11:22:33:44:55"),  # bleak's 'no name known' (the address with dashes)
    ("", "C0:11:22:33:44:55"),
])
def test_a_strap_known_by_its_address_takes_the_name_the_os_read_on_connecting(os_name, expected):
    from types import SimpleNamespace

    from biofeedback.io.ble_source import StrapInfo, _named

    remembered = StrapInfo("C0:11:22:33:44:55", "C0:11:22:33:44:55")
    assert _named(remembered, SimpleNamespace(name=os_name)).name == expected
    scanned = StrapInfo("C0:11:22:33:44:55", "TICKR 1234", -60)
    assert _named(scanned, SimpleNamespace(name=os_name)) == scanned  # the advertised name stays
