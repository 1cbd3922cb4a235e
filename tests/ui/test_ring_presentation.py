"""Presentation mode: the coherence ring's level word and caption are legible across a room and stay inside the ring.

Figures: on a 1080-line screen a coach reads the window from 3-4 m; the presentation bar's
numbers are >= 5 % of the screen height (tests/ui/test_presentation.py). The ring's level
word must be at least 4.5 % (49 px) and its caption at least 3 % (32 px, 11 pt was 15 px)
unless the ring's width is what limits it (then the caption fills the ring's width: how wide a
word is depends on the font the machine has), and the word must lie inside the ring's inner
edge, the caption no wider than the ring.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage

from biofeedback.ui.coherence_indicator import LEVEL_NAMES, RING_PEN_PX, RING_WORDS, WORD_FILL


def rgb(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), 2::-1].astype(float).copy()


def at_least_or_bounded(font: QFont, texts, min_px: float, room_px: float, diagonal: bool = False) -> bool:
    """The font is ``min_px`` tall, or as tall as ``room_px`` allows: two pixels more would not fit.

    How wide a word is depends on the font the machine has, so the size target gives way to the
    width bound it can meet (the word's box diagonal for text inside the ring, else its width).
    """
    larger = QFont(font)
    larger.setPixelSize(font.pixelSize() + 2)
    metrics = QFontMetricsF(larger)
    widest = max(metrics.horizontalAdvance(t) for t in texts)
    extent = float(np.hypot(widest, metrics.height())) if diagonal else widest
    return font.pixelSize() >= min_px or extent > room_px


def test_in_presentation_at_1080p_the_ring_text_is_large_and_inside_the_ring(make_window, qtbot):
    window = make_window()
    ring = window.coherence_indicator
    ring.set_values(1.0, 12.0, 1)
    before = (ring.word_font().pixelSize(), ring.caption_font().pixelSize())
    window.set_presentation(True, fullscreen=False)  # what F11 does, on a window the size of a 1080p screen
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.height() == 1080 and ring.width() > 400, timeout=5000)
    qtbot.waitUntil(lambda: at_least_or_bounded(ring.word_font(), RING_WORDS, 0.045 * 1080,
                                                 WORD_FILL * 2 * (ring.geometry_of_ring()[1] - RING_PEN_PX),
                                                 diagonal=True), timeout=5000)  # layout settles in the loop
    word, caption = ring.word_font(), ring.caption_font()
    c, r_ring = ring.geometry_of_ring()
    assert 2 * (r_ring - RING_PEN_PX) >= 0.15 * 1080  # the ring itself is large, whatever the font
    assert at_least_or_bounded(caption, (ring.caption_text(),), 0.03 * 1080, 2 * r_ring), caption.pixelSize()
    assert word.pixelSize() > before[0] and caption.pixelSize() > before[1]  # it grew with the widget
    metrics = QFontMetricsF(word)
    for text in RING_WORDS:  # every word the ring may show fits inside its inner edge
        half_w, half_h = metrics.horizontalAdvance(text) / 2, metrics.height() / 2
        assert np.hypot(half_w, half_h) <= r_ring - RING_PEN_PX, text
    assert QFontMetricsF(caption).horizontalAdvance(ring.caption_text()) <= 2 * r_ring
    # and on screen: the word's pixels (the theme's text colour) lie inside the ring
    pixels = rgb(ring)
    text = np.array(QColor(window.theme.text).getRgb()[:3], float)
    ys, xs = np.nonzero(np.linalg.norm(pixels - text, axis=2) < 60)
    above_caption = ys < c.y() + r_ring
    assert above_caption.sum() > 50, "no level word drawn"
    dist = np.hypot(xs[above_caption] + 0.5 - c.x(), ys[above_caption] + 0.5 - c.y())
    assert dist.max() <= r_ring - RING_PEN_PX / 2
    assert ring.level_text() == f"coherence {LEVEL_NAMES[1]}"
    # Esc: back to the window's glanceable ring
    window.look.leave_presentation()
    qtbot.waitUntil(lambda: ring.maximumWidth() < 400, timeout=5000)


def test_the_waiting_caption_stays_readable_and_inside_the_smallest_ring_widget(qtbot):
    from biofeedback.ui.coherence_indicator import CoherenceIndicator

    ring = CoherenceIndicator()
    qtbot.addWidget(ring)
    ring.resize(160, 160)  # its minimum size
    ring.show()
    qtbot.waitExposed(ring)
    ring.set_values(None)
    assert ring.caption_text() == "needs 64 s of beats"
    assert ring.caption_font().pixelSize() >= 15  # 11 pt at 96 dpi, as before
    assert QFontMetricsF(ring.caption_font()).horizontalAdvance(ring.caption_text()) <= ring.width()
