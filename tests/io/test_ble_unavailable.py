"""Bluetooth itself unusable: each OS's errors (as bleak raises them) become a sentence saying what to do there.

The virtual air (tests/ble) runs on Linux only; these are the errors bleak's
BlueZ, CoreBluetooth and WinRT backends raise, given to the source's mapping.
"""

from __future__ import annotations

import pytest
from bleak.exc import BleakBluetoothNotAvailableError, BleakBluetoothNotAvailableReason, BleakError

from biofeedback.io.ble_source import unavailable

R = BleakBluetoothNotAvailableReason


def bleak_says(reason: BleakBluetoothNotAvailableReason) -> BleakBluetoothNotAvailableError:
    return BleakBluetoothNotAvailableError("as bleak words it", reason)


@pytest.mark.parametrize("platform, reason, words, retry", [
    ("linux", R.POWERED_OFF, "bluetoothctl power on", True),
    ("darwin", R.POWERED_OFF, "System Settings > Bluetooth", True),
    ("win32", R.POWERED_OFF, "Settings > Bluetooth & devices", True),
    ("linux", R.NO_BLUETOOTH, "sudo systemctl start bluetooth", False),
    ("linux", R.NO_BLE_CENTRAL_ROLE, "plug one in", False),
    ("darwin", R.NO_BLUETOOTH, "This Mac reports no Bluetooth hardware", False),
    ("win32", R.NO_BLUETOOTH, "adapter's driver in Device Manager", False),
    ("linux", R.DENIED_BY_SYSTEM, "'bluetooth' group", False),  # BlueZ: the D-Bus policy refused us
    ("darwin", R.DENIED_BY_USER, "Privacy & Security > Bluetooth", False),
    ("darwin", R.DENIED_BY_SYSTEM, "Privacy & Security > Bluetooth", False),
    ("darwin", R.DENIED_BY_UNKNOWN, "Privacy & Security > Bluetooth", False),
    ("win32", R.DENIED_BY_USER, "Settings > Privacy & security", False),
])
def test_bleaks_reasons_become_this_oss_sentence(platform, reason, words, retry):
    problem = unavailable(bleak_says(reason), platform)
    assert problem is not None and words in str(problem)
    assert problem.retry is retry  # only the radio being off is something we wait for


@pytest.mark.parametrize("error, words, retry", [
    (FileNotFoundError(2, "No such file or directory", "/run/dbus/system_bus_socket"), "No Bluetooth adapter", False),
    (BleakError("[org.freedesktop.DBus.Error.ServiceUnknown] The name org.bluez was not provided"),
     "systemctl start bluetooth", False),
    (BleakError("[org.bluez.Error.NotReady] Resource Not Ready"), "Bluetooth is off", True),
    (PermissionError(13, "Permission denied"), "Permission to use Bluetooth was denied", False),
])
def test_linux_without_bluez_or_permission_is_said_too(error, words, retry):
    problem = unavailable(error, "linux")
    assert problem is not None and words in str(problem) and problem.retry is retry


@pytest.mark.parametrize("error", [
    BleakError("Device with address C0:11:22:33:44:55 was not found."),
    # CoreBluetooth's 'resetting' (its Bluetooth service restarting) and 'state unknown': they pass
    BleakBluetoothNotAvailableError("Connection to the Bluetooth system service was lost. Currently trying to "
                                    "reconnect...", R.UNKNOWN),
    TimeoutError(),
    OSError("[org.bluez.Error.Failed] le-connection-abort-by-local"),
])
def test_a_problem_with_one_strap_or_a_passing_one_is_not_bluetooth_being_unavailable(error):
    assert unavailable(error, "linux") is None and unavailable(error, "darwin") is None  # retried with back-off
