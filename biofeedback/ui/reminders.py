"""Practice reminders on the desktop: a system-tray notification where there is a tray, else the status line.

The rules and the clock are app/reminders.py's; this polls them on a timer
and shows what comes due. Entries in the Learn menu: the settings dialog
(on/off, times, snooze length), snooze and "not today". Reminders come only
while the app is open (it may sit minimised); the dialog says so, and says
where they will appear on this desktop.
"""

from __future__ import annotations

import time
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSpinBox,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from biofeedback.app.reminders import (
    PracticeReminders,
    PracticeToday,
    ReminderNote,
    no_practice,
    practice_today,
)
from biofeedback.app.settings import LIMITS
from biofeedback.core.practice.reminders import ForgivingStreak
from biofeedback.io.clock import Clock
from biofeedback.ui.i18n import Plural, translate
from biofeedback.ui.notice_words import notice_words
from biofeedback.ui.practice_words import day_month_year, forgiven_words, next_step_words

POLL_MS = 20_000  # how often the timer asks whether a reminder is due (a reminder is at most this late)
TRAY_MESSAGE_MS = 15_000  # how long the desktop shows the notification
DIALOG_WIDTH_PX = 560


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


def where_reminders_appear() -> str:
    if tray_available():
        return translate("Reminders", "Reminders appear as desktop notifications from the system tray while "
                         "biofeedback is open (it can sit minimised).")
    platform = QGuiApplication.platformName() or translate("Reminders", "this desktop")
    return translate("Reminders", "This desktop has no system tray (Qt platform '{platform}'), so reminders appear "
                     "in this window's status line while biofeedback is open.").format(platform=platform)


def when(at: datetime | None, now: datetime) -> str:
    if at is None:
        return translate("Reminders", "none")
    day = (translate("Reminders", "today") if at.date() == now.date() else
           translate("Reminders", "tomorrow") if (at.date() - now.date()).days == 1 else day_month_year(at.date()))
    return f"{day} {at:%H:%M}"


def streak_words(streak: ForgivingStreak) -> str:
    """``streak.describe()`` in the window's language (equal to it in English)."""
    if streak.days == 0:
        return translate("Reminders", "No streak yet: today can be day 1")
    text = Plural.tr("%n day(s) of practice", "", streak.days) + forgiven_words(streak.forgiven)  # type: ignore[arg-type]
    return text + ("" if streak.practised_today else translate("Reminders", "; today is still open"))



def snooze_text(minutes: int) -> str:
    return translate("Reminders", "Snooze the reminder ({minutes} min)").format(minutes=minutes)

class ReminderUi(QObject):
    """Polls the reminders, shows them, and offers snooze / not today / settings in ``menu``."""

    def __init__(self, window: QMainWindow, menu: QMenu, clock: Clock = time.time) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings  # type: ignore[attr-defined]
        self.reminders = PracticeReminders(self.settings, clock, self._practice)
        self.last: ReminderNote | None = None
        self.shown_in = ""  # "tray" or "status line": where the last reminder went
        self.tray: QSystemTrayIcon | None = None

        menu.addSeparator()
        self.settings_action = QAction(translate("Reminders", "Practice reminders…"), window)
        self.settings_action.triggered.connect(lambda _=False: self.open_dialog())
        self.snooze_action = QAction(snooze_text(self.settings.reminder_snooze_minutes), window)
        self.snooze_action.triggered.connect(lambda _=False: self.snooze())
        self.not_today_action = QAction(translate("Reminders", "No more reminders today"), window)
        self.not_today_action.triggered.connect(lambda _=False: self.not_today())
        for action in (self.settings_action, self.snooze_action, self.not_today_action):
            menu.addAction(action)
        self._answered()
        self.dialog: ReminderDialog | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.timer.start(POLL_MS)

    def _practice(self, day: date) -> PracticeToday:
        """Today's practice from the session store once it is attached (nothing practised before that)."""
        integration = getattr(self.window, "store_integration", None)
        library = getattr(integration, "library", None)
        if library is None or not library.available:
            return no_practice(self.settings)(day)
        try:
            return practice_today(library.list_sessions(), library.resonance_assessments(), self.settings, day)
        except Exception:  # noqa: BLE001 (a store that cannot be read must not stop a reminder)
            return no_practice(self.settings)(day)

    def poll(self) -> ReminderNote | None:
        note = self.reminders.poll()
        if note is not None:
            self.show(note)
        return note

    def note_words(self, note: ReminderNote) -> tuple[str, str]:
        """The note's title and text in the window's language: app/reminders.py writes "{next step}
        {streak}." in English; both parts are written again here from the same step and streak."""
        streak = self.reminders.streak()
        tail = f" {streak.describe()}."
        title = translate("Reminders", "Time to practise") if note.title == "Time to practise" else note.title
        if not note.text.endswith(tail):
            return title, note.text
        return title, f"{next_step_words(note.text[:-len(tail)])} {streak_words(streak)}."

    def show(self, note: ReminderNote) -> None:
        self.last = note
        title, text = self.note_words(note)
        self.snooze_action.setEnabled(True)
        self.not_today_action.setEnabled(True)
        if tray_available():
            tray = self._tray()
            tray.show()
            tray.showMessage(title, text + " " + translate("Reminders", "Snooze or stop from the tray icon's menu."),
                             QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS)
            self.shown_in = "tray"
        else:
            self.window.show_notice(f"{title}: {text} "  # type: ignore[attr-defined]
                                    + translate("Reminders", "(Learn menu: snooze, or no more today)"))
            self.shown_in = "status line"

    def _tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.window.windowIcon(), self)
            self.tray.setToolTip(translate("Reminders", "biofeedback: practice reminders"))
            tray_menu = QMenu(self.window)
            tray_menu.addAction(translate("Reminders", "Open biofeedback"), self._bring_window)
            tray_menu.addAction(self.snooze_action)
            tray_menu.addAction(self.not_today_action)
            tray_menu.addAction(translate("Reminders", "Turn reminders off"), lambda: self.set_enabled(False))
            self.tray.setContextMenu(tray_menu)
            self.tray.messageClicked.connect(self._bring_window)
        return self.tray

    def _bring_window(self) -> None:
        self.window.showNormal() if self.window.isMinimized() else self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def _answered(self) -> None:
        self.snooze_action.setEnabled(False)
        self.not_today_action.setEnabled(self.settings.reminders_enabled)

    def snooze(self) -> datetime:
        until = self.reminders.snooze()
        self._answered()
        self.window.show_notice(translate("Reminders", "Reminder snoozed until {time}.").format(  # type: ignore[attr-defined]
            time=f"{until:%H:%M}"))
        return until

    def not_today(self) -> None:
        self.reminders.not_today()
        self._answered()
        self.not_today_action.setEnabled(False)
        self.window.show_notice(translate("Reminders", "No more reminders today; they come back tomorrow as set."))  # type: ignore[attr-defined]

    def set_enabled(self, on: bool) -> None:
        self.reminders.set_enabled(on)
        self._answered()
        if not on and self.tray is not None:
            self.tray.hide()
        self.window.save()  # type: ignore[attr-defined]

    def open_dialog(self) -> ReminderDialog:
        self.dialog = ReminderDialog(self, parent=self.window)
        self.dialog.show()
        return self.dialog


