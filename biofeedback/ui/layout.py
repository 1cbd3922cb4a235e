"""Widgets of the main window and their arrangement, normal and presentation.

The control groups above the plots sit in a flow layout: they share a row
when there is room and wrap onto the next one when there is not, so the
window works from 1280x720 up to 4K without a control off-screen.

The five plots are built after the window's first paint (``build_plots``;
pyqtgraph alone takes ~0.3 s to import): the window shows with their places
empty, in the plots' background colour, and they appear a moment later. Any
use of a plot before that builds them at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from biofeedback import config
from biofeedback.app.live_model import LiveReading
from biofeedback.app.settings import Settings
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.ui.i18n import not_a_medical_device, number, translate
from biofeedback.ui.pacer_widget import PacerWidget
from biofeedback.ui.panels import NumbersPanel, StatusPanel
from biofeedback.ui.presentation import PresentationBar
from biofeedback.ui.source_panel import SourcePanel
from biofeedback.ui.theme import Theme, disabled_style

if TYPE_CHECKING:
    from biofeedback.ui.analysis_plots import SpectrumPlot, TrendPlot
    from biofeedback.ui.plots import PulsePlot, TachogramPlot

INHALE_RATIOS = (("1:1", 0.5), ("4:6", 0.4), ("1:2", 1 / 3), ("6:4", 0.6))
PLOT_FONT_PT = (10, 17)  # normal, presentation on a 1080-line screen (readable across a room)
NUMBER_SCALE = (1.0, 1.6)
PRESENTATION_REF_HEIGHT_PX = 1080  # presentation sizes scale with the screen height from this one
PLOT_NAMES = ("tachogram", "pulse", "rmssd_trend", "coherence_trend", "spectrum")  # the order they are built
PLOT_SPOKEN_NAMES = {"tachogram": QT_TRANSLATE_NOOP("Window", "Heart rate curve with the breathing guide"), "pulse": QT_TRANSLATE_NOOP("Window", "Pulse wave"),
                     "rmssd_trend": QT_TRANSLATE_NOOP("Window", "RMSSD trend"), "coherence_trend": QT_TRANSLATE_NOOP("Window", "Coherence trend"),
                     "spectrum": QT_TRANSLATE_NOOP("Window", "Heart rate spectrum")}


def presentation_sizes(screen_height_px: int) -> tuple[int, float]:
    """(plot font pt, number scale) for presentation on a screen this tall: 17 pt / 1.6 at 1080
    lines, less on a laptop (the plots must still fit the width), more on 4K."""
    k = screen_height_px / PRESENTATION_REF_HEIGHT_PX
    return max(int(round(PLOT_FONT_PT[1] * k)), 11), max(NUMBER_SCALE[1] * k, 1.05)


def _hold_spin(value_s: float, tip: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(minimum=0.0, maximum=4.0, singleStep=0.5, decimals=1, suffix=" s")
    spin.setValue(value_s)
    spin.setToolTip(tip)
    return spin


def _label(text: str, buddy: QWidget) -> QLabel:
    """A label tied to its box: Alt+letter focuses the box, a screen reader names the box by it."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def no_tab_stop(widget: QWidget) -> None:
    """A view that takes no keyboard focus (Tab goes past it): a plot has nothing to operate."""
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for child in widget.findChildren(QWidget):
        child.setFocusPolicy(Qt.FocusPolicy.NoFocus)


# names a screen reader speaks for the window's controls and views (the visible text where there is one)
ACCESSIBLE = {
    "duration": (QT_TRANSLATE_NOOP("Window", "Session length"), QT_TRANSLATE_NOOP("Window", "How long the next session lasts; open-ended runs until you stop it")),
    "start": (QT_TRANSLATE_NOOP("Window", "Start or stop session"), QT_TRANSLATE_NOOP("Window", "Space starts or stops the session")),
    "timer_label": (QT_TRANSLATE_NOOP("Window", "Session clock"), QT_TRANSLATE_NOOP("Window", "Time in the session so far and time left")),
    "rate": (QT_TRANSLATE_NOOP("Window", "Pacer rate, breaths per minute"), QT_TRANSLATE_NOOP("Window", "Up and Down arrow keys change it")),
    "ratio": (QT_TRANSLATE_NOOP("Window", "Inhale to exhale ratio"), QT_TRANSLATE_NOOP("Window", "Share of each breath spent breathing in")),
    "hold_in": (QT_TRANSLATE_NOOP("Window", "Hold after inhale, seconds"), QT_TRANSLATE_NOOP("Window", "A pause at the top of each breath")),
    "hold_out": (QT_TRANSLATE_NOOP("Window", "Hold after exhale, seconds"), QT_TRANSLATE_NOOP("Window", "A pause at the bottom of each breath")),
    "audio": (QT_TRANSLATE_NOOP("Window", "Sound cue"), QT_TRANSLATE_NOOP("Window", "A soft tone at each change between breathing in and out")),
    "screen": (QT_TRANSLATE_NOOP("Window", "Screen for presentation mode"), QT_TRANSLATE_NOOP("Window", "Where presentation mode opens")),
    "theme_button": (QT_TRANSLATE_NOOP("Window", "Light or dark theme"), QT_TRANSLATE_NOOP("Window", "Switch between the light and the dark colours")),
    "present_button": (QT_TRANSLATE_NOOP("Window", "Presentation mode"), QT_TRANSLATE_NOOP("Window", "Large views for a second screen; F11, Escape leaves it")),
    "help_button": (QT_TRANSLATE_NOOP("Window", "Help"), QT_TRANSLATE_NOOP("Window", "What each number means, and the keys; F1")),
}


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new row when the width runs out (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, h_spacing: int = 18, v_spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.h_spacing, self.v_spacing = h_spacing, v_spacing

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt name)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt name)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt name)
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt name)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_h = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, row_h = area.x(), y + row_h + self.v_spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.h_spacing
            row_h = max(row_h, hint.height())
        return y + row_h - rect.y() + m.bottom()


