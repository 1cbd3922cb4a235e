"""A calm, glanceable coherence indicator for training, with the numbers a click away.

Shows the live coherence ratio (McCraty & Childre 2010: last 64 s, updated
every 5 s by ``LiveHrv``) as a soft circle that grows with coherence inside a
three-band colour ring (low / medium / high, thresholds config.COHERENCE_LEVELS
on the raw ratio: our own choice, not HeartMath's product scale), and the
heart-rate swing of the last breath (peak to trough, bpm). Clicking toggles
the numeric values. An optional soft tone whose pitch follows the level
(QtMultimedia imported only when turned on; any failure is a quiet notice).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from biofeedback import config
from biofeedback.ui.audio import ToneSet
from biofeedback.ui.theme import DARK, Theme

LEVEL_NAMES = ("low", "medium", "high")
LEVEL_TONES_HZ = (196.0, 247.0, 294.0)  # G3, B3, D4: soft and consonant
TONE_S = 0.9
TONE_VOLUME = 0.15
RATIO_FULL = 6.0  # raw ratio at which the circle is full size


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
        self.setMaximumWidth(260)  # a glanceable ring; the trend plots keep the width
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Coherence (McCraty & Childre 2010, raw ratio of the last 64 s). "
                        "Click to show the numbers.")

    # -- model ---------------------------------------------------------------
    @property
    def level(self) -> int | None:
        """The calm level given with the values (core/coherence_level.py), else the raw ratio's."""
        return self._shown_level if self._shown_level is not None else coherence_level(self.ratio)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def set_values(self, coherence_ratio: float | None, swing_bpm: float | None = None,
                   level: int | None = None) -> None:
        """New coherence ratio (or None while the 64 s window fills), last breath's HR swing, and the
        level to show (the smoothed one with hysteresis; None: from the ratio)."""
        changed = coherence_ratio != self.ratio
        self.ratio = coherence_ratio
        self._shown_level = level if coherence_ratio is not None else None
        if swing_bpm is not None:
            self.swing_bpm = swing_bpm
        if changed and self.tone is not None and self.level is not None:
            self.tone.play(self.level)
        self.update()

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
        return "needs 64 s of beats" if level is None else f"coherence {LEVEL_NAMES[level]}"

    def numbers_text(self) -> str:
        ratio = "--" if self.ratio is None else f"{self.ratio:.2f}"
        swing = "--" if self.swing_bpm is None else f"{self.swing_bpm:.0f} bpm"
        return f"ratio {ratio} · swing {swing}"

    # -- Qt ------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.set_numbers_visible(not self.show_numbers)
        super().mousePressEvent(event)

    def _level_colours(self) -> tuple[QColor, QColor, QColor]:
        th = self.theme
        return QColor(th.muted), QColor(th.accent), QColor(th.ok)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        th = self.theme
        w, h = self.width(), self.height()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(th.background))
        text_h = 54.0 if self.show_numbers else 32.0
        area = QRectF(0, 0, w, h - text_h)
        r_max = max(min(area.width(), area.height()) * 0.44, 10.0)
        c = area.center()
        colours = self._level_colours()
        # three-band ring: low, medium, high arcs; the current band drawn bold
        level = self.level
        span = 360 / 3
        for k, col in enumerate(colours):
            pen = QPen(col, 7 if k == level else 2.5)
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
        # words, and numbers on demand
        font = QFont()
        font.setPointSizeF(11.0)
        p.setFont(font)
        p.setPen(QColor(th.text))
        fit = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        p.drawText(QRectF(0, h - text_h, w, 26), fit, self.level_text())
        if self.show_numbers:
            p.setPen(QColor(th.muted))
            p.drawText(QRectF(0, h - text_h + 24, w, 26), fit, self.numbers_text())
        p.end()


def _soft_envelope(x: float) -> float:
    """Slow attack, long release: a tone that fades rather than stops."""
    return min(x / 0.15, 1.0) * (1.0 - x) ** 2


class CoherenceTone(ToneSet):
    """One soft tone per coherence update, higher for higher coherence."""

    def __init__(self) -> None:
        super().__init__("Coherence sound", LEVEL_TONES_HZ, TONE_S, TONE_VOLUME, peak=0.4,
                         envelope=_soft_envelope)

    def play(self, level: int) -> None:
        self.play_tone(level)
