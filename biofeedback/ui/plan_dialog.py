"""Choosing a practice plan: the presets of core/practice/plan.py or the user's own minutes and days.

``PlanChooser`` is one widget used twice: on the first-run path's last page
and in the Plan… dialog (Practice menu), so a plan chosen once can be changed
at any time. It reads and writes only the settings' plan keys; the start date
is today when the kind changes, kept when only the numbers of the same plan do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from biofeedback.app.settings import LIMITS, Settings, practice_plan
from biofeedback.core.practice.plan import PracticePlan, preset
from biofeedback.ui.i18n import rate_text, translate
from biofeedback.ui.practice_words import plan_words

CHOICES = (
    ("lehrer", QT_TRANSLATE_NOOP("PlanDialog", "Lehrer: a resonance assessment, then 2 × 20 min a day, a weekly review, "
                                               "10 weeks"),
     QT_TRANSLATE_NOOP("PlanDialog", "The protocol behind most of the evidence (Lehrer et al. 2000; "
                                     "Lehrer & Gevirtz 2014).")),
    ("short-daily", QT_TRANSLATE_NOOP("PlanDialog", "Short daily: 3 × 5 min a day"),
     QT_TRANSLATE_NOOP("PlanDialog", "Short sessions spread over the day (HeartMath's plan).")),
    ("custom", QT_TRANSLATE_NOOP("PlanDialog", "My own: the minutes and days I choose"), ""),
    ("none", QT_TRANSLATE_NOOP("PlanDialog", "No plan for now"),
     QT_TRANSLATE_NOOP("PlanDialog", "Practise when you like; nothing is counted against a target.")),
)


def _spin(name: str, value: int, suffix: str, special: str = "") -> QSpinBox:
    lo, hi = LIMITS[name]
    box = QSpinBox(minimum=int(lo), maximum=int(hi), suffix=suffix)
    box.setValue(max(int(lo), min(int(hi), value)))
    if special:
        box.setSpecialValueText(special)
    box.setMaximumWidth(180)
    return box


class PlanChooser(QWidget):
    """Radio buttons for the plans and, for "My own", sessions a day, minutes, days a week and weeks."""

    def __init__(self, settings: Settings, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.today = today
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for kind, source, why in CHOICES:
            text = translate("PlanDialog", source)
            button = QRadioButton(text)
            button.setAccessibleName(text)
            self.buttons[kind] = button
            self.group.addButton(button)
            lay.addWidget(button)
            if why:
                note = QLabel(translate("PlanDialog", why))
                note.setWordWrap(True)
                note.setContentsMargins(24, 0, 0, 4)
                lay.addWidget(note)
            if kind == "custom":
                self.own = QWidget()
                form = QFormLayout(self.own)
                form.setContentsMargins(24, 0, 0, 4)
                self.sessions = _spin("plan_sessions_per_day", settings.plan_sessions_per_day,
                                      translate("PlanDialog", " a day"))
                self.minutes = _spin("plan_minutes_per_session", settings.plan_minutes_per_session, " min")
                self.days = _spin("plan_days_per_week", settings.plan_days_per_week,
                                  translate("PlanDialog", " days a week"))
                self.weeks = _spin("plan_weeks", settings.plan_weeks, translate("PlanDialog", " weeks"),
                                   special=translate("PlanDialog", "open-ended"))
                for label, box in ((translate("PlanDialog", "Sessions"), self.sessions),
                                   (translate("PlanDialog", "Minutes each"), self.minutes),
                                   (translate("PlanDialog", "Days"), self.days),
                                   (translate("PlanDialog", "For"), self.weeks)):
                    box.setAccessibleName(translate("PlanDialog", "My own plan: {part}").format(part=label.lower()))
                    form.addRow(label, box)
                lay.addWidget(self.own)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("PlanDialog", "The plan chosen"))
        lay.addWidget(self.summary)
        lay.addStretch(1)
        self.buttons[settings.plan_kind if settings.plan_kind in self.buttons else "none"].setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self._update())
        for box in (self.sessions, self.minutes, self.days, self.weeks):
            box.valueChanged.connect(lambda _v: self._update())
        self._update()

    def kind(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def plan(self) -> PracticePlan:
        """The plan as it would be saved (its start: the one in force if the kind is unchanged, else today)."""
        kind = self.kind()
        start = practice_plan(self.settings).start if kind == self.settings.plan_kind else None
        return preset(kind, start or self.today(), self.sessions.value(), self.minutes.value(),
                      self.days.value(), self.weeks.value())

    def _update(self) -> None:
        self.own.setEnabled(self.kind() == "custom")
        plan = self.plan()
        self.summary.setText(f"<b>{plan_words(plan)}</b>" + (
            "<br>" + translate("PlanDialog", "Each day: {minutes} min.").format(minutes=rate_text(plan.daily_minutes))
            if plan.active else ""))

    def apply(self) -> PracticePlan:
        """Write the chosen plan into the settings (not to disk: the caller saves)."""
        plan = self.plan()
        s = self.settings
        s.plan_kind = plan.kind
        if plan.kind == "custom":
            s.plan_sessions_per_day, s.plan_minutes_per_session = self.sessions.value(), self.minutes.value()
            s.plan_days_per_week, s.plan_weeks = self.days.value(), self.weeks.value()
        s.plan_start = plan.start.isoformat() if plan.start and plan.kind != "none" else ""
        return plan


class PlanDialog(QDialog):
    """Practice → Plan…: change the plan; OK writes it, Cancel leaves it."""

    def __init__(self, settings: Settings, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PlanDialog", "biofeedback — practice plan"))
        self.chooser = PlanChooser(settings, today, self)
        intro = QLabel(translate("PlanDialog", "A plan gives the practice a shape: how long, how often, for how many "
                                               "weeks. The main window shows today's part of it. You can change it at "
                                               "any time."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.chooser, 1)
        lay.addWidget(buttons)
        self.resize(560, 460)

    def accept(self) -> None:
        self.chooser.apply()
        super().accept()
