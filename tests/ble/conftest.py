"""Fixtures for the Bluetooth tests: a virtual air per test, straps on it, and a source's record."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # air, virtual_strap

pytest.importorskip("bumble", reason="the virtual strap needs bumble (the dev extra)")

from air import Air  # noqa: E402


@pytest.fixture
def air():
    world = Air()
    yield world
    world.close()


class Record:
    """What a source handed out: events and states, with the host time each state came at."""

    def __init__(self) -> None:
        self.events: list = []
        self.states: list = []  # (perf_counter, SourceState)
        self._changed = threading.Condition()

    def on_events(self, events) -> None:
        with self._changed:
            self.events.extend(events)
            self._changed.notify_all()

    def on_state(self, state) -> None:
        with self._changed:
            self.states.append((time.perf_counter(), state))
            self._changed.notify_all()

    def wait_for(self, predicate, timeout_s: float = 5.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self), timeout_s)

    def of(self, kind) -> list:
        return [e for e in self.events if isinstance(e, kind)]

    def said(self, state: str) -> list:
        return [s for _, s in self.states if s.state == state]

    def messages(self) -> list[str]:
        return [s.message for _, s in self.states]


@pytest.fixture
def record():
    return Record()
