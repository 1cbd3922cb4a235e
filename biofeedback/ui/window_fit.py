"""Secondary windows (History, the session summary) open in front and fit the screen they open on.

A window sized to the screen's available height still overflows it by its
title bar, which the window manager adds outside the size Qt sets; before the
window is shown Qt does not know that frame, so ``TITLE_BAR_GUESS_PX`` stands
in for it until it does.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR_GUESS_PX = 40  # a decorated window's title bar and borders, until the real frame is known
SIDE_FRAME_GUESS_PX = 8


def fit_and_raise(window: QWidget, preferred: QSize, near: QWidget | None = None) -> None:
    """Size ``window`` to ``preferred`` or less so that its frame fits the screen of ``near``, centre it
    there, show it and bring it in front of every other window of the app."""
    screen = (near.screen() if near is not None else None) or QGuiApplication.primaryScreen()
    if screen is not None:
        avail = screen.availableGeometry()
        frame_w = max(window.frameGeometry().width() - window.width(), SIDE_FRAME_GUESS_PX)
        frame_h = max(window.frameGeometry().height() - window.height(), TITLE_BAR_GUESS_PX)
        size = QSize(min(preferred.width(), avail.width() - frame_w),
                     min(preferred.height(), avail.height() - frame_h))
        window.setMinimumSize(window.minimumSize().boundedTo(size))
        window.resize(size)
        corner = avail.center() - QPoint((size.width() + frame_w) // 2, (size.height() + frame_h) // 2)
        window.move(max(corner.x(), avail.left()), max(corner.y(), avail.top()))
    window.show()
    window.raise_()
    window.activateWindow()
