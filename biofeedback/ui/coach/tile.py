"""One client's tile: name, HR curve with the pacer over the last minute, numbers, state, and
what is wrong with the client's streams if anything ("bad stream (Pacer): 1 channel, expected 2").

Dumb: ``show_client`` draws a ``ClientState`` it is given; clicking asks the
window to enlarge it (``clicked``). The pacer guide (0..1) is drawn scaled
onto the HR axis so the HR rising with each inhale is visible at a glance; a
legend under the curve names both lines and gives the pacer's rate, and the
time axis reads in seconds before now. The coherence level (the client
window's calm level, same thresholds) colours the coherence number and the
tile's frame. A client that sends nothing is unmistakable: every number and
the curve grey, its clock stops, and the state says "no data" or "lost since 12:04".
"""

from __future__ import annotations

import time

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout

from biofeedback import config
from biofeedback.app.coach_model import ClientState
from biofeedback.ui.i18n import level_name, translate
from biofeedback.ui.theme import Theme, point_font

DASH = "--"
AXIS_FONT_SHARE = 0.8  # axis ticks and legend, of the tile's type size (14 pt: 11 pt, ~15 px)
TIME_TICKS_S = (-60, -45, -30, -15, 0)
FRAME_PX = 3


def time_ticks(window_s: float = config.COACH_WINDOW_S) -> list[tuple[float, str]]:
    """The time axis: seconds before now, the right edge "now"."""
    return [(float(t), translate("Coach", "now") if t == 0 else f"{t:d} s") for t in TIME_TICKS_S if -t <= window_s]


def wall_clock_text(wall_s: float) -> str:
    """A wall time as the coach's clock shows it ("12:04")."""
    return time.strftime("%H:%M", time.localtime(wall_s))


