"""The end-of-session screen: draws a ``core.summary.session.SessionSummary``, nothing computed here.

Tiles for the time, coherence (mean, peak, time in high) and the HR swing and
RMSSD against the user's own earlier sessions, a check-in table (stress,
pain, mood: before, after, change), and the one-line reading. Shown as a
dialog after a session (``SessionSummaryDialog``) or embedded (``SummaryView``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biofeedback import config
from biofeedback.core.practice.session_kind import PEERS
from biofeedback.core.summary.session import (
    CheckinChange,
    Comparison,
    SessionSummary,
)
from biofeedback.ui.i18n import bpm, not_a_medical_device, number, translate
from biofeedback.ui.panels import clock_text
from biofeedback.ui.summary_words import reading_words
from biofeedback.ui.theme import DARK, Theme

DASH = "–"
SWING_WHAT = str(QT_TRANSLATE_NOOP("Summary", "a swing per breath"))
ITEM_NAMES = {"stress": QT_TRANSLATE_NOOP("CheckIn", "Stress"), "pain": QT_TRANSLATE_NOOP("CheckIn", "Pain"),
              "mood": QT_TRANSLATE_NOOP("CheckIn", "Mood")}
# core/practice/session_kind.py PEERS as lupdate sees them (a test keeps them equal)
PEER_WORDS = (QT_TRANSLATE_NOOP("Summary", "sessions"), QT_TRANSLATE_NOOP("Summary", "simulated sessions"),
              QT_TRANSLATE_NOOP("Summary", "replays"), QT_TRANSLATE_NOOP("Summary", "sessions without a pacer"))


def comparison_text(c: Comparison, unit: str, fmt: str = ".0f", what: str = "", kind: str = "practice") -> str:
    """"higher than in 7 of your 10 earlier sessions (your median 32 ms)" or why there is no comparison.

    ``kind`` is the session's ``core.practice.session_kind``: a short session is compared with nothing and
    says so; a simulated one names its simulated peers.
    """
    if kind == "short":
        return translate("Summary", "not compared: a short session")
    if c.value is None:
        return (translate("Summary", "not enough clean beats for {what}").format(what=translate("Summary", what))
                if what else translate("Summary", "not enough clean beats"))
    peers = translate("Summary", PEERS.get(kind, "sessions"))
    if not c.comparable:
        earlier = c.n_previous
        if earlier == 0:
            return (translate("Summary", "no earlier {peers} to compare with").format(peers=peers)
                    if kind != "practice" else translate("Summary", "your first session with this number"))
        return translate("Summary", "set against your own {peers} once there are {needed} earlier ones "
                         "({earlier} so far)").format(peers=peers, needed=config.SUMMARY_MIN_PREVIOUS, earlier=earlier)
    median = translate("Summary", "your median {value} {unit}").format(
        value=format(c.previous_median, fmt).replace(".", QLocale().decimalPoint()), unit=unit).rstrip()
    if c.n_below == c.n_previous:
        text = translate("Summary", "higher than in all {n} of your earlier {peers} ({median})")
    elif c.n_below == 0:
        text = translate("Summary", "not higher than in any of your {n} earlier {peers} ({median})")
    else:
        text = translate("Summary", "higher than in {below} of your {n} earlier {peers} ({median})")
    return text.format(below=c.n_below, n=c.n_previous, peers=peers, median=median)


def change_text(c: CheckinChange) -> str:
    d = c.change_points
    if d is None:
        return translate("Summary", "not answered") if c.before is None or c.after is None else DASH
    if d == 0:
        return translate("Summary", "same")
    return (translate("Summary", "{points} lower") if d < 0 else translate("Summary", "{points} higher")).format(
        points=abs(d))


class Tile(QFrame):
    """A caption, a large value and a line of context."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.caption = QLabel(caption)
        self.value = QLabel(DASH)
        self.context = QLabel("")
        self.context.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(2)
        for w in (self.caption, self.value, self.context):
            lay.addWidget(w)
        lay.addStretch(1)

    def set(self, value: str, context: str = "") -> None:
        self.value.setText(value)
        self.context.setText(context)

    def apply(self, theme: Theme, color: str, scale: float) -> None:
        self.setStyleSheet(f"Tile {{ background: {theme.panel}; border-radius: 8px; }}")
        self.caption.setStyleSheet(f"color: {theme.muted}; font-size: {int(11 * scale)}pt;")
        self.value.setStyleSheet(f"color: {color}; font-size: {int(26 * scale)}pt; font-weight: 600;")
        self.context.setStyleSheet(f"color: {theme.text}; font-size: {int(10 * scale)}pt;")


