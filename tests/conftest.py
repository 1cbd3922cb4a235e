"""Every test gets its own session store folder (never the user's), subprocesses too.

Each pytest process (each xdist worker) runs in an LSL session of its own (liblsl's
SessionID, set through its config file before liblsl loads), so the coach and inlet
tests of one worker never see another worker's streams, nor streams of an app running
on the same machine; subprocesses inherit the setting.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest


def _lsl_session_of_our_own() -> None:
    path = Path(tempfile.gettempdir()) / f"biofeedback-tests-lsl_api-{os.getpid()}.cfg"
    path.write_text(f"[log]\nlevel = -3\n[lab]\nSessionID = biofeedback-tests-{os.getpid()}\n",
                    encoding="utf-8")
    os.environ["LSLAPICFG"] = str(path)


_lsl_session_of_our_own()


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    directory = tmp_path / "data"
    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(directory))
    return directory


def pytest_collection_modifyitems(config, items) -> None:
    """Under xdist (``make test``: ``--dist loadgroup``) a file's tests share one worker, so module
    fixtures are built once; the firmware files share one worker, which builds the sketches once."""
    for item in items:
        path = Path(str(item.fspath))
        group = "firmware" if path.parent.name == "firmware" else path.name
        item.add_marker(pytest.mark.xdist_group(group))
