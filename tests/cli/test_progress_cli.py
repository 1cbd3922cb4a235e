"""`biofeedback progress` over a store of four simulated weeks (tests/progress_store.py): adherence per week,
the pain before sessions, and the sessions that do not count left out of figures and of the after-session
comparisons.

Subprocesses where the process is the point: `progress --json` into a pipe closed early, and the first
`plan` (the user's path for it); the rest call the commands in-process (tests/cli_inprocess.py), which
gives the same exit status, text and files. The progress PDF paints in the test process's Qt application,
in English for the call whatever language the application shows (ui/report.py ``painting_in_english``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_inprocess import run_cli
from progress_store import PLAN_SETTINGS, build

UNTIL = "2026-11-29"  # the Sunday of the plan's fourth week


def cli_process(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "biofeedback", *args], capture_output=True, text=True,
                          timeout=60, env=env)


cli = run_cli


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("progress")
    left_out = build(root / "data")
    (root / "config").mkdir()
    (root / "config" / "settings.json").write_text(json.dumps(PLAN_SETTINGS), encoding="utf-8")
    env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(root / "data"), "BIOFEEDBACK_CONFIG_DIR": str(root / "config")}
    return {"root": root, "env": env, "left_out": left_out,
            "json": json.loads(cli("progress", "--json", "--until", UNTIL, env=env).stdout)}


def test_minutes_against_the_plan_per_week(world):
    weeks = world["json"]["weeks"]
    assert [w["iso_week"] for w in weeks] == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    assert [w["plan_week"] for w in weeks] == [1, 2, 3, 4]
    # 5 x 10 min + the 12-minute assessment; 3 x 10; nothing; 5 x 10 (the sessions last 10 min to the second)
    assert [w["minutes"] for w in weeks] == pytest.approx([62.0, 30.0, 0.0, 50.0], abs=0.2)
    assert [w["target_minutes"] for w in weeks] == [50.0, 50.0, 50.0, 50.0]
    assert [w["adherence"] for w in weeks] == pytest.approx([1.24, 0.6, 0.0, 1.0], abs=0.005)
    assert [w["days_practised"] for w in weeks] == [5, 3, 0, 5]
    assert world["json"]["plan"]["description"].startswith("Your own: 1 × 10 min a day, 5 days a week")
    assert world["json"]["assessments"][0]["recommended_bpm"] == 5.5
    # the last day (a Sunday, nothing done) against the daily dose, and what the plan asks next
    assert world["json"]["day"] == {"minutes": 0.0, "target_minutes": 10.0, "sessions": 0, "target_sessions": 1,
                                    "next_step": "Session 1 of 1 today: 10 min (10 min left today)."}


def test_the_pain_before_sessions_is_the_baseline_trend(world):
    weeks = world["json"]["weeks"]
    assert [w["before"]["pain"] for w in weeks] == [7.0, 6.0, None, 4.0]  # the short session's 10 and the
    assert [w["change"]["pain"] for w in weeks] == [-2.0, -2.0, None, -2.0]  # simulated 0 are not in week 2
    assert world["json"]["trends_per_week"]["pain_before"] == pytest.approx(-1.0, abs=0.1)
    assert world["json"]["trends_per_week"]["stress_before"] == 0.0


def test_short_unpaced_and_test_sessions_are_named_and_left_out_of_every_figure(world):
    data = world["json"]
    assert {s["kind"]: s["id"] for s in data["left_out"]} == world["left_out"]
    assert data["weeks"][1]["left_out"] == {"short": 1, "unpaced": 1, "simulated": 1, "replay": 1}
    assert data["sessions_counted"] == 13
    # the swing grows by week as the beats were made (40, 60, 100 ms); the left-out sessions swing 300 ms
    swings = [w["hr_swing_bpm"] for w in data["weeks"]]
    assert swings[0] < swings[1] < swings[3] < 15.0 and swings[2] is None
    assert data["weeks"][1]["rmssd_ms"] < 40.0
    assert set(data["definitions"]) >= {"minutes", "adherence", "before", "change", "rmssd_ms", "left_out"}
    # kept and marked: `sessions` lists them with why they are not counted
    listed = [json.loads(line) for line in cli("sessions", "--json", env=world["env"]).stdout.splitlines()]
    assert {s["id"]: s["kind"] for s in listed if s["kind"] != "practice"} == {
        i: k for k, i in world["left_out"].items()}
    assert len(listed) == 17


def test_the_text_table_and_the_last_weeks_only(world):
    result = cli("progress", "--until", UNTIL, "--weeks", "2", env=world["env"])
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Plan: Your own: 1 × 10 min a day") and "not a medical device" in out
    assert "\nSun 29 Nov: 0 of 10 min, 0 of 1 session. Next: Session 1 of 1 today" in out
    rows = [line for line in out.splitlines() if line.startswith("2026-W")]
    assert [r.split()[0] for r in rows] == ["2026-W47", "2026-W48"]
    assert rows[1].split()[3:8] == ["*", "4", "50", "50", "100"]  # this week, plan week, minutes, target, done %
    # the trends cover the weeks shown: week 4's five sessions span 4 days, too short for a slope
    assert "Trends (Theil-Sen over sessions): too few sessions yet." in out
    assert "Resonance assessments" not in out  # 2 Nov is not shown
    everything = cli("progress", "--until", UNTIL, env=world["env"]).stdout
    assert "pain before sessions -0.9" in everything and "Resonance assessments: 2026-11-02: 5.5/min." in everything
    assert "Left out (kept in the store, not counted): 1 shorter than the minimum length" in everything


def test_a_short_session_is_not_compared_and_a_practice_session_only_with_practice(world):
    from biofeedback.app.session_library import load_report_data
    from biofeedback.io.store import STORE_FILENAME, SessionStore

    with SessionStore(world["root"] / "data" / STORE_FILENAME) as store:
        short = load_report_data(store, world["left_out"]["short"]).summary
        practice = load_report_data(store, store.list_sessions()[0].id).summary  # the newest
        simulated = load_report_data(store, world["left_out"]["simulated"]).summary
    assert short.kind == "short" and short.rmssd.n_previous == 0 and short.rmssd.percentile is None
    assert short.reading.startswith("A short session (") and "not compared" in short.reading
    assert "earlier" not in short.reading
    assert practice.kind == "practice" and practice.rmssd.n_previous == 12  # not the 4 left out
    assert simulated.kind == "simulated" and simulated.rmssd.n_previous == 0


def test_bad_input_is_said_and_exits_2(world, tmp_path):
    result = cli("progress", "--until", "29/11/2026", env=world["env"])
    assert result.returncode == 2 and "not a date such as 2026-12-07" in result.stderr
    result = cli("progress", "--weeks", "0", env=world["env"])
    assert result.returncode == 2 and "give 1 or more" in result.stderr
    empty = {**world["env"], "BIOFEEDBACK_DATA_DIR": str(tmp_path / "none"), "BIOFEEDBACK_CONFIG_DIR": str(tmp_path)}
    result = cli("progress", env=empty)
    assert result.returncode == 0 and result.stdout.startswith("No sessions yet") and "No plan chosen" in result.stdout
    # a settings file that cannot be read is kept aside and said, by `sessions` too (it reads the minimum length)
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    result = cli("sessions", env=empty)
    assert result.returncode == 0 and "Your settings file could not be read" in result.stderr
    assert list(tmp_path.glob("settings.json.corrupt-*"))


def test_a_bad_plan_start_in_the_settings_file_falls_back_and_says_so(tmp_path):
    from biofeedback.app.settings import load_settings, practice_plan

    (tmp_path / "settings.json").write_text(json.dumps({**PLAN_SETTINGS, "plan_start": "next monday",
                                                        "plan_kind": "lehrer"}), encoding="utf-8")
    settings, notice = load_settings(Path(tmp_path))
    assert notice is not None and "plan_start" in notice and "2026-12-07" in notice
    plan = practice_plan(settings)
    assert plan.kind == "lehrer" and plan.start is None and plan.weekly_minutes == 280.0


def test_the_progress_pdf_has_three_pages_with_their_sections(world, qapp):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor
    from PySide6.QtPdf import QPdfDocument

    from biofeedback.ui.i18n import language_for_a_while, translate

    out = world["root"] / "progress.pdf"
    with language_for_a_while(qapp, "es"):  # an application showing Spanish: the command's report is English
        result = cli("export", "progress", "--format", "pdf", "--out", str(out), "--until", UNTIL,
                     env=world["env"])
        assert translate("Pacer", "inhale") == "inhala"  # and the application's language is back
    assert result.returncode == 0, result.stderr
    assert "Progress over 4 weeks written to" in result.stderr
    doc = QPdfDocument()
    assert doc.load(str(out)) == QPdfDocument.Error.None_ and doc.pageCount() == 3
    pages = [doc.getAllText(k).text() for k in range(3)]
    for text in ("Practice over weeks", "Plan: Your own: 1 × 10 min a day", "Adherence", "124 %",
                 "Resonance assessments", "5.5 breaths/min (12 min, counted as practice)",
                 "29 Nov 2026, 4 weeks", "13 practice sessions and 1 resonance assessment."):
        assert text in pages[0], text
    for text in ("Check-ins and heart rhythm", "Before sessions: the weekly mean", "Δpain", "RMSSD ms",
                 "Trends over the practice sessions", "pain before sessions -0.92 points/week", "Left out",
                 "Heart rhythm during practice", "HR swing per breath (bpm)", "Coherence ratio", "RMSSD (ms)"):
        assert text in pages[1], text
    for text in ("How each number is defined", "Minutes practised", "Heart-rate swing", "Coherence", "RMSSD",
                 "minimum length (1.5 min)"):
        assert text in pages[2], text
    for k, text in enumerate(pages):
        assert "not a medical device" in " ".join(text.split()) and f"page {k + 1} of 3" in text
        assert "(s)" not in text  # English's plural forms, headless too
        image = doc.render(k, QSize(250, 354))
        inked = sum(image.pixelColor(x, y) != QColor("white") for x in range(0, 250, 5) for y in range(0, 354, 5))
        assert inked > 100  # drawn, not blank
    # a format the progress report does not come in is refused in words, nothing written
    result = cli("export", "progress", "--format", "csv", "--out", str(world["root"] / "p.csv"), env=world["env"])
    assert result.returncode == 2 and "is a PDF (--format pdf)" in result.stderr
    assert not (world["root"] / "p.csv").exists()
    result = cli("export", "last", "--format", "csv", "--out", str(world["root"] / "p.csv"), "--weeks", "2",
                 env=world["env"])
    assert result.returncode == 2 and "are for the progress report" in result.stderr


def test_the_plan_is_chosen_headless_and_kept_in_the_settings_file(tmp_path):
    env = {**os.environ, "BIOFEEDBACK_CONFIG_DIR": str(tmp_path), "BIOFEEDBACK_DATA_DIR": str(tmp_path / "data")}
    (tmp_path / "settings.json").write_text(json.dumps({"theme": "light"}), encoding="utf-8")
    assert cli_process("plan", env=env).stdout == "No plan chosen.\n"
    chosen = cli("plan", "custom", "--sessions", "1", "--minutes", "15", "--days", "5", "--weeks", "6",
                 "--start", "2026-12-07", env=env)
    assert chosen.returncode == 0 and chosen.stdout.startswith("Your own: 1 × 15 min a day, 5 days a week")
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved["theme"] == "light" and saved["plan_kind"] == "custom" and saved["plan_start"] == "2026-12-07"
    assert (saved["plan_minutes_per_session"], saved["plan_days_per_week"], saved["plan_weeks"]) == (15, 5, 6)
    refused = cli("plan", "lehrer", "--minutes", "3", env=env)
    assert refused.returncode == 2 and "lehrer sets its own numbers" in refused.stderr
    zero = cli("plan", "custom", "--minutes", "0", env=env)  # (it was said in weeks)
    assert zero.returncode == 2 and "0 minutes: give 1 or more" in zero.stderr
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8")) == saved  # nothing changed


def test_a_reader_that_stops_early_cuts_the_output_without_a_traceback(tmp_path):
    env = {**os.environ, "BIOFEEDBACK_CONFIG_DIR": str(tmp_path), "BIOFEEDBACK_DATA_DIR": str(tmp_path / "data")}
    child = subprocess.Popen([sys.executable, "-m", "biofeedback", "progress", "--json"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # gone before the child prints (as `| head -0` would be)
    stderr = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
