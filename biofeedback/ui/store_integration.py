"""Session persistence in the main window: check-ins, marker keys, history, replay.

``install_session_store(window)`` attaches a ``SessionLibrary`` (app/) to the
window's ``LiveSession``, so every session is recorded; it asks the optional
check-ins at the start and the end of a session and adds keys: M marks the
moment, N types a coach's note as a marker, Ctrl+H (or Tools → Session
history…) opens the history, whose Replay plays a stored session through the
live session. The UI talks to the store only through the library.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QMainWindow

from biofeedback.app.session_library import SessionLibrary
from biofeedback.ui.checkin_dialog import CheckInDialog
from biofeedback.ui.history_view import HistoryView

MARK_KEY = Qt.Key.Key_M
NOTE_KEY = Qt.Key.Key_N
HISTORY_KEYS = "Ctrl+H"


class StoreIntegration(QObject):
    """Check-ins, markers and history for one main window over a SessionLibrary."""

    saved = Signal(int)  # session id, after the session is closed in the store

    def __init__(self, window: QMainWindow, library: SessionLibrary, checkins: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.live = window.live
        self.library = library
        self.checkins = checkins
        self.checkin_dialog: CheckInDialog | None = None
        self.note_dialog: QInputDialog | None = None
        self.history: HistoryView | None = None
        self.replay_speed = 1.0  # history's Replay button plays sessions at this speed
        self.session_id: int | None = None
        if library.notice:
            window.show_notice(library.notice)
        library.attach(self.live)
        self.live.session_started.connect(self._started)
        library.saved.connect(self._saved)
        library.discarded.connect(lambda _sid: window.show_notice("The session held no data and was not kept."))
        library.writer_status.connect(self._writer_status)
        for key, slot in ((QKeySequence(MARK_KEY), lambda: self.mark("mark")),
                          (QKeySequence(NOTE_KEY), self.ask_note),
                          (QKeySequence(HISTORY_KEYS), self.show_history)):
            QShortcut(key, window, activated=slot)
        self.history_action = window.tools_menu.addAction(f"Session history… ({HISTORY_KEYS})", self.show_history)
        self.closing = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Note when the window closes: no check-in dialog must then appear (it would keep the app running)."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.closing = True
        return False

    def _writer_status(self, message: str) -> None:
        if message != "saving":
            self.window.show_notice(f"Session {message} — nothing is lost while it lasts.")
        else:
            self.window.show_notice("Session saving again.")

    # -- markers -----------------------------------------------------------------
    def mark(self, label: str) -> None:
        """A marker now (only during a session)."""
        if self.live.session.running:
            self.live.mark(label)

    def ask_note(self) -> None:
        """A coach's typed note, stored as a marker at the moment N was pressed."""
        if not self.live.session.running:
            return
        pressed_at = self.live.clock()
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle("Note")
        dialog.setLabelText("Note for this moment:")
        dialog.textValueSelected.connect(lambda text: self.live.mark(text, host_t_s=pressed_at))
        dialog.open()
        self.note_dialog = dialog

    # -- check-ins -------------------------------------------------------------
    def _started(self) -> None:
        self.session_id = self.library.session_id
        if self.checkins and self.session_id is not None:
            self._ask_checkin("before", self.session_id)

    def _saved(self, session_id: int) -> None:
        self.saved.emit(session_id)
        self.window.show_notice(f"Session saved — see History ({HISTORY_KEYS}).")
        if self.checkins and not self.closing:
            self._ask_checkin("after", session_id)
        if self.history is not None:
            self.history.reload()

    def _ask_checkin(self, phase: str, session_id: int) -> None:
        """Non-blocking: the session (and the pacer) go on while the dialog is open."""
        if self.checkin_dialog is not None:
            self.checkin_dialog.close()
        dialog = CheckInDialog(phase, parent=self.window)

        def done() -> None:
            answers = dialog.checkin()
            if answers is not None:
                self.library.set_checkin(session_id, answers)
                if self.history is not None:
                    self.history.reload()

        dialog.accepted.connect(done)
        dialog.open()
        self.checkin_dialog = dialog

    # -- history ---------------------------------------------------------------
    def show_history(self) -> HistoryView | None:
        if not self.library.available:
            return None
        if self.history is None:
            self.history = HistoryView(self.library, self.window.theme)
            self.history.setParent(self.window, Qt.WindowType.Window)
            self.history.setWindowTitle("biofeedback — session history")
            self.history.resize(1300, 820)
            self.history.replay_requested.connect(self.replay)
        else:
            self.history.reload()
        self.history.show()
        self.history.raise_()
        return self.history

    def replay(self, session_id: int, speed: float | None = None) -> None:
        """Play a stored session through the live session (its raw events, read from the store)."""
        self.live.connect_source(self.library.replay_source(session_id, speed or self.replay_speed))
        self.window.raise_()


def install_session_store(window: QMainWindow, store=None, checkins: bool = True) -> StoreIntegration:
    """Attach persistence, check-ins, markers and history to ``window``; keep the result alive.

    ``store``: a SessionLibrary, a session store to wrap in one, or None for the user's store.
    """
    library = store if isinstance(store, SessionLibrary) else SessionLibrary(store, parent=window)
    integration = StoreIntegration(window, library, checkins)
    window.store_integration = integration  # type: ignore[attr-defined]
    return integration
