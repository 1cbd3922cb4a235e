"""Spanish and Portuguese: every marked string has a finished translation, the shipped .qm match the
.ts, the main window shows no text that escaped translation, and a language shows with its numbers."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pseudo_locale import MARK, escaped, install_pseudo
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from biofeedback import NOT_A_MEDICAL_DEVICE
from biofeedback.resources import TRANSLATIONS_DIR
from biofeedback.ui import i18n
from biofeedback.ui.language_menu import NATIVE_NAMES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations as tool  # noqa: E402  (tools/translations.py: the same lupdate/lrelease calls as make translations)

LANGS = list(i18n.LANGUAGES)  # English's file: the plural forms only
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")
ACCELERATOR = re.compile(r"&(?=[^\s&])(?![a-z]+;)")  # "&Help" (Alt+H), not "McCraty & Childre" nor "&amp;"


def _messages(ts: Path):
    """(context, source, [translations], unfinished) for each message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms)
            yield name, message.findtext("source"), forms, unfinished



@pytest.mark.parametrize("lang", LANGS)
def test_ts_file_has_no_unfinished_entry_for_any_marked_string(lang, tmp_path):
    """lupdate over biofeedback/ui into a copy of the .ts: a string marked since (new, changed) comes
    in unfinished and fails here, as does an entry nobody translated."""
    ts = tmp_path / f"biofeedback_{lang}.ts"
    shutil.copy(TRANSLATIONS_DIR / ts.name, ts)
    tool.update_file(ts)  # a regional file (pt_BR) takes no new entries: they fall through to its base
    unfinished = [f"{ctx}: {src!r}" for ctx, src, _, bad in _messages(ts) if bad]
    assert unfinished == [], f"{len(unfinished)} unfinished in {lang} (make translations, then translate):\n" + \
        "\n".join(unfinished)
    assert len(list(_messages(ts))) > (1 if lang == "en" else 100 if lang in i18n.BASE_OF else 200)


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_placeholders_and_one_accelerator(lang):
    for ctx, src, forms, _ in _messages(TRANSLATIONS_DIR / f"biofeedback_{lang}.ts"):
        for text in forms:
            assert sorted(set(PLACEHOLDER.findall(text))) == sorted(set(PLACEHOLDER.findall(src))), (ctx, src, text)
            assert len(ACCELERATOR.findall(text)) == len(ACCELERATOR.findall(src)), (ctx, src, text)


def test_shipped_qm_files_are_built_from_the_ts_files(tmp_path):
    for qm in tool.release(tmp_path):
        assert qm.read_bytes() == (TRANSLATIONS_DIR / qm.name).read_bytes(), f"{qm.name} stale: make translations"


def test_disclaimer_as_lupdate_sees_it_is_the_package_one():
    assert i18n._DISCLAIMER == NOT_A_MEDICAL_DEVICE


def test_source_choice_words_are_the_app_ones():
    from biofeedback.app.settings import SIM_SHAPE_NAMES
    from biofeedback.app.sources import ARTIFACT_LEVELS
    from biofeedback.ui.source_panel import CHOICE_WORDS

    assert set(CHOICE_WORDS) == set(ARTIFACT_LEVELS) | set(SIM_SHAPE_NAMES)


def test_language_setting_overrides_the_system_locale():
    mexico, portugal, france = QLocale("es_MX"), QLocale("pt_PT"), QLocale("fr_FR")
    assert i18n.chosen_language("", mexico) == "es"
    assert i18n.chosen_language("", portugal) == "pt"
    assert i18n.chosen_language("", QLocale("pt_BR")) == "pt_BR"  # Brazil's file over the European one
    assert i18n.chosen_language("", QLocale("pt_AO")) == "pt"
    assert i18n.chosen_language("", france) == "en"  # no French file: the source text
    assert i18n.chosen_language("en", mexico) == "en"
    assert i18n.chosen_language("pt", mexico) == "pt"


def test_no_visible_text_in_the_main_window_escapes_translation(qtbot, make_window, restore_language):
    """Under a pseudo-locale every translated string carries a mark; any label, button, box item,
    tooltip, menu or title without it was never passed through translation."""
    restore_language._pseudo = [install_pseudo(restore_language)]
    window = make_window()
    qtbot.wait(300)  # the frame has run: the session clock and the status were written again
    assert MARK in window.ui.start.text()
    native = {f"QAction: {name!r}" for _, name in NATIVE_NAMES}  # each language named in itself, on purpose
    assert [t for t in escaped(window) if t not in native] == []
    assert escaped(window.ui.presentation_bar) == []  # hidden until F11


@pytest.mark.parametrize(("lang", "start", "disclaimer", "decimal"), [
    ("es", "Iniciar sesión", "no un dispositivo médico", ","),
    ("pt", "Iniciar sessão", "não um dispositivo médico", ","),
])
def test_window_in_spanish_and_portuguese(make_window, restore_language, lang, start, disclaimer, decimal):
    assert i18n.install_language(restore_language, lang) == lang
    window = make_window()
    assert window.ui.start.text() == start
    assert disclaimer in window.ui.disclaimer.text()
    window.ui.numbers.show_values(61.0, 42.0, 1.55, 7.3)
    assert window.ui.numbers.coherence.value.text() == f"1{decimal}55"
    assert window.ui.numbers.swing.value.text() == f"7{decimal}3"
    assert "&" in window.menuBar().actions()[0].text()
    # plural forms: one session, two sessions (English's in test_english_plural_forms)
    assert i18n.Plural.tr("{done} of %n session(s)", "", 1).format(done=0).endswith("1 " + start.split()[1])
    assert i18n.Plural.tr("{done} of %n session(s)", "", 2).format(done=0).endswith("es")


