"""Check my sensor, the reminders, the client view and the eyes-closed notices in Spanish and Portuguese:
nothing visible escapes translation, and the sentences core and app write in English (the sensor verdict,
the streak) are written by the window in its language and equal theirs in English."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from pseudo_locale import escaped, install_pseudo

from biofeedback.core.beats.sensor_check import sensor_verdict
from biofeedback.core.practice.reminders import forgiving_streak
from biofeedback.core.types import SignalQuality
from biofeedback.ui import i18n
from biofeedback.ui.reminders import streak_words
from biofeedback.ui.sensor_check import verdict_words


def test_no_visible_text_in_the_sensor_check_reminders_and_client_view_escapes_translation(
        make_window, qtbot, restore_language):
    from biofeedback.ui.client_view import ClientView

    restore_language._pseudo = [install_pseudo(restore_language)]
    window = make_window()
    check = window.sensor_check.open()
    assert escaped(check) == []
    assert "⟦" in check.plot.getPlotItem().getAxis("bottom").labelText
    check.close()
    reminders = window.reminders.open_dialog()
    assert escaped(reminders) == []
    reminders.close()
    client = ClientView(window.live.pacer, window.theme)
    qtbot.addWidget(client)
    client.show()
    assert escaped(client) == []
    assert "⟦" in client.accessibleName() or "⟦" in client.pacer_view.accessibleName()
    client.close()
    window.eyes_closed.set_dim(True)
    assert "⟦" in window.ui.status.notice.full_text
    window.eyes_closed.set_dim(False)


def _verdicts() -> list[str]:
    beats = np.arange(0.0, 10.0, 1.0)
    uneven = np.array([0.0, 1.0, 2.0, 3.5, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
    cases = [sensor_verdict(q, beats, 9.5) for q in SignalQuality]
    cases += [sensor_verdict(SignalQuality.GOOD, beats[:3], 9.5), sensor_verdict(SignalQuality.GOOD, uneven, 9.5)]
    return sorted({v.text for v in cases})


def test_the_window_sensor_verdicts_and_streaks_are_the_core_ones_in_english():
    texts = _verdicts()
    assert len(texts) >= 7 and any(t.startswith("Ready") for t in texts)
    assert any(". Ready" in t for t in texts)  # the link-damaged advice leading a ready verdict
    for text in texts:
        assert verdict_words(text) == text
    day = date(2026, 11, 30)
    for practised in ([], [day], [day - timedelta(days=1)], [day - timedelta(days=k) for k in (0, 2, 4, 5)],
                      [day - timedelta(days=k) for k in (1, 3, 5)]):
        streak = forgiving_streak(practised, day)
        assert streak_words(streak) == streak.describe()


@pytest.mark.parametrize(("lang", "ready", "streak"), [
    ("es", "Listo: latidos estables a 60 lpm. Puedes iniciar una sesión.", "2 días de práctica; hoy aún está abierto"),
    ("pt", "Pronto: batimentos estáveis a 60 bpm. Pode iniciar uma sessão.", "2 dias de prática; hoje ainda está em aberto"),
])
def test_the_sensor_verdict_and_the_streak_in_spanish_and_portuguese(restore_language, lang, ready, streak):
    i18n.install_language(restore_language, lang)
    assert verdict_words("Ready: steady beats at 60 bpm. You can start a session.") == ready
    day = date(2026, 11, 30)
    assert streak_words(forgiving_streak([day - timedelta(days=1), day - timedelta(days=2)], day)) == streak


# sentences as core/resonance writes them (scoring.score_block, rank_rates, _summary; breathing_reference_note)
ASSESSMENT_SENTENCES = [
    "12.5 % of beats were corrected (more than 10 %)", "too few beats in this block",
    "breathing (read from the pulse) was 7.2 /min, not at the pacer's 5.5 /min",
    "heart rate oscillated at 9.0 /min, not at the pacer's 6 /min",
    "no clear heart-rate oscillation with the breath (explains 12 % of the variation)", "only 3 complete breaths",
    "only 1 of 5 rates gave a usable block (at least 3 are needed)",
    "in 4 of 5 blocks heart rate did not rise and fall with the pacer: the breathing may not have followed it",
    "in 2 of 5 blocks heart rate did not rise and fall with the pacer: the breathing read from the pulse did not "
    "follow it",
    "too noisy: in 3 of 5 blocks more than 10 % of beats had to be corrected (movement or a loose sensor)",
    "2 of 5 blocks had too few beats or breaths to score",
    "6.5 /min: breathing (read from the pulse) was 7.2 /min, not at the pacer's 6.5 /min",
    "Heart rate was timed against the breathing signal given with the beats.",
    "Heart rate was timed against the guide: your breathing could not be read from the pulse wave.",
    "Read from your pulse, you breathed about 0.6 s behind the guide; heart rate was timed against your breathing, "
    "not the guide.",
    "Read from the chest strap's movement, you breathed in time with the guide (in 4 of 5 blocks); heart rate was "
    "timed against your breathing, not the guide.",
]


def test_the_assessment_reasons_are_cores_in_english_and_translated_whole_in_spanish(restore_language):
    from biofeedback.ui.wizard_words import assessment_words

    for sentence in ASSESSMENT_SENTENCES:
        assert assessment_words(sentence) == sentence
    i18n.install_language(restore_language, "es")
    assert assessment_words(ASSESSMENT_SENTENCES[-1]) == (
        "Según el movimiento de la banda de pecho, respiraste al compás de la guía (en 4 de 5 bloques); la "
        "frecuencia cardiaca se sincronizó con tu respiración, no con la guía.")
    assert assessment_words(ASSESSMENT_SENTENCES[11]) == (
        "6,5 /min: la respiración (leída del pulso) fue de 7,2 /min, no de los 6,5 /min de la guía")
    spanish = [assessment_words(s) for s in ASSESSMENT_SENTENCES]
    assert not any(english == spanish_ for english, spanish_ in zip(ASSESSMENT_SENTENCES, spanish, strict=True))
