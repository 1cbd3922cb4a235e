"""Notices and errors app/ and io/ write in English, written by the window in its language
(ui/notice_words.py): each template equals the sentence its producer writes, English passes through
unchanged, and the real sentences (a damaged settings file, a bad reminder time, a store that will not
begin a session, a serial port that does not exist or is busy) reach the window translated, their
details (file names, OS errors, port names) kept."""

from __future__ import annotations

import os
import sqlite3

import pytest

from biofeedback.app import audio_output, live_session, session_library, settings, sources
from biofeedback.app.settings import load_settings
from biofeedback.core.practice.reminders import parse_times
from biofeedback.io import port_errors, serial_source
from biofeedback.io.ble_source import _WHAT_TO_DO
from biofeedback.io.ports import MISSING_DRIVER_HINTS
from biofeedback.io.serial_source import PortError, SerialSource, open_port
from biofeedback.io.source import FAILED, SourceState
from biofeedback.io.store import errors as store_errors
from biofeedback.io.store import opening, schema, session_store, writer
from biofeedback.io.store.session_store import SessionStore
from biofeedback.ui import i18n
from biofeedback.ui.notice_words import TEMPLATES, notice_words


def test_every_template_is_the_sentence_its_producer_writes():
    produced = {live_session.NOT_FULLY_SAVED, live_session.COULD_NOT_START, session_library.NOT_SAVING,
                session_library.EXPORT_FAILED, sources.SERIAL_UNAVAILABLE, sources.SERIAL_LIST_FAILED,
                sources.NO_STRAP, audio_output.INSTALL_LIBPULSE, audio_output.NO_SOUND_SERVER,
                *_WHAT_TO_DO.values(), *MISSING_DRIVER_HINTS.values(),
                port_errors.NO_PERMISSION, port_errors.NO_PERMISSION_YET, port_errors.NOT_IN_GROUP,
                port_errors.BUSY_MODEMMANAGER, port_errors.BUSY_HELD_BY, port_errors.BUSY_LINUX, port_errors.BUSY,
                port_errors.NO_SUCH_PORT, port_errors.NOTHING_LISTENING, port_errors.CANNOT_OPEN,
                serial_source.OPENING, serial_source.LOST, serial_source.TRYING_AGAIN, serial_source.OTHER_DEVICE,
                serial_source.NOT_RECOGNISED, serial_source.NOTHING_RECEIVED,
                settings.NOT_TRUE_OR_FALSE, settings.NOT_A_NUMBER, settings.NOT_TEXT, settings.OUT_OF_RANGE,
                settings.NOT_FINITE, settings.NOT_A_CHOICE, settings.NOT_A_DATE, settings.NOT_LESSON_DAYS,
                settings.NOT_TIMES, settings.LONG_NUMBER, session_library.THIS_NOT_SAVED,
                store_errors.BUSY, store_errors.FULL, store_errors.READ_ONLY, store_errors.DAMAGED,
                store_errors.DISK_ERROR, store_errors.CANNOT_OPEN, store_errors.FAILED, *opening.IN_USE.values(),
                *opening.MOVED_ASIDE.values(), opening.FOLDER_NOT_CREATED, opening.READ_ONLY_EMPTY,
                opening.READ_ONLY_FOLDER, schema.NEWER, session_store.CANNOT_SAVE_READ_ONLY, writer.NOT_SAVING,
                *store_errors.SHORT_REASONS.values()}
    assert produced <= set(TEMPLATES), produced - set(TEMPLATES)


