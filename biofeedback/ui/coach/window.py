"""The coach window: a grid of client tiles, every client the model reads; a click enlarges one.

Read-only: it draws what ``CoachModel`` found and sends nothing to clients.
Every tile inside the scroll area's viewport is redrawn once a second (session
clock, curves sliding) and at once when its client's data changes; tiles
scrolled out of view are not drawn until they come back. F11 toggles full
screen and Ctrl+=/Ctrl+- change the type size (presentation mode). The grid
never has more columns than fit the window at the tiles' minimum width (on a
laptop 12 clients become 3 columns); rows that do not fit scroll, and the line
above the grid says so: "30 clients, showing 1–12; scroll for the others".
"""

from __future__ import annotations

import math

import pylsl
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from biofeedback.app.coach_model import CoachModel
from biofeedback.ui.coach.tile import ClientTile
from biofeedback.ui.i18n import Plural, translate
from biofeedback.ui.theme import DARK, Theme, point_font

REDRAW_PERIOD_MS = 1000
PACER_REDRAW_S = 0.5  # a tile whose client sent only pacer samples is redrawn at most this often (beats at once)


class CoachWindow(QWidget):
    """Tiles in a near-square grid; ``font_pt`` is the presentation type size."""

    def __init__(self, model: CoachModel, theme: Theme = DARK, font_pt: float = 14.0) -> None:
        super().__init__()
        self.model, self.theme, self.font_pt = model, theme, font_pt
        self.setWindowTitle(translate("Coach", "biofeedback — coach view (read-only)"))
        self.setStyleSheet(f"background: {theme.background}; color: {theme.text};")
        self.tiles: dict[str, ClientTile] = {}
        self._drawn_at: dict[str, float] = {}  # local_clock of each tile's latest redraw
        self.enlarged: str | None = None
        self.empty = QLabel(translate("Coach", "Looking for biofeedback clients on the network (Lab Streaming Layer)…"))
        self.empty.setFont(point_font(font_pt))
        self.count = QLabel("")  # "30 clients, showing 1–12; scroll for the others"
        self.count.setFont(point_font(font_pt * 0.8))
        self.count.setStyleSheet(f"color: {theme.muted};")
        self.count.hide()
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.grid = QGridLayout(inner)
        self.grid.setSpacing(12)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.area.setWidget(inner)
        self.cols = 1
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.count)
        layout.addWidget(self.area, 1)
        self.area.verticalScrollBar().valueChanged.connect(self._scrolled)
        model.clientsChanged.connect(self._sync_tiles)
        model.clientUpdated.connect(self._refresh)
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_PERIOD_MS)
        self._timer.timeout.connect(self.refresh_all)
        self._timer.start()
        # presentation: F11 full screen, Ctrl+= / Ctrl+- larger or smaller type
        QShortcut(QKeySequence(Qt.Key.Key_F11), self).activated.connect(self.toggle_fullscreen)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self).activated.connect(lambda: self.set_font_pt(self.font_pt * 1.2))
        QShortcut(QKeySequence("Ctrl+="), self).activated.connect(lambda: self.set_font_pt(self.font_pt * 1.2))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self).activated.connect(lambda: self.set_font_pt(self.font_pt / 1.2))

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def set_font_pt(self, font_pt: float) -> None:
        """Type size of every tile (presentation mode: 24 pt and more reads across a room)."""
        self.font_pt = min(max(font_pt, 8.0), 48.0)
        self.empty.setFont(point_font(self.font_pt))
        self.count.setFont(point_font(self.font_pt * 0.8))
        self._layout_tiles()

    def _sync_tiles(self) -> None:
        for client in self.model.ordered():
            if client.key not in self.tiles:
                tile = ClientTile(client.key, self.theme, self.font_pt)
                tile.clicked.connect(self.toggle_enlarged)
                self.tiles[client.key] = tile
                tile.show_client(client, pylsl.local_clock())
        self._layout_tiles()
        self.refresh_all()

    def _layout_tiles(self) -> None:
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
            tile.hide()
        self.empty.setVisible(not self.tiles)
        order = [c.key for c in self.model.ordered() if c.key in self.tiles]
        shown = [self.enlarged] if self.enlarged in self.tiles else order
        for key in shown:
            self.tiles[key].set_font_pt(self.font_pt * (2.0 if self.enlarged else 1.0))
        self.cols = cols = self._columns(shown)
        for i, key in enumerate(shown):
            self.grid.addWidget(self.tiles[key], i // cols, i % cols)
            self.tiles[key].show()
        for row in range(self.grid.rowCount()):  # rows share the height equally (a lone last tile is not squashed)
            self.grid.setRowStretch(row, 1 if row * cols < len(shown) else 0)
        self.update_count()
        QTimer.singleShot(0, self.refresh_all)  # once the scroll area has laid the grid out: draw what came on screen

    def _columns(self, shown: list[str]) -> int:
        """A near-square grid, but no more columns than fit the width at the tiles' minimum width."""
        square = max(1, math.ceil(math.sqrt(len(shown))))
        if not shown:
            return square
        min_w = max(self.tiles[k].minimumSizeHint().width() for k in shown)
        spacing = self.grid.spacing()
        fit = int((self.area.viewport().width() + spacing) // (min_w + spacing))
        return max(1, min(square, fit))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        shown = [self.enlarged] if self.enlarged in self.tiles else [k for k in self.tiles]
        if self.tiles and self._columns(shown) != self.cols:
            self._layout_tiles()
        else:
            QTimer.singleShot(0, self.refresh_all)  # tiles may have come on screen

    def toggle_enlarged(self, key: str) -> None:
        """A click on a tile shows it alone and large; another click goes back to the grid."""
        self.enlarged = None if self.enlarged == key else key
        self._layout_tiles()

    def on_screen(self, key: str) -> bool:
        """Whether the tile of ``key`` is laid out and at least partly inside the scroll area's viewport."""
        tile = self.tiles.get(key)
        if tile is None or tile.isHidden():
            return False
        viewport = self.area.viewport()
        return QRect(tile.mapTo(viewport, QPoint(0, 0)), tile.size()).intersects(viewport.rect())

    def shown_keys(self) -> list[str]:
        """The keys of the tiles on screen, in grid order."""
        order = [self.enlarged] if self.enlarged in self.tiles else [c.key for c in self.model.ordered()]
        return [k for k in order if self.on_screen(k)]

    def update_count(self) -> None:
        """The line above the grid: how many clients, which of them are on screen, how many are not read."""
        n = len(self.tiles)
        order = [c.key for c in self.model.ordered() if c.key in self.tiles]
        on = [i for i, k in enumerate(order) if self.on_screen(k)]
        text = Plural.tr("%n client(s)", "", n)  # type: ignore[arg-type]  # the class names the context
        if self.enlarged in self.tiles:
            text += translate("Coach", ", showing {name} (click it to see them all)").format(
                name=self.model.clients[self.enlarged].name)
        elif on and len(on) < n:
            text += translate("Coach", ", showing {first}–{last}; scroll for the others").format(
                first=on[0] + 1, last=on[-1] + 1)
        elif n and not on:
            text += translate("Coach", "; scroll to see them")
        if self.model.not_read:
            text += translate("Coach", "; {more} more found, not shown (at most {most} clients are read at once)").format(
                more=self.model.not_read, most=self.model.max_clients)
        self.count.setText(text)
        self.count.setVisible(bool(n or self.model.not_read))

    def _scrolled(self) -> None:
        self.refresh_all()

    def _refresh(self, key: str) -> None:
        """The client's data changed: redraw its tile if it is on screen, at once for a beat, a metric or
        a state, at most every PACER_REDRAW_S for pacer samples alone (the guide moves ~5 px a second)."""
        tile = self.tiles.get(key)
        client = self.model.clients.get(key)
        if tile is None or client is None or not self.on_screen(key):
            return
        now = pylsl.local_clock()
        if client.news_version == tile.drawn_news_version and now - self._drawn_at.get(key, -math.inf) < PACER_REDRAW_S:
            return
        self._drawn_at[key] = now
        tile.show_client(client, now)

    def refresh_all(self) -> None:
        """Redraw every tile on screen (the others are drawn when they are scrolled into view)."""
        now = pylsl.local_clock()
        for key, tile in self.tiles.items():
            if self.on_screen(key):
                self._drawn_at[key] = now
                tile.show_client(self.model.clients[key], now)
        self.update_count()
