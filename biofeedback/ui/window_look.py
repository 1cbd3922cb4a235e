"""How the main window looks: the theme and the presentation (coach) mode.

Presentation with two screens opens the client view on the chosen screen and
leaves this window as it is (ui/client_view.py); with one screen, or when the
chosen screen is this window's own, the window itself goes full screen in
large type, as it always did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from biofeedback.ui.client_view import ClientView, screen_for_client
from biofeedback.ui.i18n import translate
from biofeedback.ui.theme import apply_theme, get_theme

if TYPE_CHECKING:
    from biofeedback.ui.main_window import MainWindow


class _ScreenWatch(QObject):
    """Calls ``changed`` when a screen comes or goes; a child of the window, so its connections to
    the application go with it (a plain callable would keep every closed window alive)."""

    def __init__(self, parent: QObject, changed) -> None:
        super().__init__(parent)
        self.changed = changed
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screens_changed)

    def _screens_changed(self, _screen) -> None:
        QTimer.singleShot(0, self, self.changed)  # a removed screen is still listed while it goes


class WindowLook:
    """Theme switching and presentation mode of one main window (it owns ``ui`` and ``settings``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.presentation = False
        self._before: tuple | None = None  # window state and geometry before presentation
        self.client_view: ClientView | None = None  # the client's screen, while it is open
        self._screens = _ScreenWatch(window, self.list_screens)  # a screen plugged in later can be chosen

    def apply_theme(self) -> None:
        w = self.window
        app = QApplication.instance()
        if isinstance(app, QApplication):  # (no widgets without one)
            apply_theme(app, w.theme)
        w.ui.apply(w.theme, presentation=self.presentation)
        w.coherence_indicator.set_theme(w.theme)
        if getattr(w, "focus_ring", None) is not None:
            w.focus_ring.set_color(w.theme.accent)
        if self.client_view is not None:
            self.client_view.set_theme(w.theme)

    def toggle_theme(self) -> None:
        w = self.window
        w.theme = get_theme("light" if w.theme.name == "dark" else "dark")
        w.settings.theme = w.theme.name
        self.apply_theme()
        w.save()

    def list_screens(self) -> None:
        """The screen choice lists the screens there are now; the chosen number is kept."""
        box = self.window.ui.screen
        screens = QGuiApplication.screens()
        box.blockSignals(True)
        box.clear()
        for i, screen in enumerate(screens):
            name = screen.name().strip()
            box.addItem(translate("Window", "Screen {n}").format(n=i + 1) + (f": {name}" if name else ""), i)
        box.setCurrentIndex(max(box.findData(self.window.settings.presentation_screen), 0))
        box.blockSignals(False)

    def toggle_presentation(self) -> None:
        """F11, the Present button: the client view on the other screen, or this window in large type."""
        if self.client_view is not None:
            self.client_view.close()
        elif self.presentation:
            self.set_presentation(False)
        elif (screen := screen_for_client(self.window, self.window.settings.presentation_screen)) is not None:
            self.open_client_view(screen)
        else:
            self.set_presentation(True)

    def leave_presentation(self) -> None:
        if self.client_view is not None:
            self.client_view.close()
        if self.presentation:
            self.set_presentation(False)

    def open_client_view(self, screen) -> None:
        """The client's screen on ``screen``; this window keeps every control, where and as it is."""
        w = self.window
        view = ClientView(w.live.pacer, w.theme, parent=w)
        view.closed.connect(self._client_view_closed)
        self.client_view = view
        view.open_on(screen)
        w.activateWindow()  # the coach's keys stay here (a platform may activate a new window anyway)
        w.ui.present_button.setCheckable(True)  # pressed while the client view is open (its text keeps its width)
        w.ui.present_button.setChecked(True)
        w.show_notice(translate("Window", "The client view is on {screen}; F11 or Esc closes it.").format(
            screen=screen.name() or translate("Window", "the other screen")))

    def _client_view_closed(self) -> None:
        self.client_view = None
        self.window.ui.present_button.setChecked(False)
        self.window.ui.present_button.setCheckable(False)

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
