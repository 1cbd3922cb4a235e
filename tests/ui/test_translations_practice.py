"""Getting started, the plan dialog, the weekly review and History's progress figures in Spanish and
Portuguese: nothing visible escapes translation, numbers and dates follow the language, and the
window's plan and next-step sentences equal core's English ones when the language is English."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from progress_store import PLAN_SETTINGS, build
from pseudo_locale import MARK, escaped, install_pseudo
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from biofeedback.app.settings import Settings
from biofeedback.core.practice.plan import NEXT_STEPS, Dose, PracticePlan, next_step, preset
from biofeedback.io.store import STORE_FILENAME, SessionStore
from biofeedback.ui import i18n
from biofeedback.ui.practice_words import STEP_WORDS, day_month, next_step_words, plan_words
from biofeedback.ui.store_integration import install_session_store

WEEK5_MONDAY = date(2026, 11, 30)  # tests/progress_store.py: four plan weeks from 2 Nov, an assessment on 2 Nov


@pytest.fixture
def restore_language():
    app = QApplication.instance()
    yield app
    for translator in getattr(app, "_pseudo", []):
        app.removeTranslator(translator)
    i18n.install_language(app, "en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(scope="module")
def four_weeks(tmp_path_factory):
    """The four-week store built once (about a second): each test works on its own copy."""
    directory = tmp_path_factory.mktemp("four_weeks")
    build(directory)
    return directory


def _review(make_window, qtbot, tmp_path, four_weeks):
    shutil.copytree(four_weeks, tmp_path / "data")
    window = make_window(Settings.from_dict({"first_run_notice_seen": True, **PLAN_SETTINGS}))
    window.practice.today = lambda: WEEK5_MONDAY
    install_session_store(window, SessionStore(tmp_path / "data" / STORE_FILENAME), checkins=False)
    qtbot.waitUntil(lambda: window.practice.shown.known, timeout=3000)
    return window, window.practice.open_review()


def _plot_titles(view) -> list[str]:
    return [plot.getPlotItem().titleLabel.text for plot in view.plots.values()]


def test_no_visible_text_in_getting_started_the_plan_and_the_review_escapes_translation(
        make_window, qtbot, tmp_path, four_weeks, restore_language):
    restore_language._pseudo = [install_pseudo(restore_language)]
    window, review = _review(make_window, qtbot, tmp_path, four_weeks)
    assert escaped(review) == []
    assert all(MARK in title for title in _plot_titles(review.figures)), _plot_titles(review.figures)
    plan = window.practice.open_plan()
    assert escaped(plan) == []
    plan.close()
    wizard = window.practice.open_first_run()
    for _ in wizard.pageIds():  # every page, as a person clicks through
        assert MARK in wizard.currentPage().title()
        assert escaped(wizard) == [], wizard.currentPage().title()
        wizard.next()
    assert MARK in wizard.browser.toPlainText()
    wizard.close()


@pytest.mark.parametrize(("lang", "week", "rate", "ago", "title"), [
    ("es", "semana 1 del plan", "5,5 resp/min", "hace 4 semanas", "Minutos practicados por semana"),
    ("pt", "semana 1 do plano", "5,5 resp/min", "há 4 semanas", "Minutos praticados por semana"),
])
def test_the_weekly_review_in_spanish_and_portuguese(qtbot, four_weeks, restore_language, lang, week, rate, ago,
                                                     title):
    from biofeedback.app.session_library import SessionLibrary
    from biofeedback.ui.theme import DARK
    from biofeedback.ui.weekly_review import WeeklyReview

    i18n.install_language(restore_language, lang)
    library = SessionLibrary(SessionStore(four_weeks / STORE_FILENAME))  # read only
    review = WeeklyReview(DARK, today=lambda: WEEK5_MONDAY)
    qtbot.addWidget(review)
    review.load(library, Settings.from_dict(PLAN_SETTINGS))
    library.store.close()
    first = review.table.item(0, 0).text()
    assert first == f"{day_month(date(2026, 11, 2))} ({week})" and first.startswith("2 nov")
    assert [review.table.item(r, 5).text() for r in range(4)] == ["7,0", "6,0", "–", "4,0"]  # decimal commas
    assert rate in review.resonance.text() and ago in review.resonance.text()
    assert "-0,9" in review.checkins.text()
    header = review.header.text()
    assert "10 min" in header and "Lehrer" not in header
    assert review.table.horizontalHeaderItem(0).text() == "Semana"
    assert _plot_titles(review.figures)[0].startswith(title)


def test_the_window_plan_and_next_step_sentences_are_cores_in_english():
    assert STEP_WORDS == NEXT_STEPS  # the same cases and the same English, one for one
    monday = date(2026, 11, 2)
    plans = [preset("lehrer"), preset("short-daily"), preset("custom", None, 2, 7.5, 5, 6), preset("none"),
             PracticePlan("custom", 1, 10.0, 7, 0, assessment_first=True, weekly_review=True)]
    for plan in plans:
        assert plan_words(plan) == plan.describe()
    lehrer = preset("lehrer", monday)
    cases = [(preset("none"), Dose(0, 0, 0, 0)), (lehrer, Dose(0, 40, 0, 2)), (lehrer, Dose(20, 40, 1, 2)),
             (preset("custom", monday, 2, 7.5), Dose(7.5, 15, 1, 2)), (lehrer, Dose(40, 40, 2, 2))]
    for plan, dose in cases:
        for assessed in (None, monday):
            for today in (monday, date(2026, 11, 12), date(2026, 12, 14), date(2027, 3, 1)):
                english = next_step(plan, today, dose, assessed, last_review=today)
                assert next_step_words(english) == english


@pytest.mark.parametrize(("lang", "session", "plan"), [
    ("es", "Sesión 2 de 2 hoy: 7,5 min (quedan 8 min hoy).", "El tuyo: 2 × 7,5 min al día, 5 días a la semana, repaso semanal, 6 semanas"),
    ("pt", "Sessão 2 de 2 hoje: 7,5 min (faltam 8 min hoje).", "O seu: 2 × 7,5 min por dia, 5 dias por semana, revisão semanal, 6 semanas"),
])
def test_the_next_step_and_the_plan_in_spanish_and_portuguese(restore_language, lang, session, plan):
    i18n.install_language(restore_language, lang)
    assert next_step_words("Session 2 of 2 today: 7.5 min (8 min left today).") == session
    assert plan_words(preset("custom", None, 2, 7.5, 5, 6)) == plan
    assert next_step_words("something core says that no template knows") == "something core says that no template knows"
