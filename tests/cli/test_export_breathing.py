"""``biofeedback export --format breathing``: the stored breathing estimate as CSV, in a real subprocess."""

from __future__ import annotations

import csv
import os
import subprocess
import sys

from biofeedback.core.types import Beat
from biofeedback.io.store import STORE_FILENAME, SessionStore


def test_breathing_export_writes_what_the_store_holds(tmp_path):
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    with SessionStore(store_dir / STORE_FILENAME) as store:
        writer = store.begin_session("simulated sensor", "native", pacer_bpm=6.0)
        writer.add_beats([Beat(1.0, 1000.0), Beat(2.0, 1000.0)])
        writer.record_breathing(61.0, 5.84, 0.72)
        writer.record_breathing(62.0, None, 0.0)
        writer.record_breathing(63.0, 6.02, 0.8)
        writer.finish()
    out = tmp_path / "breathing.csv"
    env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(store_dir)}
    done = subprocess.run([sys.executable, "-m", "biofeedback", "export", "last", "--format", "breathing",
                           "--out", str(out)], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(float(r["time_s"]), r["rate_brpm"], float(r["quality"])) for r in rows] == [
        (61.0, "5.840", 0.72), (62.0, "", 0.0), (63.0, "6.020", 0.8)]
