"""Getting started: the first-run path on a new settings file, and again from Practice → Getting started….

Five pages, each skippable: what the tool is and is not (not a medical device);
connect a sensor (or the simulated one; Check my sensor…); a 2-minute first
session (the path steps aside while it runs and comes back when it ends); the
resonance assessment, now or when ready; then a plan (ui/plan_dialog.py), which
can be changed later (Practice → Plan…). Closing it any way marks the first run
as seen; Finish also saves the plan chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from biofeedback.core.resonance.plan import default_minutes as assessment_minutes
from biofeedback.ui.i18n import not_a_medical_device, translate
from biofeedback.ui.plan_dialog import PlanChooser

if TYPE_CHECKING:
    from biofeedback.ui.main_window import MainWindow
    from biofeedback.ui.practice_plan import PracticePlanUi

FIRST_SESSION_MIN = 2

# {disclaimer}: the not-a-medical-device sentence, in the window's language (ui/i18n.py)
WHAT_IT_IS = QT_TRANSLATE_NOOP("GettingStarted", """
<p><b>What it is.</b> A breathing trainer that shows your heart rhythm as it happens. A pacer shows
when to breathe in and out, slowly (about six breaths a minute); a sensor on your finger, ear or
chest gives your heart beats, and the screen shows how your heart rate rises and falls with each
breath. Practised regularly (most studies: about 20 minutes twice a day for some weeks), slow
breathing at your own "resonance" rate helps many people feel calmer and cope better with stress
and pain; the measured effects are small to moderate.</p>
<p><b>What it is not.</b> {disclaimer} It gives no diagnosis and no treatment, and does
not replace your doctor's care. If you have a heart condition, breathing difficulties or chronic
pain, ask a health professional before practising, and stop if you feel dizzy or short of breath:
breathe normally again.</p>
<p><b>The next few pages</b> (each can be skipped): connect a sensor, a first {minutes}-minute session,
the resonance assessment when you are ready, and a plan.</p>
""")


def what_it_is() -> str:
    """The first page's text in the window's language, the disclaimer's meaning exact."""
    return translate("GettingStarted", WHAT_IT_IS).format(disclaimer=not_a_medical_device(),
                                                          minutes=FIRST_SESSION_MIN)


def _text(html: str) -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    return label


