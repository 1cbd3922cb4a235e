"""``biofeedback ports``: serial ports with VID:PID and a device hint; ``--ble``: Bluetooth straps."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("ports", help="list serial ports (or, with --ble, Bluetooth heart-rate straps)")
    p.add_argument("--ble", action="store_true",
                   help="scan for Bluetooth heart-rate straps: name, signal strength, address")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S",
                   help="with --ble: give up after S seconds with no strap (default 10)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.ble:
        return _straps(args.timeout)
    from biofeedback.io.ports import list_serial_ports, missing_driver_hint

    ports = list_serial_ports()
    if not ports:
        print("No serial ports found. Plug in the sensor, or try `biofeedback simulate`.")
        if hint := missing_driver_hint():
            print(hint)
        return 0
    width = max(len(p.device) for p in ports)
    for p in ports:
        parts = [p.device.ljust(width), p.vid_pid or "-        ", p.description or "-"]
        if p.hint:
            parts.append(f"→ {p.hint}")
        print("  ".join(parts))
    return 0


def _straps(timeout_s: float) -> int:
    from biofeedback.io.ble_source import backend_from_env, describe, list_straps

    try:
        straps = list_straps(timeout_s, backend_from_env())
    except Exception as error:  # no Bluetooth (a sentence saying what to do), or bleak's own errors
        print(f"biofeedback ports: {describe(error)}", file=sys.stderr)
        return 2
    if not straps:
        print(f"No Bluetooth heart-rate strap found in {timeout_s:g} s. Put the strap on (wet electrodes "
              "wake it up), or take it off and on again if a phone holds it, then try again.")
        return 0
    for s in straps:
        rssi = f"{s.rssi_dbm:4d} dBm" if s.rssi_dbm is not None else "   - dBm"
        print(f"{s.address}  {rssi}  {s.name}")
    print("Use one with: biofeedback record --ble ADDRESS", file=sys.stderr)
    return 0
