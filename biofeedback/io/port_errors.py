"""Why a serial port did not open, and what to do, in words.

On Linux the two usual causes are named with their fix: no permission (the port's group,
``dialout`` on most distributions: the exact ``usermod`` command and that it counts from a new
login) and a busy port (the process holding it where /proc shows it, ModemManager by name, which
probes a newly plugged board for about 10 s).
"""

from __future__ import annotations

import errno
import sys

from biofeedback.io.ports import in_group_but_not_this_login, port_group, processes_holding


class PortError(Exception):
    """The port cannot be used; the message says why in plain words."""


def _errno_of(error: BaseException) -> int | None:
    """The OS error number behind a pyserial error (it keeps it, or chains the OSError)."""
    seen: BaseException | None = error
    while seen is not None:
        number = getattr(seen, "errno", None)
        if isinstance(number, int):
            return number
        seen = seen.__cause__ or seen.__context__
    return None


def _no_permission(port: str) -> str:
    if not sys.platform.startswith("linux"):
        return f"No permission to open {port}. Close other programs using it, or check the port's permissions."
    group = port_group(port)
    if in_group_but_not_this_login(group):
        return (f"No permission to open {port} yet: you are in the '{group}' group, but this login started "
                "before you were added. Log out and back in (or restart), then try again.")
    return (f"No permission to open {port}: it belongs to the '{group}' group and you are not in it. Add "
            f"yourself once with\n  sudo usermod -aG {group} $USER\nthen log out and back in (the group "
            "counts from a new login). Or let the logged-in user open sensor ports without it: "
            "`biofeedback install-udev` prints the one command.")


def _busy(port: str) -> str:
    head = f"{port} is in use by another program"
    holders = processes_holding(port)
    if any(name == "ModemManager" for _, name in holders):
        pid = next(pid for pid, name in holders if name == "ModemManager")
        return (f"{head}: ModemManager (pid {pid}) is probing it as if it were a modem, which it does for "
                "about 10 s after a board is plugged in. Wait and try again; to stop it for good, install "
                "our udev rules (`biofeedback install-udev` prints the command) or, with no modem on this "
                "computer, `sudo systemctl disable --now ModemManager`.")
    if holders:
        names = ", ".join(f"{name} (pid {pid})" for pid, name in holders)
        return f"{head}: {names}. Close it (e.g. the Arduino serial monitor) and retry."
    if sys.platform.startswith("linux"):
        return (f"{head}. Close it (e.g. the Arduino serial monitor, another biofeedback window) and retry. "
                "If you just plugged the sensor in, ModemManager may be probing it for about 10 s: wait and "
                "retry, or install our udev rules so it leaves sensors alone (`biofeedback install-udev`).")
    return f"{head}. Close it (e.g. the Arduino serial monitor, another biofeedback window) and retry."


def explain_open_error(port: str, error: Exception) -> str:
    """What went wrong opening ``port`` and what to do, in words; by the OS error number where
    there is one, else by pyserial's text."""
    text = str(error)
    number = _errno_of(error)
    windows_denied = sys.platform == "win32" and ("Access is denied" in text or "PermissionError" in text)
    if number == errno.ENOENT or "No such file" in text or "FileNotFound" in text or "could not open port" in text and "2]" in text:
        return f"There is no serial port called {port}. Check the name with `biofeedback ports`."
    if windows_denied or number in (errno.EBUSY, errno.EAGAIN, errno.EWOULDBLOCK) \
            or "busy" in text.lower() or "lock" in text.lower():
        return _busy(port)  # Windows says "access denied" for a COM port another program has open
    if number in (errno.EACCES, errno.EPERM) or "Permission denied" in text:
        return _no_permission(port)
    if number == errno.ECONNREFUSED or "Connection refused" in text:
        return f"Nothing is listening at {port}."
    return f"Cannot open {port}: {text}"
