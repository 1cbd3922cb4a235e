"""The coach view's reading of LSL: every client on a thread of its own, nothing on the GUI thread.

A liblsl ``ContinuousResolver`` lists the streams whose ``source_id`` starts
with ``biofeedback:``; the "coach discovery" thread groups them per client
(``biofeedback:<host>:<client>``) every COACH_RESOLVE_S and hands each client's
newest RR, LiveBeats, Metrics and Pacer stream infos to that client's
``ClientReader``. The reader ("coach <client>" thread) checks each stream
before opening an inlet on it: channel count, channel format and declared rate
(``stream_problem``). A stream that fails is never opened; the reason is a
sentence the tile shows ("bad stream (Pacer): 1 channel, expected 2"). A
stream declaring 1e9 Hz used to hang liblsl's ``pull_chunk(timeout=0)`` for
good (the whole coach window froze); a one-channel Pacer raised IndexError on
every poll and starved the clients after it.

Each inlet's buffer is sized by time and capped in bytes (``inlet_buffer``),
never by the declared rate alone; pulls take ``timeout=0`` and at most
COACH_PULL_MAX_SAMPLES. An exception while reading one stream is kept (with
its traceback) and that stream is dropped; the client's other streams and every
other client go on. Whatever liblsl does inside one client's thread (a call
that never returns included) cannot hold up another client or the GUI: the
consumer only ever calls ``take()``, which copies what arrived under a lock.

Each client's inlets hold ~44 sockets: the coach raises the process's limit of open files
for ``max_clients`` of them (``io/open_files.py``; a Linux desktop starts a program with 1,024,
macOS with 256). A stream that cannot be opened for want of a free file is a sentence on its
tile, not a traceback, and is opened on a later pass once files are free.

No Qt here: ``app/coach_model.CoachModel`` drains the readers from a QTimer.
"""

from __future__ import annotations

import math
import socket
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

import pylsl
from pylsl.util import LostError
from pylsl.util import TimeoutError as LslTimeoutError

from biofeedback import config
from biofeedback.io.lsl_outlets import (
    LIVE_CHANNELS,
    METRICS_CHANNELS,
    PACER_CHANNELS,
    RR_CHANNELS,
    SOURCE_ID_PREFIX,
    client_key,
)
from biofeedback.io.open_files import at_open_files_limit, open_files_limit, raise_open_files_limit
from biofeedback.io.stream_checks import sized_buffer

COACH_KINDS = ("RR", "LiveBeats", "Metrics", "Pacer")
EXPECTED_CHANNELS = {"RR": len(RR_CHANNELS), "LiveBeats": len(LIVE_CHANNELS),
                     "Metrics": len(METRICS_CHANNELS), "Pacer": len(PACER_CHANNELS)}
NUMERIC_FORMATS = {pylsl.cf_float32: "float32", pylsl.cf_double64: "double64", pylsl.cf_int8: "int8",
                   pylsl.cf_int16: "int16", pylsl.cf_int32: "int32", pylsl.cf_int64: "int64"}
_FORMAT_NAMES = {**NUMERIC_FORMATS, pylsl.cf_string: "text", pylsl.cf_undefined: "undefined"}
_MAX_KEPT_ERRORS = 32  # tracebacks a reader keeps for the consumer (one per stream and kind of error)
_MAX_PENDING_SAMPLES = 20_000  # samples a reader holds for a consumer that does not take them; the oldest go


def stream_problem(kind: str, info: pylsl.StreamInfo) -> str | None:
    """Why the coach will not read this stream (a sentence for the tile), or None when it is fine."""
    n, want = info.channel_count(), EXPECTED_CHANNELS[kind]
    if n != want:
        return f"bad stream ({kind}): {n} channel{'' if n == 1 else 's'}, expected {want}"
    fmt = info.channel_format()
    if fmt not in NUMERIC_FORMATS:
        return f"bad stream ({kind}): {_FORMAT_NAMES.get(fmt, f'format {fmt}')} values, expected numbers"
    rate = info.nominal_srate()
    if not math.isfinite(rate) or rate < 0 or rate > config.STREAM_MAX_RATE_HZ:
        return f"bad stream ({kind}): declares {rate:g} Hz, at most {config.STREAM_MAX_RATE_HZ:g} Hz is read"
    return None


