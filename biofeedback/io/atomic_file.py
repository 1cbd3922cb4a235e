"""Writes that are atomic and honest: a file appears whole at its name, or not at all.

Every export is written to a temporary file in the target's folder (same file
system, so the rename is atomic), checked (every write and the close succeed,
the data reach the disk with ``fsync``, plus the caller's own check such as a
PDF's ``%%EOF`` trailer), and only then ``os.replace``'d onto the target. On
any failure the temporary file is removed, the target is left as it was, and
the ``OSError`` says why in plain words (``describe``).
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

PLAIN_WORDS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "no permission to write there",
    errno.EPERM: "no permission to write there",
    errno.ENOENT: "the folder does not exist",
    errno.EISDIR: "it is a folder",
    errno.EIO: "the disk reported an input/output error",
    errno.EFBIG: "the file is too large for that disk",
}


def describe(error: OSError) -> str:
    """An OSError in plain words: 'the disk is full (No space left on device)', else its own text."""
    words = PLAIN_WORDS.get(error.errno or -1)
    if words and error.strerror and error.errno is not None and error.strerror == os.strerror(error.errno):
        return f"{words} ({error.strerror})"  # the system's own words: say it plainly first
    if error.strerror:
        return error.strerror
    return str(error)


def free_bytes(folder: str | Path) -> int | None:
    """Bytes an unprivileged writer may still use on the disk holding ``folder`` (None if unknown)."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    return st.f_bavail * st.f_frsize


FULL_BELOW_BYTES = 64 * 1024  # a failed write with less than this free: the disk is (nearly) full


def incomplete(what: str, tmp: Path) -> OSError:
    """A writer that says only that it failed (Qt): report what the disk says, a full one most often."""
    free = free_bytes(tmp.parent)
    written = tmp.stat().st_size if tmp.exists() else 0
    if free is not None and free < FULL_BELOW_BYTES:
        return OSError(errno.ENOSPC, f"the disk is full ({free} bytes free; the {what} stopped at {written} bytes)")
    return OSError(errno.EIO, f"the {what} could not be written completely ({written} bytes written)")


def _regular_target(path: Path) -> Path:
    """Where the file goes: a link's own target (the rename would replace the link itself), and never
    over a named pipe, a device or a socket (the rename would replace them with a plain file)."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file() and not path.is_dir():
        raise OSError(errno.EINVAL, "it is not a regular file (a named pipe, a device or a socket); choose a "
                      "file name", str(path))
    return path


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    with suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def atomic_path(path: str | Path, check: Callable[[Path], None] | None = None,
                allow_empty: bool = False) -> Iterator[Path]:
    """Yield a temporary path next to ``path`` for a writer that takes a file name.

    When the block ends without an exception the temporary file must exist (and
    be non-empty unless ``allow_empty``); ``check(tmp)`` may raise OSError for
    content that is wrong; then it is fsync'd and renamed onto ``path``.
    Otherwise it is removed and the exception goes on.
    """
    path = _regular_target(Path(path))
    tmp = _temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # mode as a plain open() gives
    os.close(fd)
    try:
        yield tmp
        if not tmp.is_file() or (tmp.stat().st_size == 0 and not allow_empty):
            raise incomplete("file", tmp)
        if check is not None:
            check(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(path.parent)


@contextmanager
def atomic_text(path: str | Path) -> Iterator[TextIO]:
    """Yield a text file (UTF-8, newlines as written) that becomes ``path`` only when all of it is on disk."""
    with atomic_path(path, allow_empty=True) as tmp, open(tmp, "w", encoding="utf-8", newline="") as f:
        yield f
        f.flush()  # a full disk raises here or at the close, inside atomic_path: the temp file goes


def _head_and_tail(path: Path, n_head: int, n_tail: int) -> tuple[bytes, bytes]:
    """The first ``n_head`` and last ``n_tail`` bytes of a file: where a format's start and end marks sit."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(n_head)
        f.seek(max(0, size - n_tail))
        return head, f.read()


def check_pdf(path: Path) -> None:
    """A whole PDF starts with ``%PDF-`` and ends with the ``%%EOF`` trailer (ISO 32000-1, 7.5.5)."""
    head, tail = _head_and_tail(path, 5, 1024)
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise incomplete("PDF", path)  # no end-of-file trailer: cut short


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def check_png(path: Path) -> None:
    """A whole PNG starts with its signature and ends with the IEND chunk (PNG spec, 5.2 and 11.2.5)."""
    head, tail = _head_and_tail(path, 8, 12)
    if head != PNG_SIGNATURE or not tail.startswith(b"\x00\x00\x00\x00IEND"):
        raise incomplete("PNG", path)  # no IEND chunk: cut short
