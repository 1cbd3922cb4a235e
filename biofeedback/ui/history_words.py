"""History's table cells in the window's language: io/session_format.py writes them in English for
``biofeedback sessions``; the window writes the words again through the translator and the numbers with
the locale's decimal separator (in English the row equals io's, a test keeps it so)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from biofeedback import config
from biofeedback.app.session_library import SessionInfo
from biofeedback.io.session_format import (
    NOT_COUNTED,
    format_checkin,
    format_duration,
    history_row,
)
from biofeedback.ui.i18n import bpm, localized, translate

# io's NOT_COUNTED and "yes", as lupdate sees them (a test keeps them equal)
COUNTED_WORDS = {"short": QT_TRANSLATE_NOOP("History", "no: short"),
                 "simulated": QT_TRANSLATE_NOOP("History", "no: simulated"),
                 "replay": QT_TRANSLATE_NOOP("History", "no: replay"),
                 "unpaced": QT_TRANSLATE_NOOP("History", "no: no pacer"), "": QT_TRANSLATE_NOOP("History", "yes")}
STATUS_WORDS = {"running": QT_TRANSLATE_NOOP("History", "(running)"),
                "interrupted": QT_TRANSLATE_NOOP("History", "(interrupted)")}
ITEM_WORDS = {"stress": QT_TRANSLATE_NOOP("History", "stress"), "pain": QT_TRANSLATE_NOOP("History", "pain"),
              "mood": QT_TRANSLATE_NOOP("History", "mood")}


def _checkin(info: SessionInfo) -> str:
    return format_checkin(info, word=lambda what: translate("History", ITEM_WORDS[what]))


def history_cells(info: SessionInfo, min_minutes: float = config.PRACTICE_MIN_SESSION_MIN) -> dict[str, str]:
    """io's ``history_row`` in the window's language."""
    row = history_row(info, min_minutes)
    status = STATUS_WORDS.get(info.status)
    row["duration"] = format_duration(info.duration_s) + (" " + translate("History", status) if status else "")
    for key in ("pacer", "RMSSD", "coherence", "artifacts"):
        row[key] = localized(row[key])
    row["mean HR"] = row["mean HR"].replace(" bpm", f" {bpm()}")
    row["check-in before → after"] = _checkin(info)
    counted = next((k for k, v in NOT_COUNTED.items() if v == row["counted"]), "" if row["counted"] == "yes" else None)
    if counted is not None:
        row["counted"] = translate("History", COUNTED_WORDS[counted])
    return row
