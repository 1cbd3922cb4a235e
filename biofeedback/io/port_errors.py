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


# The sentences, named so the window can write them in its language (ui/notice_words.py).
NO_PERMISSION = "No permission to open {port}. Close other programs using it, or check the port's permissions."
NO_PERMISSION_YET = ("No permission to open {port} yet: you are in the '{group}' group, but this login started "
                     "before you were added. Log out and back in (or restart), then try again.")
NOT_IN_GROUP = ("No permission to open {port}: it belongs to the '{group}' group and you are not in it. Add "
                "yourself once with\n  sudo usermod -aG {group} $USER\nthen log out and back in (the group "
                "counts from a new login). Or let the logged-in user open sensor ports without it: "
                "`biofeedback install-udev` prints the one command.")
BUSY_MODEMMANAGER = ("{port} is in use by another program: ModemManager (pid {pid}) is probing it as if it were a "
                     "modem, which it does for about 10 s after a board is plugged in. Wait and try again; to stop "
                     "it for good, install our udev rules (`biofeedback install-udev` prints the command) or, with "
                     "no modem on this computer, `sudo systemctl disable --now ModemManager`.")
BUSY_HELD_BY = "{port} is in use by another program: {names}. Close it (e.g. the Arduino serial monitor) and retry."
BUSY_LINUX = ("{port} is in use by another program. Close it (e.g. the Arduino serial monitor, another biofeedback "
              "window) and retry. If you just plugged the sensor in, ModemManager may be probing it for about 10 s: "
              "wait and retry, or install our udev rules so it leaves sensors alone (`biofeedback install-udev`).")
BUSY = ("{port} is in use by another program. Close it (e.g. the Arduino serial monitor, another biofeedback "
        "window) and retry.")
NO_SUCH_PORT = "There is no serial port called {port}. Check the name with `biofeedback ports`."
NOTHING_LISTENING = "Nothing is listening at {port}."
CANNOT_OPEN = "Cannot open {port}: {error}"


def _no_permission(port: str) -> str:
    if not sys.platform.startswith("linux"):
        return NO_PERMISSION.format(port=port)
    group = port_group(port)
    if in_group_but_not_this_login(group):
        return NO_PERMISSION_YET.format(port=port, group=group)
    return NOT_IN_GROUP.format(port=port, group=group)


def _busy(port: str) -> str:
    holders = processes_holding(port)
    if any(name == "ModemManager" for _, name in holders):
        pid = next(pid for pid, name in holders if name == "ModemManager")
        return BUSY_MODEMMANAGER.format(port=port, pid=pid)
    if holders:
        names = ", ".join(f"{name} (pid {pid})" for pid, name in holders)
        return BUSY_HELD_BY.format(port=port, names=names)
    return (BUSY_LINUX if sys.platform.startswith("linux") else BUSY).format(port=port)


def explain_open_error(port: str, error: Exception) -> str:
    """What went wrong opening ``port`` and what to do, in words; by the OS error number where
    there is one, else by pyserial's text."""
    text = str(error)
    number = _errno_of(error)
    windows_denied = sys.platform == "win32" and ("Access is denied" in text or "PermissionError" in text)
    if number == errno.ENOENT or "No such file" in text or "FileNotFound" in text or "could not open port" in text and "2]" in text:
        return NO_SUCH_PORT.format(port=port)
    if windows_denied or number in (errno.EBUSY, errno.EAGAIN, errno.EWOULDBLOCK) \
            or "busy" in text.lower() or "lock" in text.lower():
        return _busy(port)  # Windows says "access denied" for a COM port another program has open
    if number in (errno.EACCES, errno.EPERM) or "Permission denied" in text:
        return _no_permission(port)
    if number == errno.ECONNREFUSED or "Connection refused" in text:
        return NOTHING_LISTENING.format(port=port)
    return CANNOT_OPEN.format(port=port, error=text)
