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
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem

from biofeedback.ui.qt_arrays import polygon


class _ViewItem(QGraphicsItem):
    """Points in a view box, bounded by the box's visible range (kept up to date when it changes)."""

    def __init__(self, view_box: pg.ViewBox, antialias: bool) -> None:
        super().__init__()
        self._view_box = view_box
        self._rect = QRectF()
        self._poly = QPolygonF()
        self._x = np.empty(0)
        self._y = np.empty(0)
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

    def set_points(self, x: np.ndarray, y: np.ndarray) -> None:
        """Draw these points from now on (copied; non-finite points are left out)."""
        x = np.asarray(x, float)
        y = np.asarray(y, float)
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
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

    def set_points(self, x: np.ndarray, y: np.ndarray) -> None:
        x = np.asarray(x, float)
        y = np.asarray(y, float)
        if np.isfinite(x).all() and np.isfinite(y).all():
            self._path = None
        else:  # a break at each gap, as PlotDataItem draws it
            self._path = pg.arrayToQPath(x, y, connect="finite")
        super().set_points(x, y)

    def draw(self, painter: QPainter) -> None:
        if not len(self._x):
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self._antialias)
        painter.setPen(self._pen)
        if self._path is not None:
            painter.drawPath(self._path)
        else:
            painter.drawPolyline(self._poly)


class DotsItem(_ViewItem):
    """A filled circle ``size_px`` across at each point (a round point of a pen that wide)."""

    def __init__(self, view_box: pg.ViewBox, size_px: float) -> None:
        super().__init__(view_box, antialias=True)
        self.size_px = float(size_px)
        self._device = QPolygonF()
        self.setBrush("w")

    def setBrush(self, color: object) -> None:  # noqa: N802 (pyqtgraph's name)
        """The dots' colour (anything ``pg.mkColor`` takes)."""
        pen = QPen(pg.mkColor(color), self.size_px)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)

    def draw(self, painter: QPainter) -> None:
        if not len(self._x):
            return
        x, y = _to_device(painter.transform(), self._x, self._y)
        self._device = polygon(x, y, self._device)
        painter.save()
        painter.resetTransform()  # round in pixels: under the view's scaling a point's cap came out oval
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self._pen)
        painter.drawPoints(self._device)
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
