"""Large numbers and the status area: words and values, no plotting.

The status area has a fixed height of two lines: a long message wraps onto
the second and is cut there with "…"; the tooltip, the accessible
description and a click show it whole, so a message never moves the layout.
"""

from __future__ import annotations

from typing import TypedDict

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from biofeedback import config
from biofeedback.app.live_model import LiveReading
from biofeedback.core.types import SignalQuality
from biofeedback.io.source import SourceState
from biofeedback.ui.i18n import level_name, number, translate
from biofeedback.ui.notice_words import notice_words
from biofeedback.ui.pulse_direction import HINT as PULSE_DIRECTION_HINT
from biofeedback.ui.pulse_direction import OVERRIDE_HINT as PULSE_OVERRIDE_HINT
from biofeedback.ui.theme import Theme

DASH = "–"


def clock_text(seconds: float | None) -> str:
    """m:ss, or h:mm:ss from an hour (the session clock in the summary and the presentation bar)."""
    if seconds is None:
        return DASH
    s = max(int(round(seconds)), 0)
    h, m = divmod(s // 60, 60)
    return f"{h}:{m:02d}:{s % 60:02d}" if h else f"{m}:{s % 60:02d}"


class NumberTile(QFrame):
    """A metric name, its value in large type, and the window it covers."""

    def __init__(self, title: str, unit: str, caption: str, color_name: str) -> None:
        super().__init__()
        self.color_name = color_name
        self.unit = unit
        self.name = title
        self.title = QLabel(title)
        self.value = QLabel(DASH)
        self.caption = QLabel(caption)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(0)
        lay.addWidget(self.title)
        lay.addWidget(self.value)
        lay.addWidget(self.caption)

    def set_value(self, text: str, title: str | None = None) -> None:
        if text != self.value.text():
            self.value.setText(text)
            # a screen reader reads the tile as one item: its name, value and unit
            spoken = translate("Numbers", "no value") if text == DASH else f"{text} {self.unit}".strip()
            self.setAccessibleDescription(spoken)
        if title is not None and title != self.title.text():
            self.title.setText(title)

    def apply(self, theme: Theme, scale: float) -> None:
        color = getattr(theme, self.color_name)
        self.setStyleSheet(f"NumberTile {{ background: {theme.panel}; border-radius: 8px; }}")
        self.title.setStyleSheet(f"color: {theme.text}; font-size: {int(13 * scale)}pt;")
        self.value.setStyleSheet(
            f"color: {color}; font-size: {int(34 * scale)}pt; font-weight: 600;"
        )
        self.caption.setStyleSheet(f"color: {theme.muted}; font-size: {int(10 * scale)}pt;")


def coherence_caption() -> str:
    return translate("Numbers", "smoothed ratio, {seconds} s windows").format(seconds=f"{config.COHERENCE_WINDOW_S:.0f}")


def level_band_text(level: int) -> str:
    """Where the shown level holds now, so the number and the word never seem to disagree.

    The level moves only COHERENCE_HYSTERESIS_SHARE past a threshold
    (core/hrv/coherence_level.py): 1.35 can still read "high" on its way down.
    """
    (lo, hi), m = config.COHERENCE_LEVELS, config.COHERENCE_HYSTERESIS_SHARE
    if level == 0:
        return translate("Numbers", "smoothed; low until {value}").format(value=number(lo * (1 + m), 2))
    if level == 1:
        return translate("Numbers", "smoothed; medium from {low} to {high}").format(
            low=number(lo * (1 - m), 2), high=number(hi * (1 + m), 2))
    return translate("Numbers", "smoothed; high down to {value}").format(value=number(hi * (1 - m), 2))


class NumbersPanel(QWidget):
    """HR, RMSSD, coherence and the last breath's HR swing in large type."""

    def __init__(self) -> None:
        super().__init__()
        self.hr = NumberTile(translate("Numbers", "Heart rate"), "bpm", translate("Numbers", "bpm, last 3 beats"), "heart")
        self.rmssd = NumberTile(
            "RMSSD", "ms", translate("Numbers", "ms, last {seconds} s").format(seconds=f"{config.LIVE_RMSSD_WINDOW_S:.0f}"), "rmssd"
        )
        self.coherence = NumberTile(translate("Numbers", "Coherence"), "", coherence_caption(), "coherence")
        self.swing = NumberTile(translate("Numbers", "HR swing"), "bpm", translate("Numbers", "bpm, max − min over last breath"), "accent")
        self.tiles = (self.hr, self.rmssd, self.coherence, self.swing)
        for tile in self.tiles:
            tile.setAccessibleName(tile.name)
            tile.setAccessibleDescription(translate("Numbers", "no value"))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.set_columns(2)

    def set_columns(self, columns: int) -> None:
        for i, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, i // columns, i % columns)

    def apply(self, theme: Theme, scale: float = 1.0) -> None:
        for tile in self.tiles:
            tile.apply(theme, scale)

    def clear(self) -> None:
        """Dashes everywhere (no source, or a new one that has not produced a number yet)."""
        self.show_values(None, None, None, None)

    def show_reading(self, reading: LiveReading) -> None:
        """The live reading: the coherence tile's title names the level the ring shows."""
        self.show_values(reading.hr_bpm, reading.rmssd_ms, reading.coherence, reading.swing_bpm)
        level = reading.level if reading.coherence is not None else None
        self.coherence.set_value(self.coherence.value.text(),
                                 translate("Numbers", "Coherence") if level is None else
                                 translate("Numbers", "Coherence: {level}").format(level=level_name(level)))
        caption = coherence_caption() if level is None else level_band_text(level)
        if self.coherence.caption.text() != caption:
            self.coherence.caption.setText(caption)

    def show_values(
        self,
        hr_bpm: float | None,
        rmssd_ms: float | None,
        coherence: float | None,
        swing_bpm: float | None,
    ) -> None:
        self.hr.set_value(DASH if hr_bpm is None else number(hr_bpm))
        self.rmssd.set_value(DASH if rmssd_ms is None else number(rmssd_ms))
        self.coherence.set_value(DASH if coherence is None else number(coherence, 2))
        self.swing.set_value(DASH if swing_bpm is None else number(swing_bpm, 1))


_STATE_WORDS = {
    "connecting": QT_TRANSLATE_NOOP("Status", "connecting…"),
    "connected": QT_TRANSLATE_NOOP("Status", "connected"),
    "disconnected": QT_TRANSLATE_NOOP("Status", "disconnected"),
    "reconnecting": QT_TRANSLATE_NOOP("Status", "reconnecting…"),
    "failed": QT_TRANSLATE_NOOP("Status", "failed"),
    "finished": QT_TRANSLATE_NOOP("Status", "finished"),
    "stopped": QT_TRANSLATE_NOOP("Status", "not connected"),
}

_QUALITY_WORDS = {
    SignalQuality.GOOD: QT_TRANSLATE_NOOP("Status", "good signal"),
    SignalQuality.NO_SIGNAL: QT_TRANSLATE_NOOP("Status", "no signal"),
    SignalQuality.SATURATED: QT_TRANSLATE_NOOP("Status", "signal saturated: loosen the clip or move the finger"),
    SignalQuality.FINGER_OFF: QT_TRANSLATE_NOOP("Status", "finger off the sensor"),
    SignalQuality.POOR: QT_TRANSLATE_NOOP("Status", "signal poor: hold still"),
    SignalQuality.LINK_DAMAGED: QT_TRANSLATE_NOOP("Status", "good signal, but the link loses data"),
}
_DIRECTION_WORDS = {1: QT_TRANSLATE_NOOP("Status", "upright"), -1: QT_TRANSLATE_NOOP("Status", "inverted")}


def wrap_lines(metrics: QFontMetrics, text: str, width_px: int, max_lines: int) -> list[str]:
    """``text`` broken at spaces into lines ``width_px`` wide, at most ``max_lines``, the last cut with "…"."""
    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width_px:
            line += " " + words.pop(0)
        if metrics.horizontalAdvance(line) > width_px:  # one word longer than the line (a path)
            fit = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width_px)[:-1] or line[:1]
            words.insert(0, line[len(fit):])
            line = fit
        lines.append(line)
    if words:
        lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width_px))
    return lines


