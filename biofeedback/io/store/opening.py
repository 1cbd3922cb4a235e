"""Opening the store file so that a healthy store is never moved, replaced or damaged.

* A file is called damaged only when SQLite's own ``PRAGMA integrity_check``
  fails on it (or SQLite says it is not a database); a busy, full or
  unreadable store is reported as that, in words, and left alone.
* A damaged or foreign file is moved aside (renamed with a timestamp, never
  deleted) only when no other process has the store open: every process that
  uses the store holds a shared ``flock`` on ``<store>.lock`` beside it, and the
  move needs the exclusive lock. (Windows has no flock; there renaming a file
  another process has open fails, which says the same.)
* In a folder we cannot write, the store opens read-only: the history can be
  read, and ``SessionStore.begin_session`` refuses in words.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from biofeedback import config
from biofeedback.io.store.errors import (
    NewerSchemaError,
    ReadOnlyStoreError,
    StoreError,
    as_store_error,
    is_busy,
    is_damage,
)
from biofeedback.io.store.schema import ForeignStoreError, check_readable_schema, ensure_schema

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def connect(path: Path, read_only: bool = False, immutable: bool = False,
            timeout_s: float | None = None) -> sqlite3.Connection:
    """A connection with a busy timeout (``config.STORE_BUSY_TIMEOUT_S`` by default), in
    autocommit mode (explicit BEGIN/COMMIT)."""
    timeout_s = config.STORE_BUSY_TIMEOUT_S if timeout_s is None else timeout_s
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        con = sqlite3.connect(uri, uri=True, timeout=timeout_s, check_same_thread=False)
    else:
        con = sqlite3.connect(str(path), timeout=timeout_s, check_same_thread=False)
    con.isolation_level = None
    con.text_factory = _lenient_text
    return con


def _lenient_text(raw: bytes) -> str:
    """TEXT columns as str even when bytes changed on disk (U+FFFD where they are not UTF-8):
    a damaged name or summary must not hide the whole history."""
    return raw.decode("utf-8", errors="replace")


class UseLock:
    """A shared ``flock`` on ``<store>.lock`` held while this object uses the store."""

    def __init__(self, store_path: Path) -> None:
        self.fd: int | None = None
        if fcntl is None:
            return
        try:
            fd = os.open(str(store_path) + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return
        fcntl.flock(fd, fcntl.LOCK_SH)
        self.fd = fd

    def try_exclusive(self) -> bool:
        """Whether no other user holds the store (then this one holds it alone until ``share``)."""
        if self.fd is None:
            return fcntl is None  # no flock: the rename itself will fail if the file is in use
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fcntl.flock(self.fd, fcntl.LOCK_SH)  # a failed upgrade may have dropped the shared lock
            return False
        return True

    def share(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def fails_integrity_check(path: Path) -> bool:
    """SQLite's own verdict: ``PRAGMA integrity_check`` is not "ok", or the file is no database."""
    try:
        con = connect(path, read_only=True)
    except sqlite3.Error as error:
        return is_damage(error)
    try:
        return con.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError as error:
        return is_damage(error)
    except UnicodeDecodeError:  # SQLite's message quotes the damaged schema text, not UTF-8 any more
        return True
    finally:
        con.close()


def _as_sqlite_error(error: BaseException) -> sqlite3.Error:
    """SQLite's own error, or for a message Python could not decode (it quotes damaged bytes)
    the error SQLite means by it."""
    if isinstance(error, sqlite3.Error):
        return error
    return sqlite3.DatabaseError("database disk image is malformed")


def _writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


# The sentences, named so the window can write them in its language (ui/notice_words.py).
IN_USE = {what: f"The session store {{path}} is {what}, but another program is using it, so it was left in place; "
                "close the other biofeedback windows and recorders, then try again."
          for what in ("damaged", "not a biofeedback store")}
MOVED_ASIDE = {what: f"The session store {{path}} was {what}; it was kept as {{name}} and a fresh store was started."
               for what in ("damaged", "not a biofeedback store")}
FOLDER_NOT_CREATED = ("The session store folder {folder} cannot be created ({error}); set BIOFEEDBACK_DATA_DIR "
                      "to a writable folder.")
READ_ONLY_EMPTY = ("The session store folder {folder} is read-only and holds no sessions yet; set "
                   "BIOFEEDBACK_DATA_DIR to a writable folder to save sessions.")
