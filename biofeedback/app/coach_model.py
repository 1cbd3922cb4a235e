"""The coach view's data: every biofeedback client on the network, read-only.

``io/coach_reader.CoachReader`` finds the clients (streams whose ``source_id``
starts with ``biofeedback:``, grouped per ``biofeedback:<host>:<client>``) and
reads each one's RR, LiveBeats, Metrics and Pacer streams (never PPG: the coach
does not need the wave) on a thread of its own, after checking every stream's
channels, format and rate. This model only drains what the readers pulled,
from a QTimer in the GUI thread: nothing here waits on liblsl, and one client's
bad stream or failure is a sentence on its own tile (``ClientState.problems``),
never an exception that stops the others.

A client is *lost* only when it has sent nothing for COACH_LOST_AFTER_S (3 s) and
its connections were closed by the other end (the client quit or crashed), or
when it has sent nothing for COACH_LOST_UNLISTED_AFTER_S (15 s) and the resolver
no longer lists it (its host went away without closing them). Resolver answers
go missing under load (30 clients on one busy host: a third of the streams
unlisted at a time with a 3 s memory), so that alone never says "lost", nor does
a client that is connected but sends nothing. When streams with the same source ids come back (the
client restarted) its reader opens them and it is live again, history kept.
Nothing here sends anything to a client. A client silent for COACH_QUIET_AFTER_S
(its pacer alone sends ten samples a second) is *quiet*: its tile greys and its
session clock stops at its last data; a lost one says since when
(``lost_since_wall_s``, the wall time of its last data).

The coherence level a tile colours by is the main window's: the client's
ratios through ``core.hrv.coherence_level.CoherenceLevel`` (smoothing, hysteresis,
dwell) with the same thresholds, fed once per new ratio.

The HR curve and the HR number follow each beat at once: a client's
``LiveBeats`` stream carries every detection ~0.2 s after its peak
(provisional), ``RR`` the corrected beats ~2 s later; the curve draws the
corrected beats and, after the newest of them, the provisional ones (so a
corrected beat replaces its provisional one in place). Clients without
``LiveBeats`` (older versions) are drawn from ``RR`` and ``Metrics`` alone.

All sample times are ``local_clock()`` seconds (another host's stamps get LSL's time correction).
"""

from __future__ import annotations

import math
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import pylsl
from PySide6.QtCore import QObject, QTimer, Signal

from biofeedback import config
from biofeedback.core.hrv.coherence_level import CoherenceLevel
from biofeedback.io.coach_reader import COACH_KINDS, CoachReader, ReaderNews
from biofeedback.io.lsl_outlets import METRICS_CHANNELS

__all__ = ["COACH_KINDS", "ClientState", "CoachModel"]

SAME_BEAT_S = 0.06  # a corrected beat this close to a provisional one is that beat (core.beats.provisional)
_METRIC_INDEX = {label: i for i, (label, _, _) in enumerate(METRICS_CHANNELS)}
_MAX_KEPT_ERRORS = 64


def _value(x: float) -> float | None:
    return None if x is None or math.isnan(x) else float(x)


