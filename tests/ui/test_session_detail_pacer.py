"""A stored session's view and report draw the pacer that ran (rate, ratio, holds) and list its markers."""

from __future__ import annotations

import copy

import numpy as np

from biofeedback.app.session_library import load_report_data
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.core.types import Beat
from biofeedback.io.store import SessionStore
from biofeedback.ui import report, report_drawing
from biofeedback.ui.session_detail import SessionDetail

T_START_S = 2.0  # device time of "session start"


def _store_session(path) -> tuple[int, list[tuple[float, Pacer]]]:
    """A session whose live pacer changed rate, ratio and holds; the live pacer after each change."""
    live = Pacer(6.0, t0_s=0.0, phase_cycles=0.3)
    changes = [(T_START_S, {}), (40.0, {"rate_bpm": 4.5}), (75.5, {"inhale_ratio": 0.4, "hold_out_s": 2.0}),
               (110.0, {"rate_bpm": 7.0, "hold_in_s": 1.0})]
    runs = []
    with SessionStore(path) as store:
        writer = store.begin_session("Simulated sensor", "native", pacer_bpm=6.0)
        rr = 900.0 + 60.0 * np.sin(np.arange(200) * 0.6)
        writer.add_beats([Beat(T_START_S + t, r) for t, r in zip(np.cumsum(rr) / 1000.0, rr, strict=True)])
        writer.record_marker(T_START_S, "session start")
        for t, kwargs in changes:
            if kwargs:
                live.configure(t, **kwargs)
            writer.record_pacer_change(t, live.rate_bpm, live.inhale_ratio, live.hold_in_s, live.hold_out_s,
                                       live.phase_cycles(t))
            runs.append((t, copy.copy(live)))
        writer.record_marker(T_START_S + 65.0, "yawn")
        writer.record_marker(T_START_S + 30.0, "felt calm")
        writer.finish()
        return writer.session_id, runs


def _assert_is_the_live_pacer(t_dev: np.ndarray, guide: np.ndarray, runs: list[tuple[float, Pacer]]) -> None:
    """Each run of the drawn guide equals the live pacer as it was after that change."""
    for k, (start, pacer) in enumerate(runs):
        end = runs[k + 1][0] if k + 1 < len(runs) else np.inf
        inside = (t_dev >= start + 1e-6) & (t_dev < end - 1e-6)
        assert inside.sum() > 50
        np.testing.assert_allclose(guide[inside], pacer.values(t_dev[inside]), atol=1e-6)


def test_session_view_draws_the_pacer_that_ran_and_lists_markers_on_the_session_clock(qtbot, tmp_path):
    with SessionStore(tmp_path / "s.db") as store:
        sid, runs = _store_session(tmp_path / "s.db")
        detail = SessionDetail(store, sid)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    items = [detail.marker_list.item(i).text() for i in range(detail.marker_list.count())]
    assert items == ["0:30  felt calm", "1:05  yawn"]
    assert "phase" not in detail.pacer_label and "6 → 4.5 → 7/min" in detail.pacer_label
    assert "holds" in detail.pacer_label
    x_min, y = detail.pacer_curve.getData()
    t_dev = detail.beats[0].t_s + np.asarray(x_min) * 60.0
    zero, one = detail.pacer_band_bpm
    guide = (np.asarray(y) - zero) / (one - zero)
    _assert_is_the_live_pacer(t_dev, guide, runs)


def test_an_old_session_without_phase_says_phase_reconstructed_and_no_markers_in_words(qtbot, tmp_path):
    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session("Simulated sensor", "native", pacer_bpm=5.5)
        rr = np.full(100, 1000.0)
        writer.add_beats([Beat(t, r) for t, r in zip(np.cumsum(rr) / 1000.0, rr, strict=True)])
        writer.finish()
        detail = SessionDetail(store, writer.session_id)
    qtbot.addWidget(detail)
    assert detail.pacer_label == "pacer 5.5/min (phase reconstructed)"
    assert detail.marker_list.count() == 1 and "No markers" in detail.marker_list.item(0).text()


def test_report_draws_the_pacer_that_ran_with_its_legend(qapp, tmp_path, monkeypatch):
    with SessionStore(tmp_path / "s.db") as store:
        sid, runs = _store_session(tmp_path / "s.db")
        data = load_report_data(store, sid)
    curves, texts = [], []
    real_polyline = report_drawing.Axes.polyline

    def polyline(self, xs, ys, pen):
        curves.append((self, np.asarray(xs, float), np.asarray(ys, float), pen.color().name()))
        real_polyline(self, xs, ys, pen)

    def draw_text(p, x, y, text, *args, **kwargs):
        texts.append(text)

    monkeypatch.setattr(report_drawing.Axes, "polyline", polyline)
    monkeypatch.setattr(report, "draw_text", draw_text)
    report.report_image(data, width_px=800)
    assert any(t.startswith("pacer 6 → 4.5 → 7/min") and "phase" not in t for t in texts)
    (pacer,) = [c for c in curves if c[3] == report.PACER.name()]
    axes, x_min, y, _ = pacer
    t_dev = data.beats[0].t_s + x_min * 60.0
    lo, hi = axes.ylim
    guide = (y - lo) / (0.22 * (hi - lo))
    _assert_is_the_live_pacer(t_dev, guide, runs)
