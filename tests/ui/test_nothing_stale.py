"""The live screen tells the truth only while data flow: numbers, ring, header and curves wait once they stop.

The window runs on a ManualClock with the simulated sensor on the same clock
(as tests/ui/test_resonance_wizard.py does): each step advances the clock
and waits, in real time as long as the machine needs, until the pipeline has
everything the sensor sent by then. No pass or fail depends on wall-clock speed.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pytest

from biofeedback import config
from biofeedback.app.live_model import WAITING, LiveModel, hr_line
from biofeedback.app.settings import Settings
from biofeedback.app.sources import make_source
from biofeedback.core.hrv.coherence_level import LEVEL_NAMES
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.protocols import PROTOCOLS
from biofeedback.core.types import Beat
from biofeedback.io.clock import ManualClock
from biofeedback.io.simulator import SimulatedSource
from biofeedback.ui import main_window
from biofeedback.ui.main_window import MainWindow
from biofeedback.ui.panels import DASH
from biofeedback.ui.plots import TachogramPlot
from biofeedback.ui.theme import DARK

STEP_S = 1.0
SEED = 7


def beats_every(t0_s: float, n: int, rr_ms: float = 900.0) -> list[Beat]:
    return [Beat(t0_s + k * rr_ms / 1000.0, rr_ms) for k in range(n)]


def test_the_coherence_caption_states_where_the_level_holds():
    from biofeedback.ui.panels import level_band_text

    assert config.COHERENCE_LEVELS == (0.6, 1.5) and config.COHERENCE_HYSTERESIS_SHARE == 0.25
    assert [level_band_text(k) for k in range(3)] == [
        "smoothed; low until 0.75", "smoothed; medium from 0.45 to 1.88", "smoothed; high down to 1.12"]


def test_numbers_wait_when_beats_stop_arriving_and_when_the_source_goes():
    model = LiveModel()
    model.set_receiving(True)
    model.add(PipelineOutput(beats=beats_every(10.0, 20)), host_t_s=100.0)  # last beat at device 27.1 s
    assert model.reading(100.0).hr_bpm == pytest.approx(60000 / 900)
    # the same connection, no beat for longer than LIVE_STALE_AFTER_S (finger lifted, cable pulled)
    later = 100.0 + config.LIVE_STALE_AFTER_S + 0.5
    assert model.reading(later) == WAITING
    model.add(PipelineOutput(beats=beats_every(33.0, 3)), host_t_s=later)  # beats again
    assert model.reading(later).hr_bpm == pytest.approx(60000 / 900)
    model.set_receiving(False)  # disconnected, or the replay ended
    assert model.reading(later) == WAITING


def test_the_interval_across_a_pause_is_no_heart_rate():
    model = LiveModel()
    model.set_receiving(True)
    model.add(PipelineOutput(beats=[*beats_every(10.0, 5), Beat(22.0, 8400.0)]), host_t_s=50.0)
    assert model.recent_hr_bpm() == pytest.approx(60000 / 900)  # not the 7 bpm of the 8.4 s pause


def test_the_heart_rate_line_breaks_at_gaps_and_lost_beats_and_nowhere_else():
    t = np.array([0.0, 0.9, 1.8, 2.7, 12.0, 12.9, 13.8, 14.7])  # 9.3 s without beats between 2.7 and 12.0
    rr = np.array([900, 900, 900, 900, 9300, 900, 900, 900], float)
    x, hr = hr_line(t, rr, np.array([13.5]))  # and a gap reported between 12.9 and 13.8
    breaks = np.flatnonzero(np.isnan(x))
    assert len(breaks) == 2
    assert x[breaks[0] - 1] == 2.7 and x[breaks[0] + 1] == 12.0
    assert x[breaks[1] - 1] == 12.9 and x[breaks[1] + 1] == 13.8
    assert np.isnan(hr[breaks[0] + 1])  # the 9.3 s "interval" is not drawn as 6 bpm
    assert np.count_nonzero(np.isfinite(hr)) == 7
    x, hr = hr_line(t[:4], rr[:4], np.empty(0))
    assert np.isfinite(x).all() and np.isfinite(hr).all()  # beats that follow each other: one line


def test_the_tachogram_draws_no_line_across_an_unplugged_gap(qtbot):
    plot = TachogramPlot(DARK)
    qtbot.addWidget(plot)
    plot.resize(900, 300)
    plot.show()
    model = LiveModel()
    model.set_receiving(True)
    model.add(PipelineOutput(beats=beats_every(10.0, 20)), host_t_s=100.0)
    # the sensor unplugged for 12 s and back: beats stop and resume (the pipeline reports no gap)
    model.add(PipelineOutput(beats=beats_every(40.0, 5)), host_t_s=120.0)
    # then an interval the pipeline refused: a gap by the interval rule between 43.6 and 44.5 s
    model.add(PipelineOutput(interval_gaps_t_s=[44.2], beats=beats_every(44.5, 5)), host_t_s=125.0)
    plot.refresh(model, 49.0)
    x, y = plot.hr.getData()
    assert not plot.waiting
    before, after = x[x < -20.0], x[x > -10.0]  # beats at 10-27.1 s and 40-48.1 s, now 49 s
    assert len(before) == 20 and len(after) == 10
    path = plot.hr._path  # drawn with breaks: no segment from 27.1 s to 40 s, none from 43.6 to 44.5 s
    runs = [poly.boundingRect() for poly in path.toSubpathPolygons()] if path is not None else []
    assert [(round(r.left() + 49.0, 1), round(r.right() + 49.0, 1)) for r in runs] == [
        (10.0, 27.1), (40.0, 43.6), (44.5, 48.1)]
    plot.refresh(model, 49.0 + config.LIVE_STALE_AFTER_S + 1.0)  # then nothing more arrives
    assert plot.waiting


@pytest.fixture
def live_window(qtbot, monkeypatch, tmp_path):
    """A MainWindow on a ManualClock, the simulated sensor on the same clock; ``advance`` steps both."""
    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(tmp_path / "data"))
    clock = ManualClock(1000.0)
    settings = Settings(first_run_notice_seen=True, source_kind="simulated", sim_speed=1.0,
                        sim_resonance_bpm=6.0, pacer_rate_bpm=6.0)
    window = MainWindow(settings, clock=clock, save=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.timer.stop()  # frames only when the test draws one, after the data up to the clock's time arrived
    monkeypatch.setattr(main_window, "make_source", partial(make_source, seed=SEED))
    window.connect_source()
    qtbot.waitUntil(lambda: getattr(window.live.source, "simulator", None) is not None, timeout=20000)
    source = window.live.source
    assert isinstance(source, SimulatedSource)
    sample_s = 1.0 / PROTOCOLS[source.settings.protocol].fs_hz

    def advance(seconds: float = STEP_S) -> None:
        """``seconds`` on, once the pipeline has everything the sensor sent until then; one frame."""
        sent_until = source.sim_time_s(clock.advance(seconds))
        if window.live.connected:
            qtbot.waitUntil(lambda: (window.model.last_device_t_s or -1.0) >= sent_until - sample_s - 1e-6,
                            timeout=30000)
        window.redraw()

    window.advance = advance  # type: ignore[attr-defined]
    window.manual_clock = clock  # type: ignore[attr-defined]
    yield window
    errors = list(window.worker_errors)
    window.close()
    assert not errors


def test_number_ring_and_header_agree_then_all_wait_after_disconnect(live_window, qtbot):
    window = live_window
    ui, ring, bar = window.ui, window.coherence_indicator, window.ui.presentation_bar
    shown = []
    for _ in range(int(config.COHERENCE_WINDOW_S + 3 * config.COHERENCE_STEP_S)):
        window.advance()
        reading = window.model.reading(window.manual_clock(), window.live.last_breath_swing_bpm())
        if reading.coherence is None:
            assert ui.numbers.coherence.value.text() == DASH and ring.level is None and bar.level is None
            continue
        # one value, one set of thresholds: the tile's number, its title, the ring and the header
        level = LEVEL_NAMES[reading.level]
        assert ui.numbers.coherence.value.text() == f"{reading.coherence:.2f}"
        assert ui.numbers.coherence.title.text() == f"Coherence: {level}"
        # the caption says where that level holds, so 1.35 reading "high" on its way down is explained
        assert ui.numbers.coherence.caption.text().startswith(f"smoothed; {level}")
        assert ring.level == bar.level == reading.level and bar.coherence.value.text() == level
        assert ring.ratio == reading.coherence
        shown.append(level)
    assert len(shown) >= 2  # the 64 s window filled and the level was shown on several frames
    assert ui.numbers.hr.value.text() != DASH and window.ui.pacer_view.caption is not None
    assert "bpm" in ui.tachogram.accessibleDescription()

    ui.sources.connect_button.click()  # Disconnect
    assert not window.live.connected
    window.advance(0.3)  # the next numbers tick
    assert {tile.value.text() for tile in ui.numbers.tiles} == {DASH}
    assert ui.numbers.coherence.title.text() == "Coherence"
    assert ui.numbers.coherence.caption.text() == "smoothed ratio, 64 s windows"
    assert ring.level is None and bar.coherence.value.text() == "waiting"
    assert window.ui.pacer_view.caption is None  # "you: 5.9 /min" is gone too
    assert ui.tachogram.waiting and ui.tachogram.accessibleDescription() == "waiting for data"
    assert ui.spectrum.waiting and "before the beats stopped" in ui.spectrum.getPlotItem().titleLabel.text
    assert "waiting" in ring.accessibleDescription()
