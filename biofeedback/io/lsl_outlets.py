"""Lab Streaming Layer outlets: a client's PPG, beats, live beats, metrics, pacer and markers.

Six streams per client, following the LSL conventions (XDF meta-data names,
``desc/channels/channel/{label,unit,type}``, ``desc/manufacturer``; ours under ``desc/biofeedback``:
client, display_name, device and the release that made the stream, ``version``):

=========  ========  ==================  =========================================
name       type      nominal rate        channels
=========  ========  ==================  =========================================
…_PPG      PPG       the device's rate   ppg (au)
…_RR       RR        irregular           rr_ms (ms), corrected (bool), quality (bool)
…_LiveBeats LiveBeats irregular          rr_ms (ms), hr_bpm (bpm): provisional beats
…_Metrics  Metrics   irregular           hr_bpm, rmssd_ms, coherence_ratio,
                                         hr_swing_bpm, pacer_bpm, signal_ok,
                                         artifact_share, n_beats
…_Pacer    Pacer     PACER rate (Hz)     guide (0..1 lung volume), rate_bpm
…_Markers  Markers   irregular           one string per event
=========  ========  ==================  =========================================

Names are ``biofeedback_<client>_<Kind>`` (stable across restarts, so
LabRecorder's required streams keep matching) and the ``source_id`` is
``biofeedback:<host>:<client>:<Kind>``: stable per device and host, so a
recorder or a coach re-attaches after a restart. Device times become
``local_clock()`` times through ``ClockMap``; beats are stamped at the beat.

``RR`` carries the corrected beats, exactly as stored (after the artifact
corrector's 2-beat look-ahead, ~2 s after the beat). ``LiveBeats`` carries each
raw detection at once (~0.2 s after the systolic peak), stamped at the peak as
detected: its interval from the previous detection and the 3-beat HR the app
shows (``core.beats.provisional``: provisional beats, replaced by corrected
ones as they come). It is for live displays (the coach's tiles); analyses use ``RR``.
"""

from __future__ import annotations

import math
import os
import re
import socket
import tempfile
from collections import deque
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pylsl

from biofeedback import __version__, config
from biofeedback.core.beats.provisional import ProvisionalBeats
from biofeedback.core.types import Beat, MetricsUpdate, PpgBlock, SignalQuality
from biofeedback.io.stream_checks import outlet_buffer


def _quiet_liblsl() -> None:
    """liblsl logs INFO lines on start and ERR lines whenever a peer goes away (which a coach
    view expects); keep only fatal ones, through liblsl's own config file (LSLAPICFG).
    A user's own LSLAPICFG is left alone. Must run before the first liblsl call."""
    if "LSLAPICFG" in os.environ:
        return
    path = Path(tempfile.gettempdir()) / f"biofeedback-lsl_api-{os.getuid() if hasattr(os, 'getuid') else 0}.cfg"
    try:
        if not path.exists():
            path.write_text("[log]\nlevel = -3\n", encoding="utf-8")
        os.environ["LSLAPICFG"] = str(path)
    except OSError:
        pass  # a read-only temp folder: liblsl just stays chatty


_quiet_liblsl()

MANUFACTURER = "biofeedback"
SOURCE_ID_PREFIX = "biofeedback:"
NAME_PREFIX = "biofeedback_"
KINDS = ("PPG", "RR", "LiveBeats", "Metrics", "Pacer", "Markers")

# (label, unit, type) per channel; the coach and the inlet source read them by label
RR_CHANNELS = (("rr_ms", "ms", "RR"), ("corrected", "bool", "Flag"), ("quality", "bool", "Flag"))
LIVE_CHANNELS = (("rr_ms", "ms", "RR"), ("hr_bpm", "bpm", "HR"))
METRICS_CHANNELS = (
    ("hr_bpm", "bpm", "HR"),
    ("rmssd_ms", "ms", "HRV"),
    ("coherence_ratio", "ratio", "Coherence"),
    ("hr_swing_bpm", "bpm", "HR"),
    ("pacer_bpm", "breaths/min", "Pacer"),
    ("signal_ok", "bool", "Flag"),
    ("artifact_share", "ratio", "Quality"),
    ("n_beats", "count", "Count"),
)
PACER_CHANNELS = (("guide", "normalized", "Pacer"), ("rate_bpm", "breaths/min", "Pacer"))
PPG_CHANNELS = (("ppg", "au", "PPG"),)


