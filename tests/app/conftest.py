"""App-layer tests: QtCore objects on a real event loop, no widgets; worker errors fail the test."""

from __future__ import annotations

import pytest
from qt_helpers import config_dir  # noqa: F401 (an autouse fixture)


@pytest.fixture
def make_live(qtbot):
    """Build LiveSessions; at teardown shut them down and fail on any worker error."""
    from biofeedback.app.live_session import LiveSession

    made = []

    def make(**kwargs) -> LiveSession:
        live = LiveSession(**kwargs)
        made.append(live)
        return live

    yield make
    for live in made:
        live.shutdown()
        assert not live.errors, "worker errors:\n" + "\n".join(live.errors)
