"""OpenSignals (r)evolution text files from BITalino and biosignalsplux devices.

The published layout: ``# OpenSignals Text File Format`` on the first line, one
``# {...}`` JSON line keyed by device MAC address (per device: ``"sampling rate"``,
``"column"`` names such as ``nSeq, I1, I2, O1, O2, A1 …``, ``"sensor"`` per
analog channel such as ``"PPG"``/``"ECG"``/``"RAW"``, ``"label"`` per channel),
``# EndOfHeader``, then one tab-separated row per sample with the devices'
columns side by side. The data rows are parsed by pandas' C reader.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from biofeedback.io.readers_table import _head_and_source

OPENSIGNALS_MAGIC = "# OpenSignals Text File Format"
END_OF_HEADER = "# EndOfHeader"
PPG_SENSORS = ("PPG", "BVP", "SPO2", "OXI", "PULSE")
ECG_SENSORS = ("ECG", "EKG")  # sensor names start so: "ECG", "ECGBIT" (BITalino), "EKG"
# sensors that measure no heart beat (names start so, as "EDA" and "EDABIT"), with what they do measure
NON_CARDIAC_SENSORS = {"PZT": "respiration", "RESP": "respiration", "RIP": "respiration",
                       "EDA": "skin conductance", "GSR": "skin conductance", "EMG": "muscle activity",
                       "ACC": "acceleration", "XYZ": "acceleration", "EEG": "brain activity",
                       "EOG": "eye movement", "EGG": "stomach activity", "TEMP": "temperature", "LUX": "light"}


class OpenSignalsError(ValueError):
    """The file claims OpenSignals but cannot be read; the message is for the user."""


@dataclass(frozen=True, eq=False)
class OpenSignalsChannel:
    """One analog channel chosen from the file, with the device's sample rate."""

    fs_hz: float
    value: np.ndarray
    sequence: np.ndarray | None  # nSeq column (wraps, e.g. 0..15 on BITalino) or None
    description: str  # e.g. "A1 (PPG) of biosignalsplux 00:07:80:3B:46:61"
    kind: str = ""  # "ppg" or "ecg" as the header's sensor name says, "" when it says neither


def is_opensignals(head: str) -> bool:
    return head.lstrip("\ufeff").startswith(OPENSIGNALS_MAGIC)