def inlet_buffer(n_channels: int, rate_hz: float) -> tuple[int, int]:
    """(liblsl ``max_buflen``, samples it holds) for an inlet: COACH_INLET_BUFFER_S of data at the
    declared rate (COACH_IRREGULAR_MAX_HZ for an irregular stream), at most COACH_INLET_BUFFER_BYTES
    (``stream_checks.sized_buffer``, as for the app's own LSL source)."""
    return sized_buffer(n_channels, "double64", rate_hz, config.COACH_INLET_BUFFER_S,
                        config.COACH_INLET_BUFFER_BYTES, config.COACH_IRREGULAR_MAX_HZ)


def newest_per_client(infos: list[pylsl.StreamInfo]) -> dict[str, dict[str, pylsl.StreamInfo]]:
    """client key -> {kind: info} for the coach's kinds; of several streams with one source id
    (a client restarted, the old one not yet forgotten) the newest."""
    seen: dict[str, dict[str, pylsl.StreamInfo]] = {}
    for info in infos:
        sid = info.source_id()
        key = client_key(sid)
        kind = sid.rsplit(":", 1)[-1]
        if key is None or kind not in COACH_KINDS:
            continue
        known = seen.setdefault(key, {}).get(kind)
        if known is None or info.created_at() > known.created_at():
            seen[key][kind] = info
    return seen


@dataclass
class Batch:
    """Samples of one stream pulled in one pass, stamps on this host's ``local_clock``."""

    kind: str
    rows: list
    stamps: list


@dataclass
class ReaderNews:
    """What a reader has to say since the last ``take()`` (the consumer owns it)."""

    batches: list[Batch] = field(default_factory=list)
    display_name: str | None = None
    problems: dict[str, str] = field(default_factory=dict)  # kind -> sentence, every kind now refused
    errors: list[tuple[str, str]] = field(default_factory=list)  # (kind, traceback), each new failure once
    last_data_mono_s: float | None = None  # time.monotonic() of the newest sample's arrival
    last_pass_mono_s: float = 0.0  # time.monotonic() at the end of the reader's latest pass
    connections_closed: bool = False  # every inlet it opened was closed by the other end
    open_inlets: int = 0


class _Inlet:
    def __init__(self, kind: str, info: pylsl.StreamInfo) -> None:
        self.kind, self.uid = kind, info.uid()
        self.remote = info.hostname() != socket.gethostname()
        buflen, samples = inlet_buffer(info.channel_count(), info.nominal_srate())
        self.max_samples = max(1, min(samples, config.COACH_PULL_MAX_SAMPLES))
        self.inlet = pylsl.StreamInlet(info, max_buflen=buflen, recover=False)
        # opened with almost no file left: liblsl may have missed a socket it needs, and the inlet
        # is then "lost" later although its stream is not (reopened, not taken for a stream gone)
        self.opened_short = False

    def subscribe(self) -> bool:
        """Connect before the inlet counts as open: liblsl otherwise connects on the first pull,
        and what the client sends until then is lost. False if its outlet did not answer in time."""
        try:
            self.inlet.open_stream(timeout=config.COACH_SUBSCRIBE_TIMEOUT_S)
        except LslTimeoutError:
            self.close()
            return False
        return True

    def correction_s(self) -> float:
        """0 on this host (one clock); else LSL's latest offset estimate (0 until it has one)."""
        if not self.remote:
            return 0.0
        try:
            return self.inlet.time_correction(timeout=0.0)
        except LslTimeoutError:
            return 0.0

    def pull(self) -> tuple[list, list]:
        data, stamps = self.inlet.pull_chunk(timeout=0.0, max_samples=self.max_samples)
        if data and (correction := self.correction_s()):
            stamps = [t + correction for t in stamps]
        return data, stamps

    def close(self) -> None:
        self.inlet.close_stream()


