"""Streaming PPG from a simulated person: pulse shapes, breathing, motion, finger off, a sensor.

``PpgSynth`` draws one pulse per true beat (``pulse_shapes``: systolic plus
reflected waves, per-beat ratio and delay), adds the baseline wander and the
amplitude swing of breathing, additive noise, motion bursts and finger-off
gaps, and passes the optical signal through a sensor model (``sensors``) to
the ADC values a real sensor sends. With no sensor it keeps the original
DC-coupled 10-bit mapping (mid-scale plus 20 % of full scale per pulse).

Everything random is drawn from tables indexed by sample, beat or time block
(seeded with ``(seed, stream, block)``), never from the order of calls, so
stepping in different chunk sizes gives identical output.
"""

from __future__ import annotations

import math

import numpy as np

from biofeedback.config import SIM_ARTIFACT_BLOCK_S
from biofeedback.core.simulation.person import (
    ArtifactParams,
    PersonParams,
    SimulatedPerson,
    TrueBeat,
    rng,
)
from biofeedback.core.simulation.pulse_shapes import SHAPES, PulseShape, pulse
from biofeedback.core.simulation.sensors import SensorModel, SensorParams

_SAMPLE_BLOCK = 4096  # PPG noise samples drawn per table
_DEFAULT_PERSON = PersonParams()
_NO_ARTIFACTS = ArtifactParams()

_EXTRA_AMP = 0.6  # a spurious pulse is smaller than a real one
_PULSE_FRACTION_OF_ADC = 0.2  # pulse amplitude as a share of full scale
_FINGER_OFF_LEVEL = 0.02  # dark level as a share of full scale


