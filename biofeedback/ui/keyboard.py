"""The main window's own keys (Space, the arrows) never take a key from the control that has the focus.

Space starts and stops a session and the arrows step the pacer from anywhere
in the window (window shortcuts). A window shortcut wins over a focused
button, combo box or check box, so a keyboard user could not press a button
(Space started a session instead) nor choose in a combo box (the arrows moved
the pacer). Each such control now claims the keys it uses (Qt's
ShortcutOverride) and gets them as any dialog's control does; elsewhere (the
pacer, which takes the focus when the window opens or is clicked) the
window's keys act as before. Buttons and boxes take the focus by Tab only, so
clicking one with the mouse leaves Space to the session.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

_SPACE = {Qt.Key.Key_Space}
_CHOOSING = {Qt.Key.Key_Space, Qt.Key.Key_Up, Qt.Key.Key_Down}


class ControlKeys(QObject):
    """Event filter: a focused button or check box keeps Space, a focused combo box Space and Up/Down."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            keys = _CHOOSING if isinstance(watched, QComboBox) else _SPACE
            if event.modifiers() == Qt.KeyboardModifier.NoModifier and Qt.Key(event.key()) in keys:
                event.accept()  # the control gets the key press; the shortcut does not fire
        return False


def keep_keys_in_controls(root: QWidget, filter_: ControlKeys) -> None:
    """Every button, check box and combo box under ``root``: its keys are its own, and a mouse click
    does not take the focus (Tab still reaches it)."""
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QComboBox):
        widget.installEventFilter(filter_)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
