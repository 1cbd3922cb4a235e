"""The pacer word (inhale / hold / exhale) is drawn inside its circle at every size, smallest circle included."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from biofeedback.core.breathing.pacer import Pacer
from biofeedback.ui.pacer_widget import PacerWidget
from biofeedback.ui.theme import DARK


def pixels(widget: PacerWidget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    return raw.reshape(h, image.bytesPerLine() // 4, 4)[:, :w, 2::-1].astype(float)  # BGRA -> RGB


def phase_times(pacer: Pacer, t0: float) -> dict[str, float]:
    """For each phase word, the moment of that phase with the smallest circle."""
    best: dict[str, tuple[float, float]] = {}
    for t in t0 + np.arange(0.05, pacer.cycle_s, 0.05):
        name, value = pacer.phase_name(t), pacer.value(t)
        if name not in best or value < best[name][1]:
            best[name] = (t, value)
    return {name: t for name, (t, _) in best.items()}


@pytest.mark.parametrize("size", [(220, 260), (260, 240), (420, 520), (900, 700), (1900, 1000)])
@pytest.mark.parametrize("text_scale", [1.0, 1.6])
def test_the_phase_word_stays_inside_the_circle(qtbot, size, text_scale):
    pacer = Pacer(6.0, 0.5, 2.0, 2.0, t0_s=0.0)
    widget = PacerWidget(pacer)
    widget.set_theme(DARK)
    widget.text_scale = text_scale
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    times = phase_times(pacer, 0.0)
    assert set(times) == {"inhale", "hold", "exhale"}
    text = np.array(QColor(DARK.text).getRgb()[:3], float)
    for name, t in times.items():
        widget.set_time(t)
        rgb = pixels(widget)
        area = widget.circle_area()
        c = area.center()
        r_min, r_max = widget.radii()
        r = r_min + (r_max - r_min) * pacer.value(t)
        ys, xs = np.nonzero(np.linalg.norm(rgb - text, axis=2) < 60)
        inside_area = ys < area.height()
        ys, xs = ys[inside_area], xs[inside_area]
        assert len(xs) > 15, f"{name}: no text drawn"
        dist = np.hypot(xs + 0.5 - c.x(), ys + 0.5 - c.y())
        assert dist.max() <= r + 1.0, f"{name} at {size}: text reaches {dist.max():.1f} px, circle {r:.1f} px"


@pytest.mark.parametrize("size", [(220, 260), (400, 330), (420, 520), (900, 700)])
@pytest.mark.parametrize("text_scale", [1.0, 1.6])
def test_the_caption_line_is_never_under_the_full_breath_circle(qtbot, size, text_scale):
    """'you: 5.8 /min · guide: 5.5 /min' was drawn across the top of the circle at full inhale (1366x768)."""
    widget = PacerWidget(Pacer(6.0, t0_s=0.0))
    widget.text_scale = text_scale
    qtbot.addWidget(widget)
    widget.resize(*size)
    c, r_max = widget.circle_area().center(), widget.radii()[1]
    assert c.y() - r_max - 1.5 >= widget.caption_rect().bottom()  # the circle's pen included
    assert c.y() + r_max <= widget.height() * (1 - 0.22) + 1e-6  # and it stays above the wave
