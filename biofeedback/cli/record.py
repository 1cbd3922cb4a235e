"""``biofeedback record``: headless recording from a serial sensor through the pipeline."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from biofeedback.cli.analyze import add_polarity_argument

FLUSH_PERIOD_S = 1.0  # files are flushed at least this often: a crash loses at most this much
# (the session store commits at least every config.STORE_FLUSH_PERIOD_S from its own thread)
STATUS_PERIOD_S = 1.0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("record", help="record beats from a serial sensor or a Bluetooth strap without the GUI")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--port", help="port name or pyserial URL (socket://host:port, loop://)")
    where.add_argument("--ble", nargs="?", const="", metavar="ADDRESS",
                       help="a Bluetooth heart-rate strap: its address (see `biofeedback ports --ble`), "
                            "or none for the first strap found")
    p.add_argument("--baud", type=int, default=None)
    p.add_argument("--protocol", default="auto", help="auto (default) or a protocol name")
    p.add_argument("--duration", type=float, default=None, metavar="S", help="stop after S seconds")
    p.add_argument("--out", default=None, metavar="BEATS.csv", help="also write time_s,rr_ms,corrected,detected_s per beat")
    p.add_argument("--raw", default=None, metavar="RAW_FILE", help="also keep every decoded event")
    p.add_argument("--no-correct", action="store_true", help="keep intervals exactly as detected")
    add_polarity_argument(p)
    p.add_argument("--no-store", action="store_true",
                   help="do not save the session in the session store (see `biofeedback sessions`)")
    p.add_argument("--name", default="", help="a name for the stored session (and the LSL display name)")
    p.add_argument("--lsl", action="store_true",
                   help="also publish PPG, RR, Metrics and Markers on Lab Streaming Layer")
    p.set_defaults(func=run)


def _make_source(args: argparse.Namespace):
    if args.ble is not None:
        from biofeedback.io.ble_source import BleHeartRateSource, backend_from_env

        return BleHeartRateSource(args.ble or None, backend=backend_from_env())
    from biofeedback.io.serial_source import SerialSource

    return SerialSource(args.port, baud=args.baud, protocol=args.protocol, auto_hint="--protocol auto")


def _say_store(status) -> None:
    waiting = "" if status.saving else f"; {status.unsaved_s:.0f} s of data kept in memory, retrying every second"
    said = "saving again" if status.message == "saving" else status.message
    print(f"\n[store] {said}{waiting}", file=sys.stderr, flush=True)


def _say_polarity(out, _events) -> None:
    """An output sink: the pulse wave's direction becoming unsure (a guess from an unclear shape), or sure."""
    if out.polarity_unsure is not None:
        said = ("the pulse's shape does not show clearly which way it goes: its beats may be misplaced "
                "until it does" if out.polarity_unsure else "the pulse's direction is clear now")
        print(f"\n[signal] {said}", file=sys.stderr, flush=True)


def _fmt(value: float | None, fmt: str) -> str:
    return "--" if value is None else format(value, fmt)


def _failure_words(trace: str) -> str:
    """A failure of the pipeline or a sink, from its traceback: its last line (the rest is printed above it)."""
    return f"stopped by an internal error ({trace.strip().splitlines()[-1]})"


