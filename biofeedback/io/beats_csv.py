"""The beats CSV: ``time_s,rr_ms,corrected``, one row per beat (``record --out``, ``analyze --beats``, exports).

One writer for every place that writes it, so the files are the same to the
last digit: times to 0.1 ms, intervals to 1 µs, ``corrected`` as 0/1.
``BeatsCsvWriter`` appends as beats arrive (a recording); ``write_beats_csv``
writes a whole series at once (vectorised).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import numpy as np

from biofeedback.core.types import Beat

BEATS_CSV_HEADER = "time_s,rr_ms,corrected\n"
_FMT = ["%.4f", "%.3f", "%d"]


def _columns(beats) -> np.ndarray:
    """(n, 3) of t_s, rr_ms, corrected from a Sequence[Beat] or an object with those arrays."""
    if hasattr(beats, "rr_ms") and not isinstance(beats, Sequence):  # a series of arrays
        return np.column_stack([np.asarray(beats.t_s, float), np.asarray(beats.rr_ms, float),
                                np.asarray(beats.corrected, float)])
    return np.array([(b.t_s, b.rr_ms, float(b.corrected)) for b in beats], float).reshape(-1, 3)


def write_beats_csv(beats, path: str | Path) -> None:
    """Write ``beats`` (Beat objects, or arrays ``t_s``/``rr_ms``/``corrected``) to ``path``."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(BEATS_CSV_HEADER)
        np.savetxt(f, _columns(beats), fmt=_FMT, delimiter=",")


class BeatsCsvWriter:
    """Append beats to an open beats CSV as they arrive; ``flush`` makes them durable."""

    def __init__(self, path: str | Path) -> None:
        self._file: TextIO = open(path, "w", encoding="utf-8", newline="")
        self._file.write(BEATS_CSV_HEADER)

    def write(self, beats: Sequence[Beat]) -> None:
        if beats:
            np.savetxt(self._file, _columns(beats), fmt=_FMT, delimiter=",")

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()
