"""Which release made a report: the session report and the progress report PDFs carry the version
(``biofeedback 0.1.0`` as their Creator), as ``--version`` and the LSL streams do."""

from __future__ import annotations

from datetime import date

from progress_store import PLAN_SETTINGS, build
from PySide6.QtPdf import QPdfDocument

import biofeedback
from biofeedback.app.progress_data import load_progress
from biofeedback.app.settings import Settings
from biofeedback.io.store import STORE_FILENAME, SessionStore
from biofeedback.ui.progress_report import write_progress_pdf
from biofeedback.ui.report import render_report

UNTIL = date(2026, 11, 29)  # the store's fourth week (tests/progress_store.py)


def creator(path) -> str:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return doc.metaData(QPdfDocument.MetaDataField.Creator)


def test_session_and_progress_reports_name_the_version_that_made_them(qapp, tmp_path):
    build(tmp_path)
    with SessionStore(tmp_path / STORE_FILENAME) as store:
        session = render_report(store, store.list_sessions()[0].id, tmp_path / "session.pdf")
        progress = write_progress_pdf(load_progress(store, Settings(**PLAN_SETTINGS), UNTIL), tmp_path / "weeks.pdf")
    assert creator(session) == creator(progress) == f"biofeedback {biofeedback.__version__}"
