"""The simulated sensor's pulse shape is chosen on the source panel and reaches the source."""

from __future__ import annotations

from PySide6.QtCore import Qt

from biofeedback.app.settings import Settings
from biofeedback.app.sources import make_source
from biofeedback.core.simulation import SHAPES
from biofeedback.ui.source_panel import SourcePanel


def test_choosing_a_shape_reaches_the_simulated_source(qtbot):
    settings = Settings(source_kind="simulated")
    panel = SourcePanel(settings)
    qtbot.addWidget(panel)
    assert [panel.sim_shape.itemText(i) for i in range(panel.sim_shape.count())] == list(SHAPES)
    assert panel.sim_shape.currentText() == settings.sim_shape == "classic"
    panel.sim_shape.setCurrentIndex(panel.sim_shape.findText("dominant-reflected"))
    with qtbot.waitSignal(panel.connect_requested, timeout=2000):
        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    assert settings.sim_shape == "dominant-reflected"
    assert make_source(settings).settings.shape == "dominant-reflected"


def test_a_saved_shape_is_shown_when_the_panel_opens(qtbot):
    panel = SourcePanel(Settings(source_kind="simulated", sim_shape="breathing"))
    qtbot.addWidget(panel)
    assert panel.sim_shape.currentText() == "breathing"
    assert panel.store().sim_shape == "breathing"
