"""Session persistence in the main window: check-ins, marker keys, history, replay.

``install_session_store(window)`` attaches a ``SessionLibrary`` (app/) to the
window's ``LiveSession``, so every session is recorded; it asks the optional
check-ins at the start and the end of a session and adds keys: M marks the
moment, N types a coach's note as a marker, Ctrl+H (or Tools → Session
history…) opens the history, whose Replay plays a stored session through the
live session. The UI talks to the store only through the library.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog

from biofeedback.app.session_library import CheckIn, SessionLibrary
from biofeedback.app.settings import practice_plan
from biofeedback.ui import warm_imports
from biofeedback.ui.accessibility import name_views
from biofeedback.ui.checkin_dialog import CheckInDialog
from biofeedback.ui.i18n import translate
from biofeedback.ui.notice_words import notice_words
from biofeedback.ui.window_fit import fit_and_raise

if TYPE_CHECKING:  # imported when first opened: History's trends need SciPy, the window need not wait for it
    from biofeedback.core.summary.session import SessionSummary
    from biofeedback.ui.history_view import HistoryView
    from biofeedback.ui.main_window import MainWindow
    from biofeedback.ui.summary_view import SessionSummaryDialog

MARK_KEY = Qt.Key.Key_M
NOTE_KEY = Qt.Key.Key_N
HISTORY_KEYS = "Ctrl+H"
NO_SESSION_FOR_MARKS = QT_TRANSLATE_NOOP("Store", "Markers (M) and notes (N) belong to a session: start one first (Space).")


class StoreIntegration(QObject):
    """Check-ins, markers and history for one main window over a SessionLibrary."""

    saved = Signal(int)  # session id, after the session is closed in the store
    checked_in = Signal(object)  # a CheckIn the user answered (LSL publishes it as a marker)
    summary_shown = Signal(int)  # session id, once its summary screen is open
    _summary_ready = Signal(int, object)  # session id, SessionSummary or the exception: from a worker thread

    def __init__(self, window: MainWindow, library: SessionLibrary, checkins: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.live = window.live
        self.library = library
        self._writer_message = "saving"  # the writer's last status, to word the next one
        self.checkins = checkins
        self.checkin_dialog: CheckInDialog | None = None
        self.summary_dialog: SessionSummaryDialog | None = None
        self.show_summaries = True  # the summary screen after each saved session
        self._before_answers: CheckIn | None = None
        self.note_dialog: QInputDialog | None = None
        self.history: HistoryView | None = None
        self.replay_speed = 1.0  # history's Replay button plays sessions at this speed
        self.session_id: int | None = None
        if library.notice:
            window.show_notice(library.notice)
        # sessions shorter than the user's minimum are kept but not compared (core/practice/session_kind.py)
        library.min_session_minutes = window.settings.progress_min_session_minutes
        library.plan = practice_plan(window.settings)
        library.attach(self.live)
        library.session_begun.connect(self._begun)
        library.session_not_saved.connect(window.show_notice)
        window.before_session = self._before_session  # the clock starts once the "before" check-in is closed
        library.saved.connect(self._saved)
        self._summary_ready.connect(self._open_summary, Qt.ConnectionType.QueuedConnection)
        library.discarded.connect(lambda _sid: window.show_notice(translate("Store", "The session held no data and was not kept.")))
        library.writer_status.connect(self._writer_status)
        for key, slot in ((QKeySequence(MARK_KEY), lambda: self.mark("mark")),
                          (QKeySequence(NOTE_KEY), self.ask_note),
                          (QKeySequence(HISTORY_KEYS), self.show_history)):
            QShortcut(key, window).activated.connect(slot)
        self.history_action = window.tools_menu.addAction(
            translate("Store", "Session history… ({keys})").format(keys=HISTORY_KEYS), self.show_history)
        self.closing = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Note when the window closes: no check-in dialog must then appear (it would keep the app running)."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            guard = getattr(self.window, "close_guard", None)
            if not (event.spontaneous() and guard is not None and guard.should_ask()):  # (else it asks first)
                self.closing = True
        return False

    def _writer_status(self, message: str) -> None:
        """"not saving: …", "saving" after it, or a sentence while saving goes on (the store
        file deleted and written again), which "saving" must not hide."""
        previous, self._writer_message = self._writer_message, message
        if message.startswith("not saving"):
            self.window.show_notice(translate("Store", "Session {message} — nothing is lost while it lasts.").format(
                message=notice_words(message)))
        elif message != "saving":
            self.window.show_notice(message[:1].upper() + message[1:] + ".")
        elif previous.startswith("not saving"):
            self.window.show_notice(translate("Store", "Session saving again."))

    # -- markers -----------------------------------------------------------------
    def mark(self, label: str) -> None:
        """A marker now (only during a session; outside one, the status line says so)."""
        if self.live.session.running:
            self.live.mark(label)
        else:
            self.window.show_notice(translate("Store", NO_SESSION_FOR_MARKS))

    def ask_note(self) -> None:
        """A coach's typed note, stored as a marker at the moment N was pressed."""
        if not self.live.session.running:
            self.window.show_notice(translate("Store", NO_SESSION_FOR_MARKS))
            return
        pressed_at = self.live.clock()
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(translate("Store", "Note"))
        dialog.setLabelText(translate("Store", "Note for this moment:"))
        dialog.textValueSelected.connect(lambda text: self.live.mark(text, host_t_s=pressed_at))
        dialog.open()
        self.note_dialog = dialog

    # -- check-ins -------------------------------------------------------------
    def _before_session(self, start) -> None:
        """Ask the "before" check-in, then ``start()`` the session: its clock runs from there."""
        if not self.checkins:
            start()
            return
        dialog = self._open_checkin("before")

        def done(_result: int) -> None:
            answers = dialog.checkin() if dialog.result() == CheckInDialog.DialogCode.Accepted else None
            self._before_answers = answers
            if answers is not None:
                self.checked_in.emit(answers)
            start()

        dialog.finished.connect(done)

    def _begun(self, session_id: int) -> None:
        """The session's row exists (it is created off the GUI thread): store the "before" answers."""
        self.session_id = session_id
        answers, self._before_answers = self._before_answers, None
        if answers is not None:
            self.library.set_checkin(session_id, answers)

    def _saved(self, session_id: int) -> None:
        self.saved.emit(session_id)
        self.window.show_notice(translate("Store", "Session saved — see History ({keys}).").format(keys=HISTORY_KEYS))
        guard = getattr(self.window, "close_guard", None)
        closing_next = guard is not None and guard.close_when_saved  # "stop, check in and close"
        if self.checkins and not self.closing:
            self._ask_checkin("after", session_id, then=guard.after_checkin if closing_next and guard else
                              lambda: self.show_summary(session_id))
        elif closing_next and guard is not None:
            guard.after_checkin()
        elif not self.closing:
            self.show_summary(session_id)
        if self.history is not None:
            self.history.reload()

    def show_summary(self, session_id: int) -> None:
        """The end-of-session screen, set against the user's earlier sessions.

        Reading the sessions and their beats and computing the coherence series
        happen in a worker thread; the dialog opens on the GUI thread when ready.
        """
        if not self.show_summaries or self.closing:
            return
        lib = self.library

        def work() -> None:
            warm_imports.wait()  # never import SciPy on two threads at once
            result: SessionSummary | Exception
            try:
                result = lib.summary(session_id)  # the report's summary: pacer changes, earlier sessions
            except Exception as exc:  # a store error: one sentence in the status line, no dialog
                result = exc
            self._summary_ready.emit(session_id, result)

        threading.Thread(target=work, name="session summary", daemon=True).start()

    def _open_summary(self, session_id: int, summary: SessionSummary | Exception) -> None:
        if self.closing:
            return
        if isinstance(summary, Exception):
            self.window.show_notice(translate("Store", "The session summary could not be read: {error}").format(error=summary))
            return
        from biofeedback.ui.summary_view import SessionSummaryDialog

        if self.summary_dialog is not None:
            self.summary_dialog.close()
        dialog = SessionSummaryDialog(summary, self.window.theme, self.window)
        dialog.history_requested.connect(self.show_history)
        dialog.open()
        self.summary_dialog = dialog
        self.summary_shown.emit(session_id)

    def _open_checkin(self, phase: str) -> CheckInDialog:
        if self.checkin_dialog is not None:
            self.checkin_dialog.close()
        dialog = CheckInDialog(phase, parent=self.window)
        dialog.open()
        self.checkin_dialog = dialog
        return dialog

    def _ask_checkin(self, phase: str, session_id: int, then=None) -> None:
        """Non-blocking: the pacer goes on while the dialog is open; ``then()`` once it is closed."""
        dialog = self._open_checkin(phase)

        def done(result: int) -> None:  # finished comes before accepted: save here, then go on
            answers = dialog.checkin() if result == CheckInDialog.DialogCode.Accepted else None
            if answers is not None:
                self.library.set_checkin(session_id, answers)
                self.checked_in.emit(answers)
                if self.history is not None:
                    self.history.reload()
            if then is not None:
                then()

        dialog.finished.connect(done)

    # -- history ---------------------------------------------------------------
    def show_history(self) -> HistoryView | None:
        if not self.library.available:
            return None
        if self.history is None:
            warm_imports.wait()
            from biofeedback.ui.history_view import HistoryView

            self.history = HistoryView(self.library, self.window.theme)
            self.history.setParent(self.window, Qt.WindowType.Window)
            self.history.setWindowTitle(translate("Store", "biofeedback — session history"))
            self.history.table.setAccessibleName(translate("Store", "Sessions"))
            name_views(self.history, translate("Store", "Progress plot"))  # the trend plots: no Tab stops, named by their titles
            self.history.replay_requested.connect(self.replay)
        else:
            self.history.reload()
        if self.summary_dialog is not None and self.summary_dialog.isVisible():
            self.summary_dialog.close()  # a window-modal summary would stay over History and block it
        if self.history.isVisible() or self.history.property("placed"):
            self.history.show()  # where the user left it, in front
            self.history.raise_()
            self.history.activateWindow()
        else:
            fit_and_raise(self.history, QSize(1300, 820), near=self.window)
            self.history.setProperty("placed", True)
        return self.history

    def replay(self, session_id: int, speed: float | None = None) -> None:
        """Play a stored session through the live session (its raw events, read from the store)."""
        source = self.library.replay_source(session_id, speed or self.replay_speed)
        self.window.connect_to(source)  # views cleared
        store = self.library.store
        # the guide it was paced with, under its heart rate (a small query)
        self.window.live.model.set_recorded_pacer(store.pacer_changes(session_id) if store is not None else [])
        self.window.ui.sources.show_playing(source.description)  # what plays, in the Source box...
        self.window.ui.status.playing = source.description  # ...and in the status line once connected
        self.window.raise_()


def install_session_store(window: MainWindow, store=None, checkins: bool = True) -> StoreIntegration:
    """Attach persistence, check-ins, markers and history to ``window``; keep the result alive.

    ``store``: a SessionLibrary, a session store to wrap in one, or None for the user's store.
    """
    library = store if isinstance(store, SessionLibrary) else SessionLibrary(store, parent=window)
    integration = StoreIntegration(window, library, checkins)
    window.store_integration = integration  # type: ignore[attr-defined]
    if (practice := getattr(window, "practice", None)) is not None:  # today's plan reads it (ui/practice_plan.py)
        practice.store_installed()
    if getattr(window, "lsl", None) is not None:  # check-ins on the LSL Markers stream (ui/coach/app_integration)
        integration.checked_in.connect(window.lsl.checkin)
    return integration
