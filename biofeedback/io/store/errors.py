"""Store errors, each phrased as one sentence for the user.

SQLite reports trouble as ``sqlite3.Error`` with terse texts ("database is
locked", "database or disk is full"); ``explain`` turns them into a sentence
that names the file and what to do, and ``short_reason`` into the few words a
status line shows ("disk full").
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreError(Exception):
    """A problem with the session store, phrased for the user."""


class NewerSchemaError(StoreError):
    """The store was written by a newer biofeedback; it is left untouched."""


class ReadOnlyStoreError(StoreError):
    """The store can be read but not written (a read-only folder or file)."""


def _kind(error: BaseException) -> str:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "full" in text:
        return "full"
    if "readonly" in text or "read-only" in text:
        return "readonly"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "damaged"
    if "disk i/o" in text:
        return "io"
    if "unable to open" in text:
        return "open"
    return "other"


def is_busy(error: BaseException) -> bool:
    return _kind(error) == "locked"


def is_damage(error: BaseException) -> bool:
    """Whether SQLite itself said the file is damaged (not just busy, full or read-only)."""
    return _kind(error) == "damaged"


# a few words for a status line, by kind (ui/notice_words.py translates them)
SHORT_REASONS = {
    "locked": "the store is locked by another program",
    "full": "disk full",
    "readonly": "the store is read-only",
    "damaged": "the store is damaged",
    "io": "disk error",
    "open": "the store cannot be opened",
}


def short_reason(error: BaseException) -> str:
    """A few words for a status line: "disk full", "locked by another program", ..."""
    return SHORT_REASONS.get(_kind(error), str(error))


# The sentences, named so the window can write them in its language (ui/notice_words.py).
BUSY = ("The session store {path} is busy: another program has kept it locked; nothing was lost, try again "
        "in a moment.")
FULL = "The disk holding the session store {path} is full; free some space and try again."
READ_ONLY = "The session store {path} is read-only, so nothing can be saved to it."
DAMAGED = "The session store {path} is damaged ({error})."
DISK_ERROR = "The session store {path} could not be read or written (a disk error)."
CANNOT_OPEN = "The session store {path} cannot be opened; check that its folder exists and is readable."
FAILED = "The session store {path} failed: {error}."


def explain(error: BaseException, path: str | Path) -> str:
    """One sentence about ``error`` on the store at ``path``."""
    if isinstance(error, StoreError):
        return str(error)
    kind = _kind(error)
    if kind == "locked":
        return BUSY.format(path=path)
    if kind == "full":
        return FULL.format(path=path)
    if kind == "readonly":
        return READ_ONLY.format(path=path)
    if kind == "damaged":
        return DAMAGED.format(path=path, error=error)
    if kind == "io":
        return DISK_ERROR.format(path=path)
    if kind == "open":
        return CANNOT_OPEN.format(path=path)
    return FAILED.format(path=path, error=error)


def as_store_error(error: sqlite3.Error | OSError, path: str | Path) -> StoreError:
    cls = ReadOnlyStoreError if _kind(error) == "readonly" else StoreError
    return cls(explain(error, path))
