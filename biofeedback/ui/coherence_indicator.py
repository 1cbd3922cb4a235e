"""A calm, glanceable coherence indicator for training, with the numbers a click away.

Shows the live coherence ratio (McCraty & Childre 2010: last 64 s, updated
every 5 s by ``LiveHrv``) as a soft circle that grows with coherence inside a
three-band colour ring (low / medium / high, thresholds config.COHERENCE_LEVELS
on the raw ratio: our own choice, not HeartMath's product scale), and the
heart-rate swing of the last breath (peak to trough, bpm). Clicking toggles
the numeric values. The level's word sits inside the ring, fitted to it, and
the caption under it scales with the widget: in presentation mode the ring
grows and both read across a room. An optional soft tone whose pitch follows the level
(QtMultimedia imported only when turned on; any failure is a quiet notice).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from biofeedback import config
from biofeedback.app.live_model import LiveReading
from biofeedback.ui.audio import ToneSet
from biofeedback.ui.i18n import level_name, number, translate
from biofeedback.ui.pacer_widget import fitted_font
from biofeedback.ui.theme import DARK, Theme

LEVEL_NAMES = ("low", "medium", "high")
RING_WORDS = (*LEVEL_NAMES, "waiting")  # in English; ring_words() gives them in the window's language
LEVEL_TONES_HZ = (196.0, 247.0, 294.0)  # G3, B3, D4: soft and consonant
TONE_S = 0.9
TONE_VOLUME = 0.15
RATIO_FULL = 6.0  # raw ratio at which the circle is full size
RING_SHARE = 0.44  # ring radius, of the smaller side of the area above the caption
RING_PEN_PX = 7.0  # the current level's arc
WORD_FILL = 0.82  # the word's box diagonal, of the ring's inner diameter
CAPTION_SHARE = 0.09  # caption pixel size, of the widget's smaller side...
MIN_CAPTION_PX = 15  # ...never below 11 pt at 96 dpi
MAX_WIDTH_PX = 260  # a glanceable ring in the window; the trend plots keep the width


def ring_words() -> tuple[str, ...]:
    """The words inside the ring, in the window's language: one font size for all, so it does not jump."""
    return (*(level_name(k) for k in range(len(LEVEL_NAMES))), translate("Coherence", "waiting"))


def coherence_level(ratio: float | None) -> int | None:
    """0 low, 1 medium, 2 high by config.COHERENCE_LEVELS; None when there is no value yet."""
    if ratio is None or not math.isfinite(ratio):
        return None
    lo, hi = config.COHERENCE_LEVELS
    return 0 if ratio < lo else (1 if ratio < hi else 2)


def fill_fraction(ratio: float | None) -> float:
    """Circle size 0..1: log scale so small changes at low coherence still show, saturating at RATIO_FULL."""
    if ratio is None or not math.isfinite(ratio) or ratio <= 0:
        return 0.0
    return min(math.log1p(ratio) / math.log1p(RATIO_FULL), 1.0)


