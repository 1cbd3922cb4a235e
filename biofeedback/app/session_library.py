"""The app's door to the session store: recording live sessions, history reads and edits, exports, replay.

The UI never imports the store; it talks to a ``SessionLibrary`` (and reads the
store's record types re-exported here). ``attach(live)`` makes every session of
a ``LiveSession`` recorded by a ``StoreRecorder``: raw events as they arrive,
beats, markers and typed pacer changes on the device clock, the DeviceInfo of
the connection kept whole, and each new breathing estimate read from the pulse
(``LiveModel.breathing``, looked at after each pipeline output the model took). Slow work (closing a session, exporting a report,
reading a stored session for replay) runs off the GUI thread; results come back
as queued signals.
"""

from __future__ import annotations

import math
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from biofeedback import config
from biofeedback.app.live_session import LiveSession
from biofeedback.app.records import Marker, PacerChange
from biofeedback.core.practice.plan import PracticePlan
from biofeedback.core.summary.session import SessionSummary, summarize_stored
from biofeedback.core.types import Beat, Event
from biofeedback.io.assessment_file import ASSESSMENT_KIND
from biofeedback.io.exports import export_session
from biofeedback.io.replay import (
    EventReplaySource,  # imported here, not at the first replay (GUI thread)
)
from biofeedback.io.store import (
    BreathingSample,
    CheckIn,
    SessionInfo,
    SessionStore,
    SessionWriter,
    StoreError,
)
from biofeedback.io.store import PacerChange as StoredPacerChange

if TYPE_CHECKING:  # a type only: core.breathing.respiration imports SciPy (~0.5 s), which the window need not wait for
    from biofeedback.core.breathing.respiration import BreathingEstimate
    from biofeedback.core.practice.progress import AssessmentRecord

__all__ = ["BreathingSample", "CheckIn", "ReportData", "SessionInfo", "SessionLibrary", "StoreRecorder", "StoredPacerChange",
           "load_report_data"]

# the window writes these again in its language (ui/notice_words.py); a test keeps the two equal
NOT_SAVING = "Sessions are not being saved: {error}"
EXPORT_FAILED = "The export to {path} failed: {error}"
THIS_NOT_SAVED = "This session is not being saved: {error}"


class StoreRecorder:
    """A LiveSession ``Recorder`` writing one session through a ``SessionWriter``.

    The session row is created on a thread of its own (``begin`` may wait for a
    lock another process holds); what arrives meanwhile is kept in order and
    handed to the writer once it exists. ``on_begun(session_id or None, error)``
    is called from that thread. ``breathing`` returns the live breathing estimate
    (``core.breathing.respiration.BreathingEstimate`` or None); ``store_breathing`` (called
    after each pipeline output the model took) stores each new one.
    """

    def __init__(self, begin: Callable[[], SessionWriter], protocol: Callable[[], str | None],
                 on_begun: Callable[[int | None, str], None],
                 breathing: Callable[[], BreathingEstimate | None] | None = None) -> None:
        self.protocol = protocol  # asked at close: the protocol the source turned out to speak
        self.breathing = breathing
        self._breathing_t_s = -math.inf  # device time of the last estimate stored
        self.writer: SessionWriter | None = None
        self.error = ""
        self._lock = threading.Lock()
        self._waiting: list[tuple[Callable, tuple]] = []
        self._begun = threading.Event()

        def run() -> None:
            writer, error = None, ""
            try:
                writer = begin()
            except Exception as exc:  # the session is not saved: say why, keep the app running
                error = str(exc) or type(exc).__name__
            with self._lock:
                self.writer, self.error = writer, error
                waiting, self._waiting = self._waiting, []
                self._begun.set()
            if writer is not None:
                for method, args in waiting:
                    method(writer, *args)
            on_begun(writer.session_id if writer is not None else None, error)

        threading.Thread(target=run, name="session begin", daemon=True).start()

    def _send(self, method: Callable, *args) -> None:
        with self._lock:
            if not self._begun.is_set():
                self._waiting.append((method, args))
                return
            writer = self.writer
        if writer is not None:
            method(writer, *args)

    @staticmethod
    def _device_t_s(writer: SessionWriter, device_t_s: float | None) -> float:
        """The moment on the device clock; before the clock mapping exists, the last event's time."""
        if device_t_s is not None:
            return device_t_s
        last = writer.last_event_t_s
        return last if last is not None else 0.0

    def on_events(self, events: Sequence[Event]) -> None:
        self._send(SessionWriter.add_events, list(events))

    def on_beats(self, beats: Sequence[Beat]) -> None:
        self._send(SessionWriter.add_beats, list(beats))

    def store_breathing(self) -> None:
        """Store the live breathing estimate if it is new (its device time moved on); GUI thread."""
        est = self.breathing() if self.breathing is not None else None
        if est is None or not est.t_s > self._breathing_t_s:
            return
        self._breathing_t_s = est.t_s
        self._send(_record_breathing, est.t_s, est.rate_bpm, est.quality)

    def on_marker(self, marker: Marker) -> None:
        self._send(lambda w, m: w.record_marker(self._device_t_s(w, m.device_t_s), m.label), marker)

    def on_pacer_change(self, change: PacerChange) -> None:
        self._send(lambda w, c: w.record_pacer_change(self._device_t_s(w, c.device_t_s), c.rate_bpm,
                                                      c.inhale_ratio, c.hold_in_s, c.hold_out_s, c.phase_cycles), change)

    def close(self) -> None:
        """Runs off the GUI thread (the session controller's closing thread)."""
        self._begun.wait()
        if self.writer is not None:
            self.writer.finish(protocol=self.protocol())


