"""Check-in dialog, history view and session report, driven like a user would (offscreen)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from biofeedback.core.types import Beat
from biofeedback.io.session_format import HISTORY_COLUMNS
from biofeedback.io.store import CheckIn, SessionStore
from biofeedback.ui.checkin_dialog import CheckInDialog
from biofeedback.ui.history_view import HistoryView, SessionDetail, trend_series, weekly_means


def breathing_beats(n: int, amplitude_ms: float, seed: int) -> list[Beat]:
    rng = np.random.default_rng(seed)
    rr, t, beats = 0.0, 0.0, []
    for i in range(n):
        rr = 900 + amplitude_ms * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 8)
        t += rr / 1000
        beats.append(Beat(t, float(rr), i == n // 2, "normal"))
    return beats


def rmssd(beats: list[Beat]) -> float:
    rr = np.array([b.rr_ms for b in beats])
    return float(np.sqrt(np.mean(np.diff(rr) ** 2)))


@pytest.fixture
def store(tmp_path):
    with SessionStore(tmp_path / "s.db") as store:
        for k, amplitude in enumerate((20.0, 40.0, 60.0)):
            writer = store.begin_session("serial /dev/ttyUSB0", "native", pacer_bpm=6.0, name=f"s{k}")
            writer.add_beats(breathing_beats(200, amplitude, k))
            writer.add_marker(30.0, "yawn")
            writer.finish()
            store.set_checkin(writer.session_id, CheckIn("before", stress=6 + k, mood=4))
            store.set_checkin(writer.session_id, CheckIn("after", stress=3, mood=5 + k))
        yield store


def test_checkin_dialog_returns_the_clicked_scores_and_note(qtbot):
    dialog = CheckInDialog("before")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.rows["stress"].buttons[7], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rows["pain"].buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rows["pain"].buttons[2], Qt.MouseButton.LeftButton)  # second click clears
    qtbot.mouseClick(dialog.rows["mood"].buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rows["mood"].buttons[5], Qt.MouseButton.LeftButton)  # changes the answer
    qtbot.keyClicks(dialog.note, "  long day ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CheckInDialog.DialogCode.Accepted
    assert dialog.checkin() == CheckIn("before", stress=7, pain=None, mood=5, note="long day")


def test_checkin_dialog_skip_and_empty_answers_store_nothing(qtbot):
    dialog = CheckInDialog("after", initial=CheckIn("after", stress=2))
    qtbot.addWidget(dialog)
    assert dialog.rows["stress"].value() == 2
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.checkin() is None
    empty = CheckInDialog("after")
    qtbot.addWidget(empty)
    qtbot.mouseClick(empty.save_button, Qt.MouseButton.LeftButton)
    assert empty.checkin() is None


def test_history_rows_show_each_sessions_metrics_and_checkins(qtbot, store):
    view = HistoryView(store)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 3
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    newest = {h: model.data(model.index(0, c)) for c, h in enumerate(header)}
    beats = store.beats(model.sessions[0].id)
    assert newest["name"] == "s2" and newest["pacer"] == "6.0/min" and newest["source"] == "serial /dev/ttyUSB0"
    assert newest["RMSSD"] == f"{rmssd(beats):.0f} ms"
    assert newest["mean HR"] == f"{60000 / np.mean([b.rr_ms for b in beats]):.0f} bpm"
    assert newest["artifacts"] == "0.5 %"  # 1 corrected of 200
    assert newest["check-in before → after"] == "stress 8→3 · mood 4→7"
    x, y = trend_series(model.sessions)["rmssd_ms"]
    assert np.all(np.diff(x) >= 0) and y.tolist() == pytest.approx(
        [rmssd(store.beats(s.id)) for s in reversed(model.sessions)])
    _, before = view.trends.curves["stress_before"].getData()
    _, after = view.trends.curves["stress_after"].getData()
    assert before.tolist() == [6, 7, 8] and after.tolist() == [3, 3, 3]  # oldest first


def test_rename_annotate_and_open_a_session(qtbot, store):
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.table.selectRow(2)
    oldest = view.selected()
    view.rename_selected("first try")
    view.annotate_selected("too fast at first")
    assert store.session(oldest.id).name == "first try"
    assert store.session(oldest.id).notes == "too fast at first"
    assert view.selected().id == oldest.id and view.model.data(view.model.index(2, HISTORY_COLUMNS.index("name"))) == "first try"
    detail = view.open_selected()
    qtbot.addWidget(detail)
    assert isinstance(detail, SessionDetail)
    curve = detail.tachogram.getPlotItem().listDataItems()[0]
    rr = np.array([b.rr_ms for b in store.beats(oldest.id)])
    assert np.allclose(curve.getData()[1], 60000 / rr)
    assert "too fast at first" in detail.summary_label.text()


def _answer_next_question(button: QMessageBox.StandardButton) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(button).click()

    QTimer.singleShot(50, click)


def test_delete_asks_first_and_keeps_the_session_on_no(qtbot, store):
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.show()
    target = view.selected().id
    _answer_next_question(QMessageBox.StandardButton.No)
    assert view.delete_selected() is False
    assert len(store.list_sessions()) == 3
    _answer_next_question(QMessageBox.StandardButton.Yes)
    assert view.delete_selected() is True
    assert target not in [s.id for s in store.list_sessions()]
    assert view.model.rowCount() == 2 and store.beats(target) == []


def test_report_export_writes_a_readable_png_and_a_pdf(qtbot, store, tmp_path):
    """The timeouts only guard against a hang: the export paints in another process (slow under load)."""
    view = HistoryView(store)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.exported, timeout=60000) as done:
        view.export_selected(str(tmp_path / "r.png"))  # painted off the GUI thread
    png = done.args[0]
    image = QImage(png)
    assert image.width() == 1654 and image.height() == 2339
    # the page is mostly white paper with dark ink somewhere (something was drawn)
    gray = [QImage.pixelColor(image, x, y).lightness() for x in range(0, 1654, 97) for y in range(0, 2339, 89)]
    assert min(gray) < 100 and np.median(gray) > 200
    with qtbot.waitSignal(view.exported, timeout=60000):
        view.export_selected(str(tmp_path / "r.pdf"))
    pdf = tmp_path / "r.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000


def test_a_failed_export_says_why_in_one_sentence(qtbot, store, tmp_path):
    view = HistoryView(store)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.export_failed, timeout=60000) as failed:
        view.export_selected(str(tmp_path / "missing" / "r.pdf"))
    assert failed.args[0].startswith("The export to") and "\n" not in failed.args[0]
    assert view.export_button.isEnabled()


def test_weekly_trend_is_the_mean_of_each_calendar_week(qtbot, store):
    from datetime import datetime

    from biofeedback.app.session_library import SessionInfo

    def at(day: int, rmssd_ms: float) -> SessionInfo:  # 2024-01-01 was a Monday
        started = datetime(2024, 1, day, 8, 0).astimezone().isoformat()
        return SessionInfo(day, started, None, "completed", pacer_bpm=6.0,
                           summary={"rmssd_ms": rmssd_ms, "duration_s": 600.0})

    sessions = [at(1, 10.0), at(7, 20.0), at(8, 40.0), at(10, 50.0), at(15, 70.0)]
    x, y = weekly_means(*trend_series(sessions)["rmssd_ms"])
    assert y.tolist() == [15.0, 45.0, 70.0]
    assert [datetime.fromtimestamp(t).date().isoformat() for t in x] == ["2024-01-04", "2024-01-11", "2024-01-18"]
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.trends.set_sessions(sessions)  # the history's progress view: one point per session
    assert view.trends.curves["rmssd"].getData()[1].tolist() == [10.0, 20.0, 40.0, 50.0, 70.0]
