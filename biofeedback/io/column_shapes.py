"""What a column of numbers looks like: pure tests the file readers ask before naming its kind.

A file's column can hold beat-to-beat intervals, a sampled wave, heart rates, a sample counter
or numbers written with a thousands separator; read as the wrong one it gives a confident wrong
answer (a 100 Hz PPG of ADC counts read as intervals was 116 bpm). Thresholds and the figures
they were chosen from are in config.py (FILE_WAVE_*, FILE_SAMPLE_RATE_RANGE_HZ).
"""

from __future__ import annotations

import numpy as np

from biofeedback import config


def large_turn_share(values: np.ndarray) -> float | None:
    """Share of the values at which the series makes a large turn (None: a flat series, no judgement).

    A large turn: the series comes back from its extreme by a share of the spread left after a
    running median (so a trend in intervals does not hide their turns). Beat-to-beat intervals
    make one at 10-48 % of the beats in every real file measured, twice a breath at least (a
    smooth paced-breathing series); a sampled wave makes two a beat, a few % of its samples, and
    a noisy ECG's sensor noise turns often but only its QRS and T waves turn large. How often a
    series turns at all does not tell them apart: a smooth breathing rhythm turns as rarely as a wave.
    """
    from scipy.ndimage import median_filter

    x = values[np.isfinite(values)][:config.FILE_WAVE_JUDGED_VALUES]
    lo, hi = np.percentile(x - median_filter(x, size=config.FILE_WAVE_MEDIAN_VALUES, mode="nearest"), [5, 95])
    large = config.FILE_WAVE_LARGE_TURN_SHARE * (hi - lo)
    if not large > 0:
        return None  # (a pacemaker's constant intervals are no wave)
    count, high, low, rising = 0, x[0], x[0], None
    for v in x[1:]:  # a zigzag: a turn counts once the series has come back ``large`` from its extreme
        if rising is not False and v < high - large:
            count, low, rising = count + (rising is True), v, False
        elif rising is not True and v > low + large:
            count, high, rising = count + (rising is False), v, True
        else:
            high, low = (max(high, v), low) if rising else (high, min(low, v)) if rising is False else (
                max(high, v), min(low, v))
    return count / (x.size - 1)


def looks_like_heart_rates(values: np.ndarray) -> bool:
    """Nearly all values within the heart rates of config.RR_MIN_MS..RR_MAX_MS (30-220 bpm), turning
    often as a heart rate does (a sampled wave of 8-bit counts would turn rarely: large_turn_share)."""
    if values.size < config.FILE_WAVE_MIN_VALUES:
        return False
    in_range = (values >= 60000.0 / config.RR_MAX_MS) & (values <= 60000.0 / config.RR_MIN_MS)
    if np.mean(in_range) < 0.9:
        return False
    share = large_turn_share(values)
    return share is not None and share >= config.FILE_WAVE_LARGE_TURNS_MAX


def is_sample_number(x: np.ndarray) -> bool:
    """Whole numbers each exactly one more than the last: a sample counter, not a clock."""
    return bool(np.all(np.isfinite(x)) and np.all(np.diff(x) == 1.0) and x[0] == np.floor(x[0]))


def thousands_commas(rr: np.ndarray) -> bool:
    """Intervals read with a decimal comma that were written with a thousands separator: each value
    either a whole number of ms (100 or more) or, read from 1,004, a whole number of ms in seconds
    (1 to 10), and both kinds there. Decimal-comma ms (855,2 next to 893) are never under 10."""
    v = rr[np.isfinite(rr) & (rr > 0)]
    plain = (v == np.round(v)) & (v >= 100.0)
    split = (v != np.round(v)) & (v >= 1.0) & (v < 10.0) & (np.abs(v * 1000.0 - np.round(v * 1000.0)) < 1e-6)
    return bool(v.size and np.all(plain | split) and plain.any() and split.any())


def micro_or_nano(step: float) -> str:
    """The unit of a time column stepping by ``step`` (>= 200): "us" when that gives a sample rate in
    config.FILE_SAMPLE_RATE_RANGE_HZ or beat times, else "ns" when that gives such a rate.

    Nanosecond stamps (10 ms = 10 000 000) read as µs made a 100 Hz PPG a 0.1 Hz one.
    """
    lo_hz, hi_hz = config.FILE_SAMPLE_RATE_RANGE_HZ
    as_us, as_ns = step * 1e-6, step * 1e-9
    us_fits = 1.0 / hi_hz <= as_us <= 1.0 / lo_hz or config.RR_MIN_MS / 1000 <= as_us <= config.FILE_RR_GAP_MS / 1000
    if not us_fits and 1.0 / hi_hz <= as_ns <= 1.0 / lo_hz:
        return "ns"
    return "us"