def client_slug(name: str) -> str:
    """A display name as a stream-name part: letters, digits, '-' (e.g. 'Anna B.' -> 'Anna-B')."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")
    return slug[:40] or "client"


def stream_name(client: str, kind: str) -> str:
    return f"{NAME_PREFIX}{client_slug(client)}_{kind}"


def source_id(client: str, kind: str, host: str | None = None) -> str:
    return f"{SOURCE_ID_PREFIX}{host or socket.gethostname()}:{client_slug(client)}:{kind}"


def client_key(sid: str) -> str | None:
    """The per-client part of one of our source ids ('biofeedback:host:client'), None if not ours."""
    if not sid.startswith(SOURCE_ID_PREFIX) or sid.count(":") < 3:
        return None
    return sid.rsplit(":", 1)[0]


def make_info(client: str, display_name: str, kind: str, stream_type: str, channels: Sequence[tuple],
              rate_hz: float, fmt: str, device: str = "") -> pylsl.StreamInfo:
    """A StreamInfo with our naming and the desc/ fields LabRecorder and mne-lsl read."""
    info = pylsl.StreamInfo(stream_name(client, kind), stream_type, len(channels), rate_hz, fmt,
                            source_id(client, kind))
    desc = info.desc()
    desc.append_child_value("manufacturer", MANUFACTURER)
    chans = desc.append_child("channels")
    for label, unit, ctype in channels:
        ch = chans.append_child("channel")
        ch.append_child_value("label", label)
        ch.append_child_value("unit", unit)
        ch.append_child_value("type", ctype)
    bf = desc.append_child("biofeedback")
    bf.append_child_value("client", client_slug(client))
    bf.append_child_value("display_name", display_name or client)
    bf.append_child_value("device", device)
    bf.append_child_value("version", __version__)  # which release made a recording
    return info


def channel_labels(info: pylsl.StreamInfo) -> list[tuple[str, str, str]]:
    """(label, unit, type) of each channel as read back from a full stream info."""
    out = []
    ch = info.desc().child("channels").child("channel")
    while not ch.empty():
        out.append((ch.child_value("label"), ch.child_value("unit"), ch.child_value("type")))
        ch = ch.next_sibling("channel")
    return out


class ClockMap:
    """Device time -> ``local_clock()`` time.

    The offset is the smallest (arrival − device time) seen over the last
    CLOCK_MAP_WINDOW_S: arrival is always late by the transport delay, so the
    minimum is the best estimate of the true offset; a sliding window follows
    a drifting device clock. ``reset()`` after a gap (the device may restart).
    """

    def __init__(self, window_s: float = config.LSL_CLOCK_MAP_WINDOW_S) -> None:
        self.window_s = window_s
        self._offsets: deque[tuple[float, float]] = deque()
        self.offset_s: float | None = None

    def reset(self) -> None:
        self._offsets.clear()
        self.offset_s = None

    def note(self, device_t_s: float, local_t_s: float | None = None) -> float:
        """Record that ``device_t_s`` has just arrived; returns the current offset."""
        now = pylsl.local_clock() if local_t_s is None else local_t_s
        offset = now - device_t_s
        while self._offsets and self._offsets[-1][1] >= offset:
            self._offsets.pop()
        self._offsets.append((now, offset))
        while len(self._offsets) > 1 and self._offsets[0][0] < now - self.window_s:
            self._offsets.popleft()
        self.offset_s = self._offsets[0][1]
        return self.offset_s

    def to_local(self, device_t_s: float) -> float:
        offset = self.note(device_t_s) if self.offset_s is None else self.offset_s
        return device_t_s + offset


def _nan(x: float | None) -> float:
    return math.nan if x is None else float(x)


class LslOutlets:
    """The six outlets of one client; feed it what the pipeline produced.

    ``client`` is the stable identity (display name or device); the PPG outlet
    is opened on the first PPG block, when the device rate is known.
    """

    def __init__(self, client: str, display_name: str = "", device: str = "",
                 pacer_rate_hz: float = config.LSL_PACER_RATE_HZ) -> None:
        self.client, self.display_name, self.device = client, display_name or client, device
        self.clock = ClockMap()
        self._ppg: pylsl.StreamOutlet | None = None
        self._ppg_fs_hz: float | None = None
        self.rr = self._outlet("RR", "RR", RR_CHANNELS, pylsl.IRREGULAR_RATE, "float32")
        self.live = self._outlet("LiveBeats", "LiveBeats", LIVE_CHANNELS, pylsl.IRREGULAR_RATE, "float32")
        self._shown = ProvisionalBeats(config.LSL_RECENT_BEATS)
        self.metrics = self._outlet("Metrics", "Metrics", METRICS_CHANNELS, pylsl.IRREGULAR_RATE, "float32")
        self.pacer = self._outlet("Pacer", "Pacer", PACER_CHANNELS, pacer_rate_hz, "float32")
        self.markers = self._outlet("Markers", "Markers", (("marker", "", "Markers"),),
                                    pylsl.IRREGULAR_RATE, "string")
        self._recent: deque[tuple[float, float]] = deque(maxlen=config.LSL_RECENT_BEATS)
        self.pacer_bpm: float | None = None

    def _outlet(self, kind: str, stream_type: str, channels, rate_hz: float, fmt: str) -> pylsl.StreamOutlet:
        info = make_info(self.client, self.display_name, kind, stream_type, channels, rate_hz, fmt,
                         self.device)
        # liblsl allocates max_buffered by the rate: sized by time and capped in bytes
        return pylsl.StreamOutlet(info, chunk_size=0, max_buffered=outlet_buffer(len(channels), fmt, rate_hz))

    # -- inputs ------------------------------------------------------------------------
    def note_device_time(self, device_t_s: float) -> None:
        """The newest device time that has just arrived (keeps the clock map current)."""
        self.clock.note(device_t_s)

    def reset_clock(self) -> None:
        self.clock.reset()

    def push_ppg(self, blocks: Sequence[PpgBlock]) -> None:
        for block in blocks:
            if not len(block):
                continue
            self.note_device_time(float(block.t_s[-1]))
            if not 0 < block.fs_hz <= config.STREAM_MAX_RATE_HZ:
                continue  # no PPG stream at a rate no sensor has: every recorder would size its buffer by it
            if self._ppg is None or block.fs_hz != self._ppg_fs_hz:
                self._ppg_fs_hz = block.fs_hz
                self._ppg = self._outlet("PPG", "PPG", PPG_CHANNELS, block.fs_hz, "float32")
            stamps = (block.t_s + self.clock.offset_s).tolist()
            self._ppg.push_chunk(block.value.astype(np.float32).reshape(-1, 1), stamps)

    def push_beats(self, beats: Sequence[Beat], quality: SignalQuality) -> None:
        good = float(quality == SignalQuality.GOOD)
        for beat in beats:
            self.rr.push_sample([beat.rr_ms, float(beat.corrected), good], self.clock.to_local(beat.t_s))
            self._recent.append((beat.t_s, beat.rr_ms))

    def push_live(self, detections_t_s: Sequence[float], beats: Sequence[Beat], gap: bool = False) -> None:
        """Each raw detection at once on LiveBeats (stamped at the peak); ``beats`` (corrected)
        replace provisional ones for the 3-beat HR. ``gap``: intervals must not span it."""
        if gap:
            self._shown.reset()
        for t in detections_t_s:
            before = self._shown.version
            self._shown.add_detections([t])
            if self._shown.version != before:  # a new provisional beat (the first has no interval)
                beat = self._shown.beats()[-1]
                self.live.push_sample([beat.rr_ms, _nan(self._shown.latest_hr_bpm(3))],
                                      self.clock.to_local(beat.t_s))
        self._shown.add_corrected(beats)

    def push_metrics(self, m: MetricsUpdate | None, quality: SignalQuality, n_beats: int) -> None:
        """Live metrics now; HR is the mean of the last 3 intervals (as the app's HR tile)."""
        rr = [r for _, r in list(self._recent)[-3:]]
        hr = 60000.0 / float(np.mean(rr)) if rr else None
        self.metrics.push_sample([
            _nan(hr), _nan(m.rmssd_ms if m else None), _nan(m.coherence_ratio if m else None),
            _nan(self.hr_swing_bpm()), _nan(self.pacer_bpm), float(quality == SignalQuality.GOOD),
            _nan(m.artifact_share if m else None), float(n_beats)])

    def hr_swing_bpm(self) -> float | None:
        """Max − min beat HR over the last breath (one pacer cycle); None without a pacer."""
        if not self.pacer_bpm or len(self._recent) < 2:
            return None
        t_last = self._recent[-1][0]
        hr = [60000.0 / r for t, r in self._recent if t > t_last - 60.0 / self.pacer_bpm]
        return max(hr) - min(hr) if len(hr) >= 2 else None

    def push_pacer(self, guide: float, rate_bpm: float, device_t_s: float | None = None) -> None:
        if rate_bpm != self.pacer_bpm:
            if self.pacer_bpm is not None:
                self.marker(f"pacer {rate_bpm:.1f} breaths/min")
            self.pacer_bpm = rate_bpm
        stamp = self.clock.to_local(device_t_s) if device_t_s is not None else pylsl.local_clock()
        self.pacer.push_sample([guide, rate_bpm], stamp)

    def marker(self, text: str) -> None:
        """Session start/stop, pacer changes, check-ins, notes: one string, stamped now."""
        self.markers.push_sample([text])

    def close(self) -> None:
        """Drop the outlets (consumers see the streams disappear)."""
        self._ppg = None
        self.rr = self.live = self.metrics = self.pacer = self.markers = None
