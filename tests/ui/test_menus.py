"""File / View / Help menus: Quit on Ctrl+Q (menu bar hidden or not), entries forward to the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from biofeedback.ui.menus import install_menus


def make(qtbot):
    window = QMainWindow()
    window.menuBar().addMenu("&Tools")
    calls: list[str] = []
    actions = install_menus(window, lambda: calls.append("quit"), lambda: calls.append("theme"),
                            lambda: calls.append("presentation"), lambda: calls.append("help"))
    qtbot.addWidget(window)
    window.resize(600, 400)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window, actions, calls


def test_menus_are_file_view_tools_help_in_that_order(qtbot):
    window, _, _ = make(qtbot)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "View", "Tools", "Help"]


def test_ctrl_q_quits_even_with_the_menu_bar_hidden(qtbot):
    window, actions, calls = make(qtbot)
    assert actions["quit"].shortcut().toString() == "Ctrl+Q"
    window.menuBar().setVisible(False)  # presentation mode
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["quit"]


def test_entries_forward_to_the_window(qtbot):
    _, actions, calls = make(qtbot)
    for name in ("theme", "presentation", "help"):
        actions[name].trigger()
    assert calls == ["theme", "presentation", "help"]
    assert actions["presentation"].text().endswith("\tF11") and actions["presentation"].shortcut().isEmpty()
