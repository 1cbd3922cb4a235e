"""Live plots: ranges follow the data robustly, one point per pixel, redraw only on change, clear()."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from biofeedback import config
from biofeedback.app.live_model import LiveModel
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.types import Beat, MetricsUpdate, PpgBlock
from biofeedback.ui.analysis_plots import SpectrumPlot, TrendPlot
from biofeedback.ui.plots import PulsePlot, TachogramPlot, robust_range
from biofeedback.ui.theme import DARK


def shown(qtbot, widget, w=900, h=300):
    qtbot.addWidget(widget)
    widget.resize(w, h)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def n_points(item) -> int:
    """Samples an item holds (curves and scatter plots alike)."""
    if isinstance(item, pg.ScatterPlotItem):
        return len(item.data)
    if not hasattr(item, "getOriginalDataset"):  # the live views' own items (ui/plot_items.py)
        return len(item.getData()[0])
    x, _ = item.getOriginalDataset()
    return 0 if x is None else len(x)


def beats_model(n=90, outliers=()):
    """~66 bpm with a 6/min breathing swing of +-4 bpm; ``outliers``: (index, rr_ms, corrected)."""
    t_nominal = np.arange(n) * 0.9 + 1.0
    rr = 60000.0 / (66 + 4 * np.sin(2 * np.pi * 0.1 * t_nominal))
    t = 1.0 + np.cumsum(rr) / 1000.0  # each beat one interval after the previous (no gaps)
    corrected = np.zeros(n, bool)
    for i, value, corr in outliers:
        rr[i], corrected[i] = value, corr
    model = LiveModel()
    model.add(PipelineOutput(beats=[Beat(a, b, bool(c)) for a, b, c in zip(t, rr, corrected, strict=True)]),
              host_t_s=1000.0)
    return model, float(t[-1])


def test_robust_range_ignores_an_outlier_and_keeps_a_minimum_span():
    values = np.r_[np.full(99, 40.0) + np.linspace(-1, 1, 99), 1500.0]
    lo, hi = robust_range(values, min_span=20.0, floor=0.0)
    assert hi - lo >= 20.0 and hi < 60.0 and lo >= 0.0
    assert robust_range(np.array([np.nan]), 1.0) is None
    lo, hi = robust_range(np.array([1.0, 2.0]), min_span=20.0, floor=0.0)
    assert lo == 0.0 and hi >= 20.0  # widened about the middle, then lifted onto the floor


def test_a_missed_artifact_or_a_corrected_beat_does_not_stretch_the_hr_axis(qtbot):
    plot = shown(qtbot, TachogramPlot(DARK))
    model, now = beats_model(outliers=[(40, 5000.0, False), (60, 300.0, True)])  # 12 bpm, 200 bpm
    plot.refresh(model, now)
    lo, hi = plot.viewRange()[1]
    assert 45 < lo < 62 and 70 < hi < 90  # the clean 62-70 bpm curve fills the axis


def test_a_flat_heart_rate_still_gets_the_minimum_hr_span(qtbot):
    plot = shown(qtbot, TachogramPlot(DARK))
    t = np.arange(60) * 1.0
    model = LiveModel()
    model.add(PipelineOutput(beats=[Beat(a, 1000.0) for a in t]), host_t_s=10.0)
    plot.refresh(model, float(t[-1]))
    lo, hi = plot.viewRange()[1]
    assert hi - lo >= config.PLOT_MIN_SPAN_HR_BPM and lo < 60 < hi


def test_rmssd_trend_axis_ignores_one_1500_ms_window_and_spans_at_least_20_ms(qtbot):
    plot = shown(qtbot, TrendPlot(DARK, 2, "RMSSD", "ms"))
    model = LiveModel()
    t = np.arange(300.0)
    rmssd = 40.0 + 2.0 * np.sin(t / 30.0)
    rmssd[150] = 1500.0
    for ti, r in zip(t, rmssd, strict=True):
        model.add(PipelineOutput(metrics=MetricsUpdate(ti, hr_bpm=65.0, rmssd_ms=r, artifact_share=0.0)), 10.0 + ti)
    plot.refresh(model, float(t[-1]))
    lo, hi = plot.viewRange()[1]
    assert hi < 100 and hi - lo >= config.PLOT_MIN_SPAN_RMSSD_MS and lo >= 0


def test_the_pulse_wave_draws_at_most_one_point_per_pixel(qtbot):
    plot = shown(qtbot, PulsePlot(DARK), w=800)
    model = LiveModel()
    fs = 500.0
    t = np.arange(int(10 * fs)) / fs
    model.add(PipelineOutput(ppg=[PpgBlock(t, np.sin(2 * np.pi * 1.1 * t), fs)]), host_t_s=100.0)
    plot.refresh(model, float(t[-1]))
    x, _ = plot.curve.getData()
    width_px = plot.getPlotItem().getViewBox().width()
    assert 0 < len(x) <= width_px + 4  # 4000 samples in view, peak-decimated


def test_a_view_is_not_redrawn_when_neither_data_nor_time_moved(qtbot, monkeypatch):
    plot = shown(qtbot, TachogramPlot(DARK))
    model, now = beats_model()
    calls = []
    original = plot.hr.set_points
    monkeypatch.setattr(plot.hr, "set_points", lambda *a, **k: (calls.append(1), original(*a, **k)))
    step_s = plot.scroll_step_px * plot.span_s / plot.getPlotItem().getViewBox().width()  # one redraw step
    now = round(now / step_s) * step_s  # on a step
    plot.refresh(model, now)
    plot.refresh(model, now + 0.2 * step_s)  # less than a step of scrolling
    assert len(calls) == 1
    plot.refresh(model, now + 1.0)  # ten pixels
    assert len(calls) == 2


@pytest.mark.parametrize("make", [lambda: PulsePlot(DARK), lambda: TachogramPlot(DARK),
                                  lambda: TrendPlot(DARK, 2, "RMSSD", "ms")])
def test_clear_leaves_no_sample_of_the_old_source(qtbot, make):
    plot = shown(qtbot, make())
    model, now = beats_model()
    fs = 100.0
    t = np.arange(int(8 * fs)) / fs + now - 8
    model.add(PipelineOutput(ppg=[PpgBlock(t, np.cos(t), fs)],
                             metrics=MetricsUpdate(now, hr_bpm=66.0, rmssd_ms=40.0, coherence_ratio=1.0, artifact_share=0.0)), 1000.0)
    plot.refresh(model, now)
    items = plot.drawn_items() if hasattr(plot, "drawn_items") else plot.getPlotItem().listDataItems()
    assert any(n_points(c) for c in items)
    plot.clear()
    assert items and all(n_points(c) == 0 for c in items)


def test_spectrum_of_an_old_source_is_cleared_when_the_new_one_has_too_few_beats(qtbot):
    plot = shown(qtbot, SpectrumPlot(DARK))
    model, _ = beats_model(n=200)
    assert plot.maybe_recompute(model, 0.0)
    assert n_points(plot.curve)
    assert not plot.maybe_recompute(LiveModel(), 10.0)
    assert n_points(plot.curve) == 0
    assert plot.message.isVisible()


def test_markers_scroll_with_the_beats_and_go_when_cleared(qtbot):
    plot = shown(qtbot, TachogramPlot(DARK))
    model, now = beats_model()
    plot.add_marker(now - 30.0, "N")
    plot.refresh(model, now)
    assert [m.value() for m in plot.markers] == [pytest.approx(-30.0)]
    plot.refresh(model, now + 200.0)  # scrolled out of the 90 s window
    assert plot.markers == []
    plot.add_marker(now, "N")
    plot.clear()
    assert plot.markers == []


def test_marker_labels_use_the_plot_type_size_presentation_included(qtbot):
    plot = shown(qtbot, TachogramPlot(DARK))
    plot.add_marker(1.0, "coach note")
    plot.set_theme(DARK, 17)  # presentation
    plot.add_marker(2.0, "N")
    assert [m.label.textItem.font().pointSizeF() for m in plot.markers] == [17.0, 17.0]


def test_a_kept_range_is_never_more_than_one_and_a_half_times_what_the_data_need(qtbot):
    plot = shown(qtbot, TachogramPlot(DARK))
    plot.setYRange(50, 74, padding=0)  # left over from a stretch of lower beats: 24 bpm tall
    model, now = beats_model()  # 62-70 bpm: needs 13 bpm (10 bpm minimum span, 15 % pad)
    plot.refresh(model, now)
    lo, hi = plot.viewRange()[1]
    assert hi - lo <= 1.5 * 13.0 + 1e-6


def test_column_min_max_keeps_every_columns_extremes_in_time_order_like_a_plain_loop():
    from biofeedback.ui.plots import column_min_max

    rng = np.random.default_rng(3)
    x = np.sort(rng.uniform(-9.0, 0.5, 4500))
    y = rng.normal(0, 1, x.size)
    y[2000] = 50.0  # one-sample spike (a peak must never be decimated away)
    width = 0.02
    xs, ys = column_min_max(x, y, width)
    assert ys.max() == 50.0 and np.all(np.diff(xs) >= 0)  # time order kept
    # reference: one column at a time, its min and max sample in time order (a lone sample once)
    want_x, want_y = [], []
    col = np.floor(x / width)
    for c in np.unique(col):
        run_x, run_y = x[col == c], y[col == c]
        keep = sorted({int(run_y.argmin()), int(run_y.argmax())})
        want_x += list(run_x[keep])
        want_y += list(run_y[keep])
    assert np.array_equal(xs, want_x) and np.array_equal(ys, want_y)
    assert len(xs) <= 2 * len(np.unique(col))
    slow_x = np.arange(50) * 0.05  # fewer samples than columns: every sample as it is
    assert np.array_equal(column_min_max(slow_x, y[:50], width)[1], y[:50])


def test_column_bins_fed_in_chunks_equal_binning_the_whole_span_every_time():
    """What the pulse wave draws frame by frame (new samples binned, old columns kept and dropped)
    must be the curve binning every sample in view at once gives."""
    from biofeedback.ui.plots import ColumnBins, column_min_max

    rng = np.random.default_rng(7)
    fs, width, span = 500.0, 8.0 / 450, 8.0
    t = 1234.5 + np.arange(int(30 * fs)) / fs
    y = np.sin(2 * np.pi * 1.2 * t) + rng.normal(0, 0.05, t.size)
    bins = ColumnBins(width)
    i = 0
    for n in rng.integers(0, 40, 600):  # chunks of 0 to 40 samples, a frame at a time
        if i >= t.size:
            break
        bins.add(t[i : i + n], y[i : i + n])
        i += n
        now = t[min(i, t.size) - 1]
        bins.drop_before(now - span)
        first = np.floor((now - span) / width)
        shown = np.floor(t[:i] / width) >= first
        want = column_min_max(t[:i][shown], y[:i][shown], width)
        got = bins.points()
        assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1]), i


def test_the_pulse_wave_drawn_frame_by_frame_is_the_one_drawn_at_once(qtbot):
    """Scrolled and binned as samples come (30 frames a second), the curve on screen equals the curve
    of a fresh view that bins all of them in one go."""
    plot = shown(qtbot, PulsePlot(DARK), w=800)
    model = LiveModel()
    fs = 500.0
    rng = np.random.default_rng(2)
    t0 = 50.0
    for k in range(300):  # 10 s at 30 frames a second
        t = t0 + (np.arange(17) + 17 * k) / fs
        model.add(PipelineOutput(ppg=[PpgBlock(t, np.sin(2 * np.pi * 1.1 * t) + rng.normal(0, 0.02, t.size), fs)]),
                  host_t_s=100.0 + k / 30)
        plot.refresh(model, float(t[-1]) + 0.01)
    later_s = 2 * plot.scroll_step_px / plot.px_per_s()  # two steps on: the last samples drawn
    now = float(t[-1]) + 0.01 + later_s
    plot.refresh(model, now)
    fresh = shown(qtbot, PulsePlot(DARK), w=800)
    fresh.refresh(model, now)
    x, y = plot.curve.getData()
    fx, fy = fresh.curve.getData()
    assert len(x) > 100 and np.array_equal(y, fy) and np.allclose(x, fx, rtol=0, atol=1e-9)
    assert x[0] < -plot.span_s + 0.05 and x[-1] > -0.05 - later_s  # the whole view, left edge to now


def test_the_ranges_percentiles_are_numpys():
    from biofeedback.ui.plots import _percentiles

    rng = np.random.default_rng(0)
    for n in (1, 2, 3, 10, 101, 4000):
        v = rng.normal(size=n)
        for p in ((2, 98), (1, 99), (0, 100), (50, 50)):
            assert np.allclose(_percentiles(v, p), np.percentile(v, p), rtol=0, atol=1e-12), (n, p)


def test_a_range_at_its_minimum_span_does_not_follow_every_drift_of_data_that_still_fit():
    from biofeedback.ui.plots import range_and_data, sticky_range

    values = 44.0 + 0.5 * np.sin(np.arange(60) / 5.0)  # RMSSD varying less than the 20 ms minimum span
    current, _ = range_and_data(values, config.PLOT_MIN_SPAN_RMSSD_MS, floor=0.0)
    for drift in np.arange(0.03, 3.0, 0.03):  # the middle drifts a little each second
        assert sticky_range(current, *range_and_data(values + drift, config.PLOT_MIN_SPAN_RMSSD_MS, floor=0.0)) is None
    moved = sticky_range(current, *range_and_data(values + 15.0, config.PLOT_MIN_SPAN_RMSSD_MS, floor=0.0))
    assert moved is not None and moved[0] <= 59.0 - 0.5 and moved[1] >= 59.5  # data out of view: it follows


def test_an_ecgs_r_peaks_stay_in_view_though_they_are_under_one_percent_of_samples(qtbot):
    plot = shown(qtbot, PulsePlot(DARK))
    fs = 130.0  # a Polar H10's ECG: an R peak is one or two samples of each ~115
    t = np.arange(int(12 * fs)) / fs
    wave = 40.0 * np.sin(2 * np.pi * 0.25 * t) + 5.0 * np.random.default_rng(3).standard_normal(t.size)
    r_at = np.arange(40, t.size, 117)
    wave[r_at] += 1200.0
    model = LiveModel()
    model.add(PipelineOutput(ppg=[PpgBlock(t, wave, fs)], detections_t_s=list(t[r_at])), host_t_s=100.0)
    plot.refresh(model, float(t[-1]))
    lo, hi = plot.viewRange()[1]
    _, marks_y = plot.marks.getData()
    assert len(marks_y) >= 8 and np.all((marks_y > lo) & (marks_y < hi))  # every marked beat's dot is drawn
    assert hi - lo < 2 * (np.ptp(wave) + 100)  # and the wave is not squashed for it


def test_on_a_low_plot_the_top_beat_dot_is_drawn_whole(qtbot):
    """At 1366x768 the pulse plot is about 60 px high: 5 % of the span was less than a dot's radius."""
    from biofeedback.ui.plots import PULSE_Y_RANGE_EVERY_S

    plot = shown(qtbot, PulsePlot(DARK), h=90)
    fs = 100.0
    t = np.arange(int(10 * fs)) / fs
    wave = 500.0 + 300.0 * np.sin(2 * np.pi * 1.1 * t) ** 9  # sharp peaks: the marks are the wave's top
    peaks_t = (0.25 + np.arange(11)) / 1.1  # sin(2 pi 1.1 t) = 1
    model = LiveModel()
    model.add(PipelineOutput(ppg=[PpgBlock(t, wave, fs)], detections_t_s=list(peaks_t[peaks_t < t[-1]])),
              host_t_s=100.0)
    for step in range(3):  # the range is looked at again every PULSE_Y_RANGE_EVERY_S
        plot.refresh(model, float(t[-1]) + step * (PULSE_Y_RANGE_EVERY_S + 0.01))
    lo, hi = plot.viewRange()[1]
    _, marks_y = plot.marks.getData()
    height_px = plot.getPlotItem().getViewBox().height()
    assert len(marks_y) >= 8 and height_px < 80
    top_gap_px = (hi - marks_y.max()) / (hi - lo) * height_px
    assert top_gap_px >= plot.marks.size_px / 2, (top_gap_px, height_px)
