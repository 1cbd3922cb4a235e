"""The progress report's check-in chart over four simulated weeks where stress and mood before sessions are
both 5 every week: each item must still be seen (a line drawn over another of the same value hid it)."""

from __future__ import annotations

from datetime import date

import numpy as np
from progress_store import PLAN_SETTINGS, build
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument

from biofeedback.app.progress_data import load_progress
from biofeedback.app.settings import Settings
from biofeedback.io.store import STORE_FILENAME, SessionStore
from biofeedback.ui.progress_report import ITEM_COLORS, write_progress_pdf

UNTIL = date(2026, 11, 29)  # the Sunday of the plan's fourth week
CHART_ROWS_PX = (150, 400)  # the check-in chart on page 2 rendered 1000 px wide: below its legend, above the table


def item_pixels(image: QImage, color: QColor, rows: tuple[int, int], tolerance: int = 30) -> int:
    """Pixels within ``tolerance`` (per RGB channel) of ``color`` in the rows given."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    bgra = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    rgb = bgra[rows[0]:rows[1], :image.width(), 2::-1].astype(int)
    return int(np.sum(np.max(np.abs(rgb - [color.red(), color.green(), color.blue()]), axis=2) <= tolerance))


def test_stress_and_mood_of_the_same_value_are_both_seen_in_the_checkin_chart(qapp, tmp_path):
    build(tmp_path)
    with SessionStore(tmp_path / STORE_FILENAME) as store:
        report = load_progress(store, Settings(**PLAN_SETTINGS), UNTIL)
    assert [w.before["stress"] for w in report.weeks] == [5.0, 5.0, None, 5.0]  # the same as mood, each week
    assert [w.before["mood"] for w in report.weeks] == [5.0, 5.0, None, 5.0]
    out = write_progress_pdf(report, tmp_path / "weeks.pdf")
    doc = QPdfDocument()
    assert doc.load(str(out)) == QPdfDocument.Error.None_
    page = doc.render(1, QSize(1000, 1414))
    counts = {item: item_pixels(page, color, CHART_ROWS_PX) for item, color in ITEM_COLORS.items()}
    # three weeks with a value: each item's three markers and its line between the first two weeks show
    assert all(n > 150 for n in counts.values()), counts
