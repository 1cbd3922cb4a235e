"""What a screen reader would call each control: the checks of tests/ui/test_accessibility.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QWidget


def spoken_name(widget: QWidget) -> str:
    """The name an assistive technology gets: set explicitly, from a tied label, or a button's own text.

    On Linux Qt names a combo box by its current text and leaves the rest to the
    "labelled by" relation (a QLabel's buddy), so both count; a spin box's or an
    editable combo box's inner line edit speaks with its parent's name.
    """
    if widget.accessibleName():
        return widget.accessibleName()
    face = QAccessible.queryAccessibleInterface(widget)
    if face is not None:
        for label, _ in face.relations(QAccessible.RelationFlag.Label):
            if label.text(QAccessible.Text.Name):
                return label.text(QAccessible.Text.Name)
        if isinstance(widget, QAbstractButton) and face.text(QAccessible.Text.Name).strip():
            return face.text(QAccessible.Text.Name)
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return spoken_name(parent)
    return ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Every widget under ``root`` (shown or not: a hidden page is shown later) that takes keyboard
    focus and has no spoken name, described for a failure message."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.window() is not root:
            continue  # in another window (a combo box's popup list, a dialog): walked on its own
        if not spoken_name(widget):
            text = getattr(widget, "text", lambda: "")()
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r} under "
                           f"{type(widget.parentWidget()).__name__}")
    return missing
