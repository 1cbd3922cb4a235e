"""Bluetooth Heart Rate Measurement (service 0x180D, characteristic 0x2A37) parser.

Layout (Bluetooth SIG Heart Rate Service 1.0, §3.1; GATT Specification
Supplement "Heart Rate Measurement"):

- byte 0, flags: bit 0 HR format (0 = uint8, 1 = uint16 LE); bits 1-2 sensor
  contact (0/1 = not supported, 2 = supported but no contact, 3 = contact);
  bit 3 Energy Expended present (uint16 LE, kJ); bit 4 RR-Interval present;
  bits 5-7 reserved;
- the heart rate (bpm), then the optional energy field, then as many RR
  intervals as fit (uint16 LE, 1/1024 s, oldest first; one notification often
  carries several, up to 9 with an 8-bit HR and no energy field).

Pure: bytes in, a ``HeartRateMeasurement`` out; malformed packets raise
``HrmFormatError`` with what was wrong. ``RepeatFilter`` drops a notification
delivered twice (its rule is in its docstring); ``RrTimeline`` turns the
intervals into beat times.
"""

from __future__ import annotations

from dataclasses import dataclass

HEART_RATE_SERVICE_UUID = "0000180d-0000-1000-8000-00805f9b34fb"
HEART_RATE_MEASUREMENT_UUID = "00002a37-0000-1000-8000-00805f9b34fb"
RR_UNITS_PER_S = 1024.0
# RepeatFilter: an identical notification sooner than this share of the RR time it carries, and
# never later than REPEAT_WINDOW_MAX_S, is the same notification again (see the class)
REPEAT_WINDOW_RR_SHARE = 0.5
REPEAT_WINDOW_MAX_S = 0.5

FLAG_HR_UINT16 = 0x01
FLAG_CONTACT_SUPPORTED = 0x04  # bit 2
FLAG_CONTACT_DETECTED = 0x02  # bit 1
FLAG_ENERGY = 0x08
FLAG_RR = 0x10


class HrmFormatError(ValueError):
    """A Heart Rate Measurement packet that does not follow the specification."""


@dataclass(frozen=True)
class HeartRateMeasurement:
    hr_bpm: int
    contact: bool | None  # None when the strap does not support contact detection
    energy_kj: int | None
    rr_ms: tuple[float, ...]  # oldest first
    rr_raw: tuple[int, ...]  # the same in 1/1024 s, as sent


def parse_heart_rate_measurement(data: bytes | bytearray) -> HeartRateMeasurement:
    """Decode one 0x2A37 notification."""
    data = bytes(data)
    if not data:
        raise HrmFormatError("empty Heart Rate Measurement packet")
    flags = data[0]
    pos = 1
    hr_size = 2 if flags & FLAG_HR_UINT16 else 1
    if len(data) < pos + hr_size:
        raise HrmFormatError(f"packet of {len(data)} bytes ends before its {8 * hr_size}-bit heart rate")
    hr = int.from_bytes(data[pos:pos + hr_size], "little")
    pos += hr_size
    contact = bool(flags & FLAG_CONTACT_DETECTED) if flags & FLAG_CONTACT_SUPPORTED else None
    energy = None
    if flags & FLAG_ENERGY:
        if len(data) < pos + 2:
            raise HrmFormatError("packet ends inside its Energy Expended field")
        energy = int.from_bytes(data[pos:pos + 2], "little")
        pos += 2
    raw: list[int] = []
    if flags & FLAG_RR:
        rest = data[pos:]
        if len(rest) % 2:
            raise HrmFormatError(f"RR-Interval field has an odd length ({len(rest)} bytes)")
        raw = [int.from_bytes(rest[i:i + 2], "little") for i in range(0, len(rest), 2)]
    elif len(data) > pos:
        raise HrmFormatError(f"{len(data) - pos} unexpected trailing byte(s) without the RR flag")
    return HeartRateMeasurement(
        hr_bpm=hr, contact=contact, energy_kj=energy,
        rr_ms=tuple(r * 1000.0 / RR_UNITS_PER_S for r in raw), rr_raw=tuple(raw))


