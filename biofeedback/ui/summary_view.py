"""The end-of-session screen: draws a ``core.summary.session.SessionSummary``, nothing computed here.

Tiles for the time, coherence (mean, peak, time in high) and the HR swing and
RMSSD against the user's own earlier sessions, a check-in table (stress,
pain, mood: before, after, change), and the one-line reading. Shown as a
dialog after a session (``SessionSummaryDialog``) or embedded (``SummaryView``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

from biofeedback import NOT_A_MEDICAL_DEVICE, config
from biofeedback.core.practice.session_kind import PEERS
from biofeedback.core.summary.session import (
    CheckinChange,
    Comparison,
    SessionSummary,
)
from biofeedback.ui.panels import clock_text
from biofeedback.ui.theme import DARK, Theme

DASH = "–"


def comparison_text(c: Comparison, unit: str, fmt: str = ".0f", what: str = "", kind: str = "practice") -> str:
    """"higher than in 7 of your 10 earlier sessions (your median 32 ms)" or why there is no comparison.

    ``kind`` is the session's ``core.practice.session_kind``: a short session is compared with nothing and
    says so; a simulated one names its simulated peers.
    """
    if kind == "short":
        return "not compared: a short session"
    if c.value is None:
        return f"not enough clean beats for {what}" if what else "not enough clean beats"
    peers = PEERS.get(kind, "sessions")
    if not c.comparable:
        earlier = c.n_previous
        return (f"no earlier {peers} to compare with" if earlier == 0 and kind != "practice" else
                "your first session with this number" if earlier == 0 else
                f"set against your own {peers} once there are {config.SUMMARY_MIN_PREVIOUS} earlier ones "
                f"({earlier} so far)")
    median = f"your median {format(c.previous_median, fmt)} {unit}".rstrip()
    if c.n_below == c.n_previous:
        return f"higher than in all {c.n_previous} of your earlier {peers} ({median})"
    if c.n_below == 0:
        return f"not higher than in any of your {c.n_previous} earlier {peers} ({median})"
    return f"higher than in {c.n_below} of your {c.n_previous} earlier {peers} ({median})"


def change_text(c: CheckinChange) -> str:
    d = c.change_points
    if d is None:
        return "not answered" if c.before is None or c.after is None else DASH
    if d == 0:
        return "same"
    return f"{abs(d)} lower" if d < 0 else f"{d} higher"


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
        self.title = QLabel("Session summary")
        self.reading = QLabel("")
        self.reading.setWordWrap(True)
        self.duration = Tile("Time practised")
        self.coherence = Tile("Coherence, mean (peak)")
        self.high = Tile("Time in high coherence")
        self.swing = Tile("HR swing per breath")
        self.rmssd = Tile("RMSSD")
        self.quality = Tile("Beats")
        self.tiles = (self.duration, self.coherence, self.high, self.swing, self.rmssd, self.quality)
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, tile in enumerate(self.tiles):
            grid.addWidget(tile, i // 3, i % 3)
        self.checkin_grid = QGridLayout()
        self.checkin_grid.setHorizontalSpacing(24)
        self.checkin_labels: dict[tuple[str, int], QLabel] = {}
        for col, head in enumerate(("Check-in", "before", "after", "change")):
            label = QLabel(head)
            self.checkin_grid.addWidget(label, 0, col)
            self.checkin_labels[("head", col)] = label
        for row, item in enumerate(("stress", "pain", "mood"), start=1):
            for col in range(4):
                label = QLabel(item.capitalize() if col == 0 else DASH)
                self.checkin_grid.addWidget(label, row, col)
                self.checkin_labels[(item, col)] = label
        self.notice = QLabel(NOT_A_MEDICAL_DEVICE)
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
        self.reading.setText(s.reading)
        self.duration.set(clock_text(s.duration_s), "session clock")
        if s.mean_coherence is None or s.high_coherence_s is None:  # (both None below one window)
            self.coherence.set(DASH, "needs at least 64 s of beats")
            self.high.set(DASH, "")
        else:
            self.coherence.set(f"{s.mean_coherence:.2f} ({s.peak_coherence:.2f})", "ratio, 64 s windows")
            share = min(100.0 * s.high_coherence_s / s.duration_s, 100.0) if s.duration_s > 0 else 0.0
            self.high.set(clock_text(s.high_coherence_s), f"{share:.0f} % of the session")
        value = DASH if s.hr_swing.value is None else f"{s.hr_swing.value:.1f} bpm"
        self.swing.set(value, comparison_text(s.hr_swing, "bpm", ".1f", "a swing per breath", s.kind))
        value = DASH if s.rmssd.value is None else f"{s.rmssd.value:.0f} ms"
        self.rmssd.set(value, comparison_text(s.rmssd, "ms", ".0f", "RMSSD", s.kind))
        corrected = "" if s.artifact_share is None else f"{100 * s.artifact_share:.1f} % corrected"
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
        self.setWindowTitle("biofeedback — session summary")
        self.view = SummaryView(theme, self)
        self.view.show_summary(summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.history_button = QPushButton("History and progress…")
        buttons.addButton(self.history_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.history_button.clicked.connect(self.history_requested)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view)
        lay.addWidget(buttons, alignment=Qt.AlignmentFlag.AlignRight)
        self.setStyleSheet(f"QDialog {{ background: {theme.background}; }}")
        self.resize(880, 560)
