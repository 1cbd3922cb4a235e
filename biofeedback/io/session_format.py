"""Text for one history row, shared by ``biofeedback sessions`` and the history view.

Dates are shown in local time; durations as h:mm:ss; a missing metric as "–".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from biofeedback import config
from biofeedback.core.practice.session_kind import stored_kind
from biofeedback.io.store import SessionInfo

DASH = "–"
HISTORY_COLUMNS = ("id", "date", "duration", "source", "pacer", "mean HR", "RMSSD", "coherence",
                   "artifacts", "check-in before → after", "counted", "name")
# why a session is kept but not counted in comparisons and progress (core/practice/session_kind.py)
NOT_COUNTED = {"short": "no: short", "simulated": "no: simulated", "replay": "no: replay", "unpaced": "no: no pacer"}


def local_time(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone()


def format_date(iso: str) -> str:
    return local_time(iso).strftime("%Y-%m-%d %H:%M")


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return DASH
    seconds = max(int(round(seconds)), 0)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _num(value: float | None, fmt: str, unit: str = "") -> str:
    return DASH if value is None else format(value, fmt) + unit


def format_checkin(info: SessionInfo, word: Callable[[str], str] = str) -> str:
    """``stress 7→3 · mood 4→6`` for the answered scores; "–" when there was no check-in.
    ``word`` names each item ("stress", "pain", "mood") in the reader's language."""
    parts = []
    for what in ("stress", "pain", "mood"):
        before = getattr(info.checkins.get("before"), what, None)
        after = getattr(info.checkins.get("after"), what, None)
        if before is None and after is None:
            continue
        parts.append(f"{word(what)} {DASH if before is None else before}→{DASH if after is None else after}")
    return " · ".join(parts) or DASH


def counted_text(info: SessionInfo, min_minutes: float = config.PRACTICE_MIN_SESSION_MIN) -> str:
    """"yes" when the session counts in comparisons and progress, else "no: short" and the like."""
    if info.status == "running":
        return DASH
    return NOT_COUNTED.get(stored_kind(info, min_minutes), "yes")


def history_row(info: SessionInfo, min_minutes: float = config.PRACTICE_MIN_SESSION_MIN) -> dict[str, str]:
    """Column name → text for ``HISTORY_COLUMNS``; ``min_minutes``: the shortest session that counts."""
    s = info.summary
    status = {"running": " (running)", "interrupted": " (interrupted)"}.get(info.status, "")
    return {
        "id": str(info.id),
        "date": format_date(info.started_at),
        "duration": format_duration(info.duration_s) + status,
        "source": info.source or DASH,
        "pacer": _num(info.pacer_bpm, ".1f", "/min"),
        "mean HR": _num(s.get("mean_hr_bpm"), ".0f", " bpm"),
        "RMSSD": _num(s.get("rmssd_ms"), ".0f", " ms"),
        "coherence": _num(s.get("coherence_ratio"), ".2f"),
        "artifacts": _num(None if info.artifact_share is None else 100 * info.artifact_share, ".1f", " %"),
        "check-in before → after": format_checkin(info),
        "counted": counted_text(info, min_minutes),
        "name": info.name,
    }
