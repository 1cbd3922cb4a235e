"""The simulated board itself: held in reset until the port opens, deterministic, fast; and the
BF1 checker the other tests rely on rejects what it should."""

from __future__ import annotations

import os
import re
import subprocess
import time

import pytest
import serial
from bf1_check import check_stream
from conftest import FIRMWARE_DIR
from waveform import make_wave


def test_board_waits_in_reset_until_the_port_is_opened(firmware, tmp_path):
    wave = make_wave(tmp_path / "wave.txt", 5.0, 65.0)
    sim = subprocess.Popen([str(firmware.simboard), str(firmware.sketches["pulsesensor_bf1"].elf),
                            str(wave.path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = next(line.split()[1] for line in sim.stdout if line.startswith("PORT "))
        time.sleep(1.0)  # a board that ran now would send 1 s of lines nobody reads
        with serial.Serial(port, 115200, timeout=2) as ser:
            first = ser.read(200)
    finally:
        sim.communicate(timeout=30)
    assert first.startswith(b"\r\n#BF1 device=pulsesensor-uno "), first  # from the very first byte
    assert b"\r\nP,0," in first


def test_runs_are_identical_and_faster_than_real_time(firmware, tmp_path):
    wave = make_wave(tmp_path / "wave.txt", 10.0, 65.0)
    outs, speeds = [], []
    for i in range(2):
        out = tmp_path / f"out{i}.txt"
        result = subprocess.run([str(firmware.simboard), str(firmware.sketches["max30102_bf1"].elf),
                                 str(wave.path), "--out", str(out)], capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, result.stderr
        outs.append(out.read_bytes())
        speeds.append(float(re.search(r"wall \(([0-9.]+)x real time\)", result.stderr)[1]))
    print(f"\nsimboard max30102_bf1: {speeds[0]:.1f}x and {speeds[1]:.1f}x real time")
    assert outs[0] == outs[1]
    assert len(check_stream(outs[0]).samples) == 999  # 10 s at 100 Hz after the sensor starts
    assert min(speeds) > 1.0


def test_missing_packages_fail_the_build_with_what_to_install(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}  # no arduino-builder, no avr-gcc
    result = subprocess.run(["/usr/bin/make", "-C", str(FIRMWARE_DIR / "pulsesensor_bf1"), f"BUILD={tmp_path}/b"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode != 0
    assert "apt-get install" in result.stderr


def line(body: str) -> bytes:
    x = 0
    for b in body.encode():
        x ^= b
    return f"{body}*{x:02X}\r\n".encode()


GOOD = line("#BF1 device=t fs_hz=250 adc_max=1023") + line("C,0,1") + line("P,0,5") + line("P,4,6")


@pytest.mark.parametrize("bad, why", [
    (GOOD + b"P,8,7*00\r\n", "checksum"),  # the right one is 5F
    (GOOD + line("P,8,1024"), "adc_max"),
    (GOOD + line("P,2,7"), "backwards"),
    (GOOD + line("I,4,0"), "invented"),
    (GOOD + line("C,8,2"), "0 or 1"),
    (GOOD + line("P,+8,7"), "grammar"),
    (line("C,0,1") + GOOD, "before the first header"),
])
def test_the_bf1_checker_rejects_bad_streams(bad, why):
    with pytest.raises(AssertionError, match=why):
        check_stream(bad)
    assert check_stream(GOOD).samples == [(0, 5), (4, 6)]


def test_max30102_sketch_says_when_the_sensor_is_missing_and_starts_when_it_answers(firmware, tmp_path):
    wave = make_wave(tmp_path / "wave.txt", 6.0, 65.0)
    out = tmp_path / "out.txt"
    result = subprocess.run([str(firmware.simboard), str(firmware.sketches["max30102_bf1"].elf),
                             str(wave.path), "--out", str(out), "--i2c-off", "0:2.5"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("ascii")
    before, _, after = text.partition("#BF1 ")
    errors = [e for e in before.splitlines() if e]  # after the empty boot line
    assert len(errors) == 3  # once a second while nothing answers at 0x57
    assert all(e.startswith("#error MAX30102 not found at I2C 0x57") for e in errors)
    stream = check_stream(("#BF1 " + after).encode("ascii"))
    assert stream.samples[0][0] == 0 and len(stream.samples) > 250  # from 3 s to 6 s at 100 Hz
