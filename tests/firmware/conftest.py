"""Build both sketches and the simulated board once per test run (into a temp dir).

Under pytest-xdist the workers share one build (the run's temp root, under a file lock):
the firmware modules run on different workers, and each built it (3.7 CPU-s) before.
If the Debian packages are missing the tests fail (never skip) and say what to install;
`.ci/run` installs them.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

FIRMWARE_DIR = Path(__file__).resolve().parents[2] / "firmware_notes"
SKETCHES = ("pulsesensor_bf1", "max30102_bf1")
APT_PACKAGES = ("gcc-avr avr-libc arduino-core-avr arduino-builder arduino-ctags simavr "
                "libsimavr-dev libelf-dev pkg-config")
TOOLS = ("arduino-builder", "arduino-ctags", "avr-gcc", "avr-size", "pkg-config", "cc", "make")


@dataclass
class Sketch:
    elf: Path
    flash_bytes: int
    ram_bytes: int
    build_log: str


@dataclass
class Firmware:
    simboard: Path
    sketches: dict[str, Sketch]


def _make(directory: Path, build: Path) -> str:
    result = subprocess.run(["make", "-C", str(directory), f"BUILD={build}"],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"`make` in {directory.name} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout + result.stderr


@pytest.fixture(scope="session")
def firmware(tmp_path_factory) -> Firmware:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if not missing and subprocess.run(["pkg-config", "--exists", "simavr"]).returncode != 0:
        missing.append("libsimavr (pkg-config simavr)")
    if missing:
        pytest.fail(f"The firmware tests need {', '.join(missing)}: "
                    f"apt-get install -y {APT_PACKAGES} (`.ci/run` does this as root).")
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return _build(tmp_path_factory.mktemp("firmware"))
    shared = tmp_path_factory.getbasetemp().parent  # this run's, common to its workers
    with open(shared / "firmware.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the first worker builds, the others wait and take it
        built = shared / "firmware" / "built.json"
        if built.exists():
            done = json.loads(built.read_text())
            return Firmware(Path(done["simboard"]), {name: Sketch(**{**sketch, "elf": Path(sketch["elf"])})
                                                     for name, sketch in done["sketches"].items()})
        firmware = _build(shared / "firmware")
        built.write_text(json.dumps({"simboard": str(firmware.simboard), "sketches": {
            name: {**asdict(sketch), "elf": str(sketch.elf)} for name, sketch in firmware.sketches.items()}}))
        return firmware


def _build(build: Path) -> Firmware:
    _make(FIRMWARE_DIR / "simboard", build / "simboard")
    sketches = {}
    for name in SKETCHES:
        log = _make(FIRMWARE_DIR / name, build / name)
        flash = re.search(r"Sketch uses (\d+) bytes", log)
        ram = re.search(r"Global variables use (\d+) bytes", log)
        assert flash and ram, log
        sketches[name] = Sketch(build / name / f"{name}.ino.elf", int(flash[1]), int(ram[1]), log)
    return Firmware(build / "simboard" / "simboard", sketches)
