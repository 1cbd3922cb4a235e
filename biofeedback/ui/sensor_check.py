"""Tools → Check my sensor: the raw wave of the last seconds with each beat marked as it is found,
the signal quality and what to change in words (core/beats/sensor_check.py), and placement tips for a
finger sensor, an ear clip and a chest strap. It reads the window's live model; nothing here
changes the source."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout

from biofeedback.core.beats.sensor_check import QUALITY_ADVICE, SensorVerdict, sensor_verdict
from biofeedback.ui.accessibility import name_views
from biofeedback.ui.i18n import rate_text, translate

if TYPE_CHECKING:
    from biofeedback.ui.main_window import MainWindow

WAVE_S = 8.0  # seconds of raw wave shown
REFRESH_MS = 100  # 10 redraws a second: enough to watch a pulse, cheap beside the main window

TIPS = (
    (QT_TRANSLATE_NOOP("SensorCheck", "Finger sensor"),
     QT_TRANSLATE_NOOP("SensorCheck", "Use the pad of your index or middle finger, warm, resting on a table. Cover "
                       "the light fully and press lightly: pressing hard flattens the pulse. Keep the hand still and "
                       "at heart height; a clip should hold without leaving a mark.")),
    (QT_TRANSLATE_NOOP("SensorCheck", "Ear clip"),
     QT_TRANSLATE_NOOP("SensorCheck", "Clip it to the soft lobe, not the cartilage, with the light on the fleshy "
                       "part. Rub the lobe for a few seconds first to warm it. Let the cable hang free, or clip it to "
                       "your collar, so it does not tug when you move your head.")),
    (QT_TRANSLATE_NOOP("SensorCheck", "Chest strap"),
     QT_TRANSLATE_NOOP("SensorCheck", "Wet the electrodes (water or a little gel), then wear the strap just below "
                       "the chest muscles, snug but comfortable, with the sensor in the middle. The first minute after "
                       "putting it on can be uneven until the skin contact settles; dry skin or a loose strap gives "
                       "missed beats.")),
)
# core/beats/sensor_check.py's sentences as lupdate sees them: the advice by quality, then the verdicts (a test
# keeps each equal to core's English)
ADVICE_WORDS = (
    QT_TRANSLATE_NOOP("SensorCheck", "No pulse yet: check the sensor is on and plugged in, and keep still for a few "
                      "seconds."),
    QT_TRANSLATE_NOOP("SensorCheck", "The sensor does not feel a finger or an ear: put it on, covering the light."),
    QT_TRANSLATE_NOOP("SensorCheck", "The signal is clipped: loosen the clip or strap a little, or move it out of "
                      "bright light."),
    QT_TRANSLATE_NOOP("SensorCheck", "The pulse is unclear: hold still and rest your hand; press lightly, not hard."),
    QT_TRANSLATE_NOOP("SensorCheck", "Beats arrive but the cable or radio link loses data: check the cable or move "
                      "closer."),
)
VERDICT_WORDS = (
    QT_TRANSLATE_NOOP("SensorCheck", "Finding your pulse: {n} beats in the last {window} s. Keep still."),
    QT_TRANSLATE_NOOP("SensorCheck", "Beats are found but uneven (missed or extra beats): hold still and keep the "
                      "sensor where it is for a few seconds."),
    QT_TRANSLATE_NOOP("SensorCheck", "Ready: steady beats at {bpm} bpm. You can start a session."),
)


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{(\w+)\\\}", lambda m: rf"(?P<{m[1]}>[\d.]+)", re.escape(template)) + "$")


_VERDICT_PATTERNS = [(str(template), _pattern(str(template))) for template in VERDICT_WORDS]


def verdict_words(text: str) -> str:
    """Core's verdict sentence in the window's language (matched to its template; an advice may lead a
    "Ready" verdict); a sentence no template knows is shown as it came."""
    for advice in QUALITY_ADVICE.values():
        if text == advice:
            return translate("SensorCheck", advice)
        if text.startswith(advice + " "):
            return translate("SensorCheck", advice) + " " + verdict_words(text[len(advice) + 1:])
    for template, pattern in _VERDICT_PATTERNS:
        found = pattern.match(text)
        if found is not None:
            values = {k: rate_text(float(v)) for k, v in found.groupdict().items()}
            return translate("SensorCheck", template).format(**values)
    return text


class SensorCheck(QDialog):
    """A non-modal dialog beside the main window; it redraws while it is shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        import pyqtgraph as pg

        self.window_ = window
        self.setWindowTitle(translate("SensorCheck", "Check my sensor"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setLabel("bottom", translate("SensorCheck", "seconds ago"))
        self.plot.getPlotItem().hideAxis("left")
        theme = window.theme
        self.wave = self.plot.plot(pen=pg.mkPen(theme.text, width=1.5))
        self.marks = self.plot.plot(pen=None, symbol="o", symbolSize=9, symbolBrush=theme.beat, symbolPen=None)
        layout.addWidget(self.plot, 3)
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        font = self.verdict_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.verdict_label.setFont(font)
        layout.addWidget(self.verdict_label)
        self.tips = QTabWidget()
        self.tips.setAccessibleName(translate("SensorCheck", "Placement tips"))
        for title, text in TIPS:
            page = QLabel(translate("SensorCheck", text))
            page.setWordWrap(True)
            page.setMargin(8)
            self.tips.addTab(page, translate("SensorCheck", title))
        layout.addWidget(self.tips, 1)
        name_views(self, translate("SensorCheck", "Pulse wave of the last seconds, beats marked"))  # the plot: no Tab stop, a name
        self.verdict: SensorVerdict | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.refresh()
        self.timer.start(REFRESH_MS)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        model = self.window_.model
        if not self.window_.live.connected:
            self.wave.setData([], [])
            self.marks.setData([], [])
            self.verdict = None
            self.verdict_label.setText(translate("SensorCheck", "Connect your sensor (Source, then Connect) and put it "
                                                 "on: the pulse appears here with each beat marked as it is found."))
            return
        ppg = model.ppg.view()
        beats_t_s = model.detections.view()[:, 0]
        if not len(beats_t_s):  # a strap or an interval device sends beats, not a wave
            beats_t_s = model.beats.view()[:, 0]
        last = [a[-1] for a in (ppg[:, 0], beats_t_s) if len(a)]
        now_s = max(last) if last else 0.0
        shown = ppg[ppg[:, 0] >= now_s - WAVE_S] if len(ppg) else ppg
        self.wave.setData(shown[:, 0] - now_s, shown[:, 1])
        marked = beats_t_s[beats_t_s >= now_s - WAVE_S]
        if len(shown) > 1 and len(marked):
            self.marks.setData(marked - now_s, np.interp(marked, shown[:, 0], shown[:, 1]))
        else:
            self.marks.setData(marked - now_s, np.zeros(len(marked)))
        self.verdict = sensor_verdict(model.quality, beats_t_s, now_s)
        colour = self.window_.theme.ok if self.verdict.ready else self.window_.theme.warn
        self.verdict_label.setText(f'<span style="color:{colour}">{verdict_words(self.verdict.text)}</span>')


class SensorCheckMenu:
    """Tools → Check my sensor…: one dialog, made when first asked for, kept for the window's life."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: SensorCheck | None = None
        self.action = window.tools_menu.addAction(translate("SensorCheck", "Check my sensor…"), self.open)

    def open(self) -> SensorCheck:
        if self.dialog is None:
            self.dialog = SensorCheck(self.window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def install_sensor_check(window: MainWindow) -> SensorCheckMenu:
    return SensorCheckMenu(window)
