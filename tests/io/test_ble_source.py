"""The BLE source below bleak: notifications (spec byte vectors) become device beats the pipeline uses."""

from __future__ import annotations

import struct

import pytest

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import DeviceBeat, DeviceStatus
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


def test_no_skin_contact_is_reported_and_garbage_is_skipped():
    source = BleHeartRateSource()
    got = []
    source._on_packet(bytearray([0x10, 60, 1]), got.extend)  # odd RR field: dropped
    source._on_packet(packet([], contact=False), got.extend)
    assert len(got) == 1 and isinstance(got[0], DeviceStatus) and got[0].state == "finger_out"
