"""Fuzz: the LSL inlet decoder, the stream checks and the XDF reader on random, cut, flipped and absurd input.

A case fails on a traceback (anything but the reader's InputError), a hang (pytest-timeout),
memory over a cap (tracemalloc's peak: NumPy's arrays are counted), or a beat that is not in
the input: an interval an RR stream never carried, a beat time outside the samples, a time that
is not finite or does not increase. Seeds are fixed, so a failure is reproducible;
BIOFEEDBACK_FUZZ_SEED=<n> runs the random ones with another seed.
"""

from __future__ import annotations

import math
import os
import sys
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pytest
from xdf_writer import XdfStream, write_xdf

from biofeedback import config
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.simulation import ArtifactParams, PersonParams, PpgSynth, SimulatedPerson
from biofeedback.core.types import DeviceBeat, Gap, PpgBlock
from biofeedback.io.files import InputError, load_recording
from biofeedback.io.lsl_outlets import MANUFACTURER
from biofeedback.io.lsl_source import StreamDecoder
from biofeedback.io.stream_checks import (
    FORMAT_BYTES,
    NUMERIC_FORMATS,
    SAMPLE_OVERHEAD_BYTES,
    RateCheck,
    declared_problem,
    inlet_buffer,
    needs_rate,
)

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from ecg_synth import synth_ecg  # noqa: E402

T0 = 51234.5
MEMORY_CAP_B = 100_000_000  # per case; the inputs are at most a few hundred kB
SEED = int(os.environ.get("BIOFEEDBACK_FUZZ_SEED", "0"))


class Peak:
    """tracemalloc's peak over a block, in bytes above what was allocated at its start.

    Memory is traced inside the block only: tracing makes every allocation several times
    dearer, and the checks around the blocks (beat detection, every value a file carries)
    are not what is capped.
    """

    def __enter__(self) -> Peak:
        tracemalloc.start()
        self.base = tracemalloc.get_traced_memory()[0]
        return self

    def __exit__(self, *exc) -> None:
        self.bytes = tracemalloc.get_traced_memory()[1] - self.base
        tracemalloc.stop()


RATES = [math.nan, math.inf, -math.inf, -1.0, 0.0, 1e-300, 5.0, 10.0, 49.9, 50.0, 100.0, 130.0, 1e4, 1e4 + 1,
         1e7, 1e9, 1e300]
CHANNELS = [-5, 0, 1, 2, 3, 256, 257, 100_000, 2**31 - 1]
FORMATS = [*sorted(NUMERIC_FORMATS), "string", "undefined", ""]


def test_absurd_settings_are_refused_and_accepted_ones_fit_in_bounded_memory():
    rng = np.random.default_rng(1 + SEED)
    accepted = 0
    for _ in range(5000):
        kind = str(rng.choice(["ppg", "ecg", "rr"]))
        rate = float(rng.choice(RATES)) if rng.random() < 0.7 else float(10 ** rng.uniform(-3, 12))
        n = int(rng.choice(CHANNELS))
        fmt = str(rng.choice(FORMATS))
        used = int(rng.integers(-1, 5))
        problem = declared_problem("The stream 'x'", kind, rate, n, fmt, used)
        if problem is not None:
            assert problem.startswith("The stream 'x'") and problem.endswith(".")
            continue
        accepted += 1
        assert 1 <= n <= config.STREAM_MAX_CHANNELS and fmt in NUMERIC_FORMATS and 0 <= used < n
        assert 0 <= rate <= config.STREAM_MAX_RATE_HZ
        if needs_rate(kind) and rate:
            assert rate >= config.STREAM_MIN_PPG_RATE_HZ
        buflen, samples = inlet_buffer(n, fmt, rate)
        assert buflen >= 1
        per_sample = n * FORMAT_BYTES[fmt] + SAMPLE_OVERHEAD_BYTES  # liblsl keeps values in their format
        # liblsl holds buflen s (or buflen * 100 samples at 0 Hz): within the cap, or one unit of it
        held = buflen * rate if rate > 0 else buflen * 100
        assert held * per_sample <= max(config.LSL_SOURCE_BUFFER_BYTES, (rate or 100) * per_sample) * 1.01
    assert accepted > 200


def damaged_stamps(rng: np.random.Generator, n: int, t0: float, fs: float) -> np.ndarray:
    t = t0 + np.arange(n) / fs + rng.normal(0, 0.1 / fs, n) * (rng.random() < 0.5)
    for _ in range(int(rng.integers(0, 4)) if n else 0):
        i = int(rng.integers(0, n))
        t[i] = rng.choice([np.nan, np.inf, -np.inf, t[i] - rng.uniform(0, 100), t[i] + rng.uniform(0, 1e6),
                           t[max(i - 1, 0)], 0.0, 1e300])
    return t


