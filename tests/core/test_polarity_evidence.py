"""Which way up a pulse wave is read: sure on real recordings, said when only guessed, fixed by later pulses.

Real data: biosignalsnotebooks' laboratory BVP (MIT, copied to tests/data/validation with its
reference beats, made by NeuroKit2's detectors, not ours) and e2epyppg's 20 Hz wrist band (MIT,
copied), each upright and turned upside down. A wave whose shape shows no direction is a sine
(a pulse's narrow peak and slow decay are what tell up from down): its direction is a guess,
which the pipeline and `analyze` say, until pulses follow that show it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from cli_inprocess import run_cli
from real_recordings import biosignalsnotebooks_bvp as _bvp
from real_recordings import biosignalsnotebooks_bvp_reference as _reference_beats
from scoring import match_f1

from biofeedback.core.offline import detect_offline
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import DeviceInfo, Gap, PpgBlock, PulseDirectionChosen

DATA = Path(__file__).parents[1] / "data" / "validation"
CHUNK_S = 0.05  # as a serial source delivers samples


def _wrist_band() -> tuple[np.ndarray, np.ndarray, float]:
    table = np.loadtxt(DATA / "e2epyppg_201902020222_ppg.csv", delimiter=",", skiprows=1)
    t_s = (table[:, 0] - table[0, 0]) / 1000.0
    return t_s, table[:, 1], (t_s.size - 1) / t_s[-1]


def _sine(duration_s: float, fs_hz: float, mean: float, size: float, seed: int = 1) -> np.ndarray:
    """A pulse-rate sine: no narrow peak, no slow decay, so no direction to see."""
    t = np.arange(int(duration_s * fs_hz)) / fs_hz
    return mean + size * np.sin(2 * np.pi * 1.1 * t) + 0.02 * size * np.random.default_rng(seed).standard_normal(t.size)


def _run(t_s: np.ndarray, v: np.ndarray, fs_hz: float, chunk_s: float = CHUNK_S,
         at_s: dict[float, object] | None = None, header: DeviceInfo | None = None,
         pipeline: Pipeline | None = None, choose_at_s: dict[float, int | None] | None = None):
    """The live pipeline fed in ``chunk_s`` pieces, with ``at_s`` events (time -> event) before the first
    piece at or after their time, and the user's ``choose_at_s`` directions (time -> polarity) likewise:
    (its changes of polarity_unsure as (time, value), pipeline, detections)."""
    pipeline = pipeline if pipeline is not None else Pipeline()
    pipeline.feed([header or DeviceInfo("csv", fs_hz=fs_hz)])
    changes, found = [], []
    n = max(1, int(chunk_s * fs_hz))
    pending = dict(at_s or {})
    choices = dict(choose_at_s or {})
    for i in range(0, t_s.size, n):
        for k in [k for k in sorted(choices) if k <= t_s[i]]:
            found += pipeline.choose_polarity(choices.pop(k)).detections_t_s
        due = [pending.pop(k) for k in sorted(pending) if k <= t_s[i]]
        out = pipeline.feed([*due, PpgBlock(t_s[i:i + n], v[i:i + n], fs_hz)])
        found += out.detections_t_s
        if out.polarity_unsure is not None:
            changes.append((float(t_s[min(i + n, t_s.size) - 1]), out.polarity_unsure))
    pipeline.flush()
    return changes, pipeline, np.array(found)


@pytest.mark.parametrize("recording", [_bvp, _wrist_band])
@pytest.mark.parametrize("sign", [1, -1])
def test_real_recordings_are_read_the_right_way_up_and_never_called_unsure(recording, sign):
    t_s, v, fs_hz = recording()
    changes, pipeline, found = _run(t_s, sign * v, fs_hz)
    assert pipeline.detector.polarity == sign
    assert changes == [] and not pipeline.polarity_unsure
    assert found.size > 0.8 * t_s[-1]  # beats found all along (some 1 a second)


@pytest.mark.parametrize("sign", [1, -1])
def test_a_guess_is_said_then_pulses_that_show_the_direction_settle_it(sign):
    t_bvp, v_bvp, fs_hz = _bvp()
    sine = _sine(20.0, fs_hz, float(np.mean(v_bvp)), float(np.std(v_bvp)))
    t_s = np.concatenate([np.arange(sine.size) / fs_hz, sine.size / fs_hz + t_bvp - t_bvp[0]])
    v = np.concatenate([sine, np.mean(v_bvp) + sign * (v_bvp - np.mean(v_bvp))])
    changes, pipeline, found = _run(t_s, v, fs_hz)
    # unsure once the sine was learnt from (4 s), sure within 8 s of real pulses (two 4 s windows)
    assert [unsure for _, unsure in changes] == [True, False]
    assert changes[0][0] < 6.0 and 20.0 < changes[1][0] < 28.0
    assert pipeline.detector.polarity == sign and pipeline.detector.polarity_sure
    # from then on the beats are the reference's (a guess the other way round would give the pulse feet)
    after = changes[1][0] + 1.0
    reference = 20.0 + _reference_beats()
    assert match_f1(found[found > after], reference[reference > after]) >= 0.95
    # decided on the sample clock: the same beats and the same moments in 1 s pieces as in 50 ms ones
    changes_1s, _, found_1s = _run(t_s, v, fs_hz, chunk_s=1.0)
    assert np.array_equal(found_1s, found)
    assert [unsure for _, unsure in changes_1s] == [True, False] and abs(changes_1s[1][0] - changes[1][0]) <= 1.0


def test_analyze_says_when_it_guessed_and_takes_the_users_word(tmp_path):
    fs_hz = 100.0
    path = tmp_path / "sine.csv"
    v = _sine(60.0, fs_hz, 500.0, 100.0)
    path.write_text("time_s,ppg\n" + "\n".join(f"{i / fs_hz:.3f},{x:.2f}" for i, x in enumerate(v)))
    env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path)}

    guessed = run_cli("analyze", path, env=env)
    assert guessed.returncode == 0, guessed.stderr
    read_as = "inverted" if "Pulse wave read                   inverted" in guessed.stdout else "upright"
    other = "upright" if read_as == "inverted" else "inverted"
    assert f"it was read {read_as}. If the beats look wrong, try --polarity {other}." in guessed.stdout
    as_json = json.loads(run_cli("analyze", path, "--json", env=env).stdout)
    assert as_json["pulse_direction"] == {"polarity": read_as, "from": "its shape", "sure": False}

    told = run_cli("analyze", path, "--polarity", other, "--json", env=env)
    assert json.loads(told.stdout)["pulse_direction"] == {"polarity": other, "from": "--polarity", "sure": True}


def test_analyze_of_a_real_inverted_recording_reads_it_inverted_and_sure(tmp_path):
    t_s, v, _ = _bvp()
    path = tmp_path / "bvp_inverted.csv"
    path.write_text("time_s,bvp\n" + "\n".join(f"{t:.6f},{-x:.4f}" for t, x in zip(t_s, v, strict=True)))
    result = run_cli("analyze", path, "--kind", "ppg", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pulse_direction"] == {"polarity": "inverted", "from": "its shape", "sure": True}


def test_a_header_that_declares_the_direction_late_ends_any_doubt():
    """A device's header may come seconds after its first samples (a sensor started before its reader)."""
    t_s, v, fs_hz = _bvp()
    changes, pipeline, _ = _run(t_s, v, fs_hz, at_s={1.0: DeviceInfo("csv", fs_hz=fs_hz, polarity=1)})
    assert changes == [] and pipeline.detector.polarity_sure and pipeline.detector.declared_polarity == 1

    fs_hz = 100.0
    sine = _sine(30.0, fs_hz, 500.0, 100.0)
    t_sine = np.arange(sine.size) / fs_hz
    guessed = _run(t_sine, sine, fs_hz)[1].detector.polarity
    changes, pipeline, _ = _run(t_sine, sine, fs_hz, at_s={8.0: DeviceInfo("csv", fs_hz=fs_hz, polarity=guessed)})
    # unsure from 4 s until the header says what the guess was; not again (no re-learning against it)
    assert [unsure for _, unsure in changes] == [True, False] and 8.0 <= changes[1][0] < 10.0
    assert not pipeline.polarity_unsure