class RepeatFilter:
    """Tells a Heart Rate Measurement notification delivered twice from a strap's next one.

    The same notification can arrive twice: the host stack hands it over again
    (a callback registered twice after a re-subscription, a redelivery), or the
    strap sends its last packet again when a connection event was lost. Its RR
    intervals would then be counted twice: two extra beats' worth of time on the
    beat clock and a repeated interval in the HRV.

    The rule. A notification is a *repeat* when

    1. its bytes are identical to those of the last notification that carried RR
       intervals (flags, heart rate, energy and every RR value), and
    2. it arrives less than ``min(rr_share * S, max_window_s)`` after that one,
       where ``S`` is the sum of the RR intervals it carries (0.5 x S, at most 0.5 s).

    A strap that measures the same interval twice and reports it in its next
    notification is never a repeat: that notification comes at the strap's
    cadence, once a second (or once a beat, for straps that notify per beat), so
    at least about S or 1 s later, twice the window. The window is shorter
    than S itself on purpose: a strap notifying once a second for a heart rate
    under 60 bpm reports a 1.2 s interval in notifications 1.0 s apart (each
    beat's report comes a little sooner after it than the last one did), and
    those are genuine. A redelivery comes within milliseconds, a strap's resend
    within a connection interval or two (7.5-100 ms), both inside the window.
    What the rule cannot tell apart: two genuine, byte-identical notifications
    that the link held back and delivered together (the first one delayed by
    more than about half a second); the second is then dropped, one interval
    lost, and ``RrTimeline`` re-anchors if the beat clock drifts by 2 s.

    Only notifications with RR intervals are compared; one without adds no beat.
    The window counts from the first of a run of identical copies, not the latest.
    """

    def __init__(self, rr_share: float = REPEAT_WINDOW_RR_SHARE, max_window_s: float = REPEAT_WINDOW_MAX_S) -> None:
        self.rr_share = rr_share
        self.max_window_s = max_window_s
        self.n_repeats = 0  # notifications dropped as repeats
        self._last: bytes | None = None  # the last notification that carried RR intervals
        self._last_t_s = 0.0  # ...and when it arrived (host clock, s)

    def is_repeat(self, data: bytes | bytearray, rr_ms: tuple[float, ...] | list[float],
                  arrival_t_s: float) -> bool:
        """True if this notification is the previous one again (the rule above); remembers it if not."""
        if not rr_ms:
            return False
        data = bytes(data)
        window_s = min(self.rr_share * sum(rr_ms) / 1000.0, self.max_window_s)
        if data == self._last and arrival_t_s - self._last_t_s < window_s:
            self.n_repeats += 1
            return True
        self._last, self._last_t_s = data, arrival_t_s
        return False

    def forget(self) -> None:
        """A new connection: nothing before it is compared with."""
        self._last = None


class RrTimeline:
    """Beat times from a stream of RR intervals that arrive late and in bunches.

    A strap (or an LSL RR/IBI bridge) sends intervals, not beat times; each
    beat is the previous one plus its interval, so the beat clock is exact
    while no interval is lost. The first bunch is anchored so its last beat
    falls at its arrival time; when the sum of intervals drifts more than
    ``max_drift_s`` from arrival times (intervals were lost), the timeline is
    re-anchored and ``push`` reports it so the caller can mark a gap.
    """

    def __init__(self, max_drift_s: float = 2.0) -> None:
        self.max_drift_s = max_drift_s
        self.t_last_s: float | None = None

    def push(self, rr_ms: tuple[float, ...] | list[float], arrival_t_s: float) -> tuple[list[float], bool]:
        """(beat times of these intervals, True when the timeline was re-anchored first)."""
        if not rr_ms:
            return [], False
        total_s = sum(rr_ms) / 1000.0
        anchored = False
        if self.t_last_s is None or abs(self.t_last_s + total_s - arrival_t_s) > self.max_drift_s:
            anchored = self.t_last_s is not None
            self.t_last_s = arrival_t_s - total_s
        times = []
        for rr in rr_ms:
            self.t_last_s += rr / 1000.0
            times.append(self.t_last_s)
        return times, anchored
