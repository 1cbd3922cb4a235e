"""Regenerate docs/screenshots/wizard.png and wizard_result.png: the resonance wizard.

Offscreen, on the in-process simulated sensor (resonance 5.5 breaths/min,
1 artifact/min), accelerated so the 10-minute assessment takes seconds.
``wizard.png`` is taken in the third block, ``wizard_result.png`` at the end.

Run: ``.venv/bin/python tools/screenshot_wizard.py [--out docs/screenshots]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parents[1] / "docs" / "screenshots")
    parser.add_argument("--theme", default="dark")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("BIOFEEDBACK_DATA_DIR", tempfile.mkdtemp(prefix="biofeedback-shots-"))

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from biofeedback.io.assess_sim import SimPersonSettings, SimulatedBeatsDriver
    from biofeedback.ui.resonance_wizard import ResonanceWizard
    from biofeedback.ui.theme import apply_theme, get_theme

    app = QApplication(sys.argv[:1])
    from biofeedback.ui.i18n import install_language

    install_language(app, "en")  # as the app does: English too has a catalog (its plural forms)
    theme = get_theme(args.theme)
    apply_theme(app, theme)
    driver = SimulatedBeatsDriver(SimPersonSettings(resonance_bpm=5.5, seed=0))
    wizard = ResonanceWizard(driver=driver, speed=1.0, theme=theme, save_result=False)
    wizard.resize(1200, 780)
    wizard.show()
    wizard.start()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    # jump to the middle of the third block (5.5 /min) in accelerated sub-steps
    wizard.runner.speed = 200.0
    while wizard.session.state.block_index < 2 or wizard.session.state.phase_remaining_s > 70:
        wait(20)
    wizard.runner.speed = 1.0
    wait(300)
    args.out.mkdir(parents=True, exist_ok=True)
    wizard.grab().save(str(args.out / "wizard.png"))
    wizard.runner.speed = 400.0
    while wizard.page != "result":
        wait(20)
    wait(300)
    wizard.grab().save(str(args.out / "wizard_result.png"))
    print(f"saved {args.out / 'wizard.png'} and {args.out / 'wizard_result.png'}")
    wizard.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
