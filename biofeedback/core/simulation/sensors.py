"""Sensor models: how each real sensor turns the finger's pulse into numbers.

Input: the optical pulse signal in systolic heights (pulse ~1, baseline and
wander around 0; finger off = NaN). Output: values in the protocol's own ADC
units, as its firmware sends them. All state is carried sample by sample
(``lfilter`` with ``zi``), so any chunking gives the same values.

- ``pulsesensor``: World Famous Electronics PulseSensor -- an AC-coupled
  amplifier (first-order high-pass ~0.5 Hz) centred at mid-scale of a 10-bit
  ADC (0..1023, idles near 512, docs/reference/sensor-protocols.md §1.1); a strong pulse
  clips at the rails (flat tops).
- ``max3010x``: MAX30102 raw IR (SparkFun library, §3): DC 50 000-250 000 of
  an 18-bit ADC (0..262143), pulse 0.5-2 % of DC, **inverted** (more blood
  absorbs more light, so the value falls at each beat); no finger reads
  below 50 000.
- ``cms50d``: Contec CMS50D+ pleth (§2): 0..100 after the oximeter's
  automatic gain, which rescales the pulse to fill the range with a time
  constant of seconds (the AGC itself makes amplitude swings and slow
  overshoots).
- ``dc``: a plain DC-coupled 10-bit front end (our native sketch): mid-scale
  plus 20 % of full scale per systolic height (the original simulator).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import signal


@dataclass(frozen=True)
class SensorParams:
    """What distinguishes one sensor unit from another (drawn per seed by ``sensor_for``)."""

    kind: str = "dc"
    adc_max: int = 1023
    gain: float = 0.2  # full-scale share per systolic height (pulsesensor, dc)
    dc: float = 150000.0  # max3010x IR level with a finger
    perfusion: float = 0.01  # max3010x pulse height as a share of DC
    agc_tau_s: float = 3.0  # cms50d automatic gain time constant
    highpass_hz: float = 0.5  # pulsesensor AC coupling
    dark_share: float = 0.02  # finger-off level as a share of full scale


SENSOR_KINDS = ("dc", "pulsesensor", "max3010x", "cms50d")
# protocol -> sensor model
PROTOCOL_SENSORS = {
    "native": "dc",
    "pulsesensor": "pulsesensor",
    "pulsesensor-plotter": "pulsesensor",
    "max3010x": "max3010x",
    "cms50d": "cms50d",
    "cms50d-v7": "cms50d",
    "ibi": "dc",
}


def sensor_for(kind: str, adc_max: int | None = None, seed: int = 0) -> SensorParams:
    """A plausible unit of sensor ``kind``; its DC level and perfusion depend on ``seed``."""
    if kind not in SENSOR_KINDS:
        raise ValueError(f"unknown sensor model {kind!r}; choose one of {', '.join(SENSOR_KINDS)}")
    u = np.random.default_rng([int(seed), 77]).random(2)
    if kind == "max3010x":
        return SensorParams(kind, 262143, dc=50000.0 + 200000.0 * u[0],
                            perfusion=0.005 + 0.015 * u[1])
    if kind == "cms50d":
        return SensorParams(kind, 100)
    if kind == "pulsesensor":
        return SensorParams(kind, 1023, gain=0.12 + 0.1 * u[0])
    return SensorParams(kind, int(adc_max or 1023))


class SensorModel:
    """Streaming sensor front end: ``convert(x)`` -> ADC values (rounded, clipped)."""

    def __init__(self, params: SensorParams, fs_hz: float) -> None:
        self.params, self.fs_hz = params, float(fs_hz)
        p = params
        self._hp_b, self._hp_a = signal.butter(1, p.highpass_hz, "high", fs=fs_hz)
        self._hp_zi = np.zeros(1)
        a = math.exp(-1.0 / (p.agc_tau_s * fs_hz))
        self._agc_b, self._agc_a = np.array([1.0 - a]), np.array([1.0, -a])
        self._lvl_zi = np.zeros(1)  # AGC: slow mean ...
        self._env_zi = np.array([a * 0.3])  # ... and slow mean absolute deviation

    def convert(self, x: np.ndarray) -> np.ndarray:
        p = self.params
        dark = ~np.isfinite(x)
        xs = np.where(dark, 0.0, x)
        if p.kind == "pulsesensor":
            ac, self._hp_zi = signal.lfilter(self._hp_b, self._hp_a, xs, zi=self._hp_zi)
            v = p.adc_max * (0.5 + p.gain * ac)
        elif p.kind == "max3010x":
            v = p.dc * (1.0 - p.perfusion * xs)  # inverted: blood absorbs the IR light
        elif p.kind == "cms50d":
            mean, self._lvl_zi = signal.lfilter(self._agc_b, self._agc_a, xs, zi=self._lvl_zi)
            env, self._env_zi = signal.lfilter(self._agc_b, self._agc_a, np.abs(xs - mean),
                                               zi=self._env_zi)
            v = 50.0 + 18.0 * (xs - mean) / np.maximum(env, 1e-3)
        else:
            v = p.adc_max * (0.5 + p.gain * xs)
        if dark.any():
            v[dark] = p.adc_max * p.dark_share if p.kind != "max3010x" else 3000.0
        return np.clip(np.rint(v), 0, p.adc_max)
