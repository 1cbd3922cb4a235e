"""Check my sensor, the reminders, the client view and the eyes-closed notices in Spanish and Portuguese:
nothing visible escapes translation, and the sentences core and app write in English (the sensor verdict,
the streak) are written by the window in its language and equal theirs in English."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from pseudo_locale import escaped, install_pseudo
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from biofeedback.core.beats.sensor_check import sensor_verdict
from biofeedback.core.practice.reminders import forgiving_streak
from biofeedback.core.types import SignalQuality
from biofeedback.ui import i18n
from biofeedback.ui.reminders import streak_words
from biofeedback.ui.sensor_check import verdict_words


@pytest.fixture
def restore_language():
    app = QApplication.instance()
    yield app
    for translator in getattr(app, "_pseudo", []):
        app.removeTranslator(translator)
    i18n.install_language(app, "en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


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
