"""A recording read from a file, and the events a live source would have given for it.

Its own module so the readers (``files``, ``xdf``) share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from biofeedback.core.types import DeviceBeat, DeviceInfo, Event, Gap, PpgBlock

PPG_BLOCK_SAMPLES = 4096  # replay splits long PPG files into blocks like a live stream would


class InputError(Exception):
    """A problem with an input file, phrased for the user."""


@dataclass(frozen=True, eq=False)
class Recording:
    """A file read into arrays, with what was learnt reading it.

    kind "rr": ``beat_t_s`` (first beat at 0 s) and ``chain_start`` (True where a
    gap precedes the beat, so its interval is unknown); from an ECG's R peaks (XDF),
    ``beat_ectopic`` (True where the QRS was ectopic, ``core/beats/qrs_shape``). kinds "ppg" and "ecg":
    ``t_s``, ``value``, ``fs_hz`` and the ``gaps`` found. kind "raw": ``raw_events``.
    """

    kind: str  # "rr" | "ppg" | "ecg" | "raw"
    note: str = ""  # e.g. "intervals read as seconds"
    device: str = ""
    beat_t_s: np.ndarray | None = None
    chain_start: np.ndarray | None = None
    beat_ectopic: np.ndarray | None = None
    t_s: np.ndarray | None = None
    value: np.ndarray | None = None
    fs_hz: float | None = None
    gaps: list[Gap] = field(default_factory=list)
    raw_events: list[Event] | None = None
    marked_corrected: int = 0  # intervals a beats CSV's own ``corrected`` column marks (kind "rr")

    @property
    def events(self) -> list[Event]:
        """The events a live source would have given (PPG in PPG_BLOCK_SAMPLES blocks)."""
        return self.events_in_blocks(PPG_BLOCK_SAMPLES)

    def events_in_blocks(self, block_samples: int) -> list[Event]:
        if self.kind == "raw":
            return list(self.raw_events or [])
        if self.kind == "rr":
            return _rr_events(self)
        if self.kind == "ecg":
            return _ecg_events(self, block_samples)
        return _ppg_events(self, block_samples)


def _rr_events(rec: Recording) -> list[Event]:
    assert rec.beat_t_s is not None and rec.chain_start is not None
    events: list[Event] = [DeviceInfo(protocol="ibi", device=rec.device)]
    t = rec.beat_t_s
    flags = (rec.beat_ectopic if rec.beat_ectopic is not None else np.zeros(t.size, dtype=bool)).tolist()
    starts = np.flatnonzero(rec.chain_start).tolist()
    bounds = [*starts, t.size]
    for k in range(len(starts)):
        if k:
            t_prev = float(t[starts[k] - 1])
            events.append(Gap(t_prev, float(t[starts[k]]) - t_prev, "lost_beat"))
        events.append(DeviceBeat(t_s=float(t[starts[k]]), ibi_ms=None, ectopic=flags[starts[k]]))
        seg = t[starts[k]:bounds[k + 1]]
        events += [DeviceBeat(t_s=x, ibi_ms=r, ectopic=e) for x, r, e in zip(
            seg[1:].tolist(), (np.diff(seg) * 1000.0).tolist(), flags[starts[k] + 1:bounds[k + 1]], strict=True)]
    return events


def _ppg_events(rec: Recording, block: int) -> list[Event]:
    assert rec.t_s is not None and rec.value is not None and rec.fs_hz is not None
    events: list[Event] = [DeviceInfo(protocol="file", fs_hz=rec.fs_hz, device=rec.device)]
    gap_at = {int(np.searchsorted(rec.t_s, g.t_s, side="right")): g for g in rec.gaps}
    cuts = sorted({0, rec.t_s.size, *gap_at})
    for a, b in zip(cuts[:-1], cuts[1:], strict=True):
        if a in gap_at:
            events.append(gap_at[a])
        for start in range(a, b, block):
            stop = min(start + block, b)
            events.append(PpgBlock(t_s=rec.t_s[start:stop], value=rec.value[start:stop], fs_hz=rec.fs_hz))
    return events


def _ecg_events(rec: Recording, block: int) -> list[Event]:
    """What a live ECG source gives for these samples: the R-peak detector's device beats.

    The samples go, ``block`` at a time, through ``core.beats.ecg.beat_events``, the
    function the LSL source uses live; at a gap in the file the detector
    releases its last beats and starts again, and the pipeline ends the
    interval chain there.
    """
    # imported here: SciPy (which the detector needs) is not loaded at the window's start
    from biofeedback.core.beats.ecg import EcgRPeakDetector, beat_events, flush_events

    assert rec.t_s is not None and rec.value is not None and rec.fs_hz is not None
    events: list[Event] = [DeviceInfo(protocol="ecg", device=rec.device)]
    detector = EcgRPeakDetector(rec.fs_hz)
    gap_at = {int(np.searchsorted(rec.t_s, g.t_s, side="right")): g for g in rec.gaps}
    cuts = sorted({0, rec.t_s.size, *gap_at})
    for a, b in zip(cuts[:-1], cuts[1:], strict=True):
        if a in gap_at:
            events += flush_events(detector)
            events.append(gap_at[a])
            detector.reset()
        for start in range(a, b, block):
            stop = min(start + block, b)
            events += beat_events(detector, rec.t_s[start:stop], rec.value[start:stop])
    events += flush_events(detector)
    return events
