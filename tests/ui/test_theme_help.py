"""Disabled controls look disabled in both themes; the help explains the ring and lists every key."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QWidget

from biofeedback import config
from biofeedback.ui.help import HELP_HTML, SHORTCUTS
from biofeedback.ui.theme import DARK, LIGHT, apply_theme, disabled_style


def contrast(widget: QWidget, background: str) -> float:
    """Mean luminance difference from the background of the 30 most different pixels (the text)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    rgb = raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), 2::-1].astype(float)
    lum = rgb @ np.array([0.2126, 0.7152, 0.0722])
    bg = np.array(QColor(background).getRgb()[:3], float) @ np.array([0.2126, 0.7152, 0.0722])
    diff = np.sort(np.abs(lum - bg).ravel())
    return float(diff[-30:].mean())


@pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])
@pytest.mark.parametrize("make", [lambda: QPushButton("Save as my training rate"), lambda: QCheckBox("Sound cue"),
                                  lambda: QLabel("holds")], ids=["button", "checkbox", "label"])
def test_disabled_controls_have_much_less_contrast_than_enabled_ones(qtbot, theme, make):
    apply_theme(QApplication.instance(), theme)
    page = QWidget()
    # the main window's colour rules for labels and check boxes, plus the disabled rules
    page.setStyleSheet(f"QLabel, QCheckBox {{ color: {theme.text}; }}" + disabled_style(theme))
    enabled, disabled = make(), make()
    for w in (enabled, disabled):
        w.setParent(page)
        w.resize(260, 36)
    disabled.move(0, 40)
    disabled.setEnabled(False)
    qtbot.addWidget(page)
    page.resize(300, 90)
    page.show()
    qtbot.waitExposed(page)
    on, off = contrast(enabled, theme.background), contrast(disabled, theme.background)
    assert off < 0.6 * on, f"disabled contrast {off:.0f} vs enabled {on:.0f}"
    assert off > 10  # still readable: it says what it is


def test_help_explains_the_coherence_ring_and_lists_every_key():
    assert "<h3>Coherence ring</h3>" in HELP_HTML
    for shown, what, _keys in SHORTCUTS:
        assert f"<b>{shown}</b>" in HELP_HTML and what.format(step=f"{config.PACER_STEP_BPM:g}") in HELP_HTML


def window_keys(window) -> set[str]:
    """Every key the window answers to: its QShortcuts and every QAction with a shortcut (menus included)."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    portable = QKeySequence.SequenceFormat.PortableText
    keys = {s.key().toString(portable) for s in window.findChildren(QShortcut)}
    for action in window.findChildren(QAction):
        keys.update(k.toString(portable) for k in action.shortcuts())
    return keys - {""}


def test_every_key_of_the_window_is_in_the_help(make_window, tmp_path):
    """Derived from the window itself (its store glue, LSL and eyes-closed entries installed), not a copy."""
    from biofeedback.io.store import SessionStore
    from biofeedback.ui.store_integration import install_session_store

    window = make_window()
    install_session_store(window, SessionStore(tmp_path / "s.db"), checkins=False)
    keys = window_keys(window)
    assert {"Space", "Up", "M", "N", "Ctrl+H", "Ctrl+G", "Ctrl+D", "F11", "Esc", "F1", "Ctrl+Q"} <= keys  # found them
    listed = {k for _shown, _what, covered in SHORTCUTS for k in covered}
    assert keys <= listed, f"keys missing from the help: {sorted(keys - listed)}"
    window.show_help()
    text = window.help.browser.toPlainText()
    for shown, _what, covered in SHORTCUTS:
        if set(covered) & keys:
            assert shown in text
