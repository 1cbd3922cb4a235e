"""The resonance wizard and the coherence indicator, offscreen, on an accelerated simulated sensor."""

from __future__ import annotations

import json
import time
from functools import partial

import numpy as np
import pytest
from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer

from biofeedback.app.assessment_runner import shortest_block_s
from biofeedback.app.settings import Settings
from biofeedback.app.sources import make_source
from biofeedback.core.protocols import PROTOCOLS
from biofeedback.core.resonance.assessment import AssessmentPlan, AssessmentSession
from biofeedback.core.simulation import PersonParams
from biofeedback.io.assess_sim import SimPersonSettings, SimulatedBeatsDriver
from biofeedback.io.assessment_file import load_assessments
from biofeedback.io.clock import ManualClock
from biofeedback.io.simulator import SimulatedSource
from biofeedback.ui import main_window
from biofeedback.ui.coherence_indicator import CoherenceIndicator, coherence_level, fill_fraction
from biofeedback.ui.main_window import MainWindow
from biofeedback.ui.resonance_wizard import ResonanceWizard


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(tmp_path / "data"))


def make_wizard(qtbot, resonance_bpm=5.5, compliance=1.0, speed=300.0, plan=AssessmentPlan(block_s=100.0)):  # noqa: B008 (frozen)
    driver = SimulatedBeatsDriver(SimPersonSettings(resonance_bpm=resonance_bpm, seed=2,
                                                    compliance=compliance))
    wizard = ResonanceWizard(driver=driver, speed=speed, plan=plan, persist=True)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


@pytest.mark.slow(about_s=7)
def test_wizard_runs_blocks_shows_ranked_result_and_saves_the_rate(qtbot, config_dir):
    wizard = make_wizard(qtbot, resonance_bpm=5.0)
    assert wizard.page == "intro"
    qtbot.mouseClick(wizard.start_button, Qt.MouseButton.LeftButton)
    assert wizard.page == "running"
    assert "Rate 1 of 5: 6.5" in wizard.block_label.text()
    qtbot.waitUntil(lambda: "Rate 3 of 5: 5.5" in wizard.block_label.text(), timeout=60_000)
    assert wizard.pacer_widget.pacer.rate_bpm == 5.5  # the training pacer follows the blocks
    with qtbot.waitSignal(wizard.assessment_finished, timeout=60_000):
        pass
    assert wizard.page == "result"
    rate = wizard.assessment_result.recommended_bpm
    assert rate is not None and abs(rate - 5.0) <= 0.5
    assert f"{rate:g} breaths per minute" in wizard.headline.text()
    assert wizard.table.rowCount() == 5
    assert wizard.table.item(0, 0).text() == f"{rate:g}"  # ranked: the recommendation first
    assert len(wizard.curves.ci.items) == 5  # one tachogram per block, side by side
    # plain words first, the criteria table one click away
    assert "that is the rate to practise at" in wizard.explain.text() and "LF" not in wizard.explain.text()
    assert not wizard.table.isVisible()
    wizard.result_page.details_button.click()
    assert wizard.table.isVisible()
    # the table is as tall as its rows (no scrolling, no empty space): the curves get the rest
    rows_px = lambda: sum(wizard.table.rowHeight(r) for r in range(5))  # noqa: E731
    qtbot.waitUntil(lambda: abs(wizard.table.viewport().height() - rows_px()) <= 2, timeout=3000)
    assert load_assessments()[0]["data"]["recommended_bpm"] == rate  # kept in the history
    with qtbot.waitSignal(wizard.rate_chosen) as chosen:
        qtbot.mouseClick(wizard.save_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [rate]
    saved = json.loads((config_dir / "settings.json").read_text())
    assert saved["pacer_rate_bpm"] == rate


def test_wizard_says_why_when_the_person_does_not_follow(qtbot):
    # the five rates in the shortest blocks the wizard offers: a person breathing at their own
    # 13 /min is off every one of them however long the block
    wizard = make_wizard(qtbot, compliance=0.0, speed=600.0, plan=AssessmentPlan(block_s=shortest_block_s()))
    wizard.start()
    qtbot.waitUntil(lambda: wizard.page == "result", timeout=60_000)
    assert wizard.assessment_result.recommended_bpm is None
    assert "No resonance rate" in wizard.headline.text()
    assert "usable block" in wizard.explain.text()
    assert not wizard.save_button.isEnabled()


def test_wizard_says_so_when_scoring_fails_instead_of_waiting_forever(qtbot, monkeypatch):
    def fail(self):
        raise ValueError("`x` must be strictly increasing sequence.")

    monkeypatch.setattr(AssessmentSession, "result", fail)
    # scoring fails whatever was recorded: two of the shortest blocks (one block change) are enough
    wizard = make_wizard(qtbot, speed=600.0, plan=AssessmentPlan(rates_bpm=(6.5, 6.0), block_s=shortest_block_s()))
    with qtbot.capture_exceptions() as raised:  # the error goes on to the Qt loop (and fails other tests)
        wizard.start()
        qtbot.waitUntil(lambda: wizard.page == "result", timeout=60_000)
    assert [type(e[1]) for e in raised] == [ValueError]
    assert "could not be scored" in wizard.headline.text() and not wizard.save_button.isEnabled()


def test_coherence_levels_and_growing_shape():
    assert coherence_level(None) is None
    assert [coherence_level(x) for x in (0.2, 1.0, 3.0)] == [0, 1, 2]
    assert fill_fraction(None) == 0.0
    assert 0 < fill_fraction(0.5) < fill_fraction(2.0) < fill_fraction(50.0) == 1.0


def test_coherence_indicator_shows_numbers_on_click(qtbot):
    w = CoherenceIndicator()
    qtbot.addWidget(w)
    w.resize(240, 260)
    w.show()
    w.set_values(2.4, 13.2)
    assert w.level == 2 and "high" in w.level_text()
    assert not w.show_numbers
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=QPoint(120, 120))
    assert w.show_numbers and w.numbers_text() == "ratio 2.40 · swing 13 bpm"
    w.set_values(None)
    assert "64 s" in w.level_text()


