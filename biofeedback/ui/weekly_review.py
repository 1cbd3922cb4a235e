"""The weekly review: minutes against the plan, the check-ins before sessions, the resonance rate.

Reads the session library (sessions, assessments) and the settings' plan;
every figure is core.practice.progress's (``weekly_figures``, ``progress``), as in
``biofeedback progress`` and the PDF report. Below the table, History's
progress figures (ui/progress_view.py). A new resonance assessment is offered
in words and a button once the last is ``REASSESS_AFTER_WEEKS`` old, never
started by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biofeedback.app.settings import Settings, practice_plan
from biofeedback.core.practice.plan import REASSESS_AFTER_WEEKS
from biofeedback.core.practice.progress import (
    AssessmentRecord,
    Progress,
    WeekFigures,
    from_stored,
    progress,
    weekly_figures,
)
from biofeedback.ui.accessibility import name_views
from biofeedback.ui.progress_view import ProgressView
from biofeedback.ui.theme import Theme

COLUMNS = ("Week", "Minutes", "Planned", "Done", "Days", "Pain before", "Stress before", "Mood before",
           "Pain change")
TABLE_WEEKS = 6  # the last weeks in the table (History and the report show them all)


def _num(value: float | None, fmt: str = ".1f") -> str:
    return "–" if value is None else format(value, fmt)


def week_row(w: WeekFigures) -> list[str]:
    """One week as the table shows it."""
    label = _day(w.monday) + (f" (plan week {w.plan_week})" if w.plan_week else "")
    return [label, f"{w.minutes:.0f}", _num(w.target_minutes or None, ".0f"),
            "–" if w.adherence is None else f"{100 * w.adherence:.0f} %", str(w.days_practised),
            *(_num(w.before[i]) for i in ("pain", "stress", "mood")), _num(w.change["pain"], "+.1f")]


def _day(d: date) -> str:
    return f"{d.day} {d:%b}"


def checkin_words(p: Progress, weeks: list[WeekFigures]) -> str:
    """"Pain before sessions: 7.0 (week of 2 Nov) → 4.0 (23 Nov), trend -0.9 a week", pain first."""
    parts = []
    for item in ("pain", "stress", "mood"):
        answered = [w for w in weeks if w.before[item] is not None]
        if not answered:
            continue
        first, last = answered[0], answered[-1]
        text = f"<b>{item.capitalize()}</b> before sessions: {first.before[item]:.1f} (week of {_day(first.monday)})"
        if last is not first:
            text += f" → {last.before[item]:.1f} ({_day(last.monday)})"
        slope = p.checkins[item].before.slope_per_week
        text += f", trend {slope:+.1f} a week" if slope is not None else ", too few sessions for a trend"
        parts.append(text)
    return "<br>".join(parts) if parts else "No check-ins answered before sessions yet."


def resonance_words(assessments: list[AssessmentRecord], today: date) -> tuple[str, bool]:
    """The last assessment's rate in words and whether a new one is offered."""
    found = [a for a in assessments if a.recommended_bpm is not None]
    if not found:
        return ("No resonance assessment yet: it finds the breathing rate at which your heart rate swings "
                "most (about 12 minutes).", True)
    last = max(found, key=lambda a: a.started)
    weeks = (today - last.started.date()).days // 7
    text = (f"Your resonance rate: <b>{last.recommended_bpm:.1f} breaths/min</b>, from the assessment of "
            f"{_day(last.started.date())} {last.started.year}" + (f" ({weeks} week{'s' if weeks != 1 else ''} ago)." if weeks else "."))
    due = weeks >= REASSESS_AFTER_WEEKS
    if due:
        text += (" The rate can shift with practice: a new assessment is offered, whenever suits you "
                 "(nothing changes if you skip it).")
    return text, due


