"""The app's icon on its windows at every size it ships, and the desktop file name that ties the
windows to the menu entry ``install-desktop`` writes."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

from biofeedback.resources import APP_ID, ICON_SIZES_PX
from biofeedback.ui.app_icon import set_app_identity


def test_windows_carry_the_app_icon_at_every_shipped_size(make_window):
    set_app_identity()
    window = make_window()
    icon = window.windowIcon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES_PX)
    image = icon.pixmap(QSize(48, 48)).toImage()
    assert image.width() == 48
    heart = image.pixelColor(24, 32)  # below the pulse line: white, opaque
    assert heart.alpha() == 255 and min(heart.red(), heart.green(), heart.blue()) > 200
    assert image.pixelColor(0, 0).alpha() == 0  # outside the rounded corner
    assert QGuiApplication.desktopFileName() == APP_ID
