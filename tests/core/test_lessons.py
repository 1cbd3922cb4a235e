"""The lesson files: each parses, names its sources, fits a screen or two; one a day for 14 days; shipped."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from biofeedback.core.practice.lessons import (
    LESSON_DAYS,
    MAX_WORDS,
    LessonError,
    format_days,
    lesson_day,
    parse_days,
    parse_lesson,
)
from biofeedback.io.lessons import lesson_files, load_lessons
from biofeedback.resources import LESSONS_DIR

ROOT = Path(__file__).resolve().parents[2]
# each source as a published work: authors, (year), title, venue
CITATION = re.compile(r"^[A-Z][^()]+ \((19|20)\d\d\)\. .+\. .+")


@pytest.mark.parametrize("path", lesson_files(), ids=lambda p: p.name)
def test_each_lesson_parses_and_names_its_sources(path):
    lesson = parse_lesson(path.read_text(encoding="utf-8"), path.name)
    assert lesson.title and lesson.body_md
    assert lesson.sources and all(CITATION.match(s) for s in lesson.sources), lesson.sources
    assert 120 <= lesson.words <= MAX_WORDS  # a screen or two
    assert path.name.startswith(f"{lesson.day:02d}-")


def test_one_lesson_a_day_for_two_weeks_and_the_evidence_is_stated_honestly():
    lessons = load_lessons()
    assert [lesson.day for lesson in lessons] == list(range(1, LESSON_DAYS + 1))
    text = {lesson.day: lesson.markdown() for lesson in lessons}
    # the topics the practice needs, each in its own lesson
    for day, words in {3: ("baroreflex", "resonance"), 5: ("slow, not deep",), 6: ("over-breathing",),
                       7: ("HR swing",), 8: ("RMSSD",), 9: ("coherence",), 11: ("protect",),
                       12: ("neuroplasticity",), 13: ("small to moderate",)}.items():
        assert all(w.lower() in text[day].lower() for w in words), (day, words)
    assert "not a medical device" in text[1] and "not a treatment" in text[1]
    assert "Lehrer P, Kaur K" in text[13] and "45(3):109" in text[13]  # the meta-analysis behind "small to moderate"


def test_the_lessons_are_package_data():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    line = next(ln for ln in pyproject.splitlines() if ln.startswith('"biofeedback.resources"'))
    assert '"lessons/*.md"' in line and LESSONS_DIR == ROOT / "biofeedback" / "resources" / "lessons"


def test_todays_lesson_follows_the_first_use_date():
    first = date(2026, 12, 7)
    assert lesson_day(first, first) == 1
    assert lesson_day(first, first + timedelta(days=13)) == LESSON_DAYS
    assert lesson_day(first, first + timedelta(days=14)) is None
    assert lesson_day(first, first - timedelta(days=1)) is None and lesson_day(None, first) is None


@pytest.mark.parametrize("text, said", [
    ("day: 1\ntitle: x\n---\nbody\n## Sources\n- A (2000). T. J.", "must start with a header"),
    ("---\nday: 15\ntitle: x\n---\nbody\n## Sources\n- A (2000). T. J.", "'day' must be a number from 1 to 14"),
    ("---\nday: 2\n---\nbody\n## Sources\n- A (2000). T. J.", "no title"),
    ("---\nday: 2\ntitle: x\n---\nbody without sources", "every lesson names its sources"),
    ("---\nday: 2\ntitle: x\n---\nbody\n## Sources\nnone listed", "lists no source"),
])
def test_a_bad_lesson_file_is_named_and_said(text, said):
    with pytest.raises(LessonError, match=re.escape(said)) as err:
        parse_lesson(text, "07-x.md")
    assert str(err.value).startswith("07-x.md: ")


def test_two_files_for_one_day_are_refused(tmp_path):
    for name in ("01-a.md", "01-b.md"):
        (tmp_path / name).write_text("---\nday: 1\ntitle: t\n---\nbody\n## Sources\n- A (2000). T. J.\n")
    with pytest.raises(LessonError, match="both day 1"):
        load_lessons(tmp_path)


def test_lessons_read_are_kept_as_days_and_a_bad_value_is_refused():
    from biofeedback.app.settings import Settings

    assert parse_days(" 3,1, 3") == {1, 3} and format_days({3, 1}) == "1,3" and parse_days("") == set()
    assert parse_days("1,15") is None and parse_days("one") is None
    s, problems = Settings.checked({"lessons_read": "1,2,99", "first_use_date": "2026-12-07"})
    assert s.lessons_read == "" and s.first_use_date == "2026-12-07"
    assert problems == ['lessons_read "1,2,99" (allowed lesson days separated by commas, such as 1,2,3)']
