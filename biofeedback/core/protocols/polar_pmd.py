"""Polar Measurement Data (PMD): the Polar H10's raw ECG and accelerometer over Bluetooth LE.

Layout (Polar's polar-ble-sdk technical documentation: Polar_Measurement_Data_Specification,
PolarH10.md, TimeSystemExplained.md; the same bytes in open readers such as PolarBand2lsl):

- service ``FB005C80-…``; control point ``FB005C81-…`` (read, write, indicate); data
  ``FB005C82-…`` (notify);
- control point: reading gives ``0F`` + a feature bitmask (bit 0 ECG, bit 2 ACC);
  ``02 <type> <settings>`` starts a measurement, ``03 <type>`` stops it; every
  command is answered by an indication ``F0 <op> <type> <status> …`` (status 0 = done);
- data frame: byte 0 measurement type (0 ECG, 2 ACC), bytes 1-8 the time stamp of
  the frame's **last** sample (uint64 LE, ns since 2000-01-01 on the strap's clock),
  byte 9 frame type, then the samples: ECG frame type 0, 3-byte signed LE µV each
  (73 per 229-byte frame at 130 Hz); ACC frame type 1, x, y, z int16 LE in mG.

Pure: bytes in, ``PmdFrame`` out; a frame that breaks the layout raises
``PmdFormatError``. ``SensorTimeline`` turns the frames' last-sample stamps into
a time for every sample, on the strap's clock, and says where frames were lost.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

PMD_SERVICE_UUID = "fb005c80-02e7-f387-1cad-8acd2d8df0c8"
PMD_CONTROL_UUID = "fb005c81-02e7-f387-1cad-8acd2d8df0c8"
PMD_DATA_UUID = "fb005c82-02e7-f387-1cad-8acd2d8df0c8"

ECG, ACC = 0, 2  # measurement types
FEATURE_BITS = {ECG: 0x01, ACC: 0x04}  # in the byte after 0F when the control point is read
ECG_FS_HZ = 130.0  # the H10's only ECG rate (14-bit resolution)
ACC_FS_HZ = 25.0  # enough for breathing; the H10 also offers 50, 100 and 200 Hz
ACC_RANGE_G = 8
HEADER_BYTES = 10
CONTROL_RESPONSE = 0xF0
OP_START, OP_STOP = 0x02, 0x03
STATUS_TEXT = {0: "done", 1: "invalid op code", 2: "invalid measurement type", 3: "not supported",
               4: "invalid length", 5: "invalid parameter", 6: "already in that state",
               7: "invalid resolution", 8: "invalid sample rate", 9: "invalid range", 10: "invalid MTU",
               11: "invalid number of channels", 12: "invalid state", 13: "device is in charger"}
# settings: (setting type, count, uint16 value): 0 sample rate, 1 resolution, 2 range (G)
_SAMPLE_RATE, _RESOLUTION, _RANGE = 0, 1, 2
FRAME_LOSS_FACTOR = 1.5  # a frame stamped later than this many frame durations after the last: frames lost


class PmdFormatError(ValueError):
    """A PMD data frame or control answer that does not follow the layout."""


@dataclass(frozen=True)
class PmdFrame:
    kind: int  # ECG or ACC
    last_t_ns: int  # strap clock, ns since 2000-01-01, of the last sample
    samples: np.ndarray  # ECG: (n,) µV; ACC: (n, 3) mG


@dataclass(frozen=True)
class ControlAnswer:
    op: int
    kind: int
    status: int

    @property
    def ok(self) -> bool:
        return self.status == 0

    @property
    def text(self) -> str:
        return STATUS_TEXT.get(self.status, f"error {self.status}")


def _settings(*pairs: tuple[int, int]) -> bytes:
    return b"".join(struct.pack("<BBH", kind, 1, value) for kind, value in pairs)


def start_ecg_command() -> bytes:
    """``02 00 00 01 82 00 01 01 0E 00``: ECG at 130 Hz, 14-bit."""
    return bytes([OP_START, ECG]) + _settings((_SAMPLE_RATE, int(ECG_FS_HZ)), (_RESOLUTION, 14))


def start_acc_command(fs_hz: float = ACC_FS_HZ, range_g: int = ACC_RANGE_G) -> bytes:
    """``02 02 00 01 <rate> 00 01 01 10 00 02 01 <range> 00``: ACC, 16-bit."""
    return bytes([OP_START, ACC]) + _settings((_SAMPLE_RATE, int(fs_hz)), (_RESOLUTION, 16), (_RANGE, range_g))


def stop_command(kind: int) -> bytes:
    return bytes([OP_STOP, kind])


def parse_control_answer(data: bytes | bytearray) -> ControlAnswer:
    data = bytes(data)
    if len(data) < 4 or data[0] != CONTROL_RESPONSE:
        raise PmdFormatError(f"not a control point answer: {data.hex(' ')}")
    return ControlAnswer(data[1], data[2], data[3])


def features(data: bytes | bytearray) -> set[int]:
    """The measurement types a control point read says the strap offers."""
    data = bytes(data)
    if len(data) < 2 or data[0] != 0x0F:
        raise PmdFormatError(f"not a feature read: {data.hex(' ')}")
    return {kind for kind, bit in FEATURE_BITS.items() if data[1] & bit}


def decode_frame(data: bytes | bytearray) -> PmdFrame:
    """One PMD data notification."""
    data = bytes(data)
    if len(data) < HEADER_BYTES:
        raise PmdFormatError(f"PMD frame of {len(data)} bytes is shorter than its header")
    kind, t_ns, frame_type = data[0], struct.unpack_from("<Q", data, 1)[0], data[9]
    body = data[HEADER_BYTES:]
    if kind == ECG and frame_type == 0:
        if not body or len(body) % 3:
            raise PmdFormatError(f"ECG frame body of {len(body)} bytes is not whole 3-byte samples")
        raw = np.frombuffer(body, np.uint8).reshape(-1, 3).astype(np.int32)
        value = raw[:, 0] | (raw[:, 1] << 8) | (raw[:, 2] << 16)
        samples = np.where(value >= 1 << 23, value - (1 << 24), value).astype(np.float64)
    elif kind == ACC and frame_type == 1:
        if not body or len(body) % 6:
            raise PmdFormatError(f"ACC frame body of {len(body)} bytes is not whole x, y, z samples")
        samples = np.frombuffer(body, "<i2").reshape(-1, 3).astype(np.float64)
    else:
        raise PmdFormatError(f"PMD frame of measurement type {kind}, frame type {frame_type} is not read here")
    return PmdFrame(kind, t_ns, samples)


def encode_ecg_frame(last_t_ns: int, microvolts: np.ndarray) -> bytes:
    """The frame a strap sends (tests, and the layout spelled out once)."""
    v = np.asarray(microvolts, dtype=np.int64) & 0xFFFFFF
    body = np.stack([v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF], axis=1).astype(np.uint8).tobytes()
    return bytes([ECG]) + struct.pack("<Q", last_t_ns) + bytes([0]) + body


def encode_acc_frame(last_t_ns: int, milli_g: np.ndarray) -> bytes:
    body = np.asarray(milli_g, dtype="<i2").reshape(-1, 3).tobytes()
    return bytes([ACC]) + struct.pack("<Q", last_t_ns) + bytes([1]) + body


class SensorTimeline:
    """A time for every sample from the frames' last-sample stamps (strap clock, seconds).

    Samples between two frames' last stamps are evenly spaced: the strap's own
    clock sets the rate (an H10's 130 Hz is 130 Hz of its crystal, not of the
    host's). The first frame, and the first after a loss, is laid out at the
    nominal rate back from its stamp. A frame stamped more than
    ``FRAME_LOSS_FACTOR`` frame durations after the last one, or not after it,
    means frames were lost or the clock jumped: ``push`` then says so.
    """

    def __init__(self, fs_hz: float) -> None:
        self.fs_hz = fs_hz
        self._last_ns: int | None = None

    def push(self, last_t_ns: int, n: int) -> tuple[np.ndarray, bool]:
        """(strap-clock seconds of the frame's samples, True if frames before it were lost)."""
        nominal_s = n / self.fs_hz
        lost = False
        if self._last_ns is not None:
            step_s = (last_t_ns - self._last_ns) / 1e9
            if 0 < step_s <= FRAME_LOSS_FACTOR * nominal_s:
                self._last_ns = last_t_ns
                return (last_t_ns / 1e9) - step_s + step_s * np.arange(1, n + 1) / n, False
            lost = True
        self._last_ns = last_t_ns
        return last_t_ns / 1e9 - (n - 1 - np.arange(n)) / self.fs_hz, lost

    def forget(self) -> None:
        self._last_ns = None
