"""Getting started, the plan dialog, the weekly review and History's progress figures in Spanish and
Portuguese: nothing visible escapes translation, numbers and dates follow the language, and the
window's plan and next-step sentences equal core's English ones when the language is English."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from progress_store import PLAN_SETTINGS, build
from pseudo_locale import MARK, escaped, install_pseudo

from biofeedback.app.settings import Settings
from biofeedback.core.practice.plan import NEXT_STEPS, Dose, PracticePlan, next_step, preset
from biofeedback.io.store import STORE_FILENAME, SessionStore
from biofeedback.ui import i18n
from biofeedback.ui.practice_words import STEP_WORDS, day_month, next_step_words, plan_words
from biofeedback.ui.store_integration import install_session_store

WEEK5_MONDAY = date(2026, 11, 30)  # tests/progress_store.py: four plan weeks from 2 Nov, an assessment on 2 Nov



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


def test_the_window_reading_is_cores_in_english():
    """Every case of core's reading (the first part and the check-in part), written by the window in English,
    equals core's sentence."""
    from dataclasses import replace

    from test_summary_view import sine_session

    from biofeedback.core.summary.session import (
        CheckinChange,
        Comparison,
        plain_reading,
        short_reading,
    )
    from biofeedback.ui.summary_words import reading_words

    base = sine_session()
    swings = [Comparison(6.2, 5.0, 95.0, 10, 9), Comparison(6.2, 5.0, 5.0, 10, 0), Comparison(6.2, 5.0, 50.0, 10, 5),
              Comparison(6.2, None, None, 1), Comparison(None, None, None, 0)]
    checkins = [(), (CheckinChange("stress", 6, 4), CheckinChange("pain", 3, 4)), (CheckinChange("mood", 5, 5),),
                (CheckinChange("pain", 5, 4),)]
    for kind in ("practice", "simulated", "replay", "unpaced"):
        for swing in swings:
            for answers in checkins:
                for n, share in ((400, 0.01), (10, 0.0), (400, 0.4)):
                    s = replace(base, n_beats=n, artifact_share=share, hr_swing=swing, checkins=answers, kind=kind)
                    assert reading_words(s) == plain_reading(n, share, swing, answers, kind)
    short = replace(base, kind="short", duration_s=75.0, min_minutes=1.5)
    assert reading_words(short) == short_reading(75.0, 1.5)


def test_report_words_follow_cores_definitions_and_reasons():
    from biofeedback.core.practice.progress import DEFINITIONS
    from biofeedback.core.practice.session_kind import REASONS
    from biofeedback.ui.progress_report import DEFINITION_WORDS, REASON_WORDS, definition_words

    assert set(REASON_WORDS) == set(REASONS) and REASON_WORDS == REASONS
    assert set(DEFINITION_WORDS) == set(DEFINITIONS)
    for key, text in DEFINITIONS.items():
        assert definition_words(key, 2.5) == text.replace("minimum length", "minimum length (2.5 min)")


def _pdf_text(path) -> str:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return " ".join(doc.getAllText(k).text() for k in range(doc.pageCount()))


def test_the_session_report_process_paints_in_the_language_it_is_given(four_weeks, tmp_path, restore_language,
                                                                        monkeypatch):
    """The report process's own main (ui/report_process.py), run here rather than as a child to save the
    interpreter start: given the window's language it paints a Spanish PDF, numbers with decimal commas and
    the not-a-medical-device notice in Spanish."""
    from biofeedback.ui import report_process

    assert report_process.LANGUAGE_ENV  # render_in_process puts current_language() there for the child
    monkeypatch.setenv(report_process.LANGUAGE_ENV, "es")
    monkeypatch.delattr(report_process.os, "nice", raising=False)  # the child lowers its priority; pytest must not
    with SessionStore(four_weeks / STORE_FILENAME) as store:
        first = store.list_sessions()[0]
    out = tmp_path / "sesion.pdf"
    assert report_process.main([str(four_weeks / STORE_FILENAME), str(first.id), str(out)]) == 0
    assert i18n.current_language() == "es"
    text = " ".join(_pdf_text(out).split())
    assert "Informe de la sesión de respiración" in text and "Resumen (sesión completa)" in text
    assert "Frecuencia cardiaca media" in text and "no un dispositivo médico" in text
    assert "Tu frecuencia cardiaca subió y bajó" in text  # the reading, from core's case
    assert f"{first.summary['mean_hr_bpm']:.1f}".replace(".", ",") in text
    assert "Breathing session report" not in text and "Mean heart rate" not in text


