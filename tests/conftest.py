"""Every test gets its own session store folder (never the user's), subprocesses too."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    directory = tmp_path / "data"
    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(directory))
    return directory