def test_a_gap_keeps_the_doubt_until_the_detector_decides_again():
    """After a gap the detector learns afresh; meanwhile nothing is said to be sure."""
    fs_hz = 100.0
    sine = _sine(30.0, fs_hz, 500.0, 100.0)
    t_s = np.arange(sine.size) / fs_hz
    changes, pipeline, _ = _run(t_s, sine, fs_hz, at_s={12.0: Gap(12.0, 0.5, "disconnected")})
    assert [unsure for _, unsure in changes] == [True]  # never "clear now" while it learnt again
    assert pipeline.polarity_unsure


# -- the user's choice (analyze/record --polarity, the window's Tools > Pulse direction) --------------------


def test_the_users_direction_holds_over_a_wrong_header_on_a_real_recording():
    """A raw sensor whose header says upright while its wave falls with each pulse: the user's word wins."""
    t_s, v, fs_hz = _bvp()
    reference = _reference_beats()
    wrong = DeviceInfo("csv", fs_hz=fs_hz, polarity=1)
    _, misled, found_misled = _run(t_s, -v, fs_hz, header=wrong)
    _, told, found_told = _run(t_s, -v, fs_hz, header=wrong, pipeline=Pipeline(polarity=-1))
    assert misled.detector.declared_polarity == 1 and told.detector.declared_polarity == -1
    assert match_f1(found_misled, reference) < 0.5  # the header alone puts the beats off the pulses
    assert match_f1(found_told, reference) >= 0.95
    assert not told.polarity_unsure
    with pytest.raises(ValueError):
        Pipeline(polarity=0)


