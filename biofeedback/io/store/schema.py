"""The store's tables and their migrations, decided inside one write transaction.

Versioned with ``PRAGMA user_version`` and tagged with ``PRAGMA application_id``.
``ensure_schema`` reads the version; if it is not current it takes the write
lock (``BEGIN IMMEDIATE``), reads the version again (another process may have
migrated meanwhile) and runs the missing migrations and the version bump in
that one transaction. So two processes opening a fresh folder together never
both run ``CREATE TABLE``: the second one waits for the lock, then finds the
schema current.

``MIGRATIONS[i]`` takes a store from version i to i + 1: SQL text (split at ";",
so no ";" inside a statement) or a function of the connection. Append, never edit.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from biofeedback import config
from biofeedback.io.store.errors import NewerSchemaError, StoreError

APPLICATION_ID = 0x42464231  # "BFB1": marks the file as ours
STORE_FILENAME = "sessions.sqlite3"
STATUSES = ("running", "completed", "interrupted")
CHECKIN_PHASES = ("before", "after")

_SCHEMA_V1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,                 -- ISO 8601, UTC
    ended_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
    source TEXT NOT NULL DEFAULT '',
    protocol TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    pacer_bpm REAL,
    summary_json TEXT,
    writer_pid INTEGER,
    writer_host TEXT,
    heartbeat_unix REAL                       -- time of the writer's last commit
);
CREATE INDEX sessions_started ON sessions (started_at);
CREATE TABLE raw_events (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,                       -- ppg | beat | status | gap | info | direction
    t_s REAL,
    value REAL,
    detail TEXT,
    fs_hz REAL,
    n INTEGER,
    v_dtype TEXT,
    data BLOB,                                -- zlib(t float64 ++ values v_dtype) for ppg rows
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
CREATE TABLE beats (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    t_s REAL NOT NULL,
    rr_ms REAL NOT NULL,
    corrected INTEGER NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX beats_session ON beats (session_id, t_s);
CREATE TABLE pacer_changes (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    t_s REAL NOT NULL,
    bpm REAL NOT NULL
);
CREATE INDEX pacer_session ON pacer_changes (session_id);
CREATE TABLE markers (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    t_s REAL NOT NULL,
    label TEXT NOT NULL
);
CREATE INDEX markers_session ON markers (session_id);
CREATE TABLE checkins (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    phase TEXT NOT NULL CHECK (phase IN ('before', 'after')),
    stress INTEGER, pain INTEGER, mood INTEGER,  -- 0..10, NULL = not answered
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, phase)
);
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER REFERENCES sessions (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    data_json TEXT NOT NULL
);
"""

# Version 1 stored a pacer change as a marker "pacer 5.5/min" (and a rate-only row).
LEGACY_PACER_MARKER = re.compile(r"^pacer (\d+(?:\.\d+)?)/min$")


def _v2_typed_pacer_changes(con: sqlite3.Connection) -> None:
    """Pacer changes with rate, inhale ratio and holds; old "pacer R/min" markers become pacer changes.

    Old rows get the default inhale ratio and no holds (version 1 did not record them).
    A legacy marker whose change is already a row (same session, time and rate) is just dropped.
    """
    con.execute("ALTER TABLE pacer_changes RENAME COLUMN bpm TO rate_brpm")
    con.execute(f"ALTER TABLE pacer_changes ADD COLUMN inhale_ratio REAL NOT NULL "
                f"DEFAULT {float(config.PACER_DEFAULT_INHALE_RATIO)!r}")
    con.execute("ALTER TABLE pacer_changes ADD COLUMN hold_in_s REAL NOT NULL DEFAULT 0")
    con.execute("ALTER TABLE pacer_changes ADD COLUMN hold_out_s REAL NOT NULL DEFAULT 0")
    con.execute("ALTER TABLE sessions ADD COLUMN beat_correction INTEGER NOT NULL DEFAULT 1")
    legacy = con.execute("SELECT rowid, session_id, t_s, label FROM markers WHERE label LIKE 'pacer %/min'").fetchall()
    for rowid, sid, t_s, label in legacy:
        match = LEGACY_PACER_MARKER.match(label)
        if not match:
            continue
        rate = float(match.group(1))
        known = con.execute("SELECT 1 FROM pacer_changes WHERE session_id = ? AND abs(t_s - ?) < 1e-6 "
                            "AND abs(rate_brpm - ?) < 1e-6", (sid, t_s, rate)).fetchone()
        if known is None:
            con.execute("INSERT INTO pacer_changes (session_id, t_s, rate_brpm) VALUES (?, ?, ?)",
                        (sid, t_s, rate))
        con.execute("DELETE FROM markers WHERE rowid = ?", (rowid,))


