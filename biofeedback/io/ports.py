"""List serial ports with a hint of the device likely behind each one."""

from __future__ import annotations

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
