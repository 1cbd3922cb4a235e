"""Simulated person: heart beats that respond to breathing, with known truth (docs/reference/algorithms.md §7).

Beat times come from an integral pulse frequency model (IPFM; Bayly 1968,
Mateo & Laguna 2000): a beat fires each time the integral of HR(t)/60
crosses an integer, with

    HR(t) = HR0 + RSA(breathing phase, breathing rate) + LF(t) + VLF(t).

RSA follows a second-order resonant (band-pass) response to the breathing
rate with its peak at the person's resonance rate (Lehrer et al. 2000), so
HR swings 10-20 bpm at resonance and a few bpm at 12-15 breaths/min; at
resonance HR peaks at the end of inhalation (0 deg lag).

Truth convention: a beat's ``t_s`` is the time of the systolic peak of its
PPG pulse, so detectors are scored against peak times.

Everything random is drawn from tables indexed by step, beat or time block
(seeded with ``(seed, stream, block)``), never from the order of calls, so
advancing in different chunk sizes gives identical output.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

import numpy as np
from scipy import signal, special

from biofeedback.config import (
    SIM_LOOKAHEAD_S,
    SIM_STEP_S,
)

_NOISE_BLOCK_STEPS = 256  # steps of LF/VLF noise drawn per table
_BEAT_BLOCK = 256  # beats of per-beat randomness drawn per table
_SAMPLE_BLOCK = 4096  # PPG noise samples drawn per table


@dataclass(frozen=True)
class PersonParams:
    """Heart-rate model of one simulated person."""

    hr_bpm: float = 65.0
    resonance_bpm: float = 5.5  # breaths/min where RSA amplitude peaks
    rsa_peak_to_trough_bpm: float = 15.0  # HR swing at resonance
    rsa_q: float = 2.0  # quality factor of the resonant response (about 4 bpm at 12/min)
    lf_drift_bpm: float = 2.0  # std of 0.04-0.15 Hz HR fluctuation
    vlf_drift_bpm: float = 3.0  # std of 0.0033-0.04 Hz HR drift
    jitter_ms: float = 8.0  # Gaussian beat-time jitter (clipped at 4 sd)
    follow_lag_s: float = 5.0  # time constant of gliding to a new pacer rate
    compliance: float = 1.0  # 1 = follows the pacer; 0 = breathes at spontaneous_bpm
    # a person breathing with a guide is late by a reaction time (an assumption, not a published
    # figure): so the guide's phase is not the breathing's, and the assessment must measure it
    pacer_reaction_s: float = 0.5
    spontaneous_bpm: float = 13.0


@dataclass(frozen=True)
class ArtifactParams:
    """Rates of sensor and rhythm artifacts (events per minute)."""

    rate_per_min: float = 0.0  # ectopic / missed / extra, split equally among kinds
    motion_bursts_per_min: float = 0.0
    finger_off_per_min: float = 0.0


@dataclass(frozen=True)
class TrueBeat:
    """One true event; ``t_s`` is the systolic peak time.

    ``kind``: "normal"; "ectopic" (early beat, the next interval is a
    compensatory pause); "missed" (a true beat the sensor will not show: no
    pulse in the PPG); "extra" (a spurious detection the sensor reports: an
    extra small pulse in the PPG, not a heartbeat); "finger_off" (a true beat
    during a finger-off gap, when the sensor sees no pulse). ``rr_ms`` is the interval
    since the previous event of any kind.
    """

    t_s: float
    rr_ms: float
    kind: str


def rng(seed: int, stream: int, block: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), stream, block + 1])


def rsa_response(breath_bpm: np.ndarray | float, resonance_bpm: float, q: float):
    """Gain (peak 1 at resonance) and phase (rad) of the second-order band-pass RSA response."""
    r = np.asarray(breath_bpm, dtype=float) / resonance_bpm
    re = 1.0 - r * r
    im = r / q
    gain = im / np.hypot(re, im)
    phase = 0.5 * np.pi - np.arctan2(im, re)
    return gain, phase


class _FilteredNoise:
    """Unit-variance band-limited Gaussian noise on the step grid, drawn in fixed blocks."""

    def __init__(self, band_hz: tuple[float, float], fs_hz: float, seed: int, stream: int):
        self._sos = signal.butter(2, band_hz, btype="band", fs=fs_hz, output="sos")
        imp = np.zeros(int(40.0 / band_hz[0] * fs_hz))
        imp[0] = 1.0
        self._gain = 1.0 / math.sqrt(float(np.sum(signal.sosfilt(self._sos, imp) ** 2)))
        # start in steady state: pre-roll one settling time of noise
        pre = rng(seed, stream, -1).standard_normal(imp.size)
        _, self._zi = signal.sosfilt(self._sos, pre, zi=np.zeros((self._sos.shape[0], 2)))
        self._seed, self._stream = seed, stream
        self._blocks: list[np.ndarray] = []

    def values(self, k0: int, k1: int) -> np.ndarray:
        while len(self._blocks) * _NOISE_BLOCK_STEPS < k1:
            w = rng(self._seed, self._stream, len(self._blocks)).standard_normal(
                _NOISE_BLOCK_STEPS
            )
            y, self._zi = signal.sosfilt(self._sos, w, zi=self._zi)
            self._blocks.append(y * self._gain)
        b0, b1 = k0 // _NOISE_BLOCK_STEPS, (k1 - 1) // _NOISE_BLOCK_STEPS + 1
        if b1 == b0 + 1:  # within one block (most calls): no copy
            return self._blocks[b0][k0 - b0 * _NOISE_BLOCK_STEPS : k1 - b0 * _NOISE_BLOCK_STEPS]
        cat = np.concatenate(self._blocks[b0:b1])
        return cat[k0 - b0 * _NOISE_BLOCK_STEPS : k1 - b0 * _NOISE_BLOCK_STEPS]


class SimulatedPerson:
    """Integral pulse frequency model: a beat fires when the integral of HR/60 crosses an integer.

    HR(t) = HR0 + RSA(breathing phase) + LF + VLF, evaluated on a fixed grid
    of ``SIM_STEP_S``; crossing times are linearly interpolated within a step.
    Steps are generated ``SIM_LOOKAHEAD_S`` ahead of the returned time so that
    jittered and ectopic beats come out in order; a rate set with
    :meth:`set_breathing_rate` therefore applies from the first step not yet
    generated (at most ``SIM_LOOKAHEAD_S`` + one step late).
    """

    def __init__(
        self,
        params: PersonParams = PersonParams(),
        artifacts: ArtifactParams = ArtifactParams(),
        seed: int = 0,
    ):
        self.params, self.artifacts, self.seed = params, artifacts, int(seed)
        fs = 1.0 / SIM_STEP_S
        self._lf = _FilteredNoise((0.04, 0.15), fs, self.seed, 1)
        self._vlf = _FilteredNoise((0.0033, 0.04), fs, self.seed, 2)
        self._target_bpm = params.spontaneous_bpm
        self._rate_bpm = params.spontaneous_bpm  # breathing rate the person actually uses
        self._phase = 0.0  # breathing phase in cycles; inhalation on [0, 0.5) of each cycle
        self._k = 0  # steps generated
        self._integral = 0.0
        self._hr_prev = self._hr(np.array([0.0]), np.array([self._rate_bpm]), 0, 1)[0]
        self._n_ideal = 0  # IPFM beats generated
        self._beat_tables: dict[int, np.ndarray] = {}
        self._pending: list[TrueBeat] = []
        self._last_ideal_t: float | None = None
        self._prev_event_t = 0.0
        self._t = 0.0
        self._ectopic_shift_s = 0.0
        # (typed as any array: NumPy 2.2's stubs give np.zeros(1) a 1-D shape a concatenate does not keep)
        self._phase_log_t: np.ndarray = np.zeros(1)  # breathing phase at generated steps
        self._phase_log_p: np.ndarray = np.zeros(1)
        self._pacer_ref: tuple[float, float, float] | None = None  # (t_s, phase cycles, rate)

    # -- public API ---------------------------------------------------------
    @property
    def t_s(self) -> float:
        """Time up to which beats have been returned."""
        return self._t

    def set_breathing_rate(self, bpm: float) -> None:
        """Set the pacer rate; the person glides to it (follow_lag_s) as far as compliance goes."""
        self._target_bpm = float(bpm)

    def follow_pacer(self, rate_bpm: float, phase_cycles: float, at_t_s: float) -> None:
        """Breathe with a pacer: its rate, and its phase (cycles, 0 = start of inhale) at ``at_t_s``.

        A person following a visual guide locks onto its rhythm, not only its
        rate: the breathing phase is pulled toward the pacer's as it was
        ``pacer_reaction_s`` earlier, with the time constant ``follow_lag_s``,
        as far as ``compliance`` goes.
        """
        self._target_bpm = float(rate_bpm)
        self._pacer_ref = (float(at_t_s), float(phase_cycles), float(rate_bpm))

    def breathing_phase(self, t_s: np.ndarray | float) -> np.ndarray | float:
        """Breathing phase in cycles (inhale on [0, 0.5) mod 1) at generated times."""
        return np.interp(t_s, self._phase_log_t, self._phase_log_p)

    def lung_volume(self, t_s: np.ndarray | float) -> np.ndarray | float:
        """Normalised lung volume in [0, 1]: 0 at end of exhalation, 1 at end of inhalation."""
        return 0.5 - 0.5 * np.cos(2.0 * np.pi * self.breathing_phase(t_s))

    def advance(self, duration_s: float) -> list[TrueBeat]:
        """Return true beats with t in (t, t + duration_s] and move the clock on."""
        t_end = self._t + float(duration_s)
        self._generate_until(t_end + SIM_LOOKAHEAD_S)
        out = [b for b in self._pending if b.t_s <= t_end]
        self._pending = self._pending[len(out) :]
        if out:
            self._prev_event_t = out[-1].t_s
        self._t = t_end
        # keep the breathing-phase log short (enough history for a PPG renderer)
        if self._phase_log_t.size > 4000:
            self._phase_log_t = self._phase_log_t[-2000:]
            self._phase_log_p = self._phase_log_p[-2000:]
        return out

    # -- model ----------------------------------------------------------------
    def _own_target(self) -> float:
        p = self.params
        return p.compliance * self._target_bpm + (1.0 - p.compliance) * p.spontaneous_bpm

    def _hr(self, phase: np.ndarray, rate_bpm: np.ndarray, k0: int, k1: int) -> np.ndarray:
        p = self.params
        gain, lag = rsa_response(rate_bpm, p.resonance_bpm, p.rsa_q)
        # HR peaks at end of inhalation (phase 0.5) at resonance, lags/leads off resonance
        rsa = -0.5 * p.rsa_peak_to_trough_bpm * gain * np.cos(2 * np.pi * phase - lag)
        drift = p.lf_drift_bpm * self._lf.values(k0, k1) + p.vlf_drift_bpm * self._vlf.values(
            k0, k1
        )
        return np.maximum(p.hr_bpm + rsa + drift, 25.0)

    def _generate_until(self, t_s: float) -> None:
        k_end = math.ceil(t_s / SIM_STEP_S - 1e-9)
        n = k_end - self._k
        if n <= 0:
            return
        dt = SIM_STEP_S
        a = math.exp(-dt / max(self.params.follow_lag_s, 1e-9))
        target = self._own_target()
        # first-order glide to the target and running sums, all strictly sequential (from the
        # carried value) so step batches do not matter. The glide is the recursion of
        # signal.lfilter([1 - a], [1, -a], zi=[a * rate]) in its order of operations (the same
        # floats), written out: lfilter's set-up cost more than the 5 steps of a 0.25 s chunk
        b0, z, glide = 1.0 - a, a * self._rate_bpm, []
        for _ in range(n):
            y = z + b0 * target
            z = a * y
            glide.append(y)
        rate = np.array(glide)
        if self._pacer_ref is not None and self.params.compliance > 0:
            phase = self._lock_to_pacer(rate, self._pacer_ref)
        else:
            phase = np.cumsum(np.concatenate(([self._phase], rate * (dt / 60.0))))[1:]
        k0 = self._k + 1
        hr = self._hr(phase, rate, k0, k0 + n)
        # the integral of HR/60 by the trapezoid rule, a beat where it crosses an integer: a loop
        # over the few steps of a call, the same sums in the same order as a cumsum
        hr_prev, integral = self._hr_prev, self._integral
        for i, h in enumerate(hr.tolist()):
            prev, integral = integral, integral + 0.5 * (hr_prev + h) * (dt / 60.0)
            hr_prev = h
            if math.floor(integral) > math.floor(prev):  # one per beat
                frac = (math.floor(integral) - prev) / (integral - prev)
                self._emit_ideal((self._k + i + frac) * dt)
        steps_t = (self._k + 1 + np.arange(n)) * dt
        self._phase_log_t = np.concatenate((self._phase_log_t, steps_t))
        self._phase_log_p = np.concatenate((self._phase_log_p, phase))
        self._k, self._rate_bpm, self._phase = k_end, float(rate[-1]), float(phase[-1])
        self._integral, self._hr_prev = integral, hr_prev

    def _lock_to_pacer(self, rate: np.ndarray, pacer_ref: tuple[float, float, float]) -> np.ndarray:
        """Breathing phase pulled toward the pacer's (a first-order phase-locked loop).

        Sequential per step, so batches of any size give the same phases.
        """
        dt = SIM_STEP_S
        t_ref, phase_ref, rate_ref = pacer_ref
        t_ref += self.params.pacer_reaction_s
        gain = self.params.compliance * dt / max(self.params.follow_lag_s, dt)
        phase = np.empty(rate.size)
        current = self._phase
        for i, r in enumerate(rate.tolist()):
            t = (self._k + 1 + i) * dt
            pacer = phase_ref + (t - t_ref) * rate_ref / 60.0
            error = (pacer - current + 0.5) % 1.0 - 0.5
            current += r * dt / 60.0 + gain * error
            phase[i] = current
        return phase

    def _beat_random(self, j: int) -> np.ndarray:
        blk = j // _BEAT_BLOCK
        if blk not in self._beat_tables:
            self._beat_tables = {blk: rng(self.seed, 3, blk).random((_BEAT_BLOCK, 4))}
        return self._beat_tables[blk][j % _BEAT_BLOCK]

    def _emit_ideal(self, t_ideal: float) -> None:
        j = self._n_ideal
        self._n_ideal += 1
        u = self._beat_random(j)
        sd = self.params.jitter_ms / 1000.0
        # Gaussian jitter by inverse CDF of a table uniform, clipped at 4 sd
        z = min(max(float(special.ndtri(u[0])), -4.0), 4.0)
        t = t_ideal + sd * z
        rr_prev = None if self._last_ideal_t is None else t_ideal - self._last_ideal_t
        self._last_ideal_t = t_ideal
        kind = "normal"
        hr_per_min = max(self.params.hr_bpm, 1.0)
        p_event = self.artifacts.rate_per_min / hr_per_min
        if rr_prev is not None and j > 2 and u[1] < p_event:
            kind = ("ectopic", "missed", "extra")[min(int(u[2] * 3), 2)]
        if kind == "ectopic":
            t = t - (0.25 + 0.1 * u[3]) * rr_prev  # early; the next beat keeps its time
        if kind == "extra":  # the heartbeat is normal; a spurious detection follows it
            self._push(t, "normal")
            self._push(t + (0.35 + 0.3 * u[3]) * rr_prev, "extra")
        else:
            self._push(t, kind)

    def _push(self, t: float, kind: str) -> None:
        """Insert an event in time order; rr_ms of it and of its successor follow."""
        pend = self._pending
        i = bisect.bisect_right(pend, t, key=lambda b: b.t_s)
        prev = pend[i - 1].t_s if i > 0 else self._prev_event_t
        pend.insert(i, TrueBeat(float(t), float((t - prev) * 1000.0), kind))
        if i + 1 < len(pend):
            nxt = pend[i + 1]
            pend[i + 1] = TrueBeat(nxt.t_s, float((nxt.t_s - t) * 1000.0), nxt.kind)


def simulate_rr(
    duration_s: float,
    person: PersonParams = PersonParams(),
    artifacts: ArtifactParams = ArtifactParams(),
    breathing_bpm: float | None = None,
    seed: int = 0,
) -> list[TrueBeat]:
    """True beats of a simulated person over ``duration_s`` (pacer fixed at ``breathing_bpm``)."""
    p = SimulatedPerson(person, artifacts, seed=seed)
    if breathing_bpm is not None:
        p.set_breathing_rate(breathing_bpm)
    return p.advance(duration_s)
