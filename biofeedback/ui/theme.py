"""Dark and light themes: calm colours, one place for every colour the views use.

pyqtgraph is imported only by what draws plots: the main window shows before
it is loaded (its plots are built after the first paint), so its defaults
for new plots follow the applied theme once it is (``set_plot_defaults``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    import pyqtgraph as pg


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    panel: str
    text: str
    muted: str
    accent: str  # pacer, breathing curve
    heart: str  # heart rate
    beat: str  # beat markers
    rmssd: str
    coherence: str
    warn: str
    ok: str
    vlf: str
    lf: str
    hf: str


DARK = Theme(
    name="dark",
    background="#12161c",
    panel="#1b2129",
    text="#e6e9ee",
    muted="#9aa4b1",
    accent="#5fb3d9",
    heart="#f08a7e",
    beat="#ffd27f",
    rmssd="#9bd48a",
    coherence="#c7a4f0",
    warn="#f2b84b",
    ok="#7fcf9a",
    vlf="#3a3f52",
    lf="#2f4f5f",
    hf="#3f3a2c",
)

LIGHT = Theme(
    name="light",
    background="#f7f7f4",
    panel="#ffffff",
    text="#1d2430",
    muted="#5b6675",
    accent="#1f7fae",
    heart="#c8453a",
    beat="#b07900",
    rmssd="#3f8f32",
    coherence="#7a4dbb",
    warn="#a86400",
    ok="#2f8a4f",
    vlf="#e6e6ef",
    lf="#dcedf3",
    hf="#f3ecd9",
)

THEMES = {"dark": DARK, "light": LIGHT}


def get_theme(name: str) -> Theme:
    return THEMES.get(name, DARK)


def use_fusion(app: QApplication) -> None:
    """The Fusion style, whose colours come from the palette (once: a new style polishes every widget
    again, so the window sets it before it builds its widgets)."""
    style = app.style()
    if style is None or style.name().lower() != "fusion":
        app.setStyle("Fusion")


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Set the Qt palette and pyqtgraph's defaults for plots created afterwards."""
    use_fusion(app)
    pal = QPalette()
    bg, panel, text = QColor(theme.background), QColor(theme.panel), QColor(theme.text)
    pal.setColor(QPalette.ColorRole.Window, bg)
    pal.setColor(QPalette.ColorRole.Base, panel)
    pal.setColor(QPalette.ColorRole.AlternateBase, bg)
    pal.setColor(QPalette.ColorRole.Button, panel)
    pal.setColor(QPalette.ColorRole.WindowText, text)
    pal.setColor(QPalette.ColorRole.Text, text)
    pal.setColor(QPalette.ColorRole.ButtonText, text)
    pal.setColor(QPalette.ColorRole.ToolTipBase, panel)
    pal.setColor(QPalette.ColorRole.ToolTipText, text)
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(theme.accent))
    pal.setColor(QPalette.ColorRole.HighlightedText, bg)
    for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):  # Qt's default blue is unreadable on dark
        pal.setColor(role, QColor(theme.accent))
    # disabled controls: text faded halfway into the background, flat button face, no highlight
    faded = blend(QColor(theme.muted), bg, 0.55)
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(disabled, role, faded)
    pal.setColor(disabled, QPalette.ColorRole.Button, bg)
    pal.setColor(disabled, QPalette.ColorRole.Base, bg)
    pal.setColor(disabled, QPalette.ColorRole.Highlight, QColor(theme.muted))
    pal.setColor(disabled, QPalette.ColorRole.Light, bg)  # Fusion draws an etched shadow with it
    app.setPalette(pal)
    global _plot_theme
    _plot_theme = theme
    if "pyqtgraph" in sys.modules:
        set_plot_defaults()


_plot_theme: Theme | None = None  # the theme last applied: pyqtgraph's defaults for new plots follow it


def set_plot_defaults() -> None:
    """pyqtgraph's defaults for plots created from now on: the applied theme's colours, antialiased."""
    import pyqtgraph as pg

    if _plot_theme is not None:
        pg.setConfigOptions(background=_plot_theme.background, foreground=_plot_theme.text, antialias=True)


def blend(a: QColor, b: QColor, share_a: float) -> QColor:
    """``share_a`` of colour ``a`` over ``b`` (opaque)."""
    k = share_a
    return QColor(int(a.red() * k + b.red() * (1 - k)), int(a.green() * k + b.green() * (1 - k)),
                  int(a.blue() * k + b.blue() * (1 - k)))


def disabled_style(theme: Theme) -> str:
    """Style-sheet rules that keep disabled labels and check boxes faded under colour rules."""
    faded = blend(QColor(theme.muted), QColor(theme.background), 0.55).name()
    return (f" QLabel:disabled, QCheckBox:disabled, QRadioButton:disabled, QPushButton:disabled,"
            f" QComboBox:disabled, QAbstractSpinBox:disabled, QLineEdit:disabled {{ color: {faded}; }}")


def point_font(font_pt: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(font_pt)
    font.setBold(bold)
    return font


def style_plot(plot: pg.PlotItem, theme: Theme, font_pt: int) -> None:
    """Axis colours, tick and title font sizes of one plot (legible across a room in presentation)."""
    import pyqtgraph as pg

    font = point_font(font_pt)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(theme.muted))
        axis.setTextPen(pg.mkPen(theme.text))
        axis.setTickFont(font)
        axis.label.setFont(font)
        if type(axis) is pg.AxisItem and "tickStrings" not in vars(axis):  # numbers only: date axes write words
            axis.tickStrings = _localized_ticks(axis.tickStrings)
    plot.setTitle(plot.titleLabel.text, size=f"{font_pt + 1}pt", color=theme.muted)


def _localized_ticks(tick_strings):
    """pyqtgraph's tick labels with the locale's decimal separator (0,8 in Spanish and Portuguese)."""
    from biofeedback.ui.i18n import localized

    def ticks(values, scale, spacing):
        return [localized(text) for text in tick_strings(values, scale, spacing)]

    return ticks
