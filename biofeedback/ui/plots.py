"""Live pulse wave and HR tachogram with the pacer's breathing curve.

Views read windows of the LiveModel's ring buffers on the redraw timer;
x axes are seconds before "now" on the device clock, so they scroll smoothly.
Y ranges follow the data robustly (percentiles of clean beats, a minimum
span, see ``robust_range``), so one outlier never stretches an axis; curves
draw at most one point per pixel (peak downsampling, clipped to the view);
a view whose data and scroll position did not change is not redrawn.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap, QResizeEvent, QTransform
from PySide6.QtWidgets import QGraphicsItem

from biofeedback import config
from biofeedback.app.live_model import LiveModel, hr_line
from biofeedback.core.beats.provisional import CHANGED
from biofeedback.ui.i18n import translate
from biofeedback.ui.plot_items import CurveItem, DotsItem, SymbolItem, _ViewItem
from biofeedback.ui.theme import Theme, blend, point_font, style_plot

# peak downsampling keeps a min and a max per bin: bins of 2 px give one point per pixel
POINTS_PER_PX_FACTOR = 0.5
STICKY_MAX_SLACK = 1.5  # a kept y range is at most this many times what the data need
MARK_PAD_SHARE = 0.05  # room above a marked beat's dot (a share of the data's span)
PULSE_Y_RANGE_EVERY_S = 0.25  # the pulse's y range follows the data at this pace (a percentile of ~4000 samples)
SHORT_TITLE_FROM_PT = 13  # presentation type: the tachogram's title in its short form, so it fits
GUIDE_ALPHA = 200 / 255  # the pacer guide's share over the background (an opaque mix of the two)


def robust_range(
    values: np.ndarray,
    min_span: float,
    percentiles: tuple[float, float] = config.PLOT_RANGE_PERCENTILES,
    pad_share: float = 0.1,
    floor: float | None = None,
) -> tuple[float, float] | None:
    """A y range covering the ``percentiles`` of the finite ``values``, at least ``min_span`` wide.

    The span is widened about the middle when the data vary less than
    ``min_span`` (noise must not look like a swing), padded by ``pad_share``
    of the span on each side, and never extends below ``floor``.
    None without any finite value.
    """
    found = range_and_data(values, min_span, percentiles, pad_share, floor)
    return None if found is None else found[0]


def range_and_data(
    values: np.ndarray,
    min_span: float,
    percentiles: tuple[float, float] = config.PLOT_RANGE_PERCENTILES,
    pad_share: float = 0.1,
    floor: float | None = None,
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """``robust_range`` and the span of the data it covers (the ``percentiles``, unpadded)."""
    v = np.asarray(values, float).ravel()
    v = v[np.isfinite(v)]
    if not v.size:
        return None
    data = lo, hi = _percentiles(v, percentiles)
    if hi - lo < min_span:
        mid = (lo + hi) / 2
        lo, hi = mid - min_span / 2, mid + min_span / 2
    pad = pad_share * (hi - lo)
    lo, hi = lo - pad, hi + pad
    if floor is not None and lo < floor:
        hi, lo = hi + (floor - lo), floor
    return (lo, hi), data


def _percentiles(v: np.ndarray, percentiles: tuple[float, float]) -> tuple[float, float]:
    """``np.percentile(v, percentiles)`` (linear interpolation) by one partial sort: the same values,
    without its general machinery (a view redraws a few times a second)."""
    at = [p / 100.0 * (v.size - 1) for p in percentiles]
    below = [int(np.floor(a)) for a in at]
    kth = sorted({k for b in below for k in (b, min(b + 1, v.size - 1))})
    part = np.partition(v, kth)
    out = []
    for a, b in zip(at, below, strict=True):
        lo, hi = float(part[b]), float(part[min(b + 1, v.size - 1)])
        out.append(lo + (a - b) * (hi - lo))
    return out[0], out[1]


def sticky_range(current: tuple[float, float], new: tuple[float, float],
                 data: tuple[float, float] | None = None) -> tuple[float, float] | None:
    """``new`` only when the data leave the current range or fill under 1/STICKY_MAX_SLACK of
    what ``new`` spans (else None: the current range stays).

    ``data``: the span of the data ``new`` was made for (``range_and_data``); without it, ``new``
    itself must lie in the current range. Changing the range re-lays out the axis ticks and
    redraws the plot's picture, so it should not happen on every redraw; with ``data`` a range at
    its minimum span does not follow every drift of the middle of data that still fit in it.
    """
    c_lo, c_hi = current
    lo, hi = new
    d_lo, d_hi = new if data is None else data
    if d_lo >= c_lo and d_hi <= c_hi and (c_hi - c_lo) <= STICKY_MAX_SLACK * (hi - lo):
        return None
    return lo, hi


def fast_curve(item: pg.PlotItem, method: str = "peak") -> pg.PlotDataItem:
    """A curve that draws at most one point per pixel of the visible x range.

    ``peak`` keeps each bin's min and max (a waveform keeps its shape); ``mean``
    averages (a trend stays a line instead of a band of min/max spikes).
    """
    curve = item.plot([], [], antialias=False)  # sharp, as live curves always were (whatever the defaults)
    curve.setDownsampling(auto=True, method=method)
    curve.opts["autoDownsampleFactor"] = POINTS_PER_PX_FACTOR
    curve.setClipToView(True)
    return curve


def column_min_max(t: np.ndarray, v: np.ndarray, width_s: float) -> tuple[np.ndarray, np.ndarray]:
    """The samples cut into columns ``width_s`` wide in absolute time (column ``floor(t / width_s)``),
    each column kept as its min and max sample.

    The two points of a column keep their own times and their order, so the
    curve is the waveform with every peak and trough (no saw-tooth between
    them); a column of one sample keeps it, one of two keeps both. Columns of
    2 px draw one point per pixel, and a curve costs the same at 50 Hz or
    500 Hz (pyqtgraph's peak downsampling, without its per-frame
    bookkeeping). As the columns lie on the time axis, not on the view, a
    column's points never change once a later sample arrived (ColumnBins).
    ``t`` must be sorted.
    """
    t = np.asarray(t, float)
    v = np.asarray(v, float)
    idx, _, _ = _column_extremes(t, v, width_s)
    return t[idx], v[idx]


def _column_extremes(t: np.ndarray, v: np.ndarray, width_s: float) -> tuple[np.ndarray, int, int]:
    """``column_min_max``'s samples as indices into ``t``; the index of the newest column's first
    sample and how many of the indices are that column's (the last ones)."""
    n = len(t)
    if n < 2:
        return np.arange(n), 0, n
    col = np.floor(t / width_s)
    starts = (col[1:] != col[:-1]).nonzero()[0] + 1  # where a column begins, after the first
    n_cols = len(starts) + 1
    last = int(starts[-1]) if n_cols > 1 else 0
    if n_cols == n:  # one sample a column (a slow wave): every sample as it is
        return np.arange(n), last, 1
    order = np.lexsort((v, col))  # by column, then value: a column's min first, its max last
    at = np.empty(2 * n_cols, np.intp)  # each column's first and last place in ``order``
    at[0], at[2::2], at[1:-1:2], at[-1] = 0, starts, starts - 1, n - 1
    ends = order[at].reshape(n_cols, 2)
    ends.sort(axis=1)  # the min and the max in time order
    idx = ends.ravel()
    keep = np.empty(len(idx), bool)
    keep[0] = True
    np.not_equal(idx[1:], idx[:-1], out=keep[1:])  # a lone sample once (its min is its max)
    return idx[keep], last, 2 if n - last > 1 else 1


