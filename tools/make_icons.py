"""Render the app icon (biofeedback/resources/icons/biofeedback.svg) to the PNG sizes the
freedesktop hicolor theme, the window icon and the bundles use. Run after editing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from biofeedback.resources import ICON_SIZES_PX

ICONS = Path(__file__).resolve().parents[1] / "biofeedback" / "resources" / "icons"


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts, image plugins)
    renderer = QSvgRenderer(str(ICONS / "biofeedback.svg"))
    for size_px in ICON_SIZES_PX:
        image = QImage(size_px, size_px, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ICONS / f"biofeedback-{size_px}.png"
        image.save(str(out))
        print(out.relative_to(ICONS.parents[2]), out.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
