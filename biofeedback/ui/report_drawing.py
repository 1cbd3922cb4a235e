"""Drawing helpers of the PDF reports: fonts, text boxes, the disclaimer box, round ticks, axes with a frame."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from biofeedback.ui.i18n import localized, not_a_medical_device

PAGE_W, PAGE_H = 1000.0, 1414.0  # logical units, A4 proportions
INK, MUTED, GRID = QColor("#1d2430"), QColor("#5b6675"), QColor("#d9dde3")


def font(px: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(int(round(px)), 1))
    font.setBold(bold)
    return font


def draw_text(p: QPainter, x: float, y: float, text: str, px: float = 15, color: QColor = INK, bold: bool = False,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, width: float = 0.0) -> None:
    """Text with its top-left (or top-right for AlignRight, within ``width``) at x, y."""
    p.setFont(font(px, bold))
    p.setPen(color)
    w = width or PAGE_W
    rect = QRectF(x - w if align & Qt.AlignmentFlag.AlignRight else x, y, w, px * 1.6)
    p.drawText(rect, int(align | Qt.AlignmentFlag.AlignTop), text)


def draw_disclaimer(p: QPainter, margin: float) -> None:
    """The not-a-medical-device line in its shaded box at the foot of a page."""
    box = QRectF(margin, PAGE_H - margin - 58, PAGE_W - 2 * margin, 58)
    p.setPen(QPen(GRID, 1.2))
    p.setBrush(QColor("#f4f5f7"))
    p.drawRoundedRect(box, 6, 6)
    p.setFont(font(13))
    p.setPen(MUTED)
    p.drawText(box.adjusted(14, 8, -14, -8), int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter),
               not_a_medical_device())


def nice_ticks(lo: float, hi: float, n: int = 5) -> np.ndarray:
    """Round tick values covering [lo, hi] (1-2-5 steps)."""
    if not math.isfinite(lo) or not math.isfinite(hi) or hi <= lo:
        return np.array([lo])
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return np.arange(math.ceil(lo / step) * step, hi + step * 1e-9, step)


class Axes:
    """Maps data to a rectangle and draws the frame, grid and tick labels."""

    def __init__(self, p: QPainter, rect: QRectF, xlim: tuple[float, float], ylim: tuple[float, float]) -> None:
        self.p, self.rect, self.xlim, self.ylim = p, rect, xlim, ylim

    def x(self, v):
        return self.rect.left() + (np.asarray(v) - self.xlim[0]) / (self.xlim[1] - self.xlim[0]) * self.rect.width()

    def y(self, v):
        return self.rect.bottom() - (np.asarray(v) - self.ylim[0]) / (self.ylim[1] - self.ylim[0]) * self.rect.height()

    def frame(self, xlabel: str, ylabel: str, xfmt: str = "{:g}", yfmt: str = "{:g}") -> None:
        p, r = self.p, self.rect
        for t in nice_ticks(*self.ylim):
            yy = float(self.y(t))
            p.setPen(QPen(GRID, 1.0))
            p.drawLine(QPointF(r.left(), yy), QPointF(r.right(), yy))
            draw_text(p, r.left() - 8, yy - 9, localized(yfmt.format(t)), 13, MUTED, align=Qt.AlignmentFlag.AlignRight, width=80)
        for t in nice_ticks(*self.xlim, n=8):
            xx = float(self.x(t))
            p.setPen(QPen(GRID, 1.0))
            p.drawLine(QPointF(xx, r.bottom()), QPointF(xx, r.bottom() + 5))
            draw_text(p, xx - 40, r.bottom() + 7, localized(xfmt.format(t)), 13, MUTED, align=Qt.AlignmentFlag.AlignHCenter,
                  width=80)
        p.setPen(QPen(MUTED, 1.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r)
        draw_text(p, r.left(), r.bottom() + 27, xlabel, 13, MUTED, align=Qt.AlignmentFlag.AlignHCenter,
              width=r.width())
        draw_text(p, r.left() - 50, r.top() - 26, ylabel, 13, MUTED)

    def polyline(self, xs, ys, pen: QPen) -> None:
        """A curve clipped to the plot rectangle (an outlier must not cross the page)."""
        xs, ys = np.asarray(self.x(xs), float), np.asarray(self.y(ys), float)
        if xs.size < 2:
            return
        path = QPainterPath(QPointF(xs[0], ys[0]))
        for a, b in zip(xs[1:].tolist(), ys[1:].tolist(), strict=True):
            path.lineTo(a, b)
        self.p.save()
        self.p.setClipRect(self.rect)
        self.p.setPen(pen)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawPath(path)
        self.p.restore()
