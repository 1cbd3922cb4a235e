"""Names for a screen reader on views built elsewhere (plots, tables), and plots out of the Tab order.

A plot has nothing to operate by keyboard: Tab goes past it (pyqtgraph's
views take the focus by default, ten Tab stops in the main window alone) and
a screen reader gets its title as its name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QGraphicsView, QTabWidget, QWidget


def _plot_title(view: QGraphicsView) -> str:
    item = getattr(view, "getPlotItem", lambda: None)()
    label = getattr(item, "titleLabel", None)
    text = getattr(label, "text", "") if label is not None else ""
    return str(text or "").strip()


def name_views(root: QWidget, fallback: str = "Plot") -> None:
    """Every graphics view (plot) under ``root``: no Tab stop, a name from its title (else ``fallback``);
    an unnamed table or tab widget gets the name of what it lists."""
    for view in root.findChildren(QGraphicsView):
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for child in view.findChildren(QWidget):
            child.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if not view.accessibleName():
            view.setAccessibleName(_plot_title(view) or fallback)
    for table in root.findChildren(QAbstractItemView):
        if not table.accessibleName() and table.window() is root.window():
            table.setAccessibleName(root.windowTitle() or fallback)
    for tabs in root.findChildren(QTabWidget):
        if not tabs.accessibleName():
            tabs.setAccessibleName(fallback)
        tabs.tabBar().setAccessibleName(tabs.accessibleName())
