"""Beats shown at once: provisional beats from raw detections, replaced in place when corrected.

The artifact corrector (Lipponen & Tarvainen 2019, live) needs two beats of
look-ahead, so a corrected beat arrives ~2 s after its systolic peak; a raw
detection arrives ~0.2 s after it. For feedback the heart-rate curve should
move with the breath now, so each raw detection becomes a *provisional* beat
at once (interval = time since the previous detection). When corrected beats
arrive, they replace every provisional beat up to their time: the curve then
shows the corrected values, and a beat whose corrected value differs from
what was shown (an interpolated ectopic, a merged extra detection, a split
missed beat) is marked *changed* so the view can show that the correction
happened. Stored data and windowed metrics keep using corrected beats only
(``core.pipeline``); this is a display model.

Pure and bounded: at most ``capacity`` beats are kept.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

PROVISIONAL, CONFIRMED, CHANGED = 0, 1, 2
MATCH_TOLERANCE_S = 0.06  # a corrected beat this close to a provisional one is the same beat
CHANGE_TOLERANCE_MS = 20.0  # a corrected interval this far from the provisional one was changed


@dataclass(frozen=True)
class ShownBeat:
    t_s: float
    rr_ms: float
    state: int  # PROVISIONAL, CONFIRMED or CHANGED


class ProvisionalBeats:
    """Feed each pipeline output (``detections_t_s`` and corrected ``beats``); read ``curve()``."""

    def __init__(self, capacity: int = 2048) -> None:
        self.capacity = int(capacity)
        self.reset()

    def reset(self) -> None:
        """Forget everything (a gap or a new connection: intervals must not span it)."""
        self._confirmed: deque[ShownBeat] = deque(maxlen=self.capacity)
        self._provisional: list[ShownBeat] = []
        self._last_detection_t: float | None = None
        self.n_changed = 0
        self.version = 0

    def add_output(self, out) -> None:
        """One ``PipelineOutput``: its detections, then its corrected beats; a gap resets first."""
        if getattr(out, "gaps", None):
            self.reset()
        self.add_detections(out.detections_t_s)
        self.add_corrected(out.beats)

    def add_detections(self, times_s) -> None:
        for t in times_s:
            t = float(t)
            if self._last_detection_t is not None and t > self._last_detection_t:
                self._provisional.append(ShownBeat(t, 1000.0 * (t - self._last_detection_t), PROVISIONAL))
                self.version += 1
            self._last_detection_t = t if self._last_detection_t is None else max(t, self._last_detection_t)

    def add_corrected(self, beats) -> None:
        """Corrected beats (``core.types.Beat``) in time order: they replace provisional ones up to them."""
        for b in beats:
            t = float(b.t_s)
            covered = [p for p in self._provisional if p.t_s <= t + MATCH_TOLERANCE_S]
            self._provisional = self._provisional[len(covered):]
            same = [p for p in covered if abs(p.t_s - t) <= MATCH_TOLERANCE_S]
            shown_before = same[-1] if same else None
            changed = bool(b.corrected) or shown_before is None or len(covered) != 1 or (
                abs(shown_before.rr_ms - b.rr_ms) > CHANGE_TOLERANCE_MS)
            # a corrected beat for which nothing was shown (device beats only) is simply confirmed
            if not covered and self._last_detection_t is None:
                changed = bool(b.corrected)
            self.n_changed += changed
            self._confirmed.append(ShownBeat(t, float(b.rr_ms), CHANGED if changed else CONFIRMED))
            self.version += 1

    def beats(self) -> list[ShownBeat]:
        """Confirmed beats then the provisional ones after them, oldest first."""
        return [*self._confirmed, *self._provisional][-self.capacity:]

    def curve(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(t_s, heart rate bpm = 60000 / rr_ms, state) of every shown beat, for the HR curve."""
        shown = self.beats()
        if not shown:
            return np.zeros(0), np.zeros(0), np.zeros(0, int)
        t = np.array([b.t_s for b in shown])
        hr = 60000.0 / np.array([b.rr_ms for b in shown])
        return t, hr, np.array([b.state for b in shown], int)

    def latest_hr_bpm(self, n_beats: int = 3) -> float | None:
        """Heart rate from the last ``n_beats`` shown intervals (provisional ones included)."""
        shown = self.beats()[-n_beats:]
        if not shown:
            return None
        return float(60000.0 / np.mean([b.rr_ms for b in shown]))
