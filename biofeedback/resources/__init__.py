"""Files shipped inside the package: the app icon, the Linux desktop entry and udev rules, a sample
recording, the short lessons. Found beside this module, so a wheel, an editable checkout and a PyInstaller bundle
(which keeps the same layout under its own folder) all read them the same way."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

APP_ID = "biofeedback"  # the desktop file's id and the icon's name in the hicolor theme
ICON_SIZES_PX = (16, 24, 32, 48, 64, 128, 256, 512)  # hicolor sizes, also the window icon's

ICON_SVG = HERE / "icons" / "biofeedback.svg"
DESKTOP_TEMPLATE = HERE / "linux" / "biofeedback.desktop"
UDEV_RULES = HERE / "linux" / "60-biofeedback-serial.rules"
SAMPLE_PPG = HERE / "samples" / "ppg_sample.csv"
LESSONS_DIR = HERE / "lessons"  # the short lessons, one Markdown file a day (core/practice/lessons.py: the format)
TRANSLATIONS_DIR = HERE / "translations"  # biofeedback_<lang>.ts (edited) and .qm (tools/translations.py builds)


def icon_png(size_px: int) -> Path:
    """The icon rendered at ``size_px`` (one of ICON_SIZES_PX; tools/make_icons.py makes them)."""
    return HERE / "icons" / f"biofeedback-{size_px}.png"
