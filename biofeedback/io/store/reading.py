"""Read models: what the history, the CLI and the exports read from a store connection.

Readers never block a writer: the store runs in WAL mode, where a reader sees
the last committed state while a writer appends (SQLite, "Write-Ahead Logging").
Every SQLite error becomes a ``StoreError`` of one sentence.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from biofeedback import config
from biofeedback.core.timebase import event_time_s
from biofeedback.core.types import Beat, Event, Gap
from biofeedback.io.store.codec import ROW_COLUMNS, decode_or_gap, select_beats
from biofeedback.io.store.errors import DAMAGED, StoreError, as_store_error, is_busy
from biofeedback.io.store.models import (
    SESSION_COLUMNS,
    BreathingSample,
    CheckIn,
    PacerChange,
    SessionInfo,
    session_info,
)
from biofeedback.io.store.schema import LEGACY_PACER_MARKER

T = TypeVar("T")


def in_words(method: Callable[..., T]) -> Callable[..., T]:
    """Turn an SQLite error inside a store method into a StoreError naming the file.

    A busy answer is retried until ``config.STORE_BUSY_TIMEOUT_S``: SQLite gives some at
    once, without its busy handler (a WAL index being rebuilt by another process). Every
    store method is one statement or a read, so a retry never applies anything twice.
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        deadline = time.monotonic() + config.STORE_BUSY_TIMEOUT_S
        while True:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as error:
                if is_busy(error) and time.monotonic() < deadline and not self.con.in_transaction:
                    time.sleep(0.05)
                    continue
                raise as_store_error(error, self.path) from None
            except UnicodeDecodeError:  # SQLite's message quoted bytes damaged on disk
                raise as_store_error(sqlite3.DatabaseError("database disk image is malformed"),
                                     self.path) from None

    return wrapper


