"""`biofeedback analyze` on real ECG recordings, in every ECG format (called in-process: exit status,
printed text and the beats file are what is checked; tests/cli/test_analyze.py runs analyze as a
subprocess).

The R peaks are scored one-to-one within ±50 ms against NeuroKit2's ``ecg_peaks``
computed here, or, on the recordings where NeuroKit2 itself marks noise as beats
(looked at on plots: pyphysio's medical ECG, biopeaks' OSmontage1J/2A/3J), against the
reviewed reference beats of tests/data/validation (beats at least two published
detectors agree on, NeuroKit2 among them; unscorable spans excluded). GPL recordings
are read from the installed packages at run time, never copied.
"""

from __future__ import annotations

import bz2
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from cli_inprocess import run_cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_ECG = ROOT / "tests" / "data" / "pyhrv_SampleECG.txt"  # BITalino ECG, 1000 Hz, BSD-3 (copied)
VALIDATION = ROOT / "tests" / "data" / "validation"
F1_MIN = 0.995
TOL_S = 0.05


def analyze_beats(path: Path, tmp_path: Path, *flags: str) -> tuple[np.ndarray, np.ndarray, str]:
    """(beat times s, intervals ms, stdout) of ``analyze FILE --beats OUT.csv``; fails on a non-zero exit.

    A beat's time is where the detector put its R peak (``detected_s``): the artifact corrector
    moves an ectopic beat for the intervals, not the R peak; a beat it inserted has no R peak."""
    out = tmp_path / f"{path.stem}_beats.csv"
    done = run_cli("analyze", str(path), "--beats", str(out), *flags)
    assert done.returncode == 0, done.stderr
    table = np.loadtxt(out, delimiter=",", skiprows=1, ndmin=2)
    detected = table[:, 3]
    return detected[np.isfinite(detected)], table[:, 1], done.stdout


def f1_score(found: np.ndarray, ref: np.ndarray, tol_s: float = TOL_S) -> float:
    """One-to-one matching in time order within ``tol_s``."""
    i = j = tp = 0
    while i < found.size and j < ref.size:
        d = found[i] - ref[j]
        if abs(d) <= tol_s:
            tp, i, j = tp + 1, i + 1, j + 1
        elif d < 0:
            i += 1
        else:
            j += 1
    return 2 * tp / max(found.size + ref.size, 1)


def scored(found: np.ndarray, ref: np.ndarray, spans: list[tuple[float, float]] = ()) -> float:
    """F1 between the reference's first and last beat (the first has no interval, so ``analyze``
    writes none; an R peak in the last instant is not whole), outside unscorable spans."""
    lo, hi = ref[0] + TOL_S, ref[-1] - TOL_S

    def keep(t: np.ndarray) -> np.ndarray:
        ok = (t > lo) & (t < hi)
        for a, b in spans:
            ok &= ~((t >= a - TOL_S) & (t <= b + TOL_S))
        return t[ok]

    return f1_score(keep(found), keep(ref))


def nk_r_peaks(ecg: np.ndarray, fs_hz: float) -> np.ndarray:
    nk = pytest.importorskip("neurokit2")
    _, info = nk.ecg_peaks(np.asarray(ecg, float), sampling_rate=int(round(fs_hz)), method="neurokit")
    return np.asarray(info["ECG_R_Peaks"], int) / round(fs_hz)


def reference_beats(rec_id: str) -> tuple[np.ndarray, list[tuple[float, float]]]:
    spans, times = [], []
    for line in (VALIDATION / f"{rec_id}_beats.csv").read_text().splitlines():
        if line.startswith("# excluded"):
            a, b = line.split()[2:4]
            spans.append((float(a), float(b)))
        elif line and not line.startswith(("#", "t_s")):
            times.append(float(line))
    return np.array(times), spans


def opensignals_column(path: Path, column: str) -> tuple[np.ndarray, float]:
    header = path.read_text(encoding="utf-8", errors="replace").splitlines()[1].lstrip("# ")
    meta = next(iter(json.loads(header).values()))
    table = np.loadtxt(path, comments="#", ndmin=2)
    return table[:, meta["column"].index(column)].astype(float), float(meta["sampling rate"])


