"""The lessons in Spanish and Portuguese: every day translated, the same sources, the disclaimer's
meaning kept, a missing file read in English, and the viewer choosing by the window's language."""

from __future__ import annotations

import shutil

import pytest
from pseudo_locale import escaped, install_pseudo

from biofeedback.core.practice.lessons import LESSON_DAYS, MAX_WORDS
from biofeedback.io.lessons import lesson_files, load_lessons
from biofeedback.resources import LESSONS_DIR
from biofeedback.ui import i18n

NOT_A_DEVICE = {"es": "no es un dispositivo médico", "pt": "não é um dispositivo médico"}



@pytest.mark.parametrize("lang", ["es", "pt"])
def test_every_lesson_is_translated_with_the_english_sources(lang):
    english = load_lessons()
    translated = load_lessons(language=lang)
    assert all(p.parent == LESSONS_DIR / lang for p in lesson_files(language=lang))  # none fell back
    assert [lesson.day for lesson in translated] == list(range(1, LESSON_DAYS + 1))
    for en, tr in zip(english, translated, strict=True):
        assert tr.name == en.name and tr.sources == en.sources  # each claim keeps the sources it had
        assert tr.title != en.title and tr.body_md != en.body_md
        assert tr.words <= MAX_WORDS
    assert NOT_A_DEVICE[lang] in translated[0].body_md and NOT_A_DEVICE[lang] in translated[-1].body_md


def test_a_lesson_missing_in_a_language_is_read_in_english(tmp_path):
    for path in lesson_files()[:2]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "es").mkdir()
    first = lesson_files()[0].name
    shutil.copy(LESSONS_DIR / "es" / first, tmp_path / "es" / first)
    spanish = load_lessons(tmp_path, "es")
    english = load_lessons(tmp_path)
    assert spanish[0].title == "Qué es esta práctica y qué no es"
    assert spanish[1] == english[1]  # day 2 has no Spanish file here: the English one, not a hole
    assert load_lessons(tmp_path, "pt") == english  # no pt folder at all


@pytest.mark.parametrize(("lang", "sources"), [("es", "Fuentes"), ("pt", "Fontes")])
def test_the_viewer_shows_the_lessons_in_the_window_language(make_window, restore_language, lang, sources):
    i18n.install_language(restore_language, lang)
    window = make_window()
    viewer = window.learn.open(3)
    assert viewer is not None
    html = viewer.text.toMarkdown()
    assert load_lessons(language=lang)[2].title in html and f"### {sources}" in html
    assert "Sources" not in html
    viewer.close()


def test_no_visible_text_in_the_lesson_viewer_escapes_translation(make_window, restore_language):
    restore_language._pseudo = [install_pseudo(restore_language)]
    window = make_window()
    viewer = window.learn.open(1)
    assert viewer is not None and escaped(viewer) == []
    viewer.close()
