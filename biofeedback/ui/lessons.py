"""The short lessons: a viewer (the list of days beside the lesson's text) and the Learn menu.

Today's lesson is the day since the first use (settings ``first_use_date``,
set the first time the window opens): day 1 on the first day, day 14 at the
end of the second week; afterwards every lesson stays readable.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from biofeedback.core.practice.lessons import (
    LESSON_DAYS,
    SOURCES_HEADING,
    Lesson,
    format_days,
    lesson_day,
    parse_days,
)
from biofeedback.io import lessons as lesson_files
from biofeedback.ui.i18n import current_language, translate

LESSON_TEXT_PT = 12  # the lesson's body text: read for minutes, larger than the controls
VIEWER_SIZE_PX = (980, 640)  # fits a 1366x768 screen with its title bar and a panel


def first_use(settings) -> date | None:
    try:
        return date.fromisoformat(settings.first_use_date) if settings.first_use_date else None
    except ValueError:
        return None


class LessonViewer(QDialog):
    """Every lesson by day on the left, the chosen one on the right; Previous / Next walk the days."""

    def __init__(self, lessons: list[Lesson], today_day: int | None, day: int | None = None,
                 parent: QWidget | None = None, read: set[int] | None = None,
                 on_read: Callable[[int], None] | None = None) -> None:
        super().__init__(parent)
        self.lessons = lessons
        self.today_day = today_day
        self.read = set(read or ())  # days opened before or now: ticked in the list
        self.on_read = on_read
        self.day = 0  # the day shown
        self.setWindowTitle(translate("Learn", "Lessons — breathing, heart rhythm and pain, in plain words"))
        self.list = QListWidget()
        self.list.setAccessibleName(translate("Learn", "Lessons by day"))
        for lesson in lessons:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, lesson.day)
            if lesson.day == today_day:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self._label_items()
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setMaximumWidth(330)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName(translate("Learn", "Lesson text"))
        font = QFont(self.text.font())
        font.setPointSizeF(LESSON_TEXT_PT)
        self.text.setFont(font)
        self.heading = QLabel()
        self.previous = QPushButton(translate("Learn", "← Previous"))
        self.next = QPushButton(translate("Learn", "Next →"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.previous, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.next, QDialogButtonBox.ButtonRole.ActionRole)
        self.previous.clicked.connect(lambda: self.show_day(self.day - 1))
        self.next.clicked.connect(lambda: self.show_day(self.day + 1))
        self.list.currentRowChanged.connect(lambda row: self.show_day(self.lessons[row].day) if row >= 0 else None)

        panes = QHBoxLayout()
        panes.addWidget(self.list)
        panes.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(panes, 1)
        layout.addWidget(buttons)
        self.show_day(day or today_day or (lessons[0].day if lessons else 1))
        self.resize(*VIEWER_SIZE_PX)

    def lesson(self, day: int) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.day == day), None)

    def show_day(self, day: int) -> None:
        lesson = self.lesson(day)
        if lesson is None or day == self.day:
            return
        self.day = day
        # the files keep "## Sources" as their format's marker; the reader sees the heading in the window's language
        sources = translate("Learn", "Sources")
        self.text.setMarkdown(lesson.markdown().replace(f"#{SOURCES_HEADING}\n", f"### {sources}\n"))
        heading = (translate("Learn", "Lesson {day} of {days} (today's lesson): a few minutes to read. "
                             "Each lesson names its sources at the end.") if day == self.today_day else
                   translate("Learn", "Lesson {day} of {days}: a few minutes to read. "
                             "Each lesson names its sources at the end."))
        self.heading.setText(heading.format(day=day, days=LESSON_DAYS))
        row = self.lessons.index(lesson)
        if self.list.currentRow() != row:
            self.list.setCurrentRow(row)
        self.previous.setEnabled(row > 0)
        self.next.setEnabled(row < len(self.lessons) - 1)
        if day not in self.read:
            self.read.add(day)
            self._label_items()
            if self.on_read is not None:
                self.on_read(day)

    def _label_items(self) -> None:
        """Each day's line: ✓ once opened, "· today" on today's."""
        for row, lesson in enumerate(self.lessons):
            item = self.list.item(row)
            tick = "✓ " if lesson.day in self.read else ""
            mark = translate("Learn", "  · today") if lesson.day == self.today_day else ""
            item.setText(tick + translate("Learn", "Day {day}: {title}").format(day=lesson.day, title=lesson.title)
                         + mark)


class LearnMenu:
    """The Learn menu (before Help): today's lesson, all lessons; the viewer opened from it."""

    def __init__(self, window: QMainWindow, today: Callable[[], date] = date.today) -> None:
        self.window = window
        self.today = today
        settings = window.settings  # type: ignore[attr-defined]
        if first_use(settings) is None:  # the first time the window opens: lesson 1 is today's
            settings.first_use_date = today().isoformat()
        self.settings = settings
        self.menu = QMenu(translate("Learn", "&Learn"), window.menuBar())
        help_menu = next((a for a in window.menuBar().actions() if a.text().replace("&", "")
                          == translate("Menus", "&Help").replace("&", "")), None)
        if help_menu is not None:
            window.menuBar().insertMenu(help_menu, self.menu)
        else:
            window.menuBar().addMenu(self.menu)
        self.today_action = QAction(translate("Learn", "Today's lesson"), window)
        self.today_action.triggered.connect(lambda _=False: self.open_today())
        self.all_action = QAction(translate("Learn", "All lessons…"), window)
        self.all_action.triggered.connect(lambda _=False: self.open())
        self.menu.addAction(self.today_action)
        self.menu.addAction(self.all_action)
        self.menu.aboutToShow.connect(self._update_today)
        self.viewer: LessonViewer | None = None
        self._update_today()

    def add_to(self, menu: QMenu) -> None:
        """Today's lesson in another menu too (the plan's), its text kept current there as well."""
        menu.addSeparator()
        menu.addAction(self.today_action)
        menu.aboutToShow.connect(self._update_today)

    def today_day(self) -> int | None:
        return lesson_day(first_use(self.settings), self.today())

    def read_days(self) -> set[int]:
        return parse_days(self.settings.lessons_read) or set()

    def today_is_new(self) -> bool:
        """Today's lesson exists and was not opened yet (what a "today" panel may point to)."""
        day = self.today_day()
        return day is not None and day not in self.read_days()

    def _mark_read(self, day: int) -> None:
        self.settings.lessons_read = format_days(self.read_days() | {day})
        self._update_today()

    def _update_today(self) -> None:
        day = self.today_day()
        text = (translate("Learn", "Today's lesson (day {day} of {days}, new)") if day and self.today_is_new() else
                translate("Learn", "Today's lesson (day {day} of {days})") if day else
                translate("Learn", "Today's lesson (the two weeks are over: all stay under All lessons)"))
        self.today_action.setText(text.format(day=day, days=LESSON_DAYS))
        self.today_action.setEnabled(day is not None)

    def open_today(self) -> LessonViewer | None:
        """The viewer on today's lesson (what the plan's "today" points to)."""
        return self.open(self.today_day())

    def open(self, day: int | None = None) -> LessonViewer | None:
        """The viewer on ``day`` (today's, else the first); a viewer already open is brought forward.
        None when the lesson files cannot be read (said in the status line)."""
        if self.viewer is not None and self.viewer.isVisible():
            self.viewer.show_day(day or self.viewer.day)
        else:
            try:
                lessons = lesson_files.load_lessons(language=current_language())
            except (OSError, ValueError) as error:  # LessonError is a ValueError: a damaged installation
                self.window.show_notice(translate("Learn", "The lessons could not be read: {error}").format(error=error))  # type: ignore[attr-defined]
                return None
            self.viewer = LessonViewer(lessons, self.today_day(), day, parent=self.window, read=self.read_days(),
                                       on_read=self._mark_read)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()
        return self.viewer


def install_learn(window: QMainWindow) -> LearnMenu:
    """Add the Learn menu to ``window`` (after its Tools, before Help)."""
    return LearnMenu(window)
