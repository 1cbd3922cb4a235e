"""Presentation mode's top bar, for a coach's screen across a room: session clock, time left, coherence level.

Text is sized from the bar's height (and shrunk until it fits the width), so
it reads across a room at 1920x1080 and still fits at 1280x720. The window
shows the bar in presentation mode and feeds it on its number timer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from biofeedback.ui.coherence_indicator import LEVEL_NAMES, coherence_level
from biofeedback.ui.i18n import level_name, translate
from biofeedback.ui.panels import clock_text
from biofeedback.ui.theme import DARK, Theme

BAR_HEIGHT_SHARE = 0.11  # of the screen height
VALUE_SHARE = 0.62  # value text pixel size, of the bar height
CAPTION_SHARE = 0.2


class _Readout(QWidget):
    """A small caption over a large value."""

    def __init__(self, caption: str, samples: tuple[str, ...]) -> None:
        super().__init__()
        self.samples = samples  # every text it may show: the widest sizes the font so none overflows
        self.caption = QLabel(caption)
        self.value = QLabel("–")
        for label in (self.caption, self.value):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        lay.addWidget(self.caption)
        lay.addWidget(self.value, 1)

    def fit(self, height_px: float, width_px: float, weight: QFont.Weight = QFont.Weight.DemiBold) -> None:
        cap = QFont()
        cap.setPixelSize(max(int(height_px * CAPTION_SHARE), 10))
        self.caption.setFont(cap)
        room = width_px - QFontMetricsF(cap).horizontalAdvance(self.caption.text()) - 24
        font = QFont()
        font.setWeight(weight)
        size = max(int(height_px * VALUE_SHARE), 10)
        font.setPixelSize(size)
        width = max(QFontMetricsF(font).horizontalAdvance(t) for t in self.samples)
        if width > room > 0:
            font.setPixelSize(max(int(size * room / width), 10))
        self.value.setFont(font)


class PresentationBar(QWidget):
    """Elapsed session time, time left and the coherence level, in type legible across a room."""

    def __init__(self, theme: Theme = DARK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.elapsed = _Readout(translate("Presentation", "session"), (translate("Window", "no session"), "0:00:00"))
        self.left = _Readout(translate("Presentation", "left"), (translate("Presentation", "open"), "0:00:00"))
        self.coherence = _Readout(translate("Presentation", "coherence"), (translate("Coherence", "waiting"), *map(level_name, range(len(LEVEL_NAMES)))))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(24, 4, 24, 4)
        lay.setSpacing(48)
        for w in (self.elapsed, self.left, self.coherence):
            lay.addWidget(w, 1)
        self.hint = QLabel(translate("Presentation", "Esc: back to the window"))
        lay.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(120)
        self.level: int | None = None
        self.set_theme(theme)
        self.clear()

    def fit_screen(self, screen_height_px: int) -> None:
        """Height from the screen the bar is shown on."""
        self.setFixedHeight(max(int(screen_height_px * BAR_HEIGHT_SHARE), 64))
        self._fit()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setStyleSheet(f"PresentationBar {{ background: {theme.background}; }}")
        for r in (self.elapsed, self.left, self.coherence):
            r.caption.setStyleSheet(f"color: {theme.muted};")
            r.value.setStyleSheet(f"color: {theme.text};")
        self.hint.setStyleSheet(f"color: {theme.muted};")
        self._color_level()

    def clear(self) -> None:
        self.set_clock(None, None)
        self.set_coherence(None)

    def set_clock(self, elapsed_s: float | None, remaining_s: float | None) -> None:
        """Session time so far and time left (None: no session / open-ended)."""
        self.elapsed.value.setText(translate("Window", "no session") if elapsed_s is None else clock_text(elapsed_s))
        self.left.value.setText(translate("Presentation", "open") if elapsed_s is not None and remaining_s is None
                                else clock_text(remaining_s))

    def set_coherence(self, ratio: float | None, level: int | None = None) -> None:
        """The level shown: ``level`` (the calm one, core/hrv/coherence_level.py) or the ratio's."""
        new = coherence_level(ratio) if level is None or ratio is None else level
        if new == self.level and self.coherence.value.text() != "–":
            return  # the window calls 4 times a second: a style sheet is re-applied only on a change
        self.level = new
        self.coherence.value.setText(translate("Coherence", "waiting") if self.level is None else level_name(self.level))
        self._color_level()

    def _color_level(self) -> None:
        th = self.theme
        color = th.muted if self.level is None else (th.muted, th.accent, th.ok)[self.level]
        self.coherence.value.setStyleSheet(f"color: {color};")

    def _fit(self) -> None:
        h = self.height() - 8
        share = max((self.width() - 48 - 48 * 3 - self.hint.sizeHint().width()) / 3, 80)
        for r in (self.elapsed, self.left, self.coherence):
            r.fit(h, share)
        small = QFont()
        small.setPixelSize(max(int(h * 0.16), 10))
        self.hint.setFont(small)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit()
