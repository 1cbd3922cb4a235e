"""History trends: RMSSD, coherence and check-in changes per session (or per calendar week).

RMSSD (Task Force 1996) and coherence ratio (McCraty & Childre 2010) are the
session summaries stored at the end of each session; the check-in change is
after minus before.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from biofeedback.app.session_library import SessionInfo
from biofeedback.ui.theme import Theme, style_plot


def _timestamp(info: SessionInfo) -> float:
    return datetime.fromisoformat(info.started_at).timestamp()


WEEK_S = 7 * 86400.0


def weekly_means(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean per calendar week (Monday 00:00 local time); x is the week's middle."""
    if not x.size:
        return x, y
    monday = [datetime.fromtimestamp(t).date().toordinal() - datetime.fromtimestamp(t).weekday() for t in x]
    weeks = np.array(monday)
    keys = np.unique(weeks)
    mids = np.array([datetime.fromordinal(int(k)).timestamp() + WEEK_S / 2 for k in keys])
    return mids, np.array([y[weeks == k].mean() for k in keys])


def trend_series(sessions: list[SessionInfo]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """(unix time, value) per trend, oldest first; sessions lacking a value are left out."""
    ordered = sorted(sessions, key=lambda s: (_timestamp(s), s.id))
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    getters: dict[str, Callable[[SessionInfo], float | None]] = {
        "rmssd_ms": lambda s: s.summary.get("rmssd_ms"),
        "coherence_ratio": lambda s: s.summary.get("coherence_ratio"),
        "stress_delta": lambda s: s.checkin_delta("stress"),
        "mood_delta": lambda s: s.checkin_delta("mood"),
    }
    for key, get in getters.items():
        pairs = [(_timestamp(s), get(s)) for s in ordered if get(s) is not None]
        out[key] = (np.array([p[0] for p in pairs], float), np.array([p[1] for p in pairs], float))
    return out


class TrendPlots(QWidget):
    """RMSSD, coherence and check-in changes per session over calendar time, side by side."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plots: dict[str, pg.PlotWidget] = {}
        specs = (("rmssd", "RMSSD per session", "ms"), ("coherence", "Coherence per session", "ratio"),
                 ("checkin", "Check-in change (after − before)", "points"))
        for key, title, unit in specs:
            plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
            item = plot.getPlotItem()
            item.setTitle(title)
            item.setLabel("left", unit)
            item.hideButtons()
            item.setMenuEnabled(False)
            item.showGrid(x=False, y=True, alpha=0.15)
            plot.setBackground(theme.background)
            style_plot(item, theme, 10)
            self.plots[key] = plot
            layout.addWidget(plot)
        self.theme = theme
        self.curves = {
            "rmssd_ms": self.plots["rmssd"].plot(pen=pg.mkPen(theme.rmssd, width=2), symbol="o", symbolSize=5,
                                                 symbolBrush=theme.rmssd, symbolPen=None),
            "coherence_ratio": self.plots["coherence"].plot(pen=pg.mkPen(theme.coherence, width=2), symbol="o",
                                                            symbolSize=5, symbolBrush=theme.coherence,
                                                            symbolPen=None),
            "stress_delta": self.plots["checkin"].plot(pen=None, symbol="t", symbolSize=8,
                                                       symbolBrush=theme.heart, symbolPen=None, name="stress"),
            "mood_delta": self.plots["checkin"].plot(pen=None, symbol="o", symbolSize=7,
                                                     symbolBrush=theme.ok, symbolPen=None, name="mood"),
        }
        legend = self.plots["checkin"].getPlotItem().addLegend(offset=(-5, 5))
        legend.setLabelTextColor(theme.text)
        legend.setBrush(pg.mkBrush(theme.panel))
        for name in ("stress_delta", "mood_delta"):
            legend.addItem(self.curves[name], name.split("_")[0])
        self.plots["checkin"].addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen(theme.muted, width=1)))

        self.grouping = "session"
        self.series: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def set_sessions(self, sessions: list[SessionInfo]) -> None:
        self.series = trend_series(sessions)
        self._draw()

    def set_grouping(self, grouping: str) -> None:
        """"session": one point per session; "week": the mean of each calendar week."""
        self.grouping = grouping
        self._draw()

    def _draw(self) -> None:
        for key, (x, y) in self.series.items():
            if self.grouping == "week":
                x, y = weekly_means(x, y)
            self.curves[key].setData(x, y)
