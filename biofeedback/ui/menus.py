"""The window's File, View and Help menus, so the button rows can stay short at 1280 px.

Menu entries forward to the window's own slots; nothing is decided here.
Keys that the window already binds (F1, F11) are shown in the entry's text,
not bound twice (Qt would call the shortcut ambiguous and fire neither).
Actions are also added to the window itself, so Ctrl+Q works in
presentation mode, where the menu bar is hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from biofeedback.ui.i18n import translate


def _insert_menu(window: QMainWindow, title: str, before: QMenu | None) -> QMenu:
    bar = window.menuBar()
    menu = QMenu(title, bar)
    if before is not None:
        bar.insertMenu(before.menuAction(), menu)
    else:
        bar.addMenu(menu)
    return menu


def _find_menu(window: QMainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title().replace("&", "") == title:
            return menu
    return None


def install_menus(
    window: QMainWindow,
    quit_app: Callable[[], object],  # e.g. QMainWindow.close (its bool is not used)
    toggle_theme: Callable[[], None],
    toggle_presentation: Callable[[], None],
    show_help: Callable[[], None],
) -> dict[str, QAction]:
    """File (Quit, Ctrl+Q) and View before any existing menu, Help last; returns the actions by name."""
    first = next((m for m in (a.menu() for a in window.menuBar().actions()) if isinstance(m, QMenu)), None)
    file_menu = _insert_menu(window, translate("Menus", "&File"), first)
    view_menu = _insert_menu(window, translate("Menus", "&View"), first)
    help_title = translate("Menus", "&Help")
    help_menu = _find_menu(window, help_title.replace("&", "")) or _insert_menu(window, help_title, None)
    actions: dict[str, QAction] = {}

    quit_action = QAction(translate("Menus", "&Quit"), window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(lambda _=False: quit_app())
    file_menu.addAction(quit_action)
    window.addAction(quit_action)  # works while the menu bar is hidden
    actions["quit"] = quit_action

    for name, text, slot, menu in (
        ("theme", QT_TRANSLATE_NOOP("Menus", "Light / dark theme"), toggle_theme, view_menu),
        ("presentation", QT_TRANSLATE_NOOP("Menus", "Presentation mode (Esc leaves it)\tF11"), toggle_presentation, view_menu),
        ("help", QT_TRANSLATE_NOOP("Menus", "Help: numbers, ring and keys\tF1"), show_help, help_menu),
    ):
        action = QAction(translate("Menus", text), window)
        action.triggered.connect(lambda _=False, s=slot: s())
        menu.addAction(action)
        actions[name] = action
    return actions