def test_coherence_sound_either_works_or_gives_a_quiet_notice(qtbot):
    w = CoherenceIndicator()
    qtbot.addWidget(w)
    notice = w.enable_sound()
    assert notice is None or notice.startswith("Coherence sound off")
    w.set_values(1.0)  # plays or stays silent, never raises
    w.disable_sound()
    assert w.tone is None


STEP_S = 0.25  # virtual seconds per step of the in-app test: the wizard records the pacer at 4 Hz
SEED = 3  # the in-app test's simulated person (recommends 5.5 against 5.0 close behind)


@pytest.mark.slow(about_s=25)  # some 1400 virtual steps
def test_wizard_in_the_app_finds_the_simulated_resonance_rate(qtbot, monkeypatch):
    """The whole path: simulator on a pty -> serial source -> pipeline -> LiveSession -> wizard.

    The simulated person follows whichever pacer is active, so during the blocks
    they breathe with the wizard's pacer (rate and phase), not the training pacer.

    In virtual time: the window, its live session, the simulated sensor and the
    wizard share one ManualClock. Each step advances it STEP_S, waits (in real
    time, as long as the machine needs) until the pipeline's output holds the
    last sample the sensor sent before that time, then steps the wizard: every
    host stamp, pacer change and wizard step is then the same whatever the load.
    """
    resonance = 5.0
    clock = ManualClock(1000.0)
    settings = Settings(first_run_notice_seen=True, source_kind="simulated", sim_speed=1.0,
                        sim_resonance_bpm=resonance, pacer_rate_bpm=6.0)
    window = MainWindow(settings, clock=clock, save=False)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(main_window, "make_source", partial(make_source, seed=SEED))  # the same person each run
    window.connect_source()  # a simulated sensor on the window's clock
    qtbot.waitUntil(lambda: getattr(window.live.source, "simulator", None) is not None, timeout=20000)
    source = window.live.source
    assert isinstance(source, SimulatedSource)
    sample_s = 1.0 / PROTOCOLS[source.settings.protocol].fs_hz
    # the next output of the live session, or timeout_ms, whichever comes first, as
    # qtbot.waitSignal(..., raising=False) waits, with one loop, timer and connection for the
    # whole test: waitSignal connects anew each call, ~0.25 ms of the GUI thread, 3000 calls
    output_loop, output_timer = QEventLoop(), QTimer()
    output_timer.setSingleShot(True)
    output_timer.timeout.connect(output_loop.quit)
    window.live.output.connect(output_loop.quit)

    def wait_for_output(timeout_ms: int) -> None:
        output_timer.start(timeout_ms)
        output_loop.exec()
        output_timer.stop()

    def advance() -> None:
        """STEP_S on, once the pipeline has everything the sensor sent until then."""
        sent_until = source.sim_time_s(clock.advance(STEP_S))
        deadline_s = time.monotonic() + 30.0
        while (window.model.last_device_t_s or -1.0) < sent_until - sample_s - 1e-6:
            assert time.monotonic() < deadline_s, "the pipeline's output stopped"
            # samples alone are held for the window's next frame (app/worker.py join_wave): take them
            # as a frame would, rather than wait up to a frame (33 ms) a step; beats come signalled
            window.live.take_wave()
            wait_for_output(2)

    while window.model.last_device_t_s is None:  # what the sensor sent before the reader opened is lost:
        clock.advance(STEP_S)  # then only its next header (5 s on) starts the stream
        wait_for_output(1000)
    while len(window.model.beats) < 10:
        advance()
    window.wizard_action.trigger()
    wizard = window.wizard
    shortest = wizard.block_spin.minimum()
    assert shortest == shortest_block_s()  # enough complete breaths at 4.5/min after settling
    wizard.block_spin.setValue(shortest)
    owners = []
    window.live.pacer_changed.connect(lambda change: owners.append((change.owner, change.rate_bpm)))
    finished = []
    wizard.assessment_finished.connect(finished.append)
    wizard.auto_step = False  # stepped below, each time after the data up to the clock's time arrived
    wizard.start()
    assert window.live.pacer is wizard.session.pacer  # the person now follows the wizard's pacer
    for _ in range(int(6 * shortest / STEP_S)):
        advance()
        wizard.step()
        if finished:
            break
    assert finished and wizard.page == "result"
    result = wizard.assessment_result
    assert result.recommended_bpm is not None, result.reasons
    assert abs(result.recommended_bpm - resonance) <= 0.5
    # heart rate was scored against the breathing read from the pulse, which saw the simulated
    # person breathe behind the guide by their reaction time (PersonParams.pacer_reaction_s)
    behind = [b.behind_guide_s for b in result.blocks if b.phase_source == "pulse"]
    assert len(behind) >= 4
    # late, as the person is (0.5 s; the pulse-read phase runs some 0.15 s early, and the pty and
    # clock mapping add their jitter: medians 0.25-0.27 s in three runs)
    assert 0.05 < float(np.median(behind)) < PersonParams().pacer_reaction_s + 0.3
    assert "s behind the guide" in wizard.explain.text()  # and the user is told
    assert [r for o, r in owners if o == "wizard"] == [6.5, 6.0, 5.5, 5.0, 4.5]  # one change per block
    assert window.live.pacer is window.pacer and window.live.pacer_owner == "training"  # given back
    assert window.pacer.rate_bpm == 6.0  # the training pacer kept its rate meanwhile
    scores = {rate: round(score, 4) for rate, score in result.scores.items()}
    print(f"in-app wizard: {result.recommended_bpm} /min, scores {scores}, behind {np.round(behind, 4).tolist()} s, "
          f"pinned offset {wizard.runner.mapping.offset_s:.6f} s")  # the same every run (pytest -s)
    window.live.output.disconnect(output_loop.quit)
    window.close()
    assert not window.live.errors


def test_main_window_opens_wizard_from_menu_and_takes_the_chosen_rate(make_window, qtbot):
    window = make_window()
    assert window.coherence_indicator.isVisible()  # in the live view
    window.coherence_indicator.set_values(1.2, 9.0)
    assert window.coherence_indicator.level == 1
    window.wizard_action.trigger()
    wizard = window.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.rate_chosen.emit(5.2)  # "Save as my training rate" on the result page
    assert window.pacer.rate_bpm == 5.2 and window.settings.pacer_rate_bpm == 5.2
    wizard.close()
    qtbot.waitUntil(lambda: window.wizard is None, timeout=2000)
