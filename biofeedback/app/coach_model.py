"""The coach view's data: every biofeedback client on the network, read-only.

A liblsl ``ContinuousResolver`` (its own background thread) lists the
streams whose ``source_id`` starts with ``biofeedback:``; they are grouped
per client (``biofeedback:<host>:<client>``). For each client the model
opens inlets on its RR, LiveBeats, Metrics and Pacer streams (never PPG: the
coach does not need the wave) and pulls them without blocking from a QTimer in the GUI
thread. A client whose streams the resolver has not seen for
COACH_FORGET_AFTER_S is *lost*; when streams with the same source ids come
back (the client restarted) new inlets are opened and it is live again, with
its history kept. Nothing here sends anything to a client.

The HR curve and the HR number follow each beat at once: a client's
``LiveBeats`` stream carries every detection ~0.2 s after its peak
(provisional), ``RR`` the corrected beats ~2 s later; the curve draws the
corrected beats and, after the newest of them, the provisional ones (so a
corrected beat replaces its provisional one in place). Clients without
``LiveBeats`` (older versions) are drawn from ``RR`` and ``Metrics`` alone.

All times are ``local_clock()`` seconds (another host's stamps get LSL's time correction).
"""

from __future__ import annotations

import math
import socket
from collections import deque
from dataclasses import dataclass, field

import pylsl
from pylsl.util import LostError
from pylsl.util import TimeoutError as LslTimeoutError
from PySide6.QtCore import QObject, QTimer, Signal

from biofeedback import config
from biofeedback.io.lsl_outlets import METRICS_CHANNELS, SOURCE_ID_PREFIX, client_key

COACH_KINDS = ("RR", "LiveBeats", "Metrics", "Pacer")
SAME_BEAT_S = 0.06  # a corrected beat this close to a provisional one is that beat (core.provisional_beats)
RESOLVE_EVERY_POLLS = 5  # look at the resolver's list every 5th poll (0.5 s)
_METRIC_INDEX = {label: i for i, (label, _, _) in enumerate(METRICS_CHANNELS)}


def _value(x: float) -> float | None:
    return None if x is None or math.isnan(x) else float(x)


@dataclass
class ClientState:
    """What the coach knows about one client; widgets only read it."""

    key: str
    name: str
    host: str
    lost: bool = False
    first_seen_t_s: float | None = None  # local_clock of the client's first sample
    beats: deque = field(default_factory=lambda: deque(maxlen=4096))  # (t_s, rr_ms, corrected, quality)
    live: deque = field(default_factory=lambda: deque(maxlen=64))  # provisional (t_s, rr_ms, hr_bpm)
    pacer: deque = field(default_factory=lambda: deque(maxlen=int(config.COACH_WINDOW_S * 12)))
    metrics: dict = field(default_factory=dict)  # label -> value or None
    metrics_t_s: float | None = None  # stamp of the latest Metrics sample (when the client pushed it)
    last_sample_t_s: float | None = None
    version: int = 0  # bumped on every change

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
    def signal_ok(self) -> bool | None:
        ok = self.metrics.get("signal_ok")
        return None if ok is None else ok >= 0.5

    def session_s(self, now_s: float) -> float | None:
        return None if self.first_seen_t_s is None else max(0.0, now_s - self.first_seen_t_s)

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


class _ClientInlets:
    def __init__(self) -> None:
        self.inlets: dict[str, pylsl.StreamInlet] = {}
        self.uids: dict[str, str] = {}
        self.remote: dict[str, bool] = {}  # another host: its clock needs LSL's time correction

    def correction_s(self, kind: str) -> float:
        """0 on this host (one clock); else LSL's latest offset estimate (0 until it has one)."""
        if not self.remote.get(kind):
            return 0.0
        try:
            return self.inlets[kind].time_correction(timeout=0.0)
        except LslTimeoutError:
            return 0.0


