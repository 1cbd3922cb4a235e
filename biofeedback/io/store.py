"""The session store: every session in one SQLite file that survives crashes.

Why SQLite: one file, transactional, readable by other tools. The file lives in
``platformdirs.user_data_dir("biofeedback")`` (``BIOFEEDBACK_DATA_DIR`` overrides)
and runs in WAL mode with ``synchronous=NORMAL``: a committed transaction
survives a crash or SIGKILL of the app (SQLite, "Write-Ahead Logging", §2);
only a power cut may lose the last commits.

Durability guarantee: a ``SessionWriter`` commits what it was given at least
every ``config.STORE_FLUSH_PERIOD_S`` (1 s) from its own timer thread, so a killed
process loses at most the last second. On the next open, a session still
"running" whose writer is gone (its process is dead, or it has not committed
for ``STORE_STALE_S``) is marked "interrupted" and keeps everything committed.

Schema: versioned with ``PRAGMA user_version`` and the ``MIGRATIONS`` list, and
tagged with ``PRAGMA application_id``. A damaged or foreign file is moved aside
(renamed with a timestamp) and a fresh store made (``SessionStore.notice`` says
so); a file from a newer version is refused (``NewerSchemaError``) untouched.

Raw PPG is stored compactly: consecutive samples of one flush become one row
with zlib-compressed, delta-coded, byte-shuffled arrays (times as float64,
values as int16/int32 when integral, else float64), so samples round-trip exactly.
"""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from biofeedback import config
from biofeedback.core.analysis import summarize
from biofeedback.core.timebase import event_time_s
from biofeedback.core.types import Beat, DeviceBeat, DeviceInfo, DeviceStatus, Event, Gap, PpgBlock

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
    kind TEXT NOT NULL,                       -- ppg | beat | status | gap | info
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

# MIGRATIONS[i] takes a store from user_version i to i + 1, in one transaction; append, never
# edit. Statements are split at ";", so a migration must not contain ";" inside a statement.
MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1,)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """A problem with the session store, phrased for the user."""


class NewerSchemaError(StoreError):
    """The store was written by a newer biofeedback; it is left untouched."""


def default_data_dir() -> Path:
    """Where the store lives: $BIOFEEDBACK_DATA_DIR, else the platform's user data dir."""
    override = os.environ.get("BIOFEEDBACK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("biofeedback", appauthor=False))


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


# -- opening ---------------------------------------------------------------------


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0,
                              check_same_thread=False)
    else:
        con = sqlite3.connect(str(path), timeout=5.0, check_same_thread=False)
    con.isolation_level = None  # explicit BEGIN/COMMIT
    return con


def _inspect(path: Path) -> tuple[int, int, int]:
    """(application_id, user_version, number of tables), read-only; DatabaseError if damaged."""
    con = _connect(path, read_only=True)
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        n_tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        return app_id, version, n_tables
    finally:
        con.close()


def _move_aside(path: Path, why: str) -> tuple[Path, str]:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.{why}-{stamp}-{n}{path.suffix}")
        n += 1
    os.replace(path, target)
    for extra in ("-wal", "-shm"):
        side = Path(str(path) + extra)
        if side.exists():
            os.replace(side, Path(str(target) + extra))
    return target, (f"The session store {path} was {'damaged' if why == 'damaged' else 'not a biofeedback store'}; "
                    f"it was kept as {target.name} and a fresh store was started.")


def _pid_alive(pid: int) -> bool:
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


_LIVE_WRITERS: set[tuple[str, int]] = set()  # (db path, session id) of writers open in this process
_LIVE_LOCK = threading.Lock()


