"""Score detected beats against true beat times (shared by several test modules)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np


def match_f1(detected_s: np.ndarray, truth_s: np.ndarray, tol_s: float = 0.05) -> float:
    """F1 of one-to-one matches within ``tol_s`` (greedy in time order)."""
    detected_s, truth_s = np.sort(detected_s), np.sort(truth_s)
    used = np.zeros(truth_s.size, dtype=bool)
    hits = 0
    for t in detected_s:
        i = np.searchsorted(truth_s, t)
        for j in (i - 1, i):
            if 0 <= j < truth_s.size and not used[j] and abs(truth_s[j] - t) <= tol_s:
                used[j] = True
                hits += 1
                break
    if hits == 0:
        return 0.0
    precision, recall = hits / detected_s.size, hits / truth_s.size
    return 2 * precision * recall / (precision + recall)


def clock_offset_s(detected_s: np.ndarray, truth_s: np.ndarray) -> float:
    """Constant offset truth - detected for streams whose clock starts at first arrival.

    Tries every pairing of the first detected beat with a true beat and keeps the
    offset that makes the most detections land within 50 ms of a true beat.
    """
    detected_s, truth_s = np.sort(detected_s), np.sort(truth_s)
    best, best_hits = 0.0, -1
    head = detected_s[: min(20, detected_s.size)]
    for candidate in truth_s - detected_s[0]:
        shifted = head + candidate
        idx = np.clip(np.searchsorted(truth_s, shifted), 1, truth_s.size - 1)
        nearest = np.minimum(abs(truth_s[idx] - shifted), abs(truth_s[idx - 1] - shifted))
        hits = int(np.sum(nearest < 0.05))
        if hits > best_hits:
            best, best_hits = candidate, hits
    idx = np.clip(np.searchsorted(truth_s, detected_s + best), 1, truth_s.size - 1)
    residual = np.where(abs(truth_s[idx] - detected_s - best) < abs(truth_s[idx - 1] - detected_s - best),
                        truth_s[idx] - detected_s - best, truth_s[idx - 1] - detected_s - best)
    return best + float(np.median(residual[abs(residual) < 0.05])) if np.any(abs(residual) < 0.05) else best


def read_truth(path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """(time_s, kind) columns of a simulator truth file."""
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return np.array([float(r["time_s"]) for r in rows]), np.array([r["kind"] for r in rows])


def read_beats(path: str | Path) -> np.ndarray:
    """time_s, rr_ms, corrected columns of a beats CSV (shape n x 3)."""
    table = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    return table
