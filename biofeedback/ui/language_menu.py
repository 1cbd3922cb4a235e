"""View → Language: the system's language or one chosen, kept in the settings (``language``).

Every text is read when the window is built, so a new choice shows from the next start;
the notice says so rather than leaving half the window in one language and half in another.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from biofeedback.ui.i18n import translate

# each language named in itself, so a person who cannot read the current one still finds theirs
NATIVE_NAMES = (("en", "English"), ("es", "Español"), ("pt_BR", "Português (Brasil)"), ("pt", "Português (Portugal)"))


def install_language_menu(window: QMainWindow, view_menu: QMenu) -> dict[str, QAction]:
    """The Language submenu in ``view_menu``; returns its actions by code ("" = the system's)."""
    settings = window.settings  # type: ignore[attr-defined]
    menu = view_menu.addMenu(translate("Language", "&Language"))
    group = QActionGroup(window)
    actions: dict[str, QAction] = {}
    for code, name in (("", translate("Language", "The system's language")), *NATIVE_NAMES):
        action = QAction(name, window)
        action.setCheckable(True)
        action.setChecked(settings.language == code)
        action.triggered.connect(lambda _=False, c=code: choose(c))
        group.addAction(action)
        menu.addAction(action)
        actions[code] = action

    def choose(code: str) -> None:
        if code == settings.language:
            return
        settings.language = code
        name = dict(NATIVE_NAMES).get(code, translate("Language", "the system's language"))
        window.show_notice(  # type: ignore[attr-defined]
            translate("Language", "The window will be in {language} from the next start.").format(language=name))

    return actions


def view_menu_of(window: QMainWindow, action: QAction) -> QMenu | None:
    """The menu bar's menu that holds ``action`` (the View menu holds the theme's)."""
    for bar_action in window.menuBar().actions():
        menu = bar_action.menu()
        if isinstance(menu, QMenu) and action in menu.actions():
            return menu
    return None
