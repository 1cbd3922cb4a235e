"""Notices and errors that app/ and io/ write in English (the CLI prints the same sentences), written
again in the window's language where the window shows them.

Each template below is the English sentence with its variable parts named; a notice that matches one
whole is written from its translation, the parts (an OS error, a file name) kept as they came, and a
part that is itself one of these sentences translated too (the settings notice says where the file
went). Anything else is shown as it came. tests/ui/test_translations_notices.py keeps every template
equal to the sentence its producer writes.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP

from biofeedback.ui.i18n import translate

TEMPLATES = (
    # app/live_session.py, app/session_library.py
    QT_TRANSLATE_NOOP("Notices", "Session not fully saved: {error}"),
    QT_TRANSLATE_NOOP("Notices", "The session could not start: {error}"),
    QT_TRANSLATE_NOOP("Notices", "Sessions are not being saved: {error}"),
    QT_TRANSLATE_NOOP("Notices", "The export to {path} failed: {error}"),
    # io/store: why sessions are not saved, or what happened when the store opened
    QT_TRANSLATE_NOOP("Notices", "This session is not being saved: {error}"),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} is busy: another program has kept it locked; nothing was "
                                 "lost, try again in a moment."),
    QT_TRANSLATE_NOOP("Notices", "The disk holding the session store {path} is full; free some space and try again."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} is read-only, so nothing can be saved to it."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} is damaged ({error})."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} could not be read or written (a disk error)."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} cannot be opened; check that its folder exists and is "
                                 "readable."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} is damaged, but another program is using it, so it was "
                                 "left in place; close the other biofeedback windows and recorders, then try again."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} is not a biofeedback store, but another program is using "
                                 "it, so it was left in place; close the other biofeedback windows and recorders, "
                                 "then try again."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} was damaged; it was kept as {name} and a fresh store was "
                                 "started."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} was not a biofeedback store; it was kept as {name} and a "
                                 "fresh store was started."),
    QT_TRANSLATE_NOOP("Notices", "The session store folder {folder} cannot be created ({error}); set "
                                 "BIOFEEDBACK_DATA_DIR to a writable folder."),
    QT_TRANSLATE_NOOP("Notices", "The session store folder {folder} is read-only and holds no sessions yet; set "
                                 "BIOFEEDBACK_DATA_DIR to a writable folder to save sessions."),
    QT_TRANSLATE_NOOP("Notices", "The session store folder {folder} is read-only: your history can be read, but new "
                                 "sessions cannot be saved there."),
    QT_TRANSLATE_NOOP("Notices", "Cannot save to the session store {path}: its folder is read-only; set "
                                 "BIOFEEDBACK_DATA_DIR to a writable folder."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} was written by a newer version of biofeedback (schema "
                                 "{version}; this version reads up to {supported}). Nothing was changed: update "
                                 "biofeedback, or set BIOFEEDBACK_DATA_DIR to use another folder."),
    QT_TRANSLATE_NOOP("Notices", "The session store {path} failed: {error}."),  # after the others: it is the catch-all
    # io/store/writer.py: the writer's status while a session records ("not saving: disk full")
    QT_TRANSLATE_NOOP("Notices", "not saving: {reason}"),
    QT_TRANSLATE_NOOP("Notices", "the store is locked by another program"),
    QT_TRANSLATE_NOOP("Notices", "disk full"),
    QT_TRANSLATE_NOOP("Notices", "the store is read-only"),
    QT_TRANSLATE_NOOP("Notices", "the store is damaged"),
    QT_TRANSLATE_NOOP("Notices", "disk error"),
    QT_TRANSLATE_NOOP("Notices", "the store cannot be opened"),
    # app/settings.py
    QT_TRANSLATE_NOOP("Notices", "Some settings could not be used and are back to their defaults: {problems}. "
                                 "The others are kept. {kept}"),
    QT_TRANSLATE_NOOP("Notices", "The file as it was is kept as {name}."),
    QT_TRANSLATE_NOOP("Notices", "The file could not be kept aside ({error}); it is written over when the app closes."),
    QT_TRANSLATE_NOOP("Notices", "Your settings file could not be read ({error}). Default settings are in use. {where}"),
    QT_TRANSLATE_NOOP("Notices", "The unreadable file was kept as {name}."),
    QT_TRANSLATE_NOOP("Notices", "The unreadable file could not be moved aside ({error})."),
    # app/settings.py: why a value in the settings file was not used (the settings notice's {problems})
    QT_TRANSLATE_NOOP("Notices", "{name} {value} (true or false expected)"),
    QT_TRANSLATE_NOOP("Notices", "{name} {value} (a number expected)"),
    QT_TRANSLATE_NOOP("Notices", "{name} {value} (text expected)"),
    QT_TRANSLATE_NOOP("Notices", "{name} {value} (allowed a finite number)"),
    QT_TRANSLATE_NOOP("Notices", "{name} {value} (allowed a date such as 2026-12-07, or empty)"),
    QT_TRANSLATE_NOOP("Notices", "{name} {value} (allowed lesson days separated by commas, such as 1,2,3)"),
    QT_TRANSLATE_NOOP("Notices", "{name} {value} (allowed times of day as HH:MM separated by commas, at most {most})"),
    QT_TRANSLATE_NOOP("Notices", "{name} {value} (allowed {low} to {high})"),
    QT_TRANSLATE_NOOP("Notices", "{name} {value} (allowed {choices})"),  # after the others: it would take them all
    QT_TRANSLATE_NOOP("Notices", "(a number of {digits} digits)"),
    # core/practice/reminders.py: the reminder times typed
    QT_TRANSLATE_NOOP("Notices", "{part} is not a time of day: write it as HH:MM, such as 08:00 or 18:30."),
    QT_TRANSLATE_NOOP("Notices", "{count} reminder times: at most {most} a day."),
    # app/audio_output.py: what the sound system lacks on Linux
    QT_TRANSLATE_NOOP("Notices", "; install libpulse0 (PulseAudio client library)"),
    QT_TRANSLATE_NOOP("Notices", "; no sound server answered: start PulseAudio or PipeWire's pulse service "
                                 "(pipewire-pulse)"),
    # app/sources.py, io/ports.py: listing serial ports and straps
    QT_TRANSLATE_NOOP("Notices", "Serial ports unavailable: {error}"),
    QT_TRANSLATE_NOOP("Notices", "Could not list serial ports: {error}"),
    QT_TRANSLATE_NOOP("Notices", "No strap found in {seconds} s: put it on (wet electrodes wake it up) and try again."),
    QT_TRANSLATE_NOOP("Notices", "If the sensor is plugged in and no port appears, its USB-serial bridge may need a "
                                 "driver: CH340/CH341 (WCH's CH341SER), CP210x (Silicon Labs' CP210x VCP driver) or "
                                 "PL2303 (Prolific's PL2303 driver); FTDI and Arduino boards get theirs from Windows "
                                 "Update or the Arduino IDE. Device Manager shows such a sensor under 'Other devices' "
                                 "with a warning sign."),
    QT_TRANSLATE_NOOP("Notices", "If the sensor is plugged in and no port appears, its USB-serial bridge may need a "
                                 "driver: a PL2303 needs Prolific's PL2303 driver; on macOS before 11 a CH340/CH341 "
                                 "needs WCH's CH34x driver and a CP210x Silicon Labs' VCP driver. System Information > "
                                 "USB lists the sensor even without one."),
    # io/port_errors.py, io/serial_source.py: a serial port that will not open, or is lost
    QT_TRANSLATE_NOOP("Notices", "No permission to open {port}. Close other programs using it, or check the "
                                 "port's permissions."),
    QT_TRANSLATE_NOOP("Notices", "No permission to open {port} yet: you are in the '{group}' group, but this login "
                                 "started before you were added. Log out and back in (or restart), then try again."),
    QT_TRANSLATE_NOOP("Notices", "No permission to open {port}: it belongs to the '{group}' group and you are not in "
                                 "it. Add yourself once with\n  sudo usermod -aG {group} $USER\nthen log out and "
                                 "back in (the group counts from a new login). Or let the logged-in user open sensor "
                                 "ports without it: `biofeedback install-udev` prints the one command."),
    QT_TRANSLATE_NOOP("Notices", "{port} is in use by another program: ModemManager (pid {pid}) is probing it as if "
                                 "it were a modem, which it does for about 10 s after a board is plugged in. Wait and "
                                 "try again; to stop it for good, install our udev rules (`biofeedback install-udev` "
                                 "prints the command) or, with no modem on this computer, `sudo systemctl disable "
                                 "--now ModemManager`."),
    QT_TRANSLATE_NOOP("Notices", "{port} is in use by another program: {names}. Close it (e.g. the Arduino serial "
                                 "monitor) and retry."),
    QT_TRANSLATE_NOOP("Notices", "{port} is in use by another program. Close it (e.g. the Arduino serial monitor, "
                                 "another biofeedback window) and retry. If you just plugged the sensor in, "
                                 "ModemManager may be probing it for about 10 s: wait and retry, or install our udev "
                                 "rules so it leaves sensors alone (`biofeedback install-udev`)."),
    QT_TRANSLATE_NOOP("Notices", "{port} is in use by another program. Close it (e.g. the Arduino serial monitor, "
                                 "another biofeedback window) and retry."),
    QT_TRANSLATE_NOOP("Notices", "There is no serial port called {port}. Check the name with `biofeedback ports`."),
    QT_TRANSLATE_NOOP("Notices", "Nothing is listening at {port}."),
    QT_TRANSLATE_NOOP("Notices", "Cannot open {port}: {error}"),
    QT_TRANSLATE_NOOP("Notices", "Opening {port}…"),
    QT_TRANSLATE_NOOP("Notices", "Lost {port}: is the cable plugged in? Retrying…"),
    QT_TRANSLATE_NOOP("Notices", "Trying {port} again…"),
    QT_TRANSLATE_NOOP("Notices", "Could not recognise the device on {port}. Tried {tried} (listened {total_s} s in "
                                 "all). Received {what}. Check the baud rate and the sketch, or pick the protocol "
                                 "by hand."),
    QT_TRANSLATE_NOOP("Notices", "nothing at all"),
    QT_TRANSLATE_NOOP("Notices", "A different device ({other}) answered on {port}, not {device}; its data is not "
                                 "used. Waiting for {device}…"),
    # io/ble_source.py: Bluetooth itself unavailable
    QT_TRANSLATE_NOOP("Notices", "Bluetooth is off. Turn it on in the desktop's Bluetooth settings or with "
                                 "`bluetoothctl power on`."),
    QT_TRANSLATE_NOOP("Notices", "Bluetooth is off. Turn it on in System Settings > Bluetooth."),
    QT_TRANSLATE_NOOP("Notices", "Bluetooth is off. Turn it on in Settings > Bluetooth & devices."),
    QT_TRANSLATE_NOOP("Notices", "No Bluetooth adapter is available: plug one in, or start the Bluetooth service "
                                 "(BlueZ) with `sudo systemctl start bluetooth`."),
    QT_TRANSLATE_NOOP("Notices", "This Mac reports no Bluetooth hardware."),
    QT_TRANSLATE_NOOP("Notices", "No Bluetooth adapter was found. Check Settings > Bluetooth & devices, or the "
                                 "adapter's driver in Device Manager."),
    QT_TRANSLATE_NOOP("Notices", "Permission to use Bluetooth was denied: add your user to the 'bluetooth' group "
                                 "(then log in again), or ask the administrator to allow BlueZ for it."),
    QT_TRANSLATE_NOOP("Notices", "This app is not allowed to use Bluetooth: allow it (or the terminal it runs in) "
                                 "in System Settings > Privacy & Security > Bluetooth, then try again."),
    QT_TRANSLATE_NOOP("Notices", "Windows denied Bluetooth to this app: allow apps to use Bluetooth in "
                                 "Settings > Privacy & security, then try again."),
)
_FIELD = re.compile(r"\{([a-z_]+)\}")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The English template as a whole-text pattern, each ``{name}`` a group (the shortest that fits;
    a name said twice, the same text both times)."""
    parts = _FIELD.split(str(template))
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P={p})" if p in parts[1:i:2] else f"(?P<{p}>.*?)"
                    for i, p in enumerate(parts))
    return re.compile(regex, re.DOTALL)


def notice_words(text: str) -> str:
    """``text`` in the window's language when it is one of the sentences above (English: unchanged)."""
    for template in TEMPLATES:
        found = _pattern(template).fullmatch(text)
        if found is not None:
            parts = {name: _part(value) for name, value in found.groupdict().items()}
            return translate("Notices", template).format(**parts)
    return text


def _part(text: str) -> str:
    """A part of a notice in the window's language: a list of sentences joined by "; " (the settings
    notice's refused values) piece by piece when every piece is one of the sentences above (the whole
    list would fit a template of one value: its ``{value}`` takes any text), else whole."""
    pieces = text.split("; ")
    if len(pieces) > 1:
        said = [notice_words(piece) for piece in pieces]
        if all(s != p for s, p in zip(said, pieces, strict=True)):
            return "; ".join(said)
    return notice_words(text)
