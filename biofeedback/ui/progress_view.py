"""History's "progress over weeks": minutes per week, streak, and per-session trends, with honest axes.

Draws ``core.practice.progress.Progress``; nothing is computed here but axis ranges.
Honest axes: check-ins fixed at 0-10; the heart-rate swing, coherence and
RMSSD never below 0 and at least config.PLOT_MIN_SPAN_HR_SWING_BPM,
config.PLOT_MIN_SPAN_COHERENCE and config.PLOT_MIN_SPAN_RMSSD_MS tall (so noise
does not look like decline); the swing is the one the session's summary stored
(a session stored before it was kept has no swing point: its beats are not read here);
minutes from 0; the date axis ticks on Mondays with day and month, never
times of day; at least four weeks shown; the legend is a row of labels above
the plots, so it never covers a point.

Use: ``view = ProgressView(theme); view.set_sessions(store_sessions)``
(anything shaped like ``SessionInfo``: ``started_at`` ISO text,
``duration_s``, ``summary`` dict, ``checkins`` {"before"/"after": obj with
stress/pain/mood}), or ``view.set_progress(progress)`` with a ready Progress.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Protocol

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from biofeedback import config
from biofeedback.core.practice.plan import PracticePlan, week_target_minutes
from biofeedback.core.practice.progress import (
    CHECKIN_ITEMS,
    AssessmentRecord,
    PracticeSession,
    Progress,
    Trend,
    from_stored,
    progress,
)
from biofeedback.ui.i18n import Plural, bpm, number, rate_text, translate
from biofeedback.ui.plots import robust_range, unwrap_clear
from biofeedback.ui.practice_words import day_month, forgiven_words
from biofeedback.ui.theme import DARK, Theme, style_plot

DAY_S = 86400.0
WEEK_S = 7 * DAY_S
MIN_WEEKS_SHOWN = 4
LABEL_PX = 64  # room one "30 Nov" tick label needs
TITLE_PT = 10.0  # plot titles
TITLE_MARGIN_PX = 8  # room a title leaves free over its plot's area
MIN_PLOT_WIDTH_PX = 180  # four plots across, with their margins, still fit an 800 px wide screen
# the per-session heart-rhythm trends, left to right as in the progress report: key, Progress's field, min span
RHYTHM_TRENDS = (("swing", "hr_swing_bpm", config.PLOT_MIN_SPAN_HR_SWING_BPM),
                 ("coherence", "coherence_ratio", config.PLOT_MIN_SPAN_COHERENCE),
                 ("rmssd", "rmssd_ms", config.PLOT_MIN_SPAN_RMSSD_MS))
CHECKIN_TITLES = {"stress": QT_TRANSLATE_NOOP("Progress", "Stress"), "pain": QT_TRANSLATE_NOOP("Progress", "Pain"),
                  "mood": QT_TRANSLATE_NOOP("Progress", "Mood")}


def _local_midnight(t_s: float) -> datetime:
    d = datetime.fromtimestamp(t_s).date()
    return datetime(d.year, d.month, d.day)


class WeekAxis(pg.AxisItem):
    """Unix-time axis ticked on Mondays (every k-th when crowded), labelled "30 Nov" (the year goes in the
    axis label: pyqtgraph drops a tick label at the plot's edge, and the year with it)."""

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)  # unix seconds are not "x1e+09"

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802, N803 (pyqtgraph API)
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return []
        n_weeks = (maxVal - minVal) / WEEK_S
        step = max(1, math.ceil(n_weeks / max(size / LABEL_PX, 1.0)))
        first = _local_midnight(minVal)
        first -= timedelta(days=first.weekday())
        ticks, k = [], 0
        while True:
            monday = first + timedelta(weeks=k)
            t = monday.timestamp()
            if t > maxVal:
                break
            if t >= minVal and (monday.date().toordinal() // 7) % step == 0:
                ticks.append(t)
            k += 1
        return [(step * WEEK_S, ticks)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        return [day_month(datetime.fromtimestamp(v).date()) for v in values]


class StoredSessionLike(Protocol):
    """A stored session as progress reads it (``SessionInfo``); ``id``, ``summary``, ``checkins`` optional."""

    @property
    def started_at(self) -> str: ...  # ISO text
    @property
    def duration_s(self) -> float | None: ...


def practice_sessions(sessions: Iterable[StoredSessionLike],
                      min_minutes: float = config.PRACTICE_MIN_SESSION_MIN) -> list[PracticeSession]:
    """Stored sessions (SessionInfo-shaped) as core PracticeSessions in local time, each with its kind
    (``core.practice.session_kind``: only practice sessions are drawn; the others are counted in the header)."""
    return from_stored(sessions, min_minutes)


def _left_out_words(n: int, min_minutes: float) -> str:
    return Plural.tr("%n session(s) not counted (under {minutes} min, simulated, replayed or without a pacer; "  # type: ignore[arg-type]
                     "kept in the table)", "", n).format(minutes=rate_text(min_minutes))  # type: ignore[arg-type]


def _signed(value: float, decimals: int) -> str:
    return ("+" if value >= 0 else "") + number(value, decimals)


def _slope_words(tr: Trend, unit: str, decimals: int) -> str:
    if tr.slope_per_week is None:
        return translate("Progress", "trend: too few sessions yet")
    slope = _signed(tr.slope_per_week, decimals)
    return (translate("Progress", "trend {slope} {unit}/week").format(slope=slope, unit=unit) if unit else
            translate("Progress", "trend {slope}/week").format(slope=slope))


class ProgressView(QWidget):
    """Header (streak, this week, total), a legend row, and seven plots: minutes and the three heart-rhythm
    trends above, the three check-ins below."""

    def __init__(self, theme: Theme = DARK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(translate("Progress", "No sessions yet."))
        self.header.setWordWrap(True)
        self.legend = QLabel("")
        self.plots: dict[str, pg.PlotWidget] = {}
        self.title_texts: dict[str, str] = {}  # each plot's title in one line
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        keys = ("minutes", *(key for key, _, _ in RHYTHM_TRENDS), *CHECKIN_ITEMS)
        for i, key in enumerate(keys):
            plot = pg.PlotWidget(axisItems={"bottom": WeekAxis("bottom")})
            unwrap_clear(plot)
            item = plot.getPlotItem()
            item.hideButtons()
            item.setMenuEnabled(False)
            item.setMouseEnabled(x=False, y=False)
            item.showGrid(x=True, y=True, alpha=0.12)
            item.getAxis("left").setWidth(40)
            plot.setMinimumSize(MIN_PLOT_WIDTH_PX, 150)
            self.plots[key] = plot
            plot.installEventFilter(self)
            # four plots above, three below: equal widths in each row on a 12-column grid
            row, columns = (0, 3) if i < 4 else (1, 4)
            grid.addWidget(plot, row, columns * (i - 4 * row), 1, columns)
        self.bars = pg.BarGraphItem(x=[], height=[], width=5 * DAY_S)
        self.plots["minutes"].addItem(self.bars)
        # the plan's target of each week: a short line across its bar (pairs of points, not joined)
        self.targets = self.plots["minutes"].plot([], [], connect="pairs")
        self.plan: PracticePlan | None = None
        self.min_minutes = config.PRACTICE_MIN_SESSION_MIN
        self.curves: dict[str, pg.PlotDataItem] = {}
        for key, _, _ in RHYTHM_TRENDS:
            self.curves[key] = self.plots[key].plot([], [], symbol="o", symbolSize=6)
        for item in CHECKIN_ITEMS:
            self.curves[item + "_before"] = self.plots[item].plot([], [], pen=None, symbol="o", symbolSize=8)
            self.curves[item + "_after"] = self.plots[item].plot([], [], pen=None, symbol="o", symbolSize=8)
            self.plots[item].setYRange(-1.0, 11.0, padding=0)  # room for the 0 and 10 tick labels
            self.plots[item].getPlotItem().getAxis("left").setTicks([[(v, str(v)) for v in (0, 2, 4, 6, 8, 10)]])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.setContentsMargins(8, 4, 8, 0)
        top.addWidget(self.header, 1)
        top.addWidget(self.legend)
        lay.addLayout(top)
        lay.addLayout(grid, 1)
        self.progress: Progress | None = None
        self.set_theme(theme)
        self.clear()

    # -- look ------------------------------------------------------------------
    def set_theme(self, theme: Theme, font_pt: int = 10) -> None:
        self.theme = theme
        for plot in self.plots.values():
            plot.setBackground(theme.background)
            style_plot(plot.getPlotItem(), theme, font_pt)
        self.bars.setOpts(brush=pg.mkBrush(theme.accent), pen=pg.mkPen(None))
        self.targets.setPen(pg.mkPen(theme.heart, width=3))
        for key, color in (("swing", theme.heart), ("rmssd", theme.rmssd), ("coherence", theme.coherence)):
            c = self.curves[key]
            c.setPen(pg.mkPen(color, width=2))
            c.setSymbolBrush(pg.mkBrush(color))
            c.setSymbolPen(pg.mkPen(None))
        for item in CHECKIN_ITEMS:
            before, after = self.curves[item + "_before"], self.curves[item + "_after"]
            before.setSymbolBrush(pg.mkBrush(None))
            before.setSymbolPen(pg.mkPen(theme.muted, width=1.5))
            after.setSymbolBrush(pg.mkBrush(theme.heart))
            after.setSymbolPen(pg.mkPen(None))
        self.header.setStyleSheet(f"color: {theme.text}; font-size: {font_pt + 2}pt;")
        self.legend.setText(translate("Progress", "{before} before &nbsp; {after} after the session &nbsp;·&nbsp; "
                                                  "check-ins 0–10").format(
            before=f"<span style='color:{theme.muted}'>○</span>", after=f"<span style='color:{theme.heart}'>●</span>"))
        self.legend.setStyleSheet(f"color: {theme.text}; font-size: {font_pt + 1}pt;")
        if self.progress is not None:
            self.set_progress(self.progress)

    def _title(self, key: str, text: str) -> None:
        self.title_texts[key] = text
        self._fit_title(key)

    def _fit_title(self, key: str, width_px: int | None = None) -> None:
        """One line where it fits the plot's width; else the name above what follows its first " · "
        (four plots in a row at 1366 px would cut "… · trend +1.6 bpm/week")."""
        text, item = self.title_texts[key], self.plots[key].getPlotItem()
        item.setTitle(text, size=f"{TITLE_PT:g}pt", color=self.theme.muted)
        # the title is centred over the plot's area, right of the value axis
        room = ((self.plots[key].width() if width_px is None else width_px) - item.getAxis("left").width()
                - TITLE_MARGIN_PX)
        if " · " in text and item.titleLabel.item.boundingRect().width() > room:
            item.setTitle(text.replace(" · ", "<br>", 1), size=f"{TITLE_PT:g}pt", color=self.theme.muted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """A plot resized (each on its own, once the layout settles): its title fitted again."""
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            key = next((k for k, plot in self.plots.items() if plot is watched), None)
            if key is not None and key in self.title_texts:
                self._fit_title(key, event.size().width())
        return super().eventFilter(watched, event)

    # -- data ------------------------------------------------------------------
    def clear(self) -> None:
        self.progress = None
        self.header.setText(translate("Progress", "No sessions yet: practise a few times and your weeks appear here."))
        self.bars.setOpts(x=[], height=[])
        self.targets.setData([], [])
        for curve in self.curves.values():
            curve.setData([], [])
        now = datetime.now().timestamp()
        self._set_x(now - MIN_WEEKS_SHOWN * WEEK_S, now)
        self.plots["minutes"].setYRange(0, 30, padding=0)
        for key, _, span in RHYTHM_TRENDS:
            self.plots[key].setYRange(0, span * 2, padding=0)
        self._titles(None)

    def set_sessions(self, sessions: Iterable[StoredSessionLike], today: date | None = None,
                     min_minutes: float = config.PRACTICE_MIN_SESSION_MIN, plan: PracticePlan | None = None,
                     assessments: Iterable[AssessmentRecord] = ()) -> None:
        """Draw the practice sessions among ``sessions``; with ``plan``, each week's minutes against its target;
        resonance ``assessments`` count as minutes practised."""
        self.plan, self.min_minutes = plan, min_minutes
        points = practice_sessions(sessions, min_minutes)
        if not points:
            self.clear()
            return
        self.set_progress(progress(points, today or date.today(), assessments))

    def set_progress(self, p: Progress) -> None:
        self.progress = p
        if not p.n_sessions:
            self.clear()
            if p.n_left_out:
                self.header.setText(translate("Progress", "No practice sessions yet: {left_out}.").format(
                    left_out=_left_out_words(p.n_left_out, self.min_minutes)))
            return
        w = p.weekly
        mondays = np.array([datetime(m.year, m.month, m.day).timestamp() for m in w.monday])
        self.bars.setOpts(x=mondays + 3.5 * DAY_S, height=w.minutes, width=5 * DAY_S)
        targets = np.array([np.nan if (t := self._target(m)) is None else t for m in w.monday], float)
        shown = np.isfinite(targets) & (targets > 0)
        xs = np.column_stack([mondays + 0.5 * DAY_S, mondays + 6.5 * DAY_S])[shown].ravel()
        self.targets.setData(xs, np.repeat(targets[shown], 2))
        top = max(30.0, float(w.minutes.max()) * 1.15, float(targets[shown].max()) * 1.15 if shown.any() else 0.0)
        self.plots["minutes"].setYRange(0, top, padding=0)
        for key, name, span in RHYTHM_TRENDS:
            tr = p.metrics[name]
            self.curves[key].setData(tr.t_s, tr.values)
            # every session in view (0-100 %), at least the minimum span, from 0
            rng = robust_range(tr.values, span, percentiles=(0.0, 100.0), pad_share=0.08, floor=0.0)
            self.plots[key].setYRange(*(rng if rng is not None else (0.0, 2 * span)), padding=0)
        for item in CHECKIN_ITEMS:
            c = p.checkins[item]
            self.curves[item + "_before"].setData(c.before.t_s, c.before.values)
            self.curves[item + "_after"].setData(c.after.t_s, c.after.values)
        # x: from the first week's Monday to half a week past the newest session, four weeks at least
        newest = max([mondays[-1] + WEEK_S] + [float(tr.t_s[-1]) + WEEK_S / 2 for tr in p.metrics.values()
                                                if tr.t_s.size])
        self._set_x(mondays[0], newest)
        self._label_years()
        self._titles(p)
        s = p.streak
        this_week = float(w.minutes[-1]) if w.minutes.size else 0.0
        hours, minutes = divmod(int(round(p.total_minutes)), 60)
        total = f"{hours} h {minutes} min" if hours else f"{minutes} min"
        # the reminders' streak (one missed day forgiven): "in a row" only when nothing was forgiven
        streak = (translate("Progress", "no streak running") if not s.current_days else
                  Plural.tr("%n day(s) in a row", "", s.current_days) if not s.forgiven else  # type: ignore[arg-type]
                  Plural.tr("%n day(s) of practice", "", s.current_days) + forgiven_words(s.forgiven))  # type: ignore[arg-type]
        target = self._target(w.monday[-1]) if w.monday else None
        week = (translate("Progress", "this week {minutes} min of {target} planned ({pct} %)").format(
                    minutes=number(this_week), target=number(target), pct=number(100 * this_week / target))
                if target else translate("Progress", "this week {minutes} min").format(minutes=number(this_week)))
        longest = translate("Progress", "(longest {days})").format(days=s.longest_days)
        sessions = Plural.tr("{total} in %n session(s)", "", p.n_sessions).format(total=total)  # type: ignore[arg-type]
        self.header.setText(f"<b>{streak}</b> {longest} · {week} · {sessions}"
                            + (f" · {_left_out_words(p.n_left_out, self.min_minutes)}" if p.n_left_out else ""))

    def _target(self, monday: date) -> float | None:
        return None if self.plan is None else week_target_minutes(self.plan, monday)

    def _label_years(self) -> None:
        """The year(s) in view under the bottom row: tick labels carry only day and month."""
        lo, hi = self.plots["minutes"].viewRange()[0]
        first, last = datetime.fromtimestamp(lo).year, datetime.fromtimestamp(hi).year
        years = str(first) if first == last else f"{first}–{last}"
        for item in CHECKIN_ITEMS:
            self.plots[item].getPlotItem().setLabel("bottom", years)

    def _set_x(self, lo: float, hi: float) -> None:
        if hi - lo < MIN_WEEKS_SHOWN * WEEK_S:
            lo = hi - MIN_WEEKS_SHOWN * WEEK_S
        # the same weeks in every plot, set in each: pyqtgraph's X link lines views up on screen, and the rows'
        # plots (four above, three below) are not above one another
        for plot in self.plots.values():
            plot.setXRange(lo, hi, padding=0.02)

    def _titles(self, p: Progress | None) -> None:
        planned = self.plan is not None and self.plan.active
        self._title("minutes", translate("Progress", "Minutes practised per week")
                    + (" · " + translate("Progress", "line: your plan") if planned else ""))
        if p is None:
            for item in CHECKIN_ITEMS:
                self.plots[item].getPlotItem().setLabel("bottom", "")
        if p is None:
            self._title("swing", translate("Progress", "HR swing per breath (bpm)"))
            self._title("rmssd", translate("Progress", "RMSSD per session (ms)"))
            self._title("coherence", translate("Progress", "Coherence per session (ratio)"))
            for item in CHECKIN_ITEMS:
                self._title(item, f"{translate('Progress', CHECKIN_TITLES[item])} (0–10)")
            return
        swing = p.metrics["hr_swing_bpm"]
        self._title("swing", translate("Progress", "HR swing per breath (bpm)") + " · "
                    + (_slope_words(swing, bpm(), 1) if swing.values.size else
                       translate("Progress", "not stored for older sessions (the progress report has it)")))
        self._title("rmssd", translate("Progress", "RMSSD per session (ms)") + " · "
                    + _slope_words(p.metrics["rmssd_ms"], "ms", 1))
        self._title("coherence", translate("Progress", "Coherence per session") + " · "
                    + _slope_words(p.metrics["coherence_ratio"], "", 2))
        for item in CHECKIN_ITEMS:
            change = p.checkins[item].change.values
            words = (translate("Progress", "after − before {change} on average").format(
                change=_signed(float(np.mean(change)), 1)) if change.size else
                translate("Progress", "no before/after pair"))
            self._title(item, f"{translate('Progress', CHECKIN_TITLES[item])} (0–10) · {words}")
