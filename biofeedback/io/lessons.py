"""The lesson files shipped in the package (biofeedback/resources/lessons), read and checked.

English files sit in the folder itself; a translation sits in ``<language>/`` under the same file
name (lessons/es/03-resonance.md). A regional folder (``pt_BR/``) holds only the days whose wording
differs from its base language's (``pt/``). A day without a file of its own is read in the base
language, then in English, so a lesson still missing in one language never leaves a hole in the two weeks.
"""

from __future__ import annotations

from pathlib import Path

from biofeedback.core.practice.lessons import Lesson, check_days, parse_lesson
from biofeedback.resources import LESSONS_DIR


def lesson_files(directory: Path | None = None, language: str = "en") -> list[Path]:
    """One file a day: the ``language`` one where it exists, else its base language's ("pt" for
    "pt_BR"), else the English one."""
    base = directory or LESSONS_DIR
    folders = [base / name for name in dict.fromkeys((language, language.split("_")[0])) if name != "en"]
    return [next((f / p.name for f in folders if (f / p.name).is_file()), p) for p in sorted(base.glob("*.md"))]


def load_lessons(directory: Path | None = None, language: str = "en") -> list[Lesson]:
    """Every lesson, by day, in ``language`` where translated; LessonError (a ValueError) names a file
    that does not parse."""
    return check_days(parse_lesson(p.read_text(encoding="utf-8"), p.name)
                      for p in lesson_files(directory, language))
