"""Light items for the live plots: a curve, dots or crosses, each drawn with one QPainter call.

pyqtgraph's PlotDataItem redoes its bookkeeping in Python on every ``setData``
and every paint (data bounds, downsampling, clipping to the view, a new
QPainterPath, a scatter item's spot table): at the pulse wave's 30 frames a
second that cost more than the source and the pipeline together. These items
keep their points in a QPolygonF that NumPy writes into (no per-point Python),
report the view box's visible range as their bounds, so a redraw repaints the
plot area and never the axes and titles around it (the view box clips its
children to that area anyway), and paint with one call.

Coordinates are the view's (seconds, bpm...); pens are cosmetic (widths in
pixels). ``set_points`` replaces the points; ``getData`` returns what is drawn.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem

from biofeedback.ui.qt_arrays import polygon

PrimitiveArray = pg.Qt.internals.PrimitiveArray  # QPainter's arrays of primitives, written by NumPy


class _ViewItem(QGraphicsItem):
    """Points in a view box, bounded by the box's visible range (kept up to date when it changes)."""

    def __init__(self, view_box: pg.ViewBox, antialias: bool) -> None:
        super().__init__()
        self._view_box = view_box
        self._rect = QRectF()
        self._poly = QPolygonF()
        self._x: np.ndarray = np.empty(0)
        self._y: np.ndarray = np.empty(0)
        self._pen = QPen()
        self._antialias = antialias
        # set by a plot that paints this item itself, over its cached picture of axes and titles
        # (plots._LivePlot): called on a change instead of the scene's update, which would never
        # reach the screen (the scene repaints what it painted, and it never paints this item)
        self.repaint_by_plot: Callable[[], None] | None = None
        view_box.addItem(self, ignoreBounds=True)
        view_box.sigRangeChanged.connect(self._follow_range)
        self._follow_range()

    def _follow_range(self, *_args: object) -> None:
        rect = self._view_box.viewRect()
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return self._rect

    def setPen(self, pen: QPen) -> None:  # noqa: N802 (pyqtgraph's name)
        self._pen = QPen(pen)
        self._pen.setCosmetic(True)
        self.changed()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802 (pyqtgraph's name)
        """(x, y) as last set: what is drawn."""
        return self._x, self._y

    def __len__(self) -> int:
        return len(self._x)

    def set_points(self, x: np.ndarray, y: np.ndarray, finite: bool | None = None) -> None:
        """Draw these points from now on (copied; non-finite points are left out). ``finite``: whether
        every point is finite, when the caller already knows."""
        x = np.asarray(x, float)
        y = np.asarray(y, float)
        if finite is None:
            finite = bool(np.isfinite(x).all() and np.isfinite(y).all())
        if not finite:
            ok = np.isfinite(x) & np.isfinite(y)
            x, y = x[ok], y[ok]
        self._x, self._y = x, y
        self._poly = polygon(x, y, self._poly)
        self.changed()

    def clear(self) -> None:
        self.set_points(np.empty(0), np.empty(0))

    def changed(self) -> None:
        """What is drawn changed: repaint it."""
        if self.repaint_by_plot is not None:
            self.repaint_by_plot()
        else:
            self.update()

    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        if self.repaint_by_plot is None:
            self.draw(painter)

    def draw(self, painter: QPainter) -> None:
        """Paint the points; ``painter`` maps view coordinates to the device."""
        raise NotImplementedError




def _to_device(t: QTransform, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points mapped by ``t`` (an affine transform: QTransform.map for arrays)."""
    return t.m11() * x + t.m21() * y + t.dx(), t.m12() * x + t.m22() * y + t.dy()


class CurveItem(_ViewItem):
    """A polyline through the points (time order), gaps at non-finite points.

    ``antialias`` False is what pyqtgraph draws live curves with (its default):
    sharp 1-3 px lines, and Qt's fastest line path.
    """

    def __init__(self, view_box: pg.ViewBox, antialias: bool = False) -> None:
        super().__init__(view_box, antialias)
        self._path: QPainterPath | None = None  # only when the data have gaps
        # drawn at x - x_shift: a view that scrolls moves the curve without setting its points again
        self.x_shift = 0.0

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802 (pyqtgraph's name)
        """(x, y) as drawn (x shifted)."""
        return self._x - self.x_shift, self._y

    def set_points(self, x: np.ndarray, y: np.ndarray, finite: bool | None = None) -> None:
        x = np.asarray(x, float)
        y = np.asarray(y, float)
        if finite is None:
            finite = bool(np.isfinite(x).all() and np.isfinite(y).all())
        # a break at each gap, as PlotDataItem draws it
        self._path = None if finite else pg.arrayToQPath(x, y, connect="finite")
        super().set_points(x, y, finite)

    def draw(self, painter: QPainter) -> None:
        if not len(self._x):
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self._antialias)
        painter.setPen(self._pen)
        shift = self.x_shift
        if shift:
            view = painter.transform()
            painter.translate(-shift, 0.0)  # (QPainter applies it before the view's transform)
        if self._path is not None:
            painter.drawPath(self._path)
        else:
            painter.drawPolyline(self._poly)
        if shift:
            painter.setTransform(view)


class DotsItem(_ViewItem):
    """A filled circle ``size_px`` across at each point.

    Each dot is a copy of one antialiased disc painted once (``_sprite``): a
    round point of a pen that wide was stroked as a path for every dot on
    every frame (the pulse wave's marks, 30 times a second), twice as long.
    All the copies go in one call (QPainter.drawPixmapFragments, the dots'
    centres written by NumPy), not one drawPixmap call per dot from Python.
    """

    def __init__(self, view_box: pg.ViewBox, size_px: float) -> None:
        super().__init__(view_box, antialias=True)
        self.size_px = float(size_px)
        self.x_shift = 0.0  # drawn at x - x_shift: a view that scrolls moves the dots without setting them again
        self._sprite: QPixmap | None = None
        self._sprite_key: tuple | None = None
        self._fragments = PrimitiveArray(QPainter.PixmapFragment, 10)  # x, y, source rect, scales, rotation, opacity
        self.setBrush("w")

    def setBrush(self, color: object) -> None:  # noqa: N802 (pyqtgraph's name)
        """The dots' colour (anything ``pg.mkColor`` takes)."""
        pen = QPen(pg.mkColor(color), self.size_px)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802 (pyqtgraph's name)
        """(x, y) as drawn (x shifted)."""
        return self._x - self.x_shift, self._y

    def _disc(self, dpr: float) -> QPixmap:
        """The dot, antialiased, on a transparent square 2 px larger than it (at the device's pixel ratio)."""
        key = (self._pen.color().rgba(), self.size_px, dpr)
        if self._sprite is None or key != self._sprite_key:
            side = self.size_px + 2
            sprite = QPixmap(max(round(side * dpr), 1), max(round(side * dpr), 1))
            sprite.setDevicePixelRatio(dpr)
            sprite.fill(Qt.GlobalColor.transparent)
            p = QPainter(sprite)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._pen.color())
            p.drawEllipse(QPointF(side / 2, side / 2), self.size_px / 2, self.size_px / 2)
            p.end()
            self._sprite, self._sprite_key = sprite, key
        return self._sprite

    def draw(self, painter: QPainter) -> None:
        if not len(self._x):
            return
        xs, ys = _to_device(painter.transform(), self._x - self.x_shift, self._y)
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        sprite = self._disc(dpr)
        self._fragments.resize(len(xs))
        fragments = self._fragments.ndarray()
        fragments[:, 0] = xs  # the centre of each copy
        fragments[:, 1] = ys
        fragments[:, 2:6] = (0.0, 0.0, sprite.width(), sprite.height())  # the whole sprite, in its pixels
        fragments[:, 6:10] = (1.0 / dpr, 1.0 / dpr, 0.0, 1.0)  # at its size on screen, upright, opaque
        painter.save()
        painter.resetTransform()  # round in pixels: under the view's scaling a dot came out oval
        # (the first fragment and their count, as PySide6 takes them: its stub knows another form)
        painter.drawPixmapFragments(*self._fragments.drawargs(), sprite)  # type: ignore[call-arg]
        painter.restore()


class SymbolItem(_ViewItem):
    """pyqtgraph's symbol (e.g. "x") ``size_px`` across at each point, outlined and filled as its scatter
    plot draws it; for a few points (corrected beats), one path per point."""

    def __init__(self, view_box: pg.ViewBox, symbol: str, size_px: float) -> None:
        super().__init__(view_box, antialias=True)
        self._symbol = QTransform.fromScale(size_px, size_px).map(pg.graphicsItems.ScatterPlotItem.Symbols[symbol])
        self._brush = QBrush(pg.mkColor(100, 100, 150))  # ScatterPlotItem's default fill

    def setBrush(self, brush: object) -> None:  # noqa: N802 (pyqtgraph's name)
        self._brush = pg.mkBrush(brush)
        self.changed()

    def draw(self, painter: QPainter) -> None:
        if not len(self._x):
            return
        xs, ys = _to_device(painter.transform(), self._x, self._y)
        painter.save()
        painter.resetTransform()  # symbols are sized in pixels
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        for x, y in zip(xs, ys, strict=True):
            painter.drawPath(self._symbol.translated(QPointF(x, y)))
        painter.restore()