def damaged_values(rng: np.random.Generator, n: int, channels: int, base: np.ndarray) -> np.ndarray:
    data = np.repeat(base[:n].reshape(-1, 1), channels, axis=1).astype(float)
    for _ in range(int(rng.integers(0, 6)) if n else 0):
        data[int(rng.integers(0, n)), int(rng.integers(0, channels))] = rng.choice(
            [np.nan, np.inf, -np.inf, 0.0, -800.0, 1e30, -1e30, 1e-30, 5001.0, 4999.0])
    return data


@pytest.mark.slow(about_s=16)
@pytest.mark.timeout(240)
def test_the_lsl_decoder_on_damaged_chunks_gives_only_what_it_was_given():
    rng = np.random.default_rng(7 + SEED)
    ppg = np.asarray(PpgSynth(SimulatedPerson(PersonParams(hr_bpm=70.0), ArtifactParams(), seed=3),
                              fs_hz=100.0, adc_max=1023, noise=0.01, seed=3).step(6000)[1])
    ecg = synth_ecg(40, 130.0, seed=5)[0] * 1000.0
    for case in range(60):
        kind = ("ppg", "ecg", "rr")[case % 3]
        fs = float(rng.choice([10.0, 50.0, 100.0, 130.0, 500.0])) if kind != "ecg" else float(rng.choice([50.0, 130.0, 1000.0]))
        channels = int(rng.integers(1, 4))
        rr_channel = int(rng.integers(0, channels + 1))  # may be past the last channel
        unit = str(rng.choice(["ms", "s", ""]))
        ours = bool(rng.random() < 0.5)
        decoder = StreamDecoder(kind, fs, rr_channel, unit, stamped_at_beat=ours)
        given_rr: list[float] = []
        events = []
        t_first, t_last = np.inf, -np.inf
        with Peak() as peak:
            t_next = T0
            for _ in range(int(rng.integers(5, 40))):
                n = int(rng.integers(0, 200)) if kind != "rr" else int(rng.integers(0, 6))
                if kind == "rr":
                    rr = 800 + 100 * rng.standard_normal(n)
                    base = rr / 1000.0 if unit == "s" else rr
                    t = damaged_stamps(rng, n, t_next, 1.2)
                    t_next += n * 0.8
                else:
                    wave = ppg if kind == "ppg" else ecg
                    start = int(rng.integers(0, wave.size - 200))
                    base = wave[start:start + 200]
                    t = damaged_stamps(rng, n, t_next, fs)
                    t_next += n / fs
                data = damaged_values(rng, n, channels, base)
                if kind == "rr" and rr_channel < channels:
                    col = data[:, rr_channel]
                    given_rr += [*col.tolist(), *(col * 1000.0).tolist()]
                finite = t[np.isfinite(t)]
                if finite.size:
                    t_first, t_last = min(t_first, finite.min()), max(t_last, finite.max())
                events += decoder.decode(t, data)
                if rng.random() < 0.05:
                    decoder.reset()  # as after a reconnect
        assert peak.bytes < MEMORY_CAP_B, f"case {case}: {peak.bytes / 1e6:.0f} MB"
        pipeline = Pipeline(correct=False)  # what the decoder gave makes beats (outside the traced block)
        out = pipeline.feed(events)
        out.extend(pipeline.flush())
        last = -np.inf
        for e in events:
            if isinstance(e, PpgBlock):
                assert np.isfinite(e.t_s).all() and e.t_s[0] > last and np.all(np.diff(e.t_s) > 0), f"case {case}"
                last = float(e.t_s[-1])
                assert e.fs_hz == fs
            elif isinstance(e, DeviceBeat):
                assert math.isfinite(e.t_s) and t_first <= e.t_s <= t_last + 10.0, f"case {case}: beat at {e.t_s}"
                if kind == "rr":
                    assert e.ibi_ms is not None and 0 < e.ibi_ms <= config.FILE_RR_GAP_MS
                    assert np.isclose(given_rr, e.ibi_ms, rtol=1e-12).any(), f"case {case}: {e.ibi_ms} never sent"
            elif isinstance(e, Gap):
                assert math.isfinite(e.t_s)
        beat_t = [b.t_s for b in out.beats]
        assert np.isfinite(beat_t).all() and np.all(np.diff(beat_t) > 0), f"case {case}"
        if kind == "rr":  # the pipeline's beats are at the decoder's beats (or where their interval starts)
            device = [(e.t_s, e.ibi_ms) for e in events if isinstance(e, DeviceBeat)]
            places = np.array([t for t, _ in device] + [t - (r or 0.0) / 1000.0 for t, r in device])
            for b in out.beats:
                assert np.isclose(places, b.t_s, rtol=0, atol=1e-9).any(), f"case {case}: beat at {b.t_s}"