class CoachModel(QObject):
    """Discovers clients and keeps per-client buffers; emits when something changed."""

    clientsChanged = Signal()  # a client appeared (the tile grid must grow)
    clientUpdated = Signal(str)  # new samples or lost/back for the client with this key

    def __init__(self, parent: QObject | None = None, poll_s: float = config.COACH_POLL_S,
                 forget_after_s: float = config.COACH_FORGET_AFTER_S,
                 max_clients: int = config.COACH_MAX_CLIENTS, only: str = "") -> None:
        super().__init__(parent)
        self.clients: dict[str, ClientState] = {}
        self.max_clients = max_clients
        self._inlets: dict[str, _ClientInlets] = {}
        pred = f"starts-with(source_id,'{SOURCE_ID_PREFIX}')"
        if only:  # e.g. one group's clients only: a text their source ids contain
            pred += f" and contains(source_id,'{only}')"
        self._resolver = pylsl.ContinuousResolver(pred=pred, forget_after=forget_after_s)
        self._polls = 0
        self.metrics_delays_s: list[float] = []  # receipt - client push time, per Metrics sample
        self._timer = QTimer(self)
        self._timer.setInterval(int(poll_s * 1000))
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        for group in self._inlets.values():
            for inlet in group.inlets.values():
                inlet.close_stream()
        self._inlets.clear()

    def ordered(self) -> list[ClientState]:
        """Clients by name (the tile order)."""
        return sorted(self.clients.values(), key=lambda c: (c.name.lower(), c.key))

    # -- polling ---------------------------------------------------------------------
    def poll(self) -> None:
        if self._polls % RESOLVE_EVERY_POLLS == 0:
            self._discover(self._resolver.results())
        self._polls += 1
        now = pylsl.local_clock()
        for key, group in list(self._inlets.items()):
            changed = False
            for kind, inlet in list(group.inlets.items()):
                try:
                    data, stamps = inlet.pull_chunk(timeout=0.0)
                except LostError:
                    del group.inlets[kind]
                    continue
                if data:
                    correction = group.correction_s(kind)
                    if correction:
                        stamps = [t + correction for t in stamps]
                    self._take(self.clients[key], kind, data, stamps, now)
                    changed = True
            if changed:
                self.clients[key].version += 1
                self.clientUpdated.emit(key)

    def _discover(self, infos: list[pylsl.StreamInfo]) -> None:
        seen: dict[str, dict[str, pylsl.StreamInfo]] = {}
        for info in infos:
            key = client_key(info.source_id())
            kind = info.source_id().rsplit(":", 1)[-1]
            if key is None or kind not in COACH_KINDS:
                continue
            known = seen.setdefault(key, {}).get(kind)
            if known is None or info.created_at() > known.created_at():  # a restart: take the newest
                seen[key][kind] = info
        added = False
        for key, streams in seen.items():
            client = self.clients.get(key)
            if client is None:
                if len(self.clients) >= self.max_clients:
                    continue
                client = self._new_client(key, streams)
                added = True
            group = self._inlets.setdefault(key, _ClientInlets())
            for kind, info in streams.items():
                if group.uids.get(kind) != info.uid() or kind not in group.inlets:
                    group.inlets[kind] = pylsl.StreamInlet(
                        info, max_buflen=int(config.COACH_WINDOW_S), recover=False)
                    group.uids[kind] = info.uid()
                    group.remote[kind] = info.hostname() != socket.gethostname()
            if client.lost:
                client.lost = False
                client.version += 1
                self.clientUpdated.emit(key)
        for key, client in self.clients.items():
            if key not in seen and not client.lost:
                client.lost = True
                client.version += 1
                gone = self._inlets.pop(key, None)
                if gone is not None:
                    for inlet in gone.inlets.values():
                        inlet.close_stream()
                self.clientUpdated.emit(key)
        if added:
            self.clientsChanged.emit()

    def _new_client(self, key: str, streams: dict[str, pylsl.StreamInfo]) -> ClientState:
        _, host, slug = key.split(":", 2)
        name = slug
        any_info = next(iter(streams.values()))
        try:  # the display name lives in desc/, which a resolve does not carry
            full = pylsl.StreamInlet(any_info).info(timeout=0.5)
            name = full.desc().child("biofeedback").child_value("display_name") or slug
        except LslTimeoutError:
            pass
        client = ClientState(key=key, name=name, host=host)
        self.clients[key] = client
        return client

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
            row = data[-1]
            client.metrics = {label: _value(row[i]) for label, i in _METRIC_INDEX.items()}
            client.metrics_t_s = stamps[-1]
            self.metrics_delays_s.extend(now - t for t in stamps)
