"""The practice plan in the window: the first-run path on a new settings file and store, today's dose and
the next step in the main window (updated after a session), and the weekly review over four weeks."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
from a11y import unnamed_controls
from progress_store import PLAN_SETTINGS, PLAN_START, build
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizard

from biofeedback.app.settings import Settings, load_settings
from biofeedback.io.store import STORE_FILENAME, SessionStore
from biofeedback.ui.store_integration import install_session_store

WEEK5_MONDAY = date(2026, 11, 30)  # the store's last session is on Fri 27 Nov; its assessment on 2 Nov


def test_first_run_on_a_new_settings_file_reads_connects_and_ends_with_a_plan(make_window, qtbot, tmp_path,
                                                                            config_dir):
    window = make_window(Settings())
    install_session_store(window, SessionStore(tmp_path / "s.db"), checkins=False)  # a new, empty store
    window.show_first_run_notice_if_needed()
    wizard = window.first_run
    assert wizard.isVisible() and not wizard.isModal()  # the main window stays usable behind it
    text = wizard.browser.toPlainText()
    assert "What it is." in text and "not a medical device" in text and "no diagnosis" in text
    wizard.next()
    assert wizard.currentPage().title() == "Connect a sensor"
    assert not wizard.session_button.isEnabled()
    qtbot.mouseClick(wizard.simulated_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.live.connected, timeout=5000)
    assert "Connected" in wizard.connection.text()
    wizard.next()
    assert wizard.currentPage().title() == "A first session: 2 minutes" and wizard.session_button.isEnabled()
    qtbot.mouseClick(wizard.session_button, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible() and window.live.session.running  # it steps aside during the session
    assert window.ui.duration.currentData() == 2
    window.toggle_session()  # stopped early
    qtbot.waitUntil(wizard.isVisible, timeout=3000)
    assert wizard.session_note.text() == "Session stopped early: you can start another."
    wizard.next()
    assert "resonance rate" in wizard.currentPage().title()
    said = " ".join(label.text() for label in wizard.currentPage().findChildren(QLabel))
    assert "The assessment (about 10 minutes)" in said  # 5 rates x 2 min (core.resonance AssessmentPlan)
    wizard.next()
    chooser = wizard.chooser
    assert chooser.kind() == "none"
    assert unnamed_controls(wizard) == []
    chooser.buttons["short-daily"].click()
    assert "Short daily: 3 × 5 min a day" in chooser.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    saved = load_settings(config_dir)[0]
    assert saved.first_run_notice_seen and saved.plan_kind == "short-daily"
    assert saved.plan_start == date.today().isoformat()
    assert window.store_integration.library.plan.kind == "short-daily"  # what the store glue compares with
    qtbot.waitUntil(lambda: window.practice.shown.known, timeout=3000)
    assert window.practice.panel.dose.text() == "<b>Today 0 of 15 min · 0 of 3 sessions · 15 min left</b>"
    assert window.practice.panel.step.text() == "Next: Session 1 of 3 today: 5 min (15 min left today)."
    window.show_first_run_notice_if_needed()  # seen: not again
    assert window.first_run is wizard


def test_closing_the_first_run_early_marks_it_seen_and_keeps_no_plan(make_window, config_dir):
    window = make_window(Settings())
    window.show_first_run_notice_if_needed()
    window.first_run.reject()
    saved = load_settings(config_dir)[0]
    assert saved.first_run_notice_seen and saved.plan_kind == "none"
    assert window.practice.menu.title() == "&Practice"  # Getting started… is there to come back
    assert window.practice.first_run_action.text() == "Getting started…"


def test_a_window_polls_for_todays_practice_only_once_a_store_is_installed(make_window, qtbot, tmp_path):
    """Without a store (a test's, the GUI benchmark's window) no timer wakes the window every 200 ms."""
    window = make_window(Settings(first_run_notice_seen=True))
    assert not window.practice.attach_timer.isActive() and not window.practice.shown.known
    install_session_store(window, SessionStore(tmp_path / "s.db"), checkins=False)
    assert window.practice.attach_timer.isActive()
    qtbot.waitUntil(lambda: window.practice.shown.known, timeout=3000)
    assert not window.practice.attach_timer.isActive()  # read: it stops asking


def test_todays_dose_goes_up_after_a_session_on_a_sensor(make_window, qtbot, tmp_path):
    from qt_test_sources import PhysiologySource

    today = date.today()
    settings = Settings(first_run_notice_seen=True, plan_kind="custom", plan_sessions_per_day=2,
                        plan_minutes_per_session=5, plan_start=today.isoformat())
    window = make_window(settings)
    integration = install_session_store(window, SessionStore(tmp_path / "s.db"), checkins=False)
    integration.show_summaries = False
    qtbot.waitUntil(lambda: window.practice.shown.known, timeout=3000)
    panel = window.practice.panel
    assert panel.dose.text() == "<b>Today 0 of 10 min · 0 of 2 sessions · 10 min left</b>"
    window.connect_to(PhysiologySource(speed=120.0))  # two minutes of beats a second
    qtbot.waitUntil(lambda: window.model.clock_offset_s is not None, timeout=5000)
    window.toggle_session()
    qtbot.waitUntil(lambda: window.session.running, timeout=5000)
    qtbot.waitUntil(lambda: window.session.n_beats >= 180, timeout=20000)  # over 2 minutes at 65 /min
    with qtbot.waitSignal(integration.saved, timeout=10000):
        window.toggle_session()
    qtbot.waitUntil(lambda: window.practice.shown.dose.sessions_done == 1, timeout=3000)
    dose = window.practice.shown.dose
    assert 2.0 <= dose.done_minutes <= 5.0
    assert panel.dose.text() == (f"<b>Today {dose.done_minutes:.0f} of 10 min · 1 of 2 sessions · "
                                 f"{dose.left_minutes:.0f} min left</b>")
    assert panel.step.text().startswith("Next: Session 2 of 2 today: 5 min")


def test_the_review_after_the_plan_shows_its_weeks_and_offers_a_new_assessment(make_window, qtbot, tmp_path,
                                                                              config_dir):
    build(tmp_path / "data")
    settings = Settings.from_dict({"first_run_notice_seen": True, **PLAN_SETTINGS})
    window = make_window(settings)
    window.practice.today = lambda: WEEK5_MONDAY
    install_session_store(window, SessionStore(tmp_path / "data" / STORE_FILENAME), checkins=False)
    qtbot.waitUntil(lambda: window.practice.shown.known, timeout=3000)
    panel = window.practice.panel
    assert panel.dose.text() == "<b>Today 0 min practised · outside your plan's weeks</b>"  # 4 weeks from 2 Nov
    assert panel.next_words == "Next: Your plan is complete: review your weeks, then choose what comes next."
    assert panel.step.text().endswith(' <a href="review">Open the review…</a>')
    panel.step.linkActivated.emit("review")  # what a click on the link sends
    review = window.practice.review
    assert review.isVisible()
    table = review.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert [r[0] for r in rows] == [f"{d} (plan week {k})" for k, d in
                                    enumerate(("2 Nov", "9 Nov", "16 Nov", "23 Nov"), start=1)] + ["30 Nov"]
    assert [r[1:4] for r in rows] == [["62", "50", "124 %"], ["30", "50", "60 %"], ["0", "50", "0 %"],
                                      ["50", "50", "100 %"], ["0", "–", "–"]]  # week 5 is past the 4-week plan
    assert [r[5] for r in rows] == ["7.0", "6.0", "–", "4.0", "–"]  # pain before: the short session's 10 left out
    assert [r[8] for r in rows][:2] == ["-2.0", "-2.0"]
    assert "<b>Pain</b> before sessions: 7.0 (week of 2 Nov) → 4.0 (23 Nov), trend -0.9 a week" in review.checkins.text()
    assert "5.5 breaths/min" in review.resonance.text() and "4 weeks ago" in review.resonance.text()
    assert review.reassess_offered and "offered" in review.resonance.text()
    assert "4 short, simulated, replayed or unpaced sessions" in review.header.text()
    np.testing.assert_allclose(review.figures.bars.opts["height"][:4], [62, 30, 0, 50], atol=0.5)  # History's
    # opened: this week's review is done (the next step moves on, see below); the date is in the settings file
    assert json.loads((config_dir / "settings.json").read_text())["plan_last_review"] == "2026-11-30"


def test_a_week_into_the_plan_the_review_is_asked_then_the_dose(make_window, qtbot, tmp_path):
    build(tmp_path / "data")
    settings = Settings.from_dict({"first_run_notice_seen": True, **PLAN_SETTINGS})
    window = make_window(settings)
    day = date(2026, 11, 25)  # Wednesday of plan week 4, its session at 08:00 done
    window.practice.today = lambda: day
    install_session_store(window, SessionStore(tmp_path / "data" / STORE_FILENAME), checkins=False)
    qtbot.waitUntil(lambda: window.practice.shown.known, timeout=3000)
    assert "weekly review" in window.practice.panel.step.text()
    window.practice.open_review().close()
    assert window.practice.panel.dose.text() == "<b>Today 10 of 10 min · 1 of 1 session · done ✓</b>"
    assert window.practice.panel.step.text() == "Next: Today's practice is done."
    assert not window.practice.review.reassess_offered  # 3 weeks after the assessment: not yet offered


def test_the_plan_dialog_changes_the_plan_and_keeps_its_start(make_window, qtbot, config_dir):
    settings = Settings(first_run_notice_seen=True, plan_kind="custom", plan_start=PLAN_START.isoformat())
    window = make_window(settings)
    window.practice.today = lambda: date(2026, 11, 10)
    dialog = window.practice.open_plan()
    chooser = dialog.chooser
    chooser.minutes.setValue(15)  # the same kind: the start stays
    assert chooser.plan().start == PLAN_START
    dialog.accept()
    saved = load_settings(config_dir)[0]
    assert saved.plan_minutes_per_session == 15 and saved.plan_start == PLAN_START.isoformat()
    dialog = window.practice.open_plan()
    dialog.chooser.buttons["lehrer"].click()  # a new plan starts today
    dialog.accept()
    saved = load_settings(config_dir)[0]
    assert saved.plan_kind == "lehrer" and saved.plan_start == "2026-11-10"
    assert window.practice.panel.next_words == ("Next: First, the resonance assessment (about 10 min) finds the "
                                                "breathing rate to practise at.")
    window.practice.panel.step.linkActivated.emit("assess")  # the step's link 'Start it…'
    assert window.wizard is not None and window.wizard.isVisible()
    window.wizard.close()


def test_the_dose_panel_fits_at_1366x768_beside_the_live_plots(make_window, qtbot):
    window = make_window(Settings(first_run_notice_seen=True, plan_kind="lehrer", plan_start="2026-11-02"))
    window.resize(1366, 740)
    window.ui.build_plots()
    qtbot.wait(50)
    panel = window.practice.panel
    assert panel.isVisible() and panel.height() <= 80
    assert panel.geometry().bottom() < window.ui.disclaimer.geometry().top()  # above the line, in its column
    assert panel.geometry().right() <= window.ui.pacer_view.geometry().right() + 1  # not under the plots
    assert window.ui.pacer_view.height() >= 200
    assert panel.dose.width() >= panel.dose.sizeHint().width()  # the dose line is not cut
    window.set_presentation(True, fullscreen=False)  # the coach's large view: no dose panel
    assert not panel.isVisible()
    window.set_presentation(False)
    assert panel.isVisible()


def test_the_dose_starts_again_on_a_new_day_and_the_review_and_plan_have_spoken_names(make_window, qtbot,
                                                                                     tmp_path):
    build(tmp_path / "data")
    window = make_window(Settings.from_dict({"first_run_notice_seen": True, **PLAN_SETTINGS}))
    day = [date(2026, 11, 25)]
    window.practice.today = lambda: day[0]
    window.practice.settings.plan_last_review = "2026-11-25"
    install_session_store(window, SessionStore(tmp_path / "data" / STORE_FILENAME), checkins=False)
    qtbot.waitUntil(lambda: window.practice.shown.known, timeout=3000)
    assert window.practice.shown.dose.complete
    day[0] = date(2026, 11, 28)  # Saturday: nothing practised yet
    window.practice._day_check()  # the minute timer's slot
    assert window.practice.panel.dose.text() == "<b>Today 0 of 10 min · 0 of 1 session · 10 min left</b>"
    assert unnamed_controls(window) == []
    assert unnamed_controls(window.practice.open_review()) == []
    assert unnamed_controls(window.practice.open_plan()) == []


def test_back_in_the_window_after_an_assessment_the_dose_counts_its_minutes(make_window, qtbot, tmp_path):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    today = date.today()
    window = make_window(Settings(first_run_notice_seen=True, plan_kind="lehrer", plan_start=today.isoformat()))
    store = SessionStore(tmp_path / "s.db")
    install_session_store(window, store, checkins=False)
    qtbot.waitUntil(lambda: window.practice.shown.known, timeout=3000)
    assert window.practice.panel.step.text().startswith("Next: First, the resonance assessment")
    store.add_assessment("resonance", {"block_s": 120.0, "rest_s": 30.0, "recommended_bpm": 5.5,
                                       "rates": [{"rate_bpm": r} for r in (6.5, 6.0, 5.5, 5.0, 4.5)]})
    now = [window.practice._read_at_s + 1.0]
    window.practice.clock = lambda: now[0]
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert window.practice.shown.dose.done_minutes == 0.0  # read a second ago: not again
    now[0] += 10.0
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert window.practice.panel.dose.text() == "<b>Today 12 of 40 min · 0 of 2 sessions · 28 min left</b>"
    assert window.practice.panel.step.text() == "Next: Session 1 of 2 today: 20 min (28 min left today)."


def test_getting_started_runs_its_2_minute_session_and_opens_the_assessment_then_comes_back(
        make_window, qtbot, tmp_path, config_dir):
    window = make_window(Settings())
    install_session_store(window, SessionStore(tmp_path / "s.db"), checkins=False)  # a new, empty store
    window.show_first_run_notice_if_needed()
    wizard = window.first_run
    wizard.next()
    qtbot.mouseClick(wizard.simulated_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.live.connected, timeout=5000)
    wizard.next()
    now_s = [1000.0]
    window.live.session.clock = lambda: now_s[0]  # the session's clock, moved by the test
    qtbot.mouseClick(wizard.session_button, Qt.MouseButton.LeftButton)
    assert window.live.session.running and window.live.session.duration_s == 120.0 and not wizard.isVisible()
    now_s[0] += 119.0
    qtbot.wait(300)  # the window's 10 Hz tick: not yet
    assert window.live.session.running and not wizard.isVisible()
    now_s[0] += 1.0
    qtbot.waitUntil(wizard.isVisible, timeout=5000)
    assert not window.live.session.running
    assert wizard.session_note.text() == ("Session done. Well done: its summary is in the main window "
                                          "(and in History).")
    wizard.next()
    assert "resonance rate" in wizard.currentPage().title()
    said = " ".join(label.text() for label in wizard.currentPage().findChildren(QLabel))
    assert "The assessment (about 10 minutes)" in said  # 5 rates x 2 min (core.resonance AssessmentPlan)
    qtbot.mouseClick(wizard.assess_button, Qt.MouseButton.LeftButton)  # the assessment, now: the path steps aside
    assessment = window.wizard
    assert assessment is not None and assessment.isVisible() and not wizard.isVisible()
    assessment.reject()  # not now after all: back on the path, where it was
    qtbot.waitUntil(wizard.isVisible, timeout=3000)
    assert "resonance rate" in wizard.currentPage().title()


def test_the_review_says_the_default_assessments_length_from_its_plan():
    from biofeedback.core.resonance.plan import AssessmentPlan, default_minutes
    from biofeedback.ui.weekly_review import resonance_words

    assert AssessmentPlan().total_s == 600.0 and default_minutes() == 10  # 5 rates x 2 min, no rests
    text, offered = resonance_words([], WEEK5_MONDAY)
    assert offered and text.endswith("swings most (about 10 minutes).")
