"""Real-window screenshots of a lesson and the reminder settings under X with a window manager.

Run inside a virtual X server of the size wanted, for example:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/lesson_screenshots.py

(Debian packages: xvfb, openbox, imagemagick.) The main window opens maximised
with the app first used two days ago, so lesson 3 is today's; Learn > Today's
lesson opens it over the window, then Learn > Practice reminders… (an empty
store: no streak yet). Writes docs/screenshots/xvfb-{lesson,reminders}-WxH.png.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from desktop_session import grab, on_a_desktop, wait

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def run(out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.settings import Settings
    from biofeedback.io.store import STORE_FILENAME, SessionStore
    from biofeedback.ui.main_window import MainWindow
    from biofeedback.ui.store_integration import install_session_store

    app = QApplication(sys.argv[:1])
    from biofeedback.ui.i18n import install_language

    install_language(app, "en")  # as the app does: English too has a catalog (its plural forms)

    first = date.today() - timedelta(days=2)
    settings = Settings(first_run_notice_seen=True, first_use_date=first.isoformat(), plan_kind="lehrer",
                        reminders_enabled=True)
    window = MainWindow(settings, save=False)
    window.show()
    wait(1.0)
    # an empty store in the run's own data folder, as the app opens one: today's dose is read, not pending
    install_session_store(window, SessionStore(Path(os.environ["BIOFEEDBACK_DATA_DIR"]) / STORE_FILENAME))
    wait(0.5)
    screen = window.screen().size()
    size = f"{screen.width()}x{screen.height()}"
    viewer = window.learn.open_today()
    wait(1.0)
    grab(out / f"xvfb-lesson-{size}.png")
    viewer.close()
    dialog = window.reminders.open_dialog()
    wait(1.0)
    grab(out / f"xvfb-reminders-{size}.png")
    dialog.close()
    window.close()
    app.processEvents()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    return on_a_desktop(lambda: run(args.out))


if __name__ == "__main__":
    sys.exit(main())
