"""A recorded live session keeps the breathing read from the pulse: one row per estimate update."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback import config
from biofeedback.app.session_library import SessionLibrary
from biofeedback.io.simulator import SimulatedSource
from biofeedback.io.store import SessionStore


def test_a_simulated_session_stores_each_breathing_estimate(make_live, qtbot, tmp_path):
    store = SessionStore(tmp_path / "s.db")
    library = SessionLibrary(store)
    live = make_live()
    library.attach(live)
    live.connect_source(SimulatedSource(speed=10.0, seed=3))
    qtbot.waitUntil(lambda: live.model.clock_offset_s is not None and live.device_info is not None, timeout=10000)
    with qtbot.waitSignal(library.session_begun, timeout=5000) as begun:
        live.start_session()
    sid = begun.args[0]
    seen = {}  # the estimates the screen showed while the session ran, by device time

    def rates_seen() -> int:
        est = live.model.breathing.latest
        if est is not None:
            seen[est.t_s] = est
        return sum(e.rate_bpm is not None for e in seen.values())

    qtbot.waitUntil(lambda: rates_seen() >= 5, timeout=60000)  # a full window, then a few updates
    with qtbot.waitSignal(library.saved, timeout=15000):
        live.stop_session()
    rows = library.breathing(sid)
    assert len(rows) >= 5
    times = np.array([r.t_device_s for r in rows])
    assert np.all(np.diff(times) > 0)  # each estimate once
    assert np.median(np.diff(times)) == pytest.approx(config.RESP_UPDATE_S, abs=0.5)  # once per update
    beats = library.beats(sid)
    assert beats[0].t_s - 2.0 <= times[0] and times[-1] <= beats[-1].t_s + 2.0  # the session's device clock
    stored = {r.t_device_s: r for r in rows}
    shown = [e for t, e in seen.items() if times[0] <= t <= times[-1]]
    assert shown
    for est in shown:  # what was on screen is what was stored
        row = stored[est.t_s]
        if est.rate_bpm is None:
            assert row.rate_brpm is None and row.quality == 0.0
        else:
            assert row.rate_brpm == est.rate_bpm and row.quality == est.quality
    rated = [r for r in rows if r.rate_brpm is not None]
    assert rated and all(config.RESP_BAND_HZ[0] * 60 <= r.rate_brpm <= config.RESP_BAND_HZ[1] * 60 for r in rated)
    assert all(0.0 <= r.quality <= 1.0 for r in rows)
