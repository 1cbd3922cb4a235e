"""``biofeedback export``: a stored session as beats CSV, Kubios RR text, raw events or a report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from biofeedback.io.store import SessionStore


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="export a stored session (see `biofeedback sessions`), or the "
                              "multi-week progress report")
    p.add_argument("session", help="session id, or 'last'; 'progress': the weeks of practice as a PDF report")
    p.add_argument("--format", required=True, choices=("csv", "rr", "raw", "markers", "breathing", "pdf", "png"),
                   help="csv: time_s,rr_ms,corrected,detected_s; rr: Kubios RR text (ms per line); raw: raw event "
                   "log (`analyze` reads it); markers: time_s,label; breathing: time_s,rate_brpm,quality "
                   "(read from the pulse); pdf/png: session report")
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--weeks", type=int, default=None, metavar="N", help="progress: only the last N weeks")
    p.add_argument("--until", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="progress: the weeks up to this day (default: today)")
    p.set_defaults(func=run)


def _iso_date(text: str):
    from biofeedback.cli.progress import _iso_date as parse

    return parse(text)


def resolve_session(store: SessionStore, text: str) -> int:
    """A session id from ``text`` ('last' = the newest)."""
    from biofeedback.io.store import StoreError

    if text == "last":
        sessions = store.list_sessions()
        if not sessions:
            raise StoreError("the session store holds no sessions yet")
        return sessions[0].id
    try:
        number = int(text)
    except ValueError:
        raise StoreError(f"{text!r} is not a session id; see `biofeedback sessions`") from None
    if not 0 < number < 2**63:  # (SQLite's integers; a larger one raised OverflowError there)
        raise StoreError(f"there is no session {text}; see `biofeedback sessions`")
    return number


def ensure_qt_platform() -> None:
    """Render reports without a display: Qt's offscreen platform."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def check_writable_target(path: Path) -> None:
    """Raise OSError in words when ``path`` cannot be written (before any rendering starts)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise OSError(f"cannot write {path}: it is a folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OSError(f"cannot write {path}: no permission to write there")


def render_checked(store: SessionStore, session_id: int, path: Path) -> None:
    """A PDF/PNG report, whole, or an OSError saying why no file was written.

    ``render_report`` paints to a temporary file, checks it (the painter's result,
    the PDF trailer or PNG end chunk) and renames it onto ``path``.
    """
    ensure_qt_platform()
    from biofeedback.ui.report import painting_in_english, render_report

    check_writable_target(path)
    with painting_in_english():
        render_report(store, session_id, path)


def run(args: argparse.Namespace) -> int:
    """Export one session; 0 when the whole file is written, 1 when written without data damaged
    in the store (said, marked as gaps), 2 (and why, nothing left) otherwise."""
    from biofeedback.io.exports import export_session
    from biofeedback.io.store import SessionStore, StoreError

    out = Path(args.out)
    if args.session == "progress":
        return export_progress(args, out)
    if args.weeks is not None or args.until is not None:
        print("biofeedback export: --weeks and --until are for the progress report (export progress); "
              "a session is exported whole.", file=sys.stderr)
        return 2
    damage: list[str] = []
    joined: list[int] = []  # gaps an RR text (no gap marker) joins
    try:
        with SessionStore() as store:
            if store.notice:
                print(f"biofeedback export: {store.notice}", file=sys.stderr)
            session_id = resolve_session(store, args.session)
            if args.format in ("pdf", "png"):
                render_checked(store, session_id, out)
            else:
                check_writable_target(out)
                export_session(store, session_id, args.format, out, warn=damage.append, joined=joined.append)
    except (StoreError, OSError) as error:
        return _failed(error, out)
    if damage:  # written, but not whole: say so and do not exit 0
        print(f"biofeedback export: Session {session_id} written to {out}, except: {' '.join(damage)}",
              file=sys.stderr)
        return 1
    print(f"Session {session_id} written to {out}", file=sys.stderr)
    if joined:  # the file is whole: it is the format that cannot mark a gap
        n = joined[0]
        print(f"biofeedback export: {n} gap{'s' if n > 1 else ''} in the session {'are' if n > 1 else 'is'} joined "
              "in this format (an RR text has no gap marker), so an RMSSD read from it differs from the session's.",
              file=sys.stderr)
    return 0


def export_progress(args: argparse.Namespace, out: Path) -> int:
    """The multi-week progress report (PDF only): 0 when written, 2 and why otherwise."""
    from datetime import date

    if args.format != "pdf":
        print(f"biofeedback export: the progress report is a PDF (--format pdf), not {args.format}; "
              "`biofeedback progress --json` gives its figures.", file=sys.stderr)
        return 2
    if args.weeks is not None and args.weeks < 1:
        print(f"biofeedback export: --weeks {args.weeks}: give 1 or more.", file=sys.stderr)
        return 2
    from biofeedback.app.progress_data import load_progress
    from biofeedback.app.settings import load_settings
    from biofeedback.io.store import SessionStore, StoreError

    settings, notice = load_settings()
    if notice:
        print(f"biofeedback export: {notice}", file=sys.stderr)
    try:
        check_writable_target(out)
        with SessionStore(recover=False) as store:
            report = load_progress(store, settings, args.until or date.today(), args.weeks)
        ensure_qt_platform()
        from biofeedback.ui.progress_report import write_progress_pdf
        from biofeedback.ui.report import painting_in_english

        with painting_in_english():
            write_progress_pdf(report, out)
    except (StoreError, OSError) as error:
        return _failed(error, out)
    print(f"Progress over {len(report.weeks)} weeks written to {out}", file=sys.stderr)
    return 0


def _failed(error: Exception, out: Path) -> int:
    """Say why nothing was exported (the store's sentence, or the target's OS error in words); status 2."""
    from biofeedback.io.atomic_file import describe

    if isinstance(error, OSError):
        reason = f"cannot write {out}: {describe(error)}" if error.strerror else str(error)
        text = f"{reason}; nothing was written."
    else:
        text = str(error)
    print(f"biofeedback export: {text}", file=sys.stderr)
    return 2
