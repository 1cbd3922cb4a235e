"""The contract every input source follows: serial port, simulated sensor, replay.

A source runs its own reader thread and hands decoded events to a sink
callback from that thread; callers never block on it. The app layer wraps a
source in a Qt worker and crosses to the GUI thread with queued signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from biofeedback.core.types import Event

# Connection states a source reports; the UI shows them in words.
CONNECTING = "connecting"
CONNECTED = "connected"
DISCONNECTED = "disconnected"  # cable pulled or read error; the source retries
RECONNECTING = "reconnecting"
FAILED = "failed"  # cannot continue (wrong port name, busy port, unknown protocol)
FINISHED = "finished"  # a replay or a timed simulation reached its end
STOPPED = "stopped"  # stop() was called


@dataclass(frozen=True)
class SourceState:
    """A connection state with a message a user understands."""

    state: str
    message: str = ""
    protocol: str | None = None  # decided protocol once known
    notice: bool = False  # the message is for the user to read now, while connected (the window
    # shows it as a notice: a strap without contact, one that sends no intervals)


EventSink = Callable[[Sequence[Event]], None]
StateSink = Callable[[SourceState], None]


class Source(Protocol):
    """What the app needs from any source."""

    description: str

    def start(self, on_events: EventSink, on_state: StateSink) -> None:
        """Start reading in a background thread; returns at once."""

    def stop(self) -> None:
        """Stop reading and release the port; returns within about a second."""
