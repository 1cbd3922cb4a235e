"""CoachModel headless (QtCore only): real in-process outlets on loopback, no widgets."""

from __future__ import annotations

import math
import uuid

import pylsl

from biofeedback.app.coach_model import CoachModel
from biofeedback.core.types import Beat, MetricsUpdate, SignalQuality
from biofeedback.io.lsl_outlets import LslOutlets


def publish_beats(outlets: LslOutlets, rr_ms: list[float], t0: float) -> None:
    outlets.clock.note(t0, local_t_s=pylsl.local_clock())
    t, beats = t0, []
    for rr in rr_ms:
        t += rr / 1000.0
        beats.append(Beat(t - 5.0, rr))  # beats of the last seconds
    outlets.push_beats(beats, SignalQuality.GOOD)
    outlets.push_metrics(MetricsUpdate(t_s=t, rmssd_ms=30.0, coherence_ratio=1.5), SignalQuality.GOOD, len(beats))


def test_discovers_clients_buffers_beats_and_follows_lost_and_back(qtbot):
    tag = f"m{uuid.uuid4().hex[:6]}"
    model = CoachModel(only=tag, max_clients=2)
    a = LslOutlets(f"{tag} Anna", f"Anna {tag}")
    b = LslOutlets(f"{tag} Ben", f"Ben {tag}")
    extra = LslOutlets(f"{tag} Carl", f"Carl {tag}")
    model.start()
    qtbot.waitUntil(lambda: len(model.clients) == 2, timeout=10_000)
    # inlets open on RR, LiveBeats, Metrics and Pacer, names read (a fixed 1.5 s before)
    qtbot.waitUntil(lambda: all(c.streams_read == 4 and c.name.endswith(tag) for c in model.ordered()),
                    timeout=10_000)
    qtbot.waitUntil(lambda: model.not_read == 1, timeout=10_000)  # the third is counted, not read
    names = {c.name for c in model.ordered()}
    assert len(names) == 2 and names <= {f"Anna {tag}", f"Ben {tag}", f"Carl {tag}"}  # at most max_clients
    by_name = {c.name: c for c in model.ordered()}
    outlets = {f"Anna {tag}": a, f"Ben {tag}": b, f"Carl {tag}": extra}
    shown = next(iter(by_name))
    publish_beats(outlets[shown], [1000.0, 800.0, 600.0], t0=100.0)
    client = by_name[shown]
    qtbot.waitUntil(lambda: client.hr_bpm is not None, timeout=5000)
    assert math.isclose(client.hr_bpm, 60000 / 800.0, rel_tol=1e-5)
    assert client.metrics["coherence_ratio"] == 1.5 and client.signal_ok
    _, hr = client.hr_curve(pylsl.local_clock())
    assert [round(x, 3) for x in hr] == [60.0, 75.0, 100.0]
    # the client goes away: lost; it comes back under the same name: live again, history kept
    outlets[shown].close()
    del a, b
    outlets.clear()
    qtbot.waitUntil(lambda: client.lost, timeout=6000)
    again = LslOutlets(client.key.split(":")[2].replace("-", " "), shown)
    qtbot.waitUntil(lambda: not client.lost, timeout=10_000)
    assert len(client.beats) == 3
    del again, extra
    model.stop()


def test_live_beats_show_at_once_and_corrected_beats_replace_them_in_place(qtbot):
    tag = f"l{uuid.uuid4().hex[:6]}"
    model = CoachModel(only=tag)
    client_out = LslOutlets(f"{tag} Dana", f"Dana {tag}")
    model.start()
    qtbot.waitUntil(lambda: len(model.clients) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: model.ordered()[0].streams_read == 4, timeout=10_000)  # inlets open (1.5 s before)
    client = model.ordered()[0]
    client_out.clock.note(100.0, local_t_s=pylsl.local_clock())
    client_out.push_beats([Beat(87.0, 1000.0), Beat(88.0, 1000.0)], SignalQuality.GOOD)  # corrected
    client_out.push_live([87.0, 88.0, 88.8, 89.4], [])  # provisional: 800 and 600 ms after them
    qtbot.waitUntil(lambda: len(client.live) == 3 and len(client.beats) == 2, timeout=5000)
    assert math.isclose(client.hr_bpm, 60000 / (1000 + 800 + 600) * 3, rel_tol=1e-4)  # the newest live HR
    _, hr = client.hr_curve(pylsl.local_clock())
    assert [round(x, 1) for x in hr] == [60.0, 60.0, 75.0, 100.0]  # corrected, then the pending ones
    # the corrector merges 88.8 into 89.4 (an extra detection): the curve shows the corrected beat
    client_out.push_beats([Beat(89.4, 1400.0, corrected=True)], SignalQuality.GOOD)
    qtbot.waitUntil(lambda: len(client.beats) == 3, timeout=5000)
    _, hr = client.hr_curve(pylsl.local_clock())
    assert [round(x, 2) for x in hr] == [60.0, 60.0, round(60000 / 1400, 2)]
    assert client.pending() == []
    del client_out
    model.stop()


def test_a_connected_client_that_sends_nothing_is_not_lost_one_whose_streams_close_is(qtbot):
    """Lost means no data for lost_after_s AND connections closed (or no longer listed): a client
    with its finger off the sensor, or a resolver answer missed under load, is not lost."""
    tag = f"q{uuid.uuid4().hex[:6]}"
    model = CoachModel(only=tag, lost_after_s=0.5)
    quiet = LslOutlets(f"{tag} Quiet", f"Quiet {tag}")
    model.start()
    qtbot.waitUntil(lambda: len(model.clients) == 1 and model.ordered()[0].streams_read == 4, timeout=20_000)
    client = model.ordered()[0]
    qtbot.wait(2000)  # four times lost_after_s without a sample
    assert not client.lost and client.problems == {}
    quiet.close()
    del quiet
    qtbot.waitUntil(lambda: client.lost, timeout=10_000)
    assert model.errors == []
    model.stop()
