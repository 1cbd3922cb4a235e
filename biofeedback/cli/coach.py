"""``biofeedback coach``: every biofeedback client on the network, one tile each (read-only)."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("coach", help="coach view: all biofeedback clients streaming on LSL")
    p.add_argument("--font-pt", type=float, default=14.0, help="type size (presentation: 24 or more)")
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument("--only", default="", metavar="TEXT", help="only clients whose name or host contains TEXT")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from biofeedback.ui.app_main import display_available

    if not display_available():
        print("biofeedback coach: no display found, so the window cannot open.", file=sys.stderr)
        return 2
    from biofeedback.ui.x11_libraries import missing_library_message

    if missing := missing_library_message():  # Qt would abort with a plugin error
        print(missing, file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.coach_model import CoachModel
    from biofeedback.ui.app_icon import set_app_identity
    from biofeedback.ui.coach.window import CoachWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_app_identity()
    model = CoachModel(only=args.only.replace("'", ""))
    window = CoachWindow(model, font_pt=args.font_pt)
    window.resize(1280, 800)
    window.showFullScreen() if args.fullscreen else window.show()
    model.start()
    try:
        return app.exec()
    finally:
        model.stop()
