"""Heart Rate Measurement (0x2A37) parsing with byte vectors built from the specification's layout."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from biofeedback.core.protocols.ble_hrm import HrmFormatError, parse_heart_rate_measurement


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
    from biofeedback.core.protocols.ble_hrm import RrTimeline

    line = RrTimeline()
    t1, a1 = line.push([1000.0, 900.0], arrival_t_s=10.05)
    t2, a2 = line.push([950.0], arrival_t_s=11.1)  # arrives 0.1 s late: beat times stay exact
    assert not a1 and not a2
    assert t1 == pytest.approx([9.15, 10.05]) and t2 == pytest.approx([11.0])


def test_rr_timeline_reanchors_after_lost_intervals():
    from biofeedback.core.protocols.ble_hrm import RrTimeline

    line = RrTimeline(max_drift_s=2.0)
    line.push([1000.0], arrival_t_s=1.0)
    times, anchored = line.push([1000.0], arrival_t_s=8.0)  # five intervals never arrived
    assert anchored and times == pytest.approx([8.0])


# -- notifications delivered twice (core.protocols.ble_hrm.RepeatFilter) ---------------------------------

def hrm_packet(hr: int, rr_raw=(), *, hr16: bool = False, energy_kj: int | None = None, contact: bool = True) -> bytes:
    """A 0x2A37 notification from the published layout: flags, HR (uint8/uint16 LE), energy, RR (1/1024 s)."""
    flags = (0x01 if hr16 else 0) | (0x06 if contact else 0x04) | (0x08 if energy_kj is not None else 0)
    flags |= 0x10 if rr_raw else 0
    data = bytes([flags]) + (struct.pack("<H", hr) if hr16 else bytes([hr]))
    if energy_kj is not None:
        data += struct.pack("<H", energy_kj)
    return data + b"".join(struct.pack("<H", r) for r in rr_raw)


def rr_ms_of(data: bytes) -> tuple[float, ...]:
    return parse_heart_rate_measurement(data).rr_ms


POLAR_H10 = bytes.fromhex("104eba039f03")  # Polar H7/H10 notification quoted in public text: HR 78, RR 954, 927


def test_the_packet_helper_writes_the_published_layout():
    assert hrm_packet(78, [954, 927], contact=False)[0] & 0x10 and hrm_packet(78, [954, 927])[2:] == POLAR_H10[2:]
    m = parse_heart_rate_measurement(hrm_packet(301, [1100], hr16=True, energy_kj=5))
    assert (m.hr_bpm, m.energy_kj, m.rr_raw, m.contact) == (301, 5, (1100,), True)


@pytest.mark.parametrize("data", [
    POLAR_H10,
    hrm_packet(64, [960]),
    hrm_packet(64, [960], hr16=True),
    hrm_packet(64, [960, 955], hr16=True, energy_kj=120),
    hrm_packet(250, [240]),  # the shortest RR a strap can report at 250 bpm
])
def test_the_same_notification_again_within_milliseconds_is_a_repeat(data):
    from biofeedback.core.protocols.ble_hrm import RepeatFilter

    f = RepeatFilter()
    rr = rr_ms_of(data)
    assert not f.is_repeat(data, rr, arrival_t_s=10.0)
    assert f.is_repeat(bytearray(data), rr, arrival_t_s=10.003)  # bleak hands a bytearray
    assert f.is_repeat(data, rr, arrival_t_s=10.0 + 0.049)  # a strap's resend a few connection intervals on
    assert f.n_repeats == 2


def test_the_window_is_half_the_rr_time_carried_and_at_most_half_a_second():
    from biofeedback.core.protocols.ble_hrm import RepeatFilter

    one = hrm_packet(70, [870])  # 849.6 ms: window 424.8 ms
    for dt, repeat in ((0.424, True), (0.426, False)):
        f = RepeatFilter()
        f.is_repeat(one, rr_ms_of(one), 5.0)
        assert f.is_repeat(one, rr_ms_of(one), 5.0 + dt) is repeat, dt
    three = hrm_packet(70, [870, 880, 860])  # 2.55 s of intervals: window capped at 0.5 s
    for dt, repeat in ((0.499, True), (0.501, False)):
        f = RepeatFilter()
        f.is_repeat(three, rr_ms_of(three), 5.0)
        assert f.is_repeat(three, rr_ms_of(three), 5.0 + dt) is repeat, dt


def test_a_run_of_copies_counts_from_the_first():
    from biofeedback.core.protocols.ble_hrm import RepeatFilter

    f = RepeatFilter()
    data = hrm_packet(60, [1024])  # 1 s: window 0.5 s
    assert [f.is_repeat(data, rr_ms_of(data), t) for t in (1.0, 1.2, 1.4, 1.6)] == [False, True, True, False]


def test_any_byte_different_is_a_new_notification():
    from biofeedback.core.protocols.ble_hrm import RepeatFilter

    f = RepeatFilter()
    assert not f.is_repeat(POLAR_H10, rr_ms_of(POLAR_H10), 1.0)
    for k, other in enumerate([bytes.fromhex("104fba039f03"),  # heart rate 79
                               bytes.fromhex("104fba03a003"),  # last RR 928
                               hrm_packet(79, [954, 928], energy_kj=3)]):
        assert not f.is_repeat(other, rr_ms_of(other), 1.001 + k * 0.001)


def test_notifications_without_intervals_are_never_repeats_and_do_not_reset_the_comparison():
    from biofeedback.core.protocols.ble_hrm import RepeatFilter

    f = RepeatFilter()
    beat, empty = hrm_packet(61, [1000]), hrm_packet(61)
    assert not f.is_repeat(beat, rr_ms_of(beat), 1.0)
    assert not f.is_repeat(empty, (), 1.001) and not f.is_repeat(empty, (), 1.002)
    assert f.is_repeat(beat, rr_ms_of(beat), 1.003)


@pytest.mark.parametrize(("rr_raw", "notify_every_s"), [
    (1024, 1.0),  # 60 bpm, a strap notifying once a second: the same interval one second apart
    (614, None),  # 100 bpm, a strap notifying at every beat: 0.6 s apart
    (1229, 1.0),  # 50 bpm notified once a second: 1.2 s intervals in notifications 1.0 s apart
])
def test_the_same_interval_at_the_strap_cadence_is_never_a_repeat(rr_raw, notify_every_s):
    from biofeedback.core.protocols.ble_hrm import RepeatFilter

    f = RepeatFilter()
    rr_s = rr_raw / 1024
    beats = [0.3 + rr_s * k for k in range(1, 60)]
    if notify_every_s is None:
        sent = [(t + 0.02, [rr_raw]) for t in beats]  # each beat's own notification, 20 ms later
    else:  # each notification carries the beats since the last one
        sent = [(t_n, [rr_raw] * sum(t_n - notify_every_s < t <= t_n for t in beats))
                for t_n in np.arange(1.0, beats[-1] + 1.0, notify_every_s)]
    kept, identical_gaps_s = 0, []
    previous = None
    for t, rr in sent:
        data = hrm_packet(int(round(60 * 1024 / rr_raw)), rr)
        if previous is not None and data == previous[0] and rr:
            identical_gaps_s.append(t - previous[1])
        if not f.is_repeat(data, rr_ms_of(data), t):
            kept += len(rr)
        previous = (data, t)
    assert kept == len(beats) and f.n_repeats == 0
    assert len(identical_gaps_s) > 40  # the case is real: byte-identical notifications in a row...
    if rr_raw == 1229:  # ...here sooner than the interval they carry, and genuine
        assert max(identical_gaps_s) < rr_s


@pytest.mark.parametrize("hex_bytes, hr, contact, rr_raw", [
    # Polar H7 notifications as gatttool printed them (quoted in public forum and blog text)
    ("06 3c", 60, True, ()),
    ("16 3c 11 04", 60, True, (1041,)),
    ("16 3c f5 03", 60, True, (1013,)),
    # Polar H7/H10 with contact detection not reported: two intervals in one notification
    ("10 4e ba 03 9f 03", 78, None, (954, 927)),
])
def test_notifications_captured_from_real_straps(hex_bytes, hr, contact, rr_raw):
    m = parse_heart_rate_measurement(bytes.fromhex(hex_bytes))
    assert (m.hr_bpm, m.contact, m.rr_raw) == (hr, contact, rr_raw)
    assert m.rr_ms == pytest.approx([r * 1000 / 1024 for r in rr_raw])