def _group(*widgets: QWidget) -> QWidget:
    """Widgets that belong together and wrap as one."""
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(6)
    for w in widgets:
        lay.addWidget(w)
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return box


class WindowLayout:
    """Builds every widget once; switching modes only hides, shows and rescales."""

    def __init__(self, window: QMainWindow, settings: Settings, pacer: Pacer, theme: Theme) -> None:
        self.window = window
        # -- top bar ---------------------------------------------------------------
        self.sources = SourcePanel(settings)
        self.duration = QComboBox()
        self.duration.addItem(translate("Window", "open-ended"), 0)
        for minutes in config.SESSION_PRESETS_MIN:
            self.duration.addItem(translate("Window", "{minutes} min").format(minutes=minutes), minutes)
        i = self.duration.findData(settings.session_minutes)
        self.duration.setCurrentIndex(max(i, 0))
        self.start = QPushButton(translate("Window", "Start session"))
        self.timer_label = QLabel(translate("Window", "no session"))
        self.timer_label.setMinimumWidth(130)
        self.rate = QDoubleSpinBox(
            minimum=config.PACER_MIN_BPM,
            maximum=config.PACER_MAX_BPM,
            singleStep=config.PACER_STEP_BPM,
            decimals=1,
            suffix=translate("Window", " /min"),
        )
        self.rate.setToolTip(translate("Window", "Pacer rate, breaths per minute (↑/↓)"))
        self.rate.setValue(pacer.rate_bpm)
        self.ratio = QComboBox()
        for label, ratio in INHALE_RATIOS:
            self.ratio.addItem(label, ratio)
        nearest = min(range(len(INHALE_RATIOS)), key=lambda k: abs(INHALE_RATIOS[k][1] - pacer.inhale_ratio))
        self.ratio.setCurrentIndex(nearest)
        self.hold_in = _hold_spin(pacer.hold_in_s, translate("Window", "hold after inhale"))
        self.hold_out = _hold_spin(pacer.hold_out_s, translate("Window", "hold after exhale"))
        self.audio = QCheckBox(translate("Window", "Sound cue"))
        self.screen = QComboBox()
        self.screen.setToolTip(translate("Window", "Screen used by presentation mode"))
        for i, screen in enumerate(QGuiApplication.screens()):
            name = screen.name().strip()
            self.screen.addItem((translate("Window", "Screen {number}: {name}") if name else translate("Window", "Screen {number}"))
                                .format(number=i + 1, name=name), i)
        self.screen.setCurrentIndex(max(self.screen.findData(settings.presentation_screen), 0))
        self.theme_button = QPushButton(translate("Window", "Light/dark"))
        self.present_button = QPushButton(translate("Window", "Present (F11)"))
        self.present_button.setToolTip(translate("Window", "Presentation mode: large, for a coach's screen; Esc leaves it"))
        self.help_button = QPushButton(translate("Window", "Help (F1)"))

        self.top = QWidget()
        self.controls = FlowLayout(self.top)
        self.controls.setContentsMargins(8, 6, 8, 2)
        self.control_groups = (
            _group(self.sources),
            _group(_label(translate("Window", "&Session"), self.duration), self.duration, self.start, self.timer_label),
            _group(_label(translate("Window", "&Pacer"), self.rate), self.rate, _label(translate("Window", "in:&out"), self.ratio), self.ratio,
                   _label(translate("Window", "hol&ds"), self.hold_in), self.hold_in, self.hold_out, self.audio),
            _group(self.theme_button, self.screen, self.present_button, self.help_button),
        )
        for group in self.control_groups:
            self.controls.addWidget(group)
        self.top.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        # -- views -----------------------------------------------------------------
        self.pacer_view = PacerWidget(pacer)
        self.numbers = NumbersPanel()
        # the plots' places, until build_plots puts the plots there (after the first paint)
        self._plots: dict[str, Any] = {}  # name -> plot, once built
        self._slots = {name: QWidget() for name in PLOT_NAMES}
        for slot in self._slots.values():
            slot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._plot_style = (theme, PLOT_FONT_PT[0])
        self._pacer_rate_bpm = pacer.rate_bpm
        self._presentation = False
        self.disclaimer = QLabel(not_a_medical_device())
        self.disclaimer.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.pacer_view, 5)
        left.addWidget(self.numbers, 3)
        left.addWidget(self.disclaimer)
        self.bottom = QWidget()
        bottom = QHBoxLayout(self.bottom)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self._slots["rmssd_trend"], 1)  # halves (a plot's size hint is its current size)
        bottom.addWidget(self._slots["coherence_trend"], 1)
        right = QVBoxLayout()
        right.addWidget(self._slots["tachogram"], 4)
        right.addWidget(self._slots["pulse"], 2)
        self.lower = QHBoxLayout()
        self.lower.addWidget(self.bottom, 3)
        self.lower.addWidget(self._slots["spectrum"], 2)
        right.addLayout(self.lower, 3)
        body = QHBoxLayout()
        body.setContentsMargins(8, 4, 8, 4)
        body.addLayout(left, 3)
        body.addLayout(right, 7)

        self.presentation_bar = PresentationBar(theme)
        self.presentation_bar.setVisible(False)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.top)
        outer.addWidget(self.presentation_bar)
        outer.addLayout(body, 1)
        window.setCentralWidget(central)

        for attr, (spoken, description) in ACCESSIBLE.items():
            widget = getattr(self, attr)
            widget.setAccessibleName(translate("Window", spoken))
            widget.setAccessibleDescription(translate("Window", description))
        self.pacer_view.setAccessibleName(translate("Window", "Breathing pacer"))
        self.numbers.setAccessibleName(translate("Window", "Live numbers"))
        self.disclaimer.setAccessibleName(translate("Window", "Not a medical device"))
        # Tab: the source, the session, the pacer's settings, then the view and help buttons
        order = [*self.sources.tab_order(), self.duration, self.start, self.rate, self.ratio, self.hold_in,
                 self.hold_out, self.audio, self.theme_button, self.screen, self.present_button,
                 self.help_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.status = StatusPanel()
        bar = window.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.status, 1)
        bar.setFixedHeight(self.status.height() + 2)  # a message never moves the layout
        self.audio.setChecked(False)

    # -- the plots ----------------------------------------------------------------
    @property
    def plots_built(self) -> bool:
        """All five plots are in their places."""
        return not self._slots

    def build_plots(self) -> None:
        """Build every plot not built yet in its place (pyqtgraph is imported here if it is not yet)."""
        while self.build_next_plot():
            pass

    def build_next_plot(self) -> bool:
        """Build one more plot in its place; False once all are built.

        The window builds them one a frame after its first paint (20-30 ms each),
        so the pacer keeps moving while they appear.
        """
        if not self._slots:
            return False
        from biofeedback.ui.analysis_plots import SpectrumPlot, TrendPlot
        from biofeedback.ui.plots import PulsePlot, TachogramPlot
        from biofeedback.ui.theme import set_plot_defaults

        if not self._plots:
            set_plot_defaults()  # the theme's colours for every plot made from now on (History, summaries)
        theme, pt = self._plot_style
        name = next(iter(self._slots))
        plot: Any
        if name == "pulse":
            plot = PulsePlot(theme, pt)
        elif name == "tachogram":
            plot = TachogramPlot(theme, pt)
        elif name == "rmssd_trend":
            plot = TrendPlot(theme, 2, translate("Window", "RMSSD, {seconds} s").format(seconds=f"{config.LIVE_RMSSD_WINDOW_S:.0f}"), "ms", pt)
        elif name == "coherence_trend":
            plot = TrendPlot(theme, 3, translate("Window", "Coherence, {seconds} s").format(seconds=f"{config.COHERENCE_WINDOW_S:.0f}"), translate("Window", "ratio"), pt)
        else:
            plot = SpectrumPlot(theme, pt)
            plot.set_pacer_rate(self._pacer_rate_bpm)
        slot = self._slots.pop(name)
        parent = slot.parentWidget()  # its layout finds the slot (one layout does not look into widgets' layouts)
        holder = parent.layout() if parent is not None else None
        if holder is None or holder.replaceWidget(slot, plot) is None:
            raise RuntimeError(f"no place for the {name} plot")
        # shown or hidden as its place was, at once (shown before it is in its place, a parentless
        # widget would open a window of its own)
        plot.setVisible(not slot.isHidden())
        no_tab_stop(plot)  # Tab skips the plots; their current values are in their descriptions
        plot.setAccessibleName(translate("Window", PLOT_SPOKEN_NAMES[name]))
        plot.setAccessibleDescription(translate("Window", "waiting for data"))
        slot.deleteLater()
        self._plots[name] = plot
        return bool(self._slots)

    def _plot(self, name: str) -> Any:
        if name not in self._plots:
            self.build_plots()
        return self._plots[name]

    @property
    def pulse(self) -> PulsePlot:
        return self._plot("pulse")

    @property
    def tachogram(self) -> TachogramPlot:
        return self._plot("tachogram")

    @property
    def rmssd_trend(self) -> TrendPlot:
        return self._plot("rmssd_trend")

    @property
    def coherence_trend(self) -> TrendPlot:
        return self._plot("coherence_trend")

    @property
    def spectrum(self) -> SpectrumPlot:
        return self._plot("spectrum")

    def set_pacer_rate(self, rate_bpm: float) -> None:
        """The pacer's rate, marked in the spectrum (now, or when it is built)."""
        self._pacer_rate_bpm = rate_bpm
        if "spectrum" in self._plots:
            self._plots["spectrum"].set_pacer_rate(rate_bpm)

    def describe_views(self, reading: LiveReading) -> None:
        """The current values as text on the pacer and the plots (for a screen reader; only on change)."""
        def say(widget: QWidget, text: str) -> None:
            if widget.accessibleDescription() != text:
                widget.setAccessibleDescription(text)

        pacer = self.pacer_view.pacer
        caption = self.pacer_view.caption
        say(self.pacer_view, f"{pacer.rate_bpm:.1f} breaths per minute" + (f"; {caption}" if caption else ""))
        if not self.plots_built:
            return
        waiting = translate("Window", "waiting for data")
        say(self.tachogram, waiting if reading.hr_bpm is None else translate("Window", "heart rate {bpm} bpm").format(bpm=number(reading.hr_bpm)))
        arriving = translate("Window", "ECG arriving") if self.pulse.wave_kind == "ecg" else translate("Window", "pulse arriving")
        say(self.pulse, arriving if reading.receiving else waiting)
        say(self.rmssd_trend, waiting if reading.rmssd_ms is None else translate("Window", "RMSSD {ms} ms").format(ms=number(reading.rmssd_ms)))
        say(self.coherence_trend, waiting if reading.coherence is None else translate("Window", "coherence {value}").format(value=number(reading.coherence, 2)))
        say(self.spectrum, translate("Window", "pacer rate marked at {hz} Hz").format(hz=number(pacer.rate_bpm / 60, 3)))

    def clear_views(self) -> None:
        """Empty every plot and number (a new source, a failed connect, a replay): nothing old stays."""
        for view in (*self._plots.values(), self.numbers, self.presentation_bar):
            view.clear()

    def set_presentation(self, on: bool) -> None:
        """Hide chrome and secondary plots; the rest grows."""
        self._presentation = on
        pulse = self._plots.get("pulse") or self._slots["pulse"]
        for w in (self.top, pulse, self.bottom):
            w.setVisible(not on)
        self.window.statusBar().setVisible(not on)
        self.presentation_bar.setVisible(on)
        if on:
            screen = self.window.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                self.presentation_bar.fit_screen(screen.geometry().height())

    def apply(self, theme: Theme, presentation: bool) -> None:
        k = 1 if presentation else 0
        font_pt, scale = PLOT_FONT_PT[0], NUMBER_SCALE[0]
        if presentation:
            screen = self.window.screen() or QGuiApplication.primaryScreen()
            height = screen.geometry().height() if screen is not None else PRESENTATION_REF_HEIGHT_PX
            font_pt, scale = presentation_sizes(height)
        self._plot_style = (theme, font_pt)
        for plot in self._plots.values():
            plot.set_theme(theme, font_pt)
        self.pacer_view.set_theme(theme)
        self.pacer_view.text_scale = scale
        self.numbers.apply(theme, scale)
        self.status.apply(theme)
        self.window.statusBar().setFixedHeight(self.status.height() + 2)
        self.presentation_bar.set_theme(theme)
        self.disclaimer.setStyleSheet(f"color: {theme.muted}; font-size: {9 + 3 * k}pt;")
        self.window.setStyleSheet(
            f"QMainWindow {{ background: {theme.background}; }}"
            f" QLabel, QCheckBox {{ color: {theme.text}; }}" + disabled_style(theme)
        )
