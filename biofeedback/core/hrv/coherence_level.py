"""The displayed coherence level: smoothed, with hysteresis and a minimum dwell, so it guides.

The exact coherence ratio (McCraty & Childre 2010, last 64 s, every 5 s;
``core.hrv.time_domain``) of a person breathing steadily with the pacer still swings by a
factor of 2-3 within a minute (a 64 s window slides over a few breaths, and
slow heart-rate drift moves power in and out of the peak). A level that
follows it flips between low, medium and high, which discourages more than
it guides. Three documented steps make it calm:

1. **Smoothing**: an exponential moving average of log(ratio) over
   ``COHERENCE_EMA_UPDATES`` updates (alpha = 2 / (N + 1); the ratio is
   skewed, its log is not), i.e. a time constant of about N/2 updates.
2. **Hysteresis**: the level rises above a threshold only when the smoothed
   ratio exceeds it by ``COHERENCE_HYSTERESIS_SHARE`` and falls only when it
   drops that share below it.
3. **Dwell**: after a change the level holds at least ``COHERENCE_MIN_DWELL_S``
   (of the ratio's own clock).

Thresholds ``COHERENCE_LEVELS`` are on the raw ratio (not HeartMath's
unpublished 0-16 scale); how they were picked is in the README section
"what you see and hear".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from biofeedback import config

LEVEL_NAMES = ("low", "medium", "high")


def raw_level(ratio: float, thresholds: tuple[float, float] = config.COHERENCE_LEVELS) -> int:
    """0 low, 1 medium, 2 high without smoothing or hysteresis."""
    lo, hi = thresholds
    return 0 if ratio < lo else (1 if ratio < hi else 2)


@dataclass(frozen=True)
class CoherenceDisplay:
    """What the indicator shows after one update."""

    t_s: float
    ratio: float  # the exact 64 s value (for the numbers a click away and exports)
    smoothed: float  # the EMA the level is read from
    level: int  # 0 low, 1 medium, 2 high
    changed: bool  # the level changed at this update

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]


class CoherenceLevel:
    """Feed each new coherence ratio with its time; read the calm level."""

    def __init__(
        self,
        thresholds: tuple[float, float] = config.COHERENCE_LEVELS,
        ema_updates: float = config.COHERENCE_EMA_UPDATES,
        hysteresis_share: float = config.COHERENCE_HYSTERESIS_SHARE,
        min_dwell_s: float = config.COHERENCE_MIN_DWELL_S,
    ) -> None:
        lo, hi = thresholds
        if not 0 < lo < hi:
            raise ValueError(f"coherence thresholds must be 0 < low < high, got {thresholds}")
        if ema_updates < 1 or not 0 <= hysteresis_share < 1 or min_dwell_s < 0:
            raise ValueError("need ema_updates >= 1, 0 <= hysteresis_share < 1 and min_dwell_s >= 0")
        if hi * (1 - hysteresis_share) <= lo * (1 + hysteresis_share):
            raise ValueError("the hysteresis bands of the two thresholds overlap")
        self.thresholds = (float(lo), float(hi))
        self.alpha = 2.0 / (float(ema_updates) + 1.0)
        self.margin = float(hysteresis_share)
        self.min_dwell_s = float(min_dwell_s)
        self.reset()

    def reset(self) -> None:
        """Forget the history (a new session, or a gap that restarted the 64 s window)."""
        self._log_ema: float | None = None
        self.level: int | None = None
        self._since_t_s = -math.inf
        self.latest: CoherenceDisplay | None = None

    def update(self, t_s: float, ratio: float | None) -> CoherenceDisplay | None:
        """A new exact ratio at ``t_s`` (None while the window fills: keeps the last display)."""
        if ratio is None or not math.isfinite(ratio) or ratio <= 0:
            return self.latest
        x = math.log(ratio)
        self._log_ema = x if self._log_ema is None else self._log_ema + self.alpha * (x - self._log_ema)
        smoothed = math.exp(self._log_ema)
        changed = False
        if self.level is None:
            self.level = raw_level(smoothed, self.thresholds)
            self._since_t_s = float(t_s)
        elif t_s - self._since_t_s >= self.min_dwell_s:
            new = self._with_hysteresis(smoothed, self.level)
            if new != self.level:
                self.level, self._since_t_s, changed = new, float(t_s), True
        self.latest = CoherenceDisplay(float(t_s), float(ratio), smoothed, self.level, changed)
        return self.latest

    def _with_hysteresis(self, value: float, level: int) -> int:
        """Move one or more levels only past a threshold plus (up) or minus (down) the margin."""
        lo, hi = self.thresholds
        up, down = 1.0 + self.margin, 1.0 - self.margin
        while level < 2 and value >= (lo, hi)[level] * up:
            level += 1
        while level > 0 and value < (lo, hi)[level - 1] * down:
            level -= 1
        return level