class SummaryView(QWidget):
    """Call ``show_summary`` with the SessionSummary of the session that just ended."""

    def __init__(self, theme: Theme = DARK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: SessionSummary | None = None
        self.title = QLabel(translate("Summary", "Session summary"))
        self.reading = QLabel("")
        self.reading.setWordWrap(True)
        self.duration = Tile(translate("Summary", "Time practised"))
        self.coherence = Tile(translate("Summary", "Coherence, mean (peak)"))
        self.high = Tile(translate("Summary", "Time in high coherence"))
        self.swing = Tile(translate("Summary", "HR swing per breath"))
        self.rmssd = Tile("RMSSD")
        self.quality = Tile(translate("Summary", "Beats"))
        self.tiles = (self.duration, self.coherence, self.high, self.swing, self.rmssd, self.quality)
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, tile in enumerate(self.tiles):
            grid.addWidget(tile, i // 3, i % 3)
        self.checkin_grid = QGridLayout()
        self.checkin_grid.setHorizontalSpacing(24)
        self.checkin_labels: dict[tuple[str, int], QLabel] = {}
        for col, head in enumerate((translate("Summary", "Check-in"), translate("Summary", "before"), translate("Summary", "after"), translate("Summary", "change"))):
            label = QLabel(head)
            self.checkin_grid.addWidget(label, 0, col)
            self.checkin_labels[("head", col)] = label
        for row, item in enumerate(("stress", "pain", "mood"), start=1):
            for col in range(4):
                label = QLabel(translate("CheckIn", ITEM_NAMES[item]) if col == 0 else DASH)
                self.checkin_grid.addWidget(label, row, col)
                self.checkin_labels[(item, col)] = label
        self.notice = QLabel(not_a_medical_device())
        self.notice.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.reading)
        lay.addLayout(grid)
        lay.addLayout(self.checkin_grid)
        lay.addStretch(1)
        lay.addWidget(self.notice)
        self.set_theme(theme)

    def set_theme(self, theme: Theme, scale: float = 1.0) -> None:
        self.theme, self.scale = theme, scale
        colors = (theme.accent, theme.coherence, theme.coherence, theme.heart, theme.rmssd, theme.text)
        for tile, color in zip(self.tiles, colors, strict=True):
            tile.apply(theme, color, scale)
        self.setStyleSheet(f"SummaryView {{ background: {theme.background}; }}"
                           f" QLabel {{ color: {theme.text}; font-size: {int(11 * scale)}pt; }}")
        self.title.setStyleSheet(f"color: {theme.text}; font-size: {int(18 * scale)}pt; font-weight: 600;")
        self.reading.setStyleSheet(f"color: {theme.text}; font-size: {int(14 * scale)}pt; padding: 6px 0;")
        self.notice.setStyleSheet(f"color: {theme.muted}; font-size: {int(9 * scale)}pt;")
        for (key, _col), label in self.checkin_labels.items():
            if key == "head":
                label.setStyleSheet(f"color: {theme.muted}; font-size: {int(11 * scale)}pt;")

    def clear(self) -> None:
        self.summary = None
        self.reading.setText("")
        for tile in self.tiles:
            tile.set(DASH)
        for (key, col), label in self.checkin_labels.items():
            if key != "head" and col:
                label.setText(DASH)

    def show_summary(self, s: SessionSummary) -> None:
        self.summary = s
        self.reading.setText(reading_words(s))
        self.duration.set(clock_text(s.duration_s), translate("Summary", "session clock"))
        if s.mean_coherence is None or s.high_coherence_s is None:  # (both None below one window)
            self.coherence.set(DASH, translate("Summary", "needs at least 64 s of beats"))
            self.high.set(DASH, "")
        else:
            self.coherence.set(f"{number(s.mean_coherence, 2)} ({number(s.peak_coherence or 0.0, 2)})",
                               translate("Summary", "ratio, 64 s windows"))
            share = min(100.0 * s.high_coherence_s / s.duration_s, 100.0) if s.duration_s > 0 else 0.0
            self.high.set(clock_text(s.high_coherence_s),
                          translate("Summary", "{percent} % of the session").format(percent=number(share)))
        value = DASH if s.hr_swing.value is None else f"{number(s.hr_swing.value, 1)} {bpm()}"
        self.swing.set(value, comparison_text(s.hr_swing, bpm(), ".1f", SWING_WHAT, s.kind))
        value = DASH if s.rmssd.value is None else f"{s.rmssd.value:.0f} ms"
        self.rmssd.set(value, comparison_text(s.rmssd, "ms", ".0f", "RMSSD", s.kind))
        corrected = "" if s.artifact_share is None else translate("Summary", "{percent} % corrected").format(
            percent=number(100 * s.artifact_share, 1))
        self.quality.set(f"{s.n_beats}", corrected)
        for c in s.checkins:
            self.checkin_labels[(c.item, 1)].setText(DASH if c.before is None else str(c.before))
            self.checkin_labels[(c.item, 2)].setText(DASH if c.after is None else str(c.after))
            self.checkin_labels[(c.item, 3)].setText(change_text(c))


class SessionSummaryDialog(QDialog):
    """The summary after a session, with "History…" to see it among the others."""

    history_requested = Signal()

    def __init__(self, summary: SessionSummary, theme: Theme = DARK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Summary", "biofeedback — session summary"))
        self.view = SummaryView(theme, self)
        self.view.show_summary(summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.history_button = QPushButton(translate("Summary", "History and progress…"))
        buttons.addButton(self.history_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.history_button.clicked.connect(self.history_requested)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view)
        lay.addWidget(buttons, alignment=Qt.AlignmentFlag.AlignRight)
        self.setStyleSheet(f"QDialog {{ background: {theme.background}; }}")
        self.resize(880, 560)