def test_rate_checks_on_damaged_stamps_decide_without_raising_and_keep_little():
    rng = np.random.default_rng(11 + SEED)
    for _ in range(300):
        kind = str(rng.choice(["ppg", "ecg", "rr"]))
        declared = float(rng.choice([0.0, 10.0, 50.0, 100.0, 130.0, 1e4]))
        check = RateCheck("The stream 'x'", kind, declared, window_s=float(rng.choice([0.5, 5.0])))
        sent = 0
        with Peak() as peak:
            t_next = 0.0
            for _ in range(int(rng.integers(1, 60))):
                fs = float(rng.choice([1.0, 100.0, 130.0, 1e4, 1e6]))
                n = int(rng.integers(0, 5000))
                t = damaged_stamps(rng, n, t_next, fs)
                if rng.random() < 0.2:
                    t = np.repeat(t[:: max(1, n // 10)], 10)[:n]  # bunched
                t_next += n / fs
                sent += n
                if check.feed(t):
                    break
        assert peak.bytes < MEMORY_CAP_B
        if check.done:
            assert (check.rate_hz is None) != (check.problem is None) or not needs_rate(kind)
            if check.rate_hz is not None and needs_rate(kind):
                assert config.STREAM_MIN_PPG_RATE_HZ <= check.rate_hz <= config.STREAM_MAX_RATE_HZ


# -- XDF ------------------------------------------------------------------------------------------
def xdf_inputs(tmp_path: Path) -> dict[str, bytes]:
    fs = 100.0
    person = SimulatedPerson(PersonParams(hr_bpm=66.0), ArtifactParams(), seed=4)
    ppg = np.asarray(PpgSynth(person, fs_hz=fs, adc_max=1023, noise=0.01, seed=4).step(3000)[1])
    rr = 850 + 70 * np.sin(np.arange(60) / 3.0)
    ecg = synth_ecg(20, 130.0, seed=2)[0] * 1000.0
    streams = {
        "ppg": [XdfStream("finger PPG", "PPG", [("ppg", "au")], fs, "float32", "p",
                          stamps=T0 + np.arange(ppg.size) / fs, values=ppg.reshape(-1, 1))],
        "rr_ours": [XdfStream("biofeedback_A_RR", "RR", [("rr_ms", "ms"), ("corrected", ""), ("quality", "")], 0.0,
                              "double64", "biofeedback:h:A:RR", MANUFACTURER, stamps=T0 + np.cumsum(rr) / 1000.0,
                              values=np.column_stack([rr, np.zeros_like(rr), np.ones_like(rr)]),
                              clock_offsets=[(T0, -0.001), (T0 + 60, -0.001)])],
        "rr_bridge": [XdfStream("H10 RRinterval", "RR", [("RR", "ms")], 0.0, "double64", "h10",
                                stamps=T0 + np.cumsum(rr) / 1000.0 + 0.05, values=rr.reshape(-1, 1))],
        "ecg": [XdfStream("Polar ECG", "ECG", [("ECG", "uV")], 130.0, "int32", "e",
                          stamps=T0 + np.arange(ecg.size) / 130.0, values=ecg.reshape(-1, 1))],
        "both": [XdfStream("Markers", "Markers", [("m", "")], 0.0, "string", "m", stamps=np.array([T0, T0 + 1]),
                           values=[["start"], ["stop"]]),
                 XdfStream("finger PPG", "PPG", [("ppg", "au")], fs, "double64", "p",
                           stamps=T0 + np.arange(ppg.size) / fs, values=ppg.reshape(-1, 1))],
    }
    out = {}
    for name, s in streams.items():
        path = tmp_path / f"{name}.xdf"
        write_xdf(path, s, chunk_samples=int(np.random.default_rng(len(name)).integers(7, 400)))
        out[name] = path.read_bytes()
    # absurd declarations over the same samples
    for rate in (1e9, -1.0, 1e300, 0.0):
        path = tmp_path / f"rate{rate}.xdf"
        write_xdf(path, [XdfStream("finger PPG", "PPG", [("ppg", "au")], rate, "float32", "p",
                                   stamps=T0 + np.arange(ppg.size) / fs, values=ppg.reshape(-1, 1))])
        out[f"rate{rate}"] = path.read_bytes()
    path = tmp_path / "channels.xdf"  # the header says 5 channels, the samples carry 1
    write_xdf(path, [XdfStream("finger PPG", "PPG", [("ppg", "au")] * 5, fs, "float32", "p",
                               stamps=T0 + np.arange(ppg.size) / fs, values=ppg.reshape(-1, 1))])
    out["channels"] = path.read_bytes()
    return out


def mutate(rng: np.random.Generator, data: bytes) -> bytes:
    b = bytearray(data)
    how = int(rng.integers(0, 6))
    if how == 0:  # cut short
        return bytes(b[: int(rng.integers(0, len(b)))])
    if how == 1:  # flipped bits
        for _ in range(int(rng.integers(1, 9))):
            b[int(rng.integers(4, len(b)))] ^= 1 << int(rng.integers(0, 8))
        return bytes(b)
    if how == 2:  # a span of random bytes
        i = int(rng.integers(4, len(b)))
        b[i:i + int(rng.integers(1, 64))] = rng.bytes(int(rng.integers(1, 64)))
        return bytes(b)
    if how == 3:  # bytes inserted
        i = int(rng.integers(4, len(b)))
        return bytes(b[:i] + rng.bytes(int(rng.integers(1, 32))) + b[i:])
    if how == 4:  # a span repeated
        i = int(rng.integers(4, len(b)))
        return bytes(b[:i] + b[i:i + int(rng.integers(1, 2000))] + b[i:])
    return bytes(b)  # intact


def file_doubles(data: bytes) -> np.ndarray:
    """Every finite float64 and float32 at every byte offset of the file, sorted: what it could carry."""
    vals = [np.frombuffer(data[k:len(data) - (len(data) - k) % 8], "<f8") for k in range(8)]
    with np.errstate(invalid="ignore", over="ignore"):
        vals += [np.frombuffer(data[k:len(data) - (len(data) - k) % 4], "<f4").astype(float) for k in range(4)]
    v = np.concatenate(vals)
    return np.unique(v[np.isfinite(v)])


def carried(values: np.ndarray, known: np.ndarray, rtol: float = 1e-9) -> np.ndarray:
    """True where a value is (within rtol) one of ``known`` (sorted)."""
    i = np.clip(np.searchsorted(known, values), 1, known.size - 1)
    near = np.minimum(np.abs(known[i] - values), np.abs(known[i - 1] - values))
    return near <= rtol * np.maximum(np.abs(values), 1.0)


@pytest.mark.slow(about_s=16)
@pytest.mark.timeout(240)
def test_the_xdf_reader_on_damaged_and_absurd_files_raises_only_input_errors(tmp_path):
    rng = np.random.default_rng(2025 + SEED)
    inputs = xdf_inputs(tmp_path)
    names = sorted(inputs)
    outcomes = {"read": 0, "read with a warning": 0, "refused": 0}
    from biofeedback.core.offline import beats_from_events

    for case in range(240):
        name = names[case % len(names)]
        data = mutate(rng, inputs[name])
        path = tmp_path / "case.xdf"
        path.write_bytes(data)
        kind = "rr" if name.startswith("rr") else "auto"
        with Peak() as peak, warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            try:
                rec = load_recording(path, kind=kind)
            except InputError as error:
                assert str(error) and "Traceback" not in str(error)
                outcomes["refused"] += 1
                continue
        assert peak.bytes < MEMORY_CAP_B, f"case {case} ({name}): {peak.bytes / 1e6:.0f} MB"
        outcomes["read with a warning" if said else "read"] += 1
        if rec.kind == "rr":
            assert rec.beat_t_s is not None and rec.chain_start is not None
            assert np.isfinite(rec.beat_t_s).all() and np.all(np.diff(rec.beat_t_s) > 0), f"case {case}"
            if name == "rr_bridge":  # intervals are the values sent (beat times rebuilt from them)
                within = ~rec.chain_start[1:]
                intervals = np.diff(rec.beat_t_s)[within] * 1000.0
                assert carried(intervals, file_doubles(data), 1e-6).all(), f"case {case}: an interval never sent"
            if name == "rr_ours":  # beat times are the stamps sent
                stamps = file_doubles(data)
                first = stamps[carried(stamps + rec.beat_t_s[-1], stamps)]
                assert any(carried(rec.beat_t_s + s0, stamps).all() for s0 in first), f"case {case}"
        elif rec.kind == "ppg":
            assert rec.t_s is not None and rec.value is not None
            assert np.isfinite(rec.t_s).all() and np.all(np.diff(rec.t_s) > 0)
            assert rec.fs_hz is not None and config.STREAM_MIN_PPG_RATE_HZ <= rec.fs_hz <= config.STREAM_MAX_RATE_HZ
            if case % 4 == 0:
                beats = beats_from_events(rec.events_in_blocks(config.OFFLINE_PPG_BLOCK_SAMPLES), False)
                assert ((beats.t_s >= rec.t_s[0]) & (beats.t_s <= rec.t_s[-1])).all(), f"case {case}"
    print(outcomes)
    assert outcomes["refused"] > 20 and outcomes["read with a warning"] > 20 and outcomes["read"] > 5