class ColumnBins:
    """``column_min_max`` of a wave kept up to date as samples arrive, without binning the view again.

    Completed columns are binned once and kept; only the newest column, which
    the next samples may still join, is binned again with them. Columns older
    than the view are dropped. ``points()`` equals ``column_min_max`` of every
    sample added since the oldest column kept.
    """

    def __init__(self, width_s: float) -> None:
        self.width_s = float(width_s)
        self._x: np.ndarray = np.empty(0)  # the completed columns' points
        self._y: np.ndarray = np.empty(0)
        self._open_t: np.ndarray = np.empty(0)  # the newest column's samples
        self._open_v: np.ndarray = np.empty(0)
        self._open_x: np.ndarray = np.empty(0)  # and its points
        self._open_y: np.ndarray = np.empty(0)
        self._points: tuple[np.ndarray, np.ndarray] | None = None

    def add(self, t: np.ndarray, v: np.ndarray) -> None:
        """Samples later than every sample added before (sorted)."""
        if not len(t):
            return
        if len(self._open_t):
            t = np.concatenate((self._open_t, t))
            v = np.concatenate((self._open_v, v))
        idx, last, n_open = _column_extremes(t, v, self.width_s)
        done = len(idx) - n_open
        if done:
            self._x = np.concatenate((self._x, t[idx[:done]]))
            self._y = np.concatenate((self._y, v[idx[:done]]))
        self._open_t, self._open_v = t[last:], v[last:]
        self._open_x, self._open_y = t[idx[done:]], v[idx[done:]]
        self._points = None

    def drop_before(self, t_s: float) -> bool:
        """Forget the columns that end before ``t_s`` (the one holding ``t_s`` stays); True if any went."""
        first = np.floor(t_s / self.width_s)
        x = self._x
        dropped = False
        if len(x) and np.floor(x[0] / self.width_s) < first:
            i = int(np.searchsorted(np.floor(x / self.width_s), first, side="left"))
            self._x, self._y = x[i:], self._y[i:]
            dropped = True
        if len(self._open_t) and np.floor(self._open_t[-1] / self.width_s) < first:
            self._open_t = self._open_v = self._open_x = self._open_y = np.empty(0)
            dropped = True
        if dropped:
            self._points = None
        return dropped

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """(t, v) of every column kept, the newest one as far as it came."""
        if self._points is None:
            self._points = (np.concatenate((self._x, self._open_x)), np.concatenate((self._y, self._open_y)))
        return self._points


