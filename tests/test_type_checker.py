"""mypy over biofeedback/ finds no error (issue 24: zero errors; overrides in pyproject.toml say why).

It runs as a test, not as a step before the tests, so that its ~12 s of one core overlap with the
other workers' tests instead of keeping the second core idle (``make test``: about 7 s less on 2 cores).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow(about_s=15)
@pytest.mark.timeout(600)
def test_mypy_finds_no_error_in_the_package():
    run = subprocess.run([sys.executable, "-m", "mypy", "biofeedback"], cwd=ROOT, capture_output=True,
                         text=True, timeout=540)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "Success: no issues found" in run.stdout, run.stdout
