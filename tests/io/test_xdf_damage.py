"""XDF files with absurd settings, cut short or with flipped bits, through ``analyze`` and ``replay``
as real processes (issue 25, item 4). The files are written here from the published format.

Before: a PPG stream declaring 1e9 Hz made ``analyze`` take 8.2 GB for 67 s and end in a
MemoryError; a file cut in half gave exit 0 with 57 of 130 beats and only pyxdf's log line
("found likely XDF file corruption ... scanning forward") on stderr. Now a refused stream is one
sentence and exit 2 in ~110 MB; damage is a warning on stderr naming how much was read (exit 0
when what was read is usable), or exit 2 when nothing usable is left.

The 1e9 Hz file runs through both commands as processes of their own (a whole process's memory
is the point there); the rest call the commands in-process (tests/cli_inprocess.py), their memory
measured as the rise of this process's peak over its size at the call.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import numpy as np
import psutil
import pytest
from cli_inprocess import run_cli
from xdf_writer import XdfStream, write_xdf

from biofeedback.core.simulation import ArtifactParams, PersonParams, PpgSynth, SimulatedPerson
from biofeedback.io.files import InputError, load_recording
from biofeedback.io.lsl_outlets import MANUFACTURER
from biofeedback.io.stream_checks import InputWarning

BF = [sys.executable, "-m", "biofeedback"]
T0 = 51234.5
FS = 100.0
RSS_CAP_MB = 400.0  # a whole analyze process (Python, NumPy, SciPy): ~115 MB on these files
GROWTH_CAP_MB = RSS_CAP_MB - 115.0  # the same cap on a call in this process, whose imports are done


def ppg(seconds: float, seed: int = 4) -> np.ndarray:
    person = SimulatedPerson(PersonParams(hr_bpm=66.0), ArtifactParams(), seed=seed)
    _, values, _ = PpgSynth(person, fs_hz=FS, adc_max=1023, noise=0.01, seed=seed).step(int(seconds * FS))
    return np.asarray(values, float)


def ppg_stream(seconds: float = 120.0, srate: float = FS, stamps: np.ndarray | None = None) -> XdfStream:
    values = ppg(seconds)
    t = T0 + np.arange(values.size) / FS if stamps is None else stamps
    return XdfStream("finger PPG", "PPG", [("ppg", "au")], srate, "float32", "ppg-1", stamps=t,
                     values=values.reshape(-1, 1))


def rr_stream(n: int = 150) -> XdfStream:
    rr = 900 + 80 * np.sin(np.arange(n) / 4.0)
    return XdfStream("H10 RRinterval", "RR", [("RR", "ms")], 0.0, "double64", "h10-rr",
                     stamps=T0 + np.cumsum(rr) / 1000.0, values=rr.reshape(-1, 1))


def run(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    """A biofeedback command as a process: its result and its peak resident memory in MB."""
    proc = psutil.Popen([*BF, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    deadline = time.monotonic() + 180
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            peak = max(peak, proc.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.02)
    if proc.poll() is None:
        proc.kill()
    out, err = proc.communicate(timeout=30)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), peak / 1e6


def call(*args: str):
    """A biofeedback command called here: its result and how far it raised the peak resident memory
    in MB (0 where the peak cannot be reset: not Linux)."""
    result = run_cli(*args)
    return result, result.peak_rss_growth_mb or 0.0


@pytest.mark.slow(about_s=20)
def test_a_stream_declaring_1e9_hz_is_refused_in_one_sentence_and_bounded_memory(tmp_path):
    path = tmp_path / "ghz.xdf"
    write_xdf(path, [ppg_stream(srate=1e9)])
    for command in (("analyze", str(path), "--json"), ("replay", str(path), "--speed", "50")):
        out, peak_mb = run(*command)
        print(f"{command[0]}: exit {out.returncode}, {peak_mb:.0f} MB: {out.stderr.strip()}")
        assert out.returncode == 2
        assert "declares 1e+09 Hz, which no pulse or heart sensor samples at" in out.stderr
        assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
        assert peak_mb < RSS_CAP_MB


def test_another_usable_stream_is_read_when_the_best_one_is_refused(tmp_path):
    path = tmp_path / "ghz_and_rr.xdf"
    write_xdf(path, [ppg_stream(srate=1e9), rr_stream()])
    out, _ = call("analyze", str(path), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["n_beats"] == 149
    assert "warning: ghz_and_rr.xdf: the PPG stream 'finger PPG' declares 1e+09 Hz" in out.stderr


@pytest.mark.parametrize("share", [0.5, 0.9])
def test_a_file_cut_short_is_read_up_to_the_cut_with_a_warning_naming_how_much(tmp_path, share):
    whole = tmp_path / "whole.xdf"
    write_xdf(whole, [ppg_stream()])
    data = whole.read_bytes()
    cut = tmp_path / "cut.xdf"
    cut.write_bytes(data[: int(len(data) * share)])
    out, peak_mb = call("analyze", str(cut), "--json")
    print(f"cut at {share:.0%}: exit {out.returncode}, {peak_mb:.0f} MB; {out.stderr.strip()}")
    assert out.returncode == 0, out.stderr
    assert "warning: cut.xdf is damaged at byte" in out.stderr and "it was cut short" in out.stderr
    read = int(out.stderr.split("read ")[1].split(" samples")[0])
    assert 0.8 * share * 12000 < read < share * 12000
    assert f"({read / FS - 0.01:.1f} s)" in out.stderr
    assert json.loads(out.stdout)["duration_s"] == pytest.approx(read / FS, abs=3.0)
    rep, _ = call("replay", str(cut), "--speed", "50")
    assert rep.returncode == 0 and "warning: cut.xdf is damaged at byte" in rep.stderr


def test_a_file_cut_before_anything_usable_exits_non_zero_and_says_why(tmp_path):
    whole = tmp_path / "whole.xdf"
    write_xdf(whole, [ppg_stream()])
    data = whole.read_bytes()
    for keep in (3, 30, 400, 6000):  # in the magic, in the file header, in the stream header, 1 chunk
        cut = tmp_path / "early.xdf"
        cut.write_bytes(data[:keep])
        out, _ = call("analyze", str(cut), "--json")
        print(f"{keep} bytes: exit {out.returncode}: {out.stderr.strip()}")
        assert out.returncode == 2 and out.stdout == ""
        assert "Traceback" not in out.stderr
        assert "not an XDF file" in out.stderr or "damaged" in out.stderr or "holds no streams" in out.stderr


def flipped(data: bytes, *positions: int, bit: int = 6) -> bytes:
    out = bytearray(data)
    for p in positions:
        out[p] ^= 1 << bit
    return bytes(out)


def test_flipped_bits_are_found_and_reported_never_read_silently(tmp_path):
    whole = tmp_path / "whole.xdf"
    write_xdf(whole, [ppg_stream()])
    data = whole.read_bytes()
    first = data.index(b"</info>", data.index(b"<name>finger PPG")) + len(b"</info>")

    def chunk(k: int) -> int:  # our writer's chunks of 500 samples: 1 + 4 length bytes, then 6511 bytes
        return first + 6516 * k

    def flag(k: int, i: int) -> int:  # sample i of chunk k: tag 2, stream 4, count 1 + 4 bytes, 13 bytes each
        return chunk(k) + 16 + 13 * i

    cases = {  # where, what the message says, exit status
        "a chunk length": (chunk(10) + 2, "damaged at byte", 0),
        "a chunk tag": (chunk(10) + 6, "a chunk of an unknown type", 0),
        "a sample count": (chunk(10) + 13, "does not hold the", 0),
        "a stamp flag": (flag(5, 7), "damaged stamp marker", 0),
        "a stamp's exponent": (flag(5, 7) + 8, "impossible time stamps dropped", 0),
        "a sample count in the first chunk": (chunk(0) + 13, "does not hold the", 2),
        "the stream header's rate": (data.index(b"<nominal_srate>") + len(b"<nominal_srate>"), "", 2),
    }
    for what, (pos, said, code) in cases.items():
        bad = tmp_path / "flipped.xdf"
        bad.write_bytes(flipped(data, pos))
        out, peak_mb = call("analyze", str(bad), "--json")
        print(f"{what} flipped: exit {out.returncode}, {peak_mb:.0f} MB: {out.stderr.strip()[:300]}")
        assert out.returncode == code, out.stderr
        assert "Traceback" not in out.stderr and out.stderr.strip()
        assert said in out.stderr
        assert peak_mb < GROWTH_CAP_MB


def test_a_recording_that_was_not_closed_says_so(tmp_path):
    """LabRecorder writes the stream footers when it stops: a file without them was cut short."""
    whole = tmp_path / "open.xdf"
    write_xdf(whole, [ppg_stream()])
    data = whole.read_bytes()
    footer = data.rindex(b"<?xml", 0, data.rindex(b"<first_timestamp>"))
    open_file = tmp_path / "not_closed.xdf"
    open_file.write_bytes(data[: footer - 8])  # up to the footer chunk (length, tag, stream id)
    with pytest.warns(InputWarning, match="ends without a footer for the stream 'finger PPG' .*read the 12000 samples"):
        rec = load_recording(open_file)
    assert rec.t_s is not None and rec.t_s.size == 12000


def test_0_hz_ppg_is_read_at_the_rate_of_its_regular_stamps_and_refused_when_they_are_bunched(tmp_path):
    regular = tmp_path / "zero.xdf"
    write_xdf(regular, [ppg_stream(srate=0.0)])
    rec = load_recording(regular)
    assert rec.fs_hz == pytest.approx(FS) and "no sample rate declared: 100 Hz from its time stamps" in rec.note
    bunched = tmp_path / "bunched.xdf"
    t = T0 + np.repeat(np.arange(1200) * 0.1, 10)  # 10 samples share each stamp, as a bridge stamps a chunk
    write_xdf(bunched, [ppg_stream(srate=0.0, stamps=t)])
    with pytest.raises(InputError, match=r"declares no sample rate \(0 Hz\) and many of its samples share one"):
        load_recording(bunched)


def test_a_declared_rate_the_stamps_contradict_is_refused(tmp_path):
    path = tmp_path / "wrong_rate.xdf"
    write_xdf(path, [ppg_stream(srate=250.0)])
    out, _ = call("analyze", str(path))
    assert out.returncode == 2
    assert "declares 250 Hz but its time stamps show 100 samples a second" in out.stderr


@pytest.mark.parametrize(("channels", "fmt", "said"), [
    (0, "float32", "declares 0 channels"),
    (300, "float32", "declares 300 channels"),
    (1, "string", "carries text values, not numbers"),
])
def test_channel_counts_and_formats_are_checked_before_the_samples_are_read(tmp_path, channels, fmt, said):
    n = 3000
    values = [[str(i)] for i in range(n)] if fmt == "string" else np.zeros((n, channels))
    path = tmp_path / "odd.xdf"
    write_xdf(path, [XdfStream("finger PPG", "PPG", [("ppg", "au")] * channels, FS, fmt, "p",
                               stamps=T0 + np.arange(n) / FS, values=values)])
    with pytest.raises(InputError, match=said):
        load_recording(path)


def test_our_rr_stream_with_a_flipped_stamp_keeps_every_other_beat(tmp_path):
    rr = 800 + 60 * np.sin(np.arange(80) / 3.0)
    t = T0 + np.cumsum(rr) / 1000.0
    path = tmp_path / "ours.xdf"
    write_xdf(path, [XdfStream("biofeedback_A_RR", "RR", [("rr", "ms")], 0.0, "double64", "biofeedback:h:A:RR",
                               MANUFACTURER, stamps=t, values=rr.reshape(-1, 1))])
    data = path.read_bytes()
    stamp_40 = data.index(np.float64(t[40]).tobytes())
    bad = tmp_path / "flipped.xdf"
    bad.write_bytes(flipped(data, stamp_40 + 7, bit=4))  # its exponent: the stamp is far off
    with pytest.warns(InputWarning, match="1 sample"):
        rec = load_recording(bad, kind="rr")
    assert rec.beat_t_s is not None and rec.beat_t_s.size == 79
    np.testing.assert_allclose(rec.beat_t_s + t[0] - T0, np.delete(t, 40) - T0, atol=1e-9)
