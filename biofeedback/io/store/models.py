"""The store's typed records: what a reader gets back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from biofeedback.io.store.schema import CHECKIN_PHASES


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class CheckIn:
    """How the person feels, 0-10 each (None = skipped), before or after a session."""

    phase: str  # "before" | "after"
    stress: int | None = None
    pain: int | None = None
    mood: int | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.phase not in CHECKIN_PHASES:
            raise ValueError(f"check-in phase must be before or after, not {self.phase!r}")
        for name in ("stress", "pain", "mood"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= 10:
                raise ValueError(f"{name} must be 0..10, not {value}")


@dataclass(frozen=True)
class PacerChange:
    """The pacer from ``t_device_s`` on (device clock, like the beats): rate, inhale share, holds, phase."""

    t_device_s: float
    rate_brpm: float
    inhale_ratio: float  # inhale share of the breath cycle, 0..1
    hold_in_s: float = 0.0
    hold_out_s: float = 0.0
    phase_cycles: float | None = None  # the pacer's phase right after the change; None: not recorded


@dataclass(frozen=True)
class BreathingSample:
    """The breathing read from the pulse at ``t_device_s`` (device clock): rate (None: none readable), quality 0..1."""

    t_device_s: float
    rate_brpm: float | None
    quality: float


@dataclass(frozen=True)
class SessionInfo:
    """One row of the history."""

    id: int
    started_at: str
    ended_at: str | None
    status: str
    source: str = ""
    protocol: str = ""
    name: str = ""
    notes: str = ""
    pacer_bpm: float | None = None
    summary: dict = field(default_factory=dict)
    checkins: dict[str, CheckIn] = field(default_factory=dict)
    damaged: tuple[str, ...] = ()  # fields the file no longer holds intact ("summary", "start time")

    @property
    def duration_s(self) -> float | None:
        if self.ended_at is None:
            return None
        start = datetime.fromisoformat(self.started_at)
        return (datetime.fromisoformat(self.ended_at) - start).total_seconds()

    @property
    def artifact_share(self) -> float | None:
        n = self.summary.get("n_beats") or 0
        return (self.summary.get("n_corrected") or 0) / n if n else None

    def checkin_delta(self, what: str) -> int | None:
        """after - before of ``stress``/``pain``/``mood``; None unless both were answered."""
        before, after = self.checkins.get("before"), self.checkins.get("after")
        if before is None or after is None:
            return None
        a, b = getattr(after, what), getattr(before, what)
        return None if a is None or b is None else a - b


@dataclass(frozen=True)
class WriterStatus:
    """Whether a session writer is saving; ``message`` is what a status line shows."""

    saving: bool
    message: str  # "saving" or "not saving: disk full" ...
    unsaved_s: float = 0.0  # device seconds of data waiting for a commit


SESSION_COLUMNS = "id, started_at, ended_at, status, source, protocol, name, notes, pacer_bpm, summary_json"


def session_info(row: tuple, checkins: dict[str, CheckIn]) -> SessionInfo:
    """A history row; a summary damaged on disk is left out (and said) rather than hiding the session."""
    sid, started, ended, status, source, protocol, name, notes, pacer, summary = row
    damaged: list[str] = []
    try:
        parsed = json.loads(summary) if summary else {}
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        parsed = {}
        damaged.append("summary")
    if not _is_iso_time(started):
        started = ended if _is_iso_time(ended) else _EPOCH_ISO
        damaged.append("start time")
    if ended is not None and not _is_iso_time(ended):
        ended = None
        damaged.append("end time")
    return SessionInfo(sid, started, ended, status, source, protocol, name, notes, pacer,
                       parsed, checkins, damaged=tuple(damaged))


_EPOCH_ISO = "1970-01-01T00:00:00+00:00"


def _is_iso_time(text: object) -> bool:
    try:
        datetime.fromisoformat(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return True
