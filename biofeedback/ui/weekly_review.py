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

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
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
from biofeedback.core.resonance.plan import default_minutes as assessment_minutes
from biofeedback.ui.accessibility import name_views
from biofeedback.ui.i18n import Plural, number, rate_text, translate
from biofeedback.ui.practice_words import day_month, plan_words, weekday_day_month
from biofeedback.ui.progress_view import ProgressView
from biofeedback.ui.theme import Theme

COLUMNS = (QT_TRANSLATE_NOOP("WeeklyReview", "Week"), QT_TRANSLATE_NOOP("WeeklyReview", "Minutes"),
           QT_TRANSLATE_NOOP("WeeklyReview", "Planned"), QT_TRANSLATE_NOOP("WeeklyReview", "Done"),
           QT_TRANSLATE_NOOP("WeeklyReview", "Days"), QT_TRANSLATE_NOOP("WeeklyReview", "Pain before"),
           QT_TRANSLATE_NOOP("WeeklyReview", "Stress before"), QT_TRANSLATE_NOOP("WeeklyReview", "Mood before"),
           QT_TRANSLATE_NOOP("WeeklyReview", "Pain change"))
ITEM_WORDS = {"pain": QT_TRANSLATE_NOOP("WeeklyReview", "<b>Pain</b> before sessions"),
              "stress": QT_TRANSLATE_NOOP("WeeklyReview", "<b>Stress</b> before sessions"),
              "mood": QT_TRANSLATE_NOOP("WeeklyReview", "<b>Mood</b> before sessions")}
TABLE_WEEKS = 6  # the last weeks in the table (History and the report show them all)


def _num(value: float | None, decimals: int = 1, sign: bool = False) -> str:
    if value is None:
        return "–"
    return ("+" if sign and value >= 0 else "") + number(value, decimals)


def week_row(w: WeekFigures) -> list[str]:
    """One week as the table shows it."""
    label = day_month(w.monday) + (" " + translate("WeeklyReview", "(plan week {week})").format(week=w.plan_week)
                                   if w.plan_week else "")
    return [label, number(w.minutes), _num(w.target_minutes or None, 0),
            "–" if w.adherence is None else f"{number(100 * w.adherence)} %", str(w.days_practised),
            *(_num(w.before[i]) for i in ("pain", "stress", "mood")), _num(w.change["pain"], sign=True)]


def checkin_words(p: Progress, weeks: list[WeekFigures]) -> str:
    """"Pain before sessions: 7.0 (week of 2 Nov) → 4.0 (23 Nov), trend -0.9 a week", pain first."""
    parts = []
    for item in ("pain", "stress", "mood"):
        answered = [w for w in weeks if w.before[item] is not None]
        if not answered:
            continue
        first, last = answered[0], answered[-1]
        text = translate("WeeklyReview", "{item}: {value} (week of {day})").format(
            item=translate("WeeklyReview", ITEM_WORDS[item]), value=_num(first.before[item]), day=day_month(first.monday))
        if last is not first:
            text += translate("WeeklyReview", " → {value} ({day})").format(value=_num(last.before[item]),
                                                                            day=day_month(last.monday))
        slope = p.checkins[item].before.slope_per_week
        text += (translate("WeeklyReview", ", trend {slope} a week").format(slope=_num(slope, sign=True))
                 if slope is not None else translate("WeeklyReview", ", too few sessions for a trend"))
        parts.append(text)
    return "<br>".join(parts) if parts else translate("WeeklyReview", "No check-ins answered before sessions yet.")