def cache_axes(item: pg.PlotItem) -> None:
    """Keep each axis as a picture on screen, repainted only when its range or style changes.

    An axis's grid lines and inward ticks reach into the plot area, so every
    redraw of a curve repainted the axes too: pyqtgraph replays their recorded
    drawing (tick labels laid out again), 1-3 ms per axis per frame. Cached in
    device coordinates, that is a copy of pixels; the picture is redrawn when
    the axis calls ``update()`` (a new range, font or colour).
    """
    for name in ("left", "bottom"):
        item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def unwrap_clear(plot: pg.PlotWidget) -> None:
    """Let a view's own ``clear()`` (forget the data) win over PlotWidget's (remove every item).

    PlotWidget copies PlotItem.clear onto each instance; deleting that copy
    exposes the subclass method.
    """
    if "clear" in plot.__dict__:
        del plot.clear


def _shown_beats(model: LiveModel) -> np.ndarray:
    """Rows (t_s, rr_ms, changed): provisional beats at detection, replaced in place when corrected.

    ``core/beats/provisional.py``; "changed" marks a beat the corrector altered
    after it was drawn. Without detections (device beats) the corrected beats.
    Builds arrays from every shown beat: call it when ``model.beats_version`` changed.
    """
    t, hr, state = model.provisional.curve()
    if not t.size:
        return model.beats.view()
    return np.column_stack((t, 60000.0 / hr, (state == CHANGED).astype(float)))


def _window(rows: np.ndarray, now_s: float, span_s: float) -> np.ndarray:
    if not len(rows):
        return rows
    start = np.searchsorted(rows[:, 0], now_s - span_s, side="left")
    return rows[max(start - 1, 0) :]


