"""Paint a session report in a child process, so the app's GUI thread never waits on the painting.

``python -m biofeedback.ui.report_process STORE SESSION_ID OUT`` writes the
report (.pdf or .png) and exits 0, or prints one sentence and exits 2; with
``progress`` for SESSION_ID, the multi-week progress report (PDF) up to today,
against the plan in the settings file. ``render_in_process`` runs it from a
worker thread of the app.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPORT_TIMEOUT_S = 120.0
REPORT_NICENESS = 10  # lower CPU priority of the report process (POSIX nice increment)


def render_in_process(store_path: Path, session_id: int | str, out: Path) -> None:
    """Run the child (``session_id`` "progress": the progress report); raise OSError with its one sentence
    when it failed."""
    env = dict(os.environ)
    if sys.platform.startswith("linux"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")  # the child never shows a window
    done = subprocess.run([sys.executable, "-m", "biofeedback.ui.report_process", str(store_path),
                           str(session_id), str(out)], capture_output=True, text=True, env=env,
                          timeout=REPORT_TIMEOUT_S, check=False)
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.strip().splitlines() if not ln.startswith("Qt")]
        raise OSError(lines[-1] if lines else f"the report process ended with code {done.returncode}")


def main(argv: list[str]) -> int:
    from biofeedback.app.session_library import SessionLibrary
    from biofeedback.ui.report import ensure_gui_application, write_report

    store_path, out = Path(argv[0]), Path(argv[2])
    if hasattr(os, "nice"):
        os.nice(REPORT_NICENESS)  # a background job: the window the user looks at goes first
    if argv[1] == "progress":
        return _progress(store_path, out)
    session_id = int(argv[1])
    try:
        data = SessionLibrary.open_report_data(store_path, session_id)
        ensure_gui_application()
        write_report(data, out)
    except Exception as error:  # one sentence for the parent, which shows it
        print(f"{error}", file=sys.stderr)
        return 2
    return 0


def _progress(store_path: Path, out: Path) -> int:
    from datetime import date

    from biofeedback.app.progress_data import load_progress_file
    from biofeedback.app.settings import load_settings
    from biofeedback.ui.progress_report import write_progress_pdf

    try:
        write_progress_pdf(load_progress_file(store_path, load_settings()[0], date.today()), out)
    except Exception as error:  # one sentence for the parent, which shows it
        print(f"{error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
