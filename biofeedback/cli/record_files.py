"""The files ``record`` writes beside the store (``--out`` beats CSV, ``--raw`` event log), never raising.

A file that cannot be written any more (a full disk, a USB stick pulled out)
must not take the recording down with a traceback: the store and the other
file still hold everything, so the failure becomes one sentence naming the
file (``on_failure``), that file is closed and left alone from then on, and
the recording goes on into the rest. ``record`` opens the files once the
store took the session and before any sample is taken, so a wrong path is
refused before anything is recorded, and a store that refuses leaves an
existing file as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Generic, TypeVar

from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.types import Event
from biofeedback.io.beats_csv import BeatsCsvWriter
from biofeedback.io.rawlog import RawEventWriter

W = TypeVar("W", BeatsCsvWriter, RawEventWriter)


class _Guarded(Generic[W]):
    """One output file: an OSError from its writer becomes one sentence, and the file is closed."""

    def __init__(self, path: Path, writer: W, on_failure: Callable[[str], None]) -> None:
        self.path = path
        self._writer: W | None = writer
        self._on_failure = on_failure

    def call(self, action: Callable[[W], None]) -> None:
        if self._writer is None:  # failed before: said once, left alone
            return
        try:
            action(self._writer)
        except OSError as error:
            self._close(error)

    def close(self) -> None:
        self._close(None)

    def _close(self, error: OSError | None) -> None:
        writer, self._writer = self._writer, None
        if writer is None:
            return
        try:
            writer.close()  # flushes; the descriptor is closed even when that fails
        except OSError as close_error:
            error = error or close_error
        if error is not None:
            self._on_failure(f"could not write {self.path}: {error.strerror or error}")


class RecordFiles:
    """Opened in ``__init__`` (an OSError there is the caller's to report); afterwards nothing raises."""

    def __init__(self, out_path: Path | None, raw_path: Path | None, on_failure: Callable[[str], None]) -> None:
        self._beats: _Guarded[BeatsCsvWriter] | None = None
        self._raw: _Guarded[RawEventWriter] | None = None
        try:
            if out_path is not None:
                self._beats = _Guarded(out_path, BeatsCsvWriter(out_path), on_failure)
            if raw_path is not None:
                stream = open(raw_path, "w", encoding="utf-8", newline="")
                self._raw = _Guarded(raw_path, RawEventWriter(stream), on_failure)
        except OSError:
            self.close()
            raise

    def write_events(self, events: Sequence[Event]) -> None:
        """Event sink: every decoded event into the raw log."""
        if self._raw is not None:
            self._raw.call(lambda raw: raw.write(events))

    def write_beats(self, out: PipelineOutput, _events: Sequence[Event] = ()) -> None:
        """Output sink: the pipeline's beats into the beats CSV."""
        if self._beats is not None and out.beats:
            self._beats.call(lambda beats_file: beats_file.write(out.beats))

    def flush(self) -> None:
        for file in (self._beats, self._raw):
            if file is not None:
                file.call(lambda writer: writer.flush())

    def close(self) -> None:
        for file in (self._beats, self._raw):
            if file is not None:
                file.close()
