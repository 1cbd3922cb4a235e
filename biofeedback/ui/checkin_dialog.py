"""Check-in before and after a session: stress, pain and mood on 0-10 scales, all optional.

0-10 numeric rating scales (as the NRS used for pain, Hawker et al. 2011),
one row of buttons per question; a question left unanswered is stored as
"not answered", and "Skip" stores nothing at all.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biofeedback.app.session_library import CheckIn
from biofeedback.ui.i18n import Plural, translate

QUESTIONS = (
    ("stress", QT_TRANSLATE_NOOP("CheckIn", "Stress"), QT_TRANSLATE_NOOP("CheckIn", "0 none · 10 extreme")),
    ("pain", QT_TRANSLATE_NOOP("CheckIn", "Pain"), QT_TRANSLATE_NOOP("CheckIn", "0 none · 10 worst imaginable")),
    ("mood", QT_TRANSLATE_NOOP("CheckIn", "Mood"), QT_TRANSLATE_NOOP("CheckIn", "0 very low · 10 excellent")),
)


KEYS_HINT = QT_TRANSLATE_NOOP("CheckIn", "Type 0 to 9 (1 then 0 for 10), or use the arrow keys; Delete clears the answer.")


class ScaleRow(QWidget):
    """Eleven toggle buttons 0..10; clicking the chosen one again clears the answer.

    One Tab stop for the whole row: digits choose (1 then 0 is 10), the arrow
    keys move the choice, Home and End go to 0 and 10, Delete or Backspace
    clear it. Space does nothing here, so it never picks an answer by itself.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)  # room for the focus frame
        layout.setSpacing(3)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFixedWidth(38)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row takes the keys
            self.group.addButton(button, value)
            layout.addWidget(button)
            self.buttons.append(button)
        self.group.idClicked.connect(self._clicked)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._last_key = ""
        # the chosen answer must stand out (Fusion's checked state is too subtle in the dark theme)
        self.setStyleSheet("QPushButton { padding: 5px 0; }"
                           "QPushButton:checked { background-color: palette(highlight); "
                           "color: palette(highlighted-text); font-weight: bold; border-radius: 3px; }")
        self._describe()

    def _clicked(self, value: int) -> None:
        for button in self.buttons:
            if button is not self.buttons[value]:
                button.setChecked(False)
        self._describe()

    def value(self) -> int | None:
        return next((i for i, b in enumerate(self.buttons) if b.isChecked()), None)

    def set_value(self, value: int | None) -> None:
        for i, button in enumerate(self.buttons):
            button.setChecked(i == value)
        self._describe()

    def _describe(self) -> None:
        value = self.value()
        said = translate("CheckIn", "not answered") if value is None else Plural.tr(
            "%n chosen", "", value)  # type: ignore[arg-type]  # on the class: its name is the context
        self.setAccessibleDescription(f"{said}. {translate('CheckIn', KEYS_HINT)}")
        self.setToolTip(translate("CheckIn", KEYS_HINT))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key, text, value = event.key(), event.text(), self.value()
        if text.isdigit() and len(text) == 1:
            digit = int(text)
            self.set_value(10 if digit == 0 and self._last_key == "1" else digit)
            self._last_key = "" if self.value() == 10 else text
            return
        self._last_key = ""
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Up: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: -1}.get(
            Qt.Key(key))
        if step is not None:
            start = (-1 if step > 0 else 11) if value is None else value
            self.set_value(min(max(start + step, 0), 10))
        elif key == Qt.Key.Key_Home:
            self.set_value(0)
        elif key == Qt.Key.Key_End:
            self.set_value(10)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
        elif key == Qt.Key.Key_Space:
            return  # taken, so it picks nothing (it used to press the first button: "Pain 0")
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if self.hasFocus():  # a visible focus around the whole row
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.0))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
            painter.end()


class CheckInDialog(QDialog):
    """Asks how the person feels; ``checkin()`` is None when skipped or nothing was answered."""

    def __init__(self, phase: str, initial: CheckIn | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase = phase
        self.skipped = False
        self.setWindowTitle(translate("CheckIn", "Check-in before the session") if phase == "before" else
                            translate("CheckIn", "Check-in after the session"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate("CheckIn", "How do you feel right now? Every question is optional.")
                       if phase == "before" else
                       translate("CheckIn", "And now, after the session? Every question is optional."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.rows: dict[str, ScaleRow] = {}
        for r, (key, label_en, hint_en) in enumerate(QUESTIONS):
            label, hint = translate("CheckIn", label_en), translate("CheckIn", hint_en)
            title = QLabel(f"<b>{label}</b><br><small>{hint}</small>")
            grid.addWidget(title, r, 0)
            row = ScaleRow(self)
            title.setBuddy(row)
            row.setAccessibleName(f"{label}, {hint}")
            grid.addWidget(row, r, 1)
            self.rows[key] = row
        layout.addLayout(grid)
        self.note = QLineEdit()
        self.note.setPlaceholderText(translate("CheckIn", "A note (optional)"))
        self.note.setMaxLength(500)
        self.note.setAccessibleName(translate("CheckIn", "Note"))
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(translate("CheckIn", "Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton(translate("CheckIn", "Skip"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.skip)
        layout.addWidget(self.buttons)
        keys = QLabel(translate("CheckIn", KEYS_HINT))
        keys.setWordWrap(True)
        layout.insertWidget(2, keys)
        if initial is not None:
            for key, row in self.rows.items():
                row.set_value(getattr(initial, key))
            self.note.setText(initial.note)

    def skip(self) -> None:
        self.skipped = True
        self.reject()

    def checkin(self) -> CheckIn | None:
        if self.skipped:
            return None
        values = {key: row.value() for key, row in self.rows.items()}
        note = self.note.text().strip()
        if all(v is None for v in values.values()) and not note:
            return None
        return CheckIn(self.phase, note=note, **values)
