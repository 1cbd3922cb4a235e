"""Launching without a display, and the port listing, as real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "biofeedback", *args], capture_output=True,
                          text=True, timeout=60, env=env)


def test_no_display_gives_a_message_naming_the_headless_commands_and_status_2():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_cli(env=env)
    assert result.returncode == 2
    for command in ("simulate", "record", "analyze"):
        assert command in result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr


def test_ports_lists_devices_or_says_there_are_none():
    result = run_cli("ports")
    assert result.returncode == 0
    assert result.stdout.strip()


def test_help_lists_every_subcommand():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("analyze", "simulate", "record", "ports", "gui"):
        assert command in result.stdout
