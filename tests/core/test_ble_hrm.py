"""Heart Rate Measurement (0x2A37) parsing with byte vectors built from the specification's layout."""

from __future__ import annotations

import struct

import pytest

from biofeedback.core.ble_hrm import HrmFormatError, parse_heart_rate_measurement


def test_uint8_hr_without_contact_support_or_rr():
    m = parse_heart_rate_measurement(bytes([0x00, 72]))
    assert (m.hr_bpm, m.contact, m.energy_kj, m.rr_ms) == (72, None, None, ())


def test_uint16_hr():
    m = parse_heart_rate_measurement(bytes([0x01]) + struct.pack("<H", 301))
    assert m.hr_bpm == 301


@pytest.mark.parametrize("flags,contact", [(0x00, None), (0x02, None), (0x04, False), (0x06, True)])
def test_sensor_contact_bits(flags, contact):
    assert parse_heart_rate_measurement(bytes([flags, 60])).contact is contact


def test_energy_expended_comes_before_rr():
    data = bytes([0x18, 80]) + struct.pack("<H", 1234) + struct.pack("<H", 1024)
    m = parse_heart_rate_measurement(data)
    assert (m.hr_bpm, m.energy_kj, m.rr_raw) == (80, 1234, (1024,))
    assert m.rr_ms == (1000.0,)


@pytest.mark.parametrize("n", range(10))
def test_zero_to_nine_rr_values_in_one_notification(n):
    raw = [800 + 13 * i for i in range(n)]
    data = bytes([0x16, 65]) + b"".join(struct.pack("<H", r) for r in raw)
    m = parse_heart_rate_measurement(data)
    assert m.rr_raw == tuple(raw)
    assert m.rr_ms == pytest.approx([r * 1000 / 1024 for r in raw])
    assert m.contact is True
    assert len(data) <= 20  # 9 RR values + uint8 HR fill the default 20-byte ATT payload


def test_uint16_hr_energy_and_rr_all_together():
    data = bytes([0x1F]) + struct.pack("<HHHH", 70, 5, 1100, 1050)
    m = parse_heart_rate_measurement(data)
    assert (m.hr_bpm, m.contact, m.energy_kj, m.rr_raw) == (70, True, 5, (1100, 1050))


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (bytes([0x01, 70]), "16-bit heart rate"),
    (bytes([0x08, 70, 1]), "Energy Expended"),
    (bytes([0x10, 70, 0, 4, 1]), "odd length"),
    (bytes([0x00, 70, 1]), "trailing"),
])
def test_malformed_packets_say_what_is_wrong(data, reason):
    with pytest.raises(HrmFormatError, match=reason):
        parse_heart_rate_measurement(data)


def test_rr_timeline_keeps_the_beat_clock_exact_across_bunches():
    from biofeedback.core.ble_hrm import RrTimeline

    line = RrTimeline()
    t1, a1 = line.push([1000.0, 900.0], arrival_t_s=10.05)
    t2, a2 = line.push([950.0], arrival_t_s=11.1)  # arrives 0.1 s late: beat times stay exact
    assert not a1 and not a2
    assert t1 == pytest.approx([9.15, 10.05]) and t2 == pytest.approx([11.0])


def test_rr_timeline_reanchors_after_lost_intervals():
    from biofeedback.core.ble_hrm import RrTimeline

    line = RrTimeline(max_drift_s=2.0)
    line.push([1000.0], arrival_t_s=1.0)
    times, anchored = line.push([1000.0], arrival_t_s=8.0)  # five intervals never arrived
    assert anchored and times == pytest.approx([8.0])