class StoreReader:
    """Queries over ``self.con`` (an open store of schema ``self.version``)."""

    con: sqlite3.Connection
    path: Path
    version: int

    @in_words
    def list_sessions(self) -> list[SessionInfo]:
        """Every session, newest first, with its summary and check-ins."""
        checkins: dict[int, dict[str, CheckIn]] = {}
        for sid, phase, stress, pain, mood, note in self.con.execute(
                "SELECT session_id, phase, stress, pain, mood, note FROM checkins"):
            checkins.setdefault(sid, {})[phase] = CheckIn(phase, stress, pain, mood, note)
        rows = self.con.execute(f"SELECT {SESSION_COLUMNS} FROM sessions ORDER BY started_at DESC, id DESC").fetchall()
        return [session_info(row, checkins.get(row[0], {})) for row in rows]

    @in_words
    def session(self, session_id: int) -> SessionInfo:
        row = self.con.execute(f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise StoreError(f"no session {session_id} in {self.path}")
        checkins = {phase: CheckIn(phase, s, p, m, n) for phase, s, p, m, n in self.con.execute(
            "SELECT phase, stress, pain, mood, note FROM checkins WHERE session_id = ?", (session_id,))}
        return session_info(row, checkins)

    @in_words
    def beats(self, session_id: int) -> list[Beat]:
        """The session's beats in arrival order; a ``StoreError`` when the file is damaged where they lie.

        SQLite can end a read at a damaged page without an error, so the count read is checked
        against the count the index holds (another b-tree) and the summary's ``n_beats``.
        """
        beats = select_beats(self.con, session_id, self.version)
        expected = max(self._beats_counted(session_id), self._summary_n_beats(session_id))
        if len(beats) < expected:
            self._raise_if_damaged(f"only {len(beats)} of session {session_id}'s {expected} beats could be read")
        return beats

    def _beats_counted(self, session_id: int) -> int:
        return int(self.con.execute("SELECT count(*) FROM beats WHERE session_id = ?", (session_id,)).fetchone()[0])

    def _summary_n_beats(self, session_id: int) -> int:
        """``n_beats`` of the stored summary (a running session's lags its beats: never more), 0 if unknown."""
        row = self.con.execute("SELECT summary_json FROM sessions WHERE id = ?", (session_id,)).fetchone()
        try:
            n = json.loads(row[0]).get("n_beats") if row and row[0] else None
        except (ValueError, AttributeError, TypeError):  # a summary damaged on disk: no evidence
            return 0
        return n if isinstance(n, int) else 0

    def _raise_if_damaged(self, what: str) -> None:
        """Raise the store's damage sentence about ``what`` if SQLite's own check finds the file damaged.

        Only called when cheap evidence disagrees: the check reads the whole file. A healthy file
        means the evidence was wrong (say, beats stored without their raw data), and the read stands.
        """
        problems = [r[0] for r in self.con.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise StoreError(DAMAGED.format(path=self.path, error=what))

    @in_words
    def beat_correction(self, session_id: int) -> bool:
        """Whether the session's beats were corrected as it was recorded (``record --no-correct``: not;
        before schema version 2 kept the setting, every session was)."""
        if self.version < 2:
            return True
        row = self.con.execute("SELECT beat_correction FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return True if row is None or row[0] is None else bool(row[0])

    @in_words
    def markers(self, session_id: int) -> list[tuple[float, str]]:
        """(device time s, label) of the session's markers, pacer changes not included."""
        rows = self.con.execute("SELECT t_s, label FROM markers WHERE session_id = ? ORDER BY rowid",
                                (session_id,)).fetchall()
        return [r for r in rows if self.version >= 2 or not LEGACY_PACER_MARKER.match(r[1])]

    @in_words
    def pacer_changes(self, session_id: int) -> list[PacerChange]:
        """The session's pacer changes in the order they happened (device clock)."""
        if self.version < 2:  # a read-only store not yet migrated: rate-only rows
            rows = self.con.execute("SELECT t_s, bpm FROM pacer_changes WHERE session_id = ? ORDER BY rowid",
                                    (session_id,))
            return [PacerChange(t, bpm, config.PACER_DEFAULT_INHALE_RATIO) for t, bpm in rows]
        phase = "phase_cycles" if self.version >= 5 else "NULL"  # schema 5 records the phase
        return [PacerChange(*row) for row in self.con.execute(
            f"SELECT t_s, rate_brpm, inhale_ratio, hold_in_s, hold_out_s, {phase} FROM pacer_changes "
            "WHERE session_id = ? ORDER BY rowid", (session_id,))]

    @in_words
    def breathing(self, session_id: int) -> list[BreathingSample]:
        """The breathing read from the pulse during the session, in time order (none before schema 4)."""
        if self.version < 4:
            return []
        return [BreathingSample(*row) for row in self.con.execute(
            "SELECT t_device_s, rate_brpm, quality FROM breathing WHERE session_id = ? ORDER BY t_device_s, rowid",
            (session_id,))]

    @in_words
    def events(self, session_id: int) -> list[Event]:
        """The raw events in arrival order, exactly as the writer received them (a row damaged
        on disk comes back as a ``Gap`` with reason ``codec.DAMAGED_GAP_REASON``)."""
        rows = self.con.execute(f"SELECT seq, {ROW_COLUMNS} FROM raw_events WHERE session_id = ? ORDER BY seq",
                                (session_id,)).fetchall()
        events = [decode_or_gap(row[1:]) for row in rows]
        self._check_raw_read_whole(session_id, [row[0] for row in rows], events)
        return events

    def _check_raw_read_whole(self, session_id: int, seqs: list[int], events: list[Event]) -> None:
        """Raise the damage sentence when the raw rows read stop short or skip rows of a damaged file.

        A page of garbage can end SQLite's walk of the raw table early without an error (even
        ``max(seq)`` then agrees), which once exported a fifth of a session with exit status 0.
        The evidence: the writer numbers a session's rows 0, 1, 2, ..., and its beats and
        breathing (other tables, read through their indexes) end where its raw data ends.
        """
        if seqs != list(range(len(seqs))):
            self._raise_if_damaged(f"session {session_id}'s raw data skips rows")
        ends = [self._end_s(e) for e in events]
        raw_end = max((t for t in ends if t is not None and t == t), default=None)
        later = self.con.execute("SELECT max(t_s) FROM beats WHERE session_id = ?", (session_id,)).fetchone()[0]
        if self.version >= 4:
            breath = self.con.execute("SELECT max(t_device_s) FROM breathing WHERE session_id = ?",
                                      (session_id,)).fetchone()[0]
            later = breath if later is None or (breath is not None and breath > later) else later
        if later is None or (raw_end is not None and later <= raw_end + config.STORE_SHORT_READ_SLACK_S):
            return
        read = "none" if raw_end is None else f"only up to {raw_end:.1f} s"
        self._raise_if_damaged(f"{read} of session {session_id}'s raw data could be read, of {later:.1f} s recorded")

    @staticmethod
    def _end_s(event: Event) -> float | None:
        if isinstance(event, Gap) and event.duration_s is not None:
            return event.t_s + event.duration_s
        return event_time_s(event)

    @in_words
    def events_since(self, session_id: int, since_t_s: float) -> list[Event]:
        """The raw events from about ``since_t_s`` (device clock) on, in arrival order.

        From the last timed row that starts at or before ``since_t_s`` (a PPG row spans a
        flush period), preceded by the earlier device-info rows (sample rate, polarity) and the
        directions the person chose: what a pipeline needs to resume there without decoding
        the whole session.
        """
        if since_t_s == -float("inf"):
            return self.events(session_id)
        row = self.con.execute("SELECT max(seq) FROM raw_events WHERE session_id = ? AND t_s <= ?",
                               (session_id, since_t_s)).fetchone()
        start_seq = row[0] if row[0] is not None else 0
        return [decode_or_gap(r) for r in self.con.execute(
            f"SELECT {ROW_COLUMNS} FROM raw_events WHERE session_id = ? AND (seq >= ? OR kind IN ('info', 'direction')) "
            "ORDER BY seq", (session_id, start_seq))]

    @in_words
    def raw_bytes(self, session_id: int) -> int:
        """Bytes of raw-event payload stored for a session (blobs and fields)."""
        row = self.con.execute(
            "SELECT coalesce(sum(length(data)), 0) + count(*) * 40 FROM raw_events WHERE session_id = ?",
            (session_id,)).fetchone()
        return int(row[0])

    @in_words
    def assessments(self, session_id: int | None = None, kind: str | None = None) -> list[dict]:
        query = "SELECT id, session_id, created_at, kind, data_json FROM assessments WHERE 1"
        args: list[int | str] = []
        if session_id is not None:
            query, args = query + " AND session_id = ?", [*args, session_id]
        if kind is not None:
            query, args = query + " AND kind = ?", [*args, kind]
        return [{"id": i, "session_id": s, "created_at": c, "kind": k, "data": json.loads(d)}
                for i, s, c, k, d in self.con.execute(query + " ORDER BY id", args)]
