"""The window's widgets fit a laptop: every control and plot inside at 1280x720 and 1366x768, rows wrap."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QWidget,
)

from biofeedback.app.settings import Settings
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.ui.coherence_indicator import CoherenceIndicator
from biofeedback.ui.layout import WindowLayout
from biofeedback.ui.theme import DARK

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, pg.PlotWidget)


def build(qtbot, width, height):
    window = QMainWindow()
    ui = WindowLayout(window, Settings(), Pacer(6.0, 0.5, 0.0, 0.0, t0_s=0.0), DARK)
    ui.lower.addWidget(CoherenceIndicator(), 1)
    ui.apply(DARK, presentation=False)
    ui.build_plots()  # the main window builds them after its first paint
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    return window, ui


def outside(window: QWidget) -> list[str]:
    rect, bad = window.rect(), []
    for child in window.findChildren(QWidget):
        if not child.isVisible() or not isinstance(child, CONTROLS + (CoherenceIndicator,)):
            continue
        r = QRect(child.mapTo(window, QPoint(0, 0)), child.size())
        if not rect.contains(r) or child.width() < child.minimumSizeHint().width() - 1:
            bad.append(f"{type(child).__name__} {getattr(child, 'text', lambda: '')()!r} at {r}")
    return bad


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1366, 705)])  # 705: maximised under a panel
def test_every_control_and_plot_is_inside_the_window(qtbot, size):
    window, ui = build(qtbot, *size)
    assert window.width() == size[0] and window.height() == size[1]
    assert window.minimumSizeHint().width() <= 1280
    assert outside(window) == []
    for plot in (ui.tachogram, ui.pulse, ui.rmssd_trend, ui.coherence_trend, ui.spectrum):
        assert plot.height() >= 90 and plot.width() >= 150, plot


def test_control_groups_wrap_when_narrow_and_share_a_row_when_wide(qtbot):
    window, ui = build(qtbot, 1280, 720)
    rows_narrow = {g.y() for g in ui.control_groups}
    window.resize(3200, 1800)
    qtbot.wait(20)
    rows_wide = {g.y() for g in ui.control_groups}
    assert len(rows_narrow) >= 2 and len(rows_wide) == 1
    assert outside(window) == []


def test_presentation_shows_the_large_bar_and_hides_the_chrome(qtbot):
    window, ui = build(qtbot, 1366, 768)
    ui.set_presentation(True)
    qtbot.wait(10)
    assert ui.presentation_bar.isVisible() and not ui.top.isVisible() and not ui.pulse.isVisible()
    ui.set_presentation(False)
    assert not ui.presentation_bar.isVisible() and ui.top.isVisible()


def test_the_status_bar_keeps_its_height_whatever_the_message(qtbot):
    window, ui = build(qtbot, 1280, 720)
    bar = window.statusBar()
    before = (bar.height(), ui.tachogram.geometry())
    ui.status.show_notice("Sessions are not being saved: " + "the disk is full. " * 20)
    qtbot.wait(20)
    assert (bar.height(), ui.tachogram.geometry()) == before
    assert ui.status.notice.toolTip().startswith("Sessions are not being saved")


def test_clear_views_leaves_no_old_sample_in_any_view(qtbot):
    import numpy as np

    from biofeedback.app.live_model import LiveModel
    from biofeedback.core.pipeline import PipelineOutput
    from biofeedback.core.types import Beat, MetricsUpdate, PpgBlock

    window, ui = build(qtbot, 1366, 768)
    model = LiveModel()
    rr = 900.0 + 40.0 * np.sin(np.arange(167) * 0.6)
    t = np.cumsum(rr) / 1000.0
    fs = 100.0
    ts = np.arange(int(10 * fs)) / fs + 140
    model.add(PipelineOutput(ppg=[PpgBlock(ts, np.sin(ts), fs)], beats=[Beat(x, r) for x, r in zip(t, rr, strict=True)],
                             metrics=MetricsUpdate(149.0, hr_bpm=66.0, rmssd_ms=40.0, coherence_ratio=1.0)), 1000.0)
    now = 150.0
    ui.pulse.refresh(model, now)
    ui.tachogram.refresh(model, now)
    ui.rmssd_trend.refresh(model, now)
    assert ui.spectrum.maybe_recompute(model, 0.0)
    ui.numbers.show_values(66, 40, 1.0, 8)
    ui.clear_views()
    for plot in (ui.pulse, ui.tachogram, ui.rmssd_trend, ui.coherence_trend, ui.spectrum):
        drawn = plot.drawn_items() if hasattr(plot, "drawn_items") else plot.getPlotItem().listDataItems()
        assert drawn
        for item in drawn:
            if hasattr(item, "points"):
                data = item.data
            elif hasattr(item, "getOriginalDataset"):
                data = item.getOriginalDataset()[0]
            else:  # the live views' own items (ui/plot_items.py)
                data = item.getData()[0]
            assert data is None or len(data) == 0, (plot, item)
    assert {tile.value.text() for tile in ui.numbers.tiles} == {"–"}


def test_a_first_start_on_a_screen_smaller_than_the_default_opens_maximised(qtbot):
    """Sized to the screen, the window manager's title bar would push the status bar off it."""
    from biofeedback.ui.main_window import MainWindow

    window = MainWindow(Settings(first_run_notice_seen=True), save=False)
    qtbot.addWidget(window)
    avail = window.screen().availableGeometry()
    small = avail.width() < 1400 or avail.height() < 900
    assert small  # the offscreen screen (800x600 here) is smaller than 1400x900
    assert window.isMaximized()
    window.close()
