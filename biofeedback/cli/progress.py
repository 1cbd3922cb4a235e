"""``biofeedback progress``: practice per week against the plan, the check-ins' baseline, the HRV figures.

The same weekly figures as the app's weekly review (core/practice/progress.py), from
the session store and the plan in the settings file. Sessions that do not
count (short, simulated, replays, record runs without a pacer) are named and
left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from biofeedback.cli.arguments import whole_number_from_one

CHECKIN_ITEMS = ("pain", "stress", "mood")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "progress", help="practice per week against your plan, check-ins and HRV trends",
        description="Weekly figures from the session store: minutes practised against the plan (settings file: "
        "plan_kind, plan_start ...), pain, stress and mood before sessions and their change within them, "
        "heart-rate swing, coherence and RMSSD. Not a medical device.")
    p.add_argument("--weeks", type=whole_number_from_one("weeks"), default=None, metavar="N", help="only the last N weeks")
    p.add_argument("--json", action="store_true", help="one JSON object with every figure and its definition")
    p.add_argument("--until", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the weeks up to this day (default: today)")
    p.set_defaults(func=run)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-12-07") from None


def run(args: argparse.Namespace) -> int:
    from biofeedback.app.progress_data import load_progress
    from biofeedback.app.settings import load_settings
    from biofeedback.io.store import SessionStore, StoreError

    settings, notice = load_settings()
    if notice:
        print(f"biofeedback progress: {notice}", file=sys.stderr)
    try:
        with SessionStore(recover=False) as store:  # reads only: a crashed session shows as interrupted
            if store.notice:
                print(f"biofeedback progress: {store.notice}", file=sys.stderr)
            report = load_progress(store, settings, args.until or date.today(), args.weeks)
    except (StoreError, OSError) as error:
        print(f"biofeedback progress: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(as_json(report), indent=1))
        return 0
    if not report.weeks:
        print(f"No sessions yet in {report.store_path}. Plan: {report.plan.describe()}.")
        return 0
    print(as_text(report))
    return 0


def _round(x: float | None, digits: int = 1) -> float | None:
    return None if x is None else round(float(x), digits)


def as_json(report: Any) -> dict:
    """Every figure of ``app.progress_data.ProgressReport`` as plain JSON types, with the definitions."""
    from biofeedback import NOT_A_MEDICAL_DEVICE
    from biofeedback.core.practice.progress import DEFINITIONS
    from biofeedback.core.practice.session_kind import PRACTICE

    plan, until, weeks, overall = report.plan, report.until, report.weeks, report.overall
    min_minutes, sessions, assessments = report.min_minutes, report.sessions, report.assessments
    dose = report.dose
    return {
        "until": until.isoformat(),
        "day": {"minutes": _round(dose.done_minutes), "target_minutes": _round(dose.target_minutes),
                "sessions": dose.sessions_done, "target_sessions": dose.sessions_target,
                "next_step": report.next_step},
        "plan": {"kind": plan.kind, "description": plan.describe(), "sessions_per_day": plan.sessions_per_day,
                 "minutes_per_session": plan.minutes_per_session, "days_per_week": plan.days_per_week,
                 "weeks": plan.weeks, "start": plan.start.isoformat() if plan.start else None,
                 "weekly_target_minutes": plan.weekly_minutes if plan.active else None},
        "min_session_minutes": min_minutes,
        "weeks": [{
            "monday": w.monday.isoformat(), "iso_week": f"{w.iso_week[0]}-W{w.iso_week[1]:02d}",
            "plan_week": w.plan_week, "minutes": _round(w.minutes), "assessment_minutes": _round(w.assessment_minutes),
            "target_minutes": _round(w.target_minutes), "adherence": _round(w.adherence, 3),
            "sessions": w.sessions, "days_practised": w.days_practised, "left_out": w.left_out,
            "before": {i: _round(w.before[i], 2) for i in CHECKIN_ITEMS},
            "n_before": {i: w.n_before[i] for i in CHECKIN_ITEMS},
            "change": {i: _round(w.change[i], 2) for i in CHECKIN_ITEMS},
            "n_change": {i: w.n_change[i] for i in CHECKIN_ITEMS},
            "hr_swing_bpm": _round(w.hr_swing_bpm, 2), "coherence_ratio": _round(w.coherence_ratio, 3),
            "rmssd_ms": _round(w.rmssd_ms, 1),
        } for w in weeks],
        "trends_per_week": {
            **{f"{i}_before": _round(overall.checkins[i].before.slope_per_week, 3) for i in CHECKIN_ITEMS},
            **{f"{i}_change": _round(overall.checkins[i].change.slope_per_week, 3) for i in CHECKIN_ITEMS},
            **{name: _round(tr.slope_per_week, 3) for name, tr in overall.metrics.items()},
        },
        "sessions_counted": overall.n_sessions,
        "left_out": [{"id": s.id, "started": s.started.isoformat(timespec="seconds"), "kind": s.kind,
                      "minutes": _round(s.minutes, 2)} for s in sessions if s.kind != PRACTICE],
        "assessments": [{"started": a.started.isoformat(timespec="seconds"), "minutes": _round(a.minutes),
                         "recommended_bpm": a.recommended_bpm} for a in assessments],
        "definitions": DEFINITIONS,
        "not_a_medical_device": NOT_A_MEDICAL_DEVICE,
    }


def _num(x: float | None, fmt: str) -> str:
    return "–" if x is None else format(x, fmt)


def as_text(report: Any) -> str:
    """The weekly table, the trends, what was left out and the assessments, as a terminal shows them."""
    from biofeedback import NOT_A_MEDICAL_DEVICE
    from biofeedback.core.practice.session_kind import PRACTICE, REASONS

    plan, until, weeks, overall = report.plan, report.until, report.weeks, report.overall
    min_minutes, sessions, assessments = report.min_minutes, report.sessions, report.assessments
    lines = [f"Plan: {plan.describe()}."]
    dose = report.dose
    if plan.active:
        lines.append(f"{until:%a %d %b}: {dose.done_minutes:.0f} of {dose.target_minutes:.0f} min, "
                     f"{dose.sessions_done} of {dose.sessions_target} session{'s' if dose.sessions_target != 1 else ''}"
                     f". Next: {report.next_step}")
    lines.append("")
    head = ("week", "plan", "minutes", "target", "done", "days", "pain", "stress", "mood",
            "Δpain", "Δstress", "Δmood", "swing", "coh.", "RMSSD", "left out")
    rows = []
    for w in weeks:
        current = w.monday <= until < w.monday.fromordinal(w.monday.toordinal() + 7)
        rows.append((
            f"{w.iso_week[0]}-W{w.iso_week[1]:02d} {w.monday:%d %b}" + (" *" if current else ""),
            "" if w.plan_week is None else str(w.plan_week),
            f"{w.minutes:.0f}", _num(w.target_minutes, ".0f"),
            "" if w.adherence is None else f"{100 * w.adherence:.0f} %",
            str(w.days_practised),
            *(_num(w.before[i], ".1f") for i in CHECKIN_ITEMS),
            *(_num(w.change[i], "+.1f") for i in CHECKIN_ITEMS),
            _num(w.hr_swing_bpm, ".1f"), _num(w.coherence_ratio, ".2f"), _num(w.rmssd_ms, ".0f"),
            str(sum(w.left_out.values()) or ""),
        ))
    widths = [max(len(h), *(len(r[k]) for r in rows)) for k, h in enumerate(head)]
    lines.append("  ".join(h.rjust(widths[k]) if k else h.ljust(widths[k]) for k, h in enumerate(head)).rstrip())
    for r in rows:
        lines.append("  ".join(c.rjust(widths[k]) if k else c.ljust(widths[k]) for k, c in enumerate(r)).rstrip())
    lines += [
        "",
        "* this week, so far.  pain, stress, mood: mean check-in before sessions (0-10);  Δ: mean change within "
        "sessions (after - before);",
        "swing: heart-rate swing per breath (bpm), coh.: coherence ratio, RMSSD (ms): medians over the week's "
        "sessions.  `--json` defines each number.",
    ]
    trends = []
    for i in CHECKIN_ITEMS:
        slope = overall.checkins[i].before.slope_per_week
        if slope is not None:
            trends.append(f"{i} before sessions {slope:+.2f} points/week")
    for name, label, unit, fmt in (("hr_swing_bpm", "swing", "bpm", "+.2f"), ("coherence_ratio", "coherence", "",
                                                                             "+.3f"),
                                   ("rmssd_ms", "RMSSD", "ms", "+.1f")):
        slope = overall.metrics[name].slope_per_week
        if slope is not None:
            trends.append(f"{label} {format(slope, fmt)} {unit}/week".replace(" /", "/"))
    lines.append("")
    lines.append("Trends (Theil-Sen over sessions): " + ("; ".join(trends) if trends else "too few sessions yet")
                 + ".")
    left_out = [s for s in sessions if s.kind != PRACTICE]
    if left_out:
        counts: dict[str, int] = {}
        for s in left_out:
            counts[s.kind] = counts.get(s.kind, 0) + 1
        words = "; ".join(f"{n} {REASONS[k]}" for k, n in counts.items())
        lines.append(f"Left out (kept in the store, not counted): {words}. Minimum length: {min_minutes:g} min "
                     "(settings: progress_min_session_minutes).")
    if assessments:
        found = ", ".join(f"{a.started:%Y-%m-%d}: "
                          + (f"{a.recommended_bpm:g}/min" if a.recommended_bpm is not None else "no clear rate")
                          for a in assessments)
        lines.append(f"Resonance assessments: {found}.")
    lines += ["", NOT_A_MEDICAL_DEVICE]
    return "\n".join(lines)