class _LivePlot(pg.PlotWidget):
    """Shared by the live views: fixed x span, no mouse, redraw only on change.

    A frame paints a cached picture of everything but the data (background,
    axes, grid, title, the pulse's "no pulse wave" text, markers) and the
    view's own items over it (``drawn_items``, ui/plot_items.py), clipped to
    the plot area: a few QPainter calls instead of the scene's walk over
    every item with its Python callbacks. The picture is redrawn when what it
    shows changed: a new range or transform (axes, grid), a resize, the theme,
    text or markers (``invalidate_picture``). The data thus lie over the grid
    and the axes' inward ticks, where pyqtgraph drew those over the data.
    """

    span_s: float
    scroll_step_px = 1  # redrawn when it scrolled this many pixels (or its data changed)

    def __init__(self, title: str) -> None:
        super().__init__()
        unwrap_clear(self)
        item = self.getPlotItem()
        item.setTitle(title)
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.setLabel("bottom", translate("Plots", "seconds"))
        self._drawn_key: tuple | None = None
        self._picture: QPixmap | None = None
        self._data_area: QRect | None = None  # the plot area in the viewport
        self._data_clip = QRectF()  # the same, exact, and view coordinates to it: set with the picture
        self._data_transform = QTransform()
        self._px_per_s: float | None = None  # of scrolling
        # every pixel comes from the picture: nothing underneath needs painting first
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        box = item.getViewBox()
        for signal in (box.sigRangeChanged, box.sigTransformChanged, box.sigResized):
            signal.connect(self.invalidate_picture)

    def drawn_items(self) -> tuple[_ViewItem, ...]:
        raise NotImplementedError

    def _own_items(self) -> None:
        """The plot paints its items itself (call once they exist)."""
        for drawn in self.drawn_items():
            drawn.repaint_by_plot = self._repaint_data

    def _repaint_data(self) -> None:
        """Repaint the plot area (where the items draw), at the next paint pass."""
        if self._data_area is None:  # (computed again after a change of range, transform or size)
            box = self.getPlotItem().getViewBox()
            area = self.viewportTransform().mapRect(box.sceneBoundingRect()).toAlignedRect()
            self._data_area = area.adjusted(-1, -1, 1, 1)
        self.viewport().update(self._data_area)

    def invalidate_picture(self, *_args: object) -> None:
        """Axes, grid, title, text or markers changed: the next paint redraws all of the plot."""
        self._picture = None
        self._data_area = None
        self._px_per_s = None
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.invalidate_picture()

    def _render_picture(self) -> QPixmap:
        """Everything the scene shows but this view's own items, as the viewport shows it."""
        viewport = self.viewport()
        dpr = viewport.devicePixelRatioF()
        picture = QPixmap(max(round(viewport.width() * dpr), 1), max(round(viewport.height() * dpr), 1))
        picture.setDevicePixelRatio(dpr)
        picture.fill(pg.mkColor(self.backgroundBrush().color()))
        painter = QPainter(picture)
        self.render(painter, QRectF(0, 0, viewport.width(), viewport.height()), viewport.rect())
        painter.end()
        return picture

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        if self._picture is None:  # (every change of range, transform or size drops it)
            self.scene().prepareForPaint()  # a range set since the last paint reaches the transforms now
            self._picture = self._render_picture()
            box = self.getPlotItem().getViewBox()
            to_viewport = self.viewportTransform()
            self._data_clip = to_viewport.mapRect(box.sceneBoundingRect())
            self._data_transform = box.childGroup.deviceTransform(to_viewport)
        painter = QPainter(self.viewport())
        painter.drawPixmap(0, 0, self._picture)  # only the exposed part is copied (the paint's clip)
        painter.setClipRect(self._data_clip, Qt.ClipOperation.IntersectClip)
        painter.setTransform(self._data_transform)
        for drawn in self.drawn_items():
            if drawn.isVisible():
                drawn.draw(painter)
        painter.end()

    def _unchanged(self, model: LiveModel, data_version: object, now_s: float) -> bool:
        """True when neither the data this view draws nor the scroll position (in steps of
        ``scroll_step_px`` whole pixels) moved since the last draw."""
        key = (id(model), data_version, round(now_s * self.px_per_s() / self.scroll_step_px))
        if key == self._drawn_key:
            return True
        self._drawn_key = key
        return False

    def px_per_s(self) -> float:
        """Pixels a second of the x axis (kept until the range or size changes)."""
        if self._px_per_s is None:
            self._px_per_s = max(self.getPlotItem().getViewBox().width(), 1.0) / self.span_s
        return self._px_per_s

    def _set_y(self, found: tuple[tuple[float, float], tuple[float, float]] | None) -> None:
        """The y range of ``range_and_data``'s finding, if the current one does not do (sticky_range)."""
        if found is None:
            return
        changed = sticky_range(tuple(self.viewRange()[1]), *found)
        if changed is not None:
            self.setYRange(*changed, padding=0)


