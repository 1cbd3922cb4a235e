"""``SessionStore``: the history of sessions in one SQLite file shared by several processes.

The app, a ``record`` in a terminal and a coach's several recorders may all use
one store at once: each write is a short ``BEGIN IMMEDIATE`` transaction under a
busy timeout, readers never block writers (WAL), and opening never moves a file
another process is using (see ``opening``). On open, sessions left "running" by
a dead writer are closed as "interrupted" (see ``recovery``); a store opened with
``recover=False`` lists them as interrupted at once, with the summary their writer
last stored, and leaves the re-derivation of their last beats to a later open.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from biofeedback.io.store.errors import ReadOnlyStoreError, StoreError, as_store_error, is_busy
from biofeedback.io.store.models import CheckIn, SessionInfo, WriterStatus, utc_now_iso
from biofeedback.io.store.opening import open_store
from biofeedback.io.store.reading import StoreReader, in_words
from biofeedback.io.store.recovery import recover_session, writer_alive
from biofeedback.io.store.schema import STORE_FILENAME
from biofeedback.io.store.writer import SessionWriter

# named so the window can write it in its language (ui/notice_words.py)
CANNOT_SAVE_READ_ONLY = ("Cannot save to the session store {path}: its folder is read-only; set BIOFEEDBACK_DATA_DIR "
                         "to a writable folder.")


def default_data_dir() -> Path:
    """Where the store lives: $BIOFEEDBACK_DATA_DIR, else the platform's user data dir."""
    override = os.environ.get("BIOFEEDBACK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("biofeedback", appauthor=False))


class SessionStore(StoreReader):
    """The history of sessions in one SQLite file.

    ``notice`` is a sentence for the user when something was noticed on open (a
    damaged file kept aside, a read-only folder); ``read_only`` says recording is refused.
    ``recover=False`` leaves sessions of dead writers for ``recover_interrupted`` (the
    window calls it on a thread after it is shown).
    """

    def __init__(self, path: str | Path | None = None, recover: bool = True) -> None:
        self.path = Path(path) if path is not None else default_data_dir() / STORE_FILENAME
        opened = open_store(self.path)
        self.con, self.read_only, self._use = opened.con, opened.read_only, opened.lock
        self.notice, self.moved_to, self.version = opened.notice, opened.moved_to, opened.version
        if recover and not self.read_only:
            self.recover_interrupted()

    def close(self) -> None:
        self.con.close()
        if self._use is not None:
            self._use.release()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(CANNOT_SAVE_READ_ONLY.format(path=self.path))

    # -- listing ---------------------------------------------------------------
    @in_words
    def list_sessions(self) -> list[SessionInfo]:
        """Every session, newest first; one whose writer is gone shows as interrupted even before
        recovery closed it (one that stored nothing, which recovery deletes, is left out)."""
        dead = self._dead_sessions()
        return [self._as_interrupted(info, dead[info.id]) if info.id in dead else info
                for info in super().list_sessions() if info.id not in dead or self._has_data(info.id)]

    @in_words
    def session(self, session_id: int) -> SessionInfo:
        info = super().session(session_id)
        dead = self._dead_sessions() if info.status == "running" else {}
        return self._as_interrupted(info, dead[session_id]) if session_id in dead else info

    def _dead_sessions(self) -> dict[int, float | None]:
        """Running sessions whose writer is gone: id -> the writer's last heartbeat (Unix s)."""
        key = str(self.path.resolve())
        rows = self.con.execute("SELECT id, writer_pid, writer_host, heartbeat_unix FROM sessions "
                                "WHERE status = 'running'").fetchall()
        return {sid: beat for sid, pid, host, beat in rows if not writer_alive(key, sid, pid, host, beat)}

    def _has_data(self, session_id: int) -> bool:
        return self.con.execute(
            "SELECT 1 FROM raw_events WHERE session_id = ? AND kind IN ('ppg', 'beat') "
            "UNION ALL SELECT 1 FROM beats WHERE session_id = ? LIMIT 1", (session_id, session_id)
        ).fetchone() is not None

    @staticmethod
    def _as_interrupted(info: SessionInfo, heartbeat_unix: float | None) -> SessionInfo:
        ended = (datetime.fromtimestamp(heartbeat_unix, timezone.utc).isoformat(timespec="seconds")
                 if heartbeat_unix else info.started_at)
        return replace(info, status="interrupted", ended_at=ended)

    # -- recovery ------------------------------------------------------------
    def recover_interrupted(self) -> list[int]:
        """Close running sessions whose writer is gone (see ``recovery``); returns their ids.

        Skipped quietly while another program holds the write lock: the next open does it.
        Each session costs its tail, not its length (``recovery.tail_start_s``), and holds
        the write lock only to store the result.
        """
        try:
            dead = self._dead_sessions()
            return [sid for sid in dead if recover_session(self.con, sid, self.events_since, self.beats)]
        except sqlite3.Error as error:
            if is_busy(error):
                return []
            raise as_store_error(error, self.path) from None

    # -- writing -------------------------------------------------------------
    def begin_session(self, source: str = "", protocol: str = "", pacer_bpm: float | None = None,
                      name: str = "", flush_period_s: float | None = None,
                      on_status: Callable[[WriterStatus], None] | None = None,
                      beat_correction: bool = True) -> SessionWriter:
        """A new running session and the writer that appends to it.

        ``on_status`` hears, from the writer's thread, each change between saving and not
        saving ("not saving: disk full"); ``beat_correction`` is how the beats are made, so
        recovery re-derives the held-back beats the same way.
        """
        self._refuse_if_read_only()
        try:
            cur = self.con.execute(
                "INSERT INTO sessions (started_at, status, source, protocol, name, pacer_bpm, writer_pid, "
                "writer_host, heartbeat_unix, beat_correction) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)",
                (utc_now_iso(), source, protocol, name, pacer_bpm, os.getpid(), socket.gethostname(),
                 time.time(), int(beat_correction)))
            return SessionWriter(self.path, _inserted_id(cur), flush_period_s, on_status)
        except sqlite3.Error as error:
            raise as_store_error(error, self.path) from None

    @in_words
    def set_checkin(self, session_id: int, checkin: CheckIn) -> None:
        self._refuse_if_read_only()
        self.con.execute(
            "INSERT OR REPLACE INTO checkins (session_id, phase, stress, pain, mood, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, checkin.phase, checkin.stress, checkin.pain, checkin.mood, checkin.note))

    @in_words
    def rename(self, session_id: int, name: str) -> None:
        self._refuse_if_read_only()
        self.con.execute("UPDATE sessions SET name = ? WHERE id = ?", (name, session_id))

    @in_words
    def annotate(self, session_id: int, notes: str) -> None:
        self._refuse_if_read_only()
        self.con.execute("UPDATE sessions SET notes = ? WHERE id = ?", (notes, session_id))

    @in_words
    def delete(self, session_id: int) -> None:
        self._refuse_if_read_only()
        self.con.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    @in_words
    def add_assessment(self, kind: str, data: dict, session_id: int | None = None) -> int:
        self._refuse_if_read_only()
        cur = self.con.execute(
            "INSERT INTO assessments (session_id, created_at, kind, data_json) VALUES (?, ?, ?, ?)",
            (session_id, utc_now_iso(), kind, json.dumps(data)))
        return _inserted_id(cur)


__all__ = ["SessionStore", "StoreError", "default_data_dir"]


def _inserted_id(cur: sqlite3.Cursor) -> int:
    """The rowid of the row ``cur`` has just inserted (sqlite3 sets it after each INSERT)."""
    if cur.lastrowid is None:
        raise StoreError("the store did not give the new row an id")
    return cur.lastrowid
