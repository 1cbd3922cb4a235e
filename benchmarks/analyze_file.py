"""``biofeedback analyze`` on a one-hour 500 Hz PPG CSV as a whole process, against NeuroKit2.

Writes one hour of simulated 500 Hz PPG as ``time_ms,ppg`` (1.8 million rows),
then times, in the same run on the same file, two whole processes (wall time,
imports included for both):

* ours: ``python -m biofeedback analyze FILE --json``
* reference: ``pandas.read_csv`` + ``nk.ppg_process`` + ``nk.hrv_time`` +
  ``nk.hrv_frequency`` (NeuroKit2 0.2.13)

Each runs ``--repeat`` times, alternating, and the best wall time of each
counts (the machine is shared). Prints both times and the ratio reference /
ours (target ≥ 3, issue 10), the peak memory of our process and the mean NN of
both as a sanity check.

    python benchmarks/analyze_file.py [--minutes 60] [--keep FILE]
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

FS_HZ = 500.0

NEUROKIT_SCRIPT = """
import json, sys, warnings
warnings.simplefilter("ignore")
import numpy as np, pandas as pd, neurokit2 as nk
frame = pd.read_csv(sys.argv[1])
signals, info = nk.ppg_process(frame["ppg"].to_numpy(dtype=float), sampling_rate={fs})
peaks = info["PPG_Peaks"]
td = nk.hrv_time(peaks, sampling_rate={fs})
fd = nk.hrv_frequency(peaks, sampling_rate={fs})
print(json.dumps({{"mean_nn_ms": float(td["HRV_MeanNN"].iloc[0]), "rmssd_ms": float(td["HRV_RMSSD"].iloc[0]),
                  "lf_hf": float(fd["HRV_LFHF"].iloc[0])}}))
"""


def write_csv(path: Path, minutes: float) -> int:
    from biofeedback.core.simulation import simulate_ppg

    t_s, values, _ = simulate_ppg(minutes * 60.0, fs_hz=FS_HZ, breathing_bpm=6.0, seed=3)
    table = np.column_stack([np.round(t_s * 1000.0, 1), values])
    with open(path, "w", encoding="utf-8") as f:
        f.write("time_ms,ppg\n")
        np.savetxt(f, table, fmt=["%.1f", "%.0f"], delimiter=",")
    return t_s.size


def timed(cmd: list[str]) -> tuple[float, str, float, float]:
    """(wall s, stdout, peak RSS MB, CPU s = user + system) of one whole process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{cmd[:4]} failed: {err.read()[-2000:]}")
        return wall, out.read(), usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--keep", default=None, help="write the CSV here and keep it")
    parser.add_argument("--write-only", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best wall time counts")
    args = parser.parse_args()
    if args.write_only:
        write_csv(Path(args.write_only), args.minutes)
        return
    folder = tempfile.mkdtemp()
    path = Path(args.keep) if args.keep else Path(folder) / "ppg_1h_500hz.csv"
    # written by a child: this process stays small, since a child's peak RSS includes its parent's at fork
    subprocess.run([sys.executable, __file__, "--write-only", str(path), "--minutes", str(args.minutes)], check=True)
    n = int(args.minutes * 60 * FS_HZ)
    print(f"file: {n} rows, {path.stat().st_size / 1e6:.1f} MB ({args.minutes:g} min at {FS_HZ:g} Hz, time_ms,ppg)")
    ours_runs, nk_runs = [], []
    for _ in range(args.repeat):  # alternate, so both see the same load on a shared machine
        ours_runs.append(timed([sys.executable, "-m", "biofeedback", "analyze", str(path), "--json"]))
        nk_runs.append(timed([sys.executable, "-c", NEUROKIT_SCRIPT.format(fs=FS_HZ), str(path)]))
    ours_s = min(r[0] for r in ours_runs)
    nk_s = min(r[0] for r in nk_runs)
    ours_cpu = min(r[3] for r in ours_runs)
    nk_cpu = min(r[3] for r in nk_runs)
    ours, ref = json.loads(ours_runs[0][1]), json.loads(nk_runs[0][1])
    ours_mb = max(r[2] for r in ours_runs)
    load = os.getloadavg()[0]
    print(f"biofeedback analyze : {ours_s:6.2f} s wall, {ours_cpu:5.2f} s CPU (best of {args.repeat}, whole "
          f"process, peak RSS {ours_mb:.0f} MB), mean NN {ours['mean_nn_ms']:.1f} ms, RMSSD "
          f"{ours['rmssd_ms']:.1f} ms, {ours['n_beats']} beats")
    print(f"NeuroKit2 reference : {nk_s:6.2f} s wall, {nk_cpu:5.2f} s CPU (best of {args.repeat}, whole "
          f"process), mean NN {ref['mean_nn_ms']:.1f} ms, RMSSD {ref['rmssd_ms']:.1f} ms")
    print(f"ratio (NeuroKit2 / ours): {nk_s / ours_s:.2f} wall, {nk_cpu / ours_cpu:.2f} CPU  (target >= 3; "
          f"load average {load:.1f} on {os.cpu_count()} cores)")
    if not args.keep:
        os.remove(path)
        os.rmdir(folder)


if __name__ == "__main__":
    main()