def _with_marks(found: tuple[tuple[float, float], tuple[float, float]] | None, marks_y: np.ndarray,
                dot_pad: float = 0.0) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """``found`` stretched so every marked beat is in view, its whole dot too.

    An ECG's R peaks are one or two samples a beat, under 2 % of them: the 99th
    percentile falls on their flanks and the tips would be cut off. ``dot_pad``: a dot's
    radius in data units; on a low plot it is more than MARK_PAD_SHARE of the span, and a
    dot at the top was cut in half (the data it must fit count it, so a range that holds the
    mark but not its dot is not kept).
    """
    if found is None or not marks_y.size:
        return found
    (lo, hi), (data_lo, data_hi) = found
    top, bottom = float(np.max(marks_y)) + dot_pad, float(np.min(marks_y)) - dot_pad
    pad = MARK_PAD_SHARE * (max(top, data_hi) - min(bottom, data_lo))
    return (min(lo, bottom - pad), max(hi, top + pad)), (min(data_lo, bottom), max(data_hi, top))


WAVE_TITLES = {"ppg": QT_TRANSLATE_NOOP("Plots", "Pulse wave (raw sensor units), beats marked"),
               "ecg": QT_TRANSLATE_NOOP("Plots", "ECG (µV), R peaks marked")}
# what a screen reader calls the view (ui/layout.py names the others)
WAVE_SPOKEN_NAMES = {"ppg": QT_TRANSLATE_NOOP("Window", "Pulse wave"), "ecg": QT_TRANSLATE_NOOP("Window", "ECG")}