class PpgSynth:
    """Streaming PPG waveform at ``fs_hz`` from a :class:`SimulatedPerson`.

    One pulse per beat (``shape``, systolic peak at the true beat time),
    baseline wander and amplitude modulation from breathing, additive Gaussian
    noise, motion bursts (sums of 0.3-4 Hz sinusoids under a Hann envelope, may
    clip at the rails), finger-off gaps (dark; beats inside are returned as kind
    "finger_off"), then ``sensor`` (None: the original DC-coupled mapping to
    0..adc_max). Sample ``i`` is at ``t = i / fs_hz``.
    """

    def __init__(
        self,
        person: SimulatedPerson,
        fs_hz: float = 500.0,
        adc_max: int = 1023,
        noise: float = 0.01,
        seed: int = 0,
        shape: PulseShape | str = "classic",
        sensor: SensorParams | None = None,
    ):
        self.person, self.fs_hz = person, float(fs_hz)
        self.adc_max = int(sensor.adc_max if sensor is not None else adc_max)
        self.noise, self.seed = float(noise), int(seed)
        self.shape = SHAPES[shape] if isinstance(shape, str) else shape
        self.sensor = SensorModel(sensor, fs_hz) if sensor is not None else None
        # each beat's pulse, drawn once over all the samples it touches: (first sample, values)
        self._beat_wave: dict[float, tuple[int, np.ndarray]] = {}
        self._n = 0
        self._known: list[TrueBeat] = []  # beats that may still touch future samples
        self._noise_blocks: dict[int, np.ndarray] = {}
        self._event_blocks: dict[tuple[int, int], np.ndarray] = {}

    def step(self, n_samples: int) -> tuple[np.ndarray, np.ndarray, list[TrueBeat]]:
        """Next ``n_samples``: (t_s, values, true beats whose peak falls in this chunk)."""
        n0, n = self._n, int(n_samples)
        self._n += n
        idx = n0 + np.arange(n)
        t = idx / self.fs_hz
        t_lo, t_hi = n0 / self.fs_hz, (n0 + n) / self.fs_hz  # chunk covers [t_lo, t_hi)
        span = self.shape.span_s
        ahead = t_hi - span[0] - self.person.t_s
        if ahead > 0:
            self._known.extend(self.person.advance(ahead))
        off = self._events(11, self.artifacts.finger_off_per_min, t_lo - 12.0, t_hi)
        vol = self.person.lung_volume(t)
        x = -self.shape.resp_baseline * vol + self.noise * self._noise(n0, n)
        x += self._motion(t)
        for b in self._known:
            if b.kind == "missed" or b.t_s + span[0] >= t_hi:
                continue
            j0, wave = self._wave_of(b)
            i0, i1 = max(0, j0 - n0), min(n, j0 + wave.size - n0)
            if i1 > i0:
                x[i0:i1] += wave[n0 + i0 - j0:n0 + i1 - j0]
        dark = np.zeros(n, dtype=bool)
        for s, d, *_ in off:
            dark |= (t >= s) & (t < s + d)
        if self.sensor is not None:
            x[dark] = np.nan
            values = self.sensor.convert(x)
        else:
            values = self.adc_max * (0.5 + _PULSE_FRACTION_OF_ADC * x)
            if off and dark.any():
                values[dark] = self.adc_max * (_FINGER_OFF_LEVEL + 0.05 * self.noise * x[dark])
            values = np.clip(np.rint(values), 0, self.adc_max)
        out = [b for b in self._known if t_lo <= b.t_s < t_hi]
        out = [TrueBeat(b.t_s, b.rr_ms, "finger_off") if _inside(b.t_s, off) else b for b in out]
        self._known = [b for b in self._known if b.t_s + span[1] >= t_hi]
        if len(self._beat_wave) > 64:
            self._beat_wave = {k: v for k, v in self._beat_wave.items() if k + span[1] >= t_hi}
        return t, values, out

    @property
    def artifacts(self) -> ArtifactParams:
        return self.person.artifacts

    def _amplitude(self, b: TrueBeat) -> float:
        vol = float(self.person.lung_volume(b.t_s))
        slow = 1.0 + 0.1 * math.sin(2 * math.pi * b.t_s / 47.0 + self.seed)
        base = _EXTRA_AMP if b.kind == "extra" else 1.0
        return base * slow * (1.0 - self.shape.resp_amplitude_share * vol)

    def _wave_of(self, b: TrueBeat) -> tuple[int, np.ndarray]:
        """(first sample, amplitude x pulse at each sample the beat's span covers): drawn once, the
        first time a chunk reaches the beat, not again in each of the ~5 chunks it spans. The same
        values as drawn chunk by chunk: the pulse is elementwise in the sample times, and the
        beat's amplitude reads the breathing at its own time, generated (a second ahead) before
        the person returns the beat."""
        got = self._beat_wave.get(b.t_s)
        if got is None:
            span = self.shape.span_s
            j0 = math.ceil((b.t_s + span[0]) * self.fs_hz)
            t = np.arange(j0, math.floor((b.t_s + span[1]) * self.fs_hz) + 1) / self.fs_hz
            ratio, delay = self._shape_of(b)
            got = (j0, self._amplitude(b) * pulse(t - b.t_s, self.shape, ratio, delay))
            self._beat_wave[b.t_s] = got
        return got

    def _shape_of(self, b: TrueBeat) -> tuple[float, float]:
        """This beat's diastolic ratio and delay, drawn from its own time (chunk-invariant; asked once a
        beat, by ``_wave_of``, which keeps the pulse drawn with them)."""
        z = rng(self.seed, 30, int(round(b.t_s * 1e6))).standard_normal(2)
        s = self.shape
        return (max(0.0, s.dia_ratio + s.ratio_jitter * float(z[0])),
                s.dia_delay_s + s.delay_jitter_s * float(np.clip(z[1], -3, 3)))

    def _noise(self, n0: int, n: int) -> np.ndarray:
        b0, b1 = n0 // _SAMPLE_BLOCK, (n0 + n - 1) // _SAMPLE_BLOCK + 1
        for b in range(b0, b1):
            if b not in self._noise_blocks:
                self._noise_blocks[b] = rng(self.seed, 20, b).standard_normal(_SAMPLE_BLOCK)
        for b in [k for k in self._noise_blocks if k < b0]:
            del self._noise_blocks[b]
        if b1 == b0 + 1:  # within one block (most calls): no copy
            return self._noise_blocks[b0][n0 - b0 * _SAMPLE_BLOCK : n0 - b0 * _SAMPLE_BLOCK + n]
        cat = np.concatenate([self._noise_blocks[b] for b in range(b0, b1)])
        return cat[n0 - b0 * _SAMPLE_BLOCK : n0 - b0 * _SAMPLE_BLOCK + n]

    def _events(self, stream: int, rate_per_min: float, t0: float, t1: float) -> list:
        """Events (start_s, duration_s, *params) of one kind overlapping [t0, t1)."""
        if rate_per_min <= 0:
            return []
        blk_s = SIM_ARTIFACT_BLOCK_S
        out = []
        for b in range(max(0, math.floor(t0 / blk_s) - 1), math.floor(t1 / blk_s) + 1):
            key = (stream, b)
            if key not in self._event_blocks:
                g = rng(self.seed, stream, b)
                k = g.poisson(rate_per_min * blk_s / 60.0)
                ev = g.random((k, 8))
                ev[:, 0] = b * blk_s + ev[:, 0] * blk_s  # start
                ev[:, 1] = 2.0 + 8.0 * ev[:, 1]  # duration 2-10 s
                self._event_blocks[key] = ev
            for e in self._event_blocks[key]:
                if e[0] < t1 and e[0] + e[1] > t0:
                    out.append(e)
        return out

    def _motion(self, t: np.ndarray) -> np.ndarray:
        out = np.zeros(t.size)
        ev = self._events(10, self.artifacts.motion_bursts_per_min, t[0] - 12.0, t[-1] + 1e-9)
        for e in ev:
            s, d = e[0], 0.4 * e[1]  # bursts last 0.8-4 s
            m = (t >= s) & (t < s + d)
            if not m.any():
                continue
            tt = t[m] - s
            env = 0.5 - 0.5 * np.cos(2 * np.pi * tt / d)
            for j in range(3):
                f = 0.3 + 3.7 * e[2 + j]
                out[m] += env * (0.5 + 1.5 * e[5 + j]) * np.sin(2 * np.pi * f * tt + 7.0 * e[2 + j])
        return out


def _inside(t_s: float, events: list) -> bool:
    return any(s <= t_s < s + d for s, d, *_ in events)




def simulate_ppg(
    duration_s: float,
    fs_hz: float = 500.0,
    person: PersonParams = _DEFAULT_PERSON,
    artifacts: ArtifactParams = _NO_ARTIFACTS,
    breathing_bpm: float | None = None,
    adc_max: int = 1023,
    noise: float = 0.01,
    seed: int = 0,
    shape: PulseShape | str = "classic",
    sensor: SensorParams | None = None,
) -> tuple[np.ndarray, np.ndarray, list[TrueBeat]]:
    """Simulated PPG record: (t_s, values in ADC units, true beats with peak times)."""
    p = SimulatedPerson(person, artifacts, seed=seed)
    if breathing_bpm is not None:
        p.set_breathing_rate(breathing_bpm)
    synth = PpgSynth(p, fs_hz=fs_hz, adc_max=adc_max, noise=noise, seed=seed, shape=shape,
                     sensor=sensor)
    return synth.step(int(round(duration_s * fs_hz)))
