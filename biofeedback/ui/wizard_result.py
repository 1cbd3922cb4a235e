"""The wizard's result page: the recommendation (or why none), the ranked rates, per-block HR curves.

Criteria after Lehrer, Vaschillo & Vaschillo (2000), scored in core.resonance.scoring;
this page only shows them.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biofeedback.core.resonance.assessment import AssessmentSession, breathing_reference_note
from biofeedback.core.resonance.scoring import ResonanceResult, outlier_beats
from biofeedback.ui.i18n import rate_text, translate
from biofeedback.ui.theme import Theme
from biofeedback.ui.wizard_words import assessment_words

CRITERION_LABELS = {
    "phase": QT_TRANSLATE_NOOP("WizardResult", "HR peak closest to end of inhale"),
    "amplitude": QT_TRANSLATE_NOOP("WizardResult", "largest HR swing"),
    "lf_power": QT_TRANSLATE_NOOP("WizardResult", "largest LF power"),
    "lf_peak": QT_TRANSLATE_NOOP("WizardResult", "highest LF peak"),
    "smoothness": QT_TRANSLATE_NOOP("WizardResult", "smoothest HR curve"),
    "single_peak": QT_TRANSLATE_NOOP("WizardResult", "single LF peak"),
}
# the same criteria for someone at a desk, not a lab: what the page says first
CRITERION_PLAIN = {
    "phase": QT_TRANSLATE_NOOP("WizardResult", "your heart rate rose and fell most in step with your breathing"),
    "amplitude": QT_TRANSLATE_NOOP("WizardResult", "your heart rate swung the most with each breath"),
    "lf_power": QT_TRANSLATE_NOOP("WizardResult", "the slow waves of your heart rate were strongest"),
    "lf_peak": QT_TRANSLATE_NOOP("WizardResult", "those waves gathered most at your breathing rate"),
    "smoothness": QT_TRANSLATE_NOOP("WizardResult", "the heart-rate waves were smoothest"),
    "single_peak": QT_TRANSLATE_NOOP("WizardResult", "your heart rate followed one clear rhythm"),
}
CONFIDENCE_PLAIN = {"clear": QT_TRANSLATE_NOOP("WizardResult", "a clear result"), "likely": QT_TRANSLATE_NOOP("WizardResult", "a likely result, not a certain one"),
                    "uncertain": QT_TRANSLATE_NOOP("WizardResult", "an uncertain result: the rates came out close")}


def plain_reasons(criteria: list[str]) -> str:
    """"your heart rate swung the most with each breath and …" for up to three won criteria."""
    words = [translate("WizardResult", CRITERION_PLAIN[c]) for c in criteria[:3]]
    return ", ".join(words[:-1]) + (translate("WizardResult", " and ") if len(words) > 1 else "") + words[-1] if words else ""


class WizardResultPage(QWidget):
    """Shows one ResonanceResult; the wizard connects the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        self.headline = QLabel("")
        self.headline.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.headline.setWordWrap(True)
        self.explain = QLabel("")
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("font-size: 12pt;")
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [translate("WizardResult", h) for h in (
                QT_TRANSLATE_NOOP("WizardResult", "Rate /min"), QT_TRANSLATE_NOOP("WizardResult", "HR swing bpm"),
                QT_TRANSLATE_NOOP("WizardResult", "LF power ms²"),
                QT_TRANSLATE_NOOP("WizardResult", "HR peak vs end of inhale"),
                QT_TRANSLATE_NOOP("WizardResult", "Smoothness"),
                QT_TRANSLATE_NOOP("WizardResult", "Criteria won, or why the block was not used"))])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setStyleSheet("font-size: 12pt;")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setVisible(False)  # the numbers one click away: plain words come first
        self.details_button = QPushButton(translate("WizardResult", "Show the numbers behind it"))
        self.details_button.setCheckable(True)
        self.details_button.setAutoDefault(False)  # Enter stays with Save (or Retest after a failure)
        self.details_button.toggled.connect(self._show_details)
        self.curves = pg.GraphicsLayoutWidget()
        self.curves.setMinimumHeight(190)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(translate("WizardResult", "Save as my training rate"))
        self.save_button.setMinimumHeight(40)
        self.retest_button = QPushButton(translate("WizardResult", "Retest"))
        self.close_button = QPushButton(translate("WizardResult", "Close"))
        self.saved_label = QLabel("")
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.retest_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        v.addWidget(self.headline)
        v.addWidget(self.explain)
        v.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addWidget(self.table)
        v.addWidget(QLabel(translate("WizardResult", "Heart rate during each block (scored part; x = artifact, bridged):")))
        v.addWidget(self.curves, 1)
        v.addLayout(buttons)


    def _show_details(self, on: bool) -> None:
        self.table.setVisible(on)
        self.details_button.setText(translate("WizardResult", "Hide the numbers") if on else translate("WizardResult", "Show the numbers behind it"))
        if on:
            QTimer.singleShot(0, self.table, self._fit_table)

    def show_result(self, result: ResonanceResult, session: AssessmentSession, theme: Theme) -> None:
        """Fill the page: headline, ranked table, per-block heart-rate curves."""
        self.theme, self.session, self.plan = theme, session, session.protocol.plan
        th = theme
        if result.recommended_bpm is None:
            self.headline.setText(translate("WizardResult", "No resonance rate could be determined"))
            summary = [assessment_words(r) for r in result.reasons if not r[:1].isdigit()]
            self.explain.setText(
                translate("WizardResult", "Why: {reasons}. Details per rate are in the table. "
                          "Try again sitting still and breathing with the pacer.").format(reasons="; ".join(summary)))
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(translate("WizardResult", "Nothing to save: no rate could be determined. Retest instead."))
            self.retest_button.setDefault(True)  # the way on after a failed assessment, not "Save"
        else:
            rate = result.recommended_bpm
            won = list(result.wins[rate])
            self.headline.setText(translate("WizardResult", "Your resonance rate: {rate} breaths per minute").format(
                rate=rate_text(rate)))
            sure = (translate("WizardResult", CONFIDENCE_PLAIN[result.confidence_label])
                    if result.confidence_label in CONFIDENCE_PLAIN else result.confidence_label)
            self.explain.setText(
                translate("WizardResult", "At {rate} breaths per minute {reasons}: that is the rate to practise at. "
                          "This is {sure}. {note} A retest on another day is wise. (The rates were compared by "
                          "the criteria of Lehrer, Vaschillo & Vaschillo 2000; the numbers are behind the button "
                          "below.)").format(rate=rate_text(rate), reasons=plain_reasons(won), sure=sure,
                                            note=assessment_words(breathing_reference_note(result))))
            self.save_button.setEnabled(True)
            self.save_button.setToolTip("")
            self.retest_button.setDefault(False)
        order = {r: k for k, r in enumerate(result.ranking_bpm)}
        blocks = sorted(result.blocks, key=lambda b: order.get(b.rate_bpm, 99))
        self.table.setRowCount(len(blocks))

        def fmt(x, spec):
            return "--" if x is None else format(x, spec)

        for row, b in enumerate(blocks):
            lag = "--" if b.phase_lag_deg is None else f"{b.phase_lag_deg:+.0f}° ({b.phase_lag_s:+.1f} s)"
            wins = ", ".join(translate("WizardResult", CRITERION_LABELS[c]) for c in result.wins.get(b.rate_bpm, ()))
            note = ((translate("WizardResult", "won: {criteria}").format(criteria=wins) if wins else
                     translate("WizardResult", "won no criterion")) if b.usable else
                    translate("WizardResult", "not used: {reasons}").format(
                        reasons="; ".join(assessment_words(r) for r in b.reasons)))
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
        QTimer.singleShot(0, self.table, self._fit_table)  # once the columns have their widths

    def _fit_table(self) -> None:
        """Rows as tall as their text, the table as tall as its rows: the curves get the rest."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setMaximumHeight(self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth())

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
