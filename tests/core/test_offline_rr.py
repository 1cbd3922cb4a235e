"""The offline corrector equals the streaming ArtifactCorrector beat for beat."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback import config as cfg
from biofeedback.core.rr import offline as offline_rr
from biofeedback.core.rr.artifacts import ArtifactCorrector


def record(n: int, seed: int, gaps: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Beat times with RSA, jitter, ectopic, missed and extra beats, and gaps (chain starts)."""
    rng = np.random.default_rng(seed)
    rr = 850 + 40 * np.sin(2 * np.pi * 0.1 * 0.85 * np.arange(n)) + rng.normal(0, 15, n)
    t = np.cumsum(rr) / 1000
    draw = rng.random(n)
    early = np.flatnonzero(draw < 0.005)
    early = early[(early > 0) & (early < n - 1)]
    t[early] -= 0.3 * rr[early] / 1000  # ectopic: a premature beat
    keep = ~((draw >= 0.005) & (draw < 0.008))  # missed beats
    extra = np.flatnonzero((draw >= 0.008) & (draw < 0.010))
    t = np.sort(np.concatenate([t[keep], t[extra] - 0.2]))
    chain_start = np.zeros(t.size, dtype=bool)
    chain_start[0] = True
    for g in rng.choice(np.arange(500, t.size - 500), gaps, replace=False):
        t[g:] += 7.0
        chain_start[g] = True
    return t, chain_start


def streaming(t: np.ndarray, chain_start: np.ndarray, shaped: np.ndarray | None = None) -> list:
    """What the pipeline does: push every beat, flush and reset at each gap."""
    corrector = ArtifactCorrector(correct=True)
    out = []
    for i, x in enumerate(t):
        if chain_start[i] and i:
            out += corrector.flush()
            corrector.reset()
        out += corrector.push(float(x), bool(shaped[i]) if shaped is not None else False)
    return out + corrector.flush()


@pytest.mark.parametrize("n, seed", [(3000, 1), pytest.param(30_000, 2, marks=pytest.mark.slow(about_s=12))])  # local-only
# and rank-filter paths
def test_offline_corrector_equals_streaming(n, seed):
    t, cs = record(n, seed)
    ref = streaming(t, cs)
    got = offline_rr.correct_offline(t, cs)
    assert len(got) == len(ref)
    np.testing.assert_array_equal(got.t_s, [b.t_s for b in ref])
    np.testing.assert_array_equal(got.rr_ms, [b.rr_ms for b in ref])
    np.testing.assert_array_equal(got.corrected, [b.corrected for b in ref])
    assert got.corrected.sum() > n * 0.005  # the record exercises every kind of correction