def resonance_words(assessments: list[AssessmentRecord], today: date) -> tuple[str, bool]:
    """The last assessment's rate in words and whether a new one is offered."""
    found = [a for a in assessments if a.recommended_bpm is not None]
    if not found:
        return (translate("WeeklyReview", "No resonance assessment yet: it finds the breathing rate at which your "
                                          "heart rate swings most (about {minutes} minutes).").format(
            minutes=assessment_minutes()), True)
    last = max(found, key=lambda a: a.started)
    weeks = (today - last.started.date()).days // 7
    text = translate("WeeklyReview", "Your resonance rate: <b>{rate} breaths/min</b>, from the assessment of {day}").format(
        rate=_num(last.recommended_bpm), day=f"{day_month(last.started.date())} {last.started.year}")
    text += (" " + Plural.tr("(%n week(s) ago).", "", weeks)) if weeks else "."  # type: ignore[arg-type]
    due = weeks >= REASSESS_AFTER_WEEKS
    if due:
        text += " " + translate("WeeklyReview", "The rate can shift with practice: a new assessment is offered, "
                                                "whenever suits you (nothing changes if you skip it).")
    return text, due


class WeeklyReview(QDialog):
    """Header (plan, this week), a short table of weeks, the check-in trends, the resonance rate, the figures."""

    reassess_requested = Signal()
    plan_requested = Signal()

    def __init__(self, theme: Theme, today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("WeeklyReview", "biofeedback — weekly review"))
        self.today = today
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setAccessibleName(translate("WeeklyReview", "This week"))
        self.plan_button = QPushButton(translate("WeeklyReview", "Change the plan…"))
        self.plan_button.clicked.connect(self.plan_requested)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("WeeklyReview", c) for c in COLUMNS])
        self.table.setAccessibleName(translate("WeeklyReview", "Weeks against the plan"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.checkins = QLabel()
        self.checkins.setWordWrap(True)
        self.checkins.setAccessibleName(translate("WeeklyReview", "Check-ins before sessions"))
        self.resonance = QLabel()
        self.resonance.setWordWrap(True)
        self.resonance.setAccessibleName(translate("WeeklyReview", "Resonance rate"))
        self.reassess = QPushButton(translate("WeeklyReview", "Re-assess my resonance rate…"))
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
        week = translate("WeeklyReview", "Nothing practised yet.")
        if this is not None:
            done = (translate("WeeklyReview", "{minutes} min of {target} planned ({pct} %)").format(
                        minutes=number(this.minutes), target=number(this.target_minutes),
                        pct=number(100 * (this.adherence or 0))) if this.target_minutes else
                    translate("WeeklyReview", "{minutes} min").format(minutes=number(this.minutes)))
            week = Plural.tr("This week (from {day}): {done} on %n day(s).", "", this.days_practised).format(  # type: ignore[arg-type]
                day=weekday_day_month(this.monday), done=done)
            if len(self.weeks) > 1:
                last = self.weeks[-2]
                week += " " + (translate("WeeklyReview", "Last week: {minutes} min of {target} ({pct} %).").format(
                    minutes=number(last.minutes), target=number(last.target_minutes),
                    pct=number(100 * (last.adherence or 0))) if last.target_minutes else
                    translate("WeeklyReview", "Last week: {minutes} min.").format(minutes=number(last.minutes)))
        left_out = sum(sum(w.left_out.values()) for w in self.weeks)
        self.header.setText(f"<b>{plan_words(plan)}</b><br>{week}" + (
            "<br>" + Plural.tr("%n short, simulated, replayed or unpaced session(s) (under {minutes} min, or without "  # type: ignore[arg-type]
                               "a pacer) kept but not counted.", "", left_out).format(minutes=rate_text(min_minutes))  # type: ignore[arg-type]
            if left_out else ""))
        self.checkins.setText(checkin_words(p, self.weeks))
        text, self.reassess_offered = resonance_words(assessments, today)
        self.resonance.setText(text)
        self.reassess.setText(translate("WeeklyReview", "Re-assess my resonance rate…")
                              if any(a.recommended_bpm for a in assessments)
                              else translate("WeeklyReview", "Find my resonance rate…"))
        self.reassess.setDefault(False)
        self.reassess.setAutoDefault(False)
        self.figures.set_sessions(sessions, today, min_minutes, plan if plan.active else None, assessments)
        name_views(self.figures, translate("WeeklyReview", "Progress plot"))  # plots: no Tab stops, named by their titles
