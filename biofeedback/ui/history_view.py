"""History: every stored session in a table, trends over days and weeks, and one session's graphs.

The table shows the session summary stored at the end of each session (no
recomputation), so it opens quickly with years of sessions. Trends: RMSSD
(Task Force 1996) and coherence ratio (McCraty & Childre 2010) per session,
and the change of stress and mood from the before to the after check-in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biofeedback import config
from biofeedback.core import hrv
from biofeedback.io.session_format import HISTORY_COLUMNS, format_date, format_duration, history_row
from biofeedback.io.store import SessionInfo, SessionStore
from biofeedback.ui.theme import DARK, Theme, style_plot


class HistoryModel(QAbstractTableModel):
    """Sessions as rows of text (computed once per reload)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions: list[SessionInfo] = []
        self._rows: list[list[str]] = []

    def set_sessions(self, sessions: list[SessionInfo]) -> None:
        self.beginResetModel()
        self.sessions = sessions
        self._rows = [[row[c] for c in HISTORY_COLUMNS] for row in map(history_row, sessions)]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HISTORY_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            info = self.sessions[index.row()]
            return info.notes or None
        if role == Qt.ItemDataRole.TextAlignmentRole and 4 <= index.column() <= 8:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HISTORY_COLUMNS[section]
        return None


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


