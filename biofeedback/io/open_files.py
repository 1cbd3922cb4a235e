"""The process's limit of open files, which sockets count against.

The coach view holds ~44 open files a client (4 LSL inlets of ~11 sockets each, measured with
the liblsl pylsl ships): 30 clients need ~1,300, where a Linux desktop starts a program with a soft limit
of 1,024 and macOS with 256. An unprivileged program may raise its soft limit up to the hard
one (systemd's default is 524,288), so the coach raises it to what its clients need; past the
hard limit, the tile of each stream it cannot open says so instead of a traceback.
"""

from __future__ import annotations

import os
import sys

_MACOS_OPEN_MAX = 10240  # macOS refuses a soft limit above OPEN_MAX even when the hard one is unlimited
_FD_FOLDERS = ("/proc/self/fd", "/dev/fd")  # Linux, macOS


def open_files_limit() -> int | None:
    """The soft limit in effect (None: unlimited, or a system without one, as Windows)."""
    try:
        import resource
    except ImportError:  # Windows: no per-process limit of this kind
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else int(soft)


def raise_open_files_limit(wanted: int) -> int | None:
    """Raise the soft limit towards ``wanted`` (never above the hard limit, never lowered).

    Returns the soft limit in effect afterwards (None: unlimited or no such limit).
    """
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if sys.platform == "darwin":
        target = min(target, _MACOS_OPEN_MAX)
    if soft != resource.RLIM_INFINITY and target > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):  # refused: the limit stays as it was
            pass
    return open_files_limit()


def at_open_files_limit(margin: int = 32) -> bool:
    """Whether fewer than ``margin`` more files may be opened (an LSL inlet needs ~11 at once).

    False where it cannot tell (no limit, or no folder listing the open files).
    """
    limit = open_files_limit()
    if limit is None:
        return False
    for folder in _FD_FOLDERS:
        try:
            return len(os.listdir(folder)) >= limit - margin
        except FileNotFoundError:
            continue
        except OSError:  # listing needs a file too: none left
            return True
    return False
