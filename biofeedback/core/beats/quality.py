"""Per-beat signal quality by template correlation (Li & Clifford 2012; Orphanidou et al. 2015).

Li Q, Clifford GD (2012) "Dynamic time warping and machine learning for signal
quality assessment of pulsatile signals", Physiol. Meas. 33:1491 -- among their
indices, the *linear resampling* one: each beat is resampled to a fixed length
and correlated with a running template of recent beats. Our beat wave
(``beat_wave``) is the previous pulse's fall and reflected wave (a fixed
``BEAT_WAVE_AFTER_S`` after its peak) joined to this pulse's upstroke (a fixed
``BEAT_WAVE_BEFORE_S`` before its peak): fixed durations, because the reflected
wave keeps its delay when the heart rate changes, so stretching the whole
interval (as linear resampling does) would move it.
Orphanidou C et al. (2015) "Signal-quality indices for the electrocardiogram
and photoplethysmogram: derivation and applications to wireless monitoring",
IEEE J. Biomed. Health Inform. 19(3):832 -- a PPG beat is acceptable when its
correlation with the average template is >= 0.86; we use that threshold
(``config.BEAT_QUALITY_MIN``).

Rhythm: the shape of a clean pulse changes with breathing and heart rate (the
reflected wave moves against the next upstroke), so a run of clean pulses can
score 0.6-0.85 against a template learnt a few seconds earlier, and a
correlation threshold alone cut clean stretches out as poor signal (heartpy's
``data3``, biosignalsnotebooks' BVP). A beat scoring at least
``RHYTHM_QUALITY_MIN`` whose interval lies within ``RHYTHM_TOLERANCE`` of the
median of the recent ones (``on_the_rhythm``) is acceptable too: its quality
is raised to ``BEAT_QUALITY_MIN`` and it joins the template. A beat one plausible step from the previous interval
(within ``STEP_TOLERANCE`` of it) is acceptable from ``STEP_QUALITY_MIN``: when
the heart slows or speeds up over a few beats (heartpy's ``data3`` at 350-353 s:
593, 677, 735, 762 ms) the intervals leave the recent median while the pulses,
clean, score 0.81-0.86 against a template learnt at the faster rate; two such
beats in a row made a poor-signal span and cut four clean pulses out. Motion
gives low correlations and intervals off the rhythm, so it stays out (pyphysio's
BVP at 68-71 s: 0.44-0.71 with intervals 0.5-1.7x the one before). This is the fusion of a morphology index with a rhythm index that
Li & Clifford (2012) and Orphanidou et al. (2015) both use (their HR and
RR-ratio rules), applied per beat.

Streaming adaptation: the template is the mean of the last
``BEAT_TEMPLATE_BEATS`` accepted (z-scored) beats, so it follows slow changes
of shape. If it was learnt from a bad stretch (motion at the start),
``BEAT_TEMPLATE_REBUILD_BEATS`` rejected beats in a row that agree with each
other replace it; the last of them is scored against the rebuilt template, and
``rebuilt_from`` names the earlier ones, good pulses after all (the pipeline
takes them back: heartpy's data2 at 42.7-44.5 s, four clean pulses after a
disturbance were all poor against a template learnt from it). Pure NumPy; one call per beat.
"""

from __future__ import annotations

import functools
import math
from collections import deque

import numpy as np

from biofeedback.config import (
    BEAT_QUALITY_MIN,
    BEAT_TEMPLATE_BEATS,
    BEAT_TEMPLATE_POINTS,
    BEAT_TEMPLATE_REBUILD_BEATS,
    BEAT_WAVE_AFTER_S,
    BEAT_WAVE_BEFORE_S,
)
from biofeedback.core.shortcuts import fast_interp

_GRID = np.linspace(0.0, 1.0, BEAT_TEMPLATE_POINTS)
_ZEROS = np.zeros(BEAT_TEMPLATE_POINTS)  # a template sum's start (np.zeros_like(z), made once)
_ZEROS.flags.writeable = False
RHYTHM_QUALITY_MIN = 0.6  # a beat on the rhythm needs at least this template correlation ...
RHYTHM_TOLERANCE = 0.1  # ... and an interval within this share of the recent median
RHYTHM_MIN_INTERVALS = 3  # recent intervals needed before the rhythm can vouch for a beat
STEP_QUALITY_MIN = 0.7  # a beat one step from the previous interval needs this correlation ...
STEP_TOLERANCE = 0.2  # ... and an interval within this share of the previous one


def on_the_rhythm(rr_s: float, median_rr_s: float | None, n_intervals: int) -> bool:
    """Does an interval match the recent rhythm (within ``RHYTHM_TOLERANCE`` of its median)?"""
    if median_rr_s is None or median_rr_s <= 0 or n_intervals < RHYTHM_MIN_INTERVALS:
        return False
    return abs(rr_s / median_rr_s - 1.0) <= RHYTHM_TOLERANCE


def one_step_on(rr_s: float, previous_rr_s: float | None) -> bool:
    """Is an interval a step a heart takes from the previous one (within ``STEP_TOLERANCE``)?"""
    if previous_rr_s is None or previous_rr_s <= 0:
        return False
    return abs(rr_s / previous_rr_s - 1.0) <= STEP_TOLERANCE


