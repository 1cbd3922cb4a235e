"""``biofeedback ports --ble`` and ``record --ble`` as a user runs them.

With a virtual strap (``cli_air``, named by the BIOFEEDBACK_BLE_BACKEND
variable), and on this machine as it is: no Bluetooth stack at all. The listing
runs as a subprocess, as a user types it; the recordings and the missing stack
call the command in the test's process (tests/cli_inprocess.py: the same exit
status, text and files, the same environment variables), which spares a SciPy
import (some 1.5 CPU-s) per call and nothing under test.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_air import h10_plan, strap_plan
from cli_inprocess import Completed
from cli_inprocess import run_cli as run_here

from biofeedback.core.types import DeviceBeat, SignalBlock
from biofeedback.io.files import load_recording

pytestmark = pytest.mark.slow(about_s=5)  # a 1 s listing scan (a subprocess) or 2-3 s of recording

HERE = Path(__file__).parent
NO_SYSTEM_BUS = not Path("/run/dbus/system_bus_socket").exists() and sys.platform.startswith("linux")


def run_cli(*args: str, virtual: bool = True, timeout_s: float = 60, strap: str = "",
            truth: Path | None = None, here: bool = True) -> subprocess.CompletedProcess | Completed:
    """``biofeedback ARGS`` in this process (``here``) or as a subprocess, with the strap's variables set."""
    env = dict(os.environ)
    env.pop("BIOFEEDBACK_BLE_BACKEND", None)
    env["BIOFEEDBACK_TEST_STRAP"] = strap
    env["BIOFEEDBACK_TEST_TRUTH"] = str(truth or "")
    if virtual:
        env["BIOFEEDBACK_BLE_BACKEND"] = "cli_air:backend"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH", "")]))
    if here:
        return run_here(*args, env=env)
    return subprocess.run([sys.executable, "-m", "biofeedback", *args], capture_output=True, text=True,
                          env=env, timeout=timeout_s)


def test_ports_ble_lists_the_strap_with_its_signal_and_address():
    result = run_cli("ports", "--ble", "--timeout", "20", here=False)
    assert result.returncode == 0, result.stderr
    address, rssi, _, name = result.stdout.split(maxsplit=3)
    assert (address, name.strip()) == ("C0:11:22:33:44:55", "Polar H10 0A1B2C3D") and int(rssi) < 0
    assert "record --ble" in result.stderr


def test_record_ble_writes_the_strap_intervals(tmp_path, air):
    out, truth_csv = tmp_path / "beats.csv", tmp_path / "truth.csv"
    result = run_cli("record", "--ble", "C0:11:22:33:44:55", "--duration", "2", "--out", str(out), "--no-store",
                     "--no-correct", truth=truth_csv)  # the address ports --ble gave (the H10 test: none)
    assert result.returncode == 0, result.stderr
    assert "[connected] Connected to Polar H10 0A1B2C3D (C0:11:22:33:44:55)." in result.stderr
    with open(out, encoding="utf-8") as f:
        rr = np.array([float(row["rr_ms"]) for row in csv.DictReader(f)])
    with open(truth_csv, encoding="utf-8") as f:  # the virtual strap's truth file
        truth = [(float(row["rr_ms"]), float(row["rr_sent_ms"])) for row in csv.DictReader(f)]
    true_ms, sent_ms = np.array(truth).T
    assert np.allclose(sent_ms, np.array(strap_plan().sent_rr_raw) * 1000 / 1024, atol=1e-6)
    assert len(rr) >= 3
    assert rr == pytest.approx(sent_ms[:len(rr)], abs=0.01)  # the strap's own, every one from the first
    assert np.max(np.abs(rr - true_ms[:len(rr)])) < 1.0  # within one 1/1024 s tick of the true intervals


def test_record_ble_raw_keeps_a_polar_h10s_ecg_and_accelerometer(tmp_path, air):
    raw = tmp_path / "h10.raw"
    result = run_cli("record", "--ble", "--duration", "3", "--out", str(tmp_path / "beats.csv"), "--no-store",
                     "--raw", str(raw), strap="h10")
    assert result.returncode == 0, result.stderr
    events = load_recording(raw).events
    plan = h10_plan()
    for kind, sent in (("ecg", plan.ecg_uv), ("acc", plan.acc_mg)):
        got = np.concatenate([e.value for e in events if isinstance(e, SignalBlock) and e.kind == kind])
        assert len(got) >= {"ecg": 2 * 73, "acc": 36}[kind]  # whole frames, as the strap sent them
        assert np.array_equal(got, sent[:len(got)])
    assert any(isinstance(e, DeviceBeat) for e in events)  # the R peaks found live, beside the samples


@pytest.mark.skipif(not NO_SYSTEM_BUS, reason="this machine has a D-Bus system bus (maybe BlueZ)")
def test_without_any_bluetooth_stack_a_sentence_says_what_to_do():
    result = run_cli("ports", "--ble", virtual=False)
    assert result.returncode == 2
    assert "No Bluetooth adapter is available" in result.stderr and "systemctl start bluetooth" in result.stderr
    assert "Traceback" not in result.stderr