class ClientReader:
    """One client's inlets, read on the client's own daemon thread.

    ``offer`` (any thread) hands it the newest stream infos the resolver lists;
    ``take`` (any thread, never blocking on liblsl) returns what came since the last take.
    """

    def __init__(self, key: str, poll_s: float = config.COACH_POLL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.key, self.poll_s, self._clock = key, poll_s, clock
        self._lock = threading.Lock()
        self._offered: dict[str, pylsl.StreamInfo] = {}
        self._news = ReaderNews(last_pass_mono_s=clock())
        self._pending = 0  # samples in self._news.batches
        self._error_kinds: set[tuple[str, str]] = set()
        self._inlets: dict[str, _Inlet] = {}
        self._dead_uids: set[str] = set()  # closed by the other end: not reopened (a fresh uid is)
        self._refused: dict[str, tuple[str, str]] = {}  # kind -> (uid, sentence)
        self._starved: dict[str, str] = {}  # kind -> sentence: no file left to open it (tried each pass)
        self._had_inlet = False
        self._want_name = True
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"coach {key}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to close its inlets and end (it does within one poll period)."""
        self._stop.set()

    def join(self, timeout_s: float) -> bool:
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def offer(self, streams: dict[str, pylsl.StreamInfo]) -> None:
        with self._lock:
            self._offered = dict(streams)

    def take(self) -> ReaderNews:
        with self._lock:
            news = self._news
            self._pending = 0
            self._news = ReaderNews(last_data_mono_s=news.last_data_mono_s, last_pass_mono_s=news.last_pass_mono_s,
                                    problems=dict(news.problems), connections_closed=news.connections_closed,
                                    open_inlets=news.open_inlets)
        return news

    # -- the reader's thread ------------------------------------------------------------
    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._pass()
                self._stop.wait(self.poll_s)
        finally:
            for inlet in self._inlets.values():
                self._guarded(inlet.kind, inlet.close)
            self._inlets.clear()

    def _pass(self) -> None:
        with self._lock:
            offered = dict(self._offered)
        for kind in [k for k in self._starved if k not in offered]:
            del self._starved[kind]
        for kind, info in offered.items():
            try:
                self._open(kind, info)
            except Exception:
                if self._starve(kind):
                    continue
                self._report(kind, traceback.format_exc())
                self._dead_uids.add(info.uid())  # not retried on every pass; a restart has a fresh uid
        if self._want_name and self._inlets:
            self._guarded("name", self._fetch_name)
        batches: list[Batch] = []
        for kind, inlet in list(self._inlets.items()):
            try:
                data, stamps = inlet.pull()
            except LostError:
                if not self._starve(kind) and not inlet.opened_short:
                    self._dead_uids.add(inlet.uid)
                del self._inlets[kind]
                continue
            except Exception:
                if not self._starve(kind) and not inlet.opened_short:
                    self._report(kind, traceback.format_exc())
                del self._inlets[kind]
                self._guarded(kind, inlet.close)
                continue
            if data:
                batches.append(Batch(kind, data, stamps))
        now = self._clock()
        with self._lock:
            news = self._news
            news.batches.extend(batches)
            self._pending += sum(len(b.stamps) for b in batches)
            while self._pending > _MAX_PENDING_SAMPLES and len(news.batches) > 1:
                self._pending -= len(news.batches.pop(0).stamps)
            if batches:
                news.last_data_mono_s = now
            news.last_pass_mono_s = now
            news.problems = {**self._starved, **{kind: text for kind, (_, text) in self._refused.items()}}
            news.open_inlets = len(self._inlets)
            news.connections_closed = self._had_inlet and not self._inlets

    def _open(self, kind: str, info: pylsl.StreamInfo) -> None:
        uid = info.uid()
        current = self._inlets.get(kind)
        if (current is not None and current.uid == uid) or uid in self._dead_uids:
            return
        if self._refused.get(kind, ("", ""))[0] == uid:
            return
        problem = stream_problem(kind, info)
        if problem is not None:
            self._refused[kind] = (uid, problem)
            return  # a client restarted with a bad stream keeps its good inlet until that one is closed
        self._refused.pop(kind, None)
        inlet = _Inlet(kind, info)
        if not inlet.subscribe():
            return  # tried again on the next pass
        inlet.opened_short = at_open_files_limit()
        if current is not None:
            current.close()
        self._inlets[kind] = inlet
        self._starved.pop(kind, None)
        self._had_inlet = True

    def _fetch_name(self) -> None:
        """The display name lives in desc/, which a resolve does not carry: the full info, asked
        with a zero timeout on every pass until liblsl has it (it fetches on a thread of its own)."""
        for inlet in self._inlets.values():
            try:
                full = inlet.inlet.info(timeout=0.0)
            except LslTimeoutError:
                continue
            except LostError:
                if inlet.opened_short:
                    continue  # the pull below drops it; it is opened again
                raise
            name = full.desc().child("biofeedback").child_value("display_name")
            self._want_name = False
            if name:
                with self._lock:
                    self._news.display_name = name
            return

    def _guarded(self, kind: str, action: Callable[[], object]) -> None:
        try:
            action()
        except Exception:
            if not at_open_files_limit():  # (at the limit: the name is asked again on the next pass)
                self._report(kind, traceback.format_exc())

    def _starve(self, kind: str) -> bool:
        """After a failure: was it for want of a free file? Then the stream's tile says so, and
        it is opened again on a later pass (not taken for a stream that is gone)."""
        if not at_open_files_limit():
            return False
        self._starved[kind] = open_files_sentence(kind)
        return True

    def _report(self, kind: str, text: str) -> None:
        last = text.strip().splitlines()[-1]
        if (kind, last) in self._error_kinds or len(self._error_kinds) >= _MAX_KEPT_ERRORS:
            return
        self._error_kinds.add((kind, last))
        with self._lock:
            self._news.errors.append((kind, f"coach: reading {self.key} ({kind}) failed:\n{text}"))


def open_files_sentence(kind: str) -> str:
    """Why a stream is not read when the process has no file left to open an inlet with."""
    limit = open_files_limit()
    return (f"not read ({kind}): this computer lets the coach view keep {limit} connections and files "
            "open, and all are in use; read fewer clients or raise the limit (ulimit -n)")


class CoachReader:
    """The resolver, the "coach discovery" thread and one ``ClientReader`` per client found.

    ``readers()`` (any thread) lists the clients being read; at most ``max_clients`` are read,
    the others only counted (``not_read``). ``listed`` says whether the resolver lists a client now.
    """

    def __init__(self, only: str = "", max_clients: int = config.COACH_MAX_CLIENTS,
                 poll_s: float = config.COACH_POLL_S, resolve_s: float = config.COACH_RESOLVE_S,
                 forget_after_s: float = config.COACH_FORGET_AFTER_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        # only the kinds the coach reads answer (fewer answers to lose): source ids ending in ':RR', ...
        kinds = " or ".join(f"substring(source_id,string-length(source_id)-{len(k)})=':{k}'" for k in COACH_KINDS)
        pred = f"starts-with(source_id,'{SOURCE_ID_PREFIX}') and ({kinds})"
        if only:  # e.g. one group's clients only: a text their source ids contain
            pred += f" and contains(source_id,'{only.replace(chr(39), '')}')"
        self.pred, self.max_clients, self.poll_s, self.resolve_s = pred, max_clients, poll_s, resolve_s
        self.forget_after_s, self._clock = forget_after_s, clock
        self._lock = threading.Lock()
        self._readers: dict[str, ClientReader] = {}
        self._listed: set[str] = set()
        self.not_read = 0  # clients the resolver lists beyond max_clients (counted, not read)
        self.errors: list[str] = []  # discovery tracebacks
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            # room for every client's inlets where the system starts programs with less (see io/open_files.py)
            raise_open_files_limit(self.max_clients * config.COACH_OPEN_FILES_PER_CLIENT + config.COACH_OPEN_FILES_BASE)
            self._thread = threading.Thread(target=self._run, name="coach discovery", daemon=True)
            self._thread.start()

    def stop(self, wait_s: float = 0.0) -> None:
        """Stop discovery and every reader; wait at most ``wait_s`` in all for their threads."""
        self._stop.set()
        with self._lock:
            readers = list(self._readers.values())
        for reader in readers:
            reader.stop()
        deadline = time.monotonic() + wait_s
        if self._thread is not None:
            self._thread.join(max(0.0, deadline - time.monotonic()))
        for reader in readers:
            reader.join(max(0.0, deadline - time.monotonic()))

    def readers(self) -> dict[str, ClientReader]:
        with self._lock:
            return dict(self._readers)

    def listed(self, key: str) -> bool:
        """Whether the resolver's latest list holds a stream of this client."""
        with self._lock:
            return key in self._listed

    def _run(self) -> None:
        resolver = pylsl.ContinuousResolver(pred=self.pred, forget_after=self.forget_after_s)
        try:
            while not self._stop.is_set():
                try:
                    self._discover(resolver.results())
                except Exception:
                    if len(self.errors) < _MAX_KEPT_ERRORS:
                        self.errors.append(f"coach: discovery failed:\n{traceback.format_exc()}")
                self._stop.wait(self.resolve_s)
        finally:
            del resolver

    def _discover(self, infos: list[pylsl.StreamInfo]) -> None:
        seen = newest_per_client(infos)
        new: list[ClientReader] = []
        with self._lock:
            not_read = 0
            for key, streams in seen.items():
                reader = self._readers.get(key)
                if reader is None:
                    if len(self._readers) >= self.max_clients or self._stop.is_set():
                        not_read += 1
                        continue
                    reader = self._readers[key] = ClientReader(key, self.poll_s, self._clock)
                    new.append(reader)
                reader.offer(streams)
            self._listed = set(seen)
            self.not_read = not_read
        for reader in new:
            reader.start()