def test_english_plural_forms():
    """The tests' app has the English catalog installed as the app does (tests/ui/conftest.py)."""
    assert i18n.Plural.tr("{done} of %n session(s)", "", 1).format(done=0) == "0 of 1 session"
    assert i18n.Plural.tr("{done} of %n session(s)", "", 3).format(done=2) == "2 of 3 sessions"


def test_summary_peer_words_are_the_core_ones():
    from biofeedback.core.practice.session_kind import PEERS
    from biofeedback.ui.summary_view import PEER_WORDS

    assert set(PEER_WORDS) == set(PEERS.values())


def test_no_visible_text_in_the_check_in_and_the_summary_escapes_translation(qtbot, restore_language):
    """The reading sentence too: core picks its case, the window writes it (ui/summary_words.py)."""
    from test_summary_view import sine_session

    from biofeedback.ui.checkin_dialog import CheckInDialog
    from biofeedback.ui.summary_view import SessionSummaryDialog

    restore_language._pseudo = [install_pseudo(restore_language)]
    checkin = CheckInDialog("after")
    summary = SessionSummaryDialog(sine_session())
    for dialog in (checkin, summary):
        qtbot.addWidget(dialog)
        dialog.show()
    assert escaped(checkin) == []
    assert escaped(summary) == []


def test_help_in_spanish_and_portuguese_with_the_numbers_in_their_form(restore_language):
    from biofeedback import config
    from biofeedback.ui.help import HELP_HTML, help_html

    high = f"{config.COHERENCE_LEVELS[1]:g}"
    i18n.install_language(restore_language, "es")
    spanish = help_html()
    assert "<h3>Anillo de coherencia</h3>" in spanish and f"<b>alto</b> desde {high.replace('.', ',')}" in spanish
    assert "no un dispositivo médico" in spanish and "<b>Espacio</b>" in spanish
    i18n.install_language(restore_language, "pt")
    assert "<h3>Anel de coerência</h3>" in help_html()
    i18n.install_language(restore_language, "en")
    assert help_html() == HELP_HTML and f"<b>high</b> from {high}" in HELP_HTML


def test_no_visible_text_on_the_wizard_intro_escapes_translation_and_spanish_lists_rates(qtbot, restore_language):
    from biofeedback.app.live_session import LiveSession
    from biofeedback.ui.resonance_wizard import ResonanceWizard

    restore_language._pseudo = [install_pseudo(restore_language)]
    live = LiveSession()
    wizard = ResonanceWizard(live=live)
    qtbot.addWidget(wizard)
    wizard.show()
    assert escaped(wizard) == []
    wizard.close()
    restore_language.removeTranslator(restore_language._pseudo.pop())
    i18n.install_language(restore_language, "es")
    spanish = ResonanceWizard(live=live)
    qtbot.addWidget(spanish)
    intro = " ".join(label.text() for label in spanish.findChildren(QLabel))
    assert "6,5; 6; 5,5; 5; 4,5 respiraciones por minuto" in intro  # a decimal comma: rates split by ";"
    live.shutdown()


def test_view_language_keeps_the_choice_for_the_next_start(make_window, config_dir):
    from biofeedback.app.settings import load_settings

    window = make_window()
    assert window.language_actions[""].isChecked()  # the system's language by default
    window.language_actions["pt"].trigger()
    assert window.settings.language == "pt"
    assert "Português" in window.ui.status.notice.full_text and "next start" in window.ui.status.notice.full_text
    window.close()
    assert load_settings(config_dir)[0].language == "pt"


@pytest.mark.parametrize(("lang", "close"), [("es", "Cerrar"), ("pt", "Fechar")])
def test_qt_own_buttons_follow_the_language(restore_language, lang, close):
    from PySide6.QtWidgets import QDialogButtonBox

    i18n.install_language(restore_language, lang)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert box.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "") == close


def test_history_column_words_are_the_io_ones():
    from biofeedback.io.session_format import HISTORY_COLUMNS
    from biofeedback.ui.history_view import COLUMN_WORDS

    assert COLUMN_WORDS == HISTORY_COLUMNS


def test_breathing_caption_is_the_models_text_in_english_and_translated_in_spanish(restore_language):
    from types import SimpleNamespace

    from biofeedback import config
    from biofeedback.app.live_model import LiveModel
    from biofeedback.ui.window_frame import breathing_caption

    sure = SimpleNamespace(breathing=SimpleNamespace(latest=SimpleNamespace(rate_bpm=5.84,
                                                                            quality=config.RESP_MIN_QUALITY)))
    unsure = SimpleNamespace(breathing=SimpleNamespace(latest=None))
    for model, guide in ((sure, 5.5), (sure, None), (unsure, 6.0), (unsure, None)):
        assert breathing_caption(model, guide) == LiveModel.breathing_text(model, guide)  # type: ignore[arg-type]
    i18n.install_language(restore_language, "es")
    assert breathing_caption(sure, 5.5) == "tú: 5,8 /min · guía: 5,5 /min"


def test_no_literal_text_is_marked_inside_an_f_string_where_lupdate_cannot_see_it():
    """pyside6-lupdate skips the expressions of an f-string: translate("Plots", "text") written there is never
    collected, so it stays English in every language while the unfinished-entry test stays green."""
    inside = re.compile(r"""\bf(["']).*\{\s*(translate|Plural\.tr)\(\s*["'][^"']*["']\s*,\s*["']""")
    found = [f"{path.relative_to(ROOT)}:{k}" for path in sorted((ROOT / "biofeedback" / "ui").rglob("*.py"))
             for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if inside.search(line)]
    assert found == []