class ElidedLabel(QLabel):
    """Up to ``max_lines`` lines of text wrapped to the width it gets, the last cut with "…".

    The whole text is in the tooltip and the accessible description, and a
    click shows it in a window of its own (a message never moves the layout,
    and is never lost). A ``hint`` (what the user can do about it) goes with
    the text in all three, never on the line itself.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, max_lines: int = 1) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.hint = ""
        self._tip = ""  # the tooltip _elide set
        self.max_lines = max_lines
        self.popup: QMessageBox | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(40)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        if text == self.full_text and self.toolTip() == self._tip:
            return  # (the status line sets its texts again with every beat: an elided one was laid out anew)
        self.full_text = text
        self._elide()

    def set_hint(self, hint: str) -> None:
        if hint != self.hint:
            self.hint = hint
            self._elide()

    def whole(self) -> str:
        """The text with its hint: what the tooltip, a screen reader and the click's window give."""
        return f"{self.full_text}\n{self.hint}" if self.hint and self.full_text else self.full_text

    def text(self) -> str:
        """The whole text, not the elided one (``text_shown``)."""
        return self.full_text

    def text_shown(self) -> str:
        return super().text()

    @property
    def elided(self) -> bool:
        return self.text_shown().replace("\n", " ") != self.full_text

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        room = max(self.contentsRect().width() - 2, 1)  # (a style sheet's padding is in the margins)
        shown = "\n".join(wrap_lines(metrics, self.full_text, room, self.max_lines)) if self.full_text else ""
        super().setText(shown)
        elided = shown.replace("\n", " ") != self.full_text
        click = "\n" + translate("Window", "(click to read it whole)") if elided else ""
        self._tip = self.whole() + click if elided or self.hint else ""
        self.setToolTip(self._tip)
        self.setAccessibleDescription(self.whole().replace("\n", " "))
        self.setCursor(Qt.CursorShape.PointingHandCursor if elided else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton and self.full_text and self.elided:
            self.show_whole()
        super().mousePressEvent(event)

    def show_whole(self) -> QMessageBox:
        """The whole message in a small window (not modal: the pacer goes on)."""
        if self.popup is not None:
            self.popup.close()
        box = QMessageBox(QMessageBox.Icon.Information, translate("Status", "Message"), self.whole(),
                          QMessageBox.StandardButton.Close, self.window())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.popup = box
        return box

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name): a style sheet may change the font
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange, event.Type.LanguageChange):
            self._elide()  # (the tooltip's "click to read it whole" is in the window's language)


