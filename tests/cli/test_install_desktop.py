"""``biofeedback install-desktop``: a valid freedesktop entry and hicolor icons under the user's
XDG data folder, an Exec line that starts this installation, and ``--remove`` taking away exactly
what it wrote. ``install-udev`` prints one command naming the rules file shipped in the package."""

from __future__ import annotations

import os
import shlex
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import biofeedback
from biofeedback.io.desktop_entry import quote_exec_arg
from biofeedback.resources import ICON_SIZES_PX, UDEV_RULES

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries and udev are Linux")


def cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "biofeedback", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def desktop_file_validate() -> str:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("desktop-file-validate is missing: .ci/run installs Debian's desktop-file-utils")
        pytest.skip("desktop-file-validate not installed (Debian: desktop-file-utils)")
    return tool


def exec_argv(entry: str) -> list[str]:
    """The Exec line as a launcher splits it (the value's backslash escape first, then shell-like
    quoting, which is what the spec's rules amount to for our arguments)."""
    line = next(x for x in entry.splitlines() if x.startswith("Exec="))[len("Exec="):]
    return shlex.split(line.replace("\\\\", "\\"))


@linux_only
def test_install_desktop_writes_a_valid_entry_and_hicolor_icons(tmp_path):
    validate = desktop_file_validate()
    run = cli("install-desktop", home=tmp_path)
    assert run.returncode == 0, run.stderr
    entry = tmp_path / "applications" / "biofeedback.desktop"
    check = subprocess.run([validate, str(entry)], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr
    text = entry.read_text(encoding="utf-8")
    assert "Icon=biofeedback\n" in text and "Terminal=false\n" in text
    for size_px in ICON_SIZES_PX:
        assert png_size(tmp_path / "icons" / "hicolor" / f"{size_px}x{size_px}" / "apps" / "biofeedback.png") == (size_px, size_px)
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "biofeedback.svg").read_text().startswith("<svg")
    # the menu's command starts this very installation
    version = subprocess.run([*exec_argv(text), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"biofeedback {biofeedback.__version__}"


@linux_only
def test_remove_takes_away_only_what_install_wrote(tmp_path):
    assert cli("install-desktop", home=tmp_path).returncode == 0
    other = tmp_path / "applications" / "someone-else.desktop"
    other.write_text("[Desktop Entry]\n")
    run = cli("install-desktop", "--remove", home=tmp_path)
    assert run.returncode == 0 and "Removed" in run.stdout
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == ["applications/someone-else.desktop"]
    again = cli("install-desktop", "--remove", home=tmp_path)
    assert again.returncode == 0 and "Nothing to remove" in again.stdout


def test_exec_arguments_with_spaces_and_specials_are_quoted_as_the_spec_says():
    assert quote_exec_arg("/usr/bin/biofeedback") == "/usr/bin/biofeedback"
    assert quote_exec_arg("/home/a b/venv/bin/python") == '"/home/a b/venv/bin/python"'
    assert quote_exec_arg('/x/$HOME"q') == '"/x/\\\\$HOME\\\\"q"'  # \$ and \" inside quotes, then \\ for the value
    assert quote_exec_arg("/opt/100%/bf") == "/opt/100%%/bf"


@linux_only
def test_install_udev_prints_one_command_with_the_packaged_rules(tmp_path):
    run = cli("install-udev", home=tmp_path)
    assert run.returncode == 0, run.stderr
    commands = [line.strip() for line in run.stdout.splitlines() if line.strip().startswith("sudo ")]
    assert commands == [f"sudo install -m 644 {shlex.quote(str(UDEV_RULES))} /etc/udev/rules.d/ && "
                        "sudo udevadm control --reload-rules && sudo udevadm trigger"]
    rules = cli("install-udev", "--print-rules", home=tmp_path).stdout
    for vid in ("10c4", "1a86", "067b", "0403", "2341"):  # CP210x, CH340, PL2303, FTDI, Arduino
        assert f'ATTRS{{idVendor}}=="{vid}"' in rules
    assert 'ENV{ID_MM_DEVICE_IGNORE}="1"' in rules and 'TAG+="uaccess"' in rules
