"""Where a confirmed upstroke's systolic peak is, and how far the pulse rose to it.

The fiducial is the systolic peak (the simulator's truth convention), found
in the raw wave between the upstroke's onset and its confirmation: the
maximum of a centred moving average (``BEAT_SMOOTH_S``), or the middle of a flat
top (clipped sensors). A peak no taller than ``BEAT_MIN_PROMINENCE_SD`` times
the sample noise (MAD of first differences) is no peak.

Its time is the maximum of the upstroke's wave low-passed with zero phase at
the detector's band edge (``PPG_BANDPASS_HZ``, 8 Hz: Elgendi 2013's cleaning,
as NeuroKit2's ``ppg_clean``), forward and backward over the samples from the
upstroke to the confirmation, refined by a parabola through the maximum and
its two neighbours at the native sample rate. A pulse has next to nothing
above 8 Hz; a ripple or sensor noise there moved the raw maximum by a few
samples from beat to beat (a 256 Hz laboratory BVP with a ~12 Hz ripple: RR
timing error 8 ms against the references' 1-2 ms, RMSSD +14 %). Below
``_ZERO_PHASE_MIN_FS_HZ`` the band edge is close to Nyquist and the raw wave
itself is fitted (least-squares parabola over ``BEAT_FIT_HALF_S``). A pulse's rise
(prominence) is measured from its foot, the lowest value in
``BEAT_FOOT_SHARE`` of an interval before it.

All indices are positions in the detector's buffers; ``start`` is the
stream's first sample there, ``sign`` the wave's polarity (+1/-1).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from scipy import signal

from biofeedback.config import (
    BEAT_EARLY_SHARE,
    BEAT_FIT_HALF_S,
    BEAT_FLAT_TOP_SHARE,
    BEAT_FOOT_MIN_S,
    BEAT_FOOT_SHARE,
    BEAT_MIN_PROMINENCE_SD,
    BEAT_PROMINENCE_SHARE,
    BEAT_SMOOTH_S,
)
from biofeedback.core.beats.slope_sum import lowpass_ba
from biofeedback.core.shortcuts import fast_lfilter

_GROUP_DELAY_S = 0.06  # the raw upstroke leads the low-passed one by about this much
TROUGH_LOOKBACK_S = 0.3  # the trough before an upstroke is searched this far back
_NOISE_FULL_FS_HZ = 50.0  # the full noise factor applies from this rate up
_ZERO_PHASE_MIN_FS_HZ = 40.0  # from this rate up the peak time comes from the zero-phase low-passed wave
_PAD_S = 0.1  # odd extension at each end of the zero-phase filter's segment (no edge transient)
_ZERO = np.zeros(1)  # the running sum's start (read only)


class PeakSpan(NamedTuple):
    """A located peak: its top spans [k_lo, k_hi] (one sample unless flat), searched from ``a``."""

    k_lo: int
    k_hi: int
    a: int
    top: float  # the smoothed maximum (sign-corrected)


class PeakPlacer:
    """Systolic peak location, foot and peak time for one sample rate."""

    def __init__(self, fs_hz: float):
        fs = self.fs_hz = float(fs_hz)
        self.smooth = max(1, round(BEAT_SMOOTH_S * fs) // 2 * 2 + 1)  # odd moving-average width
        self.trough = max(1, round(TROUGH_LOOKBACK_S * fs))
        self._gd = round(_GROUP_DELAY_S * fs)
        self._fit_half = max(1, round(BEAT_FIT_HALF_S * fs))
        # samples a peak needs after it before ``locate`` and ``peak_time`` can place it
        self.settle = 2 * self._fit_half + self.smooth // 2 + 2
        # below ~50 Hz a pulse changes a lot from sample to sample, so first differences
        # overstate the noise: the factor shrinks with the rate (the template check remains)
        self._noise_factor = BEAT_MIN_PROMINENCE_SD * min(1.0, fs / _NOISE_FULL_FS_HZ)
        x = np.arange(-self._fit_half, self._fit_half + 1, dtype=float)
        self._fit_pinv = np.linalg.pinv(np.column_stack([np.ones_like(x), x, x * x]))
        self._zero_phase = fs >= _ZERO_PHASE_MIN_FS_HZ
        self._b, self._a = lowpass_ba(fs)
        self._zi = signal.lfilter_zi(self._b, self._a)
        self._pad = max(3, round(_PAD_S * fs))

    def locate(self, v: np.ndarray, start: int, onset: int, j: int, sign: float) -> PeakSpan | None:
        """The peak of the upstroke [onset, j] in the raw wave ``v``; None if within the noise."""
        w = self.smooth
        a = max(start, onset - self._gd - w // 2)
        if j + 1 - a < w + 2:
            return None
        base_lo = max(start, onset - self.trough)
        ctx = v[base_lo : j + 1] * sign
        seg = ctx[a - base_lo :] if a >= base_lo else v[a : j + 1] * sign  # (usually inside ctx)
        c = np.concatenate((_ZERO, seg)).cumsum()
        sm = (c[w:] - c[:-w]) / w  # sm[q] is centred on seg[q + w // 2]
        top, bottom = float(sm.max()), float(sm.min())
        noise_sd = 0.0
        if ctx.size > 2:  # MAD of first differences (np.partition: np.median's overhead is 30 us)
            dabs = ctx[1:] - ctx[:-1]
            np.abs(dabs, out=dabs)
            dabs.partition(dabs.size // 2)  # (in place: np.partition would copy this temporary first)
            noise_sd = float(dabs[dabs.size // 2]) / 0.954
        if top - bottom <= self._noise_factor * noise_sd or top == bottom:
            return None  # no taller than the sample noise (MAD of first differences)
        k_lo = k_hi = int(sm.argmax()) + w // 2 + a
        raw_top = float(v[k_lo] * sign)
        if raw_top >= float(seg.max()) - 1e-9 * max(1.0, abs(raw_top)):  # the raw maximum: a flat top?
            flat = raw_top - BEAT_FLAT_TOP_SHARE * (top - float(ctx.min()))
            while k_lo > a and v[k_lo - 1] * sign >= flat:  # a flat (clipped) top
                k_lo -= 1
            while k_hi < j and v[k_hi + 1] * sign >= flat:
                k_hi += 1
        return PeakSpan(k_lo, k_hi, a, top)

    def foot(self, v: np.ndarray, start: int, k: int, rr_exp: float | None, sign: float) -> float:
        """Lowest (sign-corrected) raw value in the upstroke window before sample ``k``."""
        back = round(max(BEAT_FOOT_MIN_S, BEAT_FOOT_SHARE * (rr_exp or 1.0)) * self.fs_hz)
        seg = v[max(start, 0, k - back) : k + 1]
        return float(seg.min()) if sign > 0 else -float(seg.max())

    def peak_time(self, v: np.ndarray, t: np.ndarray, span: PeakSpan, j: int, sign: float) -> float:
        """Time of the peak: middle of a flat top, else the vertex at the low-passed maximum.

        Reads only samples up to ``j`` (the confirmation), so the time does not
        depend on how the samples were chunked.
        """
        k_lo, k_hi, a = span.k_lo, span.k_hi, span.a
        if self._zero_phase:  # (a flat top too: its low-passed maximum is near its middle)
            found = self._smoothed_vertex(v, t, a, (k_lo + k_hi) // 2, (k_hi - k_lo + 1) // 2, j, sign)
            if found is not None:
                return found
        if k_hi - k_lo >= 3:
            return float(0.5 * (t[k_lo] + t[k_hi]))
        h = self._fit_half
        k = min(max(k_lo, a + h), j - h)
        if k - h < a or k + h > j:
            return float(t[k_lo])
        coef = self._fit_pinv @ (v[k - h : k + h + 1] * sign)
        off = -coef[1] / (2.0 * coef[2]) if coef[2] < 0 else 0.0
        off = min(max(off, -h), h)
        return _time_at(t, k, off)

    def _smoothed_vertex(self, v: np.ndarray, t: np.ndarray, a: int, k: int, half_top: int, j: int,
                         sign: float) -> float | None:
        """The parabola vertex at the maximum of [a, j] low-passed forward and backward, near ``k``.

        ``half_top``: half the width of a flat top centred on ``k`` (0 for a sharp peak).
        """
        seg = v[a : j + 1] * sign
        n = seg.size
        if n < 5:
            return None
        p = min(self._pad, n - 1)  # odd extension at both ends, as scipy's filtfilt pads
        ext = np.concatenate((2.0 * seg[0] - seg[p:0:-1], seg, 2.0 * seg[-1] - seg[-2 : -p - 2 : -1]))
        y = fast_lfilter(self._b, self._a, ext, self._zi * ext[0])[0][::-1]  # (backward: on a reversed view)
        y = fast_lfilter(self._b, self._a, y, self._zi * y[0])[0][::-1][p : p + n]
        reach = 2 * self._fit_half + self.smooth // 2 + half_top  # the low-passed maximum stays near the raw one
        lo, hi = max(1, k - a - reach), min(n - 2, k - a + reach)
        if hi < lo:
            return None
        i = lo + int(y[lo : hi + 1].argmax())
        y0, y1, y2 = y[i - 1 : i + 2].tolist()  # (Python floats: the same doubles, faster arithmetic)
        if y1 < y0 or y1 < y2:  # the window's edge, not a maximum
            return None
        den = y0 - 2.0 * y1 + y2
        off = 0.5 * (y0 - y2) / den if den < 0 else 0.0
        return _time_at(t, a + i, min(max(off, -1.0), 1.0))

    def typical_prominence(self, x: np.ndarray, period_s: float) -> float | None:
        """Median rise of the clear pulses of a (sign-corrected) learning window, or None."""
        fs = self.fs_hz
        rr_n = max(2, round(period_s * fs))
        w = self.smooth
        sm = np.convolve(x, np.ones(w) / w, "valid")
        pk, _ = signal.find_peaks(sm, distance=max(1, round(BEAT_EARLY_SHARE * rr_n)))
        back = round(max(BEAT_FOOT_MIN_S, BEAT_FOOT_SHARE * period_s) * fs)
        pk = pk[pk >= back]
        if pk.size == 0:
            return None
        prom = np.array([sm[k] - sm[k - back : k + 1].min() for k in pk.tolist()])
        return float(np.median(prom[prom >= BEAT_PROMINENCE_SHARE * prom.max()]))


def _time_at(t: np.ndarray, k: int, off: float) -> float:
    """Time ``off`` samples from sample ``k`` (|off| <= the fit's half-width), on the samples' clock."""
    i = int(math.floor(off))
    frac = off - i
    i += k
    if frac > 0:
        return float(t[i] + frac * (t[i + 1] - t[i]))
    return float(t[i])
