"""Trends of RMSSD and coherence, and the live spectrum with the HRV bands shaded."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from biofeedback import config
from biofeedback.app.live_model import LiveModel
from biofeedback.ui.i18n import translate
from biofeedback.ui.plots import cache_axes, fast_curve, range_and_data, sticky_range, unwrap_clear
from biofeedback.ui.theme import Theme, point_font, style_plot

# per metrics column: minimum y span (noise must not look like a decline), and 0 as the floor
TREND_MIN_SPAN = {2: config.PLOT_MIN_SPAN_RMSSD_MS, 3: config.PLOT_MIN_SPAN_COHERENCE}


def _setup(item: pg.PlotItem, title: str) -> None:
    item.setTitle(title)
    item.hideButtons()
    item.setMenuEnabled(False)
    item.setMouseEnabled(x=False, y=False)
    item.showGrid(x=False, y=True, alpha=0.15)


class TrendPlot(pg.PlotWidget):
    """One metric over the last minutes (each point computed on its own trailing window).

    The y range follows the 2-98th percentiles with a minimum span and 0 as
    the floor, so one bad window (RMSSD of 1500 ms from a missed artifact)
    does not flatten the minutes of real values around it.
    """

    def __init__(self, theme: Theme, column: int, title: str, unit: str, font_pt: int = 10) -> None:
        super().__init__()
        unwrap_clear(self)
        self.column = column
        self.span_s = config.GUI_TREND_WINDOW_S
        item = self.getPlotItem()
        _setup(item, title)
        item.setLabel("left", unit)
        item.setLabel("bottom", translate("Plots", "minutes"))
        cache_axes(item)
        self.curve = fast_curve(item, method="mean")
        self.setXRange(-self.span_s / 60, 0, padding=0.02)
        self._color_name = "rmssd" if column == 2 else "coherence"
        self._drawn_key: tuple | None = None
        self.clear()
        self.set_theme(theme, font_pt)

    def clear(self) -> None:
        """Forget everything drawn (a new source starts from an empty view)."""
        self.curve.setData([], [])
        self.setYRange(0, TREND_MIN_SPAN.get(self.column, 1.0), padding=0)
        self._drawn_key = None

    def set_theme(self, theme: Theme, font_pt: int) -> None:
        self.setBackground(theme.background)
        style_plot(self.getPlotItem(), theme, font_pt)
        self.curve.setPen(pg.mkPen(getattr(theme, self._color_name), width=2.5))

    def refresh(self, model: LiveModel, now_s: float | None) -> None:
        if now_s is None or not len(model.metrics):
            return
        px_per_s = max(self.getPlotItem().getViewBox().width(), 1.0) / self.span_s
        key = (id(model), model.metrics.written, round(now_s * px_per_s))
        if key == self._drawn_key:
            return  # no new value and not a pixel of scrolling (samples arriving do not count)
        self._drawn_key = key
        rows = model.metrics.since(now_s - self.span_s)
        rows = rows[rows[:, 0] >= now_s - self.span_s]
        ok = np.isfinite(rows[:, self.column])
        if ok.any():
            values = rows[ok, self.column]
            self.curve.setData((rows[ok, 0] - now_s) / 60.0, values)
            found = range_and_data(values, TREND_MIN_SPAN.get(self.column, 1.0), floor=0.0)
            changed = sticky_range(tuple(self.viewRange()[1]), *found) if found else None
            if changed is not None:
                self.setYRange(*changed, padding=0)


LABEL_GAP_PX = 3  # between a band's name and its edge, another name or the pacer's line


class SpectrumPlot(pg.PlotWidget):
    """Welch spectrum of the last LIVE_SPECTRUM_WINDOW_S of beats, 0-0.5 Hz.

    Bands after the Task Force (1996): VLF, LF, HF shaded; the pacer's rate
    marked as a vertical line (6 breaths/min = 0.1 Hz). Recomputed at most
    every GUI_SPECTRUM_EVERY_S, never per frame.
    """

    def __init__(self, theme: Theme, font_pt: int = 10) -> None:
        super().__init__()
        unwrap_clear(self)
        item = self.getPlotItem()
        self.title = translate("Plots", "HR spectrum, last {seconds} s").format(
            seconds=f"{config.LIVE_SPECTRUM_WINDOW_S:.0f}")
        self.waiting = False  # beats stopped: the title says the spectrum is of the beats before
        _setup(item, self.title)
        item.setLabel("left", "ms²/Hz")
        item.setLabel("bottom", "Hz")
        item.getAxis("left").enableAutoSIPrefix(False)
        item.getAxis("bottom").enableAutoSIPrefix(False)
        self.regions = []
        self.band_labels = []
        for name, band in (
            ("VLF", (0.0, config.VLF_BAND_HZ[1])),
            ("LF", config.LF_BAND_HZ),
            ("HF", config.HF_BAND_HZ),
        ):
            region = pg.LinearRegionItem(values=band, movable=False)
            region.setZValue(-10)
            item.addItem(region)
            label = pg.TextItem(name, anchor=(0.0, 0))  # at the band's left edge, clear of the pacer line
            label.textItem.document().setDocumentMargin(0)  # its box is its text: names fit a ~200 px plot
            item.addItem(label)
            self.regions.append((name, region))
            self.band_labels.append((band, label))
        self.curve = item.plot([], [], antialias=False)
        self.pacer_line = pg.InfiniteLine(angle=90, movable=False)
        item.addItem(self.pacer_line)
        self.pacer_label = pg.TextItem(translate("Plots", "pacer"), anchor=(0, 0))
        self.pacer_label.textItem.document().setDocumentMargin(0)
        item.addItem(self.pacer_label)
        self.setXRange(0, config.GUI_SPECTRUM_MAX_HZ, padding=0)
        self.setYRange(0, 1, padding=0)
        self.last_compute_s: float | None = None
        self.message = pg.TextItem(translate("Plots", "collecting beats…"), anchor=(0.5, 0.5))
        item.addItem(self.message)
        self.message.setPos(0.25, 0.5)
        self.y_top = 1.0
        self.set_theme(theme, font_pt)
        item.getViewBox().sigResized.connect(self._place_labels)  # the labels' room is counted in pixels

    def set_theme(self, theme: Theme, font_pt: int) -> None:
        self.setBackground(theme.background)
        self.theme, self.font_pt = theme, font_pt
        style_plot(self.getPlotItem(), theme, font_pt)
        for name, region in self.regions:
            color = pg.mkColor(getattr(theme, name.lower()))
            color.setAlpha(200)
            region.setBrush(pg.mkBrush(color))
            for line in region.lines:
                line.setPen(pg.mkPen(None))
        for _, label in self.band_labels:
            label.setColor(theme.text)
            label.setFont(point_font(font_pt, bold=True))
        self.pacer_label.setFont(point_font(font_pt))
        self.message.setFont(point_font(font_pt))
        self.curve.setPen(pg.mkPen(theme.heart, width=2.5))
        self.pacer_line.setPen(pg.mkPen(theme.accent, width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.pacer_label.setColor(theme.accent)
        self.message.setColor(theme.muted)
        self._place_labels()  # a new font size: new widths

    def clear(self) -> None:
        """Forget the last spectrum (a new source starts with "collecting beats…")."""
        self.curve.setData([], [])
        self.y_top = 1.0
        self.setYRange(0, 1, padding=0)
        self.message.setVisible(True)
        self.last_compute_s = None
        self._place_labels()

    def set_waiting(self, on: bool) -> None:
        """Beats stopped (True) or arrive (False): the title says so, the last spectrum stays to read."""
        if on == self.waiting:
            return
        self.waiting = on
        stopped = translate("Plots", "— before the beats stopped")  # outside the f-string, where lupdate finds it
        title = self.title + (f' <span style="color: {self.theme.warn}">{stopped}</span>' if on else "")
        self.getPlotItem().setTitle(title, size=f"{self.font_pt + 1}pt", color=self.theme.muted)

    def set_pacer_rate(self, rate_bpm: float) -> None:
        self.pacer_line.setPos(rate_bpm / 60.0)
        self._place_labels()

    def _place_labels(self) -> None:
        """Each band's name at its band's left edge, on the top line unless it would touch a name already
        placed there (then a line lower), and beside the pacer's line when that would cross it (ending
        before it where the name still starts inside its band, else starting after it); the pacer's own
        name a line below the lowest. Measured in pixels: at 1366x768 the plot is ~200 px wide and
        VLF's band ~16 px, narrower than the word, so "VLF" and "LF" overlapped when placed in Hz."""
        px_w, px_h = self.getPlotItem().getViewBox().viewPixelSize()
        if not (np.isfinite(px_w) and np.isfinite(px_h)) or px_w <= 0 or px_h <= 0:
            return
        pacer_hz, gap_hz = float(self.pacer_line.value()), LABEL_GAP_PX * px_w
        line_h = max(label.textItem.boundingRect().height() for _, label in self.band_labels) * px_h
        taken: list[tuple[int, float, float]] = []  # (line, left, right) in Hz
        for band, label in sorted(self.band_labels, key=lambda b: b[0][0] == 0.0):  # VLF, the narrowest, last
            width_hz = label.textItem.boundingRect().width() * px_w
            left = band[0] + gap_hz
            if left - gap_hz < pacer_hz < left + width_hz + gap_hz:  # the line would cross it: beside the
                before = pacer_hz - gap_hz - width_hz  # line, still starting inside its own band
                left = before if band[0] <= before else pacer_hz + gap_hz
            line = 0
            while any(n == line and left < r + gap_hz and lo < left + width_hz + gap_hz for n, lo, r in taken):
                line += 1
            taken.append((line, left, left + width_hz))
            label.setPos(left, self.y_top - line * line_h)
        self.pacer_label.setPos(pacer_hz + gap_hz, self.y_top - (1 + max(n for n, _, _ in taken)) * line_h)

    def maybe_recompute(self, model: LiveModel, wall_s: float) -> bool:
        """Recompute if GUI_SPECTRUM_EVERY_S passed; returns True when redrawn."""
        if self.last_compute_s is not None and wall_s - self.last_compute_s < config.GUI_SPECTRUM_EVERY_S:
            return False
        self.last_compute_s = wall_s
        beats = model.beats.view()
        if len(beats) >= 2:
            beats = beats[beats[:, 0] >= beats[-1, 0] - config.LIVE_SPECTRUM_WINDOW_S]
        if len(beats) < 20 or beats[-1, 0] - beats[0, 0] < 30.0:
            if self.curve.getOriginalDataset()[0] is not None and len(self.curve.getOriginalDataset()[0]):
                stamp = self.last_compute_s
                self.clear()  # a spectrum of another source or an earlier minute must not stay
                self.last_compute_s = stamp
            return False
        from biofeedback.core.hrv.time_domain import spectrum

        spec = spectrum(beats[:, 0], beats[:, 1])
        f = np.asarray(spec.freqs_hz)
        keep = f <= config.GUI_SPECTRUM_MAX_HZ
        psd = np.asarray(spec.psd_ms2_per_hz)[keep]
        if not len(psd):
            return False
        self.curve.setData(f[keep], psd)
        self.y_top = float(np.nanmax(psd)) * 1.15 or 1.0
        self.setYRange(0, self.y_top, padding=0)
        self.message.setVisible(False)
        self._place_labels()
        return True
