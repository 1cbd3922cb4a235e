"""The practice plan in the main window: today's dose and the next step, the Practice menu.

``install_practice_plan(window)`` adds a small panel above the not-a-medical-device
line in the window's left column (the pacer's column: the live plots keep their
room) saying today's minutes and sessions done and left and the plan's next
step in one sentence, with Plan… and Weekly review… beside it; and a Practice
menu: Getting started…, Plan…, Weekly review…. Today's figures are read from the
session store once it is attached and again after each saved session, after the
plan changes and when the day changes; ``today`` is injectable for tests.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biofeedback.app.settings import Settings, practice_plan
from biofeedback.core.practice.plan import Dose, PracticePlan, next_step, todays_dose
from biofeedback.ui import warm_imports
from biofeedback.ui.i18n import Plural, number, translate
from biofeedback.ui.practice_words import next_step_words, plan_words

if TYPE_CHECKING:
    from biofeedback.ui.first_run import FirstRunWizard
    from biofeedback.ui.main_window import MainWindow
    from biofeedback.ui.weekly_review import WeeklyReview

ATTACH_POLL_MS = 200  # from the session store's install (after the first paint) until it is read
PROGRESS_MODULE = "biofeedback.core.practice.progress"  # what reading today's practice imports (SciPy)
REFRESH_ON_ACTIVATE_AFTER_S = 10.0  # back in the window (an assessment saved, a session deleted): read again, at
# most this often and never during a session (a year of sessions takes ~70 ms on the GUI thread)
DAY_POLL_MS = 60_000  # a new day: the dose starts again


@dataclass(frozen=True)
class Today:
    """What the panel shows: the plan, today's dose against it and the next step (``known``: read from
    the store; False before it is attached)."""

    plan: PracticePlan
    dose: Dose
    next_step: str
    known: bool = True
    day: date | None = None

    @property
    def in_plan(self) -> bool:
        """``day`` lies inside the plan (a plan ended or not yet begun asks no dose)."""
        p, d = self.plan, self.day
        if d is None or p.start is None:
            return True
        end = p.end()
        return p.start <= d and (end is None or d < end)


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def today_from(sessions: list[Any], assessments: list[Any], settings: Settings, day: date) -> Today:
    """Today's practice (counted sessions and assessments) against the settings' plan, and what comes next."""
    from biofeedback.core.practice import (
        progress as pr,  # SciPy behind it: not before the window shows
    )

    plan = practice_plan(settings)
    dose = pr.dose_on(day, plan, pr.from_stored(sessions, settings.progress_min_session_minutes), assessments)
    last_assessment = max((a.started.date() for a in assessments), default=None)
    return Today(plan, dose, next_step(plan, day, dose, last_assessment, _iso(settings.plan_last_review)), day=day)


def dose_words(today: Today) -> str:
    """The panel's first line: "Today 20 of 40 min · session 1 of 2 done · 20 min left"."""
    d = today.dose
    if not today.known:
        return translate("Plan", "Today: reading your sessions…")
    if not today.plan.active:
        return translate("Plan", "Today {minutes} min practised · no plan chosen").format(minutes=number(d.done_minutes))
    if not today.in_plan:
        return translate("Plan", "Today {minutes} min practised · outside your plan's weeks").format(
            minutes=number(d.done_minutes))
    sessions = Plural.tr("{done} of %n session(s)", "", d.sessions_target)  # type: ignore[arg-type]  # the class names the context
    sessions = sessions.format(done=d.sessions_done)
    left = (translate("Plan", "done ✓") if d.complete else
            translate("Plan", "{minutes} min left").format(minutes=number(d.left_minutes)))
    return translate("Plan", "Today {done} of {target} min · {sessions} · {left}").format(
        done=number(d.done_minutes), target=number(d.target_minutes), sessions=sessions, left=left)


# the next step's link: (words in the sentence, link name, link text)
STEP_LINKS = (("resonance assessment", "assess", QT_TRANSLATE_NOOP("Plan", "Start it…")),
              ("weekly review", "review", QT_TRANSLATE_NOOP("Plan", "Open it…")),
              ("review your weeks", "review", QT_TRANSLATE_NOOP("Plan", "Open the review…")),
              ("Choose a plan", "plan", QT_TRANSLATE_NOOP("Plan", "Choose…")))


def step_link(step: str) -> tuple[str, str] | None:
    """(link name, link text) for what the next step asks, or None (a session: Space starts it)."""
    return next(((name, translate("Plan", text)) for words, name, text in STEP_LINKS if words in step), None)