class PulsePlot(_LivePlot):
    """Raw pulse wave of the last seconds, detected beats marked."""

    # Redrawn when it scrolled 2 px or a beat came, not for each frame's new samples (they wait for the
    # step, at most 2 px of the wave), at most GUI_PULSE_REDRAW_HZ (30 Hz): a plot ~400 px wide scrolls
    # ~2.4 px a 20 Hz frame, so it steps on every one of them, evenly (3 px steps came every one or two);
    # on a 30 Hz timer (a larger pacer) a plot wider than ~240 px steps on every frame too.
    scroll_step_px = 2

    def __init__(self, theme: Theme, font_pt: int = 10) -> None:
        self.span_s = config.GUI_PULSE_WINDOW_S
        super().__init__(translate("Plots", WAVE_TITLES["ppg"]))
        self.wave_kind = "ppg"
        item = self.getPlotItem()
        item.getAxis("left").setStyle(showValues=False)
        box = item.getViewBox()
        self.curve = CurveItem(box)  # ~4000 samples at 500 Hz: min/max per 2 px (ColumnBins)
        self._y_range_due_s = -np.inf  # the y range is reconsidered a few times a second, not every frame
        self.marks = DotsItem(box, 9)
        self._marks_key: tuple | None = None  # the beats the dots show, set again when a beat came
        self._marks_y = np.empty(0)
        self.setXRange(-self.span_s, 0, padding=0)
        self.empty = pg.TextItem(translate("Plots", "no pulse wave from this source"), anchor=(0.5, 0.5))
        item.addItem(self.empty)
        self._own_items()
        self.clear()
        self.set_theme(theme, font_pt)

    def drawn_items(self) -> tuple[CurveItem, DotsItem]:
        return self.curve, self.marks

    def show_wave_kind(self, kind: str) -> None:
        """Title the wave as what it is: a pulse wave, or a strap's ECG with its R peaks."""
        self.wave_kind = kind
        self.getPlotItem().titleLabel.setText(translate("Plots", WAVE_TITLES[kind]))  # (its size and colour kept)
        self.setAccessibleName(translate("Window", WAVE_SPOKEN_NAMES[kind]))
        self.invalidate_picture()

    def set_theme(self, theme: Theme, font_pt: int) -> None:
        self.setBackground(theme.background)
        style_plot(self.getPlotItem(), theme, font_pt)
        self.curve.setPen(pg.mkPen(theme.accent, width=1))  # 1 px: Qt's fast line path
        self.marks.setBrush(theme.beat)
        self.empty.setColor(theme.muted)
        self.empty.setFont(point_font(font_pt))
        self.invalidate_picture()

    def clear(self) -> None:
        """Forget everything drawn (a new source starts from an empty view)."""
        self.curve.clear()
        self.marks.clear()
        self.setYRange(0, 1, padding=0)
        self.empty.setPos(-self.span_s / 2, 0.5)
        self.empty.setVisible(True)
        self.invalidate_picture()
        self._drawn_key = None
        self._marks_key = None
        self._y_range_due_s = -np.inf
        self._bins: ColumnBins | None = None  # the curve's columns (device clock)
        self._bins_key: tuple | None = None
        self._fed = 0  # the ring's rows written when the columns last took samples
        self._fed_t_s = -np.inf  # the time of the last of them

    def refresh(self, model: LiveModel, now_s: float | None) -> None:
        if now_s is None or not len(model.ppg):
            if not self.empty.isVisible():
                self.clear()
            return
        if self._unchanged(model, (id(model.ppg), model.detections.written, model.beats.written), now_s):
            return
        if model.wave_kind != self.wave_kind:
            self.show_wave_kind(model.wave_kind)
        if self.empty.isVisible():
            self.empty.setVisible(False)
            self.invalidate_picture()
        ppg: np.ndarray | None = None  # the samples in view, read only when needed (a copy of ~4000 rows)

        def in_view() -> np.ndarray:
            nonlocal ppg
            if ppg is None:
                ppg = model.ppg.since(now_s - self.span_s - 0.5)
            return ppg

        points = self._follow_wave(model, now_s, in_view)
        if points is not None:
            self.curve.set_points(*points)  # (repaints the plot area)
        else:
            self._repaint_data()  # only scrolled
        self.curve.x_shift = now_s  # the points lie on the device clock: they scroll by the shift
        # raw detections mark a pulse as soon as it is found; corrected beats lag by the
        # artifact stage's look-ahead (sources without a PPG detector have only those)
        marked = model.detections if len(model.detections) else model.beats
        marks_key = (id(model), id(marked), marked.written)
        if marks_key != self._marks_key:  # a new beat: the dots are set again
            beats = marked.since(now_s - self.span_s - 0.5)
            self._marks_y = np.empty(0)
            wave = in_view() if len(beats) else None
            if wave is not None and len(wave) > 1:
                bx = beats[:, 0]
                keep = bx >= wave[0, 0]
                self._marks_y = np.interp(bx[keep], wave[:, 0], wave[:, 1])
                self.marks.set_points(bx[keep], self._marks_y)  # device time: they scroll by x_shift
            else:
                self.marks.clear()
            # (beats with no samples under them yet: looked at again with the next samples)
            self._marks_key = marks_key if wave is None or len(wave) > 1 else None
        self.marks.x_shift = now_s
        if now_s >= self._y_range_due_s or now_s < self._y_range_due_s - 1.0:
            wave = in_view()
            if len(wave) > 10:
                # pulse peaks are the top few percent of samples: 1-99 % plus a wide pad keeps them in view
                self._y_range_due_s = now_s + PULSE_Y_RANGE_EVERY_S
                self._set_y(_with_marks(range_and_data(wave[:, 1], 1e-6, (1.0, 99.0), pad_share=0.25),
                                        self._marks_y, self._dot_radius_in_data()))

    def _follow_wave(self, model: LiveModel, now_s: float,
                     in_view: Callable[[], np.ndarray]) -> tuple[np.ndarray, np.ndarray] | None:
        """Bring the curve's columns (``ColumnBins``, 2 px wide) up to the model's samples; their points
        when they changed (else None). Only the samples that arrived since the last refresh are binned; a new
        source or ring, a new scale (a resize) or time running backwards bins the samples in view again."""
        width_s = 1.0 / (POINTS_PER_PX_FACTOR * self.px_per_s())
        ring = model.ppg
        key = (id(ring), width_s)
        new = ring.written - self._fed
        bins = self._bins
        rows: np.ndarray | None = None
        if bins is not None and key == self._bins_key and 0 <= new < len(ring):
            if new:
                rows = ring.tail(new)
                if rows[0, 0] <= self._fed_t_s:
                    bins = None
        else:
            bins = None
        if bins is None:
            bins = self._bins = ColumnBins(width_s)
            self._bins_key = key
            rows = in_view()
        if rows is not None and len(rows):
            bins.add(rows[:, 0], rows[:, 1])
            self._fed_t_s = float(rows[-1, 0])
        self._fed = ring.written
        dropped = bins.drop_before(now_s - self.span_s)
        return bins.points() if rows is not None or dropped else None

    def _dot_radius_in_data(self) -> float:
        """A beat dot's radius (and a pixel) in y units at the current range and height."""
        y_lo, y_hi = self.viewRange()[1]
        height_px = max(self.getPlotItem().getViewBox().height(), 1.0)
        return (self.marks.size_px / 2 + 1) * (y_hi - y_lo) / height_px