def package_file(package: str, *parts: str) -> Path:
    """A file inside an installed package (found without importing it), or a skip."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        pytest.skip(f"{package} is not installed (pip install -e '.[validation]')")
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{package} ships no {'/'.join(parts)}")
    return path


@pytest.fixture(scope="module")
def sample_ecg() -> tuple[np.ndarray, float, np.ndarray]:
    """pyhrv's SampleECG (channel A2, 1000 Hz) and NeuroKit2's R peaks on it."""
    ecg, fs = opensignals_column(SAMPLE_ECG, "A2")
    return ecg, fs, nk_r_peaks(ecg, fs)


# -- real recordings, as shipped -------------------------------------------------------------


def test_opensignals_ecg_as_shipped_needs_no_flag(tmp_path, sample_ecg):
    _, _, nk_t = sample_ecg
    t, _, table = analyze_beats(SAMPLE_ECG, tmp_path)
    assert "A2 (ECG)" in table and "R peaks" in table
    assert scored(t, nk_t) >= F1_MIN


@pytest.mark.parametrize("name", ["OSmontage1A", "OSmontage2J", "OSmontage3A"])
def test_bitalino_ecg_channel_chosen_by_its_sensor_label_matches_neurokit2(tmp_path, name):
    path = package_file("biopeaks", "tests", "testdata", f"{name}.txt")  # GPL-3.0: read where installed
    ecg, fs = opensignals_column(path, "A3")
    t, _, table = analyze_beats(path, tmp_path)  # channels RAW, ECGBIT, RAW: the ECG one, without --column
    assert "A3 (ECGBIT)" in table
    assert scored(t, nk_r_peaks(ecg, fs)) >= F1_MIN


@pytest.mark.parametrize("name", ["OSmontage1J", "OSmontage2A", "OSmontage3J"])
def test_noisy_bitalino_ecg_matches_the_reviewed_reference(tmp_path, name):
    """NeuroKit2 marks EMG bursts as beats here (and misses real ones in them): the reviewed reference."""
    path = package_file("biopeaks", "tests", "testdata", f"{name}.txt")
    t, _, _ = analyze_beats(path, tmp_path, "--kind", "ecg")
    ref, spans = reference_beats(f"biopeaks_{name}")
    assert scored(t, ref, spans) >= F1_MIN


def test_laboratory_ecg_csv_is_recognised_by_its_column_name(tmp_path):
    """pyphysio's medical ECG (2048 Hz) as a `time_s,ecg` CSV: before, it was analysed as a pulse wave."""
    with bz2.open(package_file("pyphysio", "test_data", "medical.txt.bz2"), "rt") as f:
        ecg = np.loadtxt(f)[:, 0]
    t_s = np.arange(ecg.size) / 2048.0
    path = tmp_path / "medical_ecg.csv"
    np.savetxt(path, np.c_[t_s, ecg], delimiter=",", header="time_s,ecg", comments="", fmt="%.7f")
    t, rr, table = analyze_beats(path, tmp_path)
    assert "ECG column ecg" in table
    ref, spans = reference_beats("pyphysio_medical_ecg")
    assert scored(t, ref, spans) >= F1_MIN
    assert 800 < np.median(rr) < 950  # ~66 bpm, not the PPG detector's doubled or halved rhythm


def test_short_clean_ecg_csv(tmp_path):
    path = VALIDATION / "biosignalsnotebooks_cleanecg.csv"  # time_s,ecg at 100 Hz, MIT (copied)
    raw = np.loadtxt(path, delimiter=",", skiprows=1)
    t, _, _ = analyze_beats(path, tmp_path)
    assert scored(t, nk_r_peaks(raw[:, 1], 100.0)) >= F1_MIN


# -- every ECG format, from the same real samples ----------------------------------------------


def test_polar_sensor_logger_export(tmp_path, sample_ecg):
    ecg, fs, nk_t = sample_ecg
    ns0 = 599_694_285_627_656_544  # a strap clock in ns, as Polar writes it
    stamps = ns0 + np.round(np.arange(ecg.size) * 1e9 / fs).astype(np.int64)
    phone = np.datetime64("2024-03-01T10:00:00.000") + (np.arange(ecg.size) * 1000 / fs).astype("timedelta64[ms]")
    lines = ["Phone timestamp;sensor timestamp [ns];timestamp [ms];ecg [uV]"]
    lines += [f"{p};{s};{k * 1000 / fs:.1f};{round(v * 1000)}"
              for k, (p, s, v) in enumerate(zip(phone.astype(str), stamps, ecg, strict=True))]
    path = tmp_path / "Polar_H10_ECG.txt"
    path.write_text("\n".join(lines) + "\n")
    t, _, table = analyze_beats(path, tmp_path)
    assert "Polar ECG" in table
    assert scored(t, nk_t) >= F1_MIN


def test_plain_timestamp_ns_csv(tmp_path, sample_ecg):
    ecg, fs, nk_t = sample_ecg
    path = tmp_path / "strap.csv"
    stamps = 1_700_000_000_000_000_000 + np.round(np.arange(ecg.size) * 1e9 / fs).astype(np.int64)
    path.write_text("timestamp_ns,ecg_uv\n" + "".join(f"{s},{round(v * 1000)}\n" for s, v in zip(stamps, ecg, strict=True)))
    t, _, _ = analyze_beats(path, tmp_path)
    assert scored(t, nk_t) >= F1_MIN


