"""The streaming artifact corrector's exact output for a whole record, vectorised where it is certain.

``ArtifactCorrector`` (Lipponen & Tarvainen 2019, live adaptation) decides beat by
beat in Python (~27 us a beat). Offline, most beats are provably "normal": with
the corrector's thresholds Th1, Th2 >= LT_TH_MIN_MS, a beat whose interval is
inside the hard gate, whose |dRR| before and after are <= Th1 and whose
|mRR| <= 3 Th2 takes none of the L&T branches (extra, ectopic, missed,
long/short need a normalised value beyond 1 or 3). Such runs are finalised as
arrays and the corrector's trailing windows are set to what it would hold;
every other beat goes through the real corrector. The result equals feeding
every beat to the corrector (with flush + reset at each gap, as the pipeline
does): tests/cli/test_analyze.py compares both on whole records.

The vectorised decision repeats ``_classify``'s float operations with the
exact thresholds: from the input's own trailing windows (scipy.ndimage rank
filters give the order statistics of the 91-beat windows) where the windows
hold no corrected value, or from the corrector's own windows for the ~110 beats
after a correction.

``core/offline.py`` runs the live pipeline's detection (PPG detector, device
beats, gaps) unchanged and hands the beat times to ``correct_offline``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from biofeedback import config as cfg
from biofeedback.core.rr.artifacts import ArtifactCorrector, _Pending
from biofeedback.core.rr.intervals import plausible_rr
from biofeedback.core.types import Beat

QD_WINDOW = cfg.LT_QD_WINDOW_BEATS  # 91
MEDIAN_PAST = cfg.LT_MEDIAN_WINDOW_BEATS - 1 - cfg.LT_LOOKAHEAD_BEATS  # 8 final intervals
SETTLED_BEATS = QD_WINDOW + MEDIAN_PAST + 11  # after this many clean finals the windows are the input's
LOCAL_BEATS = 160  # beats certified at once from the corrector's own windows (> SETTLED_BEATS)
GLOBAL_CHUNK = 1 << 20  # beats per rank-filter pass (bounded temporaries)
TIER2_BATCH = 1 << 16  # beats whose windows are sorted at once in the exact tier
SMALL_RECORD_BEATS = 20_000  # below this, local certification alone is fast enough (no rank filters)
_POS1, _POS3 = 0.25 * (QD_WINDOW - 1), 0.75 * (QD_WINDOW - 1)  # numpy linear quantile positions
_QD_RANKS = [int(_POS1), int(_POS1) + 1, int(_POS3), int(_POS3) + 1]
_F1, _F3 = _POS1 - int(_POS1), _POS3 - int(_POS3)
_MEDIAN_MID = cfg.LT_MEDIAN_WINDOW_BEATS // 2
_IDX_MEDIAN = np.arange(LOCAL_BEATS)[:, None] + np.arange(cfg.LT_MEDIAN_WINDOW_BEATS)[None, :]
_IDX_QD = np.arange(LOCAL_BEATS)[:, None] + np.arange(QD_WINDOW)[None, :]
RHYTHM = cfg.RHYTHM_REF_BEATS  # final intervals whose median is the rhythm (rhythm rule)
_IDX_RHYTHM = np.arange(LOCAL_BEATS)[:, None] + np.arange(RHYTHM)[None, :]
_RHYTHM_LO, _RHYTHM_HI = cfg.RHYTHM_RATIO_RANGE
_MARGIN = 1e-9  # certify only with room: a borderline beat goes through the real corrector


@dataclass(frozen=True, eq=False)
class BeatSeries:
    """Beats as arrays: time (s), interval ending there (ms), corrected flag, and where the
    detector put each beat (``Beat.detected_t_s``: the raw time of a moved beat, NaN for an
    inserted one, else ``t_s``); ``n_refused``: intervals the corrector made gaps (the interval
    rule, a chain's first interval back to a fragment), so no beat stands for them."""

    t_s: np.ndarray
    rr_ms: np.ndarray
    corrected: np.ndarray
    detected_s: np.ndarray
    n_refused: int = 0

    def __len__(self) -> int:
        return int(self.t_s.size)


def intervals_in(beat_t_s: np.ndarray, chain_start: np.ndarray) -> np.ndarray:
    """The corrector's input interval per beat, (t - t_prev) * 1000 ms; NaN at chain starts."""
    rr = np.full(beat_t_s.size, np.nan)
    rr[1:] = (beat_t_s[1:] - beat_t_s[:-1]) * 1000.0
    rr[chain_start] = np.nan
    return rr


def correct_offline(beat_t_s: np.ndarray, chain_start: np.ndarray, correct: bool = True,
                    ectopic: np.ndarray | None = None) -> BeatSeries:
    """What ArtifactCorrector emits for these beats; ``chain_start`` marks beats after a gap,
    ``ectopic`` the beats the detector judged not normal by their shape (``push(t, ectopic)``)."""
    t = np.asarray(beat_t_s, dtype=float)
    cs = np.asarray(chain_start, dtype=bool).copy()
    if t.size:
        cs[0] = True
    rr_in = intervals_in(t, cs)
    if not correct:
        keep = ~cs & plausible_rr(rr_in)  # the interval rule: an implausible interval is a gap
        return BeatSeries(t[keep], rr_in[keep], np.zeros(int(keep.sum()), dtype=bool), t[keep],
                          int(np.count_nonzero(~cs & ~keep)))
    shaped = np.zeros(t.size, dtype=bool) if ectopic is None else np.asarray(ectopic, dtype=bool)
    return _Engine(t, cs, rr_in, shaped).run()


def _certain(rr0, prev, rr1, rr2, med, mrr0, th1, th2, rhythm_lo, rhythm_hi) -> np.ndarray:
    """True where ArtifactCorrector._classify returns "normal" (same float operations, vectorised).

    Mirrors the decision order of ``_classify`` for a beat with two look-ahead
    intervals, steady windows and no inherited correction. ``rhythm_lo`` and
    ``rhythm_hi`` bound the rhythm (median of the last RHYTHM_REF_BEATS finals):
    the beat must be within RHYTHM_RATIO_RANGE of every value between them.
    """
    in_rhythm = (rr0 >= _RHYTHM_LO * rhythm_hi * (1 + _MARGIN)) & (rr0 <= _RHYTHM_HI * rhythm_lo * (1 - _MARGIN))
    too_short = rr0 < cfg.RR_MIN_MS
    too_long = rr0 > cfg.RR_MAX_MS
    d0 = (rr0 - prev) / th1
    d1 = (rr1 - rr0) / th1
    d2 = (rr2 - rr1) / th1
    s12 = np.where(d1 > 0, np.maximum(d0, d2), np.where(d1 < 0, np.minimum(d0, d2), 0.0))
    s22 = np.where(d0 >= 0, np.minimum(d1, d2), np.maximum(d1, d2))
    m0 = mrr0 / th2
    is_short = ((d0 < -1) & (s22 > 1)) | too_short
    is_long = ((d0 > 1) & (s22 < -1)) | too_long
    far = np.abs(m0) > 3
    extra = is_short & (np.abs(rr0 + rr1 - med) < th2)
    n1 = np.maximum(np.round(rr1 / med), 1.0)
    move = 2.0 * np.abs(0.5 * (rr0 + rr1) - med) + np.abs(rr2 - med)
    keep = np.abs(rr0 - med) + np.minimum(np.minimum(
        np.abs(rr1 + rr2 - med), 2.0 * np.abs(0.5 * (rr1 + rr2) - med)),
        n1 * np.abs(rr1 / n1 - med) + np.abs(rr2 - med))
    margin = keep - move
    move_fits = margin > 0.0
    ectopic_region = ((d1 > 1) & (s12 < -cfg.LT_C1 * d1 - cfg.LT_C2)) | (
        (d1 < -1) & (s12 > -cfg.LT_C1 * d1 + cfg.LT_C2))
    ectopic = ectopic_region & (margin > -cfg.LT_MOVE_TIE_MS)
    n = np.round(rr0 / med)
    splits = (n >= 2) & (n <= cfg.LT_MAX_SPLIT_INTERVALS) & (np.abs(rr0 / np.maximum(n, 1.0) - med) < th2)
    missed = (is_long | (far & (rr0 > med))) & splits
    third = (is_long | is_short | far) & (missed | move_fits | too_long | too_short)
    return ~extra & ~ectopic & ~third & in_rhythm


def _mrr(rr: np.ndarray, med: np.ndarray) -> np.ndarray:
    x = rr - med
    return np.where(x < 0, 2.0 * x, x)


def _global_certain(rr_in: np.ndarray, cs: np.ndarray) -> np.ndarray:
    """Certified-normal beats assuming the corrector's windows hold the input's own values."""
    from scipy import ndimage  # rank filters: imported only for records that need them

    n = rr_in.size
    cert = np.zeros(n, dtype=bool)
    starts = np.flatnonzero(cs).tolist() + [n]
    half = QD_WINDOW // 2
    for c, e in zip(starts[:-1], starts[1:], strict=True):
        first = c + SETTLED_BEATS
        for a in range(first, e - 2, GLOBAL_CHUNK):
            b = min(a + GLOBAL_CHUNK, e - 2)  # beats a..b-1 (each needs two beats ahead)
            lo = a - QD_WINDOW - MEDIAN_PAST - 2
            r = rr_in[lo:b + 2]
            k = np.arange(a, b) - lo  # positions of the beats in r
            med = ndimage.median_filter(r, size=cfg.LT_MEDIAN_WINDOW_BEATS, mode="nearest")
            med_at = np.concatenate([np.full(3, np.nan), med[:-3]])  # median of r[j-8 .. j+2] sits at j-3
            drr = np.abs(np.diff(r, prepend=r[0]))
            mrr = np.abs(_mrr(r, med_at))
            mrr[:3] = 0.0  # before any window in use: a NaN would upset the rank filters' ordering
            rr0, prev, rr1, mrr0 = r[k], r[k - 1], r[k + 1], _mrr(r[k], med_at[k])
            # the rhythm of beat j is the median of r[j-20 .. j-1]: between its two middle order
            # statistics (a size-20 filter's output at j-10 covers exactly that window)
            rh_lo = ndimage.rank_filter(r, RHYTHM // 2 - 1, size=RHYTHM, mode="nearest")[k - RHYTHM // 2]
            rh_hi = ndimage.rank_filter(r, RHYTHM // 2, size=RHYTHM, mode="nearest")[k - RHYTHM // 2]
            # tier 1: Q3 >= 68th and Q1 <= 24th order statistic give Th lower bounds (two rank
            # filters a series); |dRR| <= Th and |mRR| <= 3 Th under them means "normal" for sure
            lower = {}
            for name, x in (("d", drr), ("m", mrr)):
                q1_up = ndimage.rank_filter(x, _QD_RANKS[1], size=QD_WINDOW, mode="nearest")[k - half - 1]
                q3_lo = ndimage.rank_filter(x, _QD_RANKS[2], size=QD_WINDOW, mode="nearest")[k - half - 1]
                # window of beat j is x[j-91 .. j-1], centred at j-46
                lower[name] = np.maximum(cfg.LT_ALPHA * (q3_lo - q1_up) / 2.0, cfg.LT_TH_MIN_MS) * (1 - 1e-9)
            gate = (rr0 >= cfg.RR_MIN_MS) & (rr0 <= cfg.RR_MAX_MS)
            sure = gate & (np.abs(rr0 - prev) <= lower["d"]) & (np.abs(rr1 - rr0) <= lower["d"]) & (
                np.abs(mrr0) <= 3.0 * lower["m"]) & (rr0 >= _RHYTHM_LO * rh_hi * (1 + _MARGIN)) & (
                rr0 <= _RHYTHM_HI * rh_lo * (1 - _MARGIN))
            cert[a:b] = sure
            # tier 2: the rest with the exact thresholds of their windows and the full decision
            rest = np.flatnonzero(~sure)
            for s0 in range(0, rest.size, TIER2_BATCH):
                j = rest[s0:s0 + TIER2_BATCH]
                kj = k[j]
                cols = kj[:, None] - QD_WINDOW + np.arange(QD_WINDOW)[None, :]
                th = []
                for x in (drr, mrr):
                    o = np.sort(x[cols], axis=1)[:, _QD_RANKS]
                    q1 = o[:, 0] + (o[:, 1] - o[:, 0]) * _F1
                    q3 = o[:, 2] + (o[:, 3] - o[:, 2]) * _F3
                    th.append(np.maximum(cfg.LT_ALPHA * (q3 - q1) / 2.0, cfg.LT_TH_MIN_MS))
                cert[a + j] = _certain(rr0[j], prev[j], rr1[j], r[kj + 2], med_at[kj], mrr0[j], th[0], th[1],
                                       rh_lo[j], rh_hi[j])
    return cert


class _Engine:
    """Runs the real corrector, jumping over certified runs and keeping its windows exact."""

    def __init__(self, t: np.ndarray, cs: np.ndarray, rr_in: np.ndarray, shaped: np.ndarray) -> None:
        self.t, self.cs, self.rr, self.shaped = t, cs, rr_in, shaped
        self.use_global = t.size > SMALL_RECORD_BEATS
        self.cert_global = _global_certain(rr_in, cs) & ~shaped if self.use_global else np.zeros(t.size, dtype=bool)
        self.uncertain = np.flatnonzero(~self.cert_global)
        self.starts = np.flatnonzero(cs)
        self.pieces: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []

    def _emit_beats(self, beats: list[Beat]) -> bool:
        if not beats:
            return False
        self.pieces.append((np.array([b.t_s for b in beats]), np.array([b.rr_ms for b in beats]),
                            np.array([b.corrected for b in beats], dtype=bool),
                            np.array([b.t_s if b.detected_t_s is None else b.detected_t_s for b in beats])))
        return any(b.corrected for b in beats)

    def run(self) -> BeatSeries:
        t, cs = self.t, self.cs
        corr = ArtifactCorrector(correct=True)
        last_dirty = -(10**18)
        i, n = 0, t.size
        while i < n:
            gaps_before = corr.n_gaps
            if cs[i] and i > 0:
                if self._emit_beats(corr.flush()):
                    last_dirty = i
                corr.reset()
            if self._emit_beats(corr.push(float(t[i]), bool(self.shaped[i]))) or corr.n_gaps != gaps_before:
                last_dirty = i  # a correction, or a gap inside the corrector (interval/rhythm rule)
            i += 1
            pend = corr._pending
            if len(pend) != cfg.LT_LOOKAHEAD_BEATS or pend[0].inherited is not None or pend[1].inherited is not None:
                continue
            p = i - 2
            if pend[0].t_s != t[p]:
                continue
            c = int(np.searchsorted(self.starts, p, side="right"))
            first = int(self.starts[c - 1])
            end = (int(self.starts[c]) if c < self.starts.size else n) - 2  # q + 1 stays in the chain
            if end <= p:
                continue
            if self.use_global and p - last_dirty > SETTLED_BEATS and p - first >= SETTLED_BEATS:
                j = int(np.searchsorted(self.uncertain, p))
                q = min(int(self.uncertain[j]) if j < self.uncertain.size else n, end)
                if q > p:
                    drr, mrr = self._input_windows(p, q, corr)
                    i = self._jump(corr, p, q, drr, mrr)
            elif (len(corr._rr_final) == MEDIAN_PAST and len(corr._drr_final) == QD_WINDOW
                  and len(corr._mrr_final) == QD_WINDOW and len(corr._rhythm) == RHYTHM):
                q, drr, mrr = self._local(corr, p, min(p + LOCAL_BEATS, end))
                if q > p:
                    i = self._jump(corr, p, q, drr, mrr)
        self._emit_beats(corr.flush())
        if not self.pieces:
            return BeatSeries(np.zeros(0), np.zeros(0), np.zeros(0, dtype=bool), np.zeros(0), corr.n_gaps)
        t_s, rr_ms, corrected, detected_s = (np.concatenate([pc[k] for pc in self.pieces]) for k in range(4))
        return BeatSeries(t_s, rr_ms, corrected, detected_s, corr.n_gaps)

    def _input_windows(self, p: int, q: int, corr: ArtifactCorrector) -> tuple[np.ndarray, np.ndarray]:
        """dRR and mRR of the finals max(p, q-91)..q-1 when the windows are the input's own."""
        a = max(p, q - QD_WINDOW)
        r = self.rr
        k = np.arange(a, q)
        win = np.lib.stride_tricks.sliding_window_view(r[a - MEDIAN_PAST:q + 2], cfg.LT_MEDIAN_WINDOW_BEATS)
        med = np.median(win, axis=1)
        return r[k] - r[k - 1], _mrr(r[k], med)

    def _local(self, corr: ArtifactCorrector, p: int, stop: int) -> tuple[int, np.ndarray, np.ndarray]:
        """Certify beats p..stop-1 from the corrector's own windows; (first uncertain, dRR, mRR)."""
        r = self.rr
        size = stop - p
        rr0 = r[p:stop]
        big = np.concatenate([np.fromiter(corr._rr_final, float, MEDIAN_PAST), r[p:stop + 2]])
        med = np.sort(big[_IDX_MEDIAN[:size]], axis=1)[:, _MEDIAN_MID]
        prev = big[MEDIAN_PAST - 1:MEDIAN_PAST - 1 + size]
        drr = rr0 - prev
        mrr = _mrr(rr0, med)
        d_all = np.concatenate([np.fromiter(corr._drr_final, float, QD_WINDOW), drr[:-1]])
        m_all = np.concatenate([np.fromiter(corr._mrr_final, float, QD_WINDOW), mrr[:-1]])
        windows = np.abs(np.concatenate([d_all[_IDX_QD[:size]], m_all[_IDX_QD[:size]]]))
        windows.sort(axis=1)
        o = windows[:, _QD_RANKS]
        th = np.maximum(cfg.LT_ALPHA * ((o[:, 2] + (o[:, 3] - o[:, 2]) * _F3) - (o[:, 0] + (o[:, 1] - o[:, 0]) * _F1))
                        / 2.0, cfg.LT_TH_MIN_MS)
        rhythm_win = np.concatenate([np.fromiter(corr._rhythm, float, RHYTHM), rr0])[_IDX_RHYTHM[:size]]
        rhythm_win.sort(axis=1)
        ok = _certain(rr0, prev, r[p + 1:stop + 1], r[p + 2:stop + 2], med, mrr, th[:size], th[size:],
                      rhythm_win[:, RHYTHM // 2 - 1], rhythm_win[:, RHYTHM // 2]) & ~self.shaped[p:stop]
        bad = np.flatnonzero(~ok)
        q = p + (int(bad[0]) if bad.size else size)
        return q, drr[: q - p], mrr[: q - p]

    def _jump(self, corr: ArtifactCorrector, p: int, q: int, drr: np.ndarray, mrr: np.ndarray) -> int:
        """Finalise beats p..q-1 as normal and leave the corrector as if it had; returns the next input."""
        t, r = self.t, self.rr
        self.pieces.append((t[p:q], r[p:q], np.zeros(q - p, dtype=bool), t[p:q]))
        corr._rr_final.extend(r[max(p, q - MEDIAN_PAST):q].tolist())
        corr._drr_final.extend(drr[-QD_WINDOW:].tolist())
        corr._mrr_final.extend(mrr[-QD_WINDOW:].tolist())
        corr._rhythm.extend(r[max(p, q - RHYTHM):q].tolist())
        corr._recent_in.extend(r[max(p, q - cfg.RHYTHM_MIN_BEATS):q].tolist())
        corr._off_run = 0
        corr._t_prev_s = float(t[q - 1])
        corr._pending = deque([_Pending(float(t[k]), float(r[k]), shaped_ectopic=bool(self.shaped[k])) for k in (q, q + 1)])
        corr._t_last_in_s = float(t[q + 1])
        return q + 2