@pytest.mark.parametrize("rank_filters", [False, True])
def test_beats_an_ecg_detector_judged_ectopic_by_shape_are_moved_alike_offline(rank_filters, monkeypatch):
    """On-time beats flagged ectopic by their QRS (``push(t, ectopic=True)``) are moved as ectopic
    beats, offline as live, also inside runs the offline corrector would otherwise certify (by its
    own windows, or by the rank filters it uses above SMALL_RECORD_BEATS: lowered here)."""
    n, seed = 3000, 4
    if rank_filters:
        monkeypatch.setattr(offline_rr, "SMALL_RECORD_BEATS", 1000)
    t, cs = record(n, seed)
    shaped = np.zeros(t.size, dtype=bool)
    shaped[np.random.default_rng(seed).choice(np.arange(5, t.size - 5), t.size // 300, replace=False)] = True  # (rare: long clean runs between, which the offline corrector jumps over)
    ref = streaming(t, cs, shaped)
    got = offline_rr.correct_offline(t, cs, ectopic=shaped)
    np.testing.assert_array_equal(got.t_s, [b.t_s for b in ref])
    np.testing.assert_array_equal(got.rr_ms, [b.rr_ms for b in ref])
    np.testing.assert_array_equal(got.corrected, [b.corrected for b in ref])
    np.testing.assert_array_equal(got.detected_s, [b.t_s if b.detected_t_s is None else b.detected_t_s for b in ref])
    moved = {b.detected_t_s for b in ref if b.kind == "ectopic"}
    flagged = t[shaped & ~cs]
    assert np.mean([x in moved for x in flagged]) > 0.95  # (not those next to a gap or another correction)
    assert offline_rr.correct_offline(t, cs).corrected.sum() < got.corrected.sum() - t.size // 300


def test_rank_filter_certification_equals_sorting_every_window():
    t, cs = record(40_000, 3)
    rr = offline_rr.intervals_in(t, cs)
    cert = offline_rr._global_certain(rr, cs)
    expected = np.zeros(rr.size, dtype=bool)
    bounds = [*np.flatnonzero(cs).tolist(), rr.size]
    view = np.lib.stride_tricks.sliding_window_view
    for c, e in zip(bounds[:-1], bounds[1:], strict=True):
        seg = rr[c + 1:e]  # intervals of the chain
        k = np.arange(c + offline_rr.SETTLED_BEATS, e - 2) - (c + 1)
        med = np.full(seg.size, np.nan)
        j = np.arange(8, seg.size - 2)
        med[j] = np.median(view(seg, 11)[j - 8], axis=1)
        drr = np.abs(np.diff(seg, prepend=seg[0]))
        mrr = np.abs(np.where(seg - med < 0, 2 * (seg - med), seg - med))
        th = []
        for x in (drr, mrr):
            q1, q3 = np.quantile(view(x, 91)[k - 91], [0.25, 0.75], axis=1)  # numpy's linear quantiles
            th.append(np.maximum(cfg.LT_ALPHA * (q3 - q1) / 2.0, cfg.LT_TH_MIN_MS))
        rhythm = np.sort(view(seg, cfg.RHYTHM_REF_BEATS)[k - cfg.RHYTHM_REF_BEATS], axis=1)  # 20 before
        half = cfg.RHYTHM_REF_BEATS // 2
        normal = offline_rr._certain(seg[k], seg[k - 1], seg[k + 1], seg[k + 2], med[k],
                                     np.where(seg[k] - med[k] < 0, 2 * (seg[k] - med[k]), seg[k] - med[k]),
                                     th[0], th[1], rhythm[:, half - 1], rhythm[:, half])
        expected[k + c + 1] = normal
    # np.quantile may differ from the corrector's formula in the last bit: compare away from ties
    assert np.mean(cert == expected) > 0.9999
    assert cert.sum() > 0.9 * rr.size


def glitched_record(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``record`` plus device glitch intervals (150 ms, 3 s) and runs of doubled intervals."""
    t, cs = record(n, seed)
    rng = np.random.default_rng(seed + 100)
    keep = np.ones(t.size, dtype=bool)
    for start in rng.choice(np.arange(300, t.size - 300, 400), max(n // 3000, 2), replace=False):
        keep[start:start + 20:2] = False  # 10 doubled intervals in a row (every other beat missed)
    keep[cs] = True
    t, cs = t[keep], cs[keep]
    glitches = rng.choice(np.arange(200, t.size - 200), max(n // 1000, 4), replace=False)
    extra_t = t[glitches[::2]] + 0.15  # an extra beat 150 ms after a real one
    shift = np.zeros(t.size)
    for g in np.sort(glitches[1::2]):
        shift[g:] += 3.0  # a 3 s timer glitch inserted before beat g
    t = t + shift
    cs_t = t[cs]
    t = np.sort(np.concatenate([t, extra_t + shift[glitches[::2]]]))
    return t, np.isin(t, cs_t)


@pytest.mark.parametrize("n, seed", [(3000, 4), pytest.param(30_000, 5, marks=pytest.mark.slow(about_s=10))])
def test_offline_corrector_equals_streaming_with_glitches_and_doubled_runs(n, seed):
    t, cs = glitched_record(n, seed)
    ref = streaming(t, cs)
    got = offline_rr.correct_offline(t, cs)
    assert len(got) == len(ref)
    np.testing.assert_array_equal(got.t_s, [b.t_s for b in ref])
    np.testing.assert_array_equal(got.rr_ms, [b.rr_ms for b in ref])
    np.testing.assert_array_equal(got.corrected, [b.corrected for b in ref])
    assert got.rr_ms.min() >= cfg.RR_MIN_MS and got.rr_ms.max() <= cfg.RR_MAX_MS
    plain = offline_rr.correct_offline(t, cs, correct=False)
    assert plain.rr_ms.min() >= cfg.RR_MIN_MS and plain.rr_ms.max() <= cfg.RR_MAX_MS
