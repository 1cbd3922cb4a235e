"""A pseudo-locale: a translator that marks every string it is asked for, and a walk over a window's
visible text that names each piece without the mark (text that never went through translation)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

MARK = "\u27e6"  # ⟦: nothing the app writes itself holds it

# what needs no translation: numbers, clocks, units and symbols
_NEUTRAL = re.compile(r"^[\s\d.,:;+\-–—−/%×·()\[\]|~<>=≈±°…*●○]*"
                      r"(bpm|ms|ms²|ms²/Hz|s|min|Hz|/min|breaths/min|RMSSD|SDNN|HR|HRV|LF|HF|%|x|×)?"
                      r"[\s\d.,:;+\-–—−/%×·()\[\]|~<>=≈±°…*]*$")


class PseudoTranslator(QTranslator):
    """Every translated string comes back as ⟦text⟧ (with %n still in it for Qt to fill)."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102 (Qt's)
        return f"{MARK}{source_text}\u27e7"

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


def install_pseudo(app: QCoreApplication) -> PseudoTranslator:
    translator = PseudoTranslator(app)
    app.installTranslator(translator)
    return translator


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&&", "&").replace("&", "").strip()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for each piece of text a person can see or hear from ``root``: titles, labels,
    buttons, boxes, tabs, tooltips, menus, plot titles and axis labels (hidden widgets left out; menus
    walked whole)."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget | object, text: str) -> None:
        if text and text.strip():
            found.append((type(where).__name__ + (f" {where.objectName()}" if isinstance(where, QWidget)
                                                   and where.objectName() else ""), text))

    add(root, root.windowTitle())
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QMenu):
            add(widget, widget.title())
            for action in widget.actions():
                if not action.isSeparator():
                    add(action, action.text())
                    add(action, action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
            continue
        if not widget.isVisibleTo(root):
            continue
        add(widget, widget.toolTip())
        if isinstance(widget, QLabel):
            add(widget, widget.text())
        elif isinstance(widget, QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, widget.itemText(i))
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(widget, widget.tabText(i))
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add(action, action.text())
    found += plot_texts(root)
    return found


def plot_texts(root: QWidget) -> list[tuple[str, str]]:
    """The titles and axis labels of the pyqtgraph plots shown in ``root`` (drawn, not widgets of their own)."""
    import pyqtgraph as pg

    found = []
    for plot in root.findChildren(pg.PlotWidget):
        if not plot.isVisibleTo(root):
            continue
        item = plot.getPlotItem()
        where = f"plot {plot.accessibleName() or plot.objectName()}".strip()
        if item.titleLabel.isVisible() and item.titleLabel.text:
            found.append((where + " title", item.titleLabel.text))
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            if axis.isVisible() and axis.labelText:
                found.append((f"{where} {name} axis", axis.labelText))
    return found


def _unmarked(text: str) -> str:
    """What is left of ``text`` outside the marked (translated) parts, tags and entities removed."""
    outside, before = re.sub(r"<[^>]+>|&nbsp;", " ", text), None
    while outside != before:  # innermost first: a translated text may hold translated parts
        before, outside = outside, re.sub(MARK + "[^\u27e6\u27e7]*\u27e7", " ", outside)
    return re.sub(r"\s+", " ", outside)


def escaped(root: QWidget) -> list[str]:
    """Each visible text with a part outside the pseudo-locale's marks that is not just numbers, units and
    punctuation: text that never went through translation, alone or joined to translated text."""
    return sorted({f"{where}: {text!r}" for where, text in visible_texts(root)
                   if not _NEUTRAL.match(_plain(_unmarked(text)))})
