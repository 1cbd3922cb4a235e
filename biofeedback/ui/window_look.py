"""How the main window looks: the theme and the presentation (coach) mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from biofeedback.ui.theme import apply_theme, get_theme

if TYPE_CHECKING:
    from biofeedback.ui.main_window import MainWindow


class WindowLook:
    """Theme switching and presentation mode of one main window (it owns ``ui`` and ``settings``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.presentation = False
        self._before: tuple | None = None  # window state and geometry before presentation

    def apply_theme(self) -> None:
        w = self.window
        app = QApplication.instance()
        if isinstance(app, QApplication):  # (no widgets without one)
            apply_theme(app, w.theme)
        w.ui.apply(w.theme, presentation=self.presentation)
        w.coherence_indicator.set_theme(w.theme)
        if getattr(w, "focus_ring", None) is not None:
            w.focus_ring.set_color(w.theme.accent)

    def toggle_theme(self) -> None:
        w = self.window
        w.theme = get_theme("light" if w.theme.name == "dark" else "dark")
        w.settings.theme = w.theme.name
        self.apply_theme()
        w.save()

    def toggle_presentation(self) -> None:
        self.set_presentation(not self.presentation)

    def leave_presentation(self) -> None:
        if self.presentation:
            self.set_presentation(False)

    def set_presentation(self, on: bool, fullscreen: bool = True) -> None:
        """Coach mode: large type, minimal chrome, fullscreen on the chosen screen."""
        w = self.window
        self.presentation = on
        w.ui.set_presentation(on)
        w.coherence_indicator.set_presentation(on)
        w.menuBar().setVisible(not on)
        self.apply_theme()
        if not fullscreen:
            return
        if on:
            self._before = (w.windowState(), w.saveGeometry())  # Esc brings this back
            screens = QGuiApplication.screens()
            index = min(max(w.settings.presentation_screen, 0), len(screens) - 1)
            handle = w.windowHandle()
            if handle is not None and screens:
                handle.setScreen(screens[index])
                w.setGeometry(screens[index].geometry())
            w.showFullScreen()
        else:
            state, geometry = self._before or (Qt.WindowState.WindowNoState, None)
            w.showNormal()
            if geometry is not None:
                w.restoreGeometry(geometry)
            if state & Qt.WindowState.WindowMaximized:
                w.showMaximized()
