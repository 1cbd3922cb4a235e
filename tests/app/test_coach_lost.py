"""CoachModel on a ManualClock: a client silent for COACH_QUIET_AFTER_S is quiet (its clock stands), lost
once its streams close, since the wall time of its last data; its pacer rate and calm coherence level.
Real in-process outlets on loopback; the model's time is the test's (only liblsl's delivery is waited for)."""

from __future__ import annotations

import uuid

import pylsl

from biofeedback import config
from biofeedback.app.coach_model import CoachModel
from biofeedback.core.hrv.coherence_level import CoherenceLevel
from biofeedback.core.types import Beat, MetricsUpdate, SignalQuality
from biofeedback.io.clock import ManualClock
from biofeedback.io.lsl_outlets import LslOutlets

WALL_AT_ZERO_S = 1_800_000_000.0


def test_quiet_then_lost_since_its_last_data_with_its_pacer_rate_and_coherence_level(qtbot):
    tag = f"c{uuid.uuid4().hex[:6]}"
    clock = ManualClock(100.0)
    model = CoachModel(only=tag, clock=clock, wall_clock=lambda: WALL_AT_ZERO_S + clock())
    out = LslOutlets(f"{tag} Chris", f"Chris {tag}")
    model.start()
    qtbot.waitUntil(lambda: len(model.clients) == 1 and model.ordered()[0].streams_read == 4, timeout=20_000)
    client = model.ordered()[0]
    out.clock.note(50.0, local_t_s=pylsl.local_clock())
    out.push_beats([Beat(45.0 + k, 1000.0) for k in range(5)], SignalQuality.GOOD)
    ratios = (2.0, 2.0, 2.4, 0.3)  # the metrics repeat a ratio until the next 64 s value
    for ratio in ratios:
        out.push_metrics(MetricsUpdate(t_s=50.0, coherence_ratio=ratio), SignalQuality.GOOD, 5)
    out.push_pacer(0.5, 5.5)
    qtbot.waitUntil(lambda: client.pacer_bpm == 5.5 and abs(client.metrics.get("coherence_ratio", 0) - 0.3) < 1e-6,
                    timeout=5000)
    expected = CoherenceLevel()
    for ratio in (2.0, 2.4, 0.3):  # one update per new value, as the client's own window does
        level = expected.update(50.0, ratio).level
    assert client.coherence_level == level == 2  # the dwell keeps "high" on one low value, as in the window
    assert not client.quiet and not client.stopped
    running = client.session_s(client.last_sample_t_s + 10.0)

    clock.advance(config.COACH_QUIET_AFTER_S + 0.1)  # nothing more arrives: quiet, not lost (still connected)
    qtbot.waitUntil(lambda: client.quiet, timeout=5000)
    assert not client.lost and client.lost_since_wall_s is None
    stood = client.session_s(client.last_sample_t_s + 10.0)
    assert stood == client.session_s(client.last_sample_t_s + 30.0) < running  # the clock stands

    out.close()  # the client dies: its connections close
    del out
    clock.advance(config.COACH_LOST_AFTER_S)
    qtbot.waitUntil(lambda: client.lost, timeout=10_000)
    assert client.lost_since_wall_s == WALL_AT_ZERO_S + 100.0  # the wall time its last data came, not now
    assert model.errors == []
    model.stop()