def test_a_direction_chosen_mid_stream_ends_the_chain_and_the_beats_follow_within_seconds():
    t_s, v, fs_hz = _bvp()
    reference = _reference_beats()
    switch_s = 12.0
    pipeline = Pipeline()
    beats = []
    pipeline.feed([DeviceInfo("csv", fs_hz=fs_hz, polarity=-1)])  # a header that has it wrong
    n = int(CHUNK_S * fs_hz)
    found = []
    for i in range(0, t_s.size, n):
        if t_s[i] >= switch_s and pipeline.chosen_polarity is None:
            out = pipeline.choose_polarity(1)
            # the chain ends at the change: live views and outlets break there, the held beats come out
            assert [(g.reason, g.t_s) for g in out.gaps] == [("direction_chosen", t_s[i - 1])]
            assert out.beats and out.metrics is not None
            beats += out.beats
        out = pipeline.feed([PpgBlock(t_s[i:i + n], v[i:i + n], fs_hz)])
        beats += out.beats
        found += out.detections_t_s
    beats += pipeline.flush().beats
    found = np.array(found)
    assert match_f1(found[found < switch_s], reference[reference < switch_s]) < 0.5  # read the wrong way up
    settled_s = switch_s + 8.0  # the detector learns afresh (a few seconds of pulses)
    assert match_f1(found[found > settled_s], reference[reference > settled_s]) >= 0.95
    # no interval joins a beat found the wrong way up to one found the right way
    assert not [b for b in beats if b.t_s - b.rr_ms / 1000.0 < switch_s < b.t_s]
    assert pipeline.detector.declared_polarity == 1 and pipeline.polarity == 1


def test_a_direction_chosen_in_the_recorded_stream_reads_it_as_the_live_choice_did():
    """What a recording keeps (io/session_runner.py puts the choice in the stream) gives a replay, a
    crash recovery and ``analyze`` the live session's beats; a direction given to the reader holds over it."""
    t_s, v, fs_hz = _bvp()
    wrong = DeviceInfo("csv", fs_hz=fs_hz, polarity=-1)
    _, live, found_live = _run(t_s, v, fs_hz, header=wrong, choose_at_s={12.0: 1})
    _, replayed, found_replayed = _run(t_s, v, fs_hz, header=wrong, at_s={12.0: PulseDirectionChosen(1)})
    assert np.array_equal(found_replayed, found_live) and replayed.n_beats == live.n_beats
    assert replayed.n_directions_chosen == 1 and replayed.detector.declared_polarity == 1

    n = int(CHUNK_S * fs_hz)
    events = [wrong] + [PpgBlock(t_s[i:i + n], v[i:i + n], fs_hz) for i in range(0, t_s.size, n)]
    k = 1 + int(np.searchsorted(t_s[::n], 12.0))
    recorded = [*events[:k], PulseDirectionChosen(1), *events[k:]]
    found = detect_offline(recorded)
    assert found.polarity == 1 and found.polarity_chosen
    reference = _reference_beats()
    late = found.beats.t_s > 20.0
    assert match_f1(found.beats.t_s[late], reference[reference > 20.0]) >= 0.95
    told = detect_offline(recorded, polarity=-1)  # analyze --polarity inverted: the reader's word holds
    assert told.polarity == -1 and not told.polarity_chosen
    assert match_f1(told.beats.t_s[told.beats.t_s > 20.0], reference[reference > 20.0]) < 0.5


def test_choosing_the_direction_already_read_keeps_the_detector_and_its_beats():
    t_s, v, fs_hz = _bvp()
    _, plain, found_plain = _run(t_s, v, fs_hz)
    _, chosen, found_chosen = _run(t_s, v, fs_hz, choose_at_s={10.0: 1})
    assert np.array_equal(found_chosen, found_plain)
    assert chosen.detector.declared_polarity == 1 and plain.detector.declared_polarity is None


def test_a_detector_still_learning_or_a_device_that_sends_its_beats_takes_the_choice_without_a_break():
    t_s, v, fs_hz = _bvp()
    pipeline = Pipeline()
    pipeline.feed([DeviceInfo("csv", fs_hz=fs_hz), PpgBlock(t_s[:256], v[:256], fs_hz)])  # 1 s: still learning
    learning = pipeline.detector
    assert learning.polarity is None
    out = pipeline.choose_polarity(-1)
    assert pipeline.detector is learning and learning.declared_polarity == -1 and not out.gaps

    devices = Pipeline()  # a PulseSensor sketch: beats from the device, the wave drawn beside them
    devices.feed([DeviceInfo("pulsesensor", fs_hz=fs_hz), PpgBlock(t_s[:2560], v[:2560], fs_hz)])
    assert devices.detector.polarity == 1
    out = devices.choose_polarity(-1)
    assert not out.gaps and not out.beats and devices.detector.declared_polarity == -1


def test_automatic_again_returns_to_the_headers_direction():
    pipeline = Pipeline(polarity=-1)
    pipeline.feed([DeviceInfo("max3010x", fs_hz=100.0, polarity=1)])
    assert pipeline.polarity == -1 and pipeline.detector.declared_polarity == -1
    pipeline.choose_polarity(None)
    assert pipeline.polarity == 1 and pipeline.detector.declared_polarity == 1
