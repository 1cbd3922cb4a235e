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
    # app/settings.py
    QT_TRANSLATE_NOOP("Notices", "Some settings could not be used and are back to their defaults: {problems}. "
                                 "The others are kept. {kept}"),
    QT_TRANSLATE_NOOP("Notices", "The file as it was is kept as {name}."),
    QT_TRANSLATE_NOOP("Notices", "The file could not be kept aside ({error}); it is written over when the app closes."),
    QT_TRANSLATE_NOOP("Notices", "Your settings file could not be read ({error}). Default settings are in use. {where}"),
    QT_TRANSLATE_NOOP("Notices", "The unreadable file was kept as {name}."),
    QT_TRANSLATE_NOOP("Notices", "The unreadable file could not be moved aside ({error})."),
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
    """The English template as a whole-text pattern, each ``{name}`` a group (the shortest that fits)."""
    parts = _FIELD.split(str(template))
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts))
    return re.compile(regex, re.DOTALL)


def notice_words(text: str) -> str:
    """``text`` in the window's language when it is one of the sentences above (English: unchanged)."""
    for template in TEMPLATES:
        found = _pattern(template).fullmatch(text)
        if found is not None:
            parts = {name: notice_words(value) for name, value in found.groupdict().items()}
            return translate("Notices", template).format(**parts)
    return text
