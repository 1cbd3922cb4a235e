"""The live spectrum's band names (VLF, LF, HF) and the pacer's name never touch each other nor sit
across the pacer's line, at the window's smallest size (1366x768: the plot ~200 px wide) and a wide one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from test_plots_ranges import beats_model, shown

from biofeedback.ui.analysis_plots import SpectrumPlot
from biofeedback.ui.theme import DARK


def _rects(plot: SpectrumPlot):
    """Each name's box (its text, no margin) less half a pixel on each side: boxes may touch."""
    items = [(label.textItem.toPlainText(), label) for _, label in plot.band_labels] + [("pacer", plot.pacer_label)]
    return [(name, item.sceneBoundingRect().adjusted(0.5, 0.5, -0.5, -0.5)) for name, item in items]


@pytest.mark.parametrize(("w", "h"), [(205, 150), (900, 300)])
@pytest.mark.parametrize("rate_bpm", [5.5, 6.0, 2.4, 9.0])
def test_band_names_and_the_pacer_name_stay_apart_and_off_the_pacer_line(qtbot, w, h, rate_bpm):
    plot = shown(qtbot, SpectrumPlot(DARK), w, h)
    model, _ = beats_model(n=200)
    assert plot.maybe_recompute(model, 0.0)
    plot.set_pacer_rate(rate_bpm)
    rects = _rects(plot)
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            assert not ra.intersects(rb), f"{a} touches {b} at {w}x{h}"
    view = plot.getPlotItem().getViewBox()
    line_x = view.mapViewToScene(QPointF(rate_bpm / 60.0, 0.0)).x()
    for name, rect in rects[:3]:
        assert not rect.left() < line_x < rect.right(), f"the pacer's line crosses {name}"
    assert all(view.sceneBoundingRect().contains(rect.center()) for _, rect in rects)  # in the plot, not beyond
