"""The app's door to the session store: recording live sessions, history reads and edits, exports, replay.

The UI never imports the store; it talks to a ``SessionLibrary`` (and reads the
store's record types re-exported here). ``attach(live)`` makes every session of
a ``LiveSession`` recorded by a ``StoreRecorder``: raw events as they arrive,
beats, markers and typed pacer changes on the device clock, the DeviceInfo of
the connection kept whole. Slow work (closing a session, exporting a report,
reading a stored session for replay) runs off the GUI thread; results come back
as queued signals.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from biofeedback.app.live_session import LiveSession
from biofeedback.app.records import Marker, PacerChange
from biofeedback.core.session_summary import SessionSummary, summarize_stored
from biofeedback.core.types import Beat, Event
from biofeedback.io.exports import export_session
from biofeedback.io.replay import (
    EventReplaySource,  # imported here, not at the first replay (GUI thread)
)
from biofeedback.io.store import (
    CheckIn,
    SessionInfo,
    SessionStore,
    SessionWriter,
    StoreError,
    WriterStatus,
)
from biofeedback.io.store import PacerChange as StoredPacerChange

__all__ = ["CheckIn", "ReportData", "SessionInfo", "SessionLibrary", "StoreRecorder", "StoredPacerChange",
           "load_report_data"]


class StoreRecorder:
    """A LiveSession ``Recorder`` writing one session through a ``SessionWriter``."""

    def __init__(self, writer: SessionWriter, protocol: Callable[[], str | None]) -> None:
        self.writer = writer
        self.protocol = protocol  # asked at close: the protocol the source turned out to speak

    def _device_t_s(self, device_t_s: float | None) -> float:
        """The moment on the device clock; before the clock mapping exists, the last event's time."""
        if device_t_s is not None:
            return device_t_s
        last = self.writer.last_event_t_s
        return last if last is not None else 0.0

    def on_events(self, events: Sequence[Event]) -> None:
        self.writer.add_events(events)

    def on_beats(self, beats: Sequence[Beat]) -> None:
        self.writer.add_beats(beats)

    def on_marker(self, marker: Marker) -> None:
        self.writer.record_marker(self._device_t_s(marker.device_t_s), marker.label)

    def on_pacer_change(self, change: PacerChange) -> None:
        self.writer.record_pacer_change(self._device_t_s(change.device_t_s), change.rate_bpm,
                                        change.inhale_ratio, change.hold_in_s, change.hold_out_s)

    def close(self) -> None:
        self.writer.finish(protocol=self.protocol())


@dataclass
class ReportData:
    """Everything a session report shows, read from the store once."""

    info: SessionInfo
    beats: list[Beat]
    markers: list[tuple[float, str]] = field(default_factory=list)
    pacer_changes: list[StoredPacerChange] = field(default_factory=list)
    summary: SessionSummary | None = None  # the after-session summary, against the earlier sessions


def load_report_data(store: SessionStore, session_id: int) -> ReportData:
    info, beats = store.session(session_id), store.beats(session_id)
    summary = summarize_stored(info, beats, store.list_sessions(), beats_of=store.beats)
    return ReportData(info, beats, store.markers(session_id), store.pacer_changes(session_id), summary)


