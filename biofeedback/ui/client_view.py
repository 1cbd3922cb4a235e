"""The client's screen while a coach keeps the full window: pacer, heart-rate curve, coherence ring, clock.

With two screens, presentation opens this window full screen on the screen
the coach chose and leaves the main window (its controls, its state, maximised
or not) where it is, as clinical suites keep the operator's controls on one
screen and the client's feedback on the other. It holds nothing of its own:
the main window's frame timer feeds it from the same LiveSession and the same
reading as its own views (``ui/window_frame.py``), so both screens agree.
It never takes the keyboard focus from the coach's window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from biofeedback import config
from biofeedback.app.live_model import LiveReading
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.ui.coherence_indicator import CoherenceIndicator
from biofeedback.ui.i18n import not_a_medical_device, translate
from biofeedback.ui.layout import no_tab_stop, presentation_sizes
from biofeedback.ui.pacer_widget import PacerWidget
from biofeedback.ui.presentation import PresentationBar
from biofeedback.ui.theme import Theme

if TYPE_CHECKING:
    from biofeedback.app.live_session import LiveSession

PACER_SHARE, RIGHT_SHARE = 5, 6  # the pacer's and the curve+ring column's shares of the width
CURVE_SHARE, RING_SHARE = 3, 2  # the heart-rate curve's and the ring's shares of the right column


def screen_for_client(window: QWidget, chosen_index: int) -> QScreen | None:
    """The screen for a client view: the chosen one when it is another screen than ``window``'s,
    else None (one screen, or the coach chose the window's own: presentation in the window)."""
    screens = QGuiApplication.screens()
    if len(screens) < 2:
        return None
    chosen = screens[min(max(chosen_index, 0), len(screens) - 1)]
    return None if chosen is window.screen() else chosen


class ClientView(QWidget):
    """A calm, large window for the client; ``closed`` when it goes (F11, Esc, or its own close)."""

    closed = Signal()

    def __init__(self, pacer: Pacer, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("ClientView", "biofeedback — client view"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the coach keeps the keyboard
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.bar = PresentationBar(theme)
        self.bar.hint.hide()  # the coach's keys are not the client's business
        self.pacer_view = PacerWidget(pacer)
        self.ring = CoherenceIndicator()
        self.ring.set_presentation(True)
        # (pyqtgraph: imported since the window's first paint)
        from biofeedback.ui.plots import TachogramPlot

        self.curve = TachogramPlot(theme)  # the window's heart-rate curve with the breathing guide, large
        self.curve.setAccessibleName(translate("ClientView", "Heart rate curve with the breathing guide, client view"))
        self.disclaimer = QLabel(not_a_medical_device())
        self.disclaimer.setWordWrap(True)
        self.right = QVBoxLayout()
        self.right.addWidget(self.curve, CURVE_SHARE)
        self.right.addWidget(self.ring, RING_SHARE)
        body = QHBoxLayout()
        body.setContentsMargins(24, 8, 24, 8)
        body.setSpacing(24)
        body.addWidget(self.pacer_view, PACER_SHARE)
        body.addLayout(self.right, RIGHT_SHARE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 8)
        outer.addWidget(self.bar)
        outer.addLayout(body, 1)
        outer.addWidget(self.disclaimer)
        self.pacer_view.setAccessibleName(translate("ClientView", "Breathing pacer, client view"))
        no_tab_stop(self)  # nothing here to operate: the coach's window keeps the focus
        for key in (Qt.Key.Key_Escape, Qt.Key.Key_F11):  # if it got the focus anyway, the keys still leave it
            QShortcut(QKeySequence(key), self).activated.connect(self.close)
        self._curve_t_s: float | None = None
        self._generation: int | None = None
        self.set_theme(theme)
        if parent is not None:
            parent.installEventFilter(self)  # the coach's window closing closes this one too
        self.target: QScreen | None = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._screen_removed)

    def _screen_removed(self, screen: QScreen) -> None:
        """The room screen unplugged: close rather than go full screen over the coach's controls."""
        if screen is self.target or len(QGuiApplication.screens()) < 2:
            self.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        # a hide by the program or a close (not a minimise, which the window manager sends)
        if event.type() == QEvent.Type.Hide and not event.spontaneous() and watched is self.parentWidget():
            self.close()
        return False

    # -- where it opens ---------------------------------------------------------
    def open_on(self, screen: QScreen) -> None:
        """Full screen on ``screen``: the window is placed there before it shows, so it never
        opens on the screen of the window that made it."""
        self.target = screen
        self.create()
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.setGeometry(screen.geometry())
        self._fit(screen.geometry().height())
        self.showFullScreen()

    def _fit(self, screen_height_px: int) -> None:
        self.bar.fit_screen(screen_height_px)
        font_pt, scale = presentation_sizes(screen_height_px)
        self.pacer_view.text_scale = scale
        self.curve.set_theme(self.theme, font_pt)
        self.disclaimer.setStyleSheet(f"color: {self.theme.muted}; font-size: {max(font_pt * 0.6, 9):.0f}pt;")

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setStyleSheet(f"ClientView {{ background: {theme.background}; }}")
        self.bar.set_theme(theme)
        self.pacer_view.set_theme(theme)
        self.ring.set_theme(theme)
        screen = self.screen()
        self._fit(screen.geometry().height() if screen is not None else 1080)

    # -- what the frame timer gives it -------------------------------------------
    def draw(self, live: LiveSession, now_s: float, device_now_s: float | None) -> None:
        """One frame: the pacer every frame, the curve at the tachogram's rate."""
        if self.pacer_view.pacer is not live.pacer:  # the wizard's pacer, or the training one again
            self.pacer_view.pacer = live.pacer
            self.pacer_view.set_theme(self.theme)
        self.pacer_view.set_time(now_s)
        if live.generation != self._generation:  # another source: nothing of the previous one stays
            self._generation = live.generation
            self.curve.clear()
        if self._curve_t_s is None or now_s - self._curve_t_s >= 1.0 / config.GUI_TACHOGRAM_REDRAW_HZ:
            self._curve_t_s = now_s
            self.curve.refresh(live.model, device_now_s)

    def show_reading(self, reading: LiveReading) -> None:
        """The reading the main window shows (one value, one set of thresholds on both screens)."""
        self.ring.show_reading(reading)
        self.bar.set_coherence(reading.coherence, reading.level)

    def set_clock(self, elapsed_s: float | None, remaining_s: float | None) -> None:
        self.bar.set_clock(elapsed_s, remaining_s)

    def clear(self) -> None:
        self.bar.clear()
        self.ring.set_values(None)
        self.curve.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.closed.emit()
        super().closeEvent(event)
