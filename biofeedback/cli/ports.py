"""``biofeedback ports``: serial ports with VID:PID and a device hint."""

from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("ports", help="list serial ports and the device likely behind each")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from biofeedback.io.ports import list_serial_ports

    ports = list_serial_ports()
    if not ports:
        print("No serial ports found. Plug in the sensor, or try `biofeedback simulate`.")
        return 0
    width = max(len(p.device) for p in ports)
    for p in ports:
        parts = [p.device.ljust(width), p.vid_pid or "-        ", p.description or "-"]
        if p.hint:
            parts.append(f"→ {p.hint}")
        print("  ".join(parts))
    return 0