def level_color(theme: Theme, level: int | None) -> str:
    """The coherence level's colour: the client window's (low muted, medium accent, high ok)."""
    return theme.muted if level is None else (theme.muted, theme.accent, theme.ok)[level]


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
        self._frame_color = ""
        self._set_frame(theme.panel)
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
        item = self.plot.getPlotItem()
        item.getAxis("bottom").setTicks([time_ticks()])
        item.getAxis("bottom").setStyle(hideOverlappingLabels=40)  # "-60 s" and "now" sit at the ends...
        item.setContentsMargins(0, 0, 24, 0)  # ...with room for "now" right of the curve
        item.setLabel("left", "bpm")
        self.pacer_curve = self.plot.plot(pen=pg.mkPen(theme.accent, width=2), connect="finite")
        self.hr_curve = self.plot.plot(pen=pg.mkPen(theme.heart, width=3), connect="finite")
        self._hr_pen_color = theme.heart
        self.legend = QLabel("")  # what each line is, and the pacer's rate
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setStyleSheet(f"color: {theme.muted};")
        self.pacer_rate_text = ""  # "6.0 /min" as the legend gives it
        self.drawn_version = self.drawn_news_version = -1  # the client's versions when last drawn
        self.values: dict[str, QLabel] = {}
        self.captions: list[QLabel] = []
        grid = QGridLayout()
        self.caption_of: dict[str, QLabel] = {}
        for col, (key_, title) in enumerate((("hr", translate("Coach", "HR bpm")),
                                             ("coherence", translate("Coach", "coherence")),
                                             ("rmssd", "RMSSD ms"), ("session", translate("Coach", "session")))):
            caption, value = QLabel(title), QLabel(DASH)
            caption.setStyleSheet(f"color: {theme.muted};")
            grid.addWidget(value, 0, col, alignment=Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(caption, 1, col, alignment=Qt.AlignmentFlag.AlignCenter)
            self.values[key_] = value
            self.captions.append(caption)
            self.caption_of[key_] = caption
        layout = QVBoxLayout(self)
        top = QGridLayout()
        top.addWidget(self.name, 0, 0)
        top.addWidget(self.state, 0, 1, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
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
        small = point_font(font_pt * AXIS_FONT_SHARE)
        self.legend.setFont(small)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setTickFont(small)
            axis.setPen(pg.mkPen(self.theme.muted))
            axis.setTextPen(pg.mkPen(self.theme.text))
            axis.label.setFont(small)

    def _set_frame(self, color: str) -> None:
        """The tile's frame: the coherence level's colour, the warning colour once lost (on change only)."""
        if color == self._frame_color:
            return
        self._frame_color = color
        self.setStyleSheet(f"ClientTile {{ background: {self.theme.panel}; border-radius: 8px; "
                           f"border: {FRAME_PX}px solid {color}; }} QLabel {{ background: transparent; border: none; }}")

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
        old = client.stopped  # nothing arrives: every number is old, in grey
        level = client.coherence_level if m.get("coherence_ratio") is not None else None
        self._set(self.values["hr"], _fmt(client.hr_bpm, ".0f"), t.muted if old else t.heart)
        self._set(self.values["coherence"], _fmt(m.get("coherence_ratio"), ".1f"),
                  t.muted if old else level_color(t, level))
        self._set(self.caption_of["coherence"], translate("Coach", "coherence") if level is None else
                  translate("Coach", "coherence {level}").format(level=level_name(level)),
                  t.muted)
        self._set(self.values["rmssd"], _fmt(m.get("rmssd_ms"), ".0f"), t.muted if old else t.rmssd)
        self._set(self.values["session"], _clock(client.session_s(now_s)), t.muted if old else t.text)
        self._set_frame(t.warn if client.lost else (t.panel if old or level is None else level_color(t, level)))
        self._show_legend(client.pacer_bpm, old)
        note = "\n".join(client.notes)
        if note != self.note.text():
            self.note.setText(note)
            self.note.setToolTip(note)  # the whole sentence when a narrow tile cuts it
            self.note.setVisible(bool(note))
        if client.lost:
            lost = (translate("Coach", "lost") if client.lost_since_wall_s is None else
                    translate("Coach", "lost since {clock}").format(clock=wall_clock_text(client.lost_since_wall_s)))
            self._set(self.state, lost, t.warn)
        elif client.quiet:
            self._set(self.state, translate("Coach", "no data"), t.warn)
        elif client.signal_ok is False:
            self._set(self.state, translate("Coach", "no signal"), t.warn)
        else:
            share = m.get("artifact_share")
            corrected = "" if share is None else translate("Coach", " · {percent} % corrected").format(
                percent=f"{share * 100:.0f}")
            self._set(self.state, (translate("Coach", "signal good") if client.signal_ok else translate("Coach", "waiting")) + corrected,
                      t.ok if share is None or share <= 0.05 else t.warn)
        bt, hr = client.hr_curve(now_s)
        hr_color = t.muted if old else t.heart
        if hr_color != self._hr_pen_color:  # both lines grey while nothing arrives
            self._hr_pen_color = hr_color
            self.hr_curve.setPen(pg.mkPen(hr_color, width=3))
            self.pacer_curve.setPen(pg.mkPen(t.muted if old else t.accent, width=2))
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

    def _show_legend(self, pacer_bpm: float | None, old: bool) -> None:
        """The two lines named in their colours, the guide with the pacer's rate (on change only)."""
        t = self.theme
        rate = "" if pacer_bpm is None else f" {pacer_bpm:.1f} /min"
        text = (f'<span style="color:{t.muted if old else t.heart}">━━</span> '
                + translate("Coach", "heart rate") + "&nbsp;&nbsp; "
                + f'<span style="color:{t.muted if old else t.accent}">━━</span> '
                + translate("Coach", "breathing guide{rate} (up = inhale)").format(rate=rate))
        if text != self.legend.text():
            self.legend.setText(text)
            self.pacer_rate_text = rate.strip()
