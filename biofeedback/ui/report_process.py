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
LANGUAGE_ENV = "BIOFEEDBACK_REPORT_LANGUAGE"  # the window's language, for the child to paint in (unset: English)


def render_in_process(store_path: Path, session_id: int | str, out: Path) -> None:
    """Run the child (``session_id`` "progress": the progress report); raise OSError with its one sentence
    when it failed."""
    from biofeedback.ui.i18n import current_language

    env = dict(os.environ)
    env[LANGUAGE_ENV] = current_language()
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
    ensure_gui_application()
    _install_language(os.environ.get(LANGUAGE_ENV, ""))
    if argv[1] == "progress":
        return _progress(store_path, out)
    session_id = int(argv[1])
    try:
        data = SessionLibrary.open_report_data(store_path, session_id)
        write_report(data, out)
    except Exception as error:  # one sentence for the parent, which shows it
        print(f"{error}", file=sys.stderr)
        return 2
    return 0


def _install_language(language: str) -> None:
    """The window's language in the child (numbers and dates too); none asked: the English source text."""
    if not language:
        return
    from PySide6.QtCore import QCoreApplication

    from biofeedback.ui.i18n import install_language

    app = QCoreApplication.instance()
    if app is not None:
        install_language(app, language)


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
