"""``biofeedback sessions``: the stored sessions, newest first."""

from __future__ import annotations

import argparse
import json
import sys

from biofeedback.cli.arguments import whole_number_from_one


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sessions", help="list the sessions in the session store")
    p.add_argument("--json", action="store_true", help="one JSON object per session, per line")
    p.add_argument("--limit", type=whole_number_from_one(), default=None, metavar="N", help="only the newest N")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from biofeedback.app.settings import load_settings
    from biofeedback.core.practice.session_kind import stored_kind
    from biofeedback.io.session_format import HISTORY_COLUMNS, history_row
    from biofeedback.io.store import SessionStore, StoreError

    settings, notice = load_settings()
    if notice:
        print(f"biofeedback sessions: {notice}", file=sys.stderr)
    min_minutes = settings.progress_min_session_minutes  # shorter sessions are listed as not counted

    try:
        # Listing re-derives nothing (that needs SciPy, ~1 s to import): a crashed session shows
        # as interrupted with its writer's last summary; the next record or window closes it.
        with SessionStore(recover=False) as store:
            if store.notice:
                print(f"biofeedback sessions: {store.notice}", file=sys.stderr)
            sessions = store.list_sessions()[: args.limit]
    except (StoreError, OSError) as error:
        print(f"biofeedback sessions: {error}", file=sys.stderr)
        return 2
    if args.json:
        for info in sessions:
            print(json.dumps({
                "id": info.id, "started_at": info.started_at, "ended_at": info.ended_at,
                "status": info.status, "source": info.source, "protocol": info.protocol,
                "name": info.name, "notes": info.notes, "pacer_bpm": info.pacer_bpm,
                "summary": info.summary, "artifact_share": info.artifact_share,
                "checkins": {k: vars(v) for k, v in info.checkins.items()},
                "damaged": list(info.damaged),
                # "practice", or why it is left out of comparisons and progress (core/practice/session_kind.py)
                "kind": stored_kind(info, min_minutes),
            }))
        return 0
    if not sessions:
        print(f"No sessions yet in {store.path}.")
        return 0
    rows = [history_row(info, min_minutes) for info in sessions]
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in HISTORY_COLUMNS}
    print("  ".join(c.ljust(widths[c]) for c in HISTORY_COLUMNS).rstrip())
    for r in rows:
        print("  ".join(r[c].ljust(widths[c]) for c in HISTORY_COLUMNS).rstrip())
    for info in sessions:
        if info.damaged:
            print(f"biofeedback sessions: session {info.id}: its {' and '.join(info.damaged)} "
                  f"could not be read (the store file {store.path} is damaged there); "
                  "its beats and raw data may still export.", file=sys.stderr)
    return 0