def test_the_progress_report_in_portuguese(four_weeks, tmp_path, restore_language):
    from biofeedback.app.progress_data import load_progress_file
    from biofeedback.ui.progress_report import write_progress_pdf

    i18n.install_language(restore_language, "pt")
    report = load_progress_file(four_weeks / STORE_FILENAME, Settings.from_dict(PLAN_SETTINGS), WEEK5_MONDAY)
    out = write_progress_pdf(report, tmp_path / "semanas.pdf")
    text = " ".join(_pdf_text(out).split())
    assert "A prática semana a semana" in text and "Como se define cada número" in text
    assert "Plano: O seu: 1 × 10 min por dia, 5 dias por semana, revisão semanal, 4 semanas" in text
    assert "não é um dispositivo médico" in text or "não um dispositivo médico" in text
    assert "duração mínima (" in text and "página 3 de 3" in text
    assert "Practice over weeks" not in text and "How each number is defined" not in text


def test_no_visible_text_in_history_and_a_session_opened_from_it_escapes_translation(
        qtbot, four_weeks, tmp_path, restore_language):
    from biofeedback.ui.history_view import HistoryView

    restore_language._pseudo = [install_pseudo(restore_language)]
    shutil.copytree(four_weeks, tmp_path / "data")
    with SessionStore(tmp_path / "data" / STORE_FILENAME) as store:
        view = HistoryView(store)
        qtbot.addWidget(view)
        view.show()
        view.table.selectRow(0)
        qtbot.wait(50)
        assert escaped(view) == []


def test_history_cells_are_ios_in_english_and_translated_in_spanish(four_weeks, restore_language):
    from dataclasses import replace

    from biofeedback.io.session_format import NOT_COUNTED, history_row
    from biofeedback.ui.history_words import COUNTED_WORDS, history_cells

    assert {k: v for k, v in COUNTED_WORDS.items() if k} == NOT_COUNTED and COUNTED_WORDS[""] == "yes"
    with SessionStore(four_weeks / STORE_FILENAME) as store:
        sessions = store.list_sessions()
    sessions += [replace(sessions[0], status="interrupted"), replace(sessions[0], status="running")]
    for info in sessions:
        assert history_cells(info) == history_row(info)
    i18n.install_language(restore_language, "es")
    practice = next(s for s in sessions if history_row(s)["counted"] == "yes" and s.checkins.get("before"))
    cells = history_cells(practice)
    assert cells["counted"] == "sí" and cells["check-in before → after"].startswith("estrés ")
    assert cells["pacer"] == "6,0/min" and cells["mean HR"].endswith(" lpm") and "," in cells["coherence"]
    assert history_cells(sessions[-2])["duration"].endswith(" (interrumpida)")


def test_the_progress_report_in_brazilian_portuguese_layers_over_the_european(four_weeks, tmp_path, restore_language):
    from biofeedback.app.progress_data import load_progress_file
    from biofeedback.ui.progress_report import write_progress_pdf

    i18n.install_language(restore_language, "pt_BR")
    report = load_progress_file(four_weeks / STORE_FILENAME, Settings.from_dict(PLAN_SETTINGS), WEEK5_MONDAY)
    text = " ".join(_pdf_text(write_progress_pdf(report, tmp_path / "semanas.pdf")).split())
    assert "Registros e ritmo cardíaco" in text and "Registos" not in text  # Brazil's entry
    assert "A prática semana a semana" in text  # not in the Brazilian file: the European entry
