"""The pacer repaints only what moved (circle or wave strip, by whole pixels) and leaves nothing stale on screen.

The benchmark's CPU target (benchmarks/gui.py, <= 15 % of a core) rests on the pacer
not repainting its whole widget on every 60 Hz frame; what the screen shows must still
equal a full paint of the same moment.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from biofeedback.core.pacer import Pacer
from biofeedback.ui.pacer_widget import PacerWidget
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
    assert all(u in (circle, wave) for u in updates[1:])
    assert 0 < updates.count(circle) < 0.7 * frames and 0 < updates.count(wave) < 0.7 * frames
    # both parts due at the last moment (the partial path): the screen then equals a full paint of it
    widget._drawn_state = ((-1, ""), -1)
    widget.set_time(frames / 60.0)
    qtbot.wait(50)
    shown = rgb(widget.screen().grabWindow(widget.winId()).toImage())
    full = rgb(widget.grab().toImage())
    assert shown.shape == full.shape and np.array_equal(shown, full)