def test_edf_with_an_ecg_among_other_signals(tmp_path, sample_ecg):
    pyedflib = pytest.importorskip("pyedflib")
    ecg, fs, nk_t = sample_ecg
    resp = 100.0 * np.sin(2 * np.pi * 0.25 * np.arange(ecg.size) / fs)
    path = tmp_path / "night.edf"
    headers = [{"label": "Resp chest", "dimension": "uV", "sample_frequency": fs, "physical_min": -200.0,
                "physical_max": 200.0, "digital_min": -32768, "digital_max": 32767},
               {"label": "ECG II", "dimension": "mV", "sample_frequency": fs, "physical_min": float(ecg.min()) - 1,
                "physical_max": float(ecg.max()) + 1, "digital_min": -32768, "digital_max": 32767}]
    n = int(ecg.size // fs * fs)  # whole one-second data records
    pyedflib.highlevel.write_edf(str(path), [resp[:n], ecg[:n]], headers)
    t, _, table = analyze_beats(path, tmp_path)
    assert "EDF signal 'ECG II'" in table
    assert scored(t, nk_t[nk_t < n / fs]) >= F1_MIN


def test_bare_column_named_ecg_with_fs(tmp_path, sample_ecg):
    ecg, fs, nk_t = sample_ecg
    path = tmp_path / "lead.csv"
    path.write_text("ECG (mV)\n" + "".join(f"{v:.3f}\n" for v in ecg))
    t, _, _ = analyze_beats(path, tmp_path, "--fs", str(fs))
    assert scored(t, nk_t) >= F1_MIN


@pytest.mark.parametrize("name", ["ecg", "ECG", "ecg_uv", "ECG (mV)", "EKG [uV]"])
def test_auto_takes_a_column_named_ecg_as_ecg(tmp_path, sample_ecg, name):
    ecg, fs, _ = sample_ecg
    path = tmp_path / "named.csv"
    path.write_text(f"time_ms,{name}\n" + "".join(f"{k:.0f},{v:.3f}\n" for k, v in enumerate(ecg)))
    auto, _, table = analyze_beats(path, tmp_path)
    told, _, _ = analyze_beats(path, tmp_path, "--kind", "ecg")
    assert f"ECG column {name}" in table
    np.testing.assert_array_equal(auto, told)


def test_analyze_gives_the_live_ecg_sources_beats(tmp_path, sample_ecg):
    """The live path: the LSL source's decoder fed 20 ms chunks, then the pipeline."""
    from biofeedback.core.pipeline import Pipeline
    from biofeedback.io.lsl_source import StreamDecoder

    ecg, fs, _ = sample_ecg
    decoder, pipeline = StreamDecoder("ecg", fs), Pipeline()
    t_all = np.arange(ecg.size) / fs
    live = [*pipeline.feed([decoder.info("strap")]).beats]
    step = int(0.02 * fs)
    for i in range(0, ecg.size, step):
        live += pipeline.feed(decoder.decode(t_all[i:i + step], ecg[i:i + step, None])).beats
    live += pipeline.flush().beats
    path = tmp_path / "sample.csv"
    np.savetxt(path, np.c_[t_all, ecg], delimiter=",", header="time_s,ecg", comments="", fmt="%.6f")
    t, rr, _ = analyze_beats(path, tmp_path)
    live_t = np.array([b.t_s for b in live])
    n = live_t.size  # the live stream never ends: its last R peak waits for the next samples
    assert n >= t.size - 2
    np.testing.assert_allclose(t[:n], live_t, atol=6e-5)  # the CSV holds 0.1 ms
    np.testing.assert_allclose(rr[:n], [b.rr_ms for b in live], atol=0.06)


# -- what analyze cannot tell, it refuses ----------------------------------------------------


def test_raw_sensor_counts_are_refused_naming_the_kind(tmp_path):
    """A MAX30102 IR log without a time column (~144 500 counts), once read as RR intervals."""
    rng = np.random.default_rng(3)
    k = np.arange(3000)
    counts = 144_500 + 400 * np.sin(2 * np.pi * 1.1 * k / 100) + rng.normal(0, 30, k.size)
    counts[:2] = (83_078, 138_202)  # start-up samples, as the real sensor gives
    path = tmp_path / "max30102_ir.txt"
    path.write_text("".join(f"{c:.0f}\n" for c in counts))
    done = run_cli("analyze", str(path))
    assert done.returncode == 2
    message = done.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "not heart intervals" in message and "--kind ppg" in message and "--kind ecg" in message


def test_an_ecg_without_time_or_rate_asks_for_fs(tmp_path, sample_ecg):
    ecg, _, _ = sample_ecg
    path = tmp_path / "ecg_only.csv"
    path.write_text("ecg\n" + "".join(f"{v:.3f}\n" for v in ecg))
    done = run_cli("analyze", str(path))
    assert done.returncode == 2 and "--fs" in done.stderr
