"""Small immutable value types shared by every layer.

Units are in field names: ``t_s`` seconds on the device clock (or on the
record's clock for files), ``rr_ms`` milliseconds, ``fs_hz`` hertz.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import numpy as np


class SignalQuality(str, Enum):
    """State of the incoming pulse signal, shown to the user instead of invented beats."""

    GOOD = "good"
    NO_SIGNAL = "no_signal"  # flat signal or no beat for NO_BEAT_TIMEOUT_S
    SATURATED = "saturated"  # clipped at the ADC rails
    FINGER_OFF = "finger_off"  # device says so, or amplitude out of range
    POOR = "poor"  # pulses do not look like the template (motion): "signal poor, hold still"
    LINK_DAMAGED = "link_damaged"  # lines/samples lost on the link; beats are still detected


# ----------------------------------------------------------------------------
# Events: what decoders produce from bytes and what the pipeline consumes.
# ----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False, init=False)
class PpgBlock:
    """Consecutive raw PPG samples with their device timestamps."""

    t_s: np.ndarray  # float64, device time of each sample, non-decreasing
    value: np.ndarray  # float64, raw ADC units
    fs_hz: float  # nominal device sample rate

    def __init__(self, t_s: np.ndarray, value: np.ndarray, fs_hz: float) -> None:
        # one per decoded block (50 a second live, 180,000 for an offline hour): the frozen
        # dataclass's own __init__ (object.__setattr__ per field) took twice as long
        d = self.__dict__
        d["t_s"], d["value"], d["fs_hz"] = t_s, value, fs_hz

    def __len__(self) -> int:
        return int(self.t_s.size)


@dataclass(frozen=True, eq=False)
class SignalBlock:
    """Consecutive samples of a sensor's other signals, with device times: what a live view or a
    later analysis may use, recorded as it arrived.

    ``kind`` "ecg": (n,) µV (a Polar H10's ECG; its beats come as ``DeviceBeat`` events beside it);
    "acc": (n, 3) mG, x, y, z (a chest strap's accelerometer, read for breathing).
    """

    kind: str
    t_s: np.ndarray  # float64, device time of each sample, non-decreasing
    value: np.ndarray  # float64, (n,) or (n, channels)
    fs_hz: float  # nominal device sample rate

    def __len__(self) -> int:
        return int(self.t_s.size)


@dataclass(frozen=True)
class DeviceBeat:
    """A beat detected by the device itself (PulseSensor Q line, native I line, CMS50 beep)."""

    t_s: float  # device time of the beat
    ibi_ms: float | None  # interval since the previous beat as reported, None if unknown
    ectopic: bool = False  # its QRS is not shaped like the normal beats' (ECG: core/beats/qrs_shape)


@dataclass(frozen=True)
class DeviceStatus:
    """A status the device reports: finger out, searching, low signal, or ok again."""

    t_s: float
    state: str  # "ok" | "finger_out" | "searching" | "low_signal"
    detail: str = ""


@dataclass(frozen=True)
class DeviceInfo:
    """What is known about the device: from a header line or from the protocol itself."""

    protocol: str  # "native" | "pulsesensor" | "cms50d" | "max3010x" | "ibi" ...
    fs_hz: float | None = None  # sample rate of PPG samples, None if the stream has none
    adc_max: int | None = None
    device: str = ""
    polarity: int | None = None  # +1 pulse raises the value, -1 lowers it (MAX3010x raw IR), None: detect


# The pulse wave's direction as a person names it (analyze and record --polarity, the window's Tools >
# Pulse direction) and as the pipeline takes it: "auto" is the device's header, else the pulse's shape
PULSE_DIRECTIONS: dict[str, int | None] = {"auto": None, "upright": 1, "inverted": -1}


def direction_name(polarity: int | None) -> str:
    """``PULSE_DIRECTIONS``' name of a direction: "auto", "upright" or "inverted"."""
    return next(name for name, value in PULSE_DIRECTIONS.items() if value == polarity)


@dataclass(frozen=True)
class Gap:
    """Data known to be missing: lost lines, a device restart, an unplugged cable."""

    t_s: float  # where the gap starts on the device/record clock
    duration_s: float | None  # None when unknown
    reason: str  # "lost_samples" | "device_restart" | "disconnected" | "lost_beat" | "poor_signal" | "invalid_samples"
    # | "damaged_in_store" (a stored block the file no longer holds intact) | "direction_chosen" (the user chose
    # the pulse's direction: beats found the other way up end there, Pipeline.choose_polarity)


@dataclass(frozen=True)
class PulseDirectionChosen:
    """The person chose the pulse wave's direction here (the window's Tools > Pulse direction,
    ``record --polarity``): +1 upright, -1 inverted, None automatic again (the header's, else the
    shape's). Kept in the recorded stream where it was chosen, so a replay, a crash recovery and
    ``analyze`` of the recording read the wave as the live session did (``Pipeline.choose_polarity``)."""

    polarity: int | None


Event = PpgBlock | SignalBlock | DeviceBeat | DeviceStatus | DeviceInfo | Gap | PulseDirectionChosen


# ----------------------------------------------------------------------------
# Results: what the pipeline produces.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Beat:
    """One heartbeat after artifact handling.

    ``rr_ms`` is the interval ending at this beat. ``corrected`` marks an
    interval that the artifact stage replaced or interpolated; ``kind`` says
    why ("normal", "ectopic", "missed", "extra", "long", "short").
    """

    t_s: float
    rr_ms: float
    corrected: bool = False
    kind: str = "normal"
    quality: float | None = None  # template correlation of the pulse (beat_quality), None unknown
    # where the detector put this beat, set by the artifact stage on every beat it corrects:
    # the raw time of a beat it moved (an ectopic beat goes to its neighbours' midpoint for
    # HRV), NaN for a beat it inserted (a missed one); None: ``t_s``, or not known
    detected_t_s: float | None = None


@dataclass(frozen=True)
class MetricsUpdate:
    """Live metrics at time ``t_s``; each value is None until it can be computed."""

    t_s: float
    hr_bpm: float | None = None
    rmssd_ms: float | None = None
    sdnn_ms: float | None = None
    coherence_ratio: float | None = None
    artifact_share: float | None = None
    window_s: dict[str, float] = field(default_factory=dict)
