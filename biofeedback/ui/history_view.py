"""History: every stored session in a table, progress over weeks (ui/progress_view.py), one session's graphs.

The table shows the session summary stored at the end of each session (no
recomputation), so it opens quickly with years of sessions. The view reads
and edits through a ``SessionLibrary`` (app/); exports run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from biofeedback.app.session_library import SessionInfo, SessionLibrary
from biofeedback.io.session_format import HISTORY_COLUMNS, format_date
from biofeedback.ui.history_trends import trend_series, weekly_means
from biofeedback.ui.history_words import history_cells
from biofeedback.ui.i18n import Plural, translate
from biofeedback.ui.notice_words import notice_words
from biofeedback.ui.progress_view import ProgressView
from biofeedback.ui.report_process import render_in_process
from biofeedback.ui.session_detail import SessionDetail
from biofeedback.ui.theme import DARK, Theme

# io/session_format.py HISTORY_COLUMNS as lupdate sees them (a test keeps them equal)
COLUMN_WORDS = (QT_TRANSLATE_NOOP("History", "id"), QT_TRANSLATE_NOOP("History", "date"), QT_TRANSLATE_NOOP("History", "duration"), QT_TRANSLATE_NOOP("History", "source"), QT_TRANSLATE_NOOP("History", "pacer"), QT_TRANSLATE_NOOP("History", "mean HR"), QT_TRANSLATE_NOOP("History", "RMSSD"), QT_TRANSLATE_NOOP("History", "coherence"), QT_TRANSLATE_NOOP("History", "artifacts"), QT_TRANSLATE_NOOP("History", "check-in before → after"), QT_TRANSLATE_NOOP("History", "counted"), QT_TRANSLATE_NOOP("History", "name"))
__all__ = ["HistoryModel", "HistoryView", "SessionDetail", "trend_series", "weekly_means"]


class HistoryModel(QAbstractTableModel):
    """Sessions as rows of text (computed once per reload)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions: list[SessionInfo] = []
        self._rows: list[list[str]] = []

    def set_sessions(self, sessions: list[SessionInfo], min_minutes: float = config.PRACTICE_MIN_SESSION_MIN) -> None:
        self.beginResetModel()
        self.sessions = sessions
        self._rows = [[row[c] for c in HISTORY_COLUMNS] for row in (history_cells(s, min_minutes) for s in sessions)]
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
            return translate("History", HISTORY_COLUMNS[section])
        return None


