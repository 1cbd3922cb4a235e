"""``biofeedback analyze``: HRV of a recorded file, with the live pipeline's beats, vectorised offline."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from biofeedback.core.rr.offline import BeatSeries


def add_polarity_argument(p: argparse.ArgumentParser) -> None:
    """``--polarity``, as analyze, record and replay take it (core.types.PULSE_DIRECTIONS' names: spelt out
    here, so that a command's --help does not import NumPy)."""
    p.add_argument("--polarity", choices=("auto", "upright", "inverted"), default="auto",
                   help="which way the pulse wave goes when blood arrives: up (most finger sensors) or down "
                        "(raw MAX3010x IR counts); auto: from the device's header, else from the pulse's shape")


class Analysis(NamedTuple):
    beats: BeatSeries
    summary: dict
    note: str  # how the file was read, in words (empty when there is nothing to say)
    # a pulse wave's: which way up its beats were read ("upright"/"inverted"), from what
    # ("--polarity", "the direction chosen while recording", "the device", "its shape"), and whether
    # that was sure; None for RR and ECG
    pulse_direction: dict | None = None
    warnings: tuple[str, ...] = ()  # sentences the table ends with ("Warning: ...")

TABLE_ROWS = (
    ("n_beats", "Beats (intervals)", "", "{:.0f}"),
    ("n_corrected", "Corrected intervals", "", "{:.0f}"),
    ("n_gaps", "Gaps (no difference across)", "", "{:.0f}"),
    ("duration_s", "Duration", "s", "{:.1f}"),
    ("mean_hr_bpm", "Mean heart rate", "bpm", "{:.1f}"),
    ("mean_nn_ms", "Mean NN", "ms", "{:.1f}"),
    ("sdnn_ms", "SDNN", "ms", "{:.1f}"),
    ("rmssd_ms", "RMSSD", "ms", "{:.1f}"),
    ("pnn50_pct", "pNN50", "%", "{:.1f}"),
    ("vlf_power_ms2", "VLF power", "ms²", "{:.0f}"),
    ("lf_power_ms2", "LF power", "ms²", "{:.0f}"),
    ("hf_power_ms2", "HF power", "ms²", "{:.0f}"),
    ("lf_hf_ratio", "LF/HF", "", "{:.2f}"),
    ("lf_peak_hz", "LF peak", "Hz", "{:.3f}"),
    ("hf_peak_hz", "HF peak", "Hz", "{:.3f}"),
    ("coherence_ratio", "Coherence ratio (64 s windows)", "", "{:.2f}"),
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("analyze", help="HRV metrics of an RR, PPG, ECG or raw-event file")
    p.add_argument("file", help="RR/IBI text or CSV, PPG or ECG CSV, OpenSignals, EDF, Polar ECG export, XDF, "
                                "or a raw event log from `record --raw`")
    p.add_argument("--kind", choices=("auto", "rr", "ppg", "ecg"), default="auto",
                   help="what the file holds (auto: from its format and column names)")
    p.add_argument("--fs", type=float, default=None, metavar="HZ",
                   help="PPG/ECG sample rate when the file has no time column")
    p.add_argument("--column", default=None, metavar="NAME", help="column to read when several fit")
    p.add_argument("--no-correct", action="store_true", help="analyse the intervals exactly as given")
    add_polarity_argument(p)
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--beats", default=None, metavar="OUT.csv", help="write time_s,rr_ms,corrected,detected_s per beat")
    p.set_defaults(func=run)


def analyze_file(path: str, kind: str = "auto", fs_hz: float | None = None,
                 column: str | None = None, correct: bool = True, polarity: str = "auto") -> Analysis:
    """Beats, summary metrics, a reading note and a pulse wave's direction for one file.

    Offline and vectorised over the whole record: RR files go straight to
    ``correct_offline``; waves and raw logs run the live pipeline's detection
    in large chunks (an ECG through the live ECG source's R-peak detector, a
    PPG through the pipeline's beat detector), then the same offline correction. Both give the streaming
    pipeline's beats exactly (tests/cli/test_analyze.py).
    """
    from biofeedback import config
    from biofeedback.core.offline import detect_offline
    from biofeedback.core.rr.offline import correct_offline
    from biofeedback.core.summary.analysis import summarize_arrays
    from biofeedback.core.types import PULSE_DIRECTIONS, direction_name
    from biofeedback.io.files import InputError, load_recording

    recording = load_recording(path, kind=kind, fs_hz=fs_hz, column=column)
    direction = None
    note = recording.note
    if recording.kind == "rr":
        assert recording.beat_t_s is not None and recording.chain_start is not None  # kind "rr" has both
        beats = correct_offline(recording.beat_t_s, recording.chain_start, correct, recording.beat_ectopic)
        note = _with_ectopic(note, 0 if recording.beat_ectopic is None else int(recording.beat_ectopic.sum()), correct)
    else:
        declared = PULSE_DIRECTIONS[polarity]
        found = detect_offline(recording.events_in_blocks(config.OFFLINE_PPG_BLOCK_SAMPLES), correct, declared)
        beats = found.beats
        note = _with_ectopic(note, found.n_shaped_ectopic, correct)
        if found.polarity is not None:
            direction = {"polarity": direction_name(found.polarity),
                         "from": "--polarity" if declared is not None else (
                             "the direction chosen while recording" if found.polarity_chosen else
                             "the device" if found.polarity_declared else "its shape"),
                         "sure": not found.polarity_unsure}
    if len(beats) < 2:
        raise InputError(f"{Path(path).name}: found {len(beats)} beat interval(s); at least 2 are needed")
    if beats.n_refused:
        left_out = (f"in all {beats.n_refused} interval(s) left out as gaps (outside the plausible range, or unlike "
                    "their neighbours where a chain of beats starts or ends): no difference is taken across them")
        note = f"{note}; {left_out}" if note else left_out
    # a beats CSV's intervals were mended by the program that wrote it: counted as corrected still
    summary = summarize_arrays(beats.t_s, beats.rr_ms, max(int(beats.corrected.sum()), recording.marked_corrected))
    return Analysis(beats, summary, note, direction, _coverage_warnings(recording, summary))


def _coverage_warnings(recording, summary: dict) -> tuple[str, ...]:
    """A wave whose beats span under half of it: the metrics describe that part only (noise read as an
    ECG gave 6 beats in 2.3 s of 100 s, and a heart rate, without a word)."""
    import numpy as np

    from biofeedback import config

    t_s = recording.t_s
    if recording.kind not in ("ppg", "ecg") or t_s is None or t_s.size < 2:
        return ()
    record_s = float(np.nanmax(t_s) - np.nanmin(t_s))
    beats_s = float(summary["duration_s"] or 0.0)
    if not record_s > 0 or beats_s >= config.ANALYZE_MIN_BEAT_SHARE * record_s:
        return ()
    return (f"Warning: beats were found in only {beats_s:.1f} s of the {record_s:.1f} s recording; "
            "the metrics describe that part only.",)


def _with_ectopic(note: str, n_ectopic: int, correct: bool) -> str:
    """The note, and how many R peaks had a QRS unlike the normal beats' (an ECG's ventricular beats)."""
    if not n_ectopic:
        return note
    what = (f"{n_ectopic} beat(s) with a QRS unlike the normal beats' (ventricular ectopic): "
            + ("corrected, not counted as normal intervals" if correct else "counted as they are (--no-correct)"))
    return f"{note}; {what}" if note else what


def format_table(summary: dict, note: str = "", pulse_direction: dict | None = None,
                 warnings: tuple[str, ...] = ()) -> str:
    lines = []
    for key, label, unit, fmt in TABLE_ROWS:
        value = summary.get(key)
        text = "n/a" if value is None else fmt.format(value)
        lines.append(f"{label:<32}{text:>10} {unit}".rstrip())
    if pulse_direction is not None:
        lines.append(f"{'Pulse wave read':<32}{pulse_direction['polarity']:>10} (from {pulse_direction['from']})")
    if note:
        lines.append(f"({note})")
    if pulse_direction is not None and not pulse_direction["sure"]:
        other = "inverted" if pulse_direction["polarity"] == "upright" else "upright"
        lines.append(f"Warning: the pulse's shape did not show clearly which way it goes; it was read "
                     f"{pulse_direction['polarity']}. If the beats look wrong, try --polarity {other}.")
    share = summary["n_corrected"] / summary["n_beats"] if summary["n_beats"] else 0.0
    if share > 0.05:
        lines.append(f"Warning: {share:.0%} of intervals were corrected; the metrics are unreliable.")
    lines += warnings
    return "\n".join(lines)


def short(message: str) -> str:
    """An error message as one line of at most config.CLI_ERROR_MAX_CHARS characters.

    The readers quote little of a file, but a message built from a file's
    content (a million column names) must never flood the terminal.
    """
    from biofeedback import config

    line = " ".join(str(message).split())
    limit = config.CLI_ERROR_MAX_CHARS
    return line if len(line) <= limit else f"{line[:limit]}… ({len(line) - limit} more characters)"


def run(args: argparse.Namespace) -> int:
    from biofeedback.io.files import InputError

    try:
        result = analyze_file(args.file, args.kind, args.fs, args.column, not args.no_correct, args.polarity)
        if args.beats:
            from biofeedback.io.beats_csv import write_beats_csv

            write_beats_csv(result.beats, args.beats)
    except (InputError, OSError) as error:
        print(f"biofeedback analyze: {short(str(error))}", file=sys.stderr)
        return 2
    except (ValueError, MemoryError) as error:  # a record no check above foresaw: one line, no traceback
        print(f"biofeedback analyze: cannot analyse {Path(args.file).name}: {short(str(error))}", file=sys.stderr)
        return 2
    if args.json:
        extra: dict[str, object] = {} if result.pulse_direction is None else {"pulse_direction": result.pulse_direction}
        if result.warnings:
            extra["warnings"] = list(result.warnings)
        print(json.dumps({**result.summary, **extra}))
    else:
        print(format_table(result.summary, result.note, result.pulse_direction, result.warnings))
    return 0