class SessionDetail(QDialog):
    """One stored session's graphs again: heart rate with markers, spectrum, summary."""

    def __init__(self, store: SessionStore, session_id: int, theme: Theme = DARK,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = store.session(session_id)
        self.beats = store.beats(session_id)
        self.markers = store.markers(session_id)
        info = self.info
        self.setWindowTitle(f"Session {info.id} — {info.name or format_date(info.started_at)}")
        layout = QVBoxLayout(self)
        s = info.summary

        def num(key: str, fmt: str) -> str:
            return "–" if s.get(key) is None else format(s[key], fmt)

        self.summary_label = QLabel(
            f"<b>{format_date(info.started_at)}</b> · {format_duration(info.duration_s)} · {info.source} · "
            f"status {info.status}<br>mean HR {num('mean_hr_bpm', '.1f')} bpm · RMSSD {num('rmssd_ms', '.1f')} ms"
            f" · SDNN {num('sdnn_ms', '.1f')} ms · coherence {num('coherence_ratio', '.2f')} · "
            f"beats {s.get('n_beats', 0)} ({s.get('n_corrected', 0)} corrected)"
            + (f"<br><i>{info.notes}</i>" if info.notes else ""))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.tachogram = pg.PlotWidget()
        self.spectrum = pg.PlotWidget()
        for plot, title, xl, yl in ((self.tachogram, "Heart rate", "minutes", "bpm"),
                                    (self.spectrum, "Spectrum", "Hz", "ms²/Hz")):
            item = plot.getPlotItem()
            item.setTitle(title)
            item.setLabel("bottom", xl)
            item.setLabel("left", yl)
            plot.setBackground(theme.background)
            style_plot(item, theme, 10)
            layout.addWidget(plot)
        self._draw(theme)
        self.resize(900, 640)

    def _draw(self, theme: Theme) -> None:
        if len(self.beats) < 2:
            return
        t = np.array([b.t_s for b in self.beats])
        rr = np.array([b.rr_ms for b in self.beats])
        corrected = np.array([b.corrected for b in self.beats])
        minutes = (t - t[0]) / 60.0
        hr = 60000.0 / rr
        self.tachogram.plot(minutes, hr, pen=pg.mkPen(theme.heart, width=2))
        if corrected.any():
            self.tachogram.plot(minutes[corrected], hr[corrected], pen=None, symbol="o", symbolSize=7,
                                symbolBrush=theme.warn, symbolPen=None)
        lo, hi = np.percentile(hr, [1, 99])
        self.tachogram.setYRange(lo - 5, hi + 5)
        for t_s, label in self.markers:
            if label.startswith("session "):
                continue
            line = pg.InfiniteLine((t_s - t[0]) / 60.0, angle=90, label=label,
                                   pen=pg.mkPen(theme.coherence, style=Qt.PenStyle.DashLine),
                                   labelOpts={"position": 0.92, "color": theme.coherence})
            self.tachogram.addItem(line)
        if rr.size >= 4:
            spec = hrv.spectrum(t, rr)
            keep = spec.freqs_hz <= config.GUI_SPECTRUM_MAX_HZ
            self.spectrum.plot(spec.freqs_hz[keep], spec.psd_ms2_per_hz[keep], pen=pg.mkPen(theme.heart, width=2))
            if self.info.pacer_bpm:
                self.spectrum.addItem(pg.InfiniteLine(self.info.pacer_bpm / 60.0, angle=90,
                                                      pen=pg.mkPen(theme.accent, style=Qt.PenStyle.DashLine)))


class HistoryView(QWidget):
    """The sessions table, trend plots, and open / rename / notes / delete / export."""

    changed = Signal()
    replay_requested = Signal(int)  # session id: play it through the live window

    def __init__(self, store: SessionStore, theme: Theme = DARK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.theme = theme
        self.model = HistoryModel(self)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.open_button = QPushButton("Open")
        self.rename_button = QPushButton("Rename…")
        self.notes_button = QPushButton("Notes…")
        self.delete_button = QPushButton("Delete…")
        self.export_button = QPushButton("Export report…")
        self.replay_button = QPushButton("Replay")
        self.replay_button.setToolTip("Play the session through the live view again")
        for button, slot in ((self.open_button, self.open_selected), (self.rename_button, self.rename_selected),
                             (self.notes_button, self.annotate_selected), (self.delete_button, self.delete_selected),
                             (self.export_button, self.export_selected), (self.replay_button, self.replay_selected)):
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        bar.addStretch(1)
        self.grouping = QComboBox()
        self.grouping.addItem("trend per session", "session")
        self.grouping.addItem("trend per week (mean)", "week")
        self.grouping.currentIndexChanged.connect(lambda _i: self.trends.set_grouping(self.grouping.currentData()))
        bar.addWidget(self.grouping)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        splitter.addWidget(self.table)
        self.trends = TrendPlots(theme)
        splitter.addWidget(self.trends)
        splitter.setSizes([420, 260])
        layout.addWidget(splitter)
        self.detail: SessionDetail | None = None
        self.reload()

    # -- data -----------------------------------------------------------------
    def reload(self) -> None:
        sessions = self.store.list_sessions()
        self.model.set_sessions(sessions)
        self.trends.set_sessions(sessions)
        widths = (44, 130, 110, 150, 70, 70, 64, 76, 72, 280)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.count_label.setText(f"{len(sessions)} session{'s' if len(sessions) != 1 else ''}")
        enabled = bool(sessions)
        for button in (self.open_button, self.rename_button, self.notes_button, self.delete_button,
                       self.export_button, self.replay_button):
            button.setEnabled(enabled)
        if sessions:
            self.table.selectRow(0)

    def selected(self) -> SessionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.sessions[rows[0].row()] if rows else None

    def select_session(self, session_id: int) -> None:
        for row, info in enumerate(self.model.sessions):
            if info.id == session_id:
                self.table.selectRow(row)
                return

    # -- actions --------------------------------------------------------------
    def open_selected(self) -> SessionDetail | None:
        info = self.selected()
        if info is None:
            return None
        self.detail = SessionDetail(self.store, info.id, self.theme, self)
        self.detail.show()
        return self.detail

    def rename_selected(self, name: str | None = None) -> None:
        info = self.selected()
        if info is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, "Rename session", "Name:", text=info.name)
            if not ok:
                return
        self.store.rename(info.id, name.strip())
        self._after_edit(info.id)

    def annotate_selected(self, notes: str | None = None) -> None:
        info = self.selected()
        if info is None:
            return
        if notes is None:
            notes, ok = QInputDialog.getMultiLineText(self, "Session notes", "Notes:", info.notes)
            if not ok:
                return
        self.store.annotate(info.id, notes.strip())
        self._after_edit(info.id)

    def delete_selected(self) -> bool:
        """Delete the selected session after a confirmation; True when deleted."""
        info = self.selected()
        if info is None:
            return False
        answer = QMessageBox.question(
            self, "Delete session",
            f"Delete the session of {format_date(info.started_at)} ({info.name or 'no name'}) with all its "
            "beats and raw data? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.store.delete(info.id)
        self.reload()
        self.changed.emit()
        return True

    def export_selected(self, path: str | None = None) -> Path | None:
        """Export the report (.pdf/.png) or beats (.csv) / Kubios RR (.txt) of the selected session."""
        from biofeedback.io.exports import export_session
        from biofeedback.ui.report import render_report

        info = self.selected()
        if info is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export session", f"session-{info.id}.pdf",
                "Report (*.pdf *.png);;Beats CSV (*.csv);;Kubios RR text (*.txt)")
            if not path:
                return None
        suffix = Path(path).suffix.lower()
        if suffix in (".pdf", ".png"):
            return render_report(self.store, info.id, path)
        return export_session(self.store, info.id, "rr" if suffix == ".txt" else "csv", path)

    def replay_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.replay_requested.emit(info.id)

    def _after_edit(self, session_id: int) -> None:
        self.reload()
        self.select_session(session_id)
        self.changed.emit()
