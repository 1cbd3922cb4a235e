"""EDF/EDF+ and BDF recordings (sleep labs, Holters, OpenBCI, many research devices).

Read with pyedflib (a maintained binding of the EDFlib C library; a main
dependency). A file holds several signals, each with a label, a physical unit
and its own sample rate; the one analysed is the ``column`` named, else the
signal labelled as the kind asked for (``ECG``/``EKG`` labels for ECG,
``Pleth``/``PPG``/``BVP`` for PPG; a lead such as ``Lead I`` is an ECG, a signal derived
from one such as ``EDR (from ECG)`` or ``ECG HR`` is none), else the only signal. Physical values are
used (the file's digital-to-physical scaling applied). The EDF+ annotation
signal is never a candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

EDF_SUFFIXES = (".edf", ".bdf")
ECG_LABEL = re.compile(r"(^|[^a-z])(ecg|ekg)", re.I)
PPG_LABEL = re.compile(r"(^|[^a-z])(ppg|pleth|bvp|pulse ?wave)", re.I)
# a standard ECG lead with no "ECG" in its label: Lead I, II, MLII, V5, aVF (capitals: "v1" may be anything)
LEAD_LABEL = re.compile(r"^(lead[\s_\-]?(i{1,3}|[1-3]|v[1-6]|avr|avl|avf)|(?-i:MLI{1,3}|II|III|V[1-6]|aV[RLF]))"
                        r"($|[\s_\-(\[].*)", re.I)
# a signal computed from a wave, or another body signal: "EDR (from ECG)" or "ECG HR" is no ECG to find beats in
DERIVED_LABEL = re.compile(r"(^|[^a-z])(edr|derived|from|resp\w*|breath\w*|rate|hr|bpm)([^a-z]|$)", re.I)


class EdfError(ValueError):
    """The file claims EDF but cannot be read; the message is for the user."""


@dataclass(frozen=True, eq=False)
class EdfSignal:
    """One signal of an EDF file: its label, the kind its label says ("ecg", "ppg" or "") and samples."""

    label: str
    kind: str
    fs_hz: float
    value: np.ndarray
    unit: str
    labels: tuple[str, ...] = ()  # every signal of the file, for an error that suggests --column


def is_edf(head: bytes, path: Path) -> bool:
    """EDF's fixed header starts with the version "0       " (BDF: 0xFF "BIOSEMI")."""
    return head[:8] == b"0       " or head[:8] == b"\xffBIOSEMI" or (
        path.suffix.lower() in EDF_SUFFIXES and head[:1] in (b"0", b"\xff"))


def _kind_of(label: str) -> str:
    if DERIVED_LABEL.search(label):
        return ""
    if ECG_LABEL.search(label) or LEAD_LABEL.match(label):
        return "ecg"
    if PPG_LABEL.search(label):
        return "ppg"
    return ""


def read_edf(path: Path, name: str, column: str | None = None, kind: str = "auto") -> EdfSignal:
    """The signal to analyse (see the module notes); EdfError names the candidates when several fit."""
    try:
        import pyedflib
    except ImportError:  # a main dependency: only a broken install lacks it
        raise EdfError(f"reading {name} needs pyedflib (pip install pyedflib)") from None
    try:
        reader = pyedflib.EdfReader(str(path))
    except OSError as error:
        raise EdfError(f"{name} is not a readable EDF/BDF file ({error})") from None
    try:
        labels = [str(x).strip() for x in reader.getSignalLabels()]
        if not labels:
            raise EdfError(f"{name} holds no signal")
        listed = ", ".join(repr(x) for x in labels)
        if column is not None:
            chosen = [i for i, x in enumerate(labels) if x.lower() == column.lower()]
            if not chosen:
                raise EdfError(f"{name}: no signal labelled {column!r}; the file has {listed}")
        else:
            want = [k for k in (("ecg", "ppg") if kind == "auto" else (kind,)) if k in ("ecg", "ppg")]
            chosen = []
            for k in want:
                chosen = [i for i, x in enumerate(labels) if _kind_of(x) == k]
                if chosen:
                    break
            if not chosen and len(labels) == 1:
                chosen = [0]
        if len(chosen) != 1:
            some = ", ".join(repr(labels[i]) for i in chosen) if chosen else listed
            raise EdfError(f"{name}: several signals could be the one to analyse ({some}); choose one with --column")
        i = chosen[0]
        fs = float(reader.getSampleFrequency(i))
        if not fs > 0:
            raise EdfError(f"{name}: signal {labels[i]!r} has no sample rate")
        value = np.asarray(reader.readSignal(i), dtype=float)
        unit = str(reader.getPhysicalDimension(i)).strip()
    finally:
        reader.close()
    return EdfSignal(labels[i], _kind_of(labels[i]), fs, value, unit, tuple(labels))
