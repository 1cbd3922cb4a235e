"""Typed records a live session emits and a recorder stores: pacer changes and markers.

Both carry the host time they happened (the live session's monotonic clock)
and the same moment on the device clock, through the live session's one
device-to-host mapping; ``device_t_s`` is None before the first data arrived.
"""

from __future__ import annotations

from dataclasses import dataclass

TRAINING = "training"  # the user's own pacer (rate from the spin box / arrow keys)
ADAPTIVE = "adaptive"  # the training pacer while it glides from the breathing seen to the training rate
WIZARD = "wizard"  # the resonance wizard's pacer


@dataclass(frozen=True)
class PacerChange:
    """The active pacer's parameters from ``host_t_s`` on (who drives it: ``owner``)."""

    owner: str
    rate_bpm: float
    inhale_ratio: float
    hold_in_s: float
    hold_out_s: float
    host_t_s: float
    device_t_s: float | None
    phase_cycles: float | None = None  # the pacer's phase at host_t_s, after the change (0 = start of inhale)


@dataclass(frozen=True)
class Marker:
    """A labelled moment (a key press, a coach's note, session start and end)."""

    label: str
    host_t_s: float
    device_t_s: float | None
