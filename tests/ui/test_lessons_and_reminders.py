"""The Learn menu on the real window, offscreen on a real Qt loop: today's lesson from the first-use date in
the viewer, walked with Next; practice reminders at the set time on a virtual clock, shown in the status line
where there is no system tray (offscreen), snoozed, turned off in the dialog (saved to the settings file)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from a11y import unnamed_controls
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from biofeedback.app.settings import Settings, load_settings
from biofeedback.io.clock import ManualClock
from biofeedback.ui.reminders import POLL_MS


def menu_titles(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_todays_lesson_opens_from_the_learn_menu(make_window, qtbot):
    first = date.today() - timedelta(days=2)
    window = make_window(Settings(first_run_notice_seen=True, first_use_date=first.isoformat()))
    assert menu_titles(window)[-2:] == ["Learn", "Help"]
    assert window.learn.today_action in window.practice.menu.actions()  # from the plan's menu too
    assert window.learn.today_action.text() == "Today's lesson (day 3 of 14, new)" and window.learn.today_is_new()
    window.learn.today_action.trigger()
    viewer = window.learn.viewer
    qtbot.waitExposed(viewer)
    assert viewer.day == 3 and viewer.list.currentRow() == 2
    assert "(today's lesson)" in viewer.heading.text()
    shown = viewer.text.toPlainText()
    assert "Resonance" in shown and "baroreflex" in shown and "Sources" in shown and "Vaschillo" in shown
    qtbot.mouseClick(viewer.next, Qt.MouseButton.LeftButton)
    assert viewer.day == 4 and "Finding your own rate" in viewer.text.toPlainText()
    # opened lessons are ticked, kept in the settings, and today's is no longer "new"
    assert window.settings.lessons_read == "3,4" and not window.learn.today_is_new()
    assert viewer.list.item(2).text() == "✓ Day 3: Resonance: why slow breathing makes big waves  · today"
    assert viewer.list.item(4).text().startswith("Day 5: ")
    window.learn.menu.aboutToShow.emit()
    assert window.learn.today_action.text() == "Today's lesson (day 3 of 14)"
    assert unnamed_controls(viewer) == []
    assert viewer.width() <= 1366 and viewer.height() <= 700  # fits a laptop screen


def test_the_first_window_sets_the_first_use_date_and_all_lessons_stay_after_two_weeks(make_window):
    window = make_window(Settings(first_run_notice_seen=True))
    assert window.settings.first_use_date == date.today().isoformat()
    assert window.learn.today_day() == 1
    window.settings.first_use_date = (date.today() - timedelta(days=20)).isoformat()
    window.learn._update_today()
    assert not window.learn.today_action.isEnabled()
    viewer = window.learn.open()
    assert viewer.day == 1 and viewer.list.count() == 14


def test_a_reminder_comes_at_the_set_time_in_the_status_line_then_snooze_and_off(make_window, qtbot, config_dir):
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray, so the status line says it
    today = date.today()
    clock = ManualClock(datetime(today.year, today.month, today.day, 8, 29).timestamp())
    window = make_window(Settings(first_run_notice_seen=True, reminders_enabled=True, reminder_times="08:30",
                                  plan_kind="short-daily"))
    ui = window.reminders
    ui.reminders.clock = clock
    assert ui.timer.isActive() and ui.timer.interval() == POLL_MS
    assert ui.poll() is None
    clock.advance(60.0)
    ui.timer.setInterval(1)  # the window's own timer fires it, on the real loop
    qtbot.waitUntil(lambda: ui.last is not None, timeout=2000)
    assert ui.shown_in == "status line"
    notice = window.ui.status.notice
    said = notice.toolTip() or notice.text()
    assert said.startswith("Time to practise: Session 1 of 3 today: 5 min (15 min left today).") and \
        "No streak yet" in said and "Learn menu: snooze" in said
    assert ui.snooze_action.isEnabled()
    until = ui.snooze()
    assert until == datetime(today.year, today.month, today.day, 8, 40) and not ui.snooze_action.isEnabled()
    ui.last = None
    clock.advance(11 * 60.0)
    qtbot.waitUntil(lambda: ui.last is not None, timeout=2000)
    assert ui.last.snoozed
    dialog = ui.open_dialog()
    qtbot.waitExposed(dialog)
    assert "no system tray (Qt platform 'offscreen')" in dialog.where.text()
    assert "Next reminder: <b>tomorrow 08:30</b>" in dialog.info.text()
    assert unnamed_controls(dialog) == []
    dialog.times.setText("8h")
    assert not dialog.apply() and "'8h' is not a time of day" in dialog.error.text()
    dialog.times.setText("09:15, 17:45")
    dialog.enabled.setChecked(False)
    window.save_enabled = True
    assert dialog.apply()
    saved, notice = load_settings()
    assert notice is None and saved.reminders_enabled is False and saved.reminder_times == "09:15, 17:45"
    ui.last = None
    clock.advance(24 * 3600.0)
    qtbot.wait(50)
    assert ui.last is None and ui.reminders.next_time() is None


def test_where_there_is_a_tray_the_reminder_is_a_tray_notification_with_snooze_in_its_menu(make_window, qtbot,
                                                                                           monkeypatch):
    from biofeedback.ui import reminders as ui_reminders

    monkeypatch.setattr(ui_reminders, "tray_available", lambda: True)  # offscreen has none: the desktop's answer
    today = date.today()
    clock = ManualClock(datetime(today.year, today.month, today.day, 18, 0).timestamp())
    window = make_window(Settings(first_run_notice_seen=True, reminders_enabled=True, reminder_times="18:00"))
    ui = window.reminders
    ui.reminders.clock = clock
    note = ui.poll()
    assert note is not None and ui.shown_in == "tray" and ui.tray is not None and ui.tray.isVisible()
    entries = [a.text() for a in ui.tray.contextMenu().actions()]
    assert entries == ["Open biofeedback", "Snooze the reminder (10 min)", "No more reminders today",
                       "Turn reminders off"]
    assert ui_reminders.where_reminders_appear().startswith("Reminders appear as desktop notifications")
    ui.tray.contextMenu().actions()[-1].trigger()
    assert not window.settings.reminders_enabled and not ui.tray.isVisible()


def test_a_damaged_lesson_file_is_said_in_the_status_line_not_a_crash(make_window, tmp_path, monkeypatch):
    from biofeedback.io import lessons as lesson_files

    (tmp_path / "03-x.md").write_text("---\nday: 3\ntitle: t\n---\nno sources here\n", encoding="utf-8")
    monkeypatch.setattr(lesson_files, "LESSONS_DIR", tmp_path)
    window = make_window()
    assert window.learn.open_today() is None
    said = window.ui.status.notice.toolTip() or window.ui.status.notice.text()
    assert said.startswith("The lessons could not be read: 03-x.md: no '## Sources' section")
