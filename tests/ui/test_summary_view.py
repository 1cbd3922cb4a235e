"""The end-of-session screen shows what core.summary.session computed, readable at 1280x720."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

from biofeedback.core.summary.session import Comparison, summarize_session, summarize_stored
from biofeedback.ui.summary_view import (
    SessionSummaryDialog,
    SummaryView,
    comparison_text,
)
from biofeedback.ui.theme import DARK, LIGHT


def sine_session(duration_s=300.0):
    t, rr, now = [], [], 0.0
    while now < duration_s:
        interval = 1000.0 + 50.0 * np.sin(2 * np.pi * 0.1 * now)
        now += interval / 1000.0
        t.append(now)
        rr.append(interval)
    return summarize_session(t, rr, duration_s=duration_s, pacer_bpm=6.0,
                             previous_swing_bpm=[2.0, 3.0, 4.0, 5.0], previous_rmssd_ms=[10.0, 500.0, 600.0],
                             before={"stress": 6, "pain": 4, "mood": 5}, after={"stress": 4, "pain": 4})


def test_the_view_shows_the_summary_numbers_and_the_reading(qtbot):
    s = sine_session()
    view = SummaryView(DARK)
    qtbot.addWidget(view)
    view.show_summary(s)
    assert view.duration.value.text() == "5:00"
    assert view.swing.value.text() == f"{s.hr_swing.value:.1f} bpm"
    assert view.swing.context.text() == "higher than in all 4 of your earlier sessions (your median 3.5 bpm)"
    assert view.rmssd.context.text().startswith("higher than in 1 of your 3 earlier sessions")
    assert view.coherence.value.text() == f"{s.mean_coherence:.2f} ({s.peak_coherence:.2f})"
    assert view.high.value.text() != "–" and view.high.context.text().endswith("% of the session")
    assert view.reading.text() == s.reading
    labels = view.checkin_labels
    assert [labels[("stress", c)].text() for c in (1, 2, 3)] == ["6", "4", "2 lower"]
    assert [labels[("pain", c)].text() for c in (1, 2, 3)] == ["4", "4", "same"]
    assert [labels[("mood", c)].text() for c in (1, 2, 3)] == ["5", "–", "not answered"]
    view.clear()
    assert view.swing.value.text() == "–" and view.reading.text() == ""


def test_a_short_session_says_what_is_missing():
    assert comparison_text(Comparison(None, None, None, 0), "ms", what="RMSSD") == "not enough clean beats for RMSSD"
    assert comparison_text(Comparison(30.0, None, None, 0), "ms") == "your first session with this number"
    assert "(2 so far)" in comparison_text(Comparison(30.0, None, None, 2), "ms")
    assert comparison_text(Comparison(5.0, 9.0, 0.0, 4, 0), "bpm").startswith("not higher than in any")


def test_the_dialog_fits_1280x720_and_no_single_line_label_is_cut(qtbot):
    for theme in (DARK, LIGHT):
        dialog = SessionSummaryDialog(sine_session(), theme)
        qtbot.addWidget(dialog)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720
        dialog.resize(min(dialog.width(), 1280), min(dialog.height(), 720))
        dialog.show()
        qtbot.waitExposed(dialog)
        for label in dialog.findChildren(QLabel):
            if label.wordWrap() or not label.text():
                continue
            need = QFontMetrics(label.font()).horizontalAdvance(label.text())
            assert need <= label.width() + 1, f"{label.text()!r} needs {need} px, has {label.width()}"
        with qtbot.waitSignal(dialog.history_requested, timeout=1000):
            dialog.history_button.click()


def test_a_stored_session_is_set_against_the_sessions_before_it_only():
    from types import SimpleNamespace

    from biofeedback.core.types import Beat
    from biofeedback.io.store import CheckIn

    rr = 1000.0 + 12.5 * (-1.0) ** np.arange(200)  # RMSSD 25 ms exactly
    beats = [Beat(t, r) for t, r in zip(np.cumsum(rr) / 1000.0, rr, strict=True)]

    def info(i, day, rmssd=None, checkins=None):
        return SimpleNamespace(id=i, started_at=f"2026-11-{day:02d}T08:00:00+00:00", duration_s=200.0, pacer_bpm=6.0,
                               summary={"rmssd_ms": rmssd}, checkins=checkins or {})

    this = info(5, 20, checkins={"before": CheckIn("before", pain=6), "after": CheckIn("after", pain=4)})
    sessions = [info(1, 1, 10.0), info(2, 2, 20.0), info(3, 3, 30.0), this, info(6, 25, 1.0)]
    s = summarize_stored(this, beats, sessions)
    assert s.rmssd.value == pytest.approx(25.0) and s.rmssd.n_previous == 3 and s.rmssd.n_below == 2
    assert {c.item: c.change_points for c in s.checkins}["pain"] == -2


def test_the_report_carries_the_same_summary_against_earlier_sessions(qtbot, tmp_path):
    from biofeedback.app.session_library import load_report_data
    from biofeedback.core.types import Beat
    from biofeedback.io.store import CheckIn, SessionStore
    from biofeedback.ui.report import report_image

    def beats(amp_ms):
        t, rr, out = 0.0, 0.0, []
        while t < 180.0:
            rr = 1000.0 + amp_ms * np.sin(2 * np.pi * 0.1 * t)
            t += rr / 1000.0
            out.append(Beat(t, rr))
        return out

    with SessionStore(tmp_path / "s.db") as store:
        for amp in (10.0, 15.0, 20.0, 60.0):  # the last, largest swing is "today"
            writer = store.begin_session("Simulated sensor", "native", pacer_bpm=6.0)
            writer.add_beats(beats(amp))
            writer.finish()
        sid = writer.session_id
        store.set_checkin(sid, CheckIn("before", pain=6))
        store.set_checkin(sid, CheckIn("after", pain=3))
        data = load_report_data(store, sid)
    s = data.summary
    assert s.hr_swing.n_previous == 3 and s.hr_swing.n_below == 3  # swing re-derived from the stored beats
    assert "more than in most of your earlier simulated sessions" in s.reading and "pain 3 points lower" in s.reading
    image = report_image(data, width_px=800)
    assert not image.isNull()
