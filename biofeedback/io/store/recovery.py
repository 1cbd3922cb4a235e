"""After a crash: close the sessions whose writer is gone, re-deriving the beats it held back.

A writer commits raw events and beats at least once a second, but the beat
pipeline holds the last beats back (the artifact corrector looks ahead two
beats, the detector waits for the pulse's downstroke), so the stored beats end
seconds before the stored raw data. Recovery runs the stored raw events
through ``core.pipeline.Pipeline`` and appends the beats after the last stored
one, so a crash costs beats no more than it costs raw data: the last flush period.

A session's writer is gone when its process no longer exists (same host; a
writer whose commits fail while the disk is full is still alive) or, on
another host, when it has not committed for ``config.STORE_STALE_S``.
A crashed session that never stored any data is deleted rather than kept empty.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone

from biofeedback import config
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import Beat, Event
from biofeedback.io.store.codec import BEAT_INSERT, beat_rows
from biofeedback.io.store.summary import session_summary

LIVE_WRITERS: set[tuple[str, int]] = set()  # (db path, session id) of writers open in this process
LIVE_LOCK = threading.Lock()


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` exists (POSIX). On Windows os.kill(pid, 0) would send Ctrl+C,
    so there the writer's heartbeat alone decides (``STORE_STALE_S``)."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def writer_alive(db_key: str, sid: int, pid: int | None, host: str | None, heartbeat: float | None) -> bool:
    with LIVE_LOCK:
        live_here = (db_key, sid) in LIVE_WRITERS
    if pid == os.getpid() and host == socket.gethostname():
        return live_here
    if host == socket.gethostname():  # its commits may be failing (disk full, a lock): ask the OS
        return pid is not None and pid_alive(pid) and not _zombie(pid)
    return time.time() - (heartbeat or 0) < config.STORE_STALE_S


def _zombie(pid: int) -> bool:
    """A killed child its parent has not reaped yet: dead, though ``kill(pid, 0)`` finds it."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def rederived_beats(events: list[Event], stored: list[Beat], correct: bool) -> list[Beat]:
    """Beats the pipeline makes of ``events`` after the last of ``stored``."""
    pipeline = Pipeline(correct=correct)
    beats = pipeline.feed(events).beats + pipeline.flush().beats
    last_t_s = stored[-1].t_s if stored else -float("inf")
    return [b for b in beats if b.t_s > last_t_s + 1e-6]


def tail_start_s(stored: list[Beat]) -> float:
    """Device time from which recovery replays the raw events: the held-back beats come after the
    last stored beat, and the pipeline needs ``config.STORE_RECOVERY_WARMUP_S`` before it to learn
    the signal again (an 8-hour session is not replayed whole)."""
    return stored[-1].t_s - config.STORE_RECOVERY_WARMUP_S if stored else -float("inf")


def recover_session(con: sqlite3.Connection, sid: int,
                    load_tail: Callable[[int, float], list[Event]],
                    load_beats: Callable[[int], list[Beat]]) -> bool:
    """Close one dead session; False when another process did it first.

    The slow part (reading the tail of the raw events, re-deriving beats, the summary)
    runs outside any write lock; the write transaction only checks that nobody closed
    the session meanwhile and stores the result, so a ``record`` started meanwhile
    is not kept waiting.
    """
    row = con.execute("SELECT status, heartbeat_unix, started_at, beat_correction FROM sessions "
                      "WHERE id = ?", (sid,)).fetchone()
    if row is None or row[0] != "running":
        return False
    _, heartbeat, started_at, correct = row
    stored = load_beats(sid)
    extra = rederived_beats(load_tail(sid, tail_start_s(stored)), stored, bool(correct))
    has_data = bool(stored or extra) or con.execute(
        "SELECT 1 FROM raw_events WHERE session_id = ? AND kind IN ('ppg', 'beat') LIMIT 1", (sid,)
    ).fetchone() is not None
    summary = json.dumps(session_summary(con, sid, stored + extra)) if has_data else None
    con.execute("BEGIN IMMEDIATE")
    try:
        status = con.execute("SELECT status FROM sessions WHERE id = ?", (sid,)).fetchone()
        n_beats = con.execute("SELECT count(*) FROM beats WHERE session_id = ?", (sid,)).fetchone()[0]
        if status is None or status[0] != "running" or n_beats != len(stored):
            con.execute("ROLLBACK")  # recovered (or, impossibly, written) by another process meanwhile
            return False
        if extra:
            con.executemany(BEAT_INSERT, beat_rows(sid, extra))
        if summary is None:
            con.execute("DELETE FROM sessions WHERE id = ?", (sid,))
        else:
            ended = (datetime.fromtimestamp(heartbeat, timezone.utc).isoformat(timespec="seconds")
                     if heartbeat else started_at)
            con.execute("UPDATE sessions SET status = 'interrupted', ended_at = ?, summary_json = ? WHERE id = ?",
                        (ended, summary, sid))
        con.execute("COMMIT")
        return True
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
