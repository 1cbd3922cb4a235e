"""Closing the window during a session asks first, and can still offer the "after" check-in.

Closing used to stop and save the session at once, with no "after" check-in:
the person lost the answer that the before/after comparison needs. Now the
title bar's close button, Ctrl+Q and File > Quit ask (a window-modal box:
the pacer goes on while it is open): stop, check in and close; stop and
close; or keep practising. A close by the program (tests, the app's own
shutdown) does not ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from biofeedback.app.session import format_clock
from biofeedback.ui.i18n import translate

if TYPE_CHECKING:
    from biofeedback.ui.main_window import MainWindow


class CloseGuard:
    """Asks before a running session is closed; remembers the answer until the window closes."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.confirmed = False  # "stop and close" chosen: the next close goes through
        self.close_when_saved = False  # "stop, check in and close": close once the check-in is answered
        self.box: QMessageBox | None = None

    def should_ask(self) -> bool:
        return self.window.live.session.running and not self.confirmed and not self.close_when_saved

    def ask(self) -> QMessageBox:
        """The question, open (not blocking); its buttons act."""
        if self.box is not None and self.box.isVisible():
            return self.box
        session = self.window.live.session
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("CloseGuard", "A session is running"))
        box.setText(translate("CloseGuard", "Your session has run for {elapsed}. Stop it and close the window?").format(
            elapsed=format_clock(session.elapsed_s())))
        box.setInformativeText(translate("CloseGuard", "Everything recorded so far is kept. With the check-in you can "
                                      "say how you feel now, before the window closes."))
        self.checkin_button = box.addButton(translate("CloseGuard", "Stop, check in and close"), QMessageBox.ButtonRole.AcceptRole)
        self.close_button = box.addButton(translate("CloseGuard", "Stop and close"), QMessageBox.ButtonRole.DestructiveRole)
        self.keep_button = box.addButton(translate("CloseGuard", "Keep practising"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.checkin_button)
        box.setEscapeButton(self.keep_button)
        box.buttonClicked.connect(self._answered)
        box.open()
        self.box = box
        return box

    def _answered(self, button) -> None:
        w = self.window
        if button is self.close_button:
            self.confirmed = True
            w.close()
        elif button is self.checkin_button:
            if w.before_session is None:  # no store, no check-in: stop and close as before
                self.confirmed = True
                w.close()
                return
            self.close_when_saved = True  # the store glue asks the check-in, then closes the window
            w.live.stop_session()

    def after_checkin(self) -> bool:
        """Called by the store glue once the "after" check-in is closed: True if the window closes now."""
        if not self.close_when_saved:
            return False
        self.confirmed = True
        self.window.close()
        return True
