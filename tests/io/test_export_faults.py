"""Exports on a full disk: nothing left behind, exit 2, and a sentence that says why (issue 25, item 2).

Before: ``export --format pdf`` to a nearly full disk exited 0 with "Session 1
written to …" and left 4,096 of 115,422 bytes (``QPainter.end()``'s result was
ignored); csv/rr/raw/png said "nothing was written" and left a 4 KB partial
file (written straight to the target). Every format now goes through a
temporary file in the target folder that is checked, then renamed.

Every format is exported in-process (tests/cli_inprocess.py: the same exit status, text and files);
the PDF and PNG reports paint in the test process's Qt application, in English for the call
(ui/report.py ``painting_in_english``), as ``export`` does in a process of its own.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_inprocess import Completed, run_cli

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.simulation import simulate_ppg
from biofeedback.core.types import DeviceInfo, PpgBlock
from biofeedback.io.atomic_file import atomic_text, check_pdf, check_png, describe
from biofeedback.io.store import STORE_FILENAME, SessionStore

FORMATS = ("csv", "rr", "raw", "markers", "breathing", "pdf", "png")
SUFFIX = {"csv": "csv", "rr": "txt", "raw": "txt", "markers": "csv", "breathing": "csv", "pdf": "pdf", "png": "png"}
linux_root = pytest.mark.skipif(sys.platform != "linux" or os.geteuid() != 0,
                                reason="mounting a small tmpfs (a disk that fills up) needs Linux and root")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """A store holding one 15-minute session: samples, beats, markers, breathing (every export over 4 KB)."""
    folder = tmp_path_factory.mktemp("store")
    fs = 100.0
    t_s, values, _ = simulate_ppg(900.0, fs_hz=fs, seed=2)
    events = [DeviceInfo("native", fs_hz=fs, adc_max=1023)]
    events += [PpgBlock(t_s[i:i + 5], np.round(values[i:i + 5]), fs) for i in range(0, t_s.size, 5)]
    pipeline = Pipeline()
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    with SessionStore(folder / STORE_FILENAME) as store:
        writer = store.begin_session("simulated sensor", "native", pacer_bpm=6.0)
        writer.add_events(events)
        writer.add_beats(out.beats)
        for k in range(600):
            writer.record_marker(1.5 * k, f"marker {k}")
            writer.record_breathing(1.5 * k, 6.0 + 0.001 * k, 0.8)
        writer.finish()
    return folder


@pytest.fixture(autouse=True)
def _one_qt_application(qapp):
    """The PDF and PNG reports paint in the process's one Qt application (``export`` makes it when alone)."""


def export(store_dir: Path, fmt: str, out: Path) -> Completed:
    env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(store_dir), "QT_QPA_PLATFORM": "offscreen"}
    return run_cli("export", "last", "--format", fmt, "--out", str(out), env=env)


def assert_valid(fmt: str, path: Path) -> None:
    if fmt == "pdf":
        check_pdf(path)
    elif fmt == "png":
        check_png(path)
    elif fmt == "raw":
        assert path.read_text().count("\n") > 1000
    elif fmt == "rr":
        assert len(np.loadtxt(path)) > 500
    else:
        with open(path, newline="") as f:
            assert len(list(csv.DictReader(f))) >= 600


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_normal_export_writes_a_whole_file_and_nothing_else(store_dir, tmp_path, fmt):
    out = tmp_path / f"session.{SUFFIX[fmt]}"
    out.write_text("an older export")  # replaced whole
    done = export(store_dir, fmt, out)
    assert done.returncode == 0, done.stderr
    assert f"written to {out}" in done.stderr
    assert_valid(fmt, out)
    print(f"{fmt}: {out.stat().st_size} bytes")
    assert out.stat().st_size > 4096
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


@pytest.fixture
def small_disk(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], check=True)
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


def nearly_fill(folder: Path, leave_bytes: int) -> None:
    """Fill the disk, then free ``leave_bytes``: a write starts, then fails part-way (ENOSPC)."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:
        for chunk in (65536, 4096):
            try:
                while True:
                    f.write(b"\0" * chunk)
            except OSError:
                pass
    os.truncate(filler, filler.stat().st_size - leave_bytes)


@linux_root
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("leave_bytes", [0, 4096])
def test_export_to_a_full_disk_leaves_nothing_and_says_why(store_dir, small_disk, fmt, leave_bytes):
    nearly_fill(small_disk, leave_bytes)
    before = sorted(p.name for p in small_disk.iterdir())
    out = small_disk / f"session.{SUFFIX[fmt]}"
    done = export(store_dir, fmt, out)
    print(f"{fmt}, {leave_bytes} bytes free: exit {done.returncode}: {done.stderr.strip()}")
    assert done.returncode == 2, done.stderr
    lines = [ln for ln in done.stderr.strip().splitlines() if not ln.startswith(("Qt", "libpng"))]
    assert lines == [lines[-1]] and lines[-1].startswith(f"biofeedback export: cannot write {out}: the disk is full")
    assert lines[-1].endswith("nothing was written.")
    assert "written to" not in done.stderr
    assert not out.exists()
    assert sorted(p.name for p in small_disk.iterdir()) == before  # no partial temporary file either


@linux_root
def test_a_failed_export_leaves_the_previous_file_as_it_was(store_dir, small_disk):
    out = small_disk / "session.pdf"
    assert export(store_dir, "pdf", out).returncode == 0
    good = out.read_bytes()
    nearly_fill(small_disk, 4096)
    done = export(store_dir, "pdf", out)
    assert done.returncode == 2
    assert out.read_bytes() == good


def test_describe_says_a_full_disk_in_plain_words():
    import errno

    assert describe(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) == (
        f"the disk is full ({os.strerror(errno.ENOSPC)})")
    assert describe(OSError(errno.ENOSPC, "the disk is full (0 bytes free)")) == "the disk is full (0 bytes free)"


def test_an_exception_while_writing_removes_the_temporary_file(tmp_path):
    out = tmp_path / "x.csv"
    with pytest.raises(RuntimeError), atomic_text(out) as f:
        f.write("half")
        raise RuntimeError("the writer failed")
    assert list(tmp_path.iterdir()) == []