@dataclass
class ClientState:
    """What the coach knows about one client; widgets only read it."""

    key: str
    name: str
    host: str
    lost: bool = False
    lost_since_wall_s: float | None = None  # wall time (time.time) of its last data, once lost
    quiet: bool = False  # no data for COACH_QUIET_AFTER_S: greyed, its clock stopped
    coherence_level: int | None = None  # 0 low, 1 medium, 2 high: the calm level, as the client's window shows it
    coherence: CoherenceLevel = field(default_factory=CoherenceLevel, repr=False)
    first_seen_t_s: float | None = None  # local_clock of the client's first sample
    beats: deque = field(default_factory=lambda: deque(maxlen=4096))  # (t_s, rr_ms, corrected, quality)
    live: deque = field(default_factory=lambda: deque(maxlen=64))  # provisional (t_s, rr_ms, hr_bpm)
    pacer: deque = field(default_factory=lambda: deque(maxlen=int(config.COACH_WINDOW_S * 12)))
    metrics: dict = field(default_factory=dict)  # label -> value or None
    metrics_t_s: float | None = None  # stamp of the latest Metrics sample (when the client pushed it)
    last_sample_t_s: float | None = None
    problems: dict = field(default_factory=dict)  # kind -> why it is not read ("bad stream (Pacer): ...")
    stalled: bool = False  # its reader has not finished a pass for COACH_STALLED_AFTER_S
    streams_read: int = 0  # inlets open on its streams now (at most 4: RR, LiveBeats, Metrics, Pacer)
    version: int = 0  # bumped on every change
    news_version: int = 0  # bumped on every change but new pacer samples (beats, metrics, state, problems)

    @property
    def hr_bpm(self) -> float | None:
        """The HR the tile shows: the client's 3-beat HR at its newest beat, provisional included."""
        pending = self.pending()
        if pending:
            return _value(pending[-1][2])
        return self.metrics.get("hr_bpm")

    def pending(self) -> list[tuple[float, float, float]]:
        """Provisional beats newer than the newest corrected one (not yet replaced)."""
        newest = self.beats[-1][0] + SAME_BEAT_S if self.beats else -math.inf
        return [b for b in self.live if b[0] > newest]

    @property
    def notes(self) -> list[str]:
        """Sentences for the tile about what is wrong with this client's streams, if anything."""
        out = [self.problems[k] for k in sorted(self.problems)]
        if self.stalled:
            out.append("not answering: reading its streams is stuck")
        return out

    @property
    def signal_ok(self) -> bool | None:
        ok = self.metrics.get("signal_ok")
        return None if ok is None else ok >= 0.5

    @property
    def pacer_bpm(self) -> float | None:
        """The rate of the pacer the client follows (its Pacer stream, else its Metrics)."""
        if self.pacer:
            return _value(self.pacer[-1][2])
        return self.metrics.get("pacer_bpm")

    @property
    def stopped(self) -> bool:
        """Nothing arrives from it (quiet or lost): its numbers are old and its clock stands."""
        return self.lost or self.quiet

    def session_s(self, now_s: float) -> float | None:
        """Time since its first sample; stopped at its last sample while it sends nothing."""
        if self.first_seen_t_s is None:
            return None
        end = min(now_s, self.last_sample_t_s) if self.stopped and self.last_sample_t_s is not None else now_s
        return max(0.0, end - self.first_seen_t_s)

    def hr_curve(self, now_s: float, window_s: float = config.COACH_WINDOW_S) -> tuple[list, list]:
        """Beat-to-beat HR over the last ``window_s``: (seconds before now (negative), bpm).

        A NaN separates beats more than COACH_CURVE_BREAK_S apart: a gap is not drawn as a line.
        """
        t, hr, last = [], [], None
        shown = [(bt, rr) for bt, rr, _, _ in self.beats] + [(bt, rr) for bt, rr, _ in self.pending()]
        for bt, rr in shown:
            if bt >= now_s - window_s and rr > 0:
                if last is not None and bt - last > config.COACH_CURVE_BREAK_S:
                    t.append(bt - now_s)
                    hr.append(math.nan)
                t.append(bt - now_s)
                hr.append(60000.0 / rr)
                last = bt
        return t, hr

    def pacer_curve(self, now_s: float, window_s: float = config.COACH_WINDOW_S) -> tuple[list, list]:
        t, g, last = [], [], None
        for pt, guide, _ in self.pacer:
            if pt >= now_s - window_s:
                if last is not None and pt - last > 1.0:
                    t.append(pt - now_s)
                    g.append(math.nan)
                t.append(pt - now_s)
                g.append(guide)
                last = pt
        return t, g


