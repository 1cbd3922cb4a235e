"""Live pulse wave and HR tachogram with the pacer's breathing curve.

Views read windows of the LiveModel's ring buffers on the redraw timer;
x axes are seconds before "now" on the device clock, so they scroll smoothly.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from biofeedback import config
from biofeedback.app.live_model import LiveModel
from biofeedback.ui.theme import Theme, point_font, style_plot


def _sticky_range(current: tuple[float, float], lo: float, hi: float, pad: float) -> tuple[float, float] | None:
    """New y range only when the data leave the current one or fill under half of it.

    Changing the range re-lays out the axis ticks, the costliest part of a
    pyqtgraph frame, so it should not happen on every redraw.
    """
    c_lo, c_hi = current
    need = hi - lo + 2 * pad
    if lo >= c_lo and hi <= c_hi and (c_hi - c_lo) <= 2.0 * need:
        return None
    return lo - pad, hi + pad


def _window(rows: np.ndarray, now_s: float, span_s: float) -> np.ndarray:
    if not len(rows):
        return rows
    start = np.searchsorted(rows[:, 0], now_s - span_s, side="left")
    return rows[max(start - 1, 0) :]


class PulsePlot(pg.PlotWidget):
    """Raw pulse wave of the last seconds, detected beats marked."""

    def __init__(self, theme: Theme, font_pt: int = 10) -> None:
        super().__init__()
        self.span_s = config.GUI_PULSE_WINDOW_S
        item = self.getPlotItem()
        item.setTitle("Pulse wave (raw sensor units), beats marked")
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.getAxis("left").setStyle(showValues=False)
        item.setLabel("bottom", "seconds")
        self.curve = item.plot([], [])
        # ~4000 samples at 500 Hz over ~1000 px: peak-decimate to the pixels (keeps the shape)
        self.curve.setDownsampling(auto=True, method="peak")
        self.curve.setClipToView(True)
        self.marks = pg.ScatterPlotItem(size=9, symbol="o")
        item.addItem(self.marks)
        self.setXRange(-self.span_s, 0, padding=0)
        self.empty = pg.TextItem("no pulse wave from this source", anchor=(0.5, 0.5))
        item.addItem(self.empty)
        self.empty.setPos(-self.span_s / 2, 0)
        self.set_theme(theme, font_pt)

    def set_theme(self, theme: Theme, font_pt: int) -> None:
        self.setBackground(theme.background)
        style_plot(self.getPlotItem(), theme, font_pt)
        self.curve.setPen(pg.mkPen(theme.accent, width=1))  # 1 px: Qt's fast line path
        self.marks.setBrush(pg.mkBrush(theme.beat))
        self.marks.setPen(pg.mkPen(None))
        self.empty.setColor(theme.muted)
        self.empty.setFont(point_font(font_pt))

    def refresh(self, model: LiveModel, now_s: float | None) -> None:
        ppg = model.ppg.view()
        if now_s is None or not len(ppg):
            self.empty.setVisible(True)
            return
        self.empty.setVisible(False)
        ppg = _window(ppg, now_s, self.span_s + 0.5)
        x = ppg[:, 0] - now_s
        self.curve.setData(x, ppg[:, 1])
        # raw detections mark a pulse as soon as it is found; corrected beats lag by the
        # artifact stage's look-ahead (sources without a PPG detector have only those)
        marked = model.detections.view() if len(model.detections.view()) else model.beats.view()
        beats = _window(marked, now_s, self.span_s + 0.5)
        if len(beats) and len(ppg) > 1:
            bx = beats[:, 0]
            by = np.interp(bx, ppg[:, 0], ppg[:, 1])
            keep = bx >= ppg[0, 0]
            self.marks.setData(bx[keep] - now_s, by[keep])
        else:
            self.marks.setData([], [])
        lo, hi = (float(ppg[:, 1].min()), float(ppg[:, 1].max())) if len(ppg) > 10 else (0.0, 1.0)
        new = _sticky_range(tuple(self.viewRange()[1]), lo, hi, 0.15 * max(hi - lo, 1e-9))
        if new is not None:
            self.setYRange(*new, padding=0)


class TachogramPlot(pg.PlotWidget):
    """Beat-to-beat heart rate with the pacer's breathing guide drawn on the same axis.

    The guide (0..1) is scaled onto the visible HR range and labelled as
    such: its height is not a heart rate, only its timing matters.
    """

    def __init__(self, theme: Theme, font_pt: int = 10) -> None:
        super().__init__()
        self.span_s = config.GUI_TACHOGRAM_WINDOW_S
        item = self.getPlotItem()
        item.setTitle(
            f"Heart rate, beat to beat (bpm), last {self.span_s:.0f} s; "
            "breathing guide scaled (up = inhale)"
        )
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.setLabel("left", "bpm")
        item.setLabel("bottom", "seconds")
        item.showGrid(x=False, y=True, alpha=0.15)
        self.guide = item.plot([], [])
        self.hr = item.plot([], [])
        self.corrected = pg.ScatterPlotItem(size=8, symbol="x")
        item.addItem(self.corrected)
        self.setXRange(-self.span_s, 0, padding=0)
        self.set_theme(theme, font_pt)

    def set_theme(self, theme: Theme, font_pt: int) -> None:
        self.setBackground(theme.background)
        style_plot(self.getPlotItem(), theme, font_pt)
        self.hr.setPen(pg.mkPen(theme.heart, width=3))
        self.hr.setSymbol("o")
        self.hr.setSymbolSize(5)
        self.hr.setSymbolBrush(pg.mkBrush(theme.heart))
        self.hr.setSymbolPen(pg.mkPen(None))
        guide = pg.mkColor(theme.accent)
        guide.setAlpha(200)
        self.guide.setPen(pg.mkPen(guide, width=2))
        self.corrected.setPen(pg.mkPen(theme.warn, width=2))

    def refresh(self, model: LiveModel, now_s: float | None) -> None:
        beats = model.beats.view()
        if now_s is None or not len(beats):
            return
        beats = _window(beats, now_s, self.span_s)
        x = beats[:, 0] - now_s
        hr = 60000.0 / beats[:, 1]
        self.hr.setData(x, hr)
        corr = beats[:, 2] > 0
        self.corrected.setData(x[corr], hr[corr])
        lo, hi = float(np.min(hr)), float(np.max(hr))
        mid, half = (lo + hi) / 2, max((hi - lo) / 2, 5.0)
        new = _sticky_range(tuple(self.viewRange()[1]), mid - half, mid + half, 0.15 * half)
        if new is not None:
            self.setYRange(*new, padding=0)
        lo, hi = self.viewRange()[1]
        trace = _window(model.pacer_on_device_clock(), now_s, self.span_s)
        if len(trace):
            y = lo + trace[:, 1] * (hi - lo)
            self.guide.setData(trace[:, 0] - now_s, y)
