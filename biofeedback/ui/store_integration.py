"""Plugs the session store into the main window without the window knowing about it.

``install_session_store(window)`` gives the window's ``SessionController`` a
recorder factory (every session is written by a ``SessionWriter``, committed at
least once a second), asks the optional check-ins at the start and the end of
a session (pacer changes arrive as the window's "pacer R/min" markers), and adds keys: M marks the moment,
N types a coach's note as a marker, Ctrl+H (or Tools → Session history…) opens the history.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QInputDialog,
    QMainWindow,
    QMenu,
)

from biofeedback.core.types import DeviceInfo
from biofeedback.io.store import SessionRecorder, SessionStore, StoreError
from biofeedback.ui.checkin_dialog import CheckInDialog
from biofeedback.ui.history_view import HistoryView

MARK_KEY = Qt.Key.Key_M
NOTE_KEY = Qt.Key.Key_N
HISTORY_KEYS = "Ctrl+H"


class StoreIntegration(QObject):
    """Session persistence, check-ins, markers and history for one main window."""

    saved = Signal(int)  # session id, after the session is closed in the store

    def __init__(self, window: QMainWindow, store: SessionStore | None = None, checkins: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.checkins = checkins
        self.store: SessionStore | None = store
        self.session_id: int | None = None
        self.recorder: SessionRecorder | None = None
        self.checkin_dialog: CheckInDialog | None = None
        self.note_dialog: QInputDialog | None = None
        self.history: HistoryView | None = None
        self.replay_speed = 1.0  # history's Replay button plays sessions at this speed
        if self.store is None:
            try:
                self.store = SessionStore()
            except StoreError as error:  # a newer store: run without saving, say why
                self._notice(f"Sessions are not being saved: {error}")
        if self.store is not None and self.store.notice:
            self._notice(self.store.notice)
        session = window.session
        session.recorder_factory = self._new_recorder if self.store is not None else None
        session.started.connect(self._started)
        session.finished.connect(self._finished)
        for key, slot in ((QKeySequence(MARK_KEY), lambda: self.mark("mark")),
                          (QKeySequence(NOTE_KEY), self.ask_note),
                          (QKeySequence(HISTORY_KEYS), self.show_history)):
            QShortcut(key, window, activated=slot)
        self.history_action = self._add_history_action()
        self.closing = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Note when the window closes: its closeEvent stops the session, and no check-in
        dialog must then appear (it would keep the application running)."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.closing = True
        return False

    # -- helpers ---------------------------------------------------------------
    def _notice(self, text: str) -> None:
        status = getattr(getattr(self.window, "ui", None), "status", None)
        if status is not None and hasattr(status, "show_notice"):
            status.show_notice(text)

    def _add_history_action(self) -> QAction | None:
        """"Session history…" in the window's Tools menu (the button rows are full)."""
        for menu in self.window.menuBar().findChildren(QMenu):
            if menu.title().replace("&", "") == "Tools":
                return menu.addAction(f"Session history… ({HISTORY_KEYS})", self.show_history)
        return None

    # -- recording -------------------------------------------------------------
    def _new_recorder(self) -> SessionRecorder:
        worker = self.window.worker
        source = getattr(worker.source, "description", "") if worker is not None else ""
        pipeline = worker.pipeline if worker is not None else None
        writer = self.store.begin_session(source=source or "no source", protocol=getattr(pipeline, "protocol", "") or "",
                                          pacer_bpm=self.window.pacer.rate_bpm)
        if pipeline is not None and pipeline.protocol:
            # the source's DeviceInfo came at connection, before this session: repeat it
            writer.add_events([DeviceInfo(pipeline.protocol, pipeline.fs_hz)])
        self.session_id = writer.session_id
        self.recorder = SessionRecorder(writer, protocol=lambda: getattr(pipeline, "protocol", None))
        return self.recorder

    def mark(self, label: str) -> None:
        """A marker now (only during a session)."""
        if self.window.session.running and label.strip():
            self.window.session.mark(label.strip())

    def ask_note(self) -> None:
        """A coach's typed note, stored as a marker at the moment N was pressed (record clock)."""
        if not self.window.session.running:
            return
        recorder = self.recorder
        t_s = recorder.writer.last_event_t_s if recorder is not None else None
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle("Note")
        dialog.setLabelText("Note for this moment:")

        def accepted(text: str) -> None:
            if not text.strip() or self.recorder is not recorder or recorder is None:
                return
            recorder.writer.add_marker(t_s if t_s is not None else 0.0, text.strip())

        dialog.textValueSelected.connect(accepted)
        dialog.open()
        self.note_dialog = dialog

    # -- check-ins -------------------------------------------------------------
    def _started(self) -> None:
        if self.checkins and self.session_id is not None:
            self._ask_checkin("before", self.session_id)

    def _finished(self, reason: str) -> None:
        session_id, self.recorder = self.session_id, None
        if session_id is None:
            return
        self.saved.emit(session_id)
        done = "Session completed. Well done. " if reason == "completed" else ""
        self._notice(f"{done}Session saved — see History ({HISTORY_KEYS}).")
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
            if answers is not None and self.store is not None:
                self.store.set_checkin(session_id, answers)
                if self.history is not None:
                    self.history.reload()

        dialog.accepted.connect(done)
        dialog.open()
        self.checkin_dialog = dialog

    # -- history ---------------------------------------------------------------
    def show_history(self) -> HistoryView | None:
        if self.store is None:
            return None
        if self.history is None:
            theme = getattr(self.window, "theme", None)
            self.history = HistoryView(self.store, theme) if theme is not None else HistoryView(self.store)
            self.history.setWindowFlag(Qt.WindowType.Window)
            self.history.setParent(self.window, Qt.WindowType.Window)
            self.history.setWindowTitle("biofeedback — session history")
            self.history.resize(1300, 820)
            self.history.replay_requested.connect(self.replay)
        else:
            self.history.reload()
        self.history.show()
        self.history.raise_()
        return self.history


    def replay(self, session_id: int, speed: float | None = None) -> Path | None:
        """Play a stored session through the live window (its raw events, at their own pace)."""
        from biofeedback.io.exports import export_session
        from biofeedback.io.replay import ReplaySource

        if self.store is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="biofeedback-replay-"))
        path = export_session(self.store, session_id, "raw", folder / f"session-{session_id}.csv")
        self.window.connect_to(ReplaySource(str(path), speed=speed or self.replay_speed))
        self.window.raise_()
        return path


def install_session_store(window: QMainWindow, store: SessionStore | None = None,
                          checkins: bool = True) -> StoreIntegration:
    """Attach persistence, check-ins, markers and history to ``window``; keep the result alive."""
    integration = StoreIntegration(window, store, checkins)
    window.store_integration = integration  # type: ignore[attr-defined]
    return integration
