"""History's "Progress report…": the multi-week PDF painted in a child process from the store the window uses."""

from __future__ import annotations

import json

import pytest
from progress_store import PLAN_SETTINGS, build
from PySide6.QtPdf import QPdfDocument

from biofeedback.io.store import STORE_FILENAME, SessionStore
from biofeedback.ui.history_view import HistoryView


@pytest.mark.slow(about_s=10)
def test_the_history_writes_the_progress_report_with_the_plan_of_the_settings(qtbot, tmp_path, monkeypatch):
    build(tmp_path / "data")
    monkeypatch.setenv("BIOFEEDBACK_CONFIG_DIR", str(tmp_path))  # the child reads the plan from here
    (tmp_path / "settings.json").write_text(json.dumps(PLAN_SETTINGS), encoding="utf-8")
    with SessionStore(tmp_path / "data" / STORE_FILENAME) as store:
        view = HistoryView(store)
        qtbot.addWidget(view)
        out = tmp_path / "weeks.pdf"
        with qtbot.waitSignal(view.exported, timeout=60000) as written:
            view.export_progress(str(out))
            assert not view.progress_button.isEnabled()  # one report at a time
    assert written.args == [str(out)] and view.progress_button.isEnabled()
    doc = QPdfDocument()
    assert doc.load(str(out)) == QPdfDocument.Error.None_ and doc.pageCount() == 3
    first = doc.getAllText(0).text()
    assert "Practice over weeks" in first and "Plan: Your own: 1 × 10 min a day, 5 days a week" in first
    with qtbot.waitSignal(view.export_failed, timeout=10000) as failed:
        view.export_progress(str(tmp_path / "weeks.png"))
    assert "the progress report is a PDF" in failed.args[0]
