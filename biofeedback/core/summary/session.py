"""What a user is shown after a session: a few numbers, set against their own earlier sessions.

Definitions:
- RMSSD: Task Force (1996), over the whole session (``hrv.time_domain``).
- Coherence: McCraty & Childre (2010) ratio of 64 s windows stepped every 5 s
  (``hrv.coherence_series``); mean and peak over the windows; time in high
  coherence = windows at or above the upper ``config.COHERENCE_LEVELS``
  threshold times the step (each window stands for one step of time).
- HR swing: the mean over breaths of the per-breath peak-to-trough heart rate
  (Lehrer et al. 2000), one breath measured by ``resonance.breath_swing_bpm``.
- Against one's own sessions: the median of the earlier values and the
  percentile rank of today's value among them (the "mean" kind: share below
  plus half the share equal, as ``scipy.stats.percentileofscore(kind="mean")``).
  Only said with at least ``config.SUMMARY_MIN_PREVIOUS`` earlier sessions.
- Which sessions count (``core.practice.session_kind``): a session shorter than the
  minimum length is compared with nothing, and its reading says so; simulated,
  replayed and unpaced sessions are compared only with earlier ones of their
  own kind; practice sessions only with practice sessions.

The one-line reading describes; it never judges health ("more than usual for
you", not "better").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from biofeedback import config
from biofeedback.core.practice.session_kind import PEERS, PRACTICE, session_kind, stored_kind
from biofeedback.core.types import Beat

# hrv and resonance (SciPy, ~0.5 s) are imported in the functions that compute: the window
# imports this module for its types and must not wait for SciPy before it shows.

CHECKIN_ITEMS = ("stress", "pain", "mood")


class StoredSession(Protocol):
    """What the summary reads of a stored session (``io.store.SessionInfo``)."""

    @property
    def id(self) -> int: ...
    @property
    def started_at(self) -> str: ...  # ISO text
    @property
    def duration_s(self) -> float | None: ...
    @property
    def pacer_bpm(self) -> float | None: ...
    @property
    def summary(self) -> dict[str, Any]: ...
    @property
    def checkins(self) -> Mapping[str, object]: ...  # "before"/"after" -> check-in


class StoredPacerChange(Protocol):
    """A stored pacer change (``io.store.PacerChange``): the rate from ``t_device_s`` on."""

    @property
    def t_device_s(self) -> float: ...
    @property
    def rate_brpm(self) -> float: ...


@dataclass(frozen=True)
class Comparison:
    """Today's value against the same number from the user's earlier sessions."""

    value: float | None
    previous_median: float | None  # None with fewer than SUMMARY_MIN_PREVIOUS earlier values
    percentile: float | None  # 0-100 rank of today's value among the earlier ones
    n_previous: int
    n_below: int | None = None  # earlier sessions with a lower value

    @property
    def comparable(self) -> bool:
        return self.value is not None and self.percentile is not None


@dataclass(frozen=True)
class CheckinChange:
    """One check-in item (0-10) before and after; ``change_points`` is after minus before."""

    item: str
    before: int | None
    after: int | None

    @property
    def change_points(self) -> int | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class SessionSummary:
    duration_s: float
    n_beats: int
    artifact_share: float | None
    mean_coherence: float | None
    peak_coherence: float | None
    high_coherence_s: float | None  # None when the session was shorter than one coherence window
    rmssd: Comparison  # ms
    hr_swing: Comparison  # bpm
    checkins: tuple[CheckinChange, ...]
    reading: str
    kind: str = PRACTICE  # core.practice.session_kind: "short" ones are compared with nothing, others with their own kind
    min_minutes: float = config.PRACTICE_MIN_SESSION_MIN  # the minimum length in force


def compare(value: float | None, previous: Sequence[float | None]) -> Comparison:
    """Median of the earlier finite values and the percentile rank of ``value`` among them."""
    prev = np.array([p for p in previous if p is not None], dtype=float)
    prev = prev[np.isfinite(prev)]
    if value is None or not np.isfinite(value) or prev.size < config.SUMMARY_MIN_PREVIOUS:
        return Comparison(value=value, previous_median=None, percentile=None, n_previous=int(prev.size))
    below = np.count_nonzero(prev < value)
    equal = np.count_nonzero(prev == value)
    percentile = 100.0 * (below + 0.5 * equal) / prev.size
    return Comparison(value=value, previous_median=float(np.median(prev)), percentile=float(percentile),
                      n_previous=int(prev.size), n_below=int(below))


def session_hr_swing_bpm(
    beat_t_s: np.ndarray,
    rr_ms: np.ndarray,
    corrected: np.ndarray | None = None,
    breath_starts_s: Sequence[float] | np.ndarray | None = None,
    pacer_bpm: float | None = None,
) -> float | None:
    """Mean per-breath HR swing (bpm) over the complete breaths of the session.

    Breaths are the spans between consecutive ``breath_starts_s`` (the pacer's
    cycle starts, on the beats' clock); without them, consecutive spans of one
    pacer period from the first beat. None without any breath of >= 3 clean beats.
    """
    t = np.asarray(beat_t_s, float)
    if t.size < 3:
        return None
    if breath_starts_s is not None:
        edges = np.asarray(breath_starts_s, float)
    elif pacer_bpm:
        period = 60.0 / pacer_bpm
        edges = t[0] + period * np.arange(int((t[-1] - t[0]) // period) + 1)
    else:
        return None
    from biofeedback.core.resonance.scoring import breath_swing_bpm

    rr = np.asarray(rr_ms, float)
    corr = None if corrected is None else np.asarray(corrected, bool)
    # each breath is handed only the beats whose interval midpoint can fall in it (the midpoints of a
    # beat chain rise), so a long session costs its length, not its length squared; same result
    mid = t - rr / 2000.0
    starts, ends = edges[:-1], edges[1:]
    if np.all(np.diff(mid) >= 0):
        lo, hi = np.searchsorted(mid, starts, "left"), np.searchsorted(mid, ends, "left")
    else:
        lo, hi = np.zeros(starts.size, int), np.full(starts.size, t.size)
    swings = [breath_swing_bpm(t[i:j], rr[i:j], a, b, None if corr is None else corr[i:j])
              for a, b, i, j in zip(starts, ends, lo, np.maximum(hi, lo), strict=True)]
    found = [s for s in swings if s is not None]
    return float(np.mean(found)) if found else None


def stored_session_swing_bpm(beats: Sequence[Beat], pacer_changes: Sequence[StoredPacerChange],
                             pacer_bpm: float | None) -> float | None:
    """The HR swing of a stored session (``session_hr_swing_bpm``): breaths from the pacer changes that
    ran (``breath_starts_from_pacer``), else periods of ``pacer_bpm`` from the first beat.

    What the store writes in a session's summary, and what progress re-derives for a session stored
    without one; None without a pacer or a breath of >= 3 clean beats.
    """
    if len(beats) < 3:
        return None
    starts = breath_starts_from_pacer(pacer_changes, beats[-1].t_s) if pacer_changes else None
    return session_hr_swing_bpm(np.array([b.t_s for b in beats]), np.array([b.rr_ms for b in beats]),
                                np.array([b.corrected for b in beats], bool), starts, pacer_bpm)


def breath_starts_from_pacer(changes: Sequence[StoredPacerChange], end_s: float) -> np.ndarray:
    """Breath boundaries from the stored pacer changes (``t_device_s``, ``rate_brpm``), up to ``end_s``.

    Each change starts a run of whole breaths of 60/rate seconds from its own
    time (the pacer's phase is not stored, so a breath is one period from
    there); NaN separates the runs, so the part-breath before the next change
    is no breath (a pair with NaN holds no beat).
    """
    changes = sorted(changes, key=lambda c: c.t_device_s)
    edges: list[float] = []
    for i, c in enumerate(changes):
        stop = changes[i + 1].t_device_s if i + 1 < len(changes) else end_s
        period = 60.0 / c.rate_brpm
        edges.extend(c.t_device_s + period * np.arange(max(int((stop - c.t_device_s) // period), 0) + 1))
        edges.append(np.nan)
    return np.asarray(edges, float)


def coherence_figures(beat_t_s: np.ndarray, rr_ms: np.ndarray) -> tuple[float | None, float | None, float | None]:
    """(mean ratio, peak ratio, seconds in high coherence); all None below one 64 s window."""
    from biofeedback.core.hrv import time_domain as hrv

    _, ratios = hrv.coherence_series(np.asarray(beat_t_s, float), np.asarray(rr_ms, float))
    ratios = np.asarray(ratios, float)
    ratios = ratios[np.isfinite(ratios)]
    if not ratios.size:
        return None, None, None
    high = np.count_nonzero(ratios >= config.COHERENCE_LEVELS[1]) * config.COHERENCE_STEP_S
    return float(ratios.mean()), float(ratios.max()), float(high)


def _item(checkin: object, item: str) -> int | None:
    if checkin is None:
        return None
    if isinstance(checkin, Mapping):
        return checkin.get(item)
    return getattr(checkin, item, None)


def summarize_session(
    beat_t_s: Sequence[float] | np.ndarray,
    rr_ms: Sequence[float] | np.ndarray,
    corrected: Sequence[bool] | np.ndarray | None = None,
    duration_s: float | None = None,
    breath_starts_s: Sequence[float] | np.ndarray | None = None,
    pacer_bpm: float | None = None,
    previous_rmssd_ms: Sequence[float | None] = (),
    previous_swing_bpm: Sequence[float | None] = (),
    before: object = None,
    after: object = None,
    kind: str = PRACTICE,
    min_minutes: float = config.PRACTICE_MIN_SESSION_MIN,
) -> SessionSummary:
    """The after-session summary of one session's beats and check-ins.

    ``before``/``after`` are check-ins: anything with ``stress``, ``pain`` and
    ``mood`` (0-10 or None) as attributes or keys. ``duration_s`` is the
    session clock (default: the time the beats cover). ``kind`` is the
    session's ``core.practice.session_kind``; a "short" one is set against nothing
    (the ``previous_*`` values are not used) and its reading says why.
    """
    t = np.asarray(beat_t_s, float).ravel()
    rr = np.asarray(rr_ms, float).ravel()
    if t.shape != rr.shape:
        raise ValueError(f"beat times and intervals differ in length ({t.size} vs {rr.size})")
    corr = np.zeros(t.size, bool) if corrected is None else np.asarray(corrected, bool).ravel()
    n = int(t.size)
    if duration_s is None:
        duration_s = float(rr.sum() / 1000.0) if n else 0.0
    artifact_share = float(corr.mean()) if n else None
    from biofeedback.core.hrv import time_domain as hrv

    rmssd = hrv.time_domain(rr).rmssd_ms if n >= 2 else None
    swing = session_hr_swing_bpm(t, rr, corr, breath_starts_s, pacer_bpm)
    mean_coh, peak_coh, high_s = coherence_figures(t, rr) if n >= 4 else (None, None, None)
    checkins = tuple(CheckinChange(k, _item(before, k), _item(after, k)) for k in CHECKIN_ITEMS)
    if kind == "short":
        previous_rmssd_ms, previous_swing_bpm = (), ()
    rmssd_cmp = compare(rmssd, previous_rmssd_ms)
    swing_cmp = compare(swing, previous_swing_bpm)
    if kind == "short":
        reading = short_reading(float(duration_s), min_minutes)
    else:
        reading = plain_reading(n, artifact_share, swing_cmp, checkins, kind)
    return SessionSummary(
        duration_s=float(duration_s), n_beats=n, artifact_share=artifact_share, mean_coherence=mean_coh,
        peak_coherence=peak_coh, high_coherence_s=high_s, rmssd=rmssd_cmp, hr_swing=swing_cmp,
        checkins=checkins, reading=reading, kind=kind, min_minutes=min_minutes,
    )


# the reading's sentences by case: English with {named} numbers (the window translates the same
# templates, ui/summary_words.py); the check-in part is joined to the first part by "; "
READINGS = {
    "short": "A short session ({length}, under the {min_minutes}-minute minimum in the settings): it is kept "
             "in your history, but not compared with your other sessions nor counted in your weekly progress.",
    "few_beats": "A short session: too few beats to say more than the time practised.",
    "artifacts": "{pct} % of beats needed correction, so today's numbers are rough; "
                 "a still hand and a warm finger help.",
    "more": "Your heart rate rose and fell with your breath more than in most of your earlier {peers}",
    "less": "Your heart rate rose and fell with your breath less than in most of your earlier {peers}",
    "usual": "Your heart rate rose and fell with your breath about as much as usual for you",
    "as_peers": "Your heart rate rose and fell with your breath about as much as in your earlier {peers}",
    "value": "Your heart rate rose and fell by about {bpm} bpm with each breath",
    "no_breaths": "Too few clean breaths to measure how your heart rate followed your breath",
}
COMPLETE_READINGS = ("short", "few_beats", "artifacts")  # whole sentences: no check-in part follows


def short_length_text(duration_s: float) -> str:
    seconds = max(int(round(duration_s)), 0)
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60} min {seconds % 60:02d} s"


def short_reading(duration_s: float, min_minutes: float) -> str:
    """What a session under the minimum length is told instead of a comparison."""
    return READINGS["short"].format(length=short_length_text(duration_s), min_minutes=f"{min_minutes:g}")


def _stored_swing(info: StoredSession, beats_of: Callable[[int], Sequence[Beat]]) -> float | None:
    """As the summary stored it (None too: measured, none found); a session stored before summaries
    kept the swing has its beats read and the swing re-derived (as ``core.practice.progress.from_stored``)."""
    summary = getattr(info, "summary", None) or {}
    if "hr_swing_bpm" in summary:
        return summary["hr_swing_bpm"]
    return stored_session_swing_bpm(beats_of(info.id), (), info.pacer_bpm)


def summarize_stored(info: StoredSession, beats: Sequence[Beat], sessions: Iterable[StoredSession],
                     beats_of: Callable[[int], Sequence[Beat]] | None = None,
                     breath_starts_s: Sequence[float] | np.ndarray | None = None,
                     pacer_changes: Sequence[StoredPacerChange] | None = None,
                     min_minutes: float = config.PRACTICE_MIN_SESSION_MIN) -> SessionSummary:
    """The summary of a stored session, set against the earlier sessions of its own kind.

    Duck-typed on the store's records: ``info`` and ``sessions`` have ``id``,
    ``started_at`` (ISO text), ``duration_s``, ``pacer_bpm``, ``summary``
    (dict) and ``checkins``; beats have ``t_s``, ``rr_ms``, ``corrected``.
    Earlier sessions give their stored RMSSD, and their HR swing (stored, or
    re-derived from the beats ``beats_of(id)`` returns, for the latest
    config.SUMMARY_PREVIOUS_SWING_SESSIONS). With ``pacer_changes`` (the stored
    rate over time) today's breaths follow the pacer that actually ran. Its kind
    (``core.practice.session_kind``, sessions under ``min_minutes`` are "short") decides
    which earlier sessions it is set against: only those of the same kind, none
    for a short one.
    """
    def order(s: StoredSession) -> tuple[str, int]:  # sessions started in the same second: in the order they were stored
        return (s.started_at, s.id)

    # the stored start and end are wall-clock; a sped-up source (a fast replay) covers more time than that
    span_s = beats[-1].t_s - beats[0].t_s + beats[0].rr_ms / 1000.0 if beats else 0.0
    duration_s = max(info.duration_s or 0.0, span_s)
    kind = session_kind(duration_s, info.pacer_bpm, getattr(info, "source", "") or "", min_minutes)
    earlier = [] if kind == "short" else sorted(
        (s for s in sessions if order(s) < order(info) and stored_kind(s, min_minutes) == kind), key=order)
    swings = [s.summary.get("hr_swing_bpm") for s in earlier]
    if beats_of is not None:
        recent = earlier[-config.SUMMARY_PREVIOUS_SWING_SESSIONS:]
        swings = [_stored_swing(s, beats_of) for s in recent]
    checkins = getattr(info, "checkins", None) or {}
    if breath_starts_s is None and pacer_changes and beats:
        breath_starts_s = breath_starts_from_pacer(pacer_changes, beats[-1].t_s)
    return summarize_session(
        [b.t_s for b in beats], [b.rr_ms for b in beats], [b.corrected for b in beats],
        duration_s=duration_s, breath_starts_s=breath_starts_s, pacer_bpm=info.pacer_bpm,
        previous_rmssd_ms=[s.summary.get("rmssd_ms") for s in earlier], previous_swing_bpm=swings,
        before=checkins.get("before"), after=checkins.get("after"), kind=kind, min_minutes=min_minutes)


def _checkin_words(checkins: Sequence[CheckinChange]) -> str:
    parts = []
    for c in checkins:
        d = c.change_points
        if d:
            parts.append(f"{c.item} {abs(d)} point{'s' if abs(d) != 1 else ''} {'lower' if d < 0 else 'higher'}")
    if not parts:
        answered = any(c.change_points is not None for c in checkins)
        return "your check-in answers were the same before and after" if answered else ""
    return ", ".join(parts) + " after than before"


def reading_case(n_beats: int, artifact_share: float | None, swing: Comparison,
                 kind: str = PRACTICE) -> tuple[str, dict[str, str]]:
    """The reading's first part as a READINGS key and its numbers, written as the English sentence writes them."""
    if n_beats < config.SUMMARY_MIN_BEATS:
        return "few_beats", {}
    if artifact_share is not None and artifact_share > config.ARTIFACT_SHARE_WARN:
        return "artifacts", {"pct": f"{100 * artifact_share:.0f}"}
    peers = {"peers": PEERS.get(kind, "sessions")}
    if swing.comparable and swing.percentile is not None:
        hi = config.SUMMARY_NOTABLE_PERCENTILE
        if swing.percentile >= hi:
            return "more", peers
        if swing.percentile <= 100.0 - hi:
            return "less", peers
        return ("usual", {}) if kind == PRACTICE else ("as_peers", peers)
    if swing.value is not None:
        return "value", {"bpm": f"{swing.value:.0f}"}
    return "no_breaths", {}


def plain_reading(
    n_beats: int, artifact_share: float | None, swing: Comparison, checkins: Sequence[CheckinChange],
    kind: str = PRACTICE,
) -> str:
    """One descriptive sentence: the swing against one's usual (one's earlier sessions of the same
    ``kind``: "your earlier simulated sessions"), then the check-in change."""
    key, values = reading_case(n_beats, artifact_share, swing, kind)
    first = READINGS[key].format(**values)
    if key in COMPLETE_READINGS:
        return first
    words = _checkin_words(checkins)
    return f"{first}; {words}." if words else f"{first}."
