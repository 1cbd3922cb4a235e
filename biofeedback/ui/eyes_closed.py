"""Eyes-closed practice in the main window: the sound guide and the dimmed screen.

The Tools menu gets a "Sound guide (eyes closed)" entry (Ctrl+G, checkable)
that plays ``app.audio_output`` on the live session's *active* pacer (the
wizard's while it runs) with the calm coherence level (``core.hrv.coherence_level``,
0..2, sent as 0..1) driving the second layer; its volume and layers are
settings (``Settings.sound_guide_*``), saved at once. When no audio output
opens, the notice says why in the status line and the entry unchecks.
"Dim the screen" (Ctrl+D) lays a dark veil over the whole window that leaves
the pacer faintly visible; a click on the veil or Ctrl+D again lifts it.
Nothing here decides anything about the session; it forwards and draws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from biofeedback.app.audio_output import AudioOutput
from biofeedback.ui.i18n import number, translate

if TYPE_CHECKING:
    from biofeedback.ui.main_window import MainWindow

DIM_ALPHA = 235  # 0..255: the veil over the window (a dark room stays dark)
DIM_PACER_ALPHA = 190  # over the pacer: it stays faintly visible
COHERENCE_FEED_HZ = 2.0  # how often the coherence layer reads the calm level
VOLUME_STEPS = (0.25, 0.5, 0.75, 1.0)


class DimOverlay(QWidget):
    """A dark veil over the whole window, a little thinner over ``hole()`` (the pacer)."""

    def __init__(self, window: MainWindow, hole, on_click) -> None:
        super().__init__(window)
        self.main, self.hole, self.on_click = window, hole, on_click  # not .window: QWidget.window()
        self.setObjectName("dim_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.hide()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.main and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.main.rect())
        return False

    def set_on(self, on: bool) -> None:
        if on:
            self.setGeometry(self.main.rect())
            self.show()
            self.raise_()
        else:
            self.hide()

    def pacer_rect(self) -> QRect:
        widget = self.hole()
        if widget is None or not widget.isVisible():
            return QRect()
        return QRect(widget.mapTo(self.main, widget.rect().topLeft()), widget.size())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        pacer = self.pacer_rect()
        painter.setClipRegion(QRegion(self.rect()) - QRegion(pacer))
        painter.fillRect(self.rect(), QColor(0, 0, 0, DIM_ALPHA))
        painter.setClipping(False)
        painter.fillRect(pacer, QColor(0, 0, 0, DIM_PACER_ALPHA))
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.on_click()


class EyesClosed(QObject):
    """The sound guide and dim actions of one main window (which owns ``live`` and ``settings``)."""

    def __init__(self, window: MainWindow, output: AudioOutput | None = None) -> None:
        super().__init__(window)
        self.window = window
        s = window.settings
        self.output = output or AudioOutput(lambda: window.live.pacer)
        self.output.set_volume(s.sound_guide_volume)
        self.output.set_layers(s.sound_guide_tone, s.sound_guide_coherence)
        menu = window.tools_menu.addMenu(translate("EyesClosed", "Eyes closed"))
        self.sound_action = self._action(menu, translate("EyesClosed", "Sound guide (eyes closed)"), "Ctrl+G", self.set_sound)
        menu.addSeparator()
        self.tone_action = self._action(menu, translate("EyesClosed", "Breathing tone (pitch follows the guide)"), None,
                                        self._layers_changed, s.sound_guide_tone)
        self.coherence_action = self._action(menu, translate("EyesClosed", "Coherence layer (brightens with coherence)"), None,
                                             self._layers_changed, s.sound_guide_coherence)
        volume_menu = menu.addMenu(translate("EyesClosed", "Volume"))
        self.volume_group = QActionGroup(window)
        self.volume_actions: dict[float, QAction] = {}
        for step in VOLUME_STEPS:
            action = volume_menu.addAction(f"{number(100 * step)} %")
            action.setCheckable(True)
            action.setChecked(abs(step - s.sound_guide_volume) < 1e-9)
            action.triggered.connect(lambda _=False, v=step: self.set_volume(v))
            self.volume_group.addAction(action)
            self.volume_actions[step] = action
        menu.addSeparator()
        self.dim_action = self._action(menu, translate("EyesClosed", "Dim the screen (pacer stays faintly visible)"), "Ctrl+D",
                                       self.set_dim)
        self.overlay = DimOverlay(window, lambda: getattr(window.ui, "pacer_view", None),
                                  lambda: self.dim_action.setChecked(False))
        self.timer = QTimer(window)
        self.timer.timeout.connect(self.feed_coherence)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()  # no sound after the window is gone
        return False

    def _action(self, menu, text: str, key: str | None, slot, checked: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setCheckable(True)
        action.setChecked(checked)
        if key:
            action.setShortcut(QKeySequence(key))
            self.window.addAction(action)  # the key works in presentation mode too
        action.toggled.connect(slot)
        menu.addAction(action)
        return action

    # -- sound -----------------------------------------------------------------------
    def set_sound(self, on: bool) -> None:
        """Start or stop the sound guide; when no output opens, say why and uncheck."""
        if not on:
            self.timer.stop()
            self.output.stop()
            return
        self.feed_coherence()
        notice = self.output.start()
        if notice:
            self.window.show_notice(notice)
            self.sound_action.blockSignals(True)
            self.sound_action.setChecked(False)
            self.sound_action.blockSignals(False)
            return
        self.timer.start(int(1000 / COHERENCE_FEED_HZ))
        self.window.show_notice(translate("EyesClosed", "Sound guide on: the pitch rises as you breathe in and falls "
                                                        "as you breathe out."))

    def feed_coherence(self) -> None:
        """The coherence layer follows the calm level (0, 1, 2 -> 0, 0.5, 1); silent while none."""
        shown = self.window.live.model.coherence_level.latest
        self.output.set_coherence(None if shown is None else shown.level / 2)

    def _layers_changed(self, _on: bool = False) -> None:
        s = self.window.settings
        s.sound_guide_tone, s.sound_guide_coherence = self.tone_action.isChecked(), self.coherence_action.isChecked()
        self.output.set_layers(s.sound_guide_tone, s.sound_guide_coherence)
        self.window.save()

    def set_volume(self, volume: float) -> None:
        self.window.settings.sound_guide_volume = float(volume)
        self.output.set_volume(volume)
        if volume in self.volume_actions:
            self.volume_actions[volume].setChecked(True)
        self.window.save()

    # -- dim -------------------------------------------------------------------------
    def set_dim(self, on: bool) -> None:
        self.overlay.set_on(on)
        if on:
            self.window.show_notice(translate("EyesClosed", DIMMED_NOTICE))
        elif self.window.ui.status.notice.text() == translate("EyesClosed", DIMMED_NOTICE):
            self.window.show_notice("")  # it said "dimmed" after the screen came back

    def shutdown(self) -> None:
        self.timer.stop()
        self.output.stop()


DIMMED_NOTICE = QT_TRANSLATE_NOOP("EyesClosed", "Screen dimmed: click it or press Ctrl+D to bring it back.")


def install_eyes_closed(window: MainWindow) -> EyesClosed:
    """Add the eyes-closed entries to ``window.tools_menu``; the sound stops when the window closes."""
    return EyesClosed(window)
