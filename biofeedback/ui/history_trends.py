"""History trends as series: RMSSD, coherence and check-in changes per session (or per calendar week).

RMSSD (Task Force 1996) and coherence ratio (McCraty & Childre 2010) are the
session summaries stored at the end of each session; the check-in change is
after minus before.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import numpy as np

from biofeedback.app.session_library import SessionInfo


def _timestamp(info: SessionInfo) -> float:
    return datetime.fromisoformat(info.started_at).timestamp()


WEEK_S = 7 * 86400.0


def weekly_means(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean per calendar week (Monday 00:00 local time); x is the week's middle."""
    if not x.size:
        return x, y
    monday = [datetime.fromtimestamp(t).date().toordinal() - datetime.fromtimestamp(t).weekday() for t in x]
    weeks = np.array(monday)
    keys = np.unique(weeks)
    mids = np.array([datetime.fromordinal(int(k)).timestamp() + WEEK_S / 2 for k in keys])
    return mids, np.array([y[weeks == k].mean() for k in keys])


def trend_series(sessions: list[SessionInfo]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """(unix time, value) per trend, oldest first; sessions lacking a value are left out."""
    ordered = sorted(sessions, key=lambda s: (_timestamp(s), s.id))
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    getters: dict[str, Callable[[SessionInfo], float | None]] = {
        "rmssd_ms": lambda s: s.summary.get("rmssd_ms"),
        "coherence_ratio": lambda s: s.summary.get("coherence_ratio"),
        "stress_delta": lambda s: s.checkin_delta("stress"),
        "mood_delta": lambda s: s.checkin_delta("mood"),
    }
    for key, get in getters.items():
        pairs = [(_timestamp(s), get(s)) for s in ordered if get(s) is not None]
        out[key] = (np.array([p[0] for p in pairs], float), np.array([p[1] for p in pairs], float))
    return out
