"""Brazilian Portuguese: a file with only the entries where Brazil's usage differs from the European
Portuguese one, layered over it; the lessons and the language menu follow."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from test_translations import _messages

from biofeedback.io.lessons import lesson_files, load_lessons
from biofeedback.resources import LESSONS_DIR, TRANSLATIONS_DIR
from biofeedback.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations as tool  # noqa: E402

BRAZIL = TRANSLATIONS_DIR / "biofeedback_pt_BR.ts"
PORTUGAL = TRANSLATIONS_DIR / "biofeedback_pt.ts"



def test_every_brazilian_entry_overrides_a_european_one_with_other_words():
    european = {(ctx, src): forms for ctx, src, forms, _ in _messages(PORTUGAL)}
    brazilian = list(_messages(BRAZIL))
    assert len(brazilian) > 100
    for ctx, src, forms, _ in brazilian:
        assert (ctx, src) in european, (ctx, src)
        assert forms != european[ctx, src], f"{ctx}: {src!r} says what the European file says: drop it"


def test_window_in_brazilian_portuguese_falls_through_to_the_european_file(make_window, restore_language):
    assert i18n.install_language(restore_language, "pt_BR") == "pt_BR"
    window = make_window()
    assert window.ui.sources.connect_button.text() == "Conectar"  # Brazil's ("Ligar" in Portugal)
    assert window.menuBar().actions()[0].text() == "&Arquivo"  # "&Ficheiro"
    assert window.ui.start.text() == "Iniciar sessão"  # not in the Brazilian file: the shared European entry
    assert "não um dispositivo médico" in window.ui.disclaimer.text()
    window.close()
    i18n.install_language(restore_language, "pt")
    portugal = make_window()
    assert portugal.ui.sources.connect_button.text() == "Ligar"
    assert portugal.menuBar().actions()[0].text() == "&Ficheiro"


def test_a_changed_or_unfinished_brazilian_entry_fails_and_new_text_is_not_added(tmp_path):
    """lupdate keeps an entry whose English text is gone as "vanished" (not dropped silently, as the
    European file's is), an unfinished one stays unfinished, and a new string goes to the base file only."""
    ts = tmp_path / BRAZIL.name
    text = BRAZIL.read_text(encoding="utf-8")
    extra = ('<context>\n    <name>Source</name>\n'
             '    <message>\n        <source>A sentence no longer in the code</source>\n'
             '        <translation>Uma frase que já não existe</translation>\n    </message>\n'
             '    <message>\n        <source>Connect</source>\n'
             '        <translation type="unfinished">Conectar</translation>\n    </message>\n</context>\n')
    ts.write_text(text.replace("<context>", extra + "<context>", 1).replace(
        "<source>Connect</source>\n        <translation>Conectar</translation>", "<source>Connect</source>\n"
        "        <translation type=\"unfinished\">Conectar</translation>"), encoding="utf-8")
    tool.update_file(ts)
    bad = {src for _, src, _, unfinished in _messages(ts) if unfinished}
    assert bad == {"A sentence no longer in the code", "Connect"}
    assert len(list(_messages(ts))) == len(list(_messages(BRAZIL))) + 1  # nothing untranslated added
    shutil.copy(BRAZIL, ts)
    tool.update_file(ts)
    assert ts.read_text(encoding="utf-8") == BRAZIL.read_text(encoding="utf-8")  # make translations: no change


def test_brazilian_lessons_fall_back_to_the_european_then_the_english(tmp_path):
    for path in lesson_files()[:3]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "pt").mkdir()
    (tmp_path / "pt_BR").mkdir()
    first, second = (p.name for p in lesson_files()[:2])
    shutil.copy(LESSONS_DIR / "pt" / first, tmp_path / "pt" / first)
    shutil.copy(LESSONS_DIR / "pt" / second, tmp_path / "pt" / second)
    brazil_first = (LESSONS_DIR / "pt" / first).read_text(encoding="utf-8").replace(
        "Durante as próximas", "No Brasil. Durante as próximas", 1)
    (tmp_path / "pt_BR" / first).write_text(brazil_first, encoding="utf-8")
    brazil, portugal, english = (load_lessons(tmp_path, lang) for lang in ("pt_BR", "pt", "en"))
    assert "No Brasil." in brazil[0].body_md and "No Brasil." not in portugal[0].body_md
    assert brazil[1] == portugal[1] != english[1]  # no Brazilian file: the European one
    assert brazil[2] == english[2]  # in neither: English


def test_language_menu_offers_both_portugueses(make_window):
    window = make_window()
    names = {code: action.text() for code, action in window.language_actions.items()}
    assert names["pt_BR"] == "Português (Brasil)" and names["pt"] == "Português (Portugal)"
    window.language_actions["pt_BR"].trigger()
    assert window.settings.language == "pt_BR"


def test_shipped_brazilian_lessons_keep_the_sources_and_differ_from_the_european_ones():
    from biofeedback.core.practice.lessons import MAX_WORDS

    english, portugal, brazil = (load_lessons(language=lang) for lang in ("en", "pt", "pt_BR"))
    files = lesson_files(language="pt_BR")
    assert {p.parent.name for p in files} <= {"pt_BR", "pt"}  # none fell through to English
    for path, en, pt, br in zip(files, english, portugal, brazil, strict=True):
        assert br.sources == en.sources and br.words <= MAX_WORDS
        assert (br.body_md != pt.body_md) == (path.parent.name == "pt_BR"), path  # a file only where it differs
    assert "tela" in brazil[0].body_md and "ecrã" in portugal[0].body_md
    assert "não é um dispositivo médico" in brazil[0].body_md


def test_the_lesson_viewer_in_a_brazilian_window_reads_the_brazilian_file(make_window, restore_language):
    i18n.install_language(restore_language, "pt_BR")
    window = make_window()
    viewer = window.learn.open(1)
    assert viewer is not None
    html = viewer.text.toMarkdown()
    assert "na tela" in html and "no ecrã" not in html and "### Fontes" in html
    viewer.close()
