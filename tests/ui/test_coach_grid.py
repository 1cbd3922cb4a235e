"""The coach view's grid fits the window's width: on a 1366x768 laptop ten clients are never cut off at the right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from biofeedback.app.coach_model import ClientState, CoachModel
from biofeedback.ui.coach.window import CoachWindow


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (800, 600)])
def test_every_tile_is_inside_the_width_and_rows_scroll(qtbot, size):
    model = CoachModel()  # not started: the clients are put in by hand, no network
    window = CoachWindow(model)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    for i in range(10):
        key = f"biofeedback:host:client-{i}"
        model.clients[key] = ClientState(key=key, name=f"Client {i:02d} with a long name", host="host")
    model.clientsChanged.emit()
    qtbot.wait(50)
    viewport = window.area.viewport()
    assert len(window.tiles) == 10 and all(t.isVisible() for t in window.tiles.values())
    for tile in window.tiles.values():
        left = tile.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + tile.width() <= viewport.width(), (size, left, tile.width(), viewport.width())
        assert tile.width() >= tile.minimumSizeHint().width()
    if size[0] >= 1900:
        assert window.cols == 4  # wide enough for the near-square grid
    window.resize(1366, 768)
    qtbot.wait(50)
    assert window.cols * min(t.minimumSizeHint().width() for t in window.tiles.values()) <= viewport.width()
