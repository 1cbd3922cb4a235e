"""heartpy's real finger PPG recordings, loaded from the installed package (GPL-3: not copied), and
biosignalsnotebooks' laboratory BVP (MIT, copied to tests/data/validation with its reference beats).

See tests/data/README.md for where they come from and how the reference beats were made.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "data"
RECORDINGS = ("data", "data2", "data3")


def heartpy_data_dir() -> Path:
    """heartpy's ``data`` folder, found without importing heartpy (it imports matplotlib: ~0.5 s in
    every test worker that collects a module naming these files)."""
    spec = importlib.util.find_spec("heartpy")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("heartpy is not installed (pip install -e '.[dev]')", name="heartpy")
    return Path(spec.origin).resolve().parent / "data"


def heartpy_file(name: str) -> Path:
    return heartpy_data_dir() / f"{name}.csv"


def load_recording(name: str) -> tuple[np.ndarray, np.ndarray, float]:
    """(t_s, raw values, nominal fs_hz) of heartpy's ``data/<name>.csv``, on the record's own clock."""
    path = heartpy_file(name)
    if name == "data":  # one bare column, 100 Hz (heartpy's docs)
        v = np.loadtxt(path)
        return np.arange(v.size) / 100.0, v, 100.0
    if name == "data2":  # timer in ms, hr = the PPG value
        raw = np.loadtxt(path, delimiter=",", skiprows=1)
        t_s, v = raw[:, 0] / 1000.0, raw[:, 1]
    else:  # data3: ISO date-time with repeated stamps (host-side batching), hr = the PPG value
        stamps, values = np.loadtxt(path, delimiter=",", skiprows=1, dtype=str, unpack=True)
        t = np.array(stamps, dtype="datetime64[us]")
        t_s, v = (t - t[0]) / np.timedelta64(1, "s"), values.astype(float)
    fs_hz = float((t_s.size - 1) / (t_s[-1] - t_s[0]))
    return t_s.astype(float), v, fs_hz


def load_reference(name: str) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Reference beat times and the excluded (unscorable) spans of a recording."""
    path = DATA_DIR / f"heartpy_{name}_beats.csv"
    spans, beats = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# excluded "):
            lo, hi = line.split()[2:4]
            spans.append((float(lo), float(hi)))
        elif line and not line.startswith("#") and line != "t_s":
            beats.append(float(line))
    return np.array(beats), spans


def biosignalsnotebooks_bvp() -> tuple[np.ndarray, np.ndarray, float]:
    """(t_s, values, fs_hz) of the laboratory BVP (256 Hz, a small high-frequency ripple)."""
    table = np.loadtxt(DATA_DIR / "validation" / "biosignalsnotebooks_bvp.csv", delimiter=",", skiprows=1)
    return table[:, 0], table[:, 1], 256.0


def biosignalsnotebooks_bvp_reference() -> np.ndarray:
    """The BVP's reference beat times (made by NeuroKit2's detectors, benchmarks/validation.py; not ours)."""
    lines = (DATA_DIR / "validation" / "biosignalsnotebooks_bvp_beats.csv").read_text().splitlines()
    return np.array([float(x) for x in lines if x and not x.startswith("#") and x != "t_s"])
