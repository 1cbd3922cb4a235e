"""`biofeedback analyze` on files that are not what they seem (issue 25): a sentence and exit 2, fast.

A named pipe was waited on for ever; a table of a million columns took minutes
and printed an 8.9 MB error line; a column in seconds, then in milliseconds,
lost half the record behind exit status 0.

A named pipe and a device run ``analyze`` as a real subprocess: were it to wait on them again,
the process is killed at a time-out (a call in the test's process would hang, or fill its memory
from /dev/zero). The rest call it in-process (tests/cli_inprocess.py: the same exit status and
text); the test's time-out (pytest-timeout) stands in for the subprocess's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_inprocess import Completed, run_cli

from biofeedback import config

ANALYZE = [sys.executable, "-m", "biofeedback", "analyze"]


def analyze_process(*args: str, timeout_s: float = 90.0) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([*ANALYZE, *args], capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:  # subprocess.run killed it
        pytest.fail(f"analyze {' '.join(args)} did not finish in {timeout_s:.0f} s")


def analyze(*args: str) -> Completed:
    return run_cli("analyze", *args)


def refused(result: subprocess.CompletedProcess | Completed) -> str:
    """The one-line refusal: exit status 2, no traceback, nothing on stdout."""
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    return result.stderr


def rr_ms(n: int, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return 850.0 + 60.0 * np.sin(np.arange(n) / 4.0) + rng.normal(0.0, 15.0, n)


# -- not a regular file ---------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need Linux or macOS")
@pytest.mark.parametrize("name", ["stream.csv", "stream.xdf"])
def test_a_named_pipe_is_refused_not_waited_on(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)  # nobody writes: reading it would block for ever
    err = refused(analyze_process(str(fifo), timeout_s=60))
    assert "is a named pipe (FIFO), not a regular file" in err and "save the stream to a file" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_not_read_for_ever():
    err = refused(analyze_process("/dev/zero", timeout_s=60))
    assert "is a character device, not a regular file" in err


# -- absurdly wide tables ---------------------------------------------------------------


@pytest.mark.timeout(180)
@pytest.mark.parametrize("layout", ["header", "no_header", "whitespace"])
def test_a_million_columns_fail_fast_with_a_short_message(tmp_path, layout):
    n = 10 ** 6
    row = ",".join(["812"] * n)
    path = tmp_path / f"wide_{layout}.csv"
    if layout == "header":  # before: 136-489 s and an 8.9 MB line of column names
        path.write_text(",".join(f"c{i}" for i in range(n)) + "\n" + row + "\n" + row + "\n")
    elif layout == "no_header":
        path.write_text("\n".join([row] * 5) + "\n")
    else:
        path.write_text("\n".join([" ".join(["812"] * n)] * 3) + "\n")
    result = analyze(str(path))
    err = refused(result)
    assert len(result.stderr.encode()) < 1024
    assert f"longer than {config.FILE_MAX_LINE_BYTES // 1024} KB" in err


def test_more_columns_than_the_cap_in_a_short_line_are_refused(tmp_path):
    n = config.FILE_MAX_COLUMNS + 1000
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(n)) + "\n" + ",".join(["812"] * n) + "\n")
    err = refused(analyze(str(path)))
    assert f"has {n} fields" in err and f"at most {config.FILE_MAX_COLUMNS} columns" in err


def test_an_error_listing_columns_names_a_few_and_counts_the_rest(tmp_path):
    n = 900  # under the cap: read, then refused as ambiguous
    path = tmp_path / "many.csv"
    path.write_text(",".join(f"c{i}" for i in range(n)) + "\n"
                    + "\n".join(",".join(["812"] * n) for _ in range(5)) + "\n")
    result = analyze(str(path))
    err = refused(result)
    assert f"c7 and {n - 8} more" in err and "c8," not in err and len(result.stderr) < 300


def test_a_giant_cell_is_quoted_short(tmp_path):
    path = tmp_path / "rr.csv"
    lines = ["rr", *[f"{x:.1f}" for x in rr_ms(100)], "x" * 200_000, *[f"{x:.1f}" for x in rr_ms(100)]]
    path.write_text("\n".join(lines) + "\n")
    result = analyze(str(path))
    err = refused(result)
    assert "is not a number" in err and "more characters" in err and len(result.stderr) < 400


# -- a unit that changes inside a column -----------------------------------------------------


def test_intervals_in_seconds_then_milliseconds_are_refused_naming_the_line(tmp_path):
    rr = rr_ms(600)
    values = np.concatenate([rr[:300] / 1000.0, rr[300:]])
    path = tmp_path / "mixed.txt"
    path.write_text("\n".join(f"{x:.3f}" for x in values) + "\n")
    err = refused(analyze(str(path)))  # before: exit 0, 300 beats, half the record gone
    assert "change unit at line 301" in err
    assert "before it they read as seconds" in err and "from it as milliseconds" in err
    assert "300 of 600 intervals would be dropped" in err


def test_intervals_in_milliseconds_then_seconds_with_a_header_and_comments(tmp_path):
    rr = rr_ms(600)
    lines = ["# exported twice", "rr", *[f"{x:.1f}" for x in rr[:350]], "", "# second part",
             *[f"{x / 1000:.4f}" for x in rr[350:]]]
    path = tmp_path / "mixed.csv"
    path.write_text("\n".join(lines) + "\n")
    err = refused(analyze(str(path)))
    first_seconds = lines.index(f"{rr[350] / 1000:.4f}") + 1
    assert f"change unit at line {first_seconds}" in err and "from it as seconds" in err


def test_a_time_column_in_seconds_then_milliseconds_is_refused_naming_the_line(tmp_path):
    fs = 100.0
    t = np.arange(12000) / fs
    values = 500.0 + 100.0 * np.sin(2 * np.pi * 1.2 * t)
    written = np.concatenate([t[:6000], t[6000:] * 1000.0])
    path = tmp_path / "ppg.csv"
    path.write_text("time,ppg\n" + "\n".join(f"{a:.4f},{b:.2f}" for a, b in zip(written, values, strict=True)) + "\n")
    err = refused(analyze(str(path)))  # before: exit 0, 59 s of a 120 s record, read at 199.8 Hz
    assert "the time column 'time' changes unit at line 6002" in err and "1000 times larger" in err


def test_a_few_odd_values_are_no_change_of_unit(tmp_path):
    """Four glitches that read as seconds in a ms file: gaps as before, not a refusal."""
    rr = rr_ms(300)
    rr[[40, 41, 42, 43]] = [0.8, 0.9, 0.85, 0.8]
    path = tmp_path / "rr.txt"
    path.write_text("\n".join(f"{x:.3f}" for x in rr) + "\n")
    result = analyze(str(path), "--json")
    assert result.returncode == 0, result.stderr
