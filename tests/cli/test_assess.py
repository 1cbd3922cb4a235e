"""`biofeedback assess` end to end: simulated person -> PPG -> protocol bytes -> decoder -> pipeline.

A person who ignores the pacer must get no rate; the JSON has every rate's scores. Whether the
recommendation lands on the simulated resonance rate is tested once, over 15 assessments, in
tests/core/test_resonance.py (seeds other than the benchmark's).
"""

from __future__ import annotations

import json
import subprocess
import sys

from biofeedback.__main__ import main
from biofeedback.io.assessment_file import load_assessments


def test_person_ignoring_the_pacer_gets_no_resonance_rate(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(tmp_path))
    code = main(["assess", "--simulate", "--compliance", "0", "--seed", "4", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["recommended_bpm"] is None
    assert "usable block" in data["reasons"][0]
    assert "did not rise and fall with the pacer" in data["reasons"][1]
    assert any("not at the pacer" in r for rate in data["rates"] for r in rate["reasons"])
    assert [r["rate_bpm"] for r in data["rates"]] == [6.5, 6.0, 5.5, 5.0, 4.5]
    stored = load_assessments()  # kept in the session store
    assert len(stored) == 1 and stored[0]["data"]["recommended_bpm"] is None


def test_assess_json_has_scores_for_every_rate_and_the_choice(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(tmp_path))
    code = main(["assess", "--simulate", "--resonance-rate", "6.0", "--seed", "7",
                 "--block-s", "100", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert abs(data["recommended_bpm"] - 6.0) <= 0.5
    assert data["ranking_bpm"][0] == data["recommended_bpm"]
    for rate in data["rates"]:
        assert rate["usable"] == (not rate["reasons"])
        assert rate["amplitude_bpm"] > 0 and rate["n_breaths"] >= 5
    best = next(r for r in data["rates"] if r["rate_bpm"] == data["recommended_bpm"])
    assert best["wins"]
    # timed against the breathing read from the pulse, which saw the person late (0.5 s simulated)
    assert data["phase_reference"] == "pulse"
    assert all(0.0 < r["behind_guide_s"] < 1.0 for r in data["rates"])
    assert "behind the guide" in data["breathing_note"]


def test_assess_rejects_rest_that_is_negative(capsys):
    assert main(["assess", "--simulate", "--rest-s", "-1"]) == 2
    assert "rest_s" in capsys.readouterr().err


def test_assess_with_blocks_too_short_to_score_says_so_without_a_traceback():
    # a real subprocess, as a user runs it: 30 s blocks leave 22.5 s scored per rate, fewer than the
    # complete breaths a block needs, so nothing is recommended and every rate says why
    done = subprocess.run(
        [sys.executable, "-m", "biofeedback", "assess", "--simulate", "--block-s", "30", "--json"],
        capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["recommended_bpm"] is None
    assert "usable block" in data["reasons"][0]
    assert any("too few beats or breaths to score" in r for r in data["reasons"])
    assert [r["rate_bpm"] for r in data["rates"]] == [6.5, 6.0, 5.5, 5.0, 4.5]
    for rate in data["rates"]:
        assert not rate["usable"] and rate["reasons"]
        assert rate["breathing_bpm"] is None or rate["breathing_bpm"] > 0
    too_short = [r for r in data["rates"] if "too few beats in this block" in r["reasons"]]
    assert too_short and all(r["amplitude_bpm"] is None for r in too_short)


def test_assess_on_a_port_that_does_not_exist_says_so_in_a_sentence(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(tmp_path))
    code = main(["assess", "--port", str(tmp_path / "no-such-port")])
    err = capsys.readouterr().err
    assert code == 2
    assert "no serial port called" in err and "Traceback" not in err
