"""The summary a session row keeps: the whole-record numbers of its beats and its heart-rate swing.

``core.summary.analysis.summarize`` of the beats, plus ``hr_swing_bpm`` by
``core.summary.session.stored_session_swing_bpm`` over the breaths of the pacer
that ran (its stored changes, else the session's rate): what progress over
weeks reads, instead of re-deriving the swing from every session's beats.
``hr_swing_bpm`` None means measured and none found (no pacer, too few clean
beats); a summary without the key was written before the swing was kept.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence

from biofeedback.core.summary.analysis import summarize
from biofeedback.core.summary.session import stored_session_swing_bpm
from biofeedback.core.types import Beat
from biofeedback.io.store.models import PacerChange


def session_summary(con: sqlite3.Connection, session_id: int, beats: Sequence[Beat]) -> dict:
    """The summary of session ``session_id`` whose beats are ``beats`` (read from ``con``: its pacer)."""
    summary: dict = summarize(beats)
    row = con.execute("SELECT pacer_bpm FROM sessions WHERE id = ?", (session_id,)).fetchone()
    changes = [PacerChange(*r) for r in con.execute(
        "SELECT t_s, rate_brpm, inhale_ratio, hold_in_s, hold_out_s FROM pacer_changes WHERE session_id = ? "
        "ORDER BY rowid", (session_id,))]
    swing = stored_session_swing_bpm(beats, changes, row[0] if row else None)
    summary["hr_swing_bpm"] = swing if swing is not None and math.isfinite(swing) else None
    return summary
