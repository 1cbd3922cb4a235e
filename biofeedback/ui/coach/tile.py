"""One client's tile: name, HR curve with the pacer over the last minute, numbers, state, and
what is wrong with the client's streams if anything ("bad stream (Pacer): 1 channel, expected 2").

Dumb: ``show_client`` draws a ``ClientState`` it is given; clicking asks the
window to enlarge it (``clicked``). The pacer guide (0..1) is drawn scaled
onto the HR axis so the HR rising with each inhale is visible at a glance.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout

from biofeedback import config
from biofeedback.app.coach_model import ClientState
from biofeedback.ui.theme import Theme, point_font

DASH = "--"


def _fmt(x: float | None, fmt: str) -> str:
    return DASH if x is None else format(x, fmt)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return DASH
    m, s = divmod(int(seconds), 60)
    return f"{m // 60}:{m % 60:02d}:{s:02d}" if m >= 60 else f"{m}:{s:02d}"


class ClientTile(QFrame):
    """A client at a glance; ``font_pt`` scales every text (presentation type)."""

    clicked = Signal(str)

    def __init__(self, key: str, theme: Theme, font_pt: float = 14.0) -> None:
        super().__init__()
        self.key, self.theme = key, theme
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"ClientTile {{ background: {theme.panel}; border-radius: 8px; }} "
                           "QLabel { background: transparent; }")
        self.name = QLabel(key)
        self.state = QLabel("")
        self.note = QLabel("")  # what is wrong with the client's streams ("bad stream (Pacer): ..."), if anything
        # one line per problem, never wider than the tile: a wrapping label made its grid row ~3x taller
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note.setStyleSheet(f"color: {theme.warn};")
        self.note.hide()
        self.plot = pg.PlotWidget(background=theme.panel)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.setXRange(-config.COACH_WINDOW_S, 0, padding=0)
        self.plot.getPlotItem().hideAxis("bottom")
        self.pacer_curve = self.plot.plot(pen=pg.mkPen(theme.accent, width=2), connect="finite")
        self.hr_curve = self.plot.plot(pen=pg.mkPen(theme.heart, width=3), connect="finite")
        self.drawn_version = self.drawn_news_version = -1  # the client's versions when last drawn
        self.values: dict[str, QLabel] = {}
        self.captions: list[QLabel] = []
        grid = QGridLayout()
        for col, (key_, title) in enumerate((("hr", "HR bpm"), ("coherence", "coherence"),
                                             ("rmssd", "RMSSD ms"), ("session", "session"))):
            caption, value = QLabel(title), QLabel(DASH)
            caption.setStyleSheet(f"color: {theme.muted};")
            grid.addWidget(value, 0, col, alignment=Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(caption, 1, col, alignment=Qt.AlignmentFlag.AlignCenter)
            self.values[key_] = value
            self.captions.append(caption)
        layout = QVBoxLayout(self)
        top = QGridLayout()
        top.addWidget(self.name, 0, 0)
        top.addWidget(self.state, 0, 1, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 1)
        layout.addLayout(grid)
        self.set_font_pt(font_pt)

    def set_font_pt(self, font_pt: float) -> None:
        self.name.setFont(point_font(font_pt * 1.2, bold=True))
        self.state.setFont(point_font(font_pt, bold=True))
        self.note.setFont(point_font(font_pt * 0.8))
        for label in self.values.values():
            label.setFont(point_font(font_pt * 1.8, bold=True))
        for label in self.captions:
            label.setFont(point_font(font_pt * 0.8))

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.clicked.emit(self.key)
        super().mousePressEvent(event)

    def _set(self, label: QLabel, text: str, color: str) -> None:
        """Text and colour of a label, touched only when they change (a style sheet re-polishes the label)."""
        if label.text() != text:
            label.setText(text)
        style = f"color: {color};"
        if label.styleSheet() != style:
            label.setStyleSheet(style)

    def show_client(self, client: ClientState, now_s: float) -> None:
        t = self.theme
        self.drawn_version, self.drawn_news_version = client.version, client.news_version
        self._set(self.name, client.name, t.text)
        m = client.metrics
        self._set(self.values["hr"], _fmt(client.hr_bpm, ".0f"), t.heart)
        self._set(self.values["coherence"], _fmt(m.get("coherence_ratio"), ".1f"), t.coherence)
        self._set(self.values["rmssd"], _fmt(m.get("rmssd_ms"), ".0f"), t.rmssd)
        self._set(self.values["session"], _clock(client.session_s(now_s)), t.text)
        note = "\n".join(client.notes)
        if note != self.note.text():
            self.note.setText(note)
            self.note.setToolTip(note)  # the whole sentence when a narrow tile cuts it
            self.note.setVisible(bool(note))
        if client.lost:
            self._set(self.state, "lost", t.warn)
        elif client.signal_ok is False:
            self._set(self.state, "no signal", t.warn)
        else:
            share = m.get("artifact_share")
            corrected = "" if share is None else f" · {share * 100:.0f} % corrected"
            self._set(self.state, ("signal good" if client.signal_ok else "waiting") + corrected,
                      t.ok if share is None or share <= 0.05 else t.warn)
        bt, hr = client.hr_curve(now_s)
        self.hr_curve.setData(bt, hr)
        pt, guide = client.pacer_curve(now_s)
        finite = [x for x in hr if x == x]
        if finite:
            lo, hi = min(finite), max(finite)
            span = max(hi - lo, config.PLOT_MIN_SPAN_HR_BPM)
            mid = (hi + lo) / 2
            self.plot.setYRange(mid - span / 2 - 1, mid + span / 2 + 1, padding=0)
            self.pacer_curve.setData(pt, [mid - span / 2 + g * span for g in guide])
        else:
            self.pacer_curve.setData(pt, [60 + 10 * g for g in guide])  # no beats yet: a nominal axis
