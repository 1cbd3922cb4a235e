"""What the live views redraw, and how often: only on new data or a pixel of scrolling, at bounded rates.

Counted in virtual time (a ManualClock drives the window's frames), never on wall-clock speed:
the CPU and frame-time figures themselves are measured by ``benchmarks/gui.py``.
"""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.app.live_model import LiveModel, RingBuffer
from biofeedback.app.settings import Settings
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.types import Beat, PpgBlock
from biofeedback.io.clock import ManualClock
from biofeedback.ui.pacer_widget import PacerWidget
from biofeedback.ui.plots import PulsePlot, TachogramPlot
from biofeedback.ui.theme import DARK
from biofeedback.ui.window_frame import BASE_FRAME_HZ, SLOW_FRAME_HZ, frame_hz


def shown(qtbot, widget, w=900, h=300):
    qtbot.addWidget(widget)
    widget.resize(w, h)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def count_calls(monkeypatch, obj, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(obj, name)
    monkeypatch.setattr(obj, name, lambda *a, **k: (calls.append(1), original(*a, **k))[1])
    return calls


def ppg_output(t0: float, seconds: float, fs: float = 500.0) -> PipelineOutput:
    t = t0 + np.arange(int(seconds * fs)) / fs
    return PipelineOutput(ppg=[PpgBlock(t, np.sin(2 * np.pi * 1.1 * t), fs)])


@pytest.mark.parametrize("capacity", [50, 64])
def test_ring_since_returns_the_rows_of_a_window_like_the_whole_copy_does(capacity):
    ring = RingBuffer(capacity, 2)
    assert ring.since(0.0).shape == (0, 2) and ring.written == 0
    rng = np.random.default_rng(1)
    t, total = 0.0, 0
    for n in rng.integers(1, 30, 12):  # wraps several times, also in one block larger than the ring
        rows = np.column_stack((t + np.arange(n) * 0.1, rng.normal(size=n)))
        t += n * 0.1
        ring.extend(rows)
        total += n
        assert ring.written == total  # every row ever written: it changes exactly when rows arrive
        full = ring.view()
        for t_from in (-1.0, full[0, 0], full[0, 0] + 0.05, full[len(full) // 2, 0], full[-1, 0], t + 5.0):
            start = max(int(np.searchsorted(full[:, 0], t_from, side="left")) - 1, 0)  # one row before
            assert np.array_equal(ring.since(t_from), full[start:]), (t_from, len(full))
    ring.since(t)[:] = 0.0  # a copy: the ring is untouched
    assert np.array_equal(ring.view(), full)


@pytest.mark.parametrize("capacity", [50, 64])
def test_ring_tail_and_columns_written_in_place_equal_the_whole_copy(capacity):
    """The pulse wave reads only the rows that arrived (``tail``); samples go in by column."""
    ring, stacked = RingBuffer(capacity, 2), RingBuffer(capacity, 2)
    rng = np.random.default_rng(4)
    for n in rng.integers(0, 70, 20):  # wraps, also by a block larger than the ring
        t, v = rng.normal(size=n), rng.normal(size=n)
        ring.extend_columns(t, v)
        stacked.extend(np.column_stack((t, v)))
        full = stacked.view()
        assert np.array_equal(ring.view(), full) and ring.written == stacked.written
        for k in (0, 1, n, len(full) // 2, len(full), len(full) + 3):
            assert np.array_equal(ring.tail(k), full[len(full) - min(k, len(full)):]), (k, len(full))


def test_the_pulse_is_redrawn_when_it_scrolled_a_step_or_a_beat_came_not_for_each_frames_samples(qtbot, monkeypatch):
    plot = shown(qtbot, PulsePlot(DARK))
    model = LiveModel()
    model.add(ppg_output(0.0, 10.0), host_t_s=100.0)
    repaints: list[int] = []
    plot._repaint_data = lambda: repaints.append(1)  # what a refresh that drew something asks for
    plot.curve.repaint_by_plot = plot.marks.repaint_by_plot = plot._repaint_data
    step_s = plot.scroll_step_px / plot.px_per_s()
    assert plot.scroll_step_px > 1
    now = round(10.0 / step_s) * step_s  # on a step
    plot.refresh(model, now)
    drawn = len(repaints)
    assert drawn
    plot.refresh(model, now + 0.3 * step_s)  # less than a step later, no new sample
    plot.refresh(model, now)
    assert len(repaints) == drawn
    model.add(ppg_output(10.0, 0.02), host_t_s=100.02)  # new samples, same step: they wait for it
    plot.refresh(model, now + 0.3 * step_s)
    assert len(repaints) == drawn
    plot.refresh(model, now + 1.0 * step_s)  # scrolled a step: drawn, the new samples with it
    assert len(repaints) > drawn and plot.curve.getData()[0][-1] > -1.0 * step_s - 0.03
    drawn = len(repaints)
    model.add(PipelineOutput(detections_t_s=[10.01]), host_t_s=100.03)  # a beat: drawn at once
    plot.refresh(model, now + 1.2 * step_s)
    assert len(repaints) > drawn and len(plot.marks.getData()[0]) == 1


def test_samples_arriving_do_not_rebuild_the_tachograms_beats_and_new_beats_do(qtbot, monkeypatch):
    import biofeedback.ui.plots as plots

    plot = shown(qtbot, TachogramPlot(DARK))
    model = LiveModel()
    t = 1.0 + np.arange(80) * 0.9
    model.add(PipelineOutput(beats=[Beat(float(x), 900.0) for x in t]), host_t_s=100.0)
    builds = count_calls(monkeypatch, plots, "_shown_beats")
    now = float(t[-1])
    for k in range(20):  # 500 Hz samples keep arriving and the view scrolls: the beats are built once
        model.add(ppg_output(now + k * 0.05, 0.05), host_t_s=100.0 + k * 0.05)
        plot.refresh(model, now + k * 0.5)
    assert len(builds) == 1
    x, _ = plot.hr.getData()
    assert x[-1] == pytest.approx(t[-1] - (now + 19 * 0.5))  # still scrolled with time
    model.add(PipelineOutput(beats=[Beat(float(t[-1] + 0.9), 900.0)]), host_t_s=111.0)
    plot.refresh(model, now + 10.0)
    assert len(builds) == 2 and len(plot.hr.getData()[0]) > len(x)


def test_the_frame_timer_runs_at_20_hz_while_the_pacer_steps_single_pixels_30_above_and_60_when_fast(qtbot):
    widget = shown(qtbot, PacerWidget(Pacer(6.0, 0.5)), 390, 330)  # a calm 6 /min breath in a small window
    assert frame_hz(widget.max_speed_px_per_s()) == SLOW_FRAME_HZ
    assert widget.max_speed_px_per_s() / SLOW_FRAME_HZ <= 1.0  # no part moves more than a pixel a frame
    widget.resize(430, 560)  # the same breath in a larger window
    qtbot.wait(10)
    assert frame_hz(widget.max_speed_px_per_s()) == BASE_FRAME_HZ
    widget.pacer = Pacer(12.0, 0.3)  # 1.5 s inhales
    widget.resize(900, 1000)  # presentation on a large screen
    qtbot.wait(10)
    assert widget.max_speed_px_per_s() > 45 and frame_hz(widget.max_speed_px_per_s()) == 60.0


def test_each_view_draws_at_its_rate_in_virtual_time(qtbot, monkeypatch):
    """Two minutes of 60 Hz timer slots: the pulse draws at most 30 times a second, the tachogram 10,
    the trends once, the numbers 4 times; the timer itself runs at the rate the calm pacer needs."""
    from biofeedback import config
    from biofeedback.ui.main_window import MainWindow

    clock = ManualClock(1000.0)
    window = MainWindow(Settings(first_run_notice_seen=True), clock=clock, save=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.timer.stop()  # the test calls the frames itself
    ui, model = window.ui, window.live.model
    qtbot.waitUntil(lambda: ui.plots_built and ui.pulse.isVisible(), timeout=5000)  # built after the first paint
    model.add(ppg_output(0.0, 2.0), host_t_s=clock())
    counts = {name: count_calls(monkeypatch, view, "refresh")
              for name, view in (("pulse", ui.pulse), ("tachogram", ui.tachogram), ("rmssd", ui.rmssd_trend))}
    counts["numbers"] = count_calls(monkeypatch, window.frame, "_update_numbers")
    seconds = 120.0
    for _ in range(int(seconds * 60)):  # slots as fast as a 60 Hz timer would give them
        clock.advance(1 / 60)
        window.frame.draw()
    speed = ui.pacer_view.max_speed_px_per_s()
    assert window.timer.interval() == round(1000 / frame_hz(speed)) >= round(1000 / BASE_FRAME_HZ)
    rates = {name: len(c) / seconds for name, c in counts.items()}
    assert rates["pulse"] <= config.GUI_PULSE_REDRAW_HZ + 0.1
    assert rates["tachogram"] <= config.GUI_TACHOGRAM_REDRAW_HZ + 0.1
    assert rates["rmssd"] <= config.GUI_TRENDS_REDRAW_HZ + 0.1
    assert rates["numbers"] <= 4.1
    assert rates["pulse"] >= 0.9 * config.GUI_PULSE_REDRAW_HZ  # and none of them starves
    window.close()


def test_the_coherence_ring_repaints_only_when_what_it_shows_changed(qtbot, monkeypatch):
    from biofeedback.ui.coherence_indicator import CoherenceIndicator

    ring = shown(qtbot, CoherenceIndicator(), 200, 200)
    updates = count_calls(monkeypatch, ring, "update")
    for _ in range(8):  # the window's number timer, 4 times a second, with the same values
        ring.set_values(1.2, 8.0, level=1)
    assert len(updates) == 1
    ring.set_values(1.2, 9.0, level=1)
    assert len(updates) == 2


def test_the_plots_are_built_after_the_first_paint_with_what_was_set_before(qtbot):
    """The window shows before pyqtgraph is needed; its plots then appear in their places, in the
    theme and with the pacer rate chosen meanwhile, and any use before that builds them at once."""
    from biofeedback.ui.main_window import MainWindow
    from biofeedback.ui.theme import LIGHT

    window = MainWindow(Settings(first_run_notice_seen=True), save=False)
    qtbot.addWidget(window)
    assert not window.ui.plots_built
    window.set_rate(7.5)
    window.look.toggle_theme()  # light, before any plot exists
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: window.ui.plots_built, timeout=5000)
    ui = window.ui
    qtbot.wait(50)  # laid out in the next pass
    assert ui.spectrum.pacer_line.value() == pytest.approx(7.5 / 60)
    trends = ui.rmssd_trend, ui.coherence_trend
    assert abs(trends[0].width() - trends[1].width()) <= 1  # side by side, halves
    for plot in (ui.pulse, ui.tachogram, *trends, ui.spectrum):
        assert plot.isVisible() and plot.width() > 40 and plot.window() is window  # in its place, not a window
        assert plot.backgroundBrush().color().name() == LIGHT.background
    other = MainWindow(Settings(first_run_notice_seen=True), save=False)  # never shown
    qtbot.addWidget(other)
    assert other.ui.tachogram.parent() is not None and other.ui.plots_built  # built on first use
    window.close()


def on_screen(widget) -> np.ndarray:
    """What the widget's window shows now (the backing store), not a fresh paint."""
    from PySide6.QtGui import QImage

    image = widget.screen().grabWindow(widget.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].copy()


def full_paint(widget) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].copy()


@pytest.mark.parametrize("make", [PulsePlot, TachogramPlot])
def test_new_data_reaches_the_screen_and_it_equals_a_full_paint(qtbot, make):
    """The plots paint their curves over a cached picture of the axes: each refresh must still reach
    the screen, and what the screen then shows must be what a paint of everything gives."""
    plot = shown(qtbot, make(DARK))
    model = LiveModel()
    t = 1.0 + np.arange(100) * 0.9
    model.add(PipelineOutput(beats=[Beat(float(x), 900.0 + 60 * np.sin(x / 3)) for x in t]), host_t_s=100.0)
    model.add(ppg_output(t[-1] - 10.0, 10.0), host_t_s=100.0)
    now = float(t[-1])
    plot.refresh(model, now)
    qtbot.wait(30)
    before = on_screen(plot)
    model.add(PipelineOutput(beats=[Beat(float(t[-1] + 0.9), 700.0)]), host_t_s=101.0)
    model.add(ppg_output(now, 1.0), host_t_s=101.0)
    plot.refresh(model, now + 1.0)
    qtbot.wait(30)
    shown_now = on_screen(plot)
    assert not np.array_equal(shown_now, before)  # the new data and the scrolling are on screen
    plot.invalidate_picture()  # axes, grid and title drawn again too
    assert np.array_equal(shown_now, full_paint(plot))


def test_the_tachogram_is_not_redrawn_for_samples_while_there_is_no_breathing_curve(qtbot, monkeypatch):
    plot = shown(qtbot, TachogramPlot(DARK))
    model = LiveModel()
    t = 1.0 + np.arange(6) * 0.9  # too few beats for an estimate of the breathing
    model.add(PipelineOutput(beats=[Beat(float(x), 900.0) for x in t]), host_t_s=100.0)
    assert len(model.breath_curve()) == 0
    step_s = plot.scroll_step_px / plot.px_per_s()
    now = round(float(t[-1]) / step_s) * step_s
    sets = count_calls(monkeypatch, plot.hr, "set_points")
    for k in range(10):  # samples arrive, time moves less than a redraw step
        model.add(ppg_output(now + k * 0.01, 0.01), host_t_s=100.0 + k * 0.01)
        plot.refresh(model, now + k * 0.02 * step_s)
    assert len(sets) == 1


def test_the_pulse_marks_scroll_without_being_set_again_until_a_beat_comes(qtbot, monkeypatch):
    plot = shown(qtbot, PulsePlot(DARK))
    model = LiveModel()
    out = ppg_output(0.0, 10.0)
    out.detections_t_s = [8.0, 9.0]
    model.add(out, host_t_s=100.0)
    sets = count_calls(monkeypatch, plot.marks, "set_points")
    px_s = 1.0 / plot.px_per_s()
    plot.refresh(model, 10.0)
    x0, y0 = plot.marks.getData()
    assert len(sets) == 1 and np.allclose(x0, [-2.0, -1.0])
    model.add(ppg_output(10.0, 0.1), host_t_s=100.1)  # samples, no beat: the dots move with the wave
    plot.refresh(model, 10.0 + 3 * px_s)
    x1, y1 = plot.marks.getData()
    assert len(sets) == 1 and np.allclose(x1, x0 - 3 * px_s) and np.array_equal(y1, y0)
    model.add(PipelineOutput(detections_t_s=[10.05]), host_t_s=100.1)  # a beat: set again
    plot.refresh(model, 10.0 + 4 * px_s)
    assert len(sets) == 2 and len(plot.marks.getData()[0]) == 3


def test_the_sessions_ticks_ride_on_the_frames_and_hold_its_own_timer_back(qtbot, monkeypatch):
    """One timer wakes a drawing window: the live session ticks (10 Hz) from its frames, and its own
    timer, started again by each frame, fires only once they stop."""
    from biofeedback.app.live_session import TICK_S
    from biofeedback.ui.main_window import MainWindow

    clock = ManualClock(1000.0)
    window = MainWindow(Settings(first_run_notice_seen=True), clock=clock, save=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.timer.stop()  # the test draws the frames
    ticks = count_calls(monkeypatch, window.live, "tick")
    restarts = count_calls(monkeypatch, window.live._timer, "start")
    for frame in range(40):  # two seconds of 20 Hz frames
        clock.advance(0.05)
        window.frame.draw()
        assert len(restarts) == frame + 1  # every frame puts its own timer a full tick away again
    assert window.live._timer.isActive() and window.live._timer.interval() == round(TICK_S * 1000)
    assert len(ticks) == 20
    window.close()
