"""Breathing pacer view: an expanding circle, a moving wave and the phase in words.

The widget only draws; the Pacer model (core/pacer.py) decides the value
from a monotonic clock. ``set_time`` is called on the redraw timer.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from biofeedback.core.pacer import Pacer
from biofeedback.ui.theme import DARK, Theme, blend

WAVE_SPAN_S = 20.0  # the wave shows 10 s behind and 10 s ahead of now
PHASE_WORDS = ("inhale", "hold", "exhale")
WAVE_SHARE = 0.22  # of the height, under the circle
R_MAX_SHARE = 0.45  # full-breath radius, of the circle area's smaller side
R_MIN_SHARE = 0.42  # empty-lung radius, of the full-breath radius (room for the word)
TEXT_FILL = 0.86  # the word's box diagonal, of the smallest circle's diameter
WAVE_MARGIN_PX = 8.0


def fitted_font(r_px: float, words: tuple[str, ...] = PHASE_WORDS, fill: float = TEXT_FILL) -> QFont:
    """A bold font whose widest word's box fits inside a circle of radius ``r_px``.

    Measured with QFontMetricsF: the box (width x height) fits when its
    diagonal is at most ``fill`` of the diameter. One size for every word, so
    the text does not jump between phases.
    """
    font = QFont()
    font.setBold(True)
    font.setPixelSize(100)
    metrics = QFontMetricsF(font)
    widest = max(metrics.horizontalAdvance(w) for w in words)
    diag = (widest**2 + metrics.height() ** 2) ** 0.5
    font.setPixelSize(max(int(100 * fill * 2 * r_px / diag), 1))
    return font


class PacerWidget(QWidget):
    def __init__(self, pacer: Pacer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pacer = pacer
        self.theme: Theme = DARK
        self.t_s = 0.0
        self.text_scale = 1.0
        self.caption: str | None = None  # e.g. "you: 5.8 /min · guide: 5.5 /min"; None: the rate alone
        self._drawn_state: tuple | None = None
        self._backdrop_key: tuple | None = None
        self._backdrop_pixmap: QPixmap | None = None
        self._font_key: tuple | None = None
        self._font = QFont()
        self.setMinimumSize(220, 260)
        # paints every pixel itself: Qt need not repaint the parent underneath each frame
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._drawn_state = None
        self.update()

    def set_caption(self, text: str | None) -> None:
        """The line over the wave: the user's breathing against the guide (None: the guide's rate)."""
        if text != self.caption:
            self.caption = text
            self.update(self.caption_rect().toAlignedRect())

    def set_time(self, t_s: float) -> None:
        """Move to ``t_s``; repaints only the part that moved by a whole pixel.

        The circle (and its word) when its radius or the phase changed, the wave
        strip when it scrolled: at a 6 /min pacer on a laptop each changes 20-30
        times a second, not on every 60 Hz frame, and neither repaints the other.
        """
        self.t_s = t_s
        r_min, r_max = self.radii()
        circle = (round(r_min + (r_max - r_min) * self.pacer.value(t_s)), self.pacer.phase_name(t_s))
        wave = round(t_s * (self.width() - 2 * WAVE_MARGIN_PX) / WAVE_SPAN_S)
        drawn = self._drawn_state
        if drawn is None:
            self.update()
        else:
            if circle != drawn[0]:
                self.update(self.circle_rect().toAlignedRect())
            if wave != drawn[1]:
                self.update(self.wave_rect().toAlignedRect())
        self._drawn_state = (circle, wave)

    def circle_area(self) -> QRectF:
        """Between the caption line and the wave: the full-breath circle never runs under the caption."""
        top = self.caption_rect().bottom()
        return QRectF(0, top, self.width(), max(self.height() * (1.0 - WAVE_SHARE) - top, 1.0))

    def circle_rect(self) -> QRectF:
        """The full-breath circle's square with its pen: what a change of radius repaints."""
        c, r = self.circle_area().center(), self.radii()[1] + 3.0
        return QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)

    def wave_rect(self) -> QRectF:
        """The strip under the circle where the guide scrolls (with the "now" dot)."""
        top = self.height() * (1.0 - WAVE_SHARE)
        return QRectF(0, top, self.width(), self.height() - top)

    def caption_rect(self) -> QRectF:
        font = QFont()
        font.setPointSizeF(11 * self.text_scale)
        return QRectF(0, 4, self.width() - 8, QFontMetricsF(font).height() + 2)

    def radii(self) -> tuple[float, float]:
        """(empty-lung, full-breath) circle radius in pixels at the current size."""
        area = self.circle_area()
        r_max = min(area.width(), area.height()) * R_MAX_SHARE
        return r_max * R_MIN_SHARE, r_max

    def phase_font(self) -> QFont:
        """The phase word's font, fitted to the smallest circle (``text_scale`` sizes only the rate label)."""
        key = (self.width(), self.height(), self.text_scale)  # the caption's height moves the circle
        if self._font_key != key:
            self._font = fitted_font(self.radii()[0])
            self._font_key = key
        return self._font

    def _backdrop(self) -> QPixmap:
        """Background and the full-breath circle: drawn once per size and theme, not per frame."""
        key = (self.width(), self.height(), self.theme.name, self.text_scale)
        if self._backdrop_pixmap is None or self._backdrop_key != key:
            th = self.theme
            w, h = self.width(), self.height()
            pix = QPixmap(max(w, 1), max(h, 1))
            pix.fill(QColor(th.background))
            p = QPainter(pix)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            area = self.circle_area()
            r_max = self.radii()[1]
            p.setPen(QPen(QColor(th.muted), 1.5))
            p.setBrush(QColor(th.panel))
            p.drawEllipse(area.center(), r_max, r_max)
            p.end()
            self._backdrop_pixmap, self._backdrop_key = pix, key
        return self._backdrop_pixmap

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Draw the parts the update region touches: backdrop, circle and word, wave, caption."""
        th = self.theme
        w, h = self.width(), self.height()
        region = event.region()
        p = QPainter(self)
        dirty = event.rect()
        p.drawPixmap(dirty, self._backdrop(), dirty)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        value = self.pacer.value(self.t_s)
        accent = QColor(th.accent)

        if region.intersects(self.circle_rect().toAlignedRect()):
            # circle: radius grows with the lung-volume guide
            r_min, r_max = self.radii()
            r = r_min + (r_max - r_min) * value
            c = self.circle_area().center()
            p.setPen(QPen(accent, 3))
            p.setBrush(blend(accent, QColor(th.panel), 0.6))  # opaque: cheaper than alpha
            p.drawEllipse(c, r, r)
            # the word fits the smallest circle at any size (presentation included): it never spills
            p.setFont(self.phase_font())
            p.setPen(QColor(th.text))
            p.drawText(QRectF(c.x() - r_max, c.y() - r_max, 2 * r_max, 2 * r_max), Qt.AlignmentFlag.AlignCenter,
                       self.pacer.phase_name(self.t_s))

        wave_rect = self.wave_rect()
        if region.intersects(wave_rect.toAlignedRect()):
            # wave: the guide over the next seconds scrolls right to left past a "now" line
            top, wave_h, margin = wave_rect.top(), wave_rect.height(), WAVE_MARGIN_PX
            n = 200
            frac = np.linspace(0.0, 1.0, n)
            guide = self.pacer.values(self.t_s + (frac - 0.5) * WAVE_SPAN_S)
            path = pg.arrayToQPath(
                margin + (w - 2 * margin) * frac,
                top + margin + (wave_h - 2 * margin) * (1.0 - guide),
            )
            p.setPen(QPen(accent, 2.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            x_now = w / 2
            p.setPen(QPen(QColor(th.muted), 1.0))
            p.drawLine(QPointF(x_now, top), QPointF(x_now, h - 2))
            y_now = top + margin + (wave_h - 2 * margin) * (1.0 - value)
            p.setBrush(QColor(th.text))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(x_now, y_now), 6, 6)

        caption_rect = self.caption_rect()
        if region.intersects(caption_rect.toAlignedRect()):
            small = QFont()
            small.setPointSizeF(11 * self.text_scale)
            p.setFont(small)
            p.setPen(QColor(th.muted))
            label = self.caption or f"{self.pacer.rate_bpm:.1f} breaths/min"
            p.drawText(caption_rect, Qt.AlignmentFlag.AlignRight, label)
        p.end()
