"""One stored session's graphs: axes in plain units (no SI-prefix scale such as "minutes (x0.001)")."""

from __future__ import annotations

import numpy as np

from biofeedback.core.types import Beat
from biofeedback.io.store import SessionStore
from biofeedback.ui.session_detail import SessionDetail


def test_session_view_axes_read_in_plain_units(qtbot, tmp_path):
    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session("Simulated sensor", "native", pacer_bpm=6.0)
        rr = 900.0 + 60.0 * np.sin(np.arange(400) * 0.6)
        writer.add_beats([Beat(t, r) for t, r in zip(np.cumsum(rr) / 1000.0, rr, strict=True)])
        writer.add_marker(30.0, "yawn")
        writer.finish()
        detail = SessionDetail(store, writer.session_id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    qtbot.wait(50)  # ranges settle, and with them any SI-prefix scale
    for plot in (detail.tachogram, detail.spectrum):
        for name in ("bottom", "left"):
            label = plot.getPlotItem().getAxis(name).labelString()
            assert "(x" not in label, label