class SessionLibrary(QObject):
    """One store for the app: recorder factory, history reads and edits, exports, replay."""

    saved = Signal(int)  # session id, once the session was closed in the store
    discarded = Signal(int)  # a session that received no data was not kept
    writer_status = Signal(str)  # "saving" / "not saving: disk full" from the live session's writer
    exported = Signal(str)  # path written
    export_failed = Signal(str)  # one sentence
    _export_done = Signal(str, str)  # path, error ("" when none): from the export thread
    _status = Signal(str)

    def __init__(self, store: SessionStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notice: str | None = None  # why sessions are not saved, or what happened at opening
        self.store = store
        if store is None:
            try:
                self.store = SessionStore()
            except StoreError as error:  # a newer or unreadable store: run without saving, say why
                self.notice = f"Sessions are not being saved: {error}"
        if self.store is not None and self.store.notice:
            self.notice = self.store.notice
        self.session_id: int | None = None
        self._writer: SessionWriter | None = None
        self._lock = threading.RLock()  # one connection, used from the GUI and worker threads
        self._export_done.connect(self._after_export, Qt.ConnectionType.QueuedConnection)
        self._status.connect(self.writer_status, Qt.ConnectionType.QueuedConnection)

    @property
    def available(self) -> bool:
        return self.store is not None

    # -- recording ---------------------------------------------------------------
    def attach(self, live: LiveSession) -> None:
        """Record every session of ``live`` (nothing when the store could not be opened)."""
        if self.store is None:
            return

        def new_recorder() -> StoreRecorder:
            info = live.device_info
            with self._lock:
                writer = self.store.begin_session(
                    source=live.source_description or "no source", protocol=info.protocol if info else "",
                    pacer_bpm=live.pacer.rate_bpm,
                    on_status=lambda status: self._status.emit(_status_text(status)))
            if info is not None:  # the source described itself at connection, before this session
                writer.add_events([info])
            self.session_id, self._writer = writer.session_id, writer
            return StoreRecorder(writer, lambda: live.device_info.protocol if live.device_info else None)

        live.set_recorder_factory(new_recorder)
        live.session_finished.connect(self._session_finished)

    def _session_finished(self, _reason: str) -> None:
        sid, writer = self.session_id, self._writer
        self.session_id = self._writer = None
        if sid is None:
            return
        if writer is not None and not writer.kept:
            self.discarded.emit(sid)
        else:
            self.saved.emit(sid)

    # -- reading and editing (short queries) -----------------------------------------
    @contextmanager
    def _open(self) -> Iterator[SessionStore]:
        """The store, one caller at a time (the GUI thread and export/replay threads share it)."""
        if self.store is None:
            raise StoreError("The session store is not open.")
        with self._lock:
            yield self.store

    def list_sessions(self) -> list[SessionInfo]:
        with self._open() as store:
            return store.list_sessions()

    def session(self, session_id: int) -> SessionInfo:
        with self._open() as store:
            return store.session(session_id)

    def beats(self, session_id: int) -> list[Beat]:
        with self._open() as store:
            return store.beats(session_id)

    def markers(self, session_id: int) -> list[tuple[float, str]]:
        with self._open() as store:
            return store.markers(session_id)

    def events(self, session_id: int) -> list[Event]:
        with self._open() as store:
            return store.events(session_id)

    def set_checkin(self, session_id: int, checkin: CheckIn) -> None:
        with self._open() as store:
            store.set_checkin(session_id, checkin)

    def rename(self, session_id: int, name: str) -> None:
        with self._open() as store:
            store.rename(session_id, name)

    def annotate(self, session_id: int, notes: str) -> None:
        with self._open() as store:
            store.annotate(session_id, notes)

    def delete(self, session_id: int) -> None:
        with self._open() as store:
            store.delete(session_id)

    # -- slow work off the GUI thread ---------------------------------------------
    @property
    def path(self) -> Path | None:
        """The store's file (None when it could not be opened)."""
        return self.store.path if self.store is not None else None

    def export(self, session_id: int, path: str | Path,
               render_report: Callable[[Path, int, Path], None] | None = None) -> threading.Thread:
        """Write a report (.pdf/.png with ``render_report(store_path, session_id, path)``), beats (.csv)
        or Kubios RR (.txt), in a thread; ``exported(path)`` or ``export_failed(sentence)`` follows.

        The report renderer is given the store's file, not this connection: it may run in
        another process (painting holds Python's GIL for tens of ms, which the GUI would feel).
        """
        path = Path(path)

        def run() -> None:
            error = ""
            try:
                if path.suffix.lower() in (".pdf", ".png"):
                    if render_report is None:
                        raise ValueError("no report renderer given")
                    render_report(self.path, session_id, path)
                else:
                    with self._open() as store:
                        export_session(store, session_id, "rr" if path.suffix.lower() == ".txt" else "csv",
                                       path)
            except Exception as exc:  # the user reads one sentence; the traceback goes to stderr
                traceback.print_exc()
                error = f"The export to {path} failed: {exc}"
            self._export_done.emit(str(path), error)

        thread = threading.Thread(target=run, name="session export", daemon=True)
        thread.start()
        return thread

    @staticmethod
    def open_report_data(store_path: str | Path, session_id: int) -> ReportData:
        """Read one session's report data from the store file (for a report process)."""
        with SessionStore(store_path) as store:
            return load_report_data(store, session_id)

    def _after_export(self, path: str, error: str) -> None:
        if error:
            self.export_failed.emit(error)
        else:
            self.exported.emit(path)

    def replay_source(self, session_id: int, speed: float = 1.0):
        """A Source that plays a stored session's raw events (read off the GUI thread) in their rhythm."""
        return EventReplaySource(lambda: self.events(session_id), f"Replay of session {session_id}", speed)


def _status_text(status: WriterStatus) -> str:
    return status.message