class HistoryView(QWidget):
    """The sessions table, trend plots, and open / rename / notes / delete / export."""

    changed = Signal()
    replay_requested = Signal(int)  # session id: play it through the live window

    exported = Signal(str)  # path of a finished export
    export_failed = Signal(str)  # why, in one sentence

    def __init__(self, library, theme: Theme = DARK, parent: QWidget | None = None) -> None:
        """``library``: a SessionLibrary (or a session store, wrapped in one)."""
        super().__init__(parent)
        self.library = library if isinstance(library, SessionLibrary) else SessionLibrary(library, parent=self)
        self.library.exported.connect(self._exported)
        self.library.export_failed.connect(self._export_failed)
        self.library.sessions_recovered.connect(self._recovered)
        self.theme = theme
        self.model = HistoryModel(self)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.open_button = QPushButton(translate("History", "Open"))
        self.rename_button = QPushButton(translate("History", "Rename…"))
        self.notes_button = QPushButton(translate("History", "Notes…"))
        self.delete_button = QPushButton(translate("History", "Delete…"))
        self.export_button = QPushButton(translate("History", "Export report…"))
        self.progress_button = QPushButton(translate("History", "Progress report…"))
        self.progress_button.setToolTip(translate("History", "The weeks of practice as a PDF for a clinician or coach: plan, "
                                                  "adherence, check-ins, heart rhythm, how each number is defined"))
        self.replay_button = QPushButton(translate("History", "Replay"))
        self.replay_button.setToolTip(translate("History", "Play the session through the live view again"))
        for button, slot in ((self.open_button, self.open_selected), (self.rename_button, self.rename_selected),
                             (self.notes_button, self.annotate_selected), (self.delete_button, self.delete_selected),
                             (self.export_button, self.export_selected), (self.replay_button, self.replay_selected),
                             (self.progress_button, self.export_progress)):
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        bar.addStretch(1)
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
        self.trends = ProgressView(theme)  # progress over weeks: minutes, streak, RMSSD, coherence, check-ins
        splitter.addWidget(self.trends)
        splitter.setSizes([300, 420])
        layout.addWidget(splitter)
        self.detail: SessionDetail | None = None
        self.reload()

    # -- data -----------------------------------------------------------------
    def _recovered(self, _session_ids: list) -> None:
        """Sessions of a crashed recorder were closed after the window opened: show them as such."""
        self.reload()

    def reload(self) -> None:
        sessions = self.library.list_sessions()
        self.model.set_sessions(sessions, self.library.min_session_minutes)
        self.trends.set_sessions(sessions, min_minutes=self.library.min_session_minutes, plan=self.library.plan,
                                 assessments=self.library.resonance_assessments())
        widths = (44, 130, 110, 150, 70, 70, 64, 76, 72, 280, 100)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.count_label.setText(Plural.tr("%n session(s)", "", len(sessions)))  # type: ignore[arg-type]  # class context
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
        self.detail = SessionDetail(self.library, info.id, self.theme, self)
        self.detail.show()
        return self.detail

    def rename_selected(self, name: str | None = None) -> None:
        info = self.selected()
        if info is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, translate("History", "Rename session"), translate("History", "Name:"), text=info.name)
            if not ok:
                return
        self.library.rename(info.id, name.strip())
        self._after_edit(info.id)

    def annotate_selected(self, notes: str | None = None) -> None:
        info = self.selected()
        if info is None:
            return
        if notes is None:
            notes, ok = QInputDialog.getMultiLineText(self, translate("History", "Session notes"), translate("History", "Notes:"), info.notes)
            if not ok:
                return
        self.library.annotate(info.id, notes.strip())
        self._after_edit(info.id)

    def delete_selected(self) -> bool:
        """Delete the selected session after a confirmation; True when deleted."""
        info = self.selected()
        if info is None:
            return False
        answer = QMessageBox.question(
            self, translate("History", "Delete session"),
            translate("History", "Delete the session of {date} ({name}) with all its beats and raw data? "
                      "This cannot be undone.").format(date=format_date(info.started_at),
                                                       name=info.name or translate("History", "no name")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.library.delete(info.id)
        self.reload()
        self.changed.emit()
        return True

    def export_selected(self, path: str | None = None):
        """Export the report (.pdf/.png), beats (.csv) or Kubios RR (.txt) of the selected session.

        Runs off the GUI thread; ``exported(path)`` or ``export_failed(sentence)`` follows.
        Returns the export thread (None when nothing was chosen).
        """
        info = self.selected()
        if info is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, translate("History", "Export session"), f"session-{info.id}.pdf",
                "Report (*.pdf *.png);;Beats CSV (*.csv);;Kubios RR text (*.txt)")
            if not path:
                return None
        self.export_button.setEnabled(False)
        self.count_label.setText(translate("History", "exporting to {file}…").format(file=Path(path).name))
        return self.library.export(info.id, path, render_in_process)

    def export_progress(self, path: str | None = None):
        """The multi-week progress report (PDF) up to today, painted in a child process; ``exported(path)`` or
        ``export_failed(sentence)`` follows. Returns the export thread (None when no file was chosen)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, translate("History", "Progress report"), "progress.pdf", "PDF (*.pdf)")
            if not path:
                return None
        self.progress_button.setEnabled(False)
        self.count_label.setText(translate("History", "writing the progress report to {file}…").format(
            file=Path(path).name))
        return self.library.export("progress", path, render_in_process)

    def _exported(self, path: str) -> None:
        self.progress_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.count_label.setText(translate("History", "written: {file}").format(file=Path(path).name))
        self.exported.emit(path)

    def _export_failed(self, sentence: str) -> None:
        self.progress_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.count_label.setText(translate("History", "export failed"))
        box = QMessageBox(QMessageBox.Icon.Warning, translate("History", "Export failed"), notice_words(sentence), parent=self)
        box.open()  # not modal: the window goes on
        self.export_message = box
        self.export_failed.emit(sentence)

    def replay_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.replay_requested.emit(info.id)

    def _after_edit(self, session_id: int) -> None:
        self.reload()
        self.select_session(session_id)
        self.changed.emit()
