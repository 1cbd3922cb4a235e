"""The sketches build with Debian packages only, without warnings, and fit an Uno."""

from __future__ import annotations

import shutil
import subprocess

from conftest import FIRMWARE_DIR, SKETCHES

UNO_FLASH_BYTES = 32256  # 32 KiB minus the 512-byte Optiboot bootloader
UNO_RAM_BYTES = 2048
STACK_RESERVE_BYTES = 1024  # left for the stack and locals (the sketches' buffers live there)


def test_sketches_build_without_warnings_and_fit_an_uno(firmware):
    for name in SKETCHES:
        sketch = firmware.sketches[name]
        assert sketch.elf.stat().st_size > 0
        assert f"{name}.ino:" not in sketch.build_log  # no diagnostic about our own code
        assert sketch.flash_bytes < UNO_FLASH_BYTES
        assert sketch.ram_bytes < UNO_RAM_BYTES - STACK_RESERVE_BYTES
        print(f"{name}: {sketch.flash_bytes} B flash, {sketch.ram_bytes} B RAM")


def test_no_third_party_library(firmware):
    # arduino-builder compiles each library a sketch uses into <build>/libraries/<name>
    used = {name: {p.name for p in (firmware.sketches[name].elf.parent / "libraries").iterdir()}
            for name in SKETCHES}
    assert used == {"pulsesensor_bf1": set(), "max30102_bf1": {"Wire"}}  # Wire ships with the core


def test_a_warning_in_a_sketch_fails_the_build(tmp_path, firmware):
    # the guard in sketch.mk is what keeps the sketches warning-free: check that it bites
    shutil.copy(FIRMWARE_DIR / "sketch.mk", tmp_path / "sketch.mk")
    sketch = tmp_path / "warn_bf1"
    sketch.mkdir()
    (sketch / "Makefile").write_text("include ../sketch.mk\n")
    (sketch / "warn_bf1.ino").write_text("void setup() { int unused = 3; }\nvoid loop() {}\n")
    result = subprocess.run(["make", "-C", str(sketch), f"BUILD={tmp_path / 'build'}"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "unused variable" in result.stdout + result.stderr
    assert not (tmp_path / "build" / "warn_bf1.ino.elf").exists()
