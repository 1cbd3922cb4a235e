"""Shift event times: used to keep one continuous record clock across reconnects.

After an unplug the device clock may restart (an Arduino resets when its port
opens; count-based protocols restart at zero), so the reader re-bases new
events to continue after the gap instead of going back in time.
"""

from __future__ import annotations

from dataclasses import replace

from biofeedback.core.types import DeviceBeat, DeviceStatus, Event, Gap, PpgBlock, SignalBlock


def event_time_s(event: Event) -> float | None:
    """The (last) time an event carries, or None for DeviceInfo."""
    if isinstance(event, PpgBlock | SignalBlock):
        return float(event.t_s[-1]) if len(event) else None
    if isinstance(event, DeviceBeat | DeviceStatus | Gap):
        return event.t_s
    return None


def first_time_s(event: Event) -> float | None:
    if isinstance(event, PpgBlock | SignalBlock):
        return float(event.t_s[0]) if len(event) else None
    return event_time_s(event)


def shift_event(event: Event, offset_s: float) -> Event:
    """The same event ``offset_s`` seconds later."""
    if offset_s == 0.0:
        return event
    if isinstance(event, PpgBlock):
        return PpgBlock(event.t_s + offset_s, event.value, event.fs_hz)
    if isinstance(event, SignalBlock):
        return SignalBlock(event.kind, event.t_s + offset_s, event.value, event.fs_hz)
    if isinstance(event, DeviceBeat | DeviceStatus | Gap):
        return replace(event, t_s=event.t_s + offset_s)
    return event