READ_ONLY_FOLDER = ("The session store folder {folder} is read-only: your history can be read, but new sessions "
                    "cannot be saved there.")


def move_aside(path: Path, why: str, lock: UseLock) -> tuple[Path, str]:
    """Rename a damaged ("damaged") or foreign ("foreign") file out of the way; returns (new path, notice)."""
    what = "damaged" if why == "damaged" else "not a biofeedback store"
    in_use = StoreError(IN_USE[what].format(path=path))
    if not lock.try_exclusive():
        raise in_use
    try:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
        n = 1
        while target.exists():
            target = path.with_name(f"{path.stem}.{why}-{stamp}-{n}{path.suffix}")
            n += 1
        try:
            os.replace(path, target)
        except PermissionError:  # Windows: open elsewhere
            raise in_use from None
        for extra in ("-wal", "-shm"):
            side = Path(str(path) + extra)
            if side.exists():
                os.replace(side, Path(str(target) + extra))
    finally:
        lock.share()
    return target, MOVED_ASIDE[what].format(path=path, name=target.name)


class OpenedStore:
    """The outcome of ``open_store``: a connection and what the user should be told."""

    def __init__(self, con: sqlite3.Connection, read_only: bool, lock: UseLock | None,
                 notice: str | None = None, moved_to: Path | None = None) -> None:
        self.con, self.read_only, self.lock = con, read_only, lock
        self.notice, self.moved_to = notice, moved_to
        self.version = con.execute("PRAGMA user_version").fetchone()[0]


def open_store(path: Path) -> OpenedStore:
    """Open (creating or migrating) the store at ``path``; StoreError in words when it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(FOLDER_NOT_CREATED.format(folder=path.parent, error=error.strerror)) from None
    if not _writable(path):
        return _open_read_only(path)
    lock = UseLock(path)
    try:
        return _open_writable(path, lock)
    except BaseException:
        lock.release()
        raise


def _open_read_only(path: Path) -> OpenedStore:
    if not path.exists():
        raise ReadOnlyStoreError(READ_ONLY_EMPTY.format(folder=path.parent))
    for immutable in (False, True):  # without -wal/-shm files a read-only folder needs immutable
        con = connect(path, read_only=True, immutable=immutable)
        try:
            check_readable_schema(con, path)
            con.execute("SELECT count(*) FROM sessions").fetchone()
            break
        except NewerSchemaError:
            con.close()
            raise
        except (sqlite3.Error, StoreError, UnicodeDecodeError) as error:
            con.close()
            if isinstance(error, UnicodeDecodeError):  # a message quoting damaged schema bytes
                raise as_store_error(_as_sqlite_error(error), path) from None
            if immutable or is_damage(error) or isinstance(error, StoreError):
                raise (error if isinstance(error, StoreError) else as_store_error(error, path)) from None
    notice = READ_ONLY_FOLDER.format(folder=path.parent)
    return OpenedStore(con, True, None, notice)


def _prepare(con: sqlite3.Connection, path: Path) -> None:
    check_readable_schema(con, path)  # before WAL mode changes the header of a foreign file
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=ON")
    ensure_schema(con, path)
    con.execute("SELECT count(*) FROM sessions").fetchone()  # touches the schema pages


def _prepare_patiently(con: sqlite3.Connection, path: Path) -> None:
    """``_prepare``, retried while SQLite answers busy at once (it does so without waiting when
    another process is switching a fresh file to WAL or recovering its WAL index)."""
    deadline = time.monotonic() + config.STORE_BUSY_TIMEOUT_S
    while True:
        try:
            return _prepare(con, path)
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() >= deadline:
                raise
            if con.in_transaction:
                con.execute("ROLLBACK")
            time.sleep(0.05)


def _open_writable(path: Path, lock: UseLock) -> OpenedStore:
    notice = moved_to = None
    for attempt in range(2):
        con = connect(path)
        try:
            _prepare_patiently(con, path)
            return OpenedStore(con, False, lock, notice, moved_to)
        except NewerSchemaError:
            con.close()
            raise
        except ForeignStoreError:
            con.close()
            why = "foreign"
        except (sqlite3.Error, UnicodeDecodeError) as error:  # the latter: a message quoting damaged bytes
            con.close()
            if attempt or not fails_integrity_check(path):
                raise as_store_error(_as_sqlite_error(error), path) from None
            why = "damaged"
        moved_to, notice = move_aside(path, why, lock)
    raise AssertionError("unreachable")
