"""Resonance-rate wizard: pace 6.5 to 4.5 breaths/min, then rank the rates (Lehrer et al. 2000).

Three pages: an introduction with the block length (never shorter than a
block that can be scored), the paced blocks (the pacer, progress and what
comes next), and the result (``wizard_result``). "Save as my training rate"
emits ``rate_chosen`` and, with ``persist=True``, writes it to the settings.

In the app the wizard runs on the ``LiveSession`` (``live=``): its pacer is
the live session's active pacer while the blocks run, so the person, real or
simulated, follows it. Without one it steps an in-process simulated sensor
(``driver=``, optionally accelerated by ``speed``).

A timer calls ``step`` every TICK_MS; the runner reads the live session's
clock, so on a virtual clock (``io.clock.ManualClock``) nothing moves until
the clock does. A test that wants every step at a known clock time sets
``auto_step = False`` before ``start`` and calls ``step`` itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from biofeedback.app.assessment_runner import DriverAssessment, LiveAssessment, shortest_block_s
from biofeedback.app.live_session import LiveSession
from biofeedback.core.resonance.assessment import REST, AssessmentPlan, AssessmentSession
from biofeedback.core.resonance.scoring import ResonanceResult
from biofeedback.ui.accessibility import name_views
from biofeedback.ui.i18n import rate_list, rate_text, translate
from biofeedback.ui.pacer_widget import PacerWidget
from biofeedback.ui.theme import DARK, Theme
from biofeedback.ui.wizard_result import CRITERION_LABELS, WizardResultPage

__all__ = ["CRITERION_LABELS", "ResonanceWizard"]

TICK_MS = 40  # redraw and stepping period


def _mmss(seconds: float) -> str:
    s = max(int(round(seconds)), 0)
    return f"{s // 60}:{s % 60:02d}"


class ResonanceWizard(QDialog):
    """Find the user's resonance breathing rate; emits ``rate_chosen(bpm)`` on save."""

    rate_chosen = Signal(float)
    assessment_finished = Signal(object)  # ResonanceResult

    def __init__(
        self,
        driver=None,
        speed: float = 1.0,
        plan: AssessmentPlan | None = None,
        live: LiveSession | None = None,
        persist: bool = False,
        save_result: bool = True,
        theme: Theme = DARK,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (driver is None) == (live is None):
            raise ValueError("the wizard runs either on a live session or on a simulated driver")
        self.setWindowTitle(translate("ResonanceWizard", "Find your resonance breathing rate"))
        self.runner = LiveAssessment(live) if live is not None else DriverAssessment(driver, speed)
        self.plan = plan or AssessmentPlan()
        self.persist = persist
        self.save_result = save_result
        self.theme = theme
        self.session: AssessmentSession | None = None
        self.assessment_result: ResonanceResult | None = None
        self.notice = ""  # e.g. why the result could not be stored
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.step)
        self.auto_step = True  # False: the caller steps (``step``), no timer
        self.result_page = WizardResultPage()
        r = self.result_page
        self.headline, self.explain, self.table, self.curves = r.headline, r.explain, r.table, r.curves
        self.save_button, self.saved_label = r.save_button, r.saved_label
        r.save_button.clicked.connect(self.save_rate)
        r.retest_button.clicked.connect(self.restart)
        r.close_button.clicked.connect(self.accept)
        self.finished.connect(lambda _code: self.runner.stop())  # closed or accepted: the pacer goes back
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_intro())
        self.stack.addWidget(self._build_running())
        self.stack.addWidget(r)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        name_views(self, translate("ResonanceWizard", "Heart rate by breathing rate"))  # the result's curves: no Tab stop, a name
        self.resize(1100, 720)

    # -- pages ---------------------------------------------------------------
    def _build_intro(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        title = QLabel(translate("ResonanceWizard", "Find your resonance breathing rate"))
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        rates = rate_list(self.plan.rates_bpm)
        text = QLabel("\n\n".join((
            translate("ResonanceWizard", "You will breathe with the pacer at {rates} breaths per minute, one block each. "
                      "Sit comfortably, keep the sensor still and breathe gently: not deeper than feels easy.")
            .format(rates=rates),
            translate("ResonanceWizard", "Afterwards the rates are compared by how strongly and smoothly your heart "
                      "rate rises and falls with each breath (Lehrer, Vaschillo & Vaschillo 2000). The rate that "
                      "wins most criteria is suggested as your training rate. A retest on another day is wise."),
            translate("ResonanceWizard", "This is a relaxation tool, not a medical device."))))
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 13pt;")
        form = QFormLayout()
        self.block_spin = QDoubleSpinBox()
        self.block_spin.setRange(shortest_block_s(self.plan.rates_bpm, self.plan.settle_s), 600.0)
        self.block_spin.setSuffix(" s")  # the SI symbol in every language
        self.block_spin.setValue(max(self.plan.block_s, self.block_spin.minimum()))
        self.rest_spin = QDoubleSpinBox()
        self.rest_spin.setRange(0.0, 300.0)
        self.rest_spin.setSuffix(" s")
        self.rest_spin.setValue(self.plan.rest_s)
        form.addRow(translate("ResonanceWizard", "Time per rate"), self.block_spin)
        form.addRow(translate("ResonanceWizard", "Rest between rates"), self.rest_spin)
        self.total_label = QLabel()  # the whole assessment's length, said before Start
        self.total_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.total_label.setWordWrap(True)
        for spin in (self.block_spin, self.rest_spin):
            spin.valueChanged.connect(self._show_total)
        self._show_total()
        self.start_button = QPushButton(self.start_button_text)
        self.start_button.setMinimumHeight(44)
        self.start_button.clicked.connect(self.start)
        v.addWidget(title)
        v.addWidget(text)
        v.addLayout(form)
        v.addWidget(self.total_label)
        v.addStretch(1)
        v.addWidget(self.start_button)
        return page

    def _show_total(self) -> None:
        """The whole assessment's length from the boxes, before Start (it was said nowhere)."""
        n = len(self.plan.rates_bpm)
        block_s, rest_s = float(self.block_spin.value()), float(self.rest_spin.value())
        total_s = n * block_s + (n - 1) * rest_s
        minutes = max(round(total_s / 60.0), 1)
        if rest_s > 0 and n > 1:
            text = translate("ResonanceWizard", "It takes about {minutes} min in all: {n} rates of {block} each, "
                           "with a {rest} rest between rates.")
        else:
            text = translate("ResonanceWizard", "It takes about {minutes} min in all: {n} rates of {block} each.")
        self.total_label.setText(text.format(minutes=minutes, n=n, block=_mmss(block_s), rest=_mmss(rest_s)))
        self.start_button_text = translate("ResonanceWizard", "Start ({total})").format(total=_mmss(total_s))
        if hasattr(self, "start_button"):
            self.start_button.setText(self.start_button_text)

    def _build_running(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.block_label = QLabel("")
        self.block_label.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.block_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label = QLabel("")
        self.next_label.setStyleSheet("font-size: 13pt;")
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pacer_slot = QVBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(translate("ResonanceWizard", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        v.addWidget(self.block_label)
        v.addLayout(self.pacer_slot, 1)
        v.addWidget(self.next_label)
        v.addWidget(self.progress)
        v.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.pacer_widget: PacerWidget | None = None
        return page

    # -- running -------------------------------------------------------------
    @property
    def page(self) -> str:
        return ("intro", "running", "result")[self.stack.currentIndex()]

    def start(self) -> None:
        block_s = float(self.block_spin.value())
        self.plan = AssessmentPlan(self.plan.rates_bpm, block_s, float(self.rest_spin.value()),
                                   min(self.plan.settle_s, block_s / 4))
        self.session = self.runner.start(self.plan)
        if self.pacer_widget is not None:
            self.pacer_slot.removeWidget(self.pacer_widget)
            self.pacer_widget.deleteLater()
        self.pacer_widget = PacerWidget(self.session.pacer)
        self.pacer_widget.set_theme(self.theme)
        self.pacer_slot.addWidget(self.pacer_widget)
        self._show_state(self.session)
        self.stack.setCurrentIndex(1)
        if self.auto_step:
            self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        self.runner.stop()
        self.session = None
        self.stack.setCurrentIndex(0)

    def restart(self) -> None:
        self.assessment_result = None
        self.saved_label.setText("")
        self.stack.setCurrentIndex(0)

    def step(self) -> None:
        """Advance the assessment to now (the runner's clock); show the result once it is done."""
        session = self.session
        if session is None or self.page != "running":
            return
        self.runner.step()
        self._show_state(session)
        if session.done:
            self._finish(session)

    def _show_state(self, session: AssessmentSession) -> None:
        st = session.state
        n = len(self.plan.rates_bpm)
        if st.phase == REST:
            self.block_label.setText(translate("ResonanceWizard", "Rest: breathe as you like"))
            nxt = self.plan.rates_bpm[st.block_index]
            self.next_label.setText(translate("ResonanceWizard", "next: {rate} breaths/min in {clock}").format(
                rate=rate_text(nxt), clock=_mmss(st.phase_remaining_s)))
        elif st.rate_bpm is not None:
            self.block_label.setText(translate("ResonanceWizard", "Rate {k} of {n}: {rate} breaths/min").format(
                k=st.block_index + 1, n=n, rate=rate_text(st.rate_bpm)))
            later = (translate("ResonanceWizard", "then {rate} breaths/min").format(
                rate=rate_text(self.plan.rates_bpm[st.block_index + 1]))
                if st.block_index + 1 < n else translate("ResonanceWizard", "then the result"))
            self.next_label.setText(translate("ResonanceWizard", "{clock} left in this block, {later}").format(
                clock=_mmss(st.phase_remaining_s), later=later))
        self.progress.setValue(int(1000 * st.progress))
        if self.pacer_widget is not None:
            self.pacer_widget.set_time(self.runner.t_s)

    def _finish(self, session: AssessmentSession) -> None:
        self._timer.stop()
        self.runner.finish()
        try:
            self.assessment_result = session.result()
        except Exception:  # said on the page, not a wizard waiting forever; the error goes on (tests fail)
            self.result_page.headline.setText(translate("ResonanceWizard", "The assessment could not be scored"))
            self.result_page.explain.setText(
                translate("ResonanceWizard", "Something went wrong while scoring the blocks. Please retest."))
            self.save_button.setEnabled(False)
            self.stack.setCurrentIndex(2)
            raise
        self.result_page.show_result(self.assessment_result, session, self.theme)
        self.stack.setCurrentIndex(2)
        if self.save_result:
            self._store(self.assessment_result)
        self.assessment_finished.emit(self.assessment_result)

    def _store(self, result: ResonanceResult) -> None:
        from biofeedback.core.resonance.assessment import result_dict
        from biofeedback.io.assessment_file import save_assessment

        source = self.runner.source
        try:
            save_assessment(result_dict(result, self.plan, source))
        except OSError as error:
            self.notice = translate("ResonanceWizard", "The result could not be kept in your history ({error}).").format(
                error=error)
            self.saved_label.setText(self.notice)

    def save_rate(self) -> None:
        """Use the recommended rate for training: emit it and, if asked, store it in the settings."""
        if self.assessment_result is None or self.assessment_result.recommended_bpm is None:
            return
        rate = float(self.assessment_result.recommended_bpm)
        if self.persist:
            from biofeedback.app.settings import load_settings, save_settings

            settings, _ = load_settings()
            settings.pacer_rate_bpm = rate
            save_settings(settings)
        self.rate_chosen.emit(rate)
        self.saved_label.setText(translate("ResonanceWizard", "Saved: your training rate is now {rate} breaths/min.")
                                 .format(rate=rate_text(rate)))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._timer.stop()
        self.runner.stop()
        super().closeEvent(event)
