"""The in-process runner (tests/cli_inprocess.py) gives what a subprocess gives and leaves nothing behind
(its warning lines: tests/io/test_xdf_damage.py)."""

from __future__ import annotations

import json
import os
import signal
import warnings

from cli_inprocess import run_cli


def test_a_call_has_its_own_environment_and_folder_and_puts_them_back(tmp_path):
    env_before, cwd_before = dict(os.environ), os.getcwd()
    handler_before, hook_before = signal.getsignal(signal.SIGTERM), warnings.showwarning
    (tmp_path / "rr.txt").write_text("800\n810\n790\n805\n")
    done = run_cli("analyze", "rr.txt", "--json", cwd=tmp_path, env={"PATH": os.environ.get("PATH", "")})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["n_beats"] == 4  # the relative path was read from the call's folder
    assert dict(os.environ) == env_before and os.getcwd() == cwd_before
    assert signal.getsignal(signal.SIGTERM) is handler_before
    assert warnings.showwarning is hook_before  # main() hooks InputWarning's one-line format


def test_argparse_refusals_and_help_are_exit_statuses_with_their_text():
    refused = run_cli("analyze")
    assert refused.returncode == 2 and refused.stdout == ""
    assert "usage: biofeedback analyze" in refused.stderr and "required" in refused.stderr
    shown = run_cli("--help")
    assert shown.returncode == 0 and shown.stdout.startswith("usage: biofeedback")



def test_the_signal_handler_a_command_sets_is_put_back(tmp_path):
    """`replay` stops on SIGTERM through its own handler: left in place, this process would ignore SIGTERM."""
    handler_before = signal.getsignal(signal.SIGTERM)
    path = tmp_path / "rr.txt"
    path.write_text("\n".join(["800", "820"] * 10) + "\n")
    done = run_cli("replay", str(path), "--speed", "50")
    assert done.returncode == 0, done.stderr
    assert "RMSSD" in done.stdout
    assert signal.getsignal(signal.SIGTERM) is handler_before


def test_main_puts_the_callers_warning_hook_back(tmp_path, capsys):
    """``main`` shows InputWarning as one line while a command runs, and no longer after it returns."""
    from biofeedback.__main__ import main

    (tmp_path / "rr.txt").write_text("800\n810\n790\n805\n")
    hook_before = warnings.showwarning
    assert main(["analyze", str(tmp_path / "rr.txt"), "--json"]) == 0
    assert warnings.showwarning is hook_before
    assert json.loads(capsys.readouterr().out)["n_beats"] == 4
