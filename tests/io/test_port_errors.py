"""A port that does not open says why and what to do: permission (the port's group, the exact
command, a new login) and busy (who holds it, ModemManager by name). The OS error is made real
where it can be (a flock held by another process, a pty with mode 000 for a normal user) and
injected at the OS call (``os.open``, under pyserial) where CI's root would get through."""

from __future__ import annotations

import errno
import os
import queue
import subprocess
import sys
import textwrap

import pytest
import serial.serialposix

from biofeedback.io.port_errors import explain_open_error
from biofeedback.io.ports import port_group
from biofeedback.io.serial_source import PortError, SerialSource, open_port
from biofeedback.io.source import FAILED

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="dialout, /proc and ModemManager are Linux")


def fail_open_of(monkeypatch, path: str, number: int) -> None:
    """``os.open`` of ``path`` fails with ``number`` as the kernel would say it; other paths open."""
    real_open = os.open

    def fake_open(name, flags, *args, **kwargs):
        if os.fspath(name) == path:
            raise OSError(number, os.strerror(number), name)
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(serial.serialposix.os, "open", fake_open)


@linux_only
def test_permission_denied_names_the_ports_group_the_command_and_a_new_login(monkeypatch, pty_path):
    fail_open_of(monkeypatch, pty_path, errno.EACCES)
    with pytest.raises(PortError) as caught:
        open_port(pty_path, 115200)
    message = str(caught.value)
    group = port_group(pty_path)  # a pty's group is tty; a USB bridge's is dialout (or uucp)
    assert f"belongs to the '{group}' group" in message
    assert f"sudo usermod -aG {group} $USER" in message
    assert "log out and back in" in message
    assert "biofeedback install-udev" in message


def test_permission_denied_on_an_unknown_device_falls_back_to_dialout():
    error = serial.SerialException(errno.EACCES, "could not open port /dev/ttyACM9: [Errno 13] Permission denied")
    message = explain_open_error("/dev/ttyACM9", error)
    if sys.platform.startswith("linux"):
        assert "sudo usermod -aG dialout $USER" in message
    else:
        assert "No permission to open /dev/ttyACM9" in message


@linux_only
def test_permission_denied_reaches_the_sources_state_in_words(monkeypatch, pty_path):
    fail_open_of(monkeypatch, pty_path, errno.EACCES)
    states: queue.Queue = queue.Queue()
    source = SerialSource(pty_path, protocol="native")
    source.start(lambda events: None, states.put)
    try:
        while (state := states.get(timeout=10)).state != FAILED:
            pass
    finally:
        source.stop()
    assert "sudo usermod -aG" in state.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root opens a mode-000 pty anyway")
def test_a_pty_that_denies_access_gives_the_permission_message(pty_path):
    os.chmod(pty_path, 0)
    with pytest.raises(PortError, match="usermod -aG"):
        open_port(pty_path, 115200)


@linux_only
def test_busy_port_held_by_modemmanager_names_it_with_its_pid_and_the_fix(pty_path):
    # a process called ModemManager (its /proc comm, as the real daemon's) holds the port's lock
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import ctypes, fcntl, os, sys
        ctypes.CDLL(None).prctl(15, b"ModemManager", 0, 0, 0)  # PR_SET_NAME
        fd = os.open({pty_path!r}, os.O_RDWR | os.O_NOCTTY)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        print("holding", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(PortError) as caught:
            open_port(pty_path, 115200)
    finally:
        holder.communicate("", timeout=10)
    message = str(caught.value)
    assert f"ModemManager (pid {holder.pid})" in message
    assert "about 10 s" in message
    assert "sudo systemctl disable --now ModemManager" in message
    assert "biofeedback install-udev" in message


@linux_only
def test_busy_port_with_no_visible_holder_still_mentions_modemmanager(monkeypatch, pty_path):
    fail_open_of(monkeypatch, pty_path, errno.EBUSY)
    with pytest.raises(PortError) as caught:
        open_port(pty_path, 115200)
    message = str(caught.value)
    assert "in use by another program" in message
    assert "ModemManager may be probing it" in message


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_no_ports_on_windows_and_macos_names_the_bridge_drivers(platform):
    from biofeedback.io.ports import missing_driver_hint

    hint = missing_driver_hint(platform)
    for bridge in ("CH340", "CP210x", "PL2303"):
        assert bridge in hint
    assert missing_driver_hint("linux") == ""  # Linux has the drivers built in
