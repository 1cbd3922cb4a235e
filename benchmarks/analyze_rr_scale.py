"""``biofeedback analyze`` on 10 million RR intervals: wall time and peak memory of the whole process.

Writes an RR text file (one interval in ms per line: ~70 bpm with RSA, a 0.1 Hz
wave, jitter, ectopic pairs and missed beats at a typical or a high rate, a few
NaN gaps), runs
``python -m biofeedback analyze FILE --json`` as a subprocess and prints its
wall time and peak RSS (targets, issue 10: < 30 s and < 1 GB). The reference,
measured in the same run, is the streaming path (``Pipeline.feed`` beat by beat,
then ``summarize``) on the first REFERENCE_BEATS intervals, scaled per beat.

    python benchmarks/analyze_rr_scale.py [--intervals 10000000] [--artifacts typical|high] [--keep FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REFERENCE_BEATS = 100_000


ARTIFACTS = {  # share of ectopic pairs, share of missed beats
    "typical": (0.001, 0.0005),
    "high": (0.003, 0.001),
}


def rr_series(n: int, artifacts: str = "typical", seed: int = 0) -> np.ndarray:
    ectopic_share, missed_share = ARTIFACTS[artifacts]
    rng = np.random.default_rng(seed)
    t = np.cumsum(np.full(n, 0.85))
    rr = 850.0 + 40.0 * np.sin(2 * np.pi * 0.25 * t) + 30.0 * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 12.0, n)
    ectopic = rng.choice(np.arange(2, n - 2), int(n * ectopic_share), replace=False)
    rr[ectopic], rr[ectopic + 1] = 0.7 * rr[ectopic], rr[ectopic + 1] + 0.3 * rr[ectopic]
    missed = rng.choice(np.arange(2, n - 2), int(n * missed_share), replace=False)
    rr[missed] *= 2.0
    rr = np.round(rr, 1)
    rr[rng.choice(np.arange(2, n - 2), 5, replace=False)] = np.nan
    return rr


def write(path: Path, rr: np.ndarray) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(np.char.mod("%.1f", rr).tolist()).replace("nan", "NaN"))
        f.write("\n")


def reference_per_beat_s(rr: np.ndarray) -> float:
    from biofeedback.core.pipeline import Pipeline
    from biofeedback.core.summary.analysis import summarize
    from biofeedback.core.types import DeviceBeat, DeviceInfo

    rr = rr[np.isfinite(rr)]
    t = np.concatenate([[0.0], np.cumsum(rr) / 1000.0])
    events = [DeviceInfo("ibi"), *(DeviceBeat(float(x), None) for x in t)]
    start = time.perf_counter()
    pipeline = Pipeline()
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    summarize(out.beats)
    return (time.perf_counter() - start) / rr.size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--intervals", type=int, default=10_000_000)
    parser.add_argument("--keep", default=None)
    parser.add_argument("--write-only", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--artifacts", choices=sorted(ARTIFACTS), default="typical",
                        help="typical: 0.1 %% ectopic pairs + 0.05 %% missed; high: 0.3 %% + 0.1 %%")
    args = parser.parse_args()
    if args.write_only:
        write(Path(args.write_only), rr_series(args.intervals, args.artifacts))
        return
    folder = tempfile.mkdtemp()
    path = Path(args.keep) if args.keep else Path(folder) / "rr_scale.txt"
    # written by a child: this process stays small, since a child's peak RSS includes its parent's at fork
    subprocess.run([sys.executable, __file__, "--write-only", str(path), "--intervals", str(args.intervals),
                    "--artifacts", args.artifacts], check=True)
    print(f"file: {args.intervals} intervals, {path.stat().st_size / 1e6:.0f} MB")
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-m", "biofeedback", "analyze", str(path), "--json"],
                                stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        peak_mb = usage.ru_maxrss / 1024.0
        cpu_s = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(err.read()[-2000:])
        stdout = out.read()
    summary = json.loads(stdout)
    print(f"biofeedback analyze : {wall:6.1f} s wall, {cpu_s:.1f} s CPU, peak RSS {peak_mb:.0f} MB "
          f"({wall / args.intervals * 1e6:.2f} us/interval); {summary['n_beats']} beats, "
          f"{summary['n_corrected']} corrected, RMSSD {summary['rmssd_ms']:.1f} ms")
    n = args.intervals
    per_beat = reference_per_beat_s(rr_series(REFERENCE_BEATS, args.artifacts))
    print(f"streaming reference : {per_beat * 1e6:6.1f} us/interval on {REFERENCE_BEATS} intervals "
          f"-> {per_beat * n:.0f} s for the whole file")
    print(f"ratio (streaming / offline): {per_beat * n / wall:.1f}  (targets: < 30 s, < 1024 MB; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    if not args.keep:
        os.remove(path)
        os.rmdir(folder)


if __name__ == "__main__":
    main()
