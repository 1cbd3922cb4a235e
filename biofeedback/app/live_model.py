"""What the live views draw, kept in fixed-size NumPy ring buffers (no Qt here).

The worker's PipelineOutput objects are appended as they arrive; the plots
read windows of the latest data on their redraw timer (mne-lsl's habit:
consumers pull windows, nobody is called per sample).

Two clocks meet here: beats and samples carry the device clock, the pacer
runs on the host's monotonic clock. ``clock`` (core.clock_mapping, the one
mapping policy) estimates host minus device from the arrivals;
``clock_offset_s`` is its estimate now, which moves with the transport
latency: fine for drawing the pacer curve under the tachogram, and pinned
(``clock.pinned()``) by whatever must never see time run backwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from biofeedback import config
from biofeedback.core.beats.provisional import ProvisionalBeats
from biofeedback.core.clock_mapping import DeviceClockMapping
from biofeedback.core.hrv.coherence_level import CoherenceLevel
from biofeedback.core.types import MetricsUpdate, SignalQuality

if TYPE_CHECKING:  # SciPy behind these (~0.5 s): imported at the first data, never before the window shows
    from biofeedback.core.breathing.chest import ChestRespirationTracker
    from biofeedback.core.breathing.respiration import BreathingEstimate, RespirationTracker
    from biofeedback.core.pipeline import PipelineOutput


class RingBuffer:
    """Last ``capacity`` rows of ``width`` float64 columns, oldest first on read."""

    def __init__(self, capacity: int, width: int) -> None:
        self._data = np.full((capacity, width), np.nan)
        self._n = 0  # rows ever written

    def __len__(self) -> int:
        return min(self._n, self._data.shape[0])

    def clear(self) -> None:
        self._n = 0

    def extend(self, rows: ArrayLike) -> None:
        rows = np.asarray(rows, dtype=float).reshape(-1, self._data.shape[1])
        cap = self._data.shape[0]
        if rows.shape[0] >= cap:
            self._data[:] = rows[-cap:]
            self._n = cap  # full, oldest row at index 0
            return
        start = self._n % cap
        end = start + rows.shape[0]
        if end <= cap:
            self._data[start:end] = rows
        else:
            split = cap - start
            self._data[start:] = rows[:split]
            self._data[: end - cap] = rows[split:]
        self._n += rows.shape[0]

    def extend_columns(self, *columns: np.ndarray) -> None:
        """``extend`` with rows given as columns of equal length (no stacked copy made first)."""
        n = len(columns[0])
        cap = self._data.shape[0]
        if n >= cap or len(columns) != self._data.shape[1]:
            self.extend(np.column_stack(columns))
            return
        start = self._n % cap
        end = start + n
        for j, col in enumerate(columns):
            if end <= cap:
                self._data[start:end, j] = col
            else:
                split = cap - start
                self._data[start:, j] = col[:split]
                self._data[: end - cap, j] = col[split:]
        self._n += n

    @property
    def written(self) -> int:
        """Rows ever written (until ``clear``): it changes exactly when new rows arrived."""
        return self._n

    def view(self) -> np.ndarray:
        """A copy of the stored rows in time order."""
        cap = self._data.shape[0]
        if self._n <= cap:
            return self._data[: self._n].copy()
        start = self._n % cap
        return np.concatenate((self._data[start:], self._data[:start]))

    def tail(self, n: int) -> np.ndarray:
        """A copy of the last ``n`` rows (at most the stored ones), oldest first."""
        cap = self._data.shape[0]
        n = min(max(int(n), 0), len(self))
        end = self._n % cap if self._n > cap else self._n
        if n <= end:
            return self._data[end - n : end].copy()
        return np.concatenate((self._data[cap - (n - end) :], self._data[:end]))

    def since(self, t_from: float) -> np.ndarray:
        """A copy of the rows from the last one before ``t_from`` on (column 0 sorted, like times).

        What a view of the last seconds needs, without copying the whole ring
        (16384 rows of PPG for 4000 on screen): the two stored runs are
        searched, only the rows after the match are copied.
        """
        cap = self._data.shape[0]
        n = len(self)
        start = self._n % cap if self._n > cap else 0
        old, new = self._data[start:n] if start else self._data[:n], self._data[:start]
        if len(new) and new[0, 0] < t_from:  # the window begins in the newer run
            i = max(int(np.searchsorted(new[:, 0], t_from, side="left")) - 1, 0)
            return new[i:].copy()
        i = max(int(np.searchsorted(old[:, 0], t_from, side="left")) - 1, 0)
        return np.concatenate((old[i:], new)) if len(new) else old[i:].copy()


class RecordedPacer:
    """The pacer a stored session was paced with, as it was, on the session's device clock.

    A replay shows the guide the person followed then: its stored changes
    (``io.store.PacerChange``: device time, rate, inhale share, holds and, from
    schema 5, the phase) drive one Pacer evaluated on the device clock, so the
    guide lies where it lay under the recorded heart rate at any replay speed.
    (The live pacer runs on the host clock: drawn under a replay it was off by
    the transport delay, and squeezed into a triangle wave at 20x.)
    """

    STEP_S = 0.1  # trace points, as the live pacer's (live_session.TICK_S)

    def __init__(self, changes) -> None:
        from biofeedback.core.breathing.pacer import Pacer

        self.changes = sorted(changes, key=lambda c: c.t_device_s)
        first = self.changes[0]
        self.pacer = Pacer(first.rate_brpm, first.inhale_ratio, first.hold_in_s, first.hold_out_s,
                           t0_s=first.t_device_s, phase_cycles=first.phase_cycles or 0.0)
        self._next = 1  # the next change to apply
        self.trace = RingBuffer(config.GUI_PPG_BUFFER_SAMPLES, 2)  # device t_s, value
        self._t_s = first.t_device_s  # traced up to here

    def extend_to(self, device_t_s: float) -> None:
        """Trace the guide up to ``device_t_s`` (a session's start comes first: nothing before it)."""
        from biofeedback.core.breathing.pacer import Pacer

        times = np.arange(self._t_s, device_t_s, self.STEP_S)
        if not times.size:
            return
        rows = []
        for t in times:
            while self._next < len(self.changes) and self.changes[self._next].t_device_s <= t:
                c = self.changes[self._next]
                if c.phase_cycles is None:  # phase-continuous, as the app changes it
                    self.pacer.configure(c.t_device_s, rate_bpm=c.rate_brpm, inhale_ratio=c.inhale_ratio,
                                         hold_in_s=c.hold_in_s, hold_out_s=c.hold_out_s)
                else:
                    self.pacer = Pacer(c.rate_brpm, c.inhale_ratio, c.hold_in_s, c.hold_out_s,
                                       t0_s=c.t_device_s, phase_cycles=c.phase_cycles)
                self._next += 1
            rows.append((t, self.pacer.value(float(t))))
        self.trace.extend(rows)
        self._t_s = float(times[-1]) + self.STEP_S


class NoBreathingYet:
    """``LiveModel.breathing`` before the first data: no estimate, no curve (a RespirationTracker's reads)."""

    latest: BreathingEstimate | None = None
    curve_t_s = np.empty(0)
    curve = np.empty(0)

    def reset(self) -> None:
        pass


@dataclass(frozen=True)
class LiveReading:
    """What the live numbers, the coherence ring and the presentation header show at one moment.

    One reading feeds all three, so they never disagree. A value is None when
    its data stopped (no source, the source ended, no beat for
    ``config.LIVE_STALE_AFTER_S``) or is not known yet. ``coherence`` is the
    smoothed ratio the level is read from (core/hrv/coherence_level.py), not the
    exact 64 s value, so the number and the level come from one value.
    """

    hr_bpm: float | None = None
    rmssd_ms: float | None = None
    coherence: float | None = None
    level: int | None = None  # 0 low, 1 medium, 2 high (config.COHERENCE_LEVELS, with hysteresis)
    swing_bpm: float | None = None
    receiving: bool = False  # beats arrive now (False: what is shown waits for data)


WAITING = LiveReading()


class LiveModel:
    """Ring buffers of samples, beats, metrics and the pacer trace, plus derived numbers."""

    def __init__(self) -> None:
        self._reset()

    def clear(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.ppg = RingBuffer(config.GUI_PPG_BUFFER_SAMPLES, 2)  # t_s, value
        self.wave_kind = "ppg"  # what ``ppg`` holds: "ppg" (a pulse wave) or "ecg" (a strap's ECG, µV)
        self.beats = RingBuffer(config.GUI_BEAT_BUFFER, 3)  # t_s, rr_ms, corrected
        self.detections = RingBuffer(config.GUI_BEAT_BUFFER, 1)  # t_s of raw detections, at once
        self.metrics = RingBuffer(config.GUI_METRICS_BUFFER, 4)  # t_s, hr, rmssd, coherence
        self.pacer = RingBuffer(config.GUI_PPG_BUFFER_SAMPLES, 2)  # host t_s, value
        self.latest: MetricsUpdate | None = None
        self.quality: SignalQuality = SignalQuality.NO_SIGNAL
        self.clock = DeviceClockMapping()  # device -> host, from the arrivals
        self.version = 0  # bumps on every change so views can skip idle redraws
        # the feedback loop: beats at once, breathing from the pulse, a calm coherence level
        self.provisional = ProvisionalBeats(config.GUI_BEAT_BUFFER)  # what the HR curve draws
        # device clock; a RespirationTracker from the first output on (SciPy is imported then), a
        # ChestRespirationTracker from a chest strap's first accelerometer samples on
        self.breathing: RespirationTracker | ChestRespirationTracker | NoBreathingYet = NoBreathingYet()
        self.coherence_level = CoherenceLevel()  # .latest: smoothed level; exact ratio in .latest.ratio
        self._last_coherence: float | None = None
        self._breath_cache: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        # freshness: numbers and the ring show nothing once data stopped (LiveSession says when)
        self.receiving = False  # a source is connected and has not ended
        self.last_beat_device_s: float | None = None  # latest beat or detection, device clock
        self.gaps_t_s = RingBuffer(config.GUI_BEAT_BUFFER, 1)  # where data went missing: curves break there
        self.recorded_pacer: RecordedPacer | None = None  # a replayed session's own pacer

    @property
    def clock_offset_s(self) -> float | None:
        """Host minus device clock, as estimated now (None before data); moves with the latency."""
        return self.clock.offset_s

    @property
    def last_device_t_s(self) -> float | None:
        """Device time of the latest data that arrived (None before data)."""
        return self.clock.last_device_t_s

    # -- input -----------------------------------------------------------------
    def set_recorded_pacer(self, changes) -> None:
        """A stored session replays: draw its own pacer changes under it (None or empty: the live pacer)."""
        self.recorded_pacer = RecordedPacer(changes) if changes else None
        self.version += 1

    def set_receiving(self, on: bool) -> None:
        """A source connected (True) or stopped, ended or failed (False): numbers wait from then on."""
        if on != self.receiving:
            self.receiving = on
            self.version += 1

    def add(self, out: PipelineOutput, host_t_s: float) -> None:
        """Append one pipeline output received at host monotonic time ``host_t_s``."""
        self.clock.observe_output(out, host_t_s)
        for block in out.ppg:
            if len(block):
                self.ppg.extend_columns(block.t_s, block.value)
                self.wave_kind = "ppg"
        for wave in out.signals:  # a strap's ECG is its wave on screen, as a finger sensor's pulse
            if wave.kind == "ecg":
                self.ppg.extend_columns(wave.t_s, wave.value)
                self.wave_kind = "ecg"
        if out.detections_t_s:
            self.detections.extend([(t,) for t in out.detections_t_s])
        if out.beats:
            self.beats.extend([(b.t_s, b.rr_ms, float(b.corrected)) for b in out.beats])
        newest = max((*out.detections_t_s, *(b.t_s for b in out.beats)), default=None)
        if newest is not None and (self.last_beat_device_s is None or newest > self.last_beat_device_s):
            self.last_beat_device_s = float(newest)
        missing = [g.t_s for g in out.gaps] + list(out.interval_gaps_t_s)
        if missing:
            self.gaps_t_s.extend([(t,) for t in missing])
        if out.metrics is not None:
            m = out.metrics
            self.latest = m
            self.metrics.extend([(m.t_s, _nan(m.hr_bpm), _nan(m.rmssd_ms), _nan(m.coherence_ratio))])
        if out.quality is not None:
            self.quality = out.quality
        self._add_feedback(out)
        self.version += 1

    def _add_feedback(self, out: PipelineOutput) -> None:
        """Provisional beats, the breathing estimate and the displayed coherence level."""
        self.provisional.add_output(out)
        ChestRespirationTracker, RespirationTracker = _tracker_types()  # noqa: N806 (classes)
        chest = [b for b in out.signals if b.kind == "acc"]
        if chest and not isinstance(self.breathing, ChestRespirationTracker):
            self.breathing = ChestRespirationTracker()  # the chest's movement, not the pulse's modulations
        elif isinstance(self.breathing, NoBreathingYet):
            self.breathing = RespirationTracker()
        if out.gaps:
            self.breathing.reset()
            self.coherence_level.reset()
            self._last_coherence = None
        if isinstance(self.breathing, ChestRespirationTracker):
            for acc in chest:
                self.breathing.add_acc(acc.t_s, acc.value)
        elif isinstance(self.breathing, RespirationTracker):
            for block in out.ppg:
                self.breathing.add_ppg(block.t_s, block.value)
            self.breathing.add_beats(out.beats)
        if self.last_device_t_s is not None:
            self.breathing.update(self.last_device_t_s)
        m = out.metrics
        if m is not None and m.coherence_ratio is not None and m.coherence_ratio != self._last_coherence:
            self._last_coherence = m.coherence_ratio  # a new 64 s value (LiveHrv computes every 5 s)
            self.coherence_level.update(m.t_s, m.coherence_ratio)

    def add_pacer(self, host_t_s: float, value: float) -> None:
        self.pacer.extend([(host_t_s, value)])

    def add_pacer_points(self, host_t_s: np.ndarray, values: np.ndarray) -> None:
        self.pacer.extend(np.column_stack((host_t_s, values)))

    # -- derived ---------------------------------------------------------------
    def device_now_s(self, host_t_s: float) -> float | None:
        """Device-clock time corresponding to host time ``host_t_s`` (None before data)."""
        return self.clock.to_device(host_t_s)

    def pacer_on_device_clock(self, since_device_s: float | None = None) -> np.ndarray:
        """The pacer trace with its times moved onto the device clock (empty before data).

        With ``since_device_s``: from the last point before that device time on
        (a view's window), not the whole trace.
        """
        recorded = self.recorded_pacer
        if recorded is not None:  # a replay: the guide as it was, already on the device clock
            if self.last_device_t_s is not None:
                recorded.extend_to(self.last_device_t_s)
            return recorded.trace.view() if since_device_s is None else recorded.trace.since(since_device_s)
        offset = self.clock_offset_s
        if offset is None or not len(self.pacer):
            return np.empty((0, 2))
        trace = self.pacer.view() if since_device_s is None else self.pacer.since(since_device_s + offset)
        trace[:, 0] -= offset
        return trace

    @property
    def beats_version(self) -> int:
        """Changes when the beats a view shows changed (detections, corrected beats), not with samples."""
        return self.provisional.version + self.beats.written + self.detections.written

    def recent_hr_bpm(self, n_beats: int = 3) -> float | None:
        """Heart rate from the mean of the last ``n_beats`` intervals (moves with each breath).

        Provisional beats count (shown at detection, ~0.2 s after the peak, not
        after the corrector's ~2 s look-ahead); corrected ones replace them.
        """
        shown = [b.rr_ms for b in self.provisional.beats()[-n_beats:]]
        rr = np.asarray(shown if shown else self.beats.view()[-n_beats:, 1], float)
        rr = rr[rr <= config.RR_MAX_MS]  # the interval across a pause (a finger lifted) is no heart rate
        return float(60000.0 / np.mean(rr)) if rr.size else None

    def hr_swing_bpm(self, start_device_s: float, end_device_s: float) -> float | None:
        """HR swing of the beats in one breath [start, end) on the device clock.

        One definition for the live tile and the resonance scoring:
        ``core.resonance.scoring.breath_swing_bpm`` (peak-to-trough beat HR, Lehrer et al. 2000).
        """
        beats = self.beats.view()
        if not len(beats):
            return None
        from biofeedback.core.resonance.scoring import (
            breath_swing_bpm,  # loaded with the pipeline by then
        )

        return breath_swing_bpm(beats[:, 0], beats[:, 1], start_device_s, end_device_s,
                                corrected=beats[:, 2].astype(bool))

    def beats_fresh(self, host_t_s: float) -> bool:
        """A source is connected and its last beat is at most LIVE_STALE_AFTER_S old (device clock)."""
        return self.beats_fresh_at(self.device_now_s(host_t_s))

    def beats_fresh_at(self, device_now_s: float | None) -> bool:
        """``beats_fresh`` at a device-clock time (what the plots scroll by)."""
        last = self.last_beat_device_s
        return (self.receiving and device_now_s is not None and last is not None
                and device_now_s - last <= config.LIVE_STALE_AFTER_S)

    def reading(self, host_t_s: float, swing_bpm: float | None = None) -> LiveReading:
        """The numbers, the coherence value and its level now; ``WAITING`` (all None) once data stopped."""
        if not self.beats_fresh(host_t_s):
            return WAITING
        m = self.latest
        shown = self.coherence_level.latest
        has_coherence = m is not None and m.coherence_ratio is not None and shown is not None
        return LiveReading(
            hr_bpm=self.recent_hr_bpm(),
            rmssd_ms=m.rmssd_ms if m is not None else None,
            coherence=shown.smoothed if has_coherence and shown is not None else None,
            level=shown.level if has_coherence and shown is not None else None,
            swing_bpm=swing_bpm,
            receiving=True,
        )

    def artifact_share(self) -> float | None:
        return None if self.latest is None else self.latest.artifact_share

    def breath_curve(self) -> np.ndarray:
        """The user's breath read from the pulse (last 60 s, device clock) scaled 0..1 like the pacer guide.

        Rows (t_s, value): 0 exhaled, 1 inhaled, to draw under the guide; empty
        while there is no estimate of at least RESP_MIN_QUALITY.
        """
        est, t, v = self.breathing.latest, self.breathing.curve_t_s, self.breathing.curve
        if est is None or est.quality < config.RESP_MIN_QUALITY or not v.size:
            return _NO_CURVE  # the same object each time: a view sees nothing changed
        if self._breath_cache is not None and self._breath_cache[0] is v and self._breath_cache[1] is t:
            return self._breath_cache[2]  # the tracker replaces its arrays when it re-estimates (every 1-2 s)
        lo, hi = np.percentile(v, [2, 98])
        curve = np.column_stack((t, np.clip((v - lo) / max(hi - lo, 1e-9), 0.0, 1.0)))
        curve.flags.writeable = False  # shared by every caller until the next estimate
        self._breath_cache = (v, t, curve)
        return curve

    def breathing_text(self, guide_bpm: float | None) -> str:
        """"you: 5.8 /min · guide: 5.5 /min"; "you: --" while unknown or unsure (low quality)."""
        est = self.breathing.latest
        you = "--"
        if est is not None and est.rate_bpm is not None and est.quality >= config.RESP_MIN_QUALITY:
            you = f"{est.rate_bpm:.1f} /min"
        guide = "" if guide_bpm is None else f" · guide: {guide_bpm:.1f} /min"
        return f"you: {you}{guide}"


def hr_line(t_s: np.ndarray, rr_ms: np.ndarray, gaps_t_s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(t_s, hr_bpm) of the heart-rate curve with a NaN (a break in the line) wherever data went missing.

    A break goes before a beat that follows a gap (``gaps_t_s``: the pipeline's
    gaps and intervals it refused), before a beat more than RR_MAX_MS after the
    one before it (beats were lost: a lifted finger, an unplugged sensor), and
    in place of an interval longer than RR_MAX_MS (the pause itself is no heart
    rate). The line never joins the two sides of missing data.
    """
    t = np.asarray(t_s, float)
    rr = np.asarray(rr_ms, float)
    hr = 60000.0 / rr
    hr[rr > config.RR_MAX_MS] = np.nan
    if t.size < 2:
        return t, hr
    breaks = np.diff(t) > config.RR_MAX_MS / 1000.0
    gaps = np.asarray(gaps_t_s, float)
    if gaps.size:  # a gap between two beats (or at the later one's time)
        k = np.searchsorted(t, gaps, side="left")  # the first beat at or after each gap
        k = k[(k > 0) & (k < t.size)]
        breaks[k - 1] = True
    at = np.flatnonzero(breaks) + 1
    if not at.size:
        return t, hr
    return np.insert(t, at, np.nan), np.insert(hr, at, np.nan)


_TRACKER_TYPES: tuple[type[ChestRespirationTracker], type[RespirationTracker]] | None = None


def _tracker_types() -> tuple[type[ChestRespirationTracker], type[RespirationTracker]]:
    """The breathing trackers' classes, imported at the first data (SciPy) and kept: an import
    statement run on every output went through PySide6's import hook each time."""
    global _TRACKER_TYPES
    if _TRACKER_TYPES is None:
        from biofeedback.core.breathing.chest import ChestRespirationTracker
        from biofeedback.core.breathing.respiration import RespirationTracker

        _TRACKER_TYPES = (ChestRespirationTracker, RespirationTracker)
    return _TRACKER_TYPES


_NO_CURVE = np.empty((0, 2))
_NO_CURVE.flags.writeable = False


def _nan(value: float | None) -> float:
    return np.nan if value is None else float(value)