class _Shown(TypedDict, total=False):
    """What the status line shows, to show again in another theme."""

    state: SourceState
    quality: SignalQuality | None
    polarity_unsure: bool
    direction_override: tuple[int, int] | None  # (chosen, the sensor's) when they differ
    share: float | None
    notice: str


class StatusPanel(QWidget):
    """Connection state, signal quality, finger off and artifact share, in words, on two fixed lines."""

    LINES = 2

    def __init__(self) -> None:
        super().__init__()
        self.connection = ElidedLabel("● " + translate("Status", "not connected"), max_lines=self.LINES)
        self.quality = ElidedLabel("", max_lines=self.LINES)
        self.artifacts = ElidedLabel("", max_lines=self.LINES)
        self.notice = ElidedLabel("", max_lines=self.LINES)
        for label, name in ((self.connection, translate("Status", "Connection")),
                            (self.quality, translate("Status", "Signal quality")),
                            (self.artifacts, translate("Status", "Corrected beats")),
                            (self.notice, translate("Status", "Message"))):
            label.setAccessibleName(name)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 0, 6, 0)
        for w, stretch in ((self.connection, 3), (self.quality, 2), (self.artifacts, 2), (self.notice, 5)):
            lay.addWidget(w, stretch)
        self.theme: Theme | None = None
        self.state = "stopped"
        self.playing = ""  # a replayed session's name while it plays
        self._shown: _Shown = {}
        self._fix_height()

    def _fix_height(self) -> None:
        line = QFontMetrics(self.connection.font()).lineSpacing()
        self.setFixedHeight(self.LINES * line + 2)  # two lines and no more: a laptop has none to spare

    def clear(self) -> None:
        """Back to "not connected" with no quality, share or notice (a source change or failure)."""
        self.playing = ""
        self.show_state(SourceState("stopped"))
        self.show_notice("")

    def apply(self, theme: Theme) -> None:
        """Set the theme and re-colour what is shown."""
        self.theme = theme
        self.setStyleSheet(f"QLabel {{ color: {theme.text}; font-size: 11pt; padding-right: 14px; }}")
        self._fix_height()
        shown = self._shown.copy()
        if "state" in shown:
            self.show_state(shown["state"])
        if "quality" in shown:
            self.show_quality(shown["quality"])
        if "share" in shown:
            self.show_artifacts(shown["share"])
        if "notice" in shown:
            self.show_notice(shown["notice"])

    def _color(self, label: QLabel, color: str) -> None:
        sheet = f"color: {color}; font-size: 11pt; padding-right: 14px;"
        if label.styleSheet() != sheet:  # re-polishing a label costs more than drawing it: only on change
            label.setStyleSheet(sheet)

    def show_state(self, state: SourceState) -> None:
        self._shown["state"] = state
        self.state = state.state
        words = translate("Status", _STATE_WORDS[state.state]) if state.state in _STATE_WORDS else state.state
        if state.protocol:
            words += f" ({state.protocol})"
        if self.playing and state.state == "connected":
            words += f" — {self.playing}"  # what is being played
        if state.message and state.state != "connected":
            words += f": {notice_words(state.message)}"  # io's English sentence, in the window's language
        self.connection.setText(f"● {words}")
        if state.state != "connected":
            # quality and corrected share belong to a connection: none is shown without one
            self._shown["polarity_unsure"] = False
            self.show_quality(None)
            self.show_artifacts(None)
        if self.theme:
            ok = state.state == "connected"
            bad = state.state in ("failed", "disconnected")
            self._color(
                self.connection,
                self.theme.ok if ok else self.theme.warn if bad else self.theme.muted,
            )

    def show_quality(self, quality: SignalQuality | None) -> None:
        self._shown["quality"] = quality
        if quality is None:
            self.quality.set_hint("")
            self.quality.setText("")
            return
        text = translate("Status", _QUALITY_WORDS[quality]) if quality in _QUALITY_WORDS else str(quality)
        # said beside a signal good enough for beats: they may sit on the wrong part of each pulse
        # until its shape shows the way (beside "no signal" it would say nothing)
        unsure = self._shown.get("polarity_unsure", False) and quality in (SignalQuality.GOOD,
                                                                          SignalQuality.LINK_DAMAGED)
        override = self._shown.get("direction_override")
        hint = ""
        if unsure:
            text += translate("Status", " — pulse direction unclear")
            hint = translate("PulseDirection", PULSE_DIRECTION_HINT)
        elif override is not None:  # a choice made for another sensor may still hold: said, never silent
            chosen, declared = (translate("Status", _DIRECTION_WORDS[p]) for p in override)
            text += translate("Status", " — read {chosen}, as you chose; the sensor says {declared}").format(
                chosen=chosen, declared=declared)
            hint = translate("PulseDirection", PULSE_OVERRIDE_HINT)
        self.quality.set_hint(hint)
        self.quality.setText(text)
        if self.theme:
            good = quality == SignalQuality.GOOD and not unsure and override is None
            self._color(self.quality, self.theme.ok if good else self.theme.warn)

    def show_direction_override(self, chosen: int | None, declared: int | None) -> None:
        """The direction the person chose (Tools → Pulse direction) and the one the sensor declares."""
        override = None
        if chosen is not None and declared is not None and chosen != declared:
            override = (chosen, declared)
        self._shown["direction_override"] = override
        self.show_quality(self._shown.get("quality"))

    def show_polarity_unsure(self, unsure: bool) -> None:
        """The pipeline read the pulse's direction from an unclear shape (a guess), or no longer."""
        self._shown["polarity_unsure"] = unsure
        self.show_quality(self._shown.get("quality"))

    def show_artifacts(self, share: float | None) -> None:
        self._shown["share"] = share
        if share is None:
            self.artifacts.setText("")
            return
        text = translate("Status", "corrected beats {percent}\u00a0%").format(percent=number(100 * share, 1))  # the number and its unit on one line
        warn = share > config.ARTIFACT_SHARE_WARN
        if warn:
            text += translate("Status", " — too many, numbers unreliable")
        self.artifacts.setText(text)
        if self.theme:
            self._color(self.artifacts, self.theme.warn if warn else self.theme.muted)

    def show_notice(self, text: str) -> None:
        text = notice_words(text)  # app's and io's English sentences, in the window's language
        self._shown["notice"] = text
        self.notice.setText(text)
        if self.theme:
            self._color(self.notice, self.theme.warn)