class WeeklyReview(QDialog):
    """Header (plan, this week), a short table of weeks, the check-in trends, the resonance rate, the figures."""

    reassess_requested = Signal()
    plan_requested = Signal()

    def __init__(self, theme: Theme, today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("biofeedback — weekly review")
        self.today = today
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setAccessibleName("This week")
        self.plan_button = QPushButton("Change the plan…")
        self.plan_button.clicked.connect(self.plan_requested)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Weeks against the plan")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.checkins = QLabel()
        self.checkins.setWordWrap(True)
        self.checkins.setAccessibleName("Check-ins before sessions")
        self.resonance = QLabel()
        self.resonance.setWordWrap(True)
        self.resonance.setAccessibleName("Resonance rate")
        self.reassess = QPushButton("Re-assess my resonance rate…")
        self.reassess.clicked.connect(self.reassess_requested)
        self.figures = ProgressView(theme)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignTop)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 3, Qt.AlignmentFlag.AlignTop)
        side = QVBoxLayout()
        side.addWidget(self.checkins)
        side.addWidget(self.resonance)
        side.addWidget(self.reassess, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        middle.addLayout(side, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(middle, 2)
        lay.addWidget(self.figures, 5)
        self.weeks: list[WeekFigures] = []
        self.reassess_offered = False
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(1300, screen.width() - 40) if screen else 1300, min(860, screen.height() - 60)
                    if screen else 860)

    def load(self, library: Any, settings: Settings) -> None:
        """Read the sessions and assessments (``library`` None: nothing stored yet) and show them."""
        sessions = library.list_sessions() if library is not None else []
        assessments = library.resonance_assessments() if library is not None else []
        self.show_weeks(sessions, assessments, settings)

    def show_weeks(self, sessions: list[Any], assessments: list[AssessmentRecord], settings: Settings) -> None:
        today = self.today()
        plan = practice_plan(settings)
        min_minutes = settings.progress_min_session_minutes
        practised = from_stored(sessions, min_minutes)
        self.weeks = weekly_figures(practised, plan, today, assessments)
        p = progress(practised, today, assessments)
        shown = self.weeks[-TABLE_WEEKS:]
        self.table.setRowCount(len(shown))
        self.table.setMaximumHeight(self.table.horizontalHeader().height() + 4
                                    + max(len(shown), 1) * self.table.verticalHeader().defaultSectionSize())
        for r, w in enumerate(shown):
            for c, text in enumerate(week_row(w)):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        this = self.weeks[-1] if self.weeks else None
        week = "Nothing practised yet."
        if this is not None:
            week = f"This week (from {this.monday:%a %d %b}): {this.minutes:.0f} min"
            if this.target_minutes:
                week += f" of {this.target_minutes:.0f} planned ({100 * (this.adherence or 0):.0f} %)"
            week += f" on {this.days_practised} day{'s' if this.days_practised != 1 else ''}."
            if len(self.weeks) > 1:
                last = self.weeks[-2]
                week += f" Last week: {last.minutes:.0f} min" + (
                    f" of {last.target_minutes:.0f} ({100 * (last.adherence or 0):.0f} %)." if last.target_minutes
                    else ".")
        left_out = sum(sum(w.left_out.values()) for w in self.weeks)
        self.header.setText(f"<b>{plan.describe()}</b><br>{week}" + (
            f"<br>{left_out} short, simulated, replayed or unpaced session{'s' if left_out != 1 else ''} "
            f"(under {min_minutes:g} min, or without a pacer) kept but not counted." if left_out else ""))
        self.checkins.setText(checkin_words(p, self.weeks))
        text, self.reassess_offered = resonance_words(assessments, today)
        self.resonance.setText(text)
        self.reassess.setText("Re-assess my resonance rate…" if any(a.recommended_bpm for a in assessments)
                              else "Find my resonance rate…")
        self.reassess.setDefault(False)
        self.reassess.setAutoDefault(False)
        self.figures.set_sessions(sessions, today, min_minutes, plan if plan.active else None, assessments)
        name_views(self.figures, "Progress plot")  # plots: no Tab stops, named by their titles
