"""Breathing pacer view: an expanding circle, a moving wave and the phase in words.

The widget only draws; the Pacer model (core/breathing/pacer.py) decides the value
from a monotonic clock. ``set_time`` is called on the redraw timer.

What it costs: ``set_time`` repaints only the square the circle's change
touches, or the wave strip, each when it moved a whole pixel; the layout
(caption line, circle, radii, font) is computed once per size; the wave is
painted once into a strip a little longer than the view (antialiased lines
2.5 px wide cost about 1 ms each) and scrolled by copying pixels, until the
pacer changes or the strip runs out.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from biofeedback.core.breathing.pacer import Pacer
from biofeedback.ui.i18n import number, translate
from biofeedback.ui.qt_arrays import polygon
from biofeedback.ui.theme import DARK, Theme, blend

WAVE_SPAN_S = 20.0  # the wave shows 10 s behind and 10 s ahead of now
PHASE_WORDS = (QT_TRANSLATE_NOOP("Pacer", "inhale"), QT_TRANSLATE_NOOP("Pacer", "hold"),
               QT_TRANSLATE_NOOP("Pacer", "exhale"))  # core/breathing/pacer.py phase_name(), in English
WAVE_SHARE = 0.22  # of the height, under the circle
R_MAX_SHARE = 0.45  # full-breath radius, of the circle area's smaller side
R_MIN_SHARE = 0.42  # empty-lung radius, of the full-breath radius (room for the word)
TEXT_FILL = 0.86  # the word's box diagonal, of the smallest circle's diameter
WAVE_MARGIN_PX = 8.0
WAVE_POINTS = 200  # across the visible wave (one point every 2 px in the window)
WAVE_STRIP_SPANS = 2.0  # the painted strip covers this many views: repainted every WAVE_SPAN_S of scrolling
CIRCLE_PEN_PX = 3.0


def fitted_font(r_px: float, words: tuple[str, ...] | None = None, fill: float = TEXT_FILL) -> QFont:
    """A bold font whose widest word's box fits inside a circle of radius ``r_px``.

    Measured with QFontMetricsF: the box (width x height) fits when its
    diagonal is at most ``fill`` of the diameter. One size for every word, so
    the text does not jump between phases (the phase words in the window's language by default).
    """
    if words is None:
        words = tuple(translate("Pacer", w) for w in PHASE_WORDS)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(100)
    metrics = QFontMetricsF(font)
    widest = max(metrics.horizontalAdvance(w) for w in words)
    diag = (widest**2 + metrics.height() ** 2) ** 0.5
    font.setPixelSize(max(int(100 * fill * 2 * r_px / diag), 1))
    return font


class _Layout(NamedTuple):
    """Where everything goes at one size and text scale."""

    caption: QRectF
    circle_area: QRectF
    r_min: float
    r_max: float
    wave: QRectF
    # the same in whole pixels, and the circle's centre: what every frame asks for
    caption_px: QRect
    wave_px: QRect
    centre: QPointF


class _PaintKit(NamedTuple):
    """The colours and pens of one theme, made once (a paint made each of them anew)."""

    accent: QColor
    ring_fill: QColor
    text: QColor
    muted: QColor
    now_line: QPen


def _paint_kit(theme: Theme) -> _PaintKit:
    accent, muted = QColor(theme.accent), QColor(theme.muted)
    return _PaintKit(accent, blend(accent, QColor(theme.panel), 0.6), QColor(theme.text), muted, QPen(muted, 1.0))


class PacerWidget(QWidget):
    def __init__(self, pacer: Pacer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pacer = pacer
        self.theme: Theme = DARK
        self.t_s = 0.0
        self.text_scale = 1.0
        self.caption: str | None = None  # e.g. "you: 5.8 /min · guide: 5.5 /min"; None: the rate alone
        self._drawn_state: tuple | None = None
        self._drawn_label: tuple | None = None  # (caption, rate) the label line shows
        self._backdrop_key: tuple | None = None
        self._backdrop_pixmap: QPixmap | None = None
        self._font_key: tuple | None = None
        self._font = QFont()
        self._layout_key: tuple | None = None
        self._layout: _Layout | None = None
        self._strip_key: tuple | None = None  # (pacer settings, size, theme): what the strip shows
        self._strip: QPixmap | None = None
        self._strip_t0_s = 0.0  # the time at the strip's left edge
        self._kit_key: str | None = None
        self._kit: _PaintKit | None = None
        self._words: dict[str, str] = {}  # phase -> its word in the window's language
        self._texts: dict[tuple, tuple[QStaticText, QPointF]] = {}  # (phase, size) -> laid-out word, offset
        self._speed_key: tuple | None = None  # (pacer, its durations, size, text scale) of _speed_px_per_s
        self._speed_px_per_s = 0.0
        self.setMinimumSize(220, 260)
        # paints every pixel itself: Qt need not repaint the parent underneath each frame
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # a Tab stop and a click target: with the focus here Space and the arrows drive the window
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("Window", "Breathing pacer"))
        self.focus_frame = False

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusInEvent(event)
        # a frame when the focus came by keyboard (focus-visible): not after a click, nor when the window opens
        self.focus_frame = event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if self.focus_frame:
            self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(event)
        if self.focus_frame:
            self.focus_frame = False
            self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._drawn_state = None
        self._words = {}  # (also how a change of language reaches the painted words)
        self._texts = {}
        self.update()

    def _paint_kit(self) -> _PaintKit:
        if self._kit is None or self._kit_key != self.theme.name:
            self._kit, self._kit_key = _paint_kit(self.theme), self.theme.name
        return self._kit

    def _word(self, phase: str) -> str:
        word = self._words.get(phase)
        if word is None:
            word = self._words[phase] = translate("Pacer", phase)
        return word

    def _phase_text(self, phase: str) -> tuple[QStaticText, QPointF]:
        """The phase word laid out once per size and language, and its top-left from the circle's centre
        (centred as drawText centres it, which laid the word out again on every repaint of the circle)."""
        font = self.phase_font()
        key = (phase, self._font_key)
        found = self._texts.get(key)
        if found is None:
            text = QStaticText(self._word(phase))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(QTransform(), font)
            size = text.size()
            found = self._texts[key] = (text, QPointF(-size.width() / 2, -size.height() / 2))
        return found

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
        A change of radius repaints the square of the larger of the two circles.
        """
        self.t_s = t_s
        lay = self.layout_now()
        radius = round(lay.r_min + (lay.r_max - lay.r_min) * self.pacer.value(t_s))
        circle = (radius, self.pacer.phase_name(t_s))
        wave = round(t_s * (lay.wave.width() - 2 * WAVE_MARGIN_PX) / WAVE_SPAN_S)
        drawn = self._drawn_state
        if drawn is None:
            self.update()
        else:
            if circle != drawn[0]:
                self.update(self.circle_rect(max(radius, drawn[0][0])).toAlignedRect())
            if wave != drawn[1]:
                self.update(lay.wave_px)
        self._drawn_state = (circle, wave)
        label = (self.caption, round(self.pacer.rate_bpm, 1))
        if label != self._drawn_label:  # the rate changed under "6.5 breaths/min" (the wizard's blocks)
            if self._drawn_label is not None:
                self.update(self.caption_rect().toAlignedRect())
            self._drawn_label = label

    def max_speed_px_per_s(self) -> float:
        """The fastest anything moves on screen at the pacer's settings and this size: the circle's edge,
        the "now" dot up and down, or the wave scrolling (asked every frame: kept until either changes)."""
        key = (self.pacer, self.pacer.durations_s, self.width(), self.height(), self.text_scale)
        if key != self._speed_key:
            lay = self.layout_now()
            slope = self.pacer.max_slope_per_s()
            wave_px = max(lay.wave.height() - 2 * WAVE_MARGIN_PX, 0.0)
            scroll = max(self.width() - 2 * WAVE_MARGIN_PX, 0.0) / WAVE_SPAN_S
            self._speed_px_per_s = max(slope * (lay.r_max - lay.r_min), slope * wave_px, scroll)
            self._speed_key = key
        return self._speed_px_per_s

    def layout_now(self) -> _Layout:
        """The geometry at the current size and text scale (computed once for each)."""
        key = (self.width(), self.height(), self.text_scale)
        if self._layout is None or key != self._layout_key:
            font = QFont()
            font.setPointSizeF(11 * self.text_scale)
            w, h = self.width(), self.height()
            caption = QRectF(0, 4, w - 8, QFontMetricsF(font).height() + 2)
            top = caption.bottom()
            area = QRectF(0, top, w, max(h * (1.0 - WAVE_SHARE) - top, 1.0))
            r_max = min(area.width(), area.height()) * R_MAX_SHARE
            wave_top = h * (1.0 - WAVE_SHARE)
            wave = QRectF(0, wave_top, w, h - wave_top)
            self._layout = _Layout(caption, area, r_max * R_MIN_SHARE, r_max, wave, caption.toAlignedRect(),
                                   wave.toAlignedRect(), area.center())
            self._layout_key = key
        return self._layout

    def circle_area(self) -> QRectF:
        """Between the caption line and the wave: the full-breath circle never runs under the caption."""
        return QRectF(self.layout_now().circle_area)

    def circle_rect(self, radius: float | None = None) -> QRectF:
        """The square of a circle of ``radius`` (default: the full breath's) with its pen: what a change
        of radius repaints."""
        lay = self.layout_now()
        c, r = lay.centre, (lay.r_max if radius is None else radius) + CIRCLE_PEN_PX
        return QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)

    def wave_rect(self) -> QRectF:
        """The strip under the circle where the guide scrolls (with the "now" dot)."""
        return QRectF(self.layout_now().wave)

    def caption_rect(self) -> QRectF:
        return QRectF(self.layout_now().caption)

    def radii(self) -> tuple[float, float]:
        """(empty-lung, full-breath) circle radius in pixels at the current size."""
        lay = self.layout_now()
        return lay.r_min, lay.r_max

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

    def _wave_strip(self) -> tuple[QPixmap, float]:
        """The guide painted from ``t0`` over WAVE_STRIP_SPANS views (wave strip height, background behind).

        Repainted when the pacer's settings or phase, the size or the theme
        changed, or when the view scrolled past its end. Returns (strip, t0).
        """
        w = self.width()
        lay = self.layout_now()
        margin = WAVE_MARGIN_PX
        px_per_s = max(w - 2 * margin, 1.0) / WAVE_SPAN_S
        p = self.pacer
        # the pacer's settings and its phase at a fixed moment: any change of rate, shape or phase shows
        settings = (id(p), p.rate_bpm, p.inhale_ratio, p.hold_in_s, p.hold_out_s, round(p.phase_cycles(0.0), 9),
                    w, self.height(), self.theme.name)
        left_s = self.t_s - WAVE_SPAN_S / 2
        span_px = (w - 2 * margin) * WAVE_STRIP_SPANS
        fits = (self._strip is not None and left_s >= self._strip_t0_s
                and (left_s - self._strip_t0_s) * px_per_s + (w - 2 * margin) + 4 <= self._strip.width())
        if settings != self._strip_key or not fits:
            t0 = left_s - 2.0 / px_per_s  # 2 px before the view: the line's cap
            n = int(WAVE_POINTS * WAVE_STRIP_SPANS)
            frac = np.linspace(0.0, 1.0, n)
            wave_h = lay.wave.height()
            guide = p.values(t0 + frac * span_px / px_per_s)
            strip = QPixmap(int(span_px) + 6, max(int(np.ceil(wave_h)), 1))
            strip.fill(QColor(self.theme.background))
            painter = QPainter(strip)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(self.theme.accent), 2.5))
            # the same y as the view (the strip starts at the wave rect's top, cut to whole pixels)
            y0 = lay.wave.top() - int(lay.wave.top())
            painter.drawPolyline(polygon(2.0 + frac * span_px, y0 + margin + (wave_h - 2 * margin) * (1.0 - guide)))
            painter.end()
            self._strip, self._strip_t0_s, self._strip_key = strip, t0, settings
        assert self._strip is not None
        return self._strip, self._strip_t0_s

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        """Draw the parts the update region touches: backdrop, circle and word, wave, caption."""
        th = self.theme
        kit = self._paint_kit()
        w, h = self.width(), self.height()
        lay = self.layout_now()
        region = event.region()
        p = QPainter(self)
        backdrop = self._backdrop()
        for dirty in region:  # type: ignore[attr-defined]  # the circle's square and the wave strip, not
            # the bounding rect of both (PySide6 iterates a QRegion's rectangles; its stub does not say so)
            p.drawPixmap(dirty, backdrop, dirty)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        value = self.pacer.value(self.t_s)
        r_min, r_max = lay.r_min, lay.r_max
        r = r_min + (r_max - r_min) * value

        # the circle as large as it is now (the backdrop holds the rest): the wave strip's repaints, about
        # every frame, touch the full breath's square but seldom the circle itself
        if region.intersects(self.circle_rect(r).toAlignedRect()):
            # circle: radius grows with the lung-volume guide
            c = lay.centre
            # the 3 px ring as a disc under a disc (an antialiased pen along a circle costs twice as
            # much); the fill opaque: cheaper than alpha
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(kit.accent)
            p.drawEllipse(c, r + CIRCLE_PEN_PX / 2, r + CIRCLE_PEN_PX / 2)
            p.setBrush(kit.ring_fill)
            p.drawEllipse(c, r - CIRCLE_PEN_PX / 2, r - CIRCLE_PEN_PX / 2)
            # the word fits the smallest circle at any size (presentation included): it never spills
            p.setFont(self.phase_font())
            p.setPen(kit.text)
            text, from_centre = self._phase_text(self.pacer.phase_name(self.t_s))
            p.drawStaticText(c + from_centre, text)

        wave_rect = lay.wave
        if region.intersects(lay.wave_px):
            # wave: the guide over the next seconds scrolls right to left past a "now" line
            top, wave_h, margin = wave_rect.top(), wave_rect.height(), WAVE_MARGIN_PX
            strip, t0 = self._wave_strip()
            px_per_s = max(w - 2 * margin, 1.0) / WAVE_SPAN_S
            offset = round((self.t_s - WAVE_SPAN_S / 2 - t0) * px_per_s)
            # from 1 px before the view's margin to 1 px after it: where the guide's line caps reached
            source = QRect(offset + 1, 0, int(w - 2 * margin) + 2, strip.height())
            p.drawPixmap(QRect(int(margin) - 1, int(top), source.width(), source.height()), strip, source)
            x_now = w / 2
            p.setPen(kit.now_line)
            p.drawLine(QPointF(x_now, top), QPointF(x_now, h - 2))
            y_now = top + margin + (wave_h - 2 * margin) * (1.0 - value)
            p.setBrush(kit.text)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(x_now, y_now), 6, 6)

        caption_rect = lay.caption
        if region.intersects(lay.caption_px):
            small = QFont()
            small.setPointSizeF(11 * self.text_scale)
            p.setFont(small)
            p.setPen(kit.muted)
            label = self.caption or translate("Pacer", "{rate} breaths/min").format(rate=number(self.pacer.rate_bpm, 1))
            p.drawText(caption_rect, Qt.AlignmentFlag.AlignRight, label)
        if self.focus_frame:
            p.setPen(QPen(QColor(th.accent), 2.0, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        p.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._drawn_state = None  # everything moved: the next frame repaints all of it