class CoherenceIndicator(QWidget):
    """Call ``set_values`` with each metrics update; click to show or hide the numbers."""

    toggled_numbers = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = DARK
        self.ratio: float | None = None
        self._shown_level: int | None = None
        self.swing_bpm: float | None = None
        self.show_numbers = False
        self.tone: CoherenceTone | None = None
        self._last_level: int | None = None
        self.setMinimumSize(160, 160)
        self.setMaximumWidth(MAX_WIDTH_PX)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(translate("Coherence", "Coherence (McCraty & Childre 2010): smoothed ratio of 64 s windows; "
                                  "low below {low}, high from {high}. Click (or Enter) to show the numbers.")
                        .format(low=number(config.COHERENCE_LEVELS[0], 1), high=number(config.COHERENCE_LEVELS[1], 1)))
        self.setAccessibleName(translate("Coherence", "Coherence ring"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Enter or Space toggles the numbers
        self.setAccessibleDescription(self.spoken_text())

    # -- model ---------------------------------------------------------------
    @property
    def level(self) -> int | None:
        """The calm level given with the values (core/hrv/coherence_level.py), else the raw ratio's."""
        return self._shown_level if self._shown_level is not None else coherence_level(self.ratio)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def set_presentation(self, on: bool) -> None:
        """In presentation mode the ring may take its share of the row, so its text reads across a room."""
        self.setMaximumWidth(16777215 if on else MAX_WIDTH_PX)
        self.update()

    def set_values(self, coherence_ratio: float | None, swing_bpm: float | None = None,
                   level: int | None = None) -> None:
        """New coherence ratio (or None while the 64 s window fills), last breath's HR swing, and the
        level to show (the smoothed one with hysteresis; None: from the ratio)."""
        changed = coherence_ratio != self.ratio
        before = (self.ratio, self._shown_level, self.swing_bpm)
        self.ratio = coherence_ratio
        self._shown_level = level if coherence_ratio is not None else None
        if swing_bpm is not None:
            self.swing_bpm = swing_bpm
        if changed and self.tone is not None and self.level is not None:
            self.tone.play(self.level)
        if (self.ratio, self._shown_level, self.swing_bpm) != before:  # the window calls 4 times a second
            self.update()

    def show_reading(self, reading: LiveReading) -> None:
        """The live reading (app/live_model.py): its smoothed value, level and swing, None included."""
        self.swing_bpm = reading.swing_bpm
        self.set_values(reading.coherence, reading.swing_bpm, reading.level)
        self.setAccessibleDescription(self.spoken_text())

    def spoken_text(self) -> str:
        """The ring's state for a screen reader: the level, the value and the swing, or why it waits."""
        if self.level is None:
            return translate("Coherence", "waiting: coherence needs 64 s of beats")
        return translate("Coherence", "coherence {level}, {numbers}").format(level=level_name(self.level),
                                                                           numbers=self.numbers_text())

    def set_numbers_visible(self, visible: bool) -> None:
        self.show_numbers = bool(visible)
        self.toggled_numbers.emit(self.show_numbers)
        self.update()

    def enable_sound(self) -> str | None:
        """Turn the soft tone on; returns None, or a notice why there is no sound."""
        tone = CoherenceTone()
        notice = tone.enable()
        self.tone = tone if notice is None else None
        return notice

    def disable_sound(self) -> None:
        if self.tone is not None:
            self.tone.disable()
        self.tone = None

    def level_text(self) -> str:
        level = self.level
        return (translate("Coherence", "needs 64 s of beats") if level is None else
                translate("Coherence", "coherence {level}").format(level=level_name(level)))

    def numbers_text(self) -> str:
        ratio = "--" if self.ratio is None else number(self.ratio, 2)
        swing = "--" if self.swing_bpm is None else f"{number(self.swing_bpm)} bpm"
        return translate("Coherence", "ratio {ratio} · swing {swing}").format(ratio=ratio, swing=swing)

    # -- Qt ------------------------------------------------------------------
    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.set_numbers_visible(not self.show_numbers)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.set_numbers_visible(not self.show_numbers)
        super().mousePressEvent(event)

    def _level_colours(self) -> tuple[QColor, QColor, QColor]:
        th = self.theme
        return QColor(th.muted), QColor(th.accent), QColor(th.ok)

    def caption_text(self) -> str:
        return translate("Coherence", "needs 64 s of beats") if self.level is None else translate("Coherence", "coherence")

    def caption_font(self) -> QFont:
        """The caption's font: a share of the widget's smaller side (at least 11 pt), no wider than the ring."""
        font = QFont()
        size = max(int(CAPTION_SHARE * min(self.width(), self.height())), MIN_CAPTION_PX)
        font.setPixelSize(size)
        room = max(2.0 * self.geometry_of_ring()[1], 40.0)
        wide = QFontMetricsF(font).horizontalAdvance(self.caption_text())
        if wide > room:
            font.setPixelSize(max(int(size * room / wide), MIN_CAPTION_PX))
        return font

    def _text_height(self) -> float:
        font = QFont()
        font.setPixelSize(max(int(CAPTION_SHARE * min(self.width(), self.height())), MIN_CAPTION_PX))
        line = QFontMetricsF(font).height()
        return line * (2.2 if self.show_numbers else 1.2)

    def geometry_of_ring(self) -> tuple[QPointF, float]:
        """(centre, radius) of the ring in widget pixels."""
        area = QRectF(0, 0, self.width(), self.height() - self._text_height())
        return area.center(), max(min(area.width(), area.height()) * RING_SHARE, 10.0)

    def word_font(self) -> QFont:
        """The level word's font: its widest word fits inside the ring's inner edge."""
        r_inner = self.geometry_of_ring()[1] - RING_PEN_PX
        font = fitted_font(max(r_inner, 4.0), ring_words(), WORD_FILL)
        font.setBold(True)
        return font

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        th = self.theme
        w, h = self.width(), self.height()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(th.background))
        c, r_max = self.geometry_of_ring()
        colours = self._level_colours()
        # three-band ring: low, medium, high arcs; the current band drawn bold
        level = self.level
        span = 360 / 3
        for k, col in enumerate(colours):
            pen = QPen(col, RING_PEN_PX if k == level else 2.5)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(pen)
            rect = QRectF(c.x() - r_max, c.y() - r_max, 2 * r_max, 2 * r_max)
            p.drawArc(rect, int((90 - k * span - 4) * 16), int(-(span - 8) * 16))
        # growing circle, coloured by level
        frac = fill_fraction(self.ratio)
        r = (0.18 + 0.62 * frac) * r_max
        fill = QColor(colours[level] if level is not None else th.panel)
        fill.setAlpha(200)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawEllipse(c, r, r)
        # the level's word inside the ring, the caption and the numbers on demand under it
        p.setFont(self.word_font())
        p.setPen(QColor(th.text))
        p.drawText(QRectF(c.x() - r_max, c.y() - r_max, 2 * r_max, 2 * r_max), Qt.AlignmentFlag.AlignCenter,
                   translate("Coherence", "waiting") if level is None else level_name(level))
        font = self.caption_font()
        p.setFont(font)
        line = QFontMetricsF(font).height()
        top = h - self._text_height()
        p.setPen(QColor(th.muted))
        p.drawText(QRectF(0, top, w, line), Qt.AlignmentFlag.AlignCenter, self.caption_text())
        if self.show_numbers:
            text = self.numbers_text()
            wide = QFontMetricsF(font).horizontalAdvance(text)
            if wide > w - 4:  # the numbers line shrinks to the widget's width
                font.setPixelSize(max(int(font.pixelSize() * (w - 4) / wide), 9))
                p.setFont(font)
            p.drawText(QRectF(0, top + line, w, line), Qt.AlignmentFlag.AlignCenter, text)
        if self.hasFocus():  # keyboard focus is visible here too (Enter toggles the numbers)
            pen = QPen(QColor(th.accent), 2.0, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        p.end()


def _soft_envelope(x: float) -> float:
    """Slow attack, long release: a tone that fades rather than stops."""
    return min(x / 0.15, 1.0) * (1.0 - x) ** 2


class CoherenceTone(ToneSet):
    """One soft tone per coherence update, higher for higher coherence."""

    def __init__(self) -> None:
        super().__init__(str(QT_TRANSLATE_NOOP("Audio", "Coherence sound")), LEVEL_TONES_HZ, TONE_S, TONE_VOLUME, peak=0.4,
                         envelope=_soft_envelope)

    def play(self, level: int) -> None:
        self.play_tone(level)