class FirstRunWizard(QWizard):
    """Not modal: the main window stays usable (connect, session, assessment happen there)."""

    def __init__(self, window: MainWindow, plan_ui: PracticePlanUi) -> None:
        super().__init__(window)
        self.window_ = window
        self.plan_ui = plan_ui
        self.setWindowTitle(translate("GettingStarted", "biofeedback — getting started"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self._session_page_waiting = False

        # 1: what it is and is not
        about = QWizardPage()
        about.setTitle(translate("GettingStarted", "Welcome: please read"))
        self.browser = QTextBrowser()
        self.browser.setHtml(what_it_is())
        self.browser.setAccessibleName(translate("GettingStarted", "What this tool is and is not"))
        QVBoxLayout(about).addWidget(self.browser)

        # 2: a sensor
        sensor = QWizardPage()
        sensor.setTitle(translate("GettingStarted", "Connect a sensor"))
        self.simulated_button = QPushButton(translate("GettingStarted", "Use the simulated sensor"))
        self.simulated_button.clicked.connect(self.connect_simulated)
        self.chosen_button = QPushButton(translate("GettingStarted", "Connect the sensor chosen in the Source box"))
        self.chosen_button.clicked.connect(window.connect_source)
        self.check_button = QPushButton(translate("GettingStarted", "Check my sensor…"))
        self.check_button.clicked.connect(lambda: window.sensor_check.open())
        self.connection = QLabel()
        self.connection.setAccessibleName(translate("GettingStarted", "Connection"))
        lay = QVBoxLayout(sensor)
        lay.addWidget(_text(translate(
            "GettingStarted",
            "Choose your sensor in the <b>Source</b> box at the top of the main window (a finger or ear sensor on "
            "a serial port, a chest strap over Bluetooth), then connect it. No sensor yet? The simulated one "
            "behaves like a person breathing, so you can try everything (its sessions are kept but not counted "
            "as practice). <b>Check my sensor</b> shows your pulse as it arrives and says when it sits well.")))
        row = QHBoxLayout()
        for b in (self.chosen_button, self.simulated_button, self.check_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.connection)
        lay.addStretch(1)

        # 3: a first session
        first = QWizardPage()
        first.setTitle(translate("GettingStarted", "A first session: {minutes} minutes").format(minutes=FIRST_SESSION_MIN))
        self.session_button = QPushButton(translate("GettingStarted", "Start a {minutes}-minute session").format(
            minutes=FIRST_SESSION_MIN))
        self.session_button.clicked.connect(self.start_first_session)
        self.session_note = QLabel()
        self.session_note.setWordWrap(True)
        lay = QVBoxLayout(first)
        lay.addWidget(_text(translate(
            "GettingStarted",
            "Sit upright and at ease, feet on the floor, shoulders loose. Breathe in through the nose while the "
            "circle grows, out while it shrinks: low into the belly, slow, never forced. A short check-in asks "
            "how you feel before and after (you may skip it). This page steps aside while the session runs "
            "and comes back when it ends.")))
        lay.addWidget(self.session_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.session_note)
        lay.addStretch(1)

        # 4: the resonance assessment
        assess = QWizardPage()
        assess.setTitle(translate("GettingStarted", "Your resonance rate, when you are ready"))
        self.assess_button = QPushButton(translate("GettingStarted", "Find my resonance rate now…"))
        self.assess_button.clicked.connect(self.start_assessment)
        lay = QVBoxLayout(assess)
        lay.addWidget(_text(translate(
            "GettingStarted",
            "Each person's heart rhythm swings most at one breathing rate, usually between 4.5 and 6.5 breaths "
            "a minute. The assessment (about {minutes} minutes) paces you at five rates in turn and finds yours; "
            "its minutes count as practice. Do it once you are at ease with the pacer: today, or another "
            "day (the next step in the main window reminds you; Tools → Find my resonance rate… at any time).").format(
            minutes=assessment_minutes())))
        lay.addWidget(self.assess_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)

        # 5: a plan
        plan = QWizardPage()
        plan.setTitle(translate("GettingStarted", "Choose a plan (you can change it later: Practice → Plan…)"))
        self.chooser = PlanChooser(window.settings, plan_ui.today, plan)
        lay = QVBoxLayout(plan)
        lay.addWidget(self.chooser, 1)
        lay.addWidget(_text(translate("GettingStarted",
                                      "Learn → Today's lesson has a short read for each of the first two weeks; "
                                      "Learn → Practice reminders… can remind you at the times you pick.")))
        self.lesson_button = QPushButton(translate("GettingStarted", "Read today's lesson…"))
        learn = getattr(window, "learn", None)
        self.lesson_button.setVisible(learn is not None)
        if learn is not None:
            self.lesson_button.clicked.connect(lambda: learn.open_today())
        lay.addWidget(self.lesson_button, 0, Qt.AlignmentFlag.AlignLeft)

        for page in (about, sensor, first, assess, plan):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("GettingStarted", "Save my plan"))
        window.live.connected_changed.connect(self._connected)
        window.live.session_stopped.connect(self._session_stopped)
        self._connected(window.live.connected)
        self.finished.connect(self._done)
        self.resize(720, 540)

    # -- actions ---------------------------------------------------------------
    def connect_simulated(self) -> None:
        w = self.window_
        w.settings.source_kind = "simulated"
        w.ui.sources.load(w.settings)
        w.connect_source()

    def _connected(self, on: bool) -> None:
        self.connection.setText(translate("GettingStarted", "<b>Connected.</b> Beats appear in the main window; go on with Next.") if on else
                                translate("GettingStarted", "Not connected yet."))
        self.session_button.setEnabled(on)
        self.session_note.setText("" if on else translate("GettingStarted", "Connect a sensor first (the page before)."))

    def start_first_session(self) -> None:
        """A 2-minute session in the main window; this path steps aside until it ends."""
        w = self.window_
        w.ui.duration.setCurrentIndex(max(w.ui.duration.findData(FIRST_SESSION_MIN), 0))
        if w.live.session.running:
            return
        self._session_page_waiting = True
        self.hide()
        w.toggle_session()

    def _session_stopped(self, reason: str) -> None:
        if not self._session_page_waiting:
            return
        self._session_page_waiting = False
        self.session_note.setText(translate("GettingStarted", "Session done. Well done: its summary is in the main window (and in History).")
                                  if reason == "completed" else translate("GettingStarted", "Session stopped early: you can start another."))
        self._back()

    def start_assessment(self) -> None:
        self.hide()
        self.window_.open_resonance_wizard()
        wizard = self.window_.wizard
        if wizard is not None:
            wizard.finished.connect(self._back)

    def _back(self, _result: int = 0) -> None:
        self.show()
        self.raise_()

    # -- the end ---------------------------------------------------------------
    def _done(self, result: int) -> None:
        w = self.window_
        w.settings.first_run_notice_seen = True
        try:
            w.live.connected_changed.disconnect(self._connected)
            w.live.session_stopped.disconnect(self._session_stopped)
        except (RuntimeError, TypeError):
            pass
        if result == QWizard.DialogCode.Accepted and self.currentPage() is self.page(self.pageIds()[-1]):
            self.chooser.apply()
            self.plan_ui.plan_changed()  # saves
        else:
            w.save()

