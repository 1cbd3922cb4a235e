"""Resonance-rate wizard: pace 6.5 to 4.5 breaths/min, then rank the rates (Lehrer et al. 2000).

Three pages: an introduction with the block length, the paced blocks (the
training pacer, progress and what comes next), and the result: the
recommendation (or why none could be made), the rates ranked with the
criteria each won and why a block was not usable, and the per-block heart-rate
curves side by side. "Save as my training rate" emits ``rate_chosen`` and,
with ``persist=True``, writes it to the user settings.

Beats come either from a ``driver`` stepped on the wizard's own clock
(``advance(t_s) -> (beats, breathing phase or None)``: the in-process
simulated sensor, optionally accelerated by ``speed``) or from outside via
:meth:`add_beats` with beat times on ``clock()``'s time base (the live app).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biofeedback.core.assessment import REST, AssessmentPlan, AssessmentSession
from biofeedback.core.resonance import CRITERIA, ResonanceResult, outlier_beats
from biofeedback.ui.pacer_widget import PacerWidget
from biofeedback.ui.theme import DARK, Theme

TICK_MS = 40  # redraw and stepping period
SUB_STEP_S = 0.25  # simulated seconds per driver step (phase samples at 4 Hz or more)
CRITERION_LABELS = {
    "phase": "HR peak closest to end of inhale",
    "amplitude": "largest HR swing",
    "lf_power": "largest LF power",
    "lf_peak": "highest LF peak",
    "smoothness": "smoothest HR curve",
    "single_peak": "single LF peak",
}


def _mmss(seconds: float) -> str:
    s = max(int(round(seconds)), 0)
    return f"{s // 60}:{s % 60:02d}"


class ResonanceWizard(QDialog):
    """Find the user's resonance breathing rate; emits ``rate_chosen(bpm)`` on save."""

    rate_chosen = Signal(float)
    assessment_finished = Signal(object)  # ResonanceResult
    pacer_rate_changed = Signal(float)  # a block began: a simulated person should follow it

    def __init__(
        self,
        driver=None,
        speed: float = 1.0,
        plan: AssessmentPlan | None = None,
        clock: Callable[[], float] = time.monotonic,
        persist: bool = False,
        save_result: bool = True,
        theme: Theme = DARK,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find your resonance breathing rate")
        self.driver = driver
        self.speed = float(speed)
        self.plan = plan or AssessmentPlan()
        self.clock = clock
        self.persist = persist
        self.save_result = save_result
        self.theme = theme
        self.session: AssessmentSession | None = None
        self.result: ResonanceResult | None = None
        self.notice = ""  # e.g. why the result could not be stored
        self._t_s = 0.0
        self._real_last: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_intro())
        self.stack.addWidget(self._build_running())
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.resize(1100, 720)

    # -- pages ---------------------------------------------------------------
    def _build_intro(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        title = QLabel("Find your resonance breathing rate")
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        rates = ", ".join(f"{r:g}" for r in self.plan.rates_bpm)
        text = QLabel(
            f"You will breathe with the pacer at {rates} breaths per minute, one block each. "
            "Sit comfortably, keep the sensor still and breathe gently: not deeper than feels easy.\n\n"
            "Afterwards the rates are compared by how strongly and smoothly your heart rate rises "
            "and falls with each breath (Lehrer, Vaschillo & Vaschillo 2000). The rate that wins "
            "most criteria is suggested as your training rate. A retest on another day is wise.\n\n"
            "This is a relaxation tool, not a medical device.")
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 13pt;")
        form = QFormLayout()
        self.block_spin = QDoubleSpinBox()
        self.block_spin.setRange(30.0, 600.0)
        self.block_spin.setSuffix(" s")
        self.block_spin.setValue(self.plan.block_s)
        self.rest_spin = QDoubleSpinBox()
        self.rest_spin.setRange(0.0, 300.0)
        self.rest_spin.setSuffix(" s")
        self.rest_spin.setValue(self.plan.rest_s)
        form.addRow("Time per rate", self.block_spin)
        form.addRow("Rest between rates", self.rest_spin)
        self.start_button = QPushButton("Start")
        self.start_button.setMinimumHeight(44)
        self.start_button.clicked.connect(self.start)
        v.addWidget(title)
        v.addWidget(text)
        v.addLayout(form)
        v.addStretch(1)
        v.addWidget(self.start_button)
        return page

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
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        v.addWidget(self.block_label)
        v.addLayout(self.pacer_slot, 1)
        v.addWidget(self.next_label)
        v.addWidget(self.progress)
        v.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.pacer_widget: PacerWidget | None = None
        return page

    def _build_result(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.headline = QLabel("")
        self.headline.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.headline.setWordWrap(True)
        self.explain = QLabel("")
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("font-size: 12pt;")
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            ["Rate /min", "HR swing bpm", "LF power ms²", "HR peak vs end of inhale",
             "Smoothness", "Criteria won, or why the block was not used"])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setStyleSheet("font-size: 12pt;")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.curves = pg.GraphicsLayoutWidget()
        self.curves.setMinimumHeight(190)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Save as my training rate")
        self.save_button.setMinimumHeight(40)
        self.save_button.clicked.connect(self.save_rate)
        self.retest_button = QPushButton("Retest")
        self.retest_button.clicked.connect(self.restart)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.accept)
        self.saved_label = QLabel("")
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.retest_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        v.addWidget(self.headline)
        v.addWidget(self.explain)
        v.addWidget(self.table, 3)
        v.addWidget(QLabel("Heart rate during each block (scored part; x = artifact, bridged):"))
        v.addWidget(self.curves, 2)
        v.addLayout(buttons)
        return page

    # -- running -------------------------------------------------------------
    @property
    def page(self) -> str:
        return ("intro", "running", "result")[self.stack.currentIndex()]

    def start(self) -> None:
        block_s = float(self.block_spin.value())
        self.plan = AssessmentPlan(self.plan.rates_bpm, block_s, float(self.rest_spin.value()),
                                   min(self.plan.settle_s, block_s / 4))
        self._t_s = 0.0 if self.driver is not None else self.clock()
        self.session = AssessmentSession(self.plan, t0_s=self._t_s)
        if self.pacer_widget is not None:
            self.pacer_slot.removeWidget(self.pacer_widget)
            self.pacer_widget.deleteLater()
        self.pacer_widget = PacerWidget(self.session.pacer)
        self.pacer_widget.set_theme(self.theme)
        self.pacer_slot.addWidget(self.pacer_widget)
        self._step_to(self._t_s)
        self._show_state()
        self._real_last = time.monotonic()
        self.stack.setCurrentIndex(1)
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        self.session = None
        self.stack.setCurrentIndex(0)

    def restart(self) -> None:
        self.result = None
        self.saved_label.setText("")
        self.stack.setCurrentIndex(0)

    def add_beats(self, beats) -> None:
        """Beats from the live pipeline, with t_s on ``clock()``'s time base."""
        if self.session is not None and self.driver is None:
            self.session.add_beats(beats)

    def _step_to(self, t_end: float) -> None:
        """Advance the session (and the driver) to ``t_end`` in sub-steps."""
        session = self.session
        while True:
            t = min(t_end, self._t_s + SUB_STEP_S) if self.driver is not None else t_end
            phase = None
            if self.driver is not None and t > 0:
                beats, phase = self.driver.advance(t)
                session.add_beats(beats)
            rate = session.update(t, phase)
            if rate is not None:
                if self.driver is not None:
                    self.driver.set_breathing_rate(rate)
                self.pacer_rate_changed.emit(rate)
            self._t_s = t
            if t >= t_end - 1e-9 or session.done:
                break

    def _tick(self) -> None:
        if self.session is None:
            return
        now = time.monotonic()
        if self.driver is not None:
            dt = now - (self._real_last or now)
            self._step_to(self._t_s + dt * self.speed)
        else:
            self._step_to(self.clock())
        self._real_last = now
        self._show_state()
        if self.session.done:
            self._finish()

    def _show_state(self) -> None:
        st = self.session.state
        n = len(self.plan.rates_bpm)
        if st.phase == REST:
            self.block_label.setText("Rest: breathe as you like")
            nxt = self.plan.rates_bpm[st.block_index]
            self.next_label.setText(f"next: {nxt:g} breaths/min in {_mmss(st.phase_remaining_s)}")
        elif st.rate_bpm is not None:
            self.block_label.setText(f"Rate {st.block_index + 1} of {n}: {st.rate_bpm:g} breaths/min")
            later = (f"then {self.plan.rates_bpm[st.block_index + 1]:g} breaths/min"
                     if st.block_index + 1 < n else "then the result")
            self.next_label.setText(f"{_mmss(st.phase_remaining_s)} left in this block, {later}")
        self.progress.setValue(int(1000 * st.progress))
        if self.pacer_widget is not None:
            self.pacer_widget.set_time(self._t_s)

    def _finish(self) -> None:
        self._timer.stop()
        if self.driver is not None:
            flush = getattr(getattr(self.driver, "run", None), "pipeline", None)
            if flush is not None:
                self.session.add_beats(flush.flush().beats)
        self.result = self.session.result()
        self._fill_result(self.result)
        self.stack.setCurrentIndex(2)
        if self.save_result:
            self._store(self.result)
        self.assessment_finished.emit(self.result)

    def _store(self, result: ResonanceResult) -> None:
        from biofeedback.core.assessment import result_dict
        from biofeedback.io.assessment_file import save_assessment

        source = "simulated" if self.driver is not None else "sensor"
        try:
            save_assessment(result_dict(result, self.plan, source))
        except OSError as error:
            self.notice = f"The result could not be kept in your history ({error})."
            self.saved_label.setText(self.notice)

    # -- result ----------------------------------------------------------------
    def _fill_result(self, result: ResonanceResult) -> None:
        th = self.theme
        if result.recommended_bpm is None:
            self.headline.setText("No resonance rate could be determined")
            summary = [r for r in result.reasons if not r[:1].isdigit()]
            self.explain.setText(
                "Why: " + "; ".join(summary) + ". Details per rate are in the table. "
                "Try again sitting still and breathing with the pacer.")
            self.save_button.setEnabled(False)
        else:
            rate = result.recommended_bpm
            won = [CRITERION_LABELS[c] for c in result.wins[rate]]
            self.headline.setText(f"Your resonance rate: {rate:g} breaths per minute")
            self.explain.setText(
                f"It won {len(won)} of {len(CRITERIA)} criteria: {', '.join(won)}. "
                "Rates are ranked by criteria won (ties: larger heart-rate swing). "
                "A retest on another day is recommended.")
            self.save_button.setEnabled(True)
        order = {r: k for k, r in enumerate(result.ranking_bpm)}
        blocks = sorted(result.blocks, key=lambda b: order.get(b.rate_bpm, 99))
        self.table.setRowCount(len(blocks))

        def fmt(x, spec):
            return "--" if x is None else format(x, spec)

        for row, b in enumerate(blocks):
            lag = "--" if b.phase_lag_deg is None else f"{b.phase_lag_deg:+.0f}° ({b.phase_lag_s:+.1f} s)"
            wins = ", ".join(CRITERION_LABELS[c] for c in result.wins.get(b.rate_bpm, ()))
            note = (("won: " + wins) if wins else "won no criterion") if b.usable else \
                "not used: " + "; ".join(b.reasons)
            cells = [f"{b.rate_bpm:g}", fmt(b.amplitude_bpm, ".1f"), fmt(b.lf_power_ms2, ".0f"), lag,
                     "--" if b.smoothness_r2 is None else f"{100 * b.smoothness_r2:.0f} %", note]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if b.rate_bpm == result.recommended_bpm:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(QColor(th.ok))
                elif not b.usable:
                    item.setForeground(QColor(th.muted))
                self.table.setItem(row, col, item)
        self._plot_blocks(result)
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)  # once the columns have their widths

    def _plot_blocks(self, result: ResonanceResult) -> None:
        th = self.theme
        self.curves.clear()
        self.curves.setBackground(th.background)
        recorder = self.session.recorder
        first = None
        for i, rate in enumerate(self.plan.rates_bpm):
            t, rr, corr = recorder.block_beats(i)
            best = rate == result.recommended_bpm
            title_colour = th.ok if best else th.text
            plot = self.curves.addPlot(row=0, col=i)
            plot.setTitle(f"{rate:g} /min" + ("  ★" if best else ""), color=title_colour, size="12pt")
            plot.setMouseEnabled(False, False)
            plot.hideButtons()
            plot.getAxis("bottom").setLabel("s")
            if i == 0:
                plot.getAxis("left").setLabel("HR bpm")
            for name in ("left", "bottom"):
                plot.getAxis(name).setTextPen(pg.mkPen(th.muted))
                plot.getAxis(name).setPen(pg.mkPen(th.muted))
            if t.size:
                lo, _ = self.session.protocol.scored_window(i)
                colour = th.heart if best else th.accent
                bad = corr | outlier_beats(rr)
                good_hr = 60000.0 / rr
                if bad.any() and not bad.all():  # drawn as scored: artifacts bridged, marked below
                    good_hr = np.interp(t, t[~bad], good_hr[~bad])
                plot.plot(t - lo, good_hr, pen=pg.mkPen(colour, width=2.5 if best else 1.5))
                if bad.any():
                    plot.plot(t[bad] - lo, good_hr[bad], pen=None, symbol="x", symbolSize=8,
                              symbolPen=pg.mkPen(th.warn, width=1.5))
            if first is None:
                first = plot
            else:
                plot.setYLink(first)
        hr_all = [60000.0 / recorder.block_beats(i)[1] for i in range(len(self.plan.rates_bpm))]
        hr_all = [h for h in hr_all if h.size]
        if first is not None and hr_all:
            lo, hi = np.percentile(np.concatenate(hr_all), [1.0, 99.0])
            first.setYRange(lo - 3, hi + 3, padding=0)

    def save_rate(self) -> None:
        """Use the recommended rate for training: emit it and, if asked, store it in the settings."""
        if self.result is None or self.result.recommended_bpm is None:
            return
        rate = float(self.result.recommended_bpm)
        if self.persist:
            from biofeedback.app.settings import load_settings, save_settings

            settings, _ = load_settings()
            settings.pacer_rate_bpm = rate
            save_settings(settings)
        self.rate_chosen.emit(rate)
        self.saved_label.setText(f"Saved: your training rate is now {rate:g} breaths/min.")

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._timer.stop()
        super().closeEvent(event)
