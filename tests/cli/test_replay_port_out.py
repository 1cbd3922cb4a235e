"""`replay FILE --port-out` serves a real pulse wave that `record` reads right, whatever its units and direction.

The recording is the laboratory BVP of biosignalsnotebooks (MIT, copied to tests/data/validation with
reference beats made by NeuroKit2's detectors, not ours), written as a user's CSV would hold it in
other units: centred on zero, in fractions, and upside down. `replay` runs as a subprocess serving
a pty; `record` reads it in the test's process. BF1 samples are upright counts by the protocol: the
wave was rounded to a handful of levels and served the wrong way up before.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from cli_inprocess import run_cli
from real_recordings import biosignalsnotebooks_bvp, biosignalsnotebooks_bvp_reference
from scoring import match_f1, read_beats

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")
SPEED = 10.0  # the 39 s recording in about 4 s


def test_an_inverted_zero_centred_wave_is_served_upright_in_counts_and_recorded_on_its_beats(tmp_path):
    t_s, v, _ = biosignalsnotebooks_bvp()
    path = tmp_path / "bvp_inverted.csv"
    inverted = -(v - v.mean()) / 10.0  # about -0.3 to +0.2, falling with each pulse
    path.write_text("time_s,bvp\n" + "\n".join(f"{t:.6f},{x:.6f}" for t, x in zip(t_s, inverted, strict=True)))
    env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path / "data")}
    server = subprocess.Popen([sys.executable, "-m", "biofeedback", "replay", str(path), "--port-out",
                               "--speed", str(SPEED)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env)
    try:
        first = server.stdout.readline().split()
        assert first and first[0] == "PORT", server.stderr.read()
        result = run_cli("record", "--port", first[1], "--protocol", "native", "--duration", "6",
                         "--no-store", "--out", tmp_path / "beats.csv", env=env)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert result.returncode == 0, result.stderr
    got = read_beats(tmp_path / "beats.csv")
    assert got.shape[0] > 20
    reference = biosignalsnotebooks_bvp_reference()
    inner = reference[(reference > got[0, 0] - 0.5) & (reference < got[-1, 0] + 0.5)]
    assert match_f1(got[got[:, 2] == 0, 0], inner) >= 0.95


def test_the_direction_chosen_while_recording_says_which_way_up_to_serve_the_whole_wave():
    """A choice is the person's word about the sensor: true before it was made too, and later than
    the head of the recording the shape is read from (the BVP twice over: 78 s, the choice at 70 s)."""
    import numpy as np

    from biofeedback.cli.replay import wave_polarity
    from biofeedback.core.types import DeviceInfo, PpgBlock, PulseDirectionChosen

    t_s, v, fs_hz = biosignalsnotebooks_bvp()
    t2, v2 = np.concatenate([t_s, t_s + t_s[-1] + 1 / fs_hz]), np.concatenate([-v, -v])  # upside down
    blocks = [PpgBlock(t2[i:i + 256], v2[i:i + 256], fs_hz) for i in range(0, t2.size, 256)]
    header = DeviceInfo("native", fs_hz=fs_hz, polarity=1)  # it says upright: wrong for this sensor
    late = int(70.0 * fs_hz) // 256
    assert wave_polarity([header, *blocks]) == 1  # nothing said: the header's word
    chosen = [header, *blocks[:late], PulseDirectionChosen(-1), *blocks[late:]]
    assert wave_polarity(chosen) == -1
    assert wave_polarity(chosen, chosen=1) == 1  # replay --polarity holds over it
    assert wave_polarity([*chosen, PulseDirectionChosen(None)]) == 1  # automatic again: the header's
