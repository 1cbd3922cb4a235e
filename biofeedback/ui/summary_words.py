"""The summary's one-line reading in the window's language.

Core writes the reading in English for the CLI and the exports (``core.summary.session``: a READINGS key
chosen by ``reading_case``, then the check-in change); the window writes the same case from the
summary's own fields through the translator, so in English the two are equal (a test keeps them so).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from biofeedback.core.summary.session import (
    COMPLETE_READINGS,
    SessionSummary,
    reading_case,
    short_length_text,
)
from biofeedback.ui.i18n import Plural, rate_text, translate

# core's READINGS, key for key, as lupdate sees them
READING_WORDS = {
    "short": QT_TRANSLATE_NOOP("Reading", "A short session ({length}, under the {min_minutes}-minute minimum in the "
                                          "settings): it is kept in your history, but not compared with your other "
                                          "sessions nor counted in your weekly progress."),
    "few_beats": QT_TRANSLATE_NOOP("Reading", "A short session: too few beats to say more than the time practised."),
    "artifacts": QT_TRANSLATE_NOOP("Reading", "{pct} % of beats needed correction, so today's numbers are rough; "
                                              "a still hand and a warm finger help."),
    "more": QT_TRANSLATE_NOOP("Reading", "Your heart rate rose and fell with your breath more than in most of your "
                                         "earlier {peers}"),
    "less": QT_TRANSLATE_NOOP("Reading", "Your heart rate rose and fell with your breath less than in most of your "
                                         "earlier {peers}"),
    "usual": QT_TRANSLATE_NOOP("Reading", "Your heart rate rose and fell with your breath about as much as usual "
                                          "for you"),
    "as_peers": QT_TRANSLATE_NOOP("Reading", "Your heart rate rose and fell with your breath about as much as in "
                                             "your earlier {peers}"),
    "value": QT_TRANSLATE_NOOP("Reading", "Your heart rate rose and fell by about {bpm} bpm with each breath"),
    "no_breaths": QT_TRANSLATE_NOOP("Reading", "Too few clean breaths to measure how your heart rate followed your "
                                               "breath"),
}
ITEM_WORDS = {"stress": QT_TRANSLATE_NOOP("Reading", "stress"), "pain": QT_TRANSLATE_NOOP("Reading", "pain"),
              "mood": QT_TRANSLATE_NOOP("Reading", "mood")}


def _checkin_words(summary: SessionSummary) -> str:
    parts = []
    for c in summary.checkins:
        d = c.change_points
        if d:
            text = (Plural.tr("{item} %n point(s) lower", "", abs(d)) if d < 0 else  # type: ignore[arg-type]
                    Plural.tr("{item} %n point(s) higher", "", abs(d)))  # type: ignore[arg-type]
            parts.append(text.format(item=translate("Reading", ITEM_WORDS.get(c.item, c.item))))
    if not parts:
        answered = any(c.change_points is not None for c in summary.checkins)
        return translate("Reading", "your check-in answers were the same before and after") if answered else ""
    return translate("Reading", "{changes} after than before").format(changes=", ".join(parts))


def reading_words(summary: SessionSummary) -> str:
    """``summary.reading`` in the window's language (equal to it in English)."""
    if summary.kind == "short":
        return translate("Reading", READING_WORDS["short"]).format(
            length=short_length_text(summary.duration_s), min_minutes=rate_text(summary.min_minutes))
    key, values = reading_case(summary.n_beats, summary.artifact_share, summary.hr_swing, summary.kind)
    if "peers" in values:
        values["peers"] = translate("Summary", values["peers"])  # ui/summary_view.py PEER_WORDS
    first = translate("Reading", READING_WORDS[key]).format(**values)
    if key in COMPLETE_READINGS:
        return first
    words = _checkin_words(summary)
    return f"{first}; {words}." if words else f"{first}."
