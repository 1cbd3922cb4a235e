"""`biofeedback reminders`: turned on with times in the settings file (every other setting kept), the next one
and the forgiving streak over the 4-week store; a bad time or snooze said, nothing changed.

Turning them on runs as a user runs it, a subprocess; the later calls are in-process (tests/cli_inprocess.py),
which gives the same exit status, text and settings file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from cli_inprocess import Completed, run_cli
from progress_store import PLAN_SETTINGS, build


def cli_process(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "biofeedback", "reminders", *args], capture_output=True,
                          text=True, timeout=60, env=env)


def cli(*args: str, env: dict) -> Completed:
    return run_cli("reminders", *args, env=env)


def test_reminders_on_with_times_then_refusals_change_nothing(tmp_path):
    build(tmp_path / "data")
    (tmp_path / "config").mkdir()
    path = tmp_path / "config" / "settings.json"
    path.write_text(json.dumps({**PLAN_SETTINGS, "theme": "light"}), encoding="utf-8")
    env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path / "data"), "BIOFEEDBACK_CONFIG_DIR": str(tmp_path / "config")}
    # Thursday of the plan's second week: Mon and Wed practised (Tue forgiven), the weekend before ended the run
    on = cli_process("on", "--times", "18:00, 8:30", "--snooze", "15", "--now", "2026-11-12T09:00", env=env)
    assert on.returncode == 0, on.stderr
    assert on.stdout == ("Reminders on at 08:30, 18:00 (snooze 15 min); next today 18:00, while the app is open.\n"
                         "Streak: 2 days of practice (a missed day forgiven); today is still open.\n")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["reminders_enabled"], saved["reminder_times"], saved["reminder_snooze_minutes"]) == \
        (True, "08:30, 18:00", 15)
    assert saved["theme"] == "light" and saved["plan_kind"] == "custom"
    before = path.read_bytes()
    bad = cli("off", "--times", "8h30", env=env)
    assert bad.returncode == 2 and "'8h30' is not a time of day" in bad.stderr and "Nothing was changed" in bad.stderr
    assert path.read_bytes() == before
    off = cli("off", "--now", "2026-11-13T20:00", env=env)
    assert off.stdout.startswith("Reminders off (times set: 08:30, 18:00).")
    assert "3 days of practice (a missed day forgiven 2 times)." in off.stdout  # Fri 13 practised
