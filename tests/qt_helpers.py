"""Shared by the app and UI tests: an offscreen Qt, a settings folder per test, a recorder in lists."""

from __future__ import annotations

import os
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    """Every test gets its own settings directory (never the user's)."""
    directory = tmp_path / "config"
    monkeypatch.setenv("BIOFEEDBACK_CONFIG_DIR", str(directory))
    return directory


class ListRecorder:
    """A session recorder that keeps what a store would write; notes the thread that closed it."""

    def __init__(self, close_s: float = 0.0, hold: threading.Event | None = None) -> None:
        self.events, self.beats, self.markers, self.pacer = [], [], [], []
        self.close_s = close_s  # a store commits and summarises at close: it takes a while
        self.hold = hold  # ...or until the test releases it (whoever closes it waits for that)
        self.closed_in: str | None = None

    def on_events(self, events):
        self.events += list(events)

    def on_beats(self, beats):
        self.beats += list(beats)

    def on_marker(self, marker):
        self.markers.append(marker)

    def on_pacer_change(self, change):
        self.pacer.append(change)

    def close(self):
        time.sleep(self.close_s)
        if self.hold is not None:
            self.hold.wait(30.0)
        self.closed_in = threading.current_thread().name

    @property
    def closed(self) -> bool:
        return self.closed_in is not None
