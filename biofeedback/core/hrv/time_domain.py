"""Heart-rate variability metrics over NN intervals, offline and live.

Time domain after the Task Force (1996) with NeuroKit2's conventions, frequency
domain after Kubios (Tarvainen et al. 2014: 4 Hz cubic-spline tachogram,
detrend, Welch), coherence after McCraty & Childre (2010). Every function takes
beat times in seconds and the RR interval (ms) *ending* at each beat, returns
None for metrics the input is too short for, and never raises on short input.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

from biofeedback import config
from biofeedback.core.hrv.coherence import (  # noqa: F401 - the HRV API lives here
    coherence_of_beats,
    coherence_ratio,
    coherence_series,
)
from biofeedback.core.hrv.spectral import (  # noqa: F401 - the HRV API lives here
    Spectrum,
    chain_breaks,
    chain_slices,
    chain_starts,
    resample_tachogram,
    smoothness_priors_detrend,
    spectrum,
)
from biofeedback.core.types import MetricsUpdate

# ----------------------------------------------------------------------------
# Time domain
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeDomain:
    """Task Force (1996) time-domain metrics of one NN series.

    ``mean_hr_bpm`` is 60000 / MeanNN (not the mean of per-beat rates).
    ``sdnn_ms`` uses ddof = 1 (Kubios, NeuroKit2). ``pnn50_pct`` follows
    NeuroKit2 0.2.13 (``hrv_time``): 100 * count(|diff(NN)| > 50 ms) divided by
    the number of NN *intervals* (= differences + 1), not by the differences.
    """

    n_nn: int
    mean_nn_ms: float | None
    mean_hr_bpm: float | None
    sdnn_ms: float | None
    rmssd_ms: float | None
    pnn50_pct: float | None


def time_domain(rr_ms: np.ndarray, beat_t_s: np.ndarray | None = None) -> TimeDomain:
    """Time-domain HRV of finite NN intervals (Task Force 1996).

    With ``beat_t_s``, successive differences are taken only within chains of
    successive beats (``chain_starts``): no difference spans a gap. MeanNN needs
    one interval; SDNN two; RMSSD and pNN50 one successive difference.
    """
    rr = np.asarray(rr_ms, dtype=float).ravel()
    n = int(rr.size)
    if n == 0:
        return TimeDomain(0, None, None, None, None, None)
    mean = float(rr.mean())
    hr = 60000.0 / mean if mean > 0 else None
    if n < 2:
        return TimeDomain(n, mean, hr, None, None, None)
    d = np.diff(rr)
    if beat_t_s is not None:
        d = d[~chain_starts(beat_t_s, rr)[1:]]
    rmssd = float(np.sqrt(np.mean(d * d))) if d.size else None
    pnn50 = float(100.0 * np.count_nonzero(np.abs(d) > config.PNN_THRESHOLD_MS) / n) if d.size else None
    return TimeDomain(
        n_nn=n,
        mean_nn_ms=mean,
        mean_hr_bpm=hr,
        sdnn_ms=float(rr.std(ddof=1)),
        rmssd_ms=rmssd,
        pnn50_pct=pnn50,
    )


# ----------------------------------------------------------------------------
# Live metrics
# ----------------------------------------------------------------------------


class LiveHrv:
    """Incremental live metrics: push one beat at a time.

    HR, RMSSD and SDNN cover the beats of the trailing ``rmssd_window_s``
    (beats with t > t_last - window), kept as running sums over a deque, so a
    push costs O(1) amortised; the sums are shifted by a reference RR and
    rebuilt every REBUILD_EVERY pushes so they cannot drift.

    Chains: a beat whose interval does not start at the previous beat (a gap:
    reconnect, finger off, bad-signal span; see ``chain_starts``), or the first
    beat after ``new_chain()``, starts a new chain. No successive difference
    spans it (RMSSD averages the differences inside chains) and the coherence
    window restarts with it. Coherence is recomputed with coherence_ratio's
    method at most every ``coherence_step_s`` of beat time, not per beat.
    """

    REBUILD_EVERY = 4096

    def __init__(
        self,
        rmssd_window_s: float = config.LIVE_RMSSD_WINDOW_S,
        coherence_window_s: float = config.COHERENCE_WINDOW_S,
        coherence_step_s: float = config.COHERENCE_STEP_S,
    ) -> None:
        self.rmssd_window_s = float(rmssd_window_s)
        self.coherence_window_s = float(coherence_window_s)
        self.coherence_step_s = float(coherence_step_s)
        self.reset()

    def reset(self) -> None:
        """Forget every beat (e.g. a new session)."""
        # window entries: [t_s, rr_ms, corrected, linked to the entry before it]
        self._win: deque[list] = deque()
        # the coherence window's beats: times and intervals apart, each read into an array at once
        self._coh_t: deque[float] = deque()
        self._coh_rr: deque[float] = deque()
        self._ref = 0.0
        self._s1 = self._s2 = self._sd2 = 0.0
        self._n_diff = 0
        self._n_corr = 0
        self._pushes = 0
        self._t_last: float | None = None
        self._break = False
        self._coherence: float | None = None
        self._coherence_t: float | None = None

    def new_chain(self) -> None:
        """A gap: the next beat's interval does not follow the last beat's."""
        self._break = True

    @property
    def coherence_t_s(self) -> float | None:
        """Beat time at which the current coherence value was computed."""
        return self._coherence_t

    def push(self, t_s: float, rr_ms: float, corrected: bool = False) -> None:
        """Add the beat at ``t_s`` whose interval ``rr_ms`` ends there (times must increase)."""
        t_s, rr_ms = float(t_s), float(rr_ms)
        win = self._win
        linked = (
            not self._break and self._t_last is not None
            and abs((t_s - self._t_last) * 1000.0 - rr_ms) <= config.HRV_CHAIN_TOLERANCE_MS
        )
        self._break = False
        if not win:
            self._ref = rr_ms
        x = rr_ms - self._ref
        if linked and win:
            d = rr_ms - win[-1][1]
            self._sd2 += d * d
            self._n_diff += 1
        win.append([t_s, rr_ms, corrected, linked and bool(win)])
        self._s1 += x
        self._s2 += x * x
        self._n_corr += corrected
        cut = t_s - self.rmssd_window_s
        while win[0][0] <= cut:
            _, old_rr, old_corr, _ = win.popleft()
            xo = old_rr - self._ref
            self._s1 -= xo
            self._s2 -= xo * xo
            self._n_corr -= old_corr
            if win[0][3]:
                d = win[0][1] - old_rr
                self._sd2 -= d * d
                self._n_diff -= 1
                win[0][3] = False
        self._pushes += 1
        if self._pushes % self.REBUILD_EVERY == 0:
            self._rebuild()
        self._t_last = t_s
        if not linked:
            self._coh_t.clear()
            self._coh_rr.clear()
            self._coherence = None
            self._coherence_t = None
        self._push_coherence(t_s, rr_ms)

    def _rebuild(self) -> None:
        rr = np.fromiter((b[1] for b in self._win), dtype=float, count=len(self._win))
        linked = np.fromiter((b[3] for b in self._win), dtype=bool, count=len(self._win))
        self._ref = float(rr[0])
        x = rr - self._ref
        self._s1, self._s2 = float(x.sum()), float(x @ x)
        d = np.diff(rr)[linked[1:]]
        self._sd2 = float(d @ d)
        self._n_diff = int(d.size)

    def _push_coherence(self, t_s: float, rr_ms: float) -> None:
        coh_t, coh_rr = self._coh_t, self._coh_rr
        coh_t.append(t_s)
        coh_rr.append(rr_ms)
        cut = t_s - self.coherence_window_s - config.COHERENCE_MARGIN_S
        while len(coh_t) > 1 and coh_t[1] < cut:
            coh_t.popleft()
            coh_rr.popleft()
        due = self._coherence_t is None or t_s - self._coherence_t >= self.coherence_step_s
        if due and t_s - coh_t[0] >= self.coherence_window_s:
            n = len(coh_t)  # (np.fromiter of each: a sixth of np.array's time on a deque of pairs)
            t, rr = np.fromiter(coh_t, float, n), np.fromiter(coh_rr, float, n)
            self._coherence = coherence_of_beats(t, rr, t_s, self.coherence_window_s)
            self._coherence_t = t_s

    def snapshot(self, artifact_share: float | None = None) -> MetricsUpdate:
        """Current metrics; each is None until enough beats are in its window.

        ``artifact_share``: the caller's own share (the pipeline counts rejected pulses
        too), else the share of corrected intervals in the window.
        """
        n = len(self._win)
        window_s = {"rmssd": self.rmssd_window_s, "coherence": self.coherence_window_s}
        t = self._t_last if self._t_last is not None else 0.0
        if n == 0:
            return MetricsUpdate(t_s=t, artifact_share=artifact_share, window_s=window_s)
        mean_x = self._s1 / n
        mean_rr = self._ref + mean_x
        sdnn = rmssd = None
        if n >= 2:
            var = max((self._s2 - n * mean_x * mean_x) / (n - 1), 0.0)
            sdnn = math.sqrt(var)  # (np.sqrt's value: both round the root correctly)
        if self._n_diff >= 1:
            rmssd = math.sqrt(max(self._sd2, 0.0) / self._n_diff)
        return MetricsUpdate(
            t_s=t,
            hr_bpm=60000.0 / mean_rr if mean_rr > 0 else None,
            rmssd_ms=rmssd,
            sdnn_ms=sdnn,
            coherence_ratio=self._coherence,
            artifact_share=self._n_corr / n if artifact_share is None else artifact_share,
            window_s=window_s,
        )