def _record_breathing(writer: SessionWriter, t_s: float, rate_bpm: float | None, quality: float) -> None:
    """An estimate the store refuses (not a finite number) is not one to keep; the session goes on."""
    try:
        writer.record_breathing(t_s, rate_bpm, quality)
    except ValueError:
        pass


@dataclass
class ReportData:
    """Everything a session report shows, read from the store once."""

    info: SessionInfo
    beats: list[Beat]
    summary: SessionSummary  # the after-session summary, against the earlier sessions
    markers: list[tuple[float, str]] = field(default_factory=list)
    pacer_changes: list[StoredPacerChange] = field(default_factory=list)


def load_report_data(store: SessionStore, session_id: int,
                     min_minutes: float = config.PRACTICE_MIN_SESSION_MIN) -> ReportData:
    """``min_minutes``: sessions shorter than this are compared with nothing (the user's setting)."""
    info, beats, changes = store.session(session_id), store.beats(session_id), store.pacer_changes(session_id)
    summary = summarize_stored(info, beats, store.list_sessions(), beats_of=store.beats, pacer_changes=changes,
                               min_minutes=min_minutes)
    return ReportData(info=info, beats=beats, summary=summary, markers=store.markers(session_id),
                      pacer_changes=changes)


class SessionLibrary(QObject):
    """One store for the app: recorder factory, history reads and edits, exports, replay."""

    session_begun = Signal(int)  # session id, once its row exists (created off the GUI thread)
    session_not_saved = Signal(str)  # the session could not be begun in the store: why
    saved = Signal(int)  # session id, once the session was closed in the store
    discarded = Signal(int)  # a session that received no data was not kept
    writer_status = Signal(str)  # "saving" / "not saving: disk full" from the live session's writer
    exported = Signal(str)  # path written
    export_failed = Signal(str)  # one sentence
    _export_done = Signal(str, str)  # path, error ("" when none): from the export thread
    _status = Signal(str)
    _begun = Signal(int, str)  # session id (-1: none), error: from the begin thread
    sessions_recovered = Signal(list)  # ids of interrupted sessions closed after the window opened

    def __init__(self, store: SessionStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notice: str | None = None  # why sessions are not saved, or what happened at opening
        self.store = store
        self.min_session_minutes = config.PRACTICE_MIN_SESSION_MIN  # shorter sessions are not compared (a setting)
        self.plan = PracticePlan()  # the user's practice plan (settings): History draws each week's target
        if store is None:
            try:  # sessions of a crashed recorder are recovered on a thread: the window opens at once
                self.store = SessionStore(recover=False)
            except StoreError as error:  # a newer or unreadable store: run without saving, say why
                self.notice = NOT_SAVING.format(error=error)
        if self.store is not None and self.store.notice:
            self.notice = self.store.notice
        self.session_id: int | None = None  # of the session being recorded, once begun
        self._recorder: StoreRecorder | None = None
        self._lock = threading.RLock()  # one connection, used from the GUI and worker threads
        self._export_done.connect(self._after_export, Qt.ConnectionType.QueuedConnection)
        self._status.connect(self.writer_status, Qt.ConnectionType.QueuedConnection)
        self._begun.connect(self._after_begin, Qt.ConnectionType.QueuedConnection)
        self.recovery: threading.Thread | None = None
        if store is None and self.store is not None and not self.store.read_only:
            self.recovery = threading.Thread(target=self._recover, args=(self.store.path,),
                                             name="store recovery", daemon=True)
            self.recovery.start()

    def _recover(self, store_path: Path) -> None:
        """Close the sessions of dead recorders (its own connection; a failure waits for the next open)."""
        try:
            with SessionStore(store_path, recover=False) as store:
                recovered = store.recover_interrupted()
        except StoreError:
            return
        if recovered:
            self.sessions_recovered.emit(recovered)

    @property
    def available(self) -> bool:
        return self.store is not None

    # -- recording ---------------------------------------------------------------
    def attach(self, live: LiveSession) -> None:
        """Record every session of ``live`` (nothing when the store could not be opened)."""
        if self.store is None:
            return
        store_path = self.store.path

        def new_recorder() -> StoreRecorder:
            info = live.device_info
            source = live.source_description or "no source"
            rate = live.pacer.rate_bpm

            def begin() -> SessionWriter:
                with SessionStore(store_path) as store:  # its own connection: GUI reads never wait
                    writer = store.begin_session(source=source, protocol=info.protocol if info else "",
                                                 pacer_bpm=rate,
                                                 on_status=lambda status: self._status.emit(status.message))
                if info is not None:  # the source described itself at connection, before this session
                    writer.add_events([info])  # (the direction in force follows: LiveSession.start_session)
                return writer

            recorder = StoreRecorder(begin, lambda: live.device_info.protocol if live.device_info else None,
                                     lambda sid, error: self._begun.emit(-1 if sid is None else sid, error),
                                     breathing=lambda: live.model.breathing.latest)
            self._recorder = recorder
            return recorder

        live.set_recorder_factory(new_recorder)
        live.session_finished.connect(self._session_finished)
        live.output.connect(lambda _out: self._store_breathing(live))

    def _store_breathing(self, live: LiveSession) -> None:
        """After each output the model took: the running session's recorder keeps a new breathing estimate."""
        recorder = self._recorder
        if recorder is not None and live.session.recorder is recorder:
            recorder.store_breathing()

    def _after_begin(self, session_id: int, error: str) -> None:
        if session_id < 0:
            self.session_not_saved.emit(THIS_NOT_SAVED.format(error=error))
            return
        self.session_id = session_id
        self.session_begun.emit(session_id)

    def _session_finished(self, _reason: str) -> None:
        recorder, self._recorder = self._recorder, None
        self.session_id = None
        writer = recorder.writer if recorder is not None else None
        if writer is None:
            return
        if not writer.kept:
            self.discarded.emit(writer.session_id)
        else:
            self.saved.emit(writer.session_id)

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

    def resonance_assessments(self) -> list[AssessmentRecord]:
        """The stored resonance assessments, oldest first: when, how long (it counts as practice), the rate."""
        with self._open() as store:
            rows = store.assessments(kind=ASSESSMENT_KIND)
        # SciPy is behind core.practice.progress: imported here, not before the window shows
        from biofeedback.core.practice.progress import assessment_from_stored

        return [assessment_from_stored(a) for a in rows]

    def session(self, session_id: int) -> SessionInfo:
        with self._open() as store:
            return store.session(session_id)

    def beats(self, session_id: int) -> list[Beat]:
        with self._open() as store:
            return store.beats(session_id)

    def markers(self, session_id: int) -> list[tuple[float, str]]:
        with self._open() as store:
            return store.markers(session_id)

    def pacer_changes(self, session_id: int) -> list[StoredPacerChange]:
        """The pacer that ran: its recorded changes in order (device clock), phase where recorded."""
        with self._open() as store:
            return store.pacer_changes(session_id)

    def breathing(self, session_id: int) -> list[BreathingSample]:
        """The breathing read from the pulse during the session (device clock)."""
        with self._open() as store:
            return store.breathing(session_id)

    def summary(self, session_id: int) -> SessionSummary:
        """The after-session summary (the report's), against the earlier sessions; reads several sessions."""
        with self._open() as store:
            return load_report_data(store, session_id, self.min_session_minutes).summary

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

    def export(self, session_id: int | str, path: str | Path,
               render_report: Callable[[Path, int | str, Path], None] | None = None) -> threading.Thread:
        """Write a report (.pdf/.png with ``render_report(store_path, session_id, path)``), beats (.csv)
        or Kubios RR (.txt), in a thread; ``exported(path)`` or ``export_failed(sentence)`` follows.

        The report renderer is given the store's file, not this connection: it may run in
        another process (painting holds Python's GIL for tens of ms, which the GUI would feel).
        ``session_id`` "progress": the multi-week progress report (PDF only).
        """
        path = Path(path)

        def run() -> None:
            error = ""
            try:
                if session_id == "progress" and path.suffix.lower() != ".pdf":
                    raise ValueError("the progress report is a PDF: name the file .pdf")
                if path.suffix.lower() in (".pdf", ".png"):
                    if render_report is None:
                        raise ValueError("no report renderer given")
                    if self.path is None:
                        raise StoreError("The session store is not open.")
                    render_report(self.path, session_id, path)
                else:
                    with self._open() as store:
                        export_session(store, int(session_id), "rr" if path.suffix.lower() == ".txt" else "csv",
                                       path)
            except Exception as exc:  # the user reads one sentence; the traceback goes to stderr
                traceback.print_exc()
                error = EXPORT_FAILED.format(path=path, error=exc)
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