class CoachModel(QObject):
    """Drains the client readers into per-client buffers; emits when something changed."""

    clientsChanged = Signal()  # a client appeared or was renamed (the tile grid must change)
    clientUpdated = Signal(str)  # new samples, lost/back or a problem for the client with this key
    error = Signal(str)  # a traceback from reading a client (each kind of failure once)

    def __init__(self, parent: QObject | None = None, poll_s: float = config.COACH_POLL_S,
                 forget_after_s: float = config.COACH_FORGET_AFTER_S,
                 max_clients: int = config.COACH_MAX_CLIENTS, only: str = "",
                 lost_after_s: float = config.COACH_LOST_AFTER_S,
                 lost_unlisted_after_s: float = config.COACH_LOST_UNLISTED_AFTER_S,
                 clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self.clients: dict[str, ClientState] = {}
        self.max_clients, self.lost_after_s, self._clock = max_clients, lost_after_s, clock
        self._wall_clock = wall_clock  # for "lost since 12:04"
        self.lost_unlisted_after_s = lost_unlisted_after_s
        self.reader = CoachReader(only=only, max_clients=max_clients, poll_s=poll_s,
                                  forget_after_s=forget_after_s, clock=clock)
        self.errors: list[str] = []  # tracebacks (tests fail on them)
        self._discovery_errors_seen = 0
        self._created_mono: dict[str, float] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, int(min(poll_s, config.COACH_DRAIN_S) * 1000)))
        self._timer.timeout.connect(self.poll)

    @property
    def not_read(self) -> int:
        """Clients found beyond ``max_clients``: counted, not read."""
        return self.reader.not_read

    def start(self) -> None:
        self.reader.start()
        self._timer.start()

    def stop(self, wait_s: float = 2.0) -> None:
        """Stop polling and reading; wait at most ``wait_s`` for the readers to close their inlets."""
        self._timer.stop()
        self.reader.stop(wait_s)

    def ordered(self) -> list[ClientState]:
        """Clients by name (the tile order)."""
        return sorted(self.clients.values(), key=lambda c: (c.name.lower(), c.key))

    # -- polling (GUI thread, never waits on liblsl) -------------------------------------
    def poll(self) -> None:
        now_lsl, now = pylsl.local_clock(), self._clock()
        regrid, updated = False, []
        for key, reader in self.reader.readers().items():
            client = self.clients.get(key)
            if client is None:
                client = self._new_client(key)
                regrid = True
            try:
                changed, pacer, renamed = self._apply(client, reader.take(), now_lsl, now)
            except Exception:  # one client's data must never stop the others
                text = traceback.format_exc()
                self._report(f"coach: taking {key}'s data failed:\n{text}")
                client.problems["error"] = f"error: {text.strip().splitlines()[-1]}"
                changed, pacer, renamed = True, False, False
            regrid |= renamed
            if changed or pacer:
                client.version += 1
                client.news_version += changed
                updated.append(key)
        new_errors = self.reader.errors[self._discovery_errors_seen:]
        self._discovery_errors_seen += len(new_errors)
        for text in new_errors:
            self._report(text)
        if regrid:
            self.clientsChanged.emit()
        for key in updated:
            self.clientUpdated.emit(key)

    def _new_client(self, key: str) -> ClientState:
        _, host, slug = key.split(":", 2)
        client = ClientState(key=key, name=slug, host=host)
        self.clients[key] = client
        self._created_mono[key] = self._clock()
        return client

    def _apply(self, client: ClientState, news: ReaderNews, now_lsl: float, now: float) -> tuple[bool, bool, bool]:
        """Fold one reader's news into its client; (anything but pacer samples changed, new pacer
        samples, renamed)."""
        changed = pacer = renamed = False
        if news.display_name and news.display_name != client.name:
            client.name, renamed, changed = news.display_name, True, True
        problems = dict(news.problems)
        for kind, text in news.errors:
            self._report(text)
            client.problems[f"error {kind}"] = f"error reading {kind}: {text.strip().splitlines()[-1]}"
        problems.update({k: v for k, v in client.problems.items() if k.startswith("error")})
        if problems != client.problems:
            client.problems, changed = problems, True
        if news.open_inlets != client.streams_read:
            client.streams_read, changed = news.open_inlets, True
        for batch in news.batches:
            self._take(client, batch.kind, batch.rows, batch.stamps, now_lsl)
            if batch.kind == "Pacer":
                pacer = True
            else:
                changed = True
        last_data = news.last_data_mono_s if news.last_data_mono_s is not None else self._created_mono[client.key]
        silent_s = now - last_data
        lost = ((silent_s >= self.lost_after_s and news.connections_closed)
                or (silent_s >= self.lost_unlisted_after_s and not self.reader.listed(client.key)))
        stalled = now - news.last_pass_mono_s >= config.COACH_STALLED_AFTER_S
        quiet = silent_s >= config.COACH_QUIET_AFTER_S
        if lost != client.lost or stalled != client.stalled or quiet != client.quiet:
            client.lost, client.stalled, client.quiet, changed = lost, stalled, quiet, True
            client.lost_since_wall_s = self._wall_clock() - silent_s if lost else None
        return changed, pacer, renamed

    def _report(self, text: str) -> None:
        if len(self.errors) >= _MAX_KEPT_ERRORS:
            return
        self.errors.append(text)
        print(text, file=sys.stderr)
        self.error.emit(text)

    def _take(self, client: ClientState, kind: str, data: list, stamps: list, now: float) -> None:
        if client.first_seen_t_s is None:
            client.first_seen_t_s = stamps[0]
        client.last_sample_t_s = stamps[-1]
        if kind == "RR":
            client.beats.extend((t, row[0], row[1] >= 0.5, row[2] >= 0.5) for row, t in zip(data, stamps, strict=True))
        elif kind == "LiveBeats":
            client.live.extend((t, row[0], row[1]) for row, t in zip(data, stamps, strict=True))
        elif kind == "Pacer":
            client.pacer.extend((t, row[0], row[1]) for row, t in zip(data, stamps, strict=True))
        elif kind == "Metrics":
            for row, t in zip(data, stamps, strict=True):  # every ratio in the batch, for the calm level
                ratio = _value(row[_METRIC_INDEX["coherence_ratio"]])
                if ratio is not None and ratio != client.metrics.get("coherence_ratio"):
                    shown = client.coherence.update(t, ratio)  # a new 64 s value (metrics repeat it per beat)
                    client.coherence_level = None if shown is None else shown.level
                client.metrics = {label: _value(row[i]) for label, i in _METRIC_INDEX.items()}
            client.metrics_t_s = stamps[-1]
