"""An exception raised in a Qt slot fails the test (pytest-qt's capture), not only stderr.

The resonance wizard's crash was raised in its timer's slot and lost in the
Qt loop while the wizard waited forever; in a test it must fail the test.
This runs two such tests in a child pytest and expects both to fail.
"""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

CHILD_TESTS = '''
from PySide6.QtCore import QTimer

from biofeedback.app.assessment_runner import LiveAssessment
from biofeedback.app.live_session import LiveSession
from biofeedback.ui.resonance_wizard import ResonanceWizard


def test_a_slot_on_live_session_output_raises(qtbot):
    live = LiveSession()

    def slot(out):
        raise RuntimeError("raised in a LiveSession.output slot")

    live.output.connect(slot)
    QTimer.singleShot(0, lambda: live.output.emit(object()))  # from the event loop, as the worker's are
    qtbot.wait(200)


def test_the_wizard_timer_step_raises(qtbot, monkeypatch):
    def step(self):
        raise RuntimeError("raised in the wizard's timer step")

    monkeypatch.setattr(LiveAssessment, "step", step)
    live = LiveSession()
    wizard = ResonanceWizard(live=live)
    qtbot.addWidget(wizard)
    wizard.start()
    qtbot.wait(300)
    wizard.close()
'''


def test_exceptions_in_qt_slots_fail_the_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_child=CHILD_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*Exceptions caught in Qt event loop*"])
    result.stdout.fnmatch_lines(["*raised in a LiveSession.output slot*"])
    result.stdout.fnmatch_lines(["*raised in the wizard's timer step*"])
