"""The pacer repaints only what moved (circle or wave strip, by whole pixels) and leaves nothing stale on screen.

The benchmark's CPU target (benchmarks/gui.py, <= 15 % of a core) rests on the pacer
not repainting its whole widget on every 60 Hz frame; what the screen shows must still
equal a full paint of the same moment.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from biofeedback.core.breathing.pacer import Pacer
from biofeedback.ui.pacer_widget import WAVE_MARGIN_PX, WAVE_SPAN_S, PacerWidget
from biofeedback.ui.theme import DARK


def rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].copy()  # own the bytes


def test_partial_repaints_at_60_hz_and_the_screen_equals_a_full_paint(qtbot, monkeypatch):
    pacer = Pacer(6.0, 0.4, 1.0, 1.0, t0_s=0.0)
    widget = PacerWidget(pacer)
    widget.set_theme(DARK)
    qtbot.addWidget(widget)
    widget.resize(460, 560)
    widget.show()
    qtbot.waitExposed(widget)
    updates: list[object] = []
    original = widget.update
    monkeypatch.setattr(widget, "update", lambda *a: (updates.append(a[0] if a else None), original(*a)))
    frames = 700  # 11.7 s at 60 Hz: a full breath with both holds, ending mid-inhale (the circle moving)
    for k in range(frames):
        widget.set_time(k / 60.0)
        if k % 20 == 0:
            qtbot.wait(1)  # paint now and then, as the event loop does
    circle, wave = widget.circle_rect().toAlignedRect(), widget.wave_rect().toAlignedRect()
    assert updates[0] is None and None not in updates[1:]  # the whole widget once (nothing drawn yet), then parts
    # the circle's updates: squares about its centre, inside the full breath's, as large as the larger circle
    squares = [u for u in updates[1:] if u != wave]
    centre = widget.circle_area().center()
    assert all(circle.contains(u) and abs(u.center().x() - centre.x()) <= 1 and abs(u.center().y() - centre.y()) <= 1
               and abs(u.width() - u.height()) <= 1 for u in squares)
    assert min(u.width() for u in squares) < 0.8 * circle.width()  # exhaled: less than the whole square
    assert 0 < len(squares) < 0.7 * frames and 0 < updates.count(wave) < 0.7 * frames
    # both parts due at the last moment (the partial path): the screen then equals a full paint of it
    widget._drawn_state = ((-1, ""), -1)
    widget.set_time(frames / 60.0)
    qtbot.wait(50)
    shown = rgb(widget.screen().grabWindow(widget.winId()).toImage())
    full = rgb(widget.grab().toImage())
    assert shown.shape == full.shape and np.array_equal(shown, full)


def wave_rows(widget: PacerWidget) -> dict[int, float]:
    """Column -> the mean row of the guide's colour in the wave strip (columns clear of the "now" dot)."""
    from PySide6.QtGui import QColor

    image = rgb(widget.grab().toImage()).astype(float)[:, :, ::-1]  # BGR -> RGB
    accent = np.array(QColor(DARK.accent).getRgb()[:3], float)
    rect = widget.wave_rect()
    top = int(rect.top())
    near = np.linalg.norm(image[top:] - accent, axis=2) < 40
    x_now = widget.width() / 2
    rows = {}
    for x in range(int(WAVE_MARGIN_PX) + 4, int(widget.width() - WAVE_MARGIN_PX) - 4):
        ys = np.nonzero(near[:, x])[0]
        if abs(x - x_now) > 10 and len(ys):
            rows[x] = top + ys.mean() + 0.5
    return rows


def test_the_wave_shows_the_guide_of_the_10_s_around_now_after_scrolling_and_a_rate_change(qtbot):
    """The wave is scrolled from a strip painted ahead: it still shows the guide at every column,
    when the strip is repainted after scrolling past it, and at once after a rate change."""
    pacer = Pacer(6.0, 0.4, 1.0, 0.0, t0_s=0.0)
    widget = PacerWidget(pacer)
    widget.set_theme(DARK)
    qtbot.addWidget(widget)
    widget.resize(420, 520)
    widget.show()
    qtbot.waitExposed(widget)
    rect, margin = widget.wave_rect(), WAVE_MARGIN_PX
    inner = widget.width() - 2 * margin

    def check(t: float) -> None:
        widget.set_time(t)
        rows = wave_rows(widget)
        assert len(rows) > 0.8 * (inner - 30)
        xs = np.array(sorted(rows))
        times = t + ((xs + 0.5 - margin) / inner - 0.5) * WAVE_SPAN_S
        expected = rect.top() + margin + (rect.height() - 2 * margin) * (1.0 - pacer.values(times))
        error = np.abs(np.array([rows[x] for x in xs]) - expected)
        assert np.median(error) <= 1.0 and error.max() <= 3.0, (t, np.median(error), error.max())

    for t in (0.0, 3.3, 17.0, 41.7, 95.2):  # 41.7 and 95.2: past the first strips
        check(t)
    pacer.set_rate(4.5, 95.3)
    check(95.4)
