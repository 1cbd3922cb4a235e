"""The lesson files shipped in the package (biofeedback/resources/lessons), read and checked."""

from __future__ import annotations

from pathlib import Path

from biofeedback.core.practice.lessons import Lesson, check_days, parse_lesson
from biofeedback.resources import LESSONS_DIR


def lesson_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or LESSONS_DIR).glob("*.md"))


def load_lessons(directory: Path | None = None) -> list[Lesson]:
    """Every lesson, by day; LessonError (a ValueError) names a file that does not parse."""
    return check_days(parse_lesson(p.read_text(encoding="utf-8"), p.name) for p in lesson_files(directory))
