"""Frequency-domain HRV over chains of successive beats, at any record length.

Spectrum after Kubios (Tarvainen et al. 2014): 4 Hz cubic-spline tachogram,
detrend, Welch (Hann, 50 % overlap). Coherence (McCraty & Childre 2010), on
the same chains and tachogram, is in ``core.hrv.coherence``.

Gaps: a record is cut into chains of successive beats (``chain_starts``); no
tachogram, Welch segment or coherence window spans a gap. Welch's estimate is
the mean periodogram over all segments of all chains long enough for one.

Scale: a long chain is interpolated piecewise (splines over SPLINE_PIECE_BEATS
beats plus SPLINE_OVERLAP_BEATS on each side; the not-a-knot end effect decays
by 2 - sqrt(3) per knot, so the pieces agree with one global spline to rounding)
and Welch segments are averaged piece by piece, so memory stays bounded for
10 million beats.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy import linalg, signal
from scipy.interpolate import CubicSpline

from biofeedback import config

SPLINE_PIECE_BEATS = 1 << 16
SPLINE_OVERLAP_BEATS = 64
WELCH_PIECE_SAMPLES = 1 << 19  # tachogram samples held at once for a long chain

_EMPTY = np.zeros(0)


# ----------------------------------------------------------------------------
# Chains
# ----------------------------------------------------------------------------


def chain_starts(beat_t_s: np.ndarray, rr_ms: np.ndarray,
                 tol_ms: float = config.HRV_CHAIN_TOLERANCE_MS) -> np.ndarray:
    """True for each beat whose interval does not start at the previous beat (first beat, after a gap).

    The pipeline's beats carry the interval ending at each beat; after a gap the
    previous beat is not where that interval began, which is how a gap shows.
    """
    t = np.asarray(beat_t_s, dtype=float).ravel()
    rr = np.asarray(rr_ms, dtype=float).ravel()
    out = np.ones(t.size, dtype=bool)
    if t.size > 1:
        out[1:] = np.abs((t[1:] - t[:-1]) * 1000.0 - rr[1:]) > tol_ms
    return out


def chain_breaks(beat_t_s: np.ndarray, rr_ms: np.ndarray) -> int:
    """How many times the chain of successive beats breaks (a session's ``n_gaps``): beats after the first
    whose interval does not start at the previous beat."""
    return int(np.count_nonzero(chain_starts(beat_t_s, rr_ms)[1:])) if len(rr_ms) > 1 else 0


def chain_slices(beat_t_s: np.ndarray, rr_ms: np.ndarray) -> list[tuple[int, int]]:
    """(start, stop) index ranges of the chains of successive beats."""
    starts = np.flatnonzero(chain_starts(beat_t_s, rr_ms)).tolist()
    n = int(np.asarray(beat_t_s).size)
    return list(zip(starts, [*starts[1:], n], strict=False)) if n else []


# ----------------------------------------------------------------------------
# Tachogram
# ----------------------------------------------------------------------------


def resample_tachogram(
    beat_t_s: np.ndarray, rr_ms: np.ndarray, fs_hz: float = config.RESAMPLE_FS_HZ
) -> tuple[np.ndarray, np.ndarray]:
    """Cubic spline of RR at its beat times, sampled every 1/fs_hz from the first to the last beat.

    Beat times must be strictly increasing. Returns empty arrays for < 2 beats.
    """
    t = np.asarray(beat_t_s, dtype=float).ravel()
    rr = np.asarray(rr_ms, dtype=float).ravel()
    if t.size < 2:
        return _EMPTY.copy(), _EMPTY.copy()
    n = int(np.floor((t[-1] - t[0]) * fs_hz + 1e-9)) + 1
    grid_t_s = t[0] + np.arange(n) / fs_hz
    return grid_t_s, tachogram_at(t, rr, grid_t_s)


def tachogram_at(t: np.ndarray, rr: np.ndarray, grid_t_s: np.ndarray) -> np.ndarray:
    """The chain's cubic spline (not-a-knot) at sorted times inside [t[0], t[-1]].

    Only the beats around the grid enter (SPLINE_OVERLAP_BEATS on each side), in
    pieces of SPLINE_PIECE_BEATS: equal to the whole chain's spline to rounding.
    """
    if grid_t_s.size == 0:
        return _EMPTY.copy()
    ia = max(int(np.searchsorted(t, grid_t_s[0], side="right")) - 1, 0)
    ib = min(int(np.searchsorted(t, grid_t_s[-1], side="left")), t.size - 1)
    if ib - ia <= SPLINE_PIECE_BEATS:
        lo, hi = max(ia - SPLINE_OVERLAP_BEATS, 0), min(ib + SPLINE_OVERLAP_BEATS, t.size - 1)
        return CubicSpline(t[lo:hi + 1], rr[lo:hi + 1])(grid_t_s)
    out = np.empty(grid_t_s.size)
    cuts = np.searchsorted(grid_t_s, t[ia + SPLINE_PIECE_BEATS:ib:SPLINE_PIECE_BEATS], side="left")
    bounds = [0, *cuts.tolist(), grid_t_s.size]
    for g0, g1 in zip(bounds[:-1], bounds[1:], strict=True):
        if g1 > g0:
            out[g0:g1] = tachogram_at(t, rr, grid_t_s[g0:g1])
    return out


def smoothness_priors_detrend(x: np.ndarray, lam: float = config.SMOOTHNESS_PRIORS_LAMBDA) -> np.ndarray:
    """Remove the trend ``(I + lam^2 D2'D2)^-1 x`` (Tarvainen, Ranta-aho & Karjalainen 2002).

    Acts as a high-pass with its -3 dB point near fs / (2 pi sqrt(lam)), i.e.
    about 0.028 Hz for lam = 500 on a 4 Hz series: it attenuates VLF power.
    """
    x = np.asarray(x, dtype=float)
    n = x.size
    if n < 3:
        return x - x.mean() if n else x.copy()
    # Banded upper form of A = I + lam^2 D2'D2 (pentadiagonal, symmetric).
    d0 = np.full(n, 6.0)
    d0[[0, -1]] = 1.0
    d0[[1, -2]] = 5.0
    if n == 3:
        d0[1] = 4.0
    d1 = np.full(n - 1, -4.0)
    d1[[0, -1]] = -2.0
    d2 = np.ones(n - 2)
    lam2 = lam * lam
    ab = np.zeros((3, n))
    ab[2] = 1.0 + lam2 * d0
    ab[1, 1:] = lam2 * d1
    ab[0, 2:] = lam2 * d2
    return x - linalg.solveh_banded(ab, x)


# ----------------------------------------------------------------------------
# Spectrum
# ----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Spectrum:
    """Welch PSD of the resampled tachogram and Task Force band powers (absolute, ms^2)."""

    freqs_hz: np.ndarray
    psd_ms2_per_hz: np.ndarray
    vlf_power_ms2: float | None
    lf_power_ms2: float | None
    hf_power_ms2: float | None
    lf_hf_ratio: float | None
    lf_peak_hz: float | None
    hf_peak_hz: float | None


def _band_power(f: np.ndarray, p: np.ndarray, df: float, band: tuple[float, float]) -> float:
    m = (f >= band[0]) & (f < band[1])
    return float(p[m].sum() * df)


def _band_peak(f: np.ndarray, p: np.ndarray, band: tuple[float, float]) -> float:
    m = (f >= band[0]) & (f < band[1])
    return float(f[m][np.argmax(p[m])])


def _chain_grid_size(t: np.ndarray, fs_hz: float) -> int:
    return int(np.floor((t[-1] - t[0]) * fs_hz + 1e-9)) + 1


def _welch_sum(t: np.ndarray, rr: np.ndarray, fs_hz: float, nperseg: int, nfft: int,
               detrend: str) -> tuple[np.ndarray, np.ndarray, int]:
    """(freqs, sum of segment periodograms, number of segments) of one chain."""
    n = _chain_grid_size(t, fs_hz)
    step = nperseg - nperseg // 2
    n_seg = (n - nperseg) // step + 1
    kwargs = dict(fs=fs_hz, window="hann", nperseg=nperseg, noverlap=nperseg // 2, nfft=nfft,
                  detrend="constant", scaling="density")
    if n <= WELCH_PIECE_SAMPLES or detrend != "linear":
        grid = t[0] + np.arange(n) / fs_hz
        x = tachogram_at(t, rr, grid)
        x = smoothness_priors_detrend(x) if detrend == "smoothness_priors" else signal.detrend(x, type="linear")
        f, p = signal.welch(x, **kwargs)
        return f, p * n_seg, n_seg
    # Long chain, one pass: Welch's constant detrend per segment turns the record's
    # least-squares line a + b k into -b (m - mean m) in every segment (m = 0..nperseg-1),
    # so |FFT(w (x_s - line))|^2 = |R_s|^2 - 2 b Re(conj(V) R_s) + b^2 |V|^2 with R_s the
    # segment's own spectrum and V = FFT(w (m - mean m)): sums of |R_s|^2 and R_s suffice.
    win = signal.get_window("hann", nperseg)
    v = np.fft.rfft(win * (np.arange(nperseg) - (nperseg - 1) / 2.0), nfft)
    sum_p = np.zeros(v.size)
    sum_r = np.zeros(v.size, dtype=complex)
    sx = sk = 0.0
    per_piece = max((WELCH_PIECE_SAMPLES - nperseg) // step + 1, 1)
    covered = 0  # samples already added to the line's sums
    for s0 in range(0, n_seg, per_piece):
        s1 = min(s0 + per_piece, n_seg)
        a, b = s0 * step, (s1 - 1) * step + nperseg
        if s1 == n_seg:
            b_fit = n  # the last piece also carries the tail after the last segment
        else:
            b_fit = s1 * step
        x = tachogram_at(t, rr, t[0] + np.arange(a, max(b, b_fit)) / fs_hz)
        k = np.arange(covered, b_fit, dtype=float)
        part = x[covered - a:b_fit - a]
        sx += float(part.sum())
        sk += float(k @ part)
        covered = b_fit
        segs = np.lib.stride_tricks.sliding_window_view(x[: b - a], nperseg)[::step]
        segs = segs - segs.mean(axis=1, keepdims=True)
        spec = np.fft.rfft(segs * win, nfft, axis=1)
        sum_p += (spec.real ** 2 + spec.imag ** 2).sum(axis=0)
        sum_r += spec.sum(axis=0)
    k_mean = (n - 1) / 2.0
    slope = (sk - k_mean * sx) / (n * (n * n - 1) / 12.0)
    power = sum_p - 2.0 * slope * (np.conj(v) * sum_r).real + n_seg * slope * slope * np.abs(v) ** 2
    psd = power / (fs_hz * (win * win).sum())
    psd[1:-1 if nfft % 2 == 0 else None] *= 2.0
    return np.fft.rfftfreq(nfft, 1.0 / fs_hz), psd, n_seg


def _grid_pieces(n: int, size: int) -> Iterator[tuple[int, int]]:
    for a in range(0, n, size):
        yield a, min(a + size, n)


def spectrum(
    beat_t_s: np.ndarray,
    rr_ms: np.ndarray,
    fs_hz: float = config.RESAMPLE_FS_HZ,
    segment_s: float | None = None,
    detrend: str = "linear",
) -> Spectrum:
    """Kubios-style spectrum: 4 Hz cubic spline, detrend, Welch (Hann, 50 % overlap).

    ``segment_s`` defaults to min(256 s, longest chain), Kubios' default
    segment, shortened so short records still give one segment. The FFT is
    zero-padded to a grid of at most SPECTRUM_DF_HZ; power is unchanged.
    Absolute powers integrate the one-sided PSD (ms^2/Hz) over the Task Force
    bands (lower edge included, upper excluded). A band is reported only when
    the longest chain is at least SPECTRUM_MIN_RECORD_S long for it (Task Force
    1996: ~1 min for HF, ~2 min for LF, > 5 min for VLF); otherwise its power
    and peak are None. Each chain is detrended on its own ("linear" keeps VLF;
    "smoothness_priors" is lambda = 500, Tarvainen et al. 2002).
    """
    if detrend not in ("linear", "smoothness_priors"):
        raise ValueError(f"unknown detrend {detrend!r}")
    t = np.asarray(beat_t_s, dtype=float).ravel()
    rr = np.asarray(rr_ms, dtype=float).ravel()
    none = Spectrum(_EMPTY.copy(), _EMPTY.copy(), None, None, None, None, None, None)
    chains = [(a, b) for a, b in chain_slices(t, rr) if b - a >= 2]
    if not chains:
        return none
    sizes = [_chain_grid_size(t[a:b], fs_hz) for a, b in chains]
    longest = max(sizes)
    if longest < 4:
        return none
    duration_s = (longest - 1) / fs_hz
    seg_s = min(config.WELCH_SEGMENT_S, duration_s) if segment_s is None else segment_s
    nperseg = max(4, min(int(round(seg_s * fs_hz)), longest))
    nfft = max(nperseg, 1 << int(np.ceil(np.log2(fs_hz / config.SPECTRUM_DF_HZ))))
    total, count, f = None, 0, None
    for (a, b), size in zip(chains, sizes, strict=True):
        if size < nperseg:
            continue
        f, p_sum, n_seg = _welch_sum(t[a:b], rr[a:b], fs_hz, nperseg, nfft, detrend)
        total = p_sum if total is None else total + p_sum
        count += n_seg
    assert total is not None and f is not None
    p = total / count
    df = float(f[1] - f[0])
    bands = {"vlf": config.VLF_BAND_HZ, "lf": config.LF_BAND_HZ, "hf": config.HF_BAND_HZ}
    ok = {k: duration_s >= config.SPECTRUM_MIN_RECORD_S[k] for k in bands}
    power = {k: _band_power(f, p, df, b) if ok[k] else None for k, b in bands.items()}
    lf, hf = power["lf"], power["hf"]
    return Spectrum(
        freqs_hz=f,
        psd_ms2_per_hz=p,
        vlf_power_ms2=power["vlf"],
        lf_power_ms2=lf,
        hf_power_ms2=hf,
        lf_hf_ratio=lf / hf if lf is not None and hf else None,
        lf_peak_hz=_band_peak(f, p, config.LF_BAND_HZ) if ok["lf"] else None,
        hf_peak_hz=_band_peak(f, p, config.HF_BAND_HZ) if ok["hf"] else None,
    )
