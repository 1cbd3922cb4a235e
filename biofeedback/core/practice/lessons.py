"""Short lessons for the first two weeks: the file format, and which lesson is today's.

Pure: text in, a ``Lesson`` out (reading the files is io/lessons.py). A lesson
file is plain Markdown with a small header, so a translator edits only words:

    ---
    day: 3
    title: Why your own rate matters
    ---
    The lesson in plain words (Markdown: paragraphs, **bold**, lists).

    ## Sources
    - Author A, Author B (year). Title. Journal volume:pages.

The header names the day (1..LESSON_DAYS) and the title; the "## Sources"
section is required and holds one source per "- " line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

LESSON_DAYS = 14  # one lesson a day in the first two weeks
SOURCES_HEADING = "## Sources"
MAX_WORDS = 600  # "a screen or two": a lesson over this is two lessons


class LessonError(ValueError):
    """A lesson file that does not follow the format, said in one sentence naming the file."""


@dataclass(frozen=True)
class Lesson:
    day: int
    title: str
    body_md: str  # without the sources
    sources: tuple[str, ...]
    name: str = ""  # the file it came from

    @property
    def words(self) -> int:
        return len(self.body_md.split())

    def markdown(self) -> str:
        """The whole lesson as Markdown, title and sources included (what the viewer shows)."""
        sources = "\n".join(f"- {s}" for s in self.sources)
        return f"## {self.title}\n\n{self.body_md}\n\n#{SOURCES_HEADING}\n\n{sources}\n"


def parse_lesson(text: str, name: str = "lesson") -> Lesson:
    """A lesson from its file's text; LessonError says what is missing."""
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---" or "---" not in (ln.strip() for ln in lines[1:]):
        raise LessonError(f"{name}: the file must start with a header between two '---' lines.")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    header: dict[str, str] = {}
    for ln in lines[1:end]:
        key, sep, value = ln.partition(":")
        if ln.strip() and not sep:
            raise LessonError(f"{name}: header line {ln.strip()!r} is not 'key: value'.")
        if sep:
            header[key.strip().lower()] = value.strip()
    day_text, title = header.get("day", ""), header.get("title", "")
    if not day_text.isdigit() or not 1 <= int(day_text) <= LESSON_DAYS:
        raise LessonError(f"{name}: 'day' must be a number from 1 to {LESSON_DAYS}, not {day_text!r}.")
    if not title:
        raise LessonError(f"{name}: the header has no title.")
    rest = "\n".join(lines[end + 1:])
    body, sep, sources_text = rest.partition(SOURCES_HEADING)
    if not sep:
        raise LessonError(f"{name}: no '{SOURCES_HEADING}' section: every lesson names its sources.")
    sources = tuple(ln.strip()[2:].strip() for ln in sources_text.split("\n") if ln.strip().startswith("- "))
    if not sources:
        raise LessonError(f"{name}: the sources section lists no source ('- ' lines).")
    body = body.strip()
    if not body:
        raise LessonError(f"{name}: the lesson has no text.")
    return Lesson(int(day_text), title, body, sources, name)


def check_days(lessons: Iterable[Lesson]) -> list[Lesson]:
    """The lessons sorted by day; LessonError when a day is missing or taken twice."""
    by_day: dict[int, Lesson] = {}
    for lesson in lessons:
        if lesson.day in by_day:
            raise LessonError(f"{lesson.name} and {by_day[lesson.day].name} are both day {lesson.day}.")
        by_day[lesson.day] = lesson
    return [by_day[d] for d in sorted(by_day)]


def parse_days(text: str) -> set[int] | None:
    """Lesson days written "1,2,3" (the settings' lessons read); None when that is not what the text holds."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not all(p.isdigit() and 1 <= int(p) <= LESSON_DAYS for p in parts):
        return None
    return {int(p) for p in parts}


def format_days(days: Iterable[int]) -> str:
    return ",".join(str(d) for d in sorted(set(days)))


def lesson_day(first_use: date | None, today: date) -> int | None:
    """Today's lesson, 1 on the first day of use to LESSON_DAYS; None before or after the two weeks."""
    if first_use is None:
        return None
    day = (today - first_use).days + 1
    return day if 1 <= day <= LESSON_DAYS else None
