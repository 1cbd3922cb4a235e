"""Appending one session while it happens, without blocking the threads that feed it.

The source thread and the GUI thread only append to a queue (``collections.deque``:
appends are atomic, no lock). The writer's own thread drains the queue every
``flush_period_s``, encodes and compresses outside any lock the feeders could
wait on, and commits in one transaction. A commit that fails (disk full, a
lock held by another program past the busy timeout) keeps its batch and is
retried at the next tick, so nothing is lost once the cause clears; each change
between saving and not saving is reported at once through ``on_status``
(called from the writer's thread) and in ``status``.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from biofeedback import config
from biofeedback.core.timebase import event_time_s
from biofeedback.core.types import Beat, Event
from biofeedback.io.store.codec import (
    BEAT_INSERT,
    DATA_KINDS,
    beat_rows,
    encode_events,
    select_beats,
)
from biofeedback.io.store.errors import StoreError, explain, short_reason
from biofeedback.io.store.models import BreathingSample, PacerChange, WriterStatus, utc_now_iso
from biofeedback.io.store.opening import UseLock, connect
from biofeedback.io.store.recovery import LIVE_LOCK, LIVE_WRITERS
from biofeedback.io.store.summary import session_summary

SAVING = WriterStatus(True, "saving")
NOT_SAVING = "not saving: {reason}"  # the window writes it in its language (ui/notice_words.py)


def _file_id(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``; None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


# what the feeders queue for the writer's thread, tagged by kind
_Queued = (
    tuple[Literal["events"], list[Event]]
    | tuple[Literal["beats"], list[Beat]]
    | tuple[Literal["marker"], tuple[float, str]]
    | tuple[Literal["pacer"], PacerChange]
    | tuple[Literal["breathing"], BreathingSample]
)


@dataclass
class _Batch:
    """Encoded rows waiting for a commit; kept whole until one succeeds."""

    rows: list[tuple] = field(default_factory=list)  # (seq, kind, t_s, value, detail, fs_hz, n, v_dtype, data)
    beats: list[Beat] = field(default_factory=list)
    markers: list[tuple[float, str]] = field(default_factory=list)
    pacer: list[PacerChange] = field(default_factory=list)
    breathing: list[BreathingSample] = field(default_factory=list)
    first_t_s: float | None = None

    def clear(self) -> None:
        self.rows, self.beats, self.markers, self.pacer, self.first_t_s = [], [], [], [], None
        self.breathing = []


class SessionWriter:
    """Appends one session's data in batches committed at least every flush period.

    ``add_events``/``add_beats``/``record_marker``/``record_pacer_change`` may be
    called from any thread and never wait. ``finish`` commits the rest and
    closes the session; a session that received no data is deleted instead
    (``kept`` is then False).
    """

    def __init__(self, db_path: str | Path, session_id: int, flush_period_s: float | None = None,
                 on_status: Callable[[WriterStatus], None] | None = None) -> None:
        self.db_path = Path(db_path)
        self.session_id = session_id
        self.flush_period_s = config.STORE_FLUSH_PERIOD_S if flush_period_s is None else flush_period_s
        self.on_status = on_status
        self.status = SAVING
        self.last_error: sqlite3.Error | None = None
        self.summary: dict = {}
        self._use = UseLock(self.db_path)
        self.con = connect(self.db_path, timeout_s=config.STORE_WRITER_BUSY_TIMEOUT_S)
        self.con.execute("PRAGMA synchronous=NORMAL")
        self.con.execute("PRAGMA foreign_keys=ON")
        self._inbox: deque[_Queued] = deque()
        self._commit_lock = threading.Lock()  # between the timer thread and finish, never the feeders
        self._pending = _Batch()
        self._seq = self.con.execute(
            "SELECT coalesce(max(seq), -1) + 1 FROM raw_events WHERE session_id = ?", (session_id,)
        ).fetchone()[0]
        self.last_event_t_s: float | None = None
        self.has_data = False  # a sample or a beat was committed
        self.finished = False
        self.kept = True
        self._next_summary_s = time.monotonic() + config.STORE_SUMMARY_MIN_PERIOD_S
        self._file_id = _file_id(self.db_path)
        self._key = (str(self.db_path.resolve()), session_id)
        with LIVE_LOCK:
            LIVE_WRITERS.add(self._key)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"store writer {session_id}", daemon=True)
        self._thread.start()

    # -- appending (any thread, never blocks) ----------------------------------
    def add_events(self, events: Sequence[Event]) -> None:
        if not events:
            return
        self._inbox.append(("events", list(events)))
        for event in reversed(events):
            t = event_time_s(event)
            if t is not None:
                self.last_event_t_s = t
                break

    def add_beats(self, beats: Sequence[Beat]) -> None:
        if beats:
            self._inbox.append(("beats", list(beats)))

    def record_marker(self, t_device_s: float, label: str) -> None:
        """A labelled moment on the device clock (the clock of the beats)."""
        self._inbox.append(("marker", (float(t_device_s), label)))

    def record_pacer_change(self, t_device_s: float, rate_brpm: float, inhale_ratio: float,
                            hold_in_s: float, hold_out_s: float, phase_cycles: float | None = None) -> None:
        """The pacer from ``t_device_s`` (device clock) on; ``phase_cycles``: its phase right after the change."""
        phase = None if phase_cycles is None else float(phase_cycles) % 1.0
        self._inbox.append(("pacer", PacerChange(
            t_device_s=float(t_device_s), rate_brpm=float(rate_brpm), inhale_ratio=float(inhale_ratio),
            hold_in_s=float(hold_in_s), hold_out_s=float(hold_out_s), phase_cycles=phase)))

    def record_breathing(self, t_device_s: float, rate_brpm: float | None, quality: float) -> None:
        """The breathing read from the pulse at ``t_device_s``; ``rate_brpm`` None when none was readable.

        Raises ValueError (nothing queued) for a time or quality that is not a finite number,
        a quality outside 0..1 or a rate that is not a finite positive number.
        """
        t, q = float(t_device_s), float(quality)
        if not math.isfinite(t):
            raise ValueError(f"a breathing estimate needs a finite device time, not {t_device_s!r}")
        if not (math.isfinite(q) and 0.0 <= q <= 1.0):
            raise ValueError(f"a breathing quality must be between 0 and 1, not {quality!r}")
        rate = None if rate_brpm is None else float(rate_brpm)
        if rate is not None and not (math.isfinite(rate) and rate > 0.0):
            raise ValueError(f"a breathing rate must be a positive number of breaths/min, not {rate_brpm!r}")
        self._inbox.append(("breathing", BreathingSample(t, rate, q)))

    def add_marker(self, t_s: float, label: str) -> None:
        """Older name of ``record_marker``."""
        self.record_marker(t_s, label)

    def add_pacer_change(self, t_s: float, bpm: float) -> None:
        """A rate-only change (default inhale ratio, no holds); prefer ``record_pacer_change``."""
        self.record_pacer_change(t_s, bpm, config.PACER_DEFAULT_INHALE_RATIO, 0.0, 0.0)

    # -- committing (the writer's thread, or finish) -----------------------------
    def _run(self) -> None:
        while not self._stop.wait(self.flush_period_s):
            try:
                self.flush()
            except Exception as error:  # a bug must not end the saving thread silently
                self._set_status(WriterStatus(False, NOT_SAVING.format(reason=error)))

    def _drain(self) -> None:
        """Move what the feeders queued into the pending batch, encoding and compressing it."""
        events: list[Event] = []
        batch = self._pending
        while self._inbox:
            queued = self._inbox.popleft()
            if queued[0] == "events":
                events += queued[1]
            elif queued[0] == "beats":
                batch.beats += queued[1]
            elif queued[0] == "marker":
                batch.markers.append(queued[1])
            elif queued[0] == "breathing":
                batch.breathing.append(queued[1])
            else:
                batch.pacer.append(queued[1])
        rows = encode_events(events)
        batch.rows += [(self._seq + i, *row) for i, row in enumerate(rows)]
        self._seq += len(rows)
        if batch.first_t_s is None:
            batch.first_t_s = next((event_time_s(e) for e in events if event_time_s(e) is not None), None)

    def _commit(self, batch: _Batch) -> None:
        sid, con = self.session_id, self.con
        con.execute("BEGIN IMMEDIATE")
        try:
            con.executemany(
                "INSERT INTO raw_events (session_id, seq, kind, t_s, value, detail, fs_hz, n, v_dtype, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [(sid, *row) for row in batch.rows])
            con.executemany(BEAT_INSERT, beat_rows(sid, batch.beats))
            con.executemany("INSERT INTO markers (session_id, t_s, label) VALUES (?, ?, ?)",
                            [(sid, t, label) for t, label in batch.markers])
            con.executemany(
                "INSERT INTO pacer_changes (session_id, t_s, rate_brpm, inhale_ratio, hold_in_s, hold_out_s, "
                "phase_cycles) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(sid, p.t_device_s, p.rate_brpm, p.inhale_ratio, p.hold_in_s, p.hold_out_s, p.phase_cycles)
                 for p in batch.pacer])
            con.executemany("INSERT INTO breathing (session_id, t_device_s, rate_brpm, quality) VALUES (?, ?, ?, ?)",
                            [(sid, b.t_device_s, b.rate_brpm, b.quality) for b in batch.breathing])
            con.execute("UPDATE sessions SET heartbeat_unix = ? WHERE id = ?", (time.time(), sid))
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                try:
                    con.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise
        self.has_data = self.has_data or bool(batch.beats) or any(row[1] in DATA_KINDS for row in batch.rows)

    def _set_status(self, status: WriterStatus) -> None:
        changed = status.saving != self.status.saving or status.message != self.status.message
        self.status = status
        if changed and self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:  # a display problem must not stop the saving
                pass

    def flush(self) -> bool:
        """Commit everything appended so far and the heartbeat; False (batch kept) when it failed."""
        with self._commit_lock:
            if self.finished:
                return True
            self._drain()
            try:
                self._commit(self._pending)
            except sqlite3.Error as error:
                first, last = self._pending.first_t_s, self.last_event_t_s
                unsaved = last - first if first is not None and last is not None else 0.0
                self._set_status(WriterStatus(False, NOT_SAVING.format(reason=short_reason(error)), max(unsaved, 0.0)))
                self.last_error = error
                return False
            self._pending.clear()
            if _file_id(self.db_path) != self._file_id:
                self._set_status(WriterStatus(True, self._write_again()))
            self._set_status(SAVING)
            self.refresh_summary()
            return True

    def refresh_summary(self, now: bool = False) -> None:
        """Keep the running session's summary close to its stored beats, so a reader that finds it
        crashed lists it at once without re-deriving anything (``SessionStore.list_sessions``).

        Called after each commit; ``now`` refreshes even before the next refresh is due. Outside
        the write lock but for one short UPDATE; its cost sets when the next is due
        (``config.STORE_SUMMARY_COST_RATIO``); a failure waits for the next one.
        """
        now_s = time.monotonic()
        if not self.has_data or (now_s < self._next_summary_s and not now):
            return
        try:
            summary = json.dumps(self._stored_summary())
            self.con.execute("UPDATE sessions SET summary_json = ? WHERE id = ? AND status = 'running'",
                             (summary, self.session_id))
        except sqlite3.Error:
            pass
        cost_s = time.monotonic() - now_s
        self._next_summary_s = now_s + max(config.STORE_SUMMARY_MIN_PERIOD_S, cost_s * config.STORE_SUMMARY_COST_RATIO)

    def _write_again(self) -> str:
        """The store file was deleted or replaced under this writer, which still has it open:
        copy the whole store (this session and the history) from the open file to the path,
        or beside it when another store now stands there, and go on writing to the copy."""
        path = self.db_path
        taken = path.exists()
        target = path.with_name(f"{path.stem}.restored-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}") \
            if taken else path
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        copy = sqlite3.connect(str(partial))
        try:
            self.con.backup(copy)
        finally:
            copy.close()
        os.replace(partial, target)
        self.con.close()
        self.con = connect(target, timeout_s=config.STORE_WRITER_BUSY_TIMEOUT_S)
        self.con.execute("PRAGMA synchronous=NORMAL")
        self.con.execute("PRAGMA foreign_keys=ON")
        self._use.release()
        self._use = UseLock(target)
        self.db_path, self._file_id = target, _file_id(target)
        with LIVE_LOCK:
            LIVE_WRITERS.discard(self._key)
            self._key = (str(target.resolve()), self.session_id)
            LIVE_WRITERS.add(self._key)
        where = f"beside it as {target.name}, as another store now stands there" if taken else "again"
        return (f"the session store {path} was deleted or replaced while recording; this session and "
                f"the history were written {where} from the open copy")

    def _retry(self, step: Callable[[], bool], deadline: float) -> None:
        while not step():
            if time.monotonic() >= deadline:
                error = self.last_error
                why = explain(error, self.db_path) if error is not None else self.status.message
                raise StoreError(f"Session {self.session_id} could not be saved completely: {why}")
            time.sleep(min(self.flush_period_s, 0.5))

    def _stored_summary(self) -> dict:
        """The whole-record summary of the beats stored so far (reads them all: keep it outside the write lock)."""
        return session_summary(self.con, self.session_id, select_beats(self.con, self.session_id))

    def _close_row(self, status: str, protocol: str | None) -> bool:
        try:
            # worked out before the write lock, as refresh_summary does: it reads the whole session
            # (only this writer writes it), and a process's first summary imports SciPy, seconds on a
            # busy machine, which other processes' writes would wait out past their busy timeout
            summary = self._stored_summary() if self.has_data else {}
            self.con.execute("BEGIN IMMEDIATE")
            self.summary = summary
            if self.has_data:
                self.con.execute(
                    "UPDATE sessions SET status = ?, ended_at = ?, summary_json = ?, "
                    "protocol = coalesce(?, protocol) WHERE id = ?",
                    (status, utc_now_iso(), json.dumps(summary), protocol, self.session_id))
            else:
                self.con.execute("DELETE FROM sessions WHERE id = ?", (self.session_id,))
            self.con.execute("COMMIT")
            return True
        except sqlite3.Error as error:
            if self.con.in_transaction:
                try:
                    self.con.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            self.last_error = error
            self._set_status(WriterStatus(False, NOT_SAVING.format(reason=short_reason(error))))
            return False

    def finish(self, status: str = "completed", protocol: str | None = None,
               timeout_s: float = config.STORE_FINISH_WAIT_S) -> dict:
        """Commit the rest and close the session; returns its summary ({} when it was not kept).

        Retries for up to ``timeout_s`` while the disk is full or the store locked; then raises
        StoreError (the session stays "running" and is recovered as interrupted later).
        """
        if self.finished:
            return {}
        self._stop.set()
        self._thread.join()
        deadline = time.monotonic() + timeout_s
        self._retry(self.flush, deadline)
        self._retry(lambda: self._close_row(status, protocol), deadline)
        self.kept = self.has_data
        self.finished = True
        self.con.close()
        self._use.release()
        with LIVE_LOCK:
            LIVE_WRITERS.discard(self._key)
        return self.summary
