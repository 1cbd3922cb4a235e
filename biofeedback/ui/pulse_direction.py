"""Tools → Pulse direction: which way the sensor's raw wave goes when blood arrives.

Most finger sensors rise with each pulse; a MAX3010x's raw IR counts fall. The
pipeline takes the direction from a device's header, else from the pulse's
shape, and the status line says "pulse direction unclear" when that shape
did not show it. A person who knows their sensor picks it here: the choice is
a setting (``Settings.pulse_direction``), holds over any header, and applies
at once to the connection that runs (the detector learns afresh the chosen
way up) and to every later one. It changes nothing for a chest strap, an ECG
or a device that sends its own beats. Where it differs from what a sensor's
header declares, the status line says so (a choice made for one sensor may
not fit the next).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup

from biofeedback.core.types import PULSE_DIRECTIONS
from biofeedback.ui.i18n import translate

if TYPE_CHECKING:
    from biofeedback.ui.main_window import MainWindow

CHOICES = (
    ("auto", QT_TRANSLATE_NOOP("PulseDirection", "Automatic: from the sensor, else from the pulse's shape")),
    ("upright", QT_TRANSLATE_NOOP("PulseDirection", "Upright: the wave rises with each beat (most finger sensors)")),
    ("inverted", QT_TRANSLATE_NOOP("PulseDirection", "Inverted: the wave falls with each beat (raw MAX3010x)")),
)
HINT = QT_TRANSLATE_NOOP("PulseDirection", "If you know which way your sensor's wave goes, choose it in Tools → "
                         "Pulse direction.")
OVERRIDE_HINT = QT_TRANSLATE_NOOP("PulseDirection", "Your choice in Tools → Pulse direction holds for every sensor. "
                                  "If the beats look wrong with this one, choose Automatic there.")


class PulseDirectionMenu:
    """The Tools submenu; forwards a choice to the live session and the settings."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        direction = window.settings.pulse_direction
        window.live.choose_polarity(PULSE_DIRECTIONS.get(direction))
        self.menu = window.tools_menu.addMenu(translate("PulseDirection", "Pulse direction"))
        self.group = QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        for key, text in CHOICES:
            action = self.menu.addAction(translate("PulseDirection", text))
            action.setCheckable(True)
            action.setChecked(key == direction)
            action.triggered.connect(lambda _=False, k=key: self.choose(k))
            self.group.addAction(action)
            self.actions[key] = action

    def choose(self, direction: str) -> None:
        """Take ``direction`` ("auto", "upright", "inverted") now and remember it."""
        self.actions[direction].setChecked(True)
        self.window.settings.pulse_direction = direction
        self.window.live.choose_polarity(PULSE_DIRECTIONS[direction])  # (the status follows when it is taken)
        self.window.save()


def install_pulse_direction(window: MainWindow) -> PulseDirectionMenu:
    """Add Tools → Pulse direction to ``window`` and apply the saved choice to its live session."""
    return PulseDirectionMenu(window)
