"""The main window's LSL entries: "Stream on Lab Streaming Layer" and "Coach view…" (Tools menu).

Streaming is off by default; the choice and the display name are kept in the
settings (``lsl_enabled``, ``lsl_name``), and a status-bar label says
"streaming on LSL as NAME" while it is on. The coach view opens in its own
window with its own CoachModel; it only reads.

pylsl, the streamer and the coach view are imported when first used (streaming
turned on, the coach view opened), not while the main window starts: most
users never stream, and the window shows ~0.2 s sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QInputDialog, QLabel

from biofeedback.ui.i18n import translate

if TYPE_CHECKING:
    from biofeedback.app.lsl_streaming import LslStreamer
    from biofeedback.app.session_library import CheckIn
    from biofeedback.ui.coach.window import CoachWindow
    from biofeedback.ui.main_window import MainWindow


class LslControls(QObject):
    """Menu actions, the status label and the streamer of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)  # closes the streams and the coach view with the window
        self.streamer: LslStreamer | None = None  # made when streaming is first turned on
        self.coach: CoachWindow | None = None
        self.label = QLabel("")
        window.statusBar().addPermanentWidget(self.label)
        menu = window.tools_menu
        menu.addSeparator()
        self.stream_action = menu.addAction(translate("Coach", "Stream on Lab Streaming Layer (for a coach or a lab)"))
        self.stream_action.setCheckable(True)
        self.name_action = menu.addAction(translate("Coach", "My name on Lab Streaming Layer…"), self.ask_name)
        self.coach_action = menu.addAction(translate("Coach", "Coach view: every client on the network…"), self.open_coach)
        self.stream_action.toggled.connect(self.set_streaming)
        if window.settings.lsl_enabled:
            self.stream_action.setChecked(True)

    @property
    def streaming(self) -> bool:
        return self.streamer is not None and self.streamer.streaming

    def set_streaming(self, on: bool) -> None:
        settings = self.window.settings
        if on:
            self._streamer().start(settings.lsl_name)
        elif self.streamer is not None:
            self.streamer.stop()
        settings.lsl_enabled = on

    def _streamer(self) -> LslStreamer:
        if self.streamer is None:
            from biofeedback.app.lsl_streaming import LslStreamer

            self.streamer = LslStreamer(self.window.live, parent=self.window)
            self.streamer.streaming_changed.connect(self._show_state)
        return self.streamer

    def checkin(self, answers: CheckIn) -> None:
        """A check-in the user answered: one string on the Markers stream while streaming."""
        if self.streamer is not None and self.streamer.streaming:
            self.streamer.checkin(answers)

    def ask_name(self) -> None:
        settings = self.window.settings
        name, ok = QInputDialog.getText(self.window, translate("Coach", "Name on Lab Streaming Layer"),
                                        translate("Coach", "The name a coach sees on your tile:"), text=settings.lsl_name)
        if ok:
            settings.lsl_name = name.strip()
            if self.streamer is not None and self.streamer.streaming:  # new name, new streams
                self.streamer.stop()
                self.streamer.start(settings.lsl_name)

    def _show_state(self, on: bool) -> None:
        self.label.setText(translate("Coach", "streaming on LSL as {name}").format(name=self.streamer.name)
                           if on and self.streamer else "")
        self.stream_action.setChecked(on)

    def open_coach(self) -> CoachWindow:
        if self.coach is None:
            from biofeedback.app.coach_model import CoachModel
            from biofeedback.ui.coach.window import CoachWindow

            model = CoachModel()
            self.coach = CoachWindow(model, theme=self.window.theme)
            self.coach.resize(1280, 800)
            model.start()
        self.coach.show()
        self.coach.raise_()
        return self.coach

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def close(self) -> None:
        if self.streamer is not None:
            self.streamer.stop()
        if self.coach is not None:
            self.coach.model.stop()
            self.coach.close()


def install_lsl(window: MainWindow) -> LslControls:
    """Add the LSL entries to ``window`` (a MainWindow with ``live``, ``settings``, ``tools_menu``)."""
    return LslControls(window)
