"""Build the reference beat times of heartpy's real PPG recordings (tests/data/heartpy_*_beats.csv).

How the references were made (tests/data/README.md):
1. Candidates: NeuroKit2 ``ppg_clean`` + ``ppg_findpeaks`` (Elgendi, zero-phase,
   offline) on the record resampled to a regular grid -- not our detector.
2. Each candidate moved to the systolic maximum of the raw record within
   +-80 ms (the middle of a flat top where the sensor clipped: samples within
   one LSB or 0.5 % of the pulse of the maximum).
3. Reviewed by eye on plots of the raw wave with the candidates and our
   detector's beats marked (20-25 s per row): the edits below remove false
   candidates and add missed beats; spans where no beat can be placed by eye
   (finger off, motion) are listed as excluded and are not scored.

    .venv/bin/python tools/make_ppg_references.py   # rewrites tests/data/heartpy_*.csv
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from real_recordings import RECORDINGS, load_recording  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "tests" / "data"

# Reviewed by eye (times in s on the record's clock)
EXCLUDED_S: dict[str, list[tuple[float, float]]] = {
    "data": [],
    "data2": [(0.0, 42.0), (77.9, 80.7)],
    "data3": [(447.9, 450.0), (452.7, 453.9)],  # motion: two humps of equal height per beat
}
# bumps between beats that NeuroKit2 took for beats (their neighbours are one interval apart)
REMOVED_S: dict[str, list[float]] = {"data": [], "data2": [62.3, 64.1, 103.6], "data3": []}
ADDED_S: dict[str, list[float]] = {"data": [], "data2": [], "data3": []}


def candidates(t_s: np.ndarray, v: np.ndarray, fs_hz: float) -> np.ndarray:
    import neurokit2 as nk

    grid = np.arange(t_s[0], t_s[-1], 1.0 / fs_hz)
    vg = np.interp(grid, t_s, v)
    peaks = nk.ppg_findpeaks(nk.ppg_clean(vg, sampling_rate=fs_hz), sampling_rate=fs_hz)
    return grid[peaks["PPG_Peaks"]]


def refine(t_s: np.ndarray, v: np.ndarray, beats_s: np.ndarray, half_s: float = 0.08) -> np.ndarray:
    out = []
    for b in beats_s:
        m = np.flatnonzero(np.abs(t_s - b) <= half_s)
        top = v[m].max()
        near = np.flatnonzero(np.abs(t_s - b) <= 0.3)
        flat = top - max(1.0, 0.005 * (top - v[near].min()))  # clipped tops wobble by an LSB
        lo = hi = int(m[np.argmax(v[m])])
        while lo > 0 and v[lo - 1] >= flat:  # the whole flat top, also beyond the window
            lo -= 1
        while hi + 1 < v.size and v[hi + 1] >= flat:
            hi += 1
        out.append(0.5 * (t_s[lo] + t_s[hi]))
    return np.array(out)


def reference(name: str) -> tuple[np.ndarray, list[tuple[float, float]]]:
    t_s, v, fs_hz = load_recording(name)
    beats = refine(t_s, v, candidates(t_s, v, fs_hz))
    keep = np.ones(beats.size, bool)
    for r in REMOVED_S[name]:
        keep &= np.abs(beats - r) > 0.1
    for lo, hi in EXCLUDED_S[name]:
        keep &= (beats < lo) | (beats > hi)
    beats = np.sort(np.concatenate((beats[keep], refine(t_s, v, np.array(ADDED_S[name])))))
    beats = beats[np.concatenate(([True], np.diff(beats) > 0.1))]  # two candidates, one top
    return beats, EXCLUDED_S[name]


def main() -> None:
    for name in RECORDINGS:
        beats, excluded = reference(name)
        path = OUT / f"heartpy_{name}_beats.csv"
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# reference systolic peaks of heartpy 1.2.7 data/{name}.csv; made by "
                    "tools/make_ppg_references.py, reviewed by eye (tests/data/README.md)\n")
            for lo, hi in excluded:
                f.write(f"# excluded {lo:.2f} {hi:.2f}\n")
            f.write("t_s\n")
            f.writelines(f"{b:.3f}\n" for b in beats)
        print(f"{path.name}: {beats.size} beats, {len(excluded)} excluded spans")


if __name__ == "__main__":
    main()