class SessionStore:
    """The history of sessions in one SQLite file."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_data_dir() / STORE_FILENAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.notice: str | None = None  # set when a damaged/foreign file was moved aside
        self.moved_to: Path | None = None
        self._check_existing()
        self.con = _connect(self.path)
        try:
            self._prepare()
        except sqlite3.DatabaseError:  # damage found beyond the header
            self.con.close()
            self.moved_to, self.notice = _move_aside(self.path, "damaged")
            self.con = _connect(self.path)
            self._prepare()
        self.recover_interrupted()

    # -- opening -------------------------------------------------------------
    def _check_existing(self) -> None:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        try:
            app_id, version, n_tables = _inspect(self.path)
        except sqlite3.DatabaseError:
            self.moved_to, self.notice = _move_aside(self.path, "damaged")
            return
        if app_id != APPLICATION_ID and (n_tables or version):
            self.moved_to, self.notice = _move_aside(self.path, "foreign")
            return
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"The session store {self.path} was written by a newer version of biofeedback "
                f"(schema {version}; this version reads up to {SCHEMA_VERSION}). Nothing was changed: "
                "update biofeedback, or set BIOFEEDBACK_DATA_DIR to use another folder.")

    def _prepare(self) -> None:
        con = self.con
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        con.execute("PRAGMA foreign_keys=ON")
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # raced with a newer writer since _check_existing
            raise NewerSchemaError(f"The session store {self.path} is from a newer biofeedback.")
        for target in range(version, SCHEMA_VERSION):
            con.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(MIGRATIONS[target]):
                    con.execute(statement)
                con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                con.execute(f"PRAGMA user_version = {target + 1}")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        con.execute("SELECT count(*) FROM sessions").fetchone()  # touches the schema pages

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- recovery ------------------------------------------------------------
    def recover_interrupted(self) -> list[int]:
        """Mark running sessions whose writer is gone as interrupted; returns their ids."""
        rows = self.con.execute(
            "SELECT id, writer_pid, writer_host, heartbeat_unix, started_at FROM sessions "
            "WHERE status = 'running'").fetchall()
        recovered = []
        now = time.time()
        host = socket.gethostname()
        for sid, pid, whost, heartbeat, started_at in rows:
            with _LIVE_LOCK:
                live_here = (str(self.path.resolve()), sid) in _LIVE_WRITERS
            if pid == os.getpid() and whost == host:
                alive = live_here
            elif whost == host:
                alive = pid is not None and _pid_alive(pid) and now - (heartbeat or 0) < config.STORE_STALE_S
            else:
                alive = now - (heartbeat or 0) < config.STORE_STALE_S
            if alive:
                continue
            ended = (datetime.fromtimestamp(heartbeat, timezone.utc).isoformat(timespec="seconds")
                     if heartbeat else started_at)
            summary = summarize(self.beats(sid))
            self.con.execute(
                "UPDATE sessions SET status = 'interrupted', ended_at = ?, summary_json = ? WHERE id = ?",
                (ended, json.dumps(summary), sid))
            recovered.append(sid)
        return recovered

    # -- writing -------------------------------------------------------------
    def begin_session(self, source: str = "", protocol: str = "", pacer_bpm: float | None = None,
                      name: str = "", flush_period_s: float | None = None) -> SessionWriter:
        """A new running session and the writer that appends to it."""
        cur = self.con.execute(
            "INSERT INTO sessions (started_at, status, source, protocol, name, pacer_bpm, writer_pid, "
            "writer_host, heartbeat_unix) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)",
            (utc_now_iso(), source, protocol, name, pacer_bpm, os.getpid(), socket.gethostname(),
             time.time()))
        return SessionWriter(self.path, int(cur.lastrowid), flush_period_s)

    def set_checkin(self, session_id: int, checkin: CheckIn) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO checkins (session_id, phase, stress, pain, mood, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, checkin.phase, checkin.stress, checkin.pain, checkin.mood, checkin.note))

    def rename(self, session_id: int, name: str) -> None:
        self.con.execute("UPDATE sessions SET name = ? WHERE id = ?", (name, session_id))

    def annotate(self, session_id: int, notes: str) -> None:
        self.con.execute("UPDATE sessions SET notes = ? WHERE id = ?", (notes, session_id))

    def delete(self, session_id: int) -> None:
        self.con.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def add_assessment(self, kind: str, data: dict, session_id: int | None = None) -> int:
        cur = self.con.execute(
            "INSERT INTO assessments (session_id, created_at, kind, data_json) VALUES (?, ?, ?, ?)",
            (session_id, utc_now_iso(), kind, json.dumps(data)))
        return int(cur.lastrowid)

    def assessments(self, session_id: int | None = None, kind: str | None = None) -> list[dict]:
        query, args = "SELECT id, session_id, created_at, kind, data_json FROM assessments WHERE 1", []
        if session_id is not None:
            query, args = query + " AND session_id = ?", [*args, session_id]
        if kind is not None:
            query, args = query + " AND kind = ?", [*args, kind]
        return [{"id": i, "session_id": s, "created_at": c, "kind": k, "data": json.loads(d)}
                for i, s, c, k, d in self.con.execute(query + " ORDER BY id", args)]

    # -- reading -------------------------------------------------------------
    def list_sessions(self) -> list[SessionInfo]:
        """Every session, newest first, with its summary and check-ins."""
        checkins: dict[int, dict[str, CheckIn]] = {}
        for sid, phase, stress, pain, mood, note in self.con.execute(
                "SELECT session_id, phase, stress, pain, mood, note FROM checkins"):
            checkins.setdefault(sid, {})[phase] = CheckIn(phase, stress, pain, mood, note)
        rows = self.con.execute(
            "SELECT id, started_at, ended_at, status, source, protocol, name, notes, pacer_bpm, summary_json "
            "FROM sessions ORDER BY started_at DESC, id DESC").fetchall()
        return [_info(row, checkins.get(row[0], {})) for row in rows]

    def session(self, session_id: int) -> SessionInfo:
        row = self.con.execute(
            "SELECT id, started_at, ended_at, status, source, protocol, name, notes, pacer_bpm, summary_json "
            "FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise StoreError(f"no session {session_id} in {self.path}")
        checkins = {phase: CheckIn(phase, s, p, m, n) for phase, s, p, m, n in self.con.execute(
            "SELECT phase, stress, pain, mood, note FROM checkins WHERE session_id = ?", (session_id,))}
        return _info(row, checkins)

    def beats(self, session_id: int) -> list[Beat]:
        return [Beat(t, rr, bool(c), k) for t, rr, c, k in self.con.execute(
            "SELECT t_s, rr_ms, corrected, kind FROM beats WHERE session_id = ? ORDER BY rowid",
            (session_id,))]

    def markers(self, session_id: int) -> list[tuple[float, str]]:
        return list(self.con.execute(
            "SELECT t_s, label FROM markers WHERE session_id = ? ORDER BY rowid", (session_id,)))

    def pacer_changes(self, session_id: int) -> list[tuple[float, float]]:
        return list(self.con.execute(
            "SELECT t_s, bpm FROM pacer_changes WHERE session_id = ? ORDER BY rowid", (session_id,)))

    def events(self, session_id: int) -> list[Event]:
        """The raw events in arrival order, exactly as the writer received them."""
        return [_decode_event(row) for row in self.con.execute(
            "SELECT kind, t_s, value, detail, fs_hz, n, v_dtype, data FROM raw_events "
            "WHERE session_id = ? ORDER BY seq", (session_id,))]

    def raw_bytes(self, session_id: int) -> int:
        """Bytes of raw-event payload stored for a session (blobs and fields)."""
        row = self.con.execute(
            "SELECT coalesce(sum(length(data)), 0) + count(*) * 40 FROM raw_events WHERE session_id = ?",
            (session_id,)).fetchone()
        return int(row[0])


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _info(row: tuple, checkins: dict[str, CheckIn]) -> SessionInfo:
    sid, started, ended, status, source, protocol, name, notes, pacer, summary = row
    return SessionInfo(sid, started, ended, status, source, protocol, name, notes, pacer,
                       json.loads(summary) if summary else {}, checkins)


# -- event encoding ----------------------------------------------------------------


def _value_dtype(values: np.ndarray) -> str:
    if values.size and np.all(np.isfinite(values)) and np.all(values == np.round(values)):
        lo, hi = values.min(), values.max()
        if -32768 <= lo and hi <= 32767:
            return "<i2"
        if -(2**31) <= lo and hi < 2**31:
            return "<i4"
    return "<f8"


def _shuffle(a: np.ndarray) -> bytes:
    """Byte-plane transpose: like bytes of neighbouring numbers sit together and compress well."""
    return np.frombuffer(a.tobytes(), np.uint8).reshape(-1, a.itemsize).T.tobytes()


def _unshuffle(raw: bytes, dtype: str, n: int) -> np.ndarray:
    width = np.dtype(dtype).itemsize
    return np.frombuffer(raw, np.uint8).reshape(width, n).T.copy().view(dtype).ravel()


def _pack(t_s: np.ndarray, values: np.ndarray) -> bytes:
    """Exact, compressible: deltas of the float64 bit patterns of t, deltas of integer values.

    Integer deltas wrap modulo 2**bits and the cumulative sum wraps back, so
    decoding is bit-exact (the idea of Gorilla's delta coding, Pelkonen et al. 2015).
    """
    bits = t_s.view("<i8").copy()
    bits[1:] = np.diff(t_s.view("<i8"))
    if values.dtype.kind == "i":
        deltas = values.copy()
        deltas[1:] = np.diff(values)
        values = deltas
    return _shuffle(bits) + _shuffle(values)


def _unpack(raw: bytes, n: int, dtype: str) -> tuple[np.ndarray, np.ndarray]:
    t_s = np.cumsum(_unshuffle(raw[: 8 * n], "<i8", n), dtype="<i8").view("<f8")
    values = _unshuffle(raw[8 * n:], dtype, n)
    if values.dtype.kind == "i":
        values = np.cumsum(values, dtype=values.dtype)
    return t_s.astype(float), values.astype(float)


def _encode_ppg(blocks: list[PpgBlock]) -> tuple:
    t_s = np.concatenate([b.t_s for b in blocks]).astype("<f8")
    values = np.concatenate([b.value for b in blocks])
    dtype = _value_dtype(values)
    data = zlib.compress(_pack(t_s, values.astype(dtype)), config.STORE_ZLIB_LEVEL)
    return ("ppg", float(t_s[0]) if t_s.size else None, None, None, blocks[0].fs_hz, int(t_s.size),
            dtype, data)


def _encode_other(event: Event) -> tuple:
    if isinstance(event, DeviceBeat):
        return ("beat", event.t_s, event.ibi_ms, None, None, None, None, None)
    if isinstance(event, DeviceStatus):
        return ("status", event.t_s, None, json.dumps([event.state, event.detail]), None, None, None, None)
    if isinstance(event, Gap):
        return ("gap", event.t_s, event.duration_s, event.reason, None, None, None, None)
    if isinstance(event, DeviceInfo):
        detail = json.dumps({"protocol": event.protocol, "adc_max": event.adc_max, "device": event.device})
        return ("info", None, event.fs_hz, detail, None, None, None, None)
    raise TypeError(f"cannot store {type(event).__name__}")


def encode_events(events: Iterable[Event]) -> list[tuple]:
    """Rows for ``events``: runs of PPG blocks with one sample rate become one compressed row."""
    rows: list[tuple] = []
    run: list[PpgBlock] = []
    for event in events:
        if isinstance(event, PpgBlock):
            if run and run[0].fs_hz != event.fs_hz:
                rows.append(_encode_ppg(run))
                run = []
            if len(event):
                run.append(event)
            continue
        if run:
            rows.append(_encode_ppg(run))
            run = []
        rows.append(_encode_other(event))
    if run:
        rows.append(_encode_ppg(run))
    return rows


def _decode_event(row: tuple) -> Event:
    kind, t_s, value, detail, fs_hz, n, dtype, data = row
    if kind == "ppg":
        t, v = _unpack(zlib.decompress(data), n, dtype)
        return PpgBlock(t, v, fs_hz)
    if kind == "beat":
        return DeviceBeat(t_s, value)
    if kind == "status":
        state, extra = json.loads(detail)
        return DeviceStatus(t_s, state, extra)
    if kind == "gap":
        return Gap(t_s, value, detail)
    if kind == "info":
        fields = json.loads(detail)
        return DeviceInfo(fields["protocol"], value, fields["adc_max"], fields["device"])
    raise StoreError(f"unknown raw event kind {kind!r} in the store")


# -- the writer --------------------------------------------------------------------


class SessionWriter:
    """Appends one session's data in batches committed at least every flush period.

    Thread-safe: ``add_*`` may be called from any thread (the source thread for
    events, the GUI thread for beats and markers). A daemon timer thread commits
    every ``flush_period_s``; ``finish`` commits the rest and closes the session.
    """

    def __init__(self, db_path: str | Path, session_id: int, flush_period_s: float | None = None) -> None:
        self.db_path = Path(db_path)
        self.session_id = session_id
        self.flush_period_s = config.STORE_FLUSH_PERIOD_S if flush_period_s is None else flush_period_s
        self.con = _connect(self.db_path)
        self.con.execute("PRAGMA synchronous=NORMAL")
        self._lock = threading.Lock()
        self._events: list[Event] = []
        self._beats: list[Beat] = []
        self._markers: list[tuple[float, str]] = []
        self._pacer: list[tuple[float, float]] = []
        self._seq = self.con.execute(
            "SELECT coalesce(max(seq), -1) + 1 FROM raw_events WHERE session_id = ?", (session_id,)
        ).fetchone()[0]
        self.last_event_t_s: float | None = None
        self.finished = False
        self._key = (str(self.db_path.resolve()), session_id)
        with _LIVE_LOCK:
            _LIVE_WRITERS.add(self._key)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"store writer {session_id}", daemon=True)
        self._thread.start()

    # -- appending -----------------------------------------------------------
    def add_events(self, events: Sequence[Event]) -> None:
        with self._lock:
            self._events.extend(events)
            for event in reversed(events):
                t = event_time_s(event)
                if t is not None:
                    self.last_event_t_s = t
                    break

    def add_beats(self, beats: Sequence[Beat]) -> None:
        with self._lock:
            self._beats.extend(beats)

    def add_marker(self, t_s: float, label: str) -> None:
        with self._lock:
            self._markers.append((t_s, label))

    def add_pacer_change(self, t_s: float, bpm: float) -> None:
        with self._lock:
            self._pacer.append((t_s, bpm))

    # -- committing ----------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.wait(self.flush_period_s):
            try:
                self.flush()
            except sqlite3.Error:  # e.g. the disk is full: keep buffering, try again next tick
                continue

    def flush(self) -> None:
        """Commit everything appended so far (one transaction) and the heartbeat."""
        with self._lock:
            events, self._events = self._events, []
            beats, self._beats = self._beats, []
            markers, self._markers = self._markers, []
            pacer, self._pacer = self._pacer, []
            sid = self.session_id
            rows = encode_events(events)
            con = self.con
            con.execute("BEGIN IMMEDIATE")
            try:
                con.executemany(
                    "INSERT INTO raw_events (session_id, seq, kind, t_s, value, detail, fs_hz, n, v_dtype, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(sid, self._seq + i, *row) for i, row in enumerate(rows)])
                con.executemany("INSERT INTO beats (session_id, t_s, rr_ms, corrected, kind) VALUES (?, ?, ?, ?, ?)",
                                [(sid, b.t_s, b.rr_ms, int(b.corrected), b.kind) for b in beats])
                con.executemany("INSERT INTO markers (session_id, t_s, label) VALUES (?, ?, ?)",
                                [(sid, t, label) for t, label in markers])
                con.executemany("INSERT INTO pacer_changes (session_id, t_s, bpm) VALUES (?, ?, ?)",
                                [(sid, t, bpm) for t, bpm in pacer])
                con.execute("UPDATE sessions SET heartbeat_unix = ? WHERE id = ?", (time.time(), sid))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                # put the data back so the next flush retries it
                self._events[:0], self._beats[:0] = events, beats
                self._markers[:0], self._pacer[:0] = markers, pacer
                raise
            self._seq += len(rows)

    def finish(self, status: str = "completed", protocol: str | None = None) -> dict:
        """Commit the rest, compute the summary and close the session; returns the summary."""
        if self.finished:
            return {}
        self._stop.set()
        self._thread.join(timeout=5.0)
        self.flush()
        beats = [Beat(t, rr, bool(c), k) for t, rr, c, k in self.con.execute(
            "SELECT t_s, rr_ms, corrected, kind FROM beats WHERE session_id = ? ORDER BY rowid",
            (self.session_id,))]
        summary = summarize(beats)
        self.con.execute(
            "UPDATE sessions SET status = ?, ended_at = ?, summary_json = ?, protocol = coalesce(?, protocol) "
            "WHERE id = ?", (status, utc_now_iso(), json.dumps(summary), protocol, self.session_id))
        self.con.close()
        self.finished = True
        with _LIVE_LOCK:
            _LIVE_WRITERS.discard(self._key)
        return summary


PACER_MARKER = re.compile(r"^pacer (\d+(?:\.\d+)?)/min$")


class SessionRecorder:
    """The app's ``Recorder`` (app/session.py) backed by a ``SessionWriter``.

    Markers are placed at the record clock (the time of the last event seen),
    not at the controller's monotonic clock, so they line up with the beats.
    A marker "pacer R/min" also records a pacer change to R breaths/min.
    """

    def __init__(self, writer: SessionWriter, protocol: Callable[[], str | None] | None = None) -> None:
        self.writer = writer
        self.protocol = protocol  # asked at close: the protocol the source turned out to speak

    def on_events(self, events: Sequence[Event]) -> None:
        self.writer.add_events(events)

    def on_beats(self, beats: Sequence[Beat]) -> None:
        self.writer.add_beats(beats)

    def on_marker(self, t_s: float, label: str) -> None:
        t = self.writer.last_event_t_s
        t = t if t is not None else 0.0
        self.writer.add_marker(t, label)
        match = PACER_MARKER.match(label)
        if match:  # the window marks every pacer change as "pacer 5.5/min"
            self.writer.add_pacer_change(t, float(match.group(1)))

    def on_pacer(self, bpm: float) -> None:
        t = self.writer.last_event_t_s
        self.writer.add_pacer_change(t if t is not None else 0.0, bpm)

    def close(self) -> None:
        self.writer.finish(protocol=self.protocol() if self.protocol else None)