class TodayPanel(QFrame):
    """Two short lines (the dose; the next step, wrapped, with a link to do it) and two small buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.dose = QLabel()
        self.dose.setAccessibleName(translate("Plan", "Today's practice"))
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.step.setAccessibleName(translate("Plan", "Next step"))
        self.step.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.next_words = ""  # the next step as a sentence (the label adds a link)
        self.plan_button = QPushButton(translate("Plan", "Plan…"))
        self.plan_button.setAccessibleName(translate("Plan", "Practice plan"))
        self.review_button = QPushButton(translate("Plan", "Weekly review…"))
        self.review_button.setAccessibleName(translate("Plan", "Weekly review"))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.dose, 1)
        top.addWidget(self.plan_button)
        top.addWidget(self.review_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 3, 6, 3)
        lay.setSpacing(1)
        lay.addLayout(top)
        lay.addWidget(self.step)

    def show_today(self, today: Today) -> None:
        self.dose.setText(f"<b>{dose_words(today)}</b>")
        step = next_step_words(today.next_step)  # core's English sentence, matched by its template (the link too)
        self.next_words = translate("Plan", "Next: {step}").format(step=step) if today.next_step else ""
        link = step_link(today.next_step)
        self.step.setText(self.next_words + (f' <a href="{link[0]}">{link[1]}</a>' if link else ""))
        self.setToolTip(plan_words(today.plan))
        self.setAccessibleDescription(f"{dose_words(today)}. " + translate("Plan", "Next: {step}").format(step=step))


def _layout_holding(layout: QLayout, widget: QWidget) -> QLayout | None:
    """The (sub)layout that holds ``widget`` directly."""
    if layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        item = layout.itemAt(i)
        child = item.layout() if item is not None else None
        if child is not None and (found := _layout_holding(child, widget)) is not None:
            return found
    return None


class PracticePlanUi(QObject):
    """Today's panel, the Practice menu, the Plan…, Weekly review… and Getting started… windows."""

    def __init__(self, window: MainWindow, today: Callable[[], date] = date.today) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.today = today
        self.panel = TodayPanel()
        central = window.centralWidget()
        outer = central.layout() if central is not None else None
        column = _layout_holding(outer, window.ui.disclaimer) if outer is not None else None
        if isinstance(column, QVBoxLayout):
            column.insertWidget(column.indexOf(window.ui.disclaimer), self.panel)
        window.ui.top.installEventFilter(self)  # presentation hides the control bar: the panel goes with it
        window.installEventFilter(self)  # back in the window: read today's practice again
        self.panel.step.linkActivated.connect(self.follow)
        self.panel.plan_button.clicked.connect(lambda: self.open_plan())
        self.panel.review_button.clicked.connect(lambda: self.open_review())

        self.menu = QMenu(translate("Plan", "&Practice"), window.menuBar())
        learn = next((a for a in window.menuBar().actions() if a.text().replace("&", "") in (translate("Learn", "&Learn").replace("&", ""),
                                                                                translate("Menus", "&Help").replace("&", ""))), None)
        if learn is not None:
            window.menuBar().insertMenu(learn, self.menu)
        else:
            window.menuBar().addMenu(self.menu)
        self.first_run_action = QAction(translate("Plan", "Getting started…"), window)
        self.first_run_action.triggered.connect(lambda _=False: self.open_first_run())
        self.plan_action = QAction(translate("Plan", "Plan…"), window)
        self.plan_action.triggered.connect(lambda _=False: self.open_plan())
        self.review_action = QAction(translate("Plan", "Weekly review…"), window)
        self.review_action.triggered.connect(lambda _=False: self.open_review())
        for action in (self.first_run_action, self.plan_action, self.review_action):
            self.menu.addAction(action)

        self.plan_dialog: QWidget | None = None
        self.review: WeeklyReview | None = None
        self.first_run: FirstRunWizard | None = None
        self.shown: Today | None = None
        self._day: date | None = None
        self._attached = False
        self._read_at_s = -math.inf
        self.clock: Callable[[], float] = time.monotonic  # when today's practice was last read
        self.show_today(Today(practice_plan(self.settings), todays_dose(practice_plan(self.settings), 0.0, 0),
                              "", known=False))
        self.attach_timer = QTimer(self)  # started by store_installed: a window without a store never polls
        self.attach_timer.timeout.connect(self._try_attach)
        self.day_timer = QTimer(self)
        self.day_timer.timeout.connect(self._day_check)
        self.day_timer.start(DAY_POLL_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.window.ui.top and event.type() in (QEvent.Type.Hide, QEvent.Type.Show):
            self.panel.setVisible(event.type() == QEvent.Type.Show)
        elif watched is self.window and event.type() == QEvent.Type.WindowActivate and self._attached \
                and not self.window.live.session.running \
                and self.clock() - self._read_at_s >= REFRESH_ON_ACTIVATE_AFTER_S:
            self.refresh()
        return False

    # -- the store -------------------------------------------------------------
    def library(self) -> Any:
        integration = getattr(self.window, "store_integration", None)
        library = getattr(integration, "library", None)
        return library if library is not None and library.available else None

    def store_installed(self) -> None:
        """A session store came to the window (ui/store_integration.py): read today's practice from it
        once the warm-up thread has loaded what reading it imports (polled every ATTACH_POLL_MS)."""
        if not self._attached:
            self.attach_timer.start(ATTACH_POLL_MS)

    def _try_attach(self) -> None:
        integration = getattr(self.window, "store_integration", None)
        if integration is None or warm_imports.loading(PROGRESS_MODULE):
            return  # (its reading imports SciPy: the warm-up thread's to do, or the window stalls ~0.6 s)
        self.attach_timer.stop()
        if not self._attached:
            self._attached = True
            integration.saved.connect(lambda _sid: self.refresh())
        self.refresh()

    def _day_check(self) -> None:
        if self._day is not None and self.today() != self._day:
            self.refresh()

    def refresh(self) -> Today:
        """Read today's practice again and show it."""
        day = self.today()
        self._day = day
        self._read_at_s = self.clock()
        library = self.library()
        if library is None:
            plan = practice_plan(self.settings)
            dose = todays_dose(plan, 0.0, 0)
            shown = Today(plan, dose, next_step(plan, day, dose, None, _iso(self.settings.plan_last_review)),
                          known=self._attached, day=day)
        else:
            try:
                shown = today_from(library.list_sessions(), library.resonance_assessments(), self.settings, day)
            except Exception as exc:  # noqa: BLE001 (a store that cannot be read must not break the window)
                plan = practice_plan(self.settings)
                shown = Today(plan, todays_dose(plan, 0.0, 0),
                              translate("Plan", "your sessions could not be read ({error}).").format(error=exc))
        self.show_today(shown)
        return shown

    def show_today(self, today: Today) -> None:
        self.shown = today
        self.panel.show_today(today)

    def plan_changed(self) -> None:
        """The plan in the settings changed: save, tell the store glue (what it compares), show it."""
        library = self.library()
        if library is not None:
            library.plan = practice_plan(self.settings)
        self.window.save()
        self.refresh()

    # -- the windows -----------------------------------------------------------
    def follow(self, link: str) -> None:
        """The next step's link: the assessment, the review or the plan."""
        if link == "assess":
            self.window.open_resonance_wizard()
        elif link == "review":
            self.open_review()
        elif link == "plan":
            self.open_plan()

    def open_plan(self) -> QWidget:
        from biofeedback.ui.plan_dialog import PlanDialog

        dialog = PlanDialog(self.settings, self.today, self.window)
        dialog.accepted.connect(self.plan_changed)
        dialog.open()
        self.plan_dialog = dialog
        return dialog

    def open_review(self) -> WeeklyReview:
        """The weekly review; opening it counts as this week's review (the next step moves on)."""
        from biofeedback.ui.weekly_review import WeeklyReview

        if self.review is None:
            self.review = WeeklyReview(self.window.theme, self.today, parent=self.window)
            self.review.reassess_requested.connect(self.window.open_resonance_wizard)
            self.review.plan_requested.connect(self.open_plan)
        library = self.library()
        self.review.load(library, self.settings)
        self.review.show()
        self.review.raise_()
        self.review.activateWindow()
        self.settings.plan_last_review = self.today().isoformat()
        self.window.save()
        self.refresh()
        return self.review

    def open_first_run(self) -> FirstRunWizard:
        from biofeedback.ui.first_run import FirstRunWizard

        if self.first_run is not None and self.first_run.isVisible():
            self.first_run.raise_()
            return self.first_run
        self.first_run = FirstRunWizard(self.window, self)
        self.first_run.show()
        return self.first_run


def install_practice_plan(window: MainWindow, today: Callable[[], date] = date.today) -> PracticePlanUi:
    """Today's dose in ``window`` and the Practice menu (see the module's docstring)."""
    return PracticePlanUi(window, today)
