"""After a failed resonance assessment, Retest is the way on; Save is disabled, looks it and says why."""

from __future__ import annotations

import pytest
from test_resonance_wizard import make_wizard


@pytest.mark.slow(about_s=8)
def test_a_failed_assessment_makes_retest_the_default_and_save_says_why(qtbot):
    wizard = make_wizard(qtbot, compliance=0.0, speed=600.0)
    wizard.start()
    qtbot.waitUntil(lambda: wizard.page == "result", timeout=60_000)
    assert wizard.assessment_result.recommended_bpm is None
    assert not wizard.save_button.isEnabled() and "no rate could be determined" in wizard.save_button.toolTip()
    assert wizard.result_page.retest_button.isDefault() and not wizard.save_button.isDefault()
