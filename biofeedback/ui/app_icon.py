"""The app's identity for the window system: its icon on every window (title bar, task bar, Alt+Tab)
and the desktop file name that ties the windows to the menu entry (``install-desktop``)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

from biofeedback.resources import APP_ID, ICON_SIZES_PX, icon_png


def app_icon() -> QIcon:
    """The icon at every size it is drawn at (Qt picks the nearest; the PNGs load when first drawn)."""
    icon = QIcon()
    for size_px in ICON_SIZES_PX:
        icon.addFile(str(icon_png(size_px)), QSize(size_px, size_px))
    return icon


def set_app_identity() -> None:
    """Name, desktop file and window icon of the running application, before its first window."""
    QGuiApplication.setApplicationName(APP_ID)
    QGuiApplication.setDesktopFileName(APP_ID)
    QGuiApplication.setWindowIcon(app_icon())
