"""The window's language: a Qt translator chosen from the system locale or the ``language`` setting.

Text is marked with ``translate(context, text)`` (this module's, or ``QCoreApplication.translate``)
and an explicit context, never ``self.tr``: PySide6 looks ``tr`` up under the runtime class's
name, so a subclass would miss every string its base class marked. ``pyside6-lupdate`` finds
the calls by that name (tools/translations.py); ``{named}`` placeholders are filled after
translation, and counts use ``n`` with ``%n`` so each language picks its own plural form.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

from biofeedback.resources import TRANSLATIONS_DIR

LANGUAGES = ("en", "es", "pt", "pt_BR")  # English is the source text; its file has only the plural forms
# A regional file holds only the entries where the region differs; the rest falls through to its base
# language's file (Brazil's to the European Portuguese one), and lessons do the same (io/lessons.py).
BASE_OF = {"pt_BR": "pt"}
CATALOG = "biofeedback"  # biofeedback_<lang>.qm in TRANSLATIONS_DIR
_installed = {"language": "en"}  # what install_language chose last: files in a language (lessons) follow it


def translate(context: str, text: object, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the installed language. ``object`` because QT_TRANSLATE_NOOP's marked constants are
    typed so; they are the source strings themselves."""
    return QCoreApplication.translate(context, str(text), disambiguation, n)


class Plural(QObject):
    """Counted text: ``Plural.tr("%n session(s)", "", n)``. pyside6-lupdate marks plural forms only on
    ``tr`` calls, and files them under the name before ``.tr``; this class is never subclassed, so the
    context at run time is the same "Plural"."""


def chosen_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting when it names one, else the system locale's if we have it."""
    if setting in LANGUAGES:
        return setting
    name = (system or QLocale.system()).name()  # "pt_BR", "pt_PT", "es_MX"
    if name in LANGUAGES:
        return name
    base = name.split("_")[0]
    return base if base in LANGUAGES else "en"


def current_language() -> str:
    """The language installed last ("en" before any): the lessons' files are chosen by it."""
    return _installed["language"]


def catalog_path(language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / f"{CATALOG}_{language}.qm"


def install_language(app: QCoreApplication, setting: str = "") -> str:
    """Install our translator and Qt's own (its dialogs' buttons) for the chosen language, and make
    that language's QLocale the default so numbers and dates follow it; returns the language."""
    language = chosen_language(setting)
    for old in getattr(app, "_biofeedback_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    # the base file first, then the regional one: Qt asks the translator installed last first, so an
    # entry the regional file lacks is found in the base one. English too: its file holds the plural forms
    for name in filter(None, (BASE_OF.get(language), language)):
        ours = QTranslator(app)
        if ours.load(str(catalog_path(name))):
            app.installTranslator(ours)
            installed.append(ours)
    if language != "en":
        qt_own = QTranslator(app)
        # Qt's own buttons (Close, Cancel): qtbase_es, qtbase_pt_BR; the locale's variants are tried in turn
        wanted = QLocale.system() if QLocale.system().name().startswith(language) else QLocale(language)
        if qt_own.load(wanted, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or \
                qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            installed.append(qt_own)
    app._biofeedback_translators = installed  # type: ignore[attr-defined]  # kept alive with the app
    _installed["language"] = language
    system = QLocale.system()
    same = system.name() == language if language in BASE_OF else system.language() == QLocale(language).language()
    if language == "en" or same:
        QLocale.setDefault(system)  # the system's own region (es_MX, pt_PT): its separators and dates
    else:
        QLocale.setDefault(QLocale(language))
    return language


def number(value: float, decimals: int = 0) -> str:
    """``value`` with the current locale's decimal separator (1,5 in Spanish and Portuguese). Rounded by
    Python's format, as the CLI and the exports round, so a number on screen equals the exported one."""
    return f"{float(value):.{decimals}f}".replace(".", QLocale().decimalPoint())


# biofeedback.NOT_A_MEDICAL_DEVICE as lupdate sees it (the CLI prints the English one; a test keeps both equal)
_DISCLAIMER = QT_TRANSLATE_NOOP(
    "Disclaimer",
    "biofeedback is a relaxation and self-observation tool, not a medical device. "
    "It does not diagnose, treat or prevent any condition; consult a health "
    "professional about your health.")


def not_a_medical_device() -> str:
    """The disclaimer in the window's language (the meaning exact: a relaxation tool, not a medical device)."""
    return translate("Disclaimer", _DISCLAIMER)


_LEVELS = (QT_TRANSLATE_NOOP("Coherence", "low"), QT_TRANSLATE_NOOP("Coherence", "medium"),
           QT_TRANSLATE_NOOP("Coherence", "high"))


def level_name(level: int) -> str:
    """The coherence level's word (core's LEVEL_NAMES order: low, medium, high) in the window's language."""
    return translate("Coherence", _LEVELS[level])


def rate_text(value: float) -> str:
    """A breathing rate as the app writes it (``:g``: 6.5, 5), with the locale's decimal separator."""
    return f"{float(value):g}".replace(".", QLocale().decimalPoint())


def rate_list(values) -> str:
    """Rates in a list: "6.5, 6, 5.5"; "6,5; 6; 5,5" where the comma is the decimal separator."""
    return ("; " if QLocale().decimalPoint() == "," else ", ").join(rate_text(v) for v in values)


def localized(text: str) -> str:
    """A number Python formatted ("1,234.5") with the locale's separators ("1.234,5" in Spanish)."""
    locale = QLocale()
    decimal, group = locale.decimalPoint(), locale.groupSeparator()
    if decimal == "." and group == ",":
        return text
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def bpm() -> str:
    """The beats-per-minute unit as the language writes it (lpm in Spanish)."""
    return translate("Units", "bpm")


@contextmanager
def language_for_a_while(app: QCoreApplication, setting: str) -> Iterator[str]:
    """``install_language`` for the block, then the application's language before it again.

    A command run inside a process whose application already shows a language (the tests run
    ``export`` in their own process) paints in the command's language without changing the
    application's for what comes after.
    """
    translators = list(getattr(app, "_biofeedback_translators", []))
    language, locale = _installed["language"], QLocale()
    try:
        yield install_language(app, setting)
    finally:
        for ours in getattr(app, "_biofeedback_translators", []):
            app.removeTranslator(ours)
        for old in translators:
            app.installTranslator(old)
        app._biofeedback_translators = translators  # type: ignore[attr-defined]
        _installed["language"] = language
        QLocale.setDefault(locale)
