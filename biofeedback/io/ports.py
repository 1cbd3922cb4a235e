"""List serial ports with a hint of the device likely behind each one."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from serial.tools import list_ports

# (vid, pid) or vid alone -> what is probably connected. VID:PID only says "maybe":
# many gadgets share these USB-UART bridges (docs/reference/sensor-protocols.md §2.1).
DEVICE_HINTS: dict[tuple[int, int | None], str] = {
    (0x10C4, 0xEA60): "CP210x bridge: maybe a CMS50D+/CMS50E pulse oximeter (protocol cms50d)",
    (0x2341, None): "Arduino: a PulseSensor/MAX30102 sketch (native or PulseSensor protocol)",
    (0x2A03, None): "Arduino: a PulseSensor/MAX30102 sketch (native or PulseSensor protocol)",
    (0x1A86, 0x7523): "CH340 bridge: probably an Arduino clone running a sensor sketch",
    (0x1A86, 0x55D4): "CH9102 bridge: probably an ESP32/Arduino clone running a sensor sketch",
    (0x0403, 0x6001): "FTDI bridge: maybe an Arduino or another serial sensor",
    (0x067B, 0x2303): "PL2303 bridge: maybe a pulse oximeter cable or a USB-serial adapter",
    (0x067B, 0x23A3): "PL2303 bridge: maybe a pulse oximeter cable or a USB-serial adapter",
    (0x239A, None): "Adafruit board: maybe a sensor sketch (native protocol)",
    (0x303A, None): "Espressif ESP32: maybe a sensor sketch (native protocol)",
}


@dataclass(frozen=True)
class PortInfo:
    device: str
    description: str
    vid_pid: str  # "10C4:EA60" or "" when not USB
    hint: str


def device_hint(vid: int | None, pid: int | None) -> str:
    if vid is None:
        return ""
    return DEVICE_HINTS.get((vid, pid)) or DEVICE_HINTS.get((vid, None)) or "unknown USB serial device"


def list_serial_ports() -> list[PortInfo]:
    """Serial ports sorted by name, each with a device hint."""
    ports = []
    for info in sorted(list_ports.comports(), key=lambda p: p.device):
        vid_pid = f"{info.vid:04X}:{info.pid:04X}" if info.vid is not None and info.pid is not None else ""
        description = info.description if info.description and info.description != "n/a" else ""
        ports.append(PortInfo(info.device, description, vid_pid, device_hint(info.vid, info.pid)))
    return ports


# When no port appears on Windows or macOS, a plugged-in sensor's USB-serial bridge may have no
# driver (the port exists only once it has one); Linux has them all built in.
MISSING_DRIVER_HINTS = {
    "win32": ("If the sensor is plugged in and no port appears, its USB-serial bridge may need a driver: "
              "CH340/CH341 (WCH's CH341SER), CP210x (Silicon Labs' CP210x VCP driver) or PL2303 "
              "(Prolific's PL2303 driver); FTDI and Arduino boards get theirs from Windows Update or the "
              "Arduino IDE. Device Manager shows such a sensor under 'Other devices' with a warning sign."),
    "darwin": ("If the sensor is plugged in and no port appears, its USB-serial bridge may need a driver: "
               "a PL2303 needs Prolific's PL2303 driver; on macOS before 11 a CH340/CH341 needs WCH's "
               "CH34x driver and a CP210x Silicon Labs' VCP driver. System Information > USB lists the "
               "sensor even without one."),
}


def missing_driver_hint(platform: str = sys.platform) -> str:
    """What to try when no serial port is listed: the bridge drivers this OS may lack, or ""."""
    return MISSING_DRIVER_HINTS.get(platform, "")


DIALOUT = "dialout"  # the group that owns serial ports on Debian, Ubuntu, Fedora (Arch: uucp)


def port_group(path: str) -> str:
    """The group that owns a serial device (``dialout``, ``uucp``), or ``dialout`` when unknown."""
    try:
        import grp

        return grp.getgrgid(os.stat(path).st_gid).gr_name
    except (ImportError, OSError, KeyError):
        return DIALOUT


def in_group_but_not_this_login(group: str) -> bool:
    """True when the user is listed in ``group`` but this process does not have it yet: they were
    added since they logged in, and a new login is what is missing."""
    try:
        import grp
        import pwd

        entry = grp.getgrnam(group)
        user = pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return False
    return user in entry.gr_mem and entry.gr_gid not in os.getgroups()


def processes_holding(path: str) -> list[tuple[int, str]]:
    """(pid, name) of the processes with ``path`` open, where /proc lets us see them (Linux; another
    user's processes stay hidden to a normal user). Empty elsewhere."""
    if not sys.platform.startswith("linux"):
        return []
    try:
        target = os.path.realpath(path)
        pids = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return []
    holders = []
    for pid in pids:
        if pid == os.getpid():
            continue
        fd_dir = f"/proc/{pid}/fd"
        try:
            if not any(os.readlink(f"{fd_dir}/{fd}") == target for fd in os.listdir(fd_dir)):
                continue
            with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as comm:
                holders.append((pid, comm.read().strip()))
        except OSError:  # gone, or not ours to look at
            continue
    return holders
