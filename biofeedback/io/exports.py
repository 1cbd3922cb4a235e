"""Exports of a stored session to files other tools (and ``biofeedback analyze``) read.

* beats CSV: ``time_s,rr_ms,corrected,detected_s`` (what ``record --out`` writes);
* RR text for Kubios HRV: one RR interval in milliseconds per line, no header
  (Kubios HRV User's Guide, "Supported data formats": ASCII RR data, one column,
  in s or ms, unit detected from the values);
* raw events: the raw event log of ``io/rawlog.py``, so ``analyze`` re-runs the
  pipeline on exactly what the sensor sent;
* markers CSV: ``time_s,label``;
* breathing CSV: ``time_s,rate_brpm,quality``, the breathing read from the pulse
  during the session (device clock, like the beats; an empty rate: none readable).

PDF/PNG reports need Qt and live in ``biofeedback/ui/report.py``.

Every file is written whole or not at all (``io/atomic_file.py``): to a
temporary file in the target folder, checked, fsync'd, then renamed; a full
disk leaves no partial file and raises an OSError that says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from biofeedback.core.hrv.spectral import chain_breaks
from biofeedback.core.types import Beat, Gap
from biofeedback.io.atomic_file import atomic_path, atomic_text
from biofeedback.io.beats_csv import write_beats_csv as _write_beats_csv
from biofeedback.io.rawlog import RawEventWriter
from biofeedback.io.store import BreathingSample, SessionStore, StoreError
from biofeedback.io.store.codec import DAMAGED_GAP_REASON

__all__ = ["EXPORT_FORMATS", "export_session", "gaps_joined", "write_beats_csv", "write_breathing_csv",
           "write_kubios_rr", "write_markers_csv"]

EXPORT_FORMATS = ("csv", "rr", "raw", "markers", "breathing", "pdf", "png")
NO_BREATHING = ("Session {session} holds no breathing record (the app records the breathing read from the pulse; "
                "`biofeedback record` does not), so nothing was written.")


def write_beats_csv(beats: Sequence[Beat], path: str | Path) -> None:
    """``time_s,rr_ms,corrected,detected_s`` per beat (``io/beats_csv.py``), written whole or not at all."""
    with atomic_path(path) as tmp:
        _write_beats_csv(beats, tmp)


def gaps_joined(beats: Sequence[Beat]) -> int:
    """Breaks in the beats' interval chain (a gap in the record, a dropped stretch): the RR text
    has no way to mark them, so each one is joined there (``core.hrv.spectral.chain_breaks``,
    the count a session's summary gives as ``n_gaps``)."""
    t_s = np.array([b.t_s for b in beats], dtype=float)
    rr_ms = np.array([b.rr_ms for b in beats], dtype=float)
    return chain_breaks(t_s, rr_ms)


def write_kubios_rr(beats: Sequence[Beat], path: str | Path) -> int:
    """One RR interval in ms per line: the plain ASCII RR format Kubios HRV imports.

    To 0.001 ms, as the beats CSV: at 0.1 ms the rounding alone moved a 150 s session's HF power
    by 9e-4 of itself. Returns ``gaps_joined(beats)``: the format has no gap marker, so the
    intervals on either side of a gap become neighbours (RMSSD then differs from the session's).
    """
    with atomic_text(path) as f:
        f.writelines(f"{b.rr_ms:.3f}\n" for b in beats)
    return gaps_joined(beats)


def write_markers_csv(markers: Sequence[tuple[float, str]], path: str | Path) -> None:
    """``time_s,label`` per marker, the label quoted."""
    with atomic_text(path) as f:
        f.write("time_s,label\n")
        for t_s, label in markers:
            text = label.replace('"', '""')
            f.write(f'{t_s:.3f},"{text}"\n')


def write_breathing_csv(samples: Sequence[BreathingSample], path: str | Path) -> None:
    """``time_s,rate_brpm,quality`` per breathing reading (an empty rate: none readable)."""
    with atomic_text(path) as f:
        f.write("time_s,rate_brpm,quality\n")
        for s in samples:
            rate = "" if s.rate_brpm is None else f"{s.rate_brpm:.3f}"
            f.write(f"{s.t_device_s:.3f},{rate},{s.quality:.3f}\n")


def export_session(store: SessionStore, session_id: int, fmt: str, path: str | Path,
                   warn: Callable[[str], None] | None = None,
                   joined: Callable[[int], None] | None = None) -> Path:
    """Write session ``session_id`` as ``fmt`` (csv, rr, raw, markers, breathing) to ``path``.

    The file appears whole or not at all; an OSError says why (``atomic_file.describe``).
    Raw blocks damaged in the store file are written as gaps and ``warn`` hears a sentence.
    ``joined`` hears how many gaps of the session an RR text joins (the file is whole, but
    intervals across a gap become neighbours), when there are any. A session without a
    breathing record raises a ``StoreError`` instead of writing a header alone.
    """
    path = Path(path)
    store.session(session_id)  # StoreError when it does not exist
    if fmt == "csv":
        write_beats_csv(store.beats(session_id), path)
    elif fmt == "rr":
        n_joined = write_kubios_rr(store.beats(session_id), path)
        if n_joined and joined is not None:
            joined(n_joined)
    elif fmt == "raw":
        events = store.events(session_id)
        with atomic_text(path) as f:
            RawEventWriter(f).write(events)
        damaged = [e for e in events if isinstance(e, Gap) and e.reason == DAMAGED_GAP_REASON]
        if damaged and warn is not None:
            seconds = sum(g.duration_s or 0.0 for g in damaged)
            warn(f"{len(damaged)} block{'s' if len(damaged) > 1 else ''} of raw data ({seconds:.1f} s, "
                 f"from {min(g.t_s for g in damaged):.1f} s) could not be read: the store file is "
                 f"damaged there; {path.name} marks {'them' if len(damaged) > 1 else 'it'} as gaps "
                 f"({DAMAGED_GAP_REASON}).")
    elif fmt == "markers":
        write_markers_csv(store.markers(session_id), path)
    elif fmt == "breathing":
        samples = store.breathing(session_id)
        if not samples:  # a header alone would read as "no breathing found", not "none recorded"
            raise StoreError(NO_BREATHING.format(session=session_id))
        write_breathing_csv(samples, path)
    else:
        raise ValueError(f"unknown export format {fmt!r}; io exports csv, rr, raw, markers and breathing")
    return path