def _header(text_head: str, name: str) -> tuple[dict, int]:
    meta: dict | None = None
    for number, line in enumerate(text_head.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("# {"):
            try:
                meta = json.loads(stripped[2:])
            except json.JSONDecodeError:
                raise OpenSignalsError(f"{name}: the OpenSignals JSON header is damaged") from None
        if stripped.startswith(END_OF_HEADER):
            if meta is None:
                raise OpenSignalsError(f"{name}: OpenSignals header without its JSON line")
            return meta, number
    raise OpenSignalsError(f"{name}: no '{END_OF_HEADER}' line in the OpenSignals header")


def _rate(value: object) -> float:
    """The header's "sampling rate" as a positive finite number, else 0 (refused later in words)."""
    try:
        fs = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return fs if math.isfinite(fs) and fs > 0 else 0.0


def _candidates(meta: dict, name: str) -> list[tuple[int, str, str, str, float, int | None]]:
    """(column index, column name, sensor, device, fs_hz, nSeq column index) per analog channel."""
    out, offset = [], 0
    for mac, device in meta.items():
        columns = device.get("column", [])
        if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
            raise OpenSignalsError(f"{name}: the OpenSignals header's column list of {str(mac)[:40]!r} is damaged")
        sensors = device.get("sensor", [])
        sensors = sensors if isinstance(sensors, list) else []
        analog = [i for i, c in enumerate(columns) if c.upper().startswith(("A", "CH"))]
        fs = _rate(device.get("sampling rate", 0))
        label = f"{device.get('device', 'device')} {mac}".strip()
        seq = offset if columns and columns[0] == "nSeq" else None
        for k, i in enumerate(analog):
            sensor = str(sensors[k]) if k < len(sensors) else "RAW"
            out.append((offset + i, columns[i], sensor, label, fs, seq))
        offset += len(columns)
    return out


def sensor_kind(sensor: str) -> str:
    """"ppg", "ecg" or "" for an OpenSignals sensor name."""
    upper = sensor.upper()
    if upper in PPG_SENSORS:
        return "ppg"
    return "ecg" if upper.startswith(ECG_SENSORS) else ""


def non_cardiac(sensor: str) -> str:
    """What a sensor that measures no heart beat measures ("respiration" for "PZT"), else ""."""
    upper = sensor.upper()
    return next((what for prefix, what in NON_CARDIAC_SENSORS.items() if upper.startswith(prefix)), "")


def read_opensignals(data: bytes | Path, name: str, column: str | None = None,
                     kind: str = "auto") -> OpenSignalsChannel:
    """One channel of an OpenSignals text file: the ``column`` named (e.g. ``A2``), else the
    channel whose sensor is of ``kind`` ("ppg", "ecg"; "auto": PPG, else ECG), else the only one."""
    head, source, _ = _head_and_source(data)
    meta, header_lines = _header(head, name)
    if not isinstance(meta, dict) or not meta or not all(isinstance(v, dict) for v in meta.values()):
        raise OpenSignalsError(f"{name}: the OpenSignals header names no device")
    channels = _candidates(meta, name)
    if not channels:
        raise OpenSignalsError(f"{name}: the OpenSignals header lists no analog channel")
    if column is not None:
        chosen = [c for c in channels if column in (c[1], c[2])]
        if not chosen:
            names = ", ".join(f"{c[1]} ({c[2]})" for c in channels)
            raise OpenSignalsError(f"{name}: no channel {column!r}; the file has {names}")
    else:
        chosen = []
        for want in ("ppg", "ecg") if kind == "auto" else (kind,):
            chosen = chosen or [c for c in channels if sensor_kind(c[2]) == want]
        if not chosen and len(channels) == 1:
            chosen = channels
            sensor = channels[0][2]
            if non_cardiac(sensor):  # a respiration belt's breaths would be counted as heart beats
                raise OpenSignalsError(
                    f"{name}: its only channel, {channels[0][1]} (sensor {sensor}: {non_cardiac(sensor)}), is not a "
                    f"pulse wave or an ECG; if it does hold one, choose it with --column {channels[0][1]}")
    if len(chosen) != 1:
        names = ", ".join(f"{c[1]} ({c[2]})" for c in (chosen or channels))
        what = "the ECG" if kind == "ecg" else "the pulse wave"
        raise OpenSignalsError(
            f"{name}: several channels could hold {what} ({names}); choose one with --column"
        )
    index, col_name, sensor, device, fs_hz, seq_index = chosen[0]
    if fs_hz <= 0:
        raise OpenSignalsError(f"{name}: the OpenSignals header gives no sampling rate")
    import pandas as pd  # imported only for OpenSignals files

    try:
        frame = pd.read_csv(source, sep="\t", header=None, skiprows=header_lines,
                            comment="#", engine="c", index_col=False)
    except (pd.errors.ParserError, ValueError) as error:
        raise OpenSignalsError(f"{name}: OpenSignals data rows cannot be read ({error})") from None
    if frame.shape[1] <= index:
        raise OpenSignalsError(f"{name}: the data rows have {frame.shape[1]} columns, fewer than the header says")
    values = pd.to_numeric(frame.iloc[:, index], errors="coerce").to_numpy(dtype=float)
    seq = None
    if seq_index is not None:
        seq = pd.to_numeric(frame.iloc[:, seq_index], errors="coerce").to_numpy(dtype=float)
    return OpenSignalsChannel(fs_hz, values, seq, f"{col_name} ({sensor}) of {device}", sensor_kind(sensor))
