"""Check-in before and after a session: stress, pain and mood on 0-10 scales, all optional.

0-10 numeric rating scales (as the NRS used for pain, Hawker et al. 2011),
one row of buttons per question; a question left unanswered is stored as
"not answered", and "Skip" stores nothing at all.
"""

from __future__ import annotations

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

QUESTIONS = (
    ("stress", "Stress", "0 none · 10 extreme"),
    ("pain", "Pain", "0 none · 10 worst imaginable"),
    ("mood", "Mood", "0 very low · 10 excellent"),
)


class ScaleRow(QWidget):
    """Eleven toggle buttons 0..10; clicking the chosen one again clears the answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFixedWidth(38)
            self.group.addButton(button, value)
            layout.addWidget(button)
            self.buttons.append(button)
        self.group.idClicked.connect(self._clicked)
        # the chosen answer must stand out (Fusion's checked state is too subtle in the dark theme)
        self.setStyleSheet("QPushButton { padding: 5px 0; }"
                           "QPushButton:checked { background-color: palette(highlight); "
                           "color: palette(highlighted-text); font-weight: bold; border-radius: 3px; }")

    def _clicked(self, value: int) -> None:
        for button in self.buttons:
            if button is not self.buttons[value]:
                button.setChecked(False)

    def value(self) -> int | None:
        return next((i for i, b in enumerate(self.buttons) if b.isChecked()), None)

    def set_value(self, value: int | None) -> None:
        for i, button in enumerate(self.buttons):
            button.setChecked(i == value)


class CheckInDialog(QDialog):
    """Asks how the person feels; ``checkin()`` is None when skipped or nothing was answered."""

    def __init__(self, phase: str, initial: CheckIn | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase = phase
        self.skipped = False
        self.setWindowTitle("Check-in before the session" if phase == "before" else "Check-in after the session")
        layout = QVBoxLayout(self)
        intro = QLabel("How do you feel right now? Every question is optional."
                       if phase == "before" else "And now, after the session? Every question is optional.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.rows: dict[str, ScaleRow] = {}
        for r, (key, label, hint) in enumerate(QUESTIONS):
            title = QLabel(f"<b>{label}</b><br><small>{hint}</small>")
            grid.addWidget(title, r, 0)
            row = ScaleRow(self)
            row.setAccessibleName(f"{label}, {hint}")
            grid.addWidget(row, r, 1)
            self.rows[key] = row
        layout.addLayout(grid)
        self.note = QLineEdit()
        self.note.setPlaceholderText("A note (optional)")
        self.note.setMaxLength(500)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton("Skip", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.skip)
        layout.addWidget(self.buttons)
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