Migration = str | Callable[[sqlite3.Connection], None]
_V3_BEAT_QUALITY = "ALTER TABLE beats ADD COLUMN quality REAL"  # Beat.quality: template correlation, NULL unknown
# the breathing read from the pulse while the session ran (core.breathing.respiration): rate NULL = none readable
_V4_BREATHING = """
CREATE TABLE breathing (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    t_device_s REAL NOT NULL,
    rate_brpm REAL,
    quality REAL NOT NULL
);
CREATE INDEX breathing_session ON breathing (session_id, t_device_s)
"""
# the pacer's phase (cycles, 0 = start of inhale) right after each change: the guide that ran is redrawn
# exactly (core.breathing.pacer.guide_curve); NULL for older rows, whose guide is rebuilt from phase 0
_V5_PACER_PHASE = "ALTER TABLE pacer_changes ADD COLUMN phase_cycles REAL"
MIGRATIONS: tuple[Migration, ...] = (_SCHEMA_V1, _v2_typed_pacer_changes, _V3_BEAT_QUALITY, _V4_BREATHING,
                                     _V5_PACER_PHASE)
SCHEMA_VERSION = len(MIGRATIONS)


class ForeignStoreError(StoreError):
    """The file is an SQLite database of some other program."""


def statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _apply(con: sqlite3.Connection, migration: Migration) -> None:
    if callable(migration):
        migration(con)
    else:
        for statement in statements(migration):
            con.execute(statement)


# named so the window can write it in its language (ui/notice_words.py)
NEWER = ("The session store {path} was written by a newer version of biofeedback (schema {version}; this version "
         "reads up to {supported}). Nothing was changed: update biofeedback, or set BIOFEEDBACK_DATA_DIR to use "
         "another folder.")


def newer_schema_error(path: Path, version: int) -> NewerSchemaError:
    return NewerSchemaError(NEWER.format(path=path, version=version, supported=SCHEMA_VERSION))


def check_readable_schema(con: sqlite3.Connection, path: Path) -> int:
    """The store's version; raises if it is foreign or newer (no write).

    One statement, so one snapshot: read apart, another process's schema commit could
    land between them and make our own fresh store look foreign.
    """
    app_id, version, n_tables = con.execute(
        "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), "
        "(SELECT count(*) FROM sqlite_master WHERE type = 'table')").fetchone()
    if app_id != APPLICATION_ID:
        if n_tables or version:
            raise ForeignStoreError(f"The file {path} is not a biofeedback session store.")
    if version > SCHEMA_VERSION:
        raise newer_schema_error(path, version)
    return version


def ensure_schema(con: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to ``SCHEMA_VERSION``, deciding inside one ``BEGIN IMMEDIATE``."""
    if check_readable_schema(con, path) == SCHEMA_VERSION:
        return
    con.execute("BEGIN IMMEDIATE")
    try:
        version = check_readable_schema(con, path)  # again, now that no one else can write
        for target in range(version, SCHEMA_VERSION):
            _apply(con, MIGRATIONS[target])
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
