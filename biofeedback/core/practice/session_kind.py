"""Which stored sessions count as practice: the others are kept but left out of comparisons and trends.

Derived from what every stored session already has (its length, its pacer
rate, the source's description), so old stores are read the same way:

- "short": under the minimum length (``Settings.progress_min_session_minutes``,
  default ``config.PRACTICE_MIN_SESSION_MIN``): too little to compare (a 7 s
  session's RMSSD says nothing next to a 20-minute one's);
- "simulated": recorded from the simulated sensor (the source's description names it);
- "replay": a recording or stored session played back ("Replay of ...");
- "unpaced": no breathing pacer ran (``biofeedback record`` runs): not practice.

The first that applies is the session's kind; "practice" otherwise. Simulated,
replayed and unpaced sessions are set only against their own kind, so a demo on
the simulated sensor still compares with earlier demos; short ones with nothing.
"""

from __future__ import annotations

from typing import Any

from biofeedback import config

PRACTICE = "practice"
KINDS = (PRACTICE, "short", "simulated", "replay", "unpaced")
# why a session is left out, in words (after "left out: ")
REASONS = {
    "short": "shorter than the minimum length",
    "simulated": "on the simulated sensor",
    "replay": "a replay of a recording",
    "unpaced": "no breathing pacer (a record run)",
}
# the earlier sessions a session of each kind is set against, in words
PEERS = {PRACTICE: "sessions", "simulated": "simulated sessions", "replay": "replays",
         "unpaced": "sessions without a pacer"}
_UNKNOWN: Any = object()


def session_kind(duration_s: float | None, pacer_bpm: Any = _UNKNOWN, source: str = "",
                 min_minutes: float = config.PRACTICE_MIN_SESSION_MIN) -> str:
    """"practice" or why the session is not: "short", "simulated", "replay", "unpaced".

    ``pacer_bpm`` None means no pacer ran; not given means not known (counted as paced).
    """
    if duration_s is None or duration_s < 60.0 * min_minutes:
        return "short"
    text = (source or "").strip().lower()
    if "simulat" in text:
        return "simulated"
    if text.startswith("replay"):
        return "replay"
    if pacer_bpm is None:
        return "unpaced"
    return PRACTICE


def stored_duration_s(info: Any) -> float | None:
    """A stored session's length: the longer of its wall-clock span and the span of its beats (a sped-up
    source covers more than the wall clock; a sensor off the finger less); None when neither is known."""
    known = [d for d in (getattr(info, "duration_s", None), (getattr(info, "summary", None) or {}).get("duration_s"))
             if d is not None]
    return max(known) if known else None


def stored_kind(info: Any, min_minutes: float = config.PRACTICE_MIN_SESSION_MIN) -> str:
    """``session_kind`` of a store record (``SessionInfo``-shaped; missing fields count as unknown)."""
    return session_kind(stored_duration_s(info), getattr(info, "pacer_bpm", _UNKNOWN),
                        getattr(info, "source", "") or "", min_minutes)