def _settings_notices(tmp_path) -> list[str]:
    (tmp_path / "unreadable").mkdir()
    (tmp_path / "unreadable" / "settings.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "invalid").mkdir()
    (tmp_path / "invalid" / "settings.json").write_text('{"theme": "purple"}', encoding="utf-8")
    notices = [load_settings(tmp_path / name)[1] for name in ("unreadable", "invalid")]
    assert all(notices)
    return notices  # type: ignore[return-value]


def _reminder_errors() -> list[str]:
    errors = []
    for text in ("25:00", ", ".join(f"{h:02d}:00" for h in range(24))):
        with pytest.raises(ValueError) as caught:
            parse_times(text)
        errors.append(str(caught.value))
    return errors


def test_english_notices_pass_through_unchanged(tmp_path):
    for text in [*_settings_notices(tmp_path), *_reminder_errors(), "Anything else at all: (x)"]:
        assert notice_words(text) == text


@pytest.mark.parametrize(("lang", "unreadable", "kept", "invalid", "time"), [
    ("es", "No se pudo leer su archivo de ajustes", "El archivo ilegible se conservó como settings",
     "Algunos ajustes no se pudieron usar", "'25:00' no es una hora del día"),
    ("pt", "Não foi possível ler o seu ficheiro de definições", "O ficheiro ilegível ficou guardado como settings",
     "Algumas definições não puderam ser usadas", "'25:00' não é uma hora do dia"),
    ("pt_BR", "Não foi possível ler seu arquivo de configurações", "O arquivo ilegível foi mantido como settings",
     "Algumas configurações não puderam ser usadas", "'25:00' não é um horário"),
])
def test_settings_and_reminder_sentences_in_the_window_language(tmp_path, restore_language, lang, unreadable, kept,
                                                                invalid, time):
    unreadable_notice, invalid_notice = _settings_notices(tmp_path)
    i18n.install_language(restore_language, lang)
    said = notice_words(unreadable_notice)
    assert said.startswith(unreadable) and kept in said  # the sentence inside translated too
    assert "JSONDecodeError" in said and "could not" not in said and "kept as" not in said
    said = notice_words(invalid_notice)
    assert said.startswith(invalid) and "theme" in said and "The others are kept" not in said
    assert "settings.invalid" in said or "settings" in said.split(invalid)[1]
    bad_time, too_many = (notice_words(e) for e in _reminder_errors())
    assert bad_time.startswith(time) and "24" in too_many and "reminder times" not in too_many


def test_the_window_shows_a_store_that_cannot_begin_a_session_in_brazilian(make_window, restore_language):
    i18n.install_language(restore_language, "pt_BR")
    window = make_window()

    def refuse():
        raise OSError(28, "No space left on device")

    window.live.set_recorder_factory(refuse)
    window.live.start_session()
    assert window.ui.status.notice.full_text == \
        "Não foi possível iniciar a sessão: [Errno 28] No space left on device"  # the European entry, shared
    window.show_notice(session_library.NOT_SAVING.format(error="the store is newer than this app"))
    assert window.ui.status.notice.full_text == "As sessões não estão sendo salvas: the store is newer than this app"


def test_a_serial_listing_failure_is_said_in_the_window_language(monkeypatch, restore_language):
    import biofeedback.io.serial_source as serial_source

    def broken():
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(serial_source, "list_ports", broken)
    ports, error = sources.list_port_choices()
    assert ports == [] and error == "Could not list serial ports: [Errno 5] Input/output error"
    i18n.install_language(restore_language, "es")
    assert notice_words(error) == "No se pudieron listar los puertos serie: [Errno 5] Input/output error"


# every reason a value is refused, each from the real check; the last two are read as they arrive
BAD_VALUES = ('{"reminders_enabled": "yes", "session_minutes": "x", "language": 5, "pacer_rate_bpm": 99, '
              '"sim_speed": NaN, "theme": "purple", "plan_start": "2026-13-01", "lessons_read": "a,b", '
              '"reminder_times": "25:00", "plan_weeks": 1' + "0" * 400 + '}')


def test_every_refused_setting_is_said_in_the_window_language(tmp_path, restore_language):
    (tmp_path / "settings.json").write_text(BAD_VALUES, encoding="utf-8")
    notice = load_settings(tmp_path)[1]
    assert notice is not None and notice.count("; ") == 9
    for lang, expected in (("es", "se esperaba"), ("pt_BR", "era esperado")):
        i18n.install_language(restore_language, lang)
        said = notice_words(notice)
        problems = said.split(": ", 1)[1].split(". ")[0].split("; ")
        assert len(problems) == 10 and all("permitido: " in p or expected in p for p in problems), problems
        assert not any(english in said for english in ("expected", "allowed", "digits", "such as", "at most"))
        assert '"purple" (permitido: dark, light)' in said and "pacer_rate_bpm 99 (permitido: de 3 a 10)" in said
    assert "plan_weeks (um número de 401 dígitos)" in said and "no máximo 6)" in said


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="ptys are POSIX")
def test_a_busy_serial_port_is_said_in_spanish(pty_path, restore_language):
    held = open_port(pty_path, 115200)  # exclusive: a second open finds it locked, as another program's would
    try:
        with pytest.raises(PortError) as caught:
            open_port(pty_path, 115200)
    finally:
        held.close()
    i18n.install_language(restore_language, "es")
    said = notice_words(str(caught.value))
    assert said.startswith(f"{pty_path} está en uso por otro programa") and "retry" not in said


