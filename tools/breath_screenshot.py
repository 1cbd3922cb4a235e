"""Regenerate docs/screenshots/breath.png: the HR curve with the guide and the user's breath under it.

A simulated person follows a 6 /min pacer (rate and phase, with their own
lag); their PPG (250 Hz) goes through the real pipeline into the live model,
and the app's tachogram widget draws it offscreen: heart rate beat to beat
(the newest beats provisional), the breathing guide, and the breath read
from the pulse wave (dashed), with "you: ... · guide: ..." in the title.

Run: ``.venv/bin/python tools/breath_screenshot.py [--out docs/screenshots/breath.png]``
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

SIM_S = 150.0
HOST_OFFSET_S = 1000.0  # host clock = device clock + this (a fixed transport delay of 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "breath.png")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.live_model import LiveModel
    from biofeedback.core.breathing.pacer import Pacer
    from biofeedback.core.pipeline import Pipeline
    from biofeedback.core.simulation import PersonParams, PpgSynth, SimulatedPerson
    from biofeedback.core.types import PpgBlock
    from biofeedback.ui.plots import TachogramPlot
    from biofeedback.ui.theme import DARK

    app = QApplication.instance() or QApplication([])
    from biofeedback.ui.i18n import install_language

    install_language(app, "en")  # as the app does: English too has a catalog (its plural forms)
    pacer = Pacer(6.0, t0_s=HOST_OFFSET_S)
    person = SimulatedPerson(PersonParams(resonance_bpm=5.5), seed=8)
    person.follow_pacer(6.0, 0.0, 0.0)
    synth = PpgSynth(person, fs_hz=250.0, adc_max=1023, noise=0.02, seed=8)
    pipeline, model = Pipeline(), LiveModel()
    t = 0.0
    while t < SIM_S:
        ts, values, _ = synth.step(5)  # 20 ms chunks
        t = float(ts[-1]) + 1 / 250.0
        model.add(pipeline.feed([PpgBlock(ts, values, 250.0)]), host_t_s=t + HOST_OFFSET_S)
        model.add_pacer(t + HOST_OFFSET_S, pacer.value(t + HOST_OFFSET_S))
    plot = TachogramPlot(DARK, font_pt=11)
    plot.resize(1100, 380)
    plot.refresh(model, now_s=t)
    plot.getPlotItem().setTitle(f"Heart rate (bpm), the guide, and your breath read from the pulse (dashed) · "
                                f"{model.breathing_text(pacer.rate_bpm)}")
    plot.show()
    app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    plot.grab().save(str(args.out))
    print(f"wrote {args.out}: {model.breathing_text(pacer.rate_bpm)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
