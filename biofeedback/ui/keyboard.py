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

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QWidget

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


class FocusRing(QWidget):
    """A 2 px ring in the accent colour around the control that has the keyboard focus in ``area``.

    Fusion marks a focused button or box with a faint line that disappears in
    the dark theme; this ring is drawn over ``area`` (transparent to the mouse)
    and follows the focus. Views that draw their own focus (the pacer, the
    coherence ring) are left to do so.
    """

    MARGIN_PX = 2

    def __init__(self, area: QWidget, color: str) -> None:
        super().__init__(area)
        self.area = area
        self.color = color
        self.target: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def set_color(self, color: str) -> None:
        self.color = color
        self.update()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = new
        if target is not None and isinstance(target.parentWidget(), QAbstractSpinBox | QComboBox):
            target = target.parentWidget()  # a spin box's or an editable list's own line edit
        if self.target is not None:
            self.target.removeEventFilter(self)
        if target is None or not self.area.isAncestorOf(target) or not target.isVisible():
            self.target = None
            self.hide()
            return
        self.target = target
        target.installEventFilter(self)  # it moves when the controls wrap onto another row
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.target and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self.follow()
        elif watched is self.target and event.type() == QEvent.Type.Hide:
            self.hide()
        return False

    def follow(self) -> None:
        """Place the ring around the focused control (after a layout change too)."""
        if self.target is None:
            return
        m = self.MARGIN_PX
        top_left = self.target.mapTo(self.area, QPoint(0, 0))
        self.setGeometry(top_left.x() - m, top_left.y() - m, self.target.width() + 2 * m,
                         self.target.height() + 2 * m)
        self.show()
        self.raise_()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(self.color), 2.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        p.end()