@functools.lru_cache(maxsize=64)
def _linspace(stop: float, num: int) -> np.ndarray:
    """``np.linspace(0, stop, num)``, kept: a beat's waves have the same few sizes beat after
    beat (fixed durations at one sample rate), and building the grids cost as much as the
    interpolation itself."""
    grid = np.linspace(0.0, stop, num)
    grid.flags.writeable = False  # shared between calls
    return grid


@functools.lru_cache(maxsize=64)
def _arange(num: int) -> np.ndarray:
    """``np.arange(num)``, kept (see ``_linspace``)."""
    grid = np.arange(num)
    grid.flags.writeable = False
    return grid


def beat_wave(v: np.ndarray, prev: int, k: int, fs_hz: float) -> np.ndarray:
    """The wave of the beat peaking at index ``k`` after the one at ``prev`` (see above)."""
    n2 = max(2, round(BEAT_WAVE_BEFORE_S * fs_hz))
    n1 = max(2, min(round(BEAT_WAVE_AFTER_S * fs_hz), k - prev - n2))
    after = v[prev : prev + n1 + 1]
    before = v[k - n2 : k + 1]
    half = BEAT_TEMPLATE_POINTS // 2
    return np.concatenate((
        fast_interp(_linspace(after.size - 1, half), _arange(after.size), after),
        fast_interp(_linspace(before.size - 1, BEAT_TEMPLATE_POINTS - half), _arange(before.size), before),
    ))


def resample_beat(wave: np.ndarray) -> np.ndarray | None:
    """Peak-to-peak wave resampled to ``BEAT_TEMPLATE_POINTS``, detrended, z-scored; None if flat.

    The straight line between the two peaks is removed first: baseline wander
    from breathing tilts the whole wave, which is not a change of pulse shape.
    """
    if wave.size < 4:
        return None
    # a wave of BEAT_TEMPLATE_POINTS (``beat_wave``'s) is on the grid already: interp gives its values back
    x = wave if wave.size == _GRID.size else fast_interp(_GRID, _linspace(1.0, wave.size), wave)
    x = x - (x[0] + (x[-1] - x[0]) * _GRID)  # both ends are peaks: the line between is wander
    x = x - np.add.reduce(x) / x.size  # x.mean(), without its few microseconds of Python
    sd = math.sqrt(float(x.dot(x)) / x.size)
    if sd <= 0.0:
        return None
    return x / sd


class TemplateQuality:
    """Running beat template; ``score`` gives the correlation of a beat with it (-1..1)."""

    def __init__(self) -> None:
        self._recent: deque[np.ndarray] = deque(maxlen=BEAT_TEMPLATE_BEATS)
        self._rejected: deque[np.ndarray] = deque(maxlen=BEAT_TEMPLATE_REBUILD_BEATS)
        self._rejected_keys: deque[float] = deque(maxlen=BEAT_TEMPLATE_REBUILD_BEATS)
        # after a ``score`` that rebuilt the template: the keys of the earlier rejected beats it was
        # rebuilt from (they agree with this one: good pulses after all), else empty
        self.rebuilt_from: tuple[float, ...] = ()

    def reset(self) -> None:
        self._recent.clear()
        self._rejected.clear()
        self._rejected_keys.clear()
        self.rebuilt_from = ()

    def score(self, wave: np.ndarray, on_rhythm: bool = False, on_step: bool = False,
              key: float = math.nan) -> float | None:
        """Quality of one beat's wave, updating the template; None while it is being learnt.

        ``on_rhythm``: the beat's interval matches the recent ones (``on_the_rhythm``),
        so a correlation from ``RHYTHM_QUALITY_MIN`` up is acceptable; ``on_step``: it is
        one step from the previous interval (``one_step_on``), acceptable from
        ``STEP_QUALITY_MIN``. ``key`` names the beat (its time) in ``rebuilt_from``.
        """
        self.rebuilt_from = ()
        z = resample_beat(wave)
        if z is None:
            return 0.0
        if len(self._recent) < 2:  # learning: the first beats define the shape
            self._recent.append(z)
            return None
        r = self._correlation(z)
        floor = RHYTHM_QUALITY_MIN if on_rhythm else STEP_QUALITY_MIN if on_step else BEAT_QUALITY_MIN
        if floor <= r < BEAT_QUALITY_MIN:
            r = BEAT_QUALITY_MIN
        if r >= BEAT_QUALITY_MIN:
            self._recent.append(z)
            self._rejected.clear()
            self._rejected_keys.clear()
        else:
            self._rejected.append(z)
            self._rejected_keys.append(key)
            if len(self._rejected) == self._rejected.maxlen and self._consistent():
                self._recent.clear()
                self._recent.extend(self._rejected)
                self.rebuilt_from = tuple(self._rejected_keys)[:-1]
                self._rejected.clear()
                self._rejected_keys.clear()
                r = self._correlation(z)  # this beat is one of the agreeing pulses: scored as they are now
        return r

    def _correlation(self, z: np.ndarray) -> float:
        """Correlation of a resampled beat with the mean of the recent ones."""
        template = sum(self._recent, _ZEROS) / len(self._recent)  # (every z has _GRID's size)
        template -= np.add.reduce(template) / template.size  # (its mean)
        sd = math.sqrt(float(template.dot(template)) / z.size)
        return float(z.dot(template)) / (z.size * sd) if sd > 0 else 0.0

    def _consistent(self) -> bool:
        """The rejected beats look like each other: the template, not they, is wrong."""
        m = np.array(self._rejected)
        c = m @ m.T / m.shape[1]
        return bool(np.min(c) >= BEAT_QUALITY_MIN)