def test_the_window_says_in_brazilian_that_a_serial_port_does_not_exist(make_window, qtbot, restore_language):
    i18n.install_language(restore_language, "pt_BR")
    window = make_window()
    missing = "/dev/ttyNOSUCH0"
    window.connect_to(SerialSource(missing))
    qtbot.waitUntil(lambda: window.ui.status.state == FAILED, timeout=5000)
    assert window.ui.status.connection.full_text.endswith(
        f"Não há nenhuma porta serial chamada {missing}. Confira o nome com `biofeedback ports`.")
    window.ui.status.show_state(SourceState("disconnected", serial_source.LOST.format(port=missing)))
    assert window.ui.status.connection.full_text.endswith(
        f"Conexão com {missing} perdida: o cabo está conectado? Tentando de novo…")


def test_the_stores_sentences_are_said_in_the_window_language(tmp_path, restore_language):
    damaged = tmp_path / "sessions.sqlite"
    damaged.write_bytes(b"not a database at all, " * 100)
    store = SessionStore(damaged)  # kept aside, a fresh one started: the notice the window shows at opening
    store.close()
    newer = tmp_path / "newer" / "sessions.sqlite"
    newer.parent.mkdir()
    with sqlite3.connect(newer) as con:
        con.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    with pytest.raises(store_errors.NewerSchemaError) as caught:
        SessionStore(newer)
    said_by_sqlite = [store_errors.explain(sqlite3.OperationalError(text), damaged) for text in (
        "database is locked", "database or disk is full", "attempt to write a readonly database", "disk I/O error")]
    notices = [store.notice, session_library.NOT_SAVING.format(error=caught.value), *said_by_sqlite]
    i18n.install_language(restore_language, "pt_BR")
    said = [notice_words(notice) for notice in notices]  # type: ignore[arg-type]
    assert said[0].startswith(f"O arquivo de sessões {damaged} ") and "foi mantido como sessions." in said[0]
    assert said[1].startswith("As sessões não estão sendo salvas: O arquivo de sessões") and "esquema" in said[1]
    assert [s.split(str(damaged))[1][:12] for s in said[2:]] == [
        " está ocupad", " está cheio;", " é somente l", " (um erro de"]
    i18n.install_language(restore_language, "es")
    assert notice_words(notices[3]) == (f"El disco que contiene el almacén de sesiones {damaged} está lleno; "
                                        "libere espacio y pruebe de nuevo.")


def test_the_window_says_in_spanish_that_a_full_disk_stops_the_saving(make_window, tmp_path, restore_language):
    from biofeedback.ui.store_integration import install_session_store

    i18n.install_language(restore_language, "es")
    window = make_window()
    integration = install_session_store(window, SessionStore(tmp_path / "s.db"), checkins=False)
    full = store_errors.short_reason(sqlite3.OperationalError("database or disk is full"))  # SQLite's words
    integration.library.writer_status.emit(writer.NOT_SAVING.format(reason=full))  # as the writer reports it
    assert window.ui.status.notice.full_text == "Sesión sin guardar (disco lleno): no se pierde nada mientras dure."


def test_a_device_no_protocol_recognises_is_said_in_the_window_language(restore_language):
    notice = serial_source.NOT_RECOGNISED.format(port="/dev/ttyUSB0", tried="115200 baud for 2.0 s", total_s="2.0",
                                                 what=serial_source.NOTHING_RECEIVED)
    i18n.install_language(restore_language, "es")
    said = notice_words(notice)
    assert said.startswith("No se pudo reconocer el dispositivo en /dev/ttyUSB0.") and "nada en absoluto" in said
    i18n.install_language(restore_language, "pt_BR")  # shared with Portugal: Brazil's file falls through to pt
    said = notice_words(notice)
    assert said.startswith("Não foi possível reconhecer o dispositivo em /dev/ttyUSB0.") and "manualmente" in said
