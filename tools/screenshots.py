"""Regenerate docs/screenshots/*.png: the main window during a paced session, presentation mode.

Runs offscreen (no display needed) on the Simulated sensor. To get two
minutes of data in a few seconds the simulator runs at ``--speed`` and the
app's clock (pacer, session timer) is sped up by the same factor, so the
picture is what a user sees after two minutes in real time.

Run: ``.venv/bin/python tools/screenshots.py [--speed 10] [--out docs/screenshots]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

SIM_SECONDS = 150.0  # simulated time before the pictures (tachogram 90 s, spectrum 120 s)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "screenshots")
    args = parser.parse_args()
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("BIOFEEDBACK_CONFIG_DIR", tempfile.mkdtemp(prefix="biofeedback-shots-"))
    os.environ.setdefault("BIOFEEDBACK_DATA_DIR", tempfile.mkdtemp(prefix="biofeedback-shots-data-"))

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.settings import Settings
    from biofeedback.io.store import STORE_FILENAME, SessionStore
    from biofeedback.ui.main_window import MainWindow
    from biofeedback.ui.store_integration import install_session_store

    app = QApplication(sys.argv[:1])
    from biofeedback.ui.i18n import install_language

    install_language(app, "en")  # as the app does: English too has a catalog (its plural forms)
    t0 = time.monotonic()

    def fast_clock() -> float:
        return t0 + args.speed * (time.monotonic() - t0)

    settings = Settings(first_run_notice_seen=True, session_minutes=10)  # the sensor runs on fast_clock
    window = MainWindow(settings, clock=fast_clock, save=False)
    window.setWindowState(Qt.WindowState.WindowNoState)  # on the offscreen 800x600 screen it starts maximised
    window.resize(1440, 900)
    window.show()
    # an empty store in the run's own data folder, as the app opens one: today's dose is read, not pending
    integration = install_session_store(window, SessionStore(Path(os.environ["BIOFEEDBACK_DATA_DIR"]) / STORE_FILENAME))
    window.connect_source()
    window.set_rate(5.5)
    window.toggle_session()
    before = integration.checkin_dialog  # the "before" check-in, answered as a person would
    for item, score in (("stress", 6), ("pain", 5), ("mood", 4)):
        before.rows[item].buttons[score].click()
    before.save_button.click()

    def wait(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    wait(SIM_SECONDS / args.speed)
    app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out / "main.png"))

    window.set_presentation(True, fullscreen=False)
    window.resize(1920, 1080)
    wait(1.0)
    window.grab().save(str(args.out / "presentation.png"))

    window.set_presentation(False, fullscreen=False)
    window.look.toggle_theme()
    window.resize(1440, 900)
    wait(1.0)
    window.grab().save(str(args.out / "main-light.png"))

    errors = list(window.worker_errors)
    window.close()
    for name in ("main.png", "presentation.png", "main-light.png"):
        print(args.out / name)
    if errors:
        print("worker errors:\n" + "\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
