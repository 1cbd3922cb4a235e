"""Presentation mode: the coherence ring's level word and caption are legible across a room and stay inside the ring.

Figures: on a 1080-line screen a coach reads the window from 3-4 m; the presentation bar's
numbers are >= 5 % of the screen height (tests/ui/test_presentation.py). The ring's level
word must be at least 4.5 % (49 px) and its caption at least 3 % (32 px, 11 pt was 15 px),
and the word must lie inside the ring's inner edge, the caption no wider than the ring.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QFontMetricsF, QImage

from biofeedback.ui.coherence_indicator import LEVEL_NAMES, RING_PEN_PX, RING_WORDS


def rgb(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), 2::-1].astype(float).copy()


def test_in_presentation_at_1080p_the_ring_text_is_large_and_inside_the_ring(make_window, qtbot):
    window = make_window()
    ring = window.coherence_indicator
    ring.set_values(1.0, 12.0, 1)
    before = (ring.word_font().pixelSize(), ring.caption_font().pixelSize())
    window.set_presentation(True, fullscreen=False)  # what F11 does, on a window the size of a 1080p screen
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.height() == 1080, timeout=2000)
    qtbot.wait(50)
    word, caption = ring.word_font(), ring.caption_font()
    assert word.pixelSize() >= 0.045 * 1080 and caption.pixelSize() >= 0.03 * 1080, (word.pixelSize(), caption.pixelSize())
    assert word.pixelSize() > before[0] and caption.pixelSize() > before[1]  # it grew with the widget
    c, r_ring = ring.geometry_of_ring()
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
    qtbot.wait(50)
    assert ring.maximumWidth() < 400


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