def run(args: argparse.Namespace) -> int:
    from biofeedback import config
    from biofeedback.cli.record_files import RecordFiles
    from biofeedback.core.types import PULSE_DIRECTIONS
    from biofeedback.io.serial_source import PortError
    from biofeedback.io.session_runner import SessionRunner
    from biofeedback.io.source import FAILED, SourceState

    try:
        source = _make_source(args)
    except (PortError, RuntimeError) as error:
        print(f"biofeedback record: {error}", file=sys.stderr)
        return 2
    device = args.port if args.port is not None else f"ble:{args.ble or 'first strap'}"
    # a file that cannot be written any more is said at once and the recording goes on into the
    # store and the other file; an error in the pipeline stops it. Both are said again at the end
    failures: list[str] = []
    stopped_by: list[str] = []

    def file_failed(sentence: str) -> None:
        print(f"\nbiofeedback record: {sentence}; recording goes on without it.", file=sys.stderr, flush=True)
        failures.append(sentence)

    def pipeline_failed(trace: str) -> None:
        print(trace, file=sys.stderr, end="")
        stopped_by.append(_failure_words(trace))

    # the pipeline runs here, between batches (queued): this thread also prints and flushes files
    runner = SessionRunner(source, correct=not args.no_correct, polarity=PULSE_DIRECTIONS[args.polarity],
                           queued=True, on_error=pipeline_failed)
    runner.start()
    pipeline = runner.pipeline

    writer = None
    store_path = None
    if not args.no_store:
        from biofeedback.io.store import SessionStore, StoreError

        try:
            with SessionStore() as store:
                if store.notice:
                    print(f"biofeedback record: {store.notice}", file=sys.stderr)
                # the writer reports each change between saving and not saving (disk full, a
                # long lock) at once; it keeps everything and retries meanwhile
                writer = store.begin_session(source=device, protocol=args.protocol if args.port else "ble-hrm",
                                             name=args.name,
                                             on_status=lambda status: runner.post(lambda: _say_store(status)),
                                             beat_correction=not args.no_correct)
                store_path = store.path
        except (StoreError, OSError) as error:
            runner.stop()
            print(f"biofeedback record: {error} Use --no-store to record without saving.", file=sys.stderr)
            return 2
    # opened once the store took the session (a refused store leaves an existing --out as it was)
    out_path = Path(args.out) if args.out else None
    try:
        files = RecordFiles(out_path, Path(args.raw) if args.raw else None, file_failed)
    except OSError as error:
        runner.stop()
        if writer is not None:
            writer.finish()  # nothing was taken yet: not kept
        print(f"biofeedback record: cannot write {error.filename}: {error.strerror or error}", file=sys.stderr)
        return 2
    if writer is not None:
        print(f"Session {writer.session_id} is being saved to {store_path}", file=sys.stderr, flush=True)
    lsl = None
    if args.lsl:
        from biofeedback.io.lsl_client import LslClient

        lsl = LslClient(args.name or device, args.name, device=device, pipeline=pipeline)
    if writer is not None:  # the store first: it keeps a batch that a file then fails to take
        runner.event_sinks.append(writer.add_events)
        runner.output_sinks.append(lambda out, _events: writer.add_beats(out.beats) if out.beats else None)
    runner.event_sinks.append(files.write_events)
    runner.output_sinks.append(files.write_beats)
    recorded: list = []  # every beat, for the closing numbers when no store keeps them
    runner.output_sinks.append(lambda out, _events: recorded.extend(out.beats))
    runner.output_sinks.append(_say_polarity)
    if lsl is not None:
        runner.output_sinks.append(lambda out, events: lsl.publish(events, out))
    started = time.monotonic()
    last_flush = last_status = started
    state = SourceState("connecting")
    exit_code = 0
    # Ctrl-C and SIGTERM ask the loop to stop between batches: raised as KeyboardInterrupt inside
    # a batch, they could leave it in the raw log and the store but not in the beats, or a
    # detector half-updated; once the loop is done, a second one gives up the store's wait
    stop_asked: list[int] = []
    handlers = {sig: signal.signal(sig, lambda signum, _frame: stop_asked.append(signum))
                for sig in (signal.SIGINT, signal.SIGTERM)}

    try:
        while not stop_asked and not stopped_by and (args.duration is None or time.monotonic() - started < args.duration):
            arrived = runner.pump(0.1)
            if arrived is not None:
                state = arrived
                print(f"\n[{state.state}] {state.message}", file=sys.stderr, flush=True)
                if state.state == FAILED:
                    exit_code = 2
                    break
            now = time.monotonic()
            if now - last_flush >= FLUSH_PERIOD_S:
                files.flush()
                last_flush = now
            if now - last_status >= STATUS_PERIOD_S:
                m = pipeline.hrv.snapshot()
                print(
                    f"\rHR {_fmt(m.hr_bpm, '5.1f')} bpm  RMSSD {_fmt(m.rmssd_ms, '5.1f')} ms  "
                    f"beats {pipeline.n_beats:5d}  signal {pipeline.quality.value:<10} {state.state:<12}",
                    end="", file=sys.stderr, flush=True,
                )
                last_status = now
    except KeyboardInterrupt:  # (not expected while the loop runs: both signals only set the flag)
        pass
    finally:
        try:
            runner.stop()  # what arrived before the stop, then the beats the pipeline still held back
            for sig in handlers:
                signal.signal(sig, signal.default_int_handler)
            if lsl is not None:
                lsl.close()
            files.close()
            if writer is not None:
                if not writer.status.saving:
                    print(f"\n[store] {writer.status.message}: retrying for up to {config.STORE_FINISH_WAIT_S:.0f} s "
                          "before giving up (Ctrl-C to give up now)", file=sys.stderr, flush=True)
                try:
                    writer.finish(protocol=pipeline.protocol)
                except (StoreError, KeyboardInterrupt) as error:
                    why = str(error) or "stopped while saving"
                    print(f"\nbiofeedback record: {why}; the session will be kept as interrupted.", file=sys.stderr)
                    exit_code = 2
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
    for failure in failures:
        print(f"\nbiofeedback record: {failure} (the file holds what came before).", file=sys.stderr)
        exit_code = 2
    for failure in dict.fromkeys(stopped_by):  # (the same error may come again while stopping)
        print(f"\nbiofeedback record: {failure}; what was recorded until then is kept.", file=sys.stderr)
        exit_code = 2
    # bytes that arrived but never parsed (a protocol forced by hand that the device does not
    # speak) are no recording: said in words, with what they look like, and exit status 2
    unparsed = source.unparsed_report()
    if unparsed is not None:
        print(f"\nbiofeedback record: {unparsed}", file=sys.stderr)
        exit_code = 2
    else:  # lines that did not parse among ones that did (glitches, damage) were skipped: said, counted
        unreadable = getattr(source, "unreadable_report", lambda: None)()
        if unreadable is not None:
            print(f"\nbiofeedback record: {unreadable}.", file=sys.stderr)
    if writer is not None and writer.finished and not writer.kept:
        nothing = "No data arrived" if source.bytes_received == 0 else "Nothing was decoded"
        print(f"\n{nothing}, so no session was stored.", file=sys.stderr)
    saved_id = writer.session_id if writer is not None and writer.kept else None
    where = ", ".join(x for x in (
        str(out_path) if out_path else "", f"session {saved_id}" if saved_id is not None else "") if x)
    # the numbers the store keeps for the session (the same summary of the same beats without a store)
    summary = (writer.summary if saved_id is not None and writer is not None else {}) or _summary_of(recorded)
    print(f"\nRecorded {pipeline.n_beats} beats ({_counts(pipeline.n_corrected, summary)}) to "
          f"{where or 'nowhere'}{_numbers(summary)}", file=sys.stderr)
    return exit_code


def _summary_of(beats: list) -> dict:
    from biofeedback.core.summary.analysis import summarize

    return summarize(beats) if beats else {}


def _counts(n_corrected: int, summary: dict) -> str:
    """What the brackets say: "7 corrected", with the breaks in the interval chain if any ("7 corrected, 4 gaps")."""
    n_gaps = summary.get("n_gaps") or 0
    return f"{n_corrected} corrected" + (f", {n_gaps} gap{'s' if n_gaps != 1 else ''}" if n_gaps else "")


def _numbers(summary: dict) -> str:
    """What follows where it went: ": mean heart rate 72.4 bpm, RMSSD 41.2 ms" (what could be computed), or nothing."""
    said = [f"{label} {summary[key]:.1f} {unit}" for key, label, unit in (
        ("mean_hr_bpm", "mean heart rate", "bpm"), ("rmssd_ms", "RMSSD", "ms")) if summary.get(key) is not None]
    return f": {', '.join(said)}" if said else ""
