"""Scratch folders for the packaging tests' large throwaway trees (the wheel's environment, 0.9 GB;
the bundle and its build, 0.5 GB): in RAM (/dev/shm) when it has room, removed when done. Written
to disk they went on being flushed while the tests ran, and removing them took 25-38 s on a loaded
machine (a disk mounted with online discard); 0.5 s in RAM."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

RAM_DIR = Path("/dev/shm")
ROOM_MARGIN_BYTES = 1024**3  # left free for everything else that uses the RAM disk


@pytest.fixture(scope="session")
def scratch_dir(tmp_path_factory) -> Callable[[str, int], contextlib.AbstractContextManager[Path]]:
    """``with scratch_dir(name, size_bytes) as path``: an empty folder, in RAM when it fits."""

    @contextlib.contextmanager
    def make(name: str, size_bytes: int) -> Iterator[Path]:
        fits = (RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK)
                and not os.statvfs(RAM_DIR).f_flag & os.ST_NOEXEC  # the tests run what they install there
                and shutil.disk_usage(RAM_DIR).free > size_bytes + ROOM_MARGIN_BYTES)
        path = Path(tempfile.mkdtemp(prefix=f"biofeedback-{name}-", dir=RAM_DIR)) if fits else tmp_path_factory.mktemp(name)
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)

    return make