class ReminderDialog(QDialog):
    """On/off, the times, the snooze length; where reminders appear; the next one and the streak."""

    def __init__(self, ui: ReminderUi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        s = ui.settings
        self.setWindowTitle(translate("Reminders", "Practice reminders"))
        self.enabled = QCheckBox(translate("Reminders", "Remind me to practise"))
        self.enabled.setChecked(s.reminders_enabled)
        self.times = QLineEdit(s.reminder_times)
        self.times.setAccessibleName(translate("Reminders", "Reminder times"))
        self.times.setPlaceholderText("08:30, 18:00")
        self.snooze = QSpinBox()
        lo, hi = LIMITS["reminder_snooze_minutes"]
        self.snooze.setRange(int(lo), int(hi))
        self.snooze.setValue(s.reminder_snooze_minutes)
        self.snooze.setSuffix(" min")
        self.snooze.setAccessibleName(translate("Reminders", "Snooze length"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #d9534f")
        self.error.setWordWrap(True)
        self.error.hide()  # shown with a bad time only
        now = ui.reminders.now()
        self.where = QLabel(where_reminders_appear())
        self.rules = QLabel(translate("Reminders", "Each time reminds once; none comes once today's practice is done, "
                                      "and none more than an hour late."))
        self.info = QLabel(translate("Reminders", "Next reminder: <b>{when}</b>.").format(
            when=when(ui.reminders.next_time(), now)) + f" {streak_words(ui.reminders.streak())}.")
        for label in (self.where, self.rules, self.info):
            label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.enabled)
        times_label = QLabel(translate("Reminders", "&Times (HH:MM, commas)"))
        times_label.setBuddy(self.times)
        form.addRow(times_label, self.times)
        snooze_label = QLabel(translate("Reminders", "&Snooze for"))
        snooze_label.setBuddy(self.snooze)
        form.addRow(snooze_label, self.snooze)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        for label in (self.where, self.rules, self.info):
            layout.addWidget(label)
        layout.addWidget(buttons)
        self.setMinimumWidth(DIALOG_WIDTH_PX)

    def apply(self) -> bool:
        """Take the boxes (a bad time is said and nothing changes), save the settings, close."""
        r = self.ui.reminders
        try:
            r.set_times(self.times.text())
        except ValueError as exc:
            self.error.setText(notice_words(str(exc)))
            self.error.show()
            return False
        self.ui.settings.reminder_snooze_minutes = self.snooze.value()
        self.ui.snooze_action.setText(snooze_text(self.snooze.value()))
        self.ui.set_enabled(self.enabled.isChecked())
        self.accept()
        return True


def install_reminders(window: QMainWindow, menu: QMenu, clock: Clock = time.time) -> ReminderUi:
    """Reminders for ``window`` with their entries in ``menu`` (the Learn menu)."""
    return ReminderUi(window, menu, clock)
