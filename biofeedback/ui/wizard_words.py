"""The resonance assessment's reasons and breathing note in the window's language.

Core writes why a block was not used, why no rate came out and how heart rate was timed in English
(``core.resonance.scoring``, ``core.resonance.assessment.breathing_reference_note``), for the CLI and the
saved result. Each sentence is built from a few fixed templates; here each is matched to its template,
its parts written through the translator (a part that is itself a template is translated in turn) and
its numbers in the locale's form. A sentence no template knows is shown as it came.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from biofeedback.ui.i18n import localized, translate

NUMBER_NAMES = {"rate", "bpm", "pct", "max", "n", "k", "usable", "needed", "s"}  # placeholders that hold a number

# core's templates, with {named} parts as core fills them (a test formats each and checks the match)
TEMPLATES = (
    # scoring.score_block: why one block is not used
    QT_TRANSLATE_NOOP("Assessment", "{pct} % of beats were corrected (more than {max} %)"),
    QT_TRANSLATE_NOOP("Assessment", "too few beats in this block"),
    QT_TRANSLATE_NOOP("Assessment", "breathing (read from the pulse) was {bpm} /min, not at the pacer's {rate} /min"),
    QT_TRANSLATE_NOOP("Assessment", "heart rate oscillated at {bpm} /min, not at the pacer's {rate} /min"),
    QT_TRANSLATE_NOOP("Assessment", "no clear heart-rate oscillation with the breath (explains {pct} % of the "
                                    "variation)"),
    QT_TRANSLATE_NOOP("Assessment", "only {n} complete breaths"),
    # scoring.rank_rates and _summary: why no rate came out
    QT_TRANSLATE_NOOP("Assessment", "only {usable} of {n} rates gave a usable block (at least {needed} are needed)"),
    QT_TRANSLATE_NOOP("Assessment", "in {k} of {n} blocks heart rate did not rise and fall with the pacer: {cause}"),
    QT_TRANSLATE_NOOP("Assessment", "the breathing read from the pulse did not follow it"),
    QT_TRANSLATE_NOOP("Assessment", "the breathing may not have followed it"),
    QT_TRANSLATE_NOOP("Assessment", "too noisy: in {k} of {n} blocks more than {max} % of beats had to be corrected "
                                    "(movement or a loose sensor)"),
    QT_TRANSLATE_NOOP("Assessment", "{k} of {n} blocks had too few beats or breaths to score"),
    QT_TRANSLATE_NOOP("Assessment", "{rate} /min: {reason}"),
    # assessment.breathing_reference_note
    QT_TRANSLATE_NOOP("Assessment", "Heart rate was timed against the breathing signal given with the beats."),
    QT_TRANSLATE_NOOP("Assessment", "Heart rate was timed against the guide: your breathing could not be read from "
                                    "the pulse wave."),
    QT_TRANSLATE_NOOP("Assessment", "Read from {read}, you breathed {where}{some}; heart rate was timed against your "
                                    "breathing, not the guide."),
    QT_TRANSLATE_NOOP("Assessment", "the chest strap's movement"),
    QT_TRANSLATE_NOOP("Assessment", "your pulse"),
    QT_TRANSLATE_NOOP("Assessment", "about {s} s behind the guide"),
    QT_TRANSLATE_NOOP("Assessment", "about {s} s ahead of the guide"),
    QT_TRANSLATE_NOOP("Assessment", "in time with the guide"),
    QT_TRANSLATE_NOOP("Assessment", " (in {k} of {n} blocks)"),
)


def _pattern(template: str) -> re.Pattern[str]:
    def part(m: re.Match[str]) -> str:
        if m[1] == "some":  # the note's optional "(in 3 of 5 blocks)", right after {where}
            return r"(?P<some>(?: \(in \d+ of \d+ blocks\))?)"
        return rf"(?P<{m[1]}>[-+]?\d+(?:\.\d+)?)" if m[1] in NUMBER_NAMES else rf"(?P<{m[1]}>.*?)"

    return re.compile("^" + re.sub(r"\\\{(\w+)\\\}", part, re.escape(template)) + "$")


_PATTERNS = [(str(t), _pattern(str(t))) for t in TEMPLATES]


def assessment_words(text: str) -> str:
    """Core's sentence in the window's language (equal to it in English)."""
    if not text:
        return text
    for template, pattern in _PATTERNS:
        found = pattern.match(text)
        if found is not None:
            values = {name: localized(v) if name in NUMBER_NAMES else assessment_words(v)
                      for name, v in found.groupdict().items()}
            return translate("Assessment", template).format(**values)
    return text
