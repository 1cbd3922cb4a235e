"""The beats CSV: ``time_s,rr_ms,corrected,detected_s``, one row per beat (``record --out``, ``analyze --beats``, exports).

One writer for every place that writes it, so the files are the same to the
last digit: times to 0.1 ms, intervals to 1 µs, ``corrected`` as 0/1.
``BeatsCsvWriter`` appends as beats arrive (a recording); ``write_beats_csv``
writes a whole series at once (vectorised).

``time_s`` and ``rr_ms`` are the corrected series HRV is computed from (an
ectopic beat moved to its neighbours' midpoint, a missed one inserted);
``detected_s`` is where the detector put the beat, for timing against another
instrument: equal to ``time_s`` for a beat nothing moved, the raw peak of a
moved beat, ``nan`` for a beat the corrector inserted, and ``nan`` for a
corrected beat whose detection was not kept (beats read back from a session
store).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import numpy as np

from biofeedback.core.types import Beat

BEATS_CSV_HEADER = "time_s,rr_ms,corrected,detected_s\n"
_FMT = ["%.4f", "%.3f", "%d", "%.4f"]


def _detected(b: Beat) -> float:
    if b.detected_t_s is not None:
        return b.detected_t_s
    return b.t_s if not b.corrected else float("nan")


def beat_rows(beats) -> np.ndarray:
    """(n, 4) of t_s, rr_ms, corrected, detected_s from a Sequence[Beat] or an object with those arrays."""
    if hasattr(beats, "rr_ms") and not isinstance(beats, Sequence):  # a series of arrays
        t_s = np.asarray(beats.t_s, float)
        detected = getattr(beats, "detected_s", None)
        if detected is None:
            detected = np.where(np.asarray(beats.corrected, bool), np.nan, t_s)
        return np.column_stack([t_s, np.asarray(beats.rr_ms, float), np.asarray(beats.corrected, float),
                                np.asarray(detected, float)])
    return np.array([(b.t_s, b.rr_ms, float(b.corrected), _detected(b)) for b in beats], float).reshape(-1, 4)


def write_beats_csv(beats, path: str | Path) -> None:
    """Write ``beats`` (Beat objects, or arrays ``t_s``/``rr_ms``/``corrected``[/``detected_s``]) to ``path``."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(BEATS_CSV_HEADER)
        np.savetxt(f, beat_rows(beats), fmt=_FMT, delimiter=",")


class BeatsCsvWriter:
    """Append beats to an open beats CSV as they arrive; ``flush`` makes them durable."""

    def __init__(self, path: str | Path) -> None:
        self._file: TextIO = open(path, "w", encoding="utf-8", newline="")
        self._file.write(BEATS_CSV_HEADER)

    def write(self, beats: Sequence[Beat]) -> None:
        if beats:
            np.savetxt(self._file, beat_rows(beats), fmt=_FMT, delimiter=",")

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()