class TachogramPlot(_LivePlot):
    """Beat-to-beat heart rate with the pacer's breathing guide drawn on the same axis.

    The guide (0..1) is scaled onto the visible HR range and labelled as
    such: its height is not a heart rate, only its timing matters. The HR
    range follows the 2-98th percentiles of the clean (not corrected) beats in
    view, at least config.PLOT_MIN_SPAN_HR_BPM wide: a corrected beat or one
    missed artifact stays off the scale instead of flattening the curve.
    """

    # 90 s across ~900 px scroll 10 px a second: redrawn every 2 px, 5 times a second (the pacer's
    # trace grows with it; a new beat is drawn at the next of its GUI_TACHOGRAM_REDRAW_HZ checks)
    scroll_step_px = 2

    def __init__(self, theme: Theme, font_pt: int = 10) -> None:
        self.span_s = config.GUI_TACHOGRAM_WINDOW_S
        span = f"{self.span_s:.0f}"
        self.titles = (translate("Plots", "Heart rate, beat to beat (bpm), last {seconds} s; "
                                 "breathing guide scaled (up = inhale)").format(seconds=span),
                       translate("Plots", "Heart rate (bpm), last {seconds} s, with the breathing guide").format(
                           seconds=span))
        super().__init__(self.titles[0])
        item = self.getPlotItem()
        item.setLabel("left", "bpm")
        item.showGrid(x=False, y=True, alpha=0.15)
        box = item.getViewBox()
        self.guide = CurveItem(box)
        self.breath = CurveItem(box)  # breathing read from the pulse (core/breathing/respiration.py)
        self.hr = CurveItem(box)
        self.hr_dots = DotsItem(box, 5)
        self.corrected = SymbolItem(box, "x", 8)
        self.markers: list[pg.InfiniteLine] = []
        self.waiting = False  # beats stopped: the title says so (never under the curves, as a label was)
        self._beats_key: tuple | None = None
        self._beats = np.empty((0, 3))
        self.setXRange(-self.span_s, 0, padding=0)
        self._own_items()
        self.clear()
        self.set_theme(theme, font_pt)

    def drawn_items(self) -> tuple[CurveItem | DotsItem | SymbolItem, ...]:
        return self.guide, self.breath, self.hr, self.hr_dots, self.corrected

    def set_theme(self, theme: Theme, font_pt: int) -> None:
        self.setBackground(theme.background)
        self.theme, self.font_pt = theme, font_pt
        self.getPlotItem().setTitle(self._title())
        style_plot(self.getPlotItem(), theme, font_pt)
        self.hr.setPen(pg.mkPen(theme.heart, width=3))
        self.hr_dots.setBrush(theme.heart)
        # the accent at 200/255 over the background, mixed once: an opaque line draws 3x faster than a
        # translucent one (the guide is the longest curve), and only the faint grid under it differed
        guide = blend(pg.mkColor(theme.accent), pg.mkColor(theme.background), GUIDE_ALPHA)
        self.guide.setPen(pg.mkPen(guide, width=2))
        self.breath.setPen(pg.mkPen(theme.muted, width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.corrected.setPen(pg.mkPen(theme.warn, width=2))
        for line in self.markers:
            line.setPen(pg.mkPen(theme.coherence, width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
            if line.label is not None:
                line.label.setFont(point_font(font_pt))
                line.label.setColor(theme.coherence)
        self.invalidate_picture()

    def clear(self) -> None:
        """Forget everything drawn (a new source starts from an empty view)."""
        for drawn in self.drawn_items():
            drawn.clear()
        for line in self.markers:
            self.getPlotItem().removeItem(line)
        self.markers = []
        self._marker_times: list[float] = []
        self.setYRange(50, 90, padding=0)
        self._show_waiting(True)
        self.invalidate_picture()
        self._drawn_key = None
        self._beats_key = None

    def _title(self) -> str:
        title = self.titles[self.font_pt >= SHORT_TITLE_FROM_PT]
        if self.waiting:
            waiting = translate("Plots", "— waiting for beats")  # outside the f-string, where lupdate finds it
            title += f' <span style="color: {self.theme.warn}">{waiting}</span>'
        return title

    def _show_waiting(self, on: bool) -> None:
        """Say in the title that beats stopped (or that they arrive again)."""
        self.waiting = on
        if hasattr(self, "theme"):  # (the first clear comes before the theme)
            self.getPlotItem().setTitle(self._title(), size=f"{self.font_pt + 1}pt", color=self.theme.muted)
            self.invalidate_picture()

    def add_marker(self, device_t_s: float, label: str = "") -> None:
        """A marker (N key) drawn as a labelled dashed line that scrolls with the beats."""
        line = pg.InfiniteLine(0.0, angle=90, movable=False, label=label or None,
                               labelOpts={"position": 0.9, "color": self.theme.coherence})
        line.setPen(pg.mkPen(self.theme.coherence, width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
        if line.label is not None:
            line.label.setFont(point_font(self.font_pt))
        self.getPlotItem().addItem(line)
        self.markers.append(line)
        self._marker_times.append(device_t_s)
        self._drawn_key = None
        self.invalidate_picture()

    def _place_markers(self, now_s: float) -> None:
        if not self.markers:
            return
        self.invalidate_picture()  # the markers are in the cached picture: it follows them
        keep_lines, keep_times = [], []
        for line, t in zip(self.markers, self._marker_times, strict=True):
            if t < now_s - self.span_s - 1.0:
                self.getPlotItem().removeItem(line)
                continue
            line.setPos(t - now_s)
            keep_lines.append(line)
            keep_times.append(t)
        self.markers, self._marker_times = keep_lines, keep_times

    def _shown(self, model: LiveModel) -> np.ndarray:
        """The shown beats, rebuilt only when a beat arrived or changed (not when samples did)."""
        key = (id(model), model.beats_version)
        if key != self._beats_key:
            self._beats_key = key
            self._beats = _shown_beats(model)
        return self._beats

    def refresh(self, model: LiveModel, now_s: float | None) -> None:
        if now_s is None:
            return
        fresh = model.beats_fresh_at(now_s)
        if fresh == self.waiting:
            self._show_waiting(not fresh)
        breath_curve = model.breath_curve()
        data = (model.beats_version, id(breath_curve))  # (the pacer's trace: drawn as it scrolls)
        if self._unchanged(model, data, now_s):
            return
        beats = self._shown(model)
        if not len(beats):
            return
        beats = _window(beats, now_s, self.span_s)
        gaps = model.gaps_t_s.since(now_s - self.span_s)[:, 0] if len(model.gaps_t_s) else np.empty(0)
        line_t, line_hr = hr_line(beats[:, 0], beats[:, 1], gaps)  # broken where data went missing
        self.hr.set_points(line_t - now_s, line_hr)
        x = beats[:, 0] - now_s
        hr = 60000.0 / beats[:, 1]
        hr[beats[:, 1] > config.RR_MAX_MS] = np.nan  # an interval across a pause: not drawn
        self.hr_dots.set_points(x, hr)
        corr = beats[:, 2] > 0
        self.corrected.set_points(x[corr], hr[corr])
        clean = hr[~corr] if np.count_nonzero(~corr) >= 3 else hr
        self._set_y(range_and_data(clean, config.PLOT_MIN_SPAN_HR_BPM, pad_share=0.15, floor=0.0))
        self._place_markers(now_s)
        lo, hi = self.viewRange()[1]
        trace = model.pacer_on_device_clock(since_device_s=now_s - self.span_s)
        if len(trace):
            self.guide.set_points(trace[:, 0] - now_s, lo + trace[:, 1] * (hi - lo))
        breath = _window(breath_curve, now_s, self.span_s)  # the user's, under the guide
        if len(breath):
            self.breath.set_points(breath[:, 0] - now_s, lo + breath[:, 1] * (hi - lo))
        else:
            self.breath.clear()
