"""Benchmark: incremental LiveHrv against recomputing the window metrics on every beat.

Pushes one hour of synthetic beats (~4500) through ``LiveHrv`` and, separately,
recomputes ``time_domain`` over the trailing RMSSD window and ``coherence_ratio``
over the trailing 64 s at every beat (what a naive live display would do).
Prints both times, the per-beat cost and the ratio.

Run: ``.venv/bin/python benchmarks/hrv_live.py``
"""

from __future__ import annotations

import time

import numpy as np

from biofeedback import config
from biofeedback.core.hrv import time_domain as hrv


def one_hour_of_beats(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """RR (ms) with RSA at 0.25 Hz, an LF wave at 0.1 Hz and jitter; beat times in s."""
    rng = np.random.default_rng(seed)
    t, ts, rrs = 0.0, [], []
    while t < 3600.0:
        rr = 800.0 + 40.0 * np.sin(2 * np.pi * 0.25 * t) + 30.0 * np.sin(2 * np.pi * 0.1 * t)
        rr += rng.normal(0.0, 15.0)
        t += rr / 1000.0
        ts.append(t)
        rrs.append(rr)
    return np.array(ts), np.array(rrs)


def run_live(t: np.ndarray, rr: np.ndarray) -> float:
    live = hrv.LiveHrv()
    start = time.perf_counter()
    for ti, ri in zip(t.tolist(), rr.tolist(), strict=True):
        live.push(ti, ri)
        live.snapshot()
    return time.perf_counter() - start


def run_recompute(t: np.ndarray, rr: np.ndarray) -> float:
    window_s = config.LIVE_RMSSD_WINDOW_S
    start = time.perf_counter()
    for i in range(t.size):
        lo = np.searchsorted(t, t[i] - window_s, side="right")
        hrv.time_domain(rr[lo : i + 1])
        hrv.coherence_ratio(t[: i + 1], rr[: i + 1])
    return time.perf_counter() - start


def main() -> None:
    t, rr = one_hour_of_beats()
    live_s = min(run_live(t, rr) for _ in range(3))
    naive_s = run_recompute(t, rr)
    n = t.size
    print(f"beats: {n} (1 h)")
    print(f"LiveHrv push+snapshot : {live_s * 1e3:8.1f} ms total, {live_s / n * 1e6:7.1f} us/beat")
    print(f"recompute every beat  : {naive_s * 1e3:8.1f} ms total, {naive_s / n * 1e6:7.1f} us/beat")
    print(f"ratio (recompute / live): {naive_s / live_s:.1f}x")


if __name__ == "__main__":
    main()
