"""``biofeedback replay``: play a stored session or a file through the live pipeline.

Events are delivered in the rhythm of their own timestamps (scaled by
``--speed``), as a live source would deliver them. By default the live status
(HR, RMSSD, coherence, beats, signal) is printed once a second and the summary
at the end; with ``--port-out`` the recording is instead served as native
protocol bytes (IBI text for RR-only recordings) on a virtual serial port, like
``simulate``, so the app or ``record`` can connect to it. A stored session's beats are made as
they were recorded (``record --no-correct``: uncorrected) unless ``--correct``/``--no-correct``
says otherwise, so replay, ``sessions`` and ``export`` give the same numbers.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from biofeedback.cli.analyze import add_polarity_argument

if TYPE_CHECKING:
    from biofeedback.core.types import Event

STATUS_PERIOD_S = 1.0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("replay", help="play a stored session or a recording file as if live")
    p.add_argument("what", metavar="SESSION|FILE", help="a session id (or 'last') or a file `analyze` reads")
    p.add_argument("--speed", type=float, default=1.0, metavar="X", help="1 to 50 times real time")
    p.add_argument("--port-out", action="store_true",
                   help="serve the recording as sensor bytes on a virtual port (prints PORT <path>)")
    p.add_argument("--listen", default=None, metavar="socket://HOST:PORT",
                   help="with --port-out: serve on TCP instead of a pty")
    p.add_argument("--lsl", action="store_true",
                   help="also publish the replay on Lab Streaming Layer (PPG, RR, Metrics, Markers)")
    p.add_argument("--name", default="", help="with --lsl: the client's display name (default replay)")
    correction = p.add_mutually_exclusive_group()
    correction.add_argument("--no-correct", dest="correct", action="store_false", default=None,
                            help="keep intervals exactly as detected (a stored session: as it was recorded)")
    correction.add_argument("--correct", dest="correct", action="store_true", default=None,
                            help="correct artifacts even in a session recorded with --no-correct")
    add_polarity_argument(p)
    p.set_defaults(func=run)


def load_events(what: str) -> tuple[list[Event], str, bool | None]:
    """Events of a file, or of a stored session when ``what`` is an id or 'last'; with its name and,
    for a session, whether its beats were corrected when it was recorded (None for a file)."""
    from biofeedback.io.files import load_recording

    if Path(what).exists() or not (what.isdigit() or what == "last"):
        return load_recording(what).events, what, None
    from biofeedback.cli.export import resolve_session
    from biofeedback.io.store import SessionStore

    with SessionStore() as store:
        session_id = resolve_session(store, what)
        store.session(session_id)
        return store.events(session_id), f"session {session_id}", store.beat_correction(session_id)


POLARITY_SHAPE_S = 60.0  # seconds of a recording's wave read for its direction when nothing declares it
COUNTS_SCALE_MAX = 65535  # the 16-bit range a wave in other units (volts, a zero-centred BVP) is served in


def wave_polarity(events: Sequence[Event], chosen: int | None = None) -> int:
    """Which way up a recording's pulse wave goes: the user's word (``--polarity``, else the last
    direction chosen while recording: a statement about the sensor, true before it was made too),
    else its device's header, else its shape as the pipeline reads it over the first
    POLARITY_SHAPE_S (upright when it cannot tell)."""
    from biofeedback.core.offline import detect_offline
    from biofeedback.core.types import PpgBlock, PulseDirectionChosen

    if chosen is not None:  # (also where the beats are the device's and no detector reads the wave)
        return chosen
    said = [e.polarity for e in events if isinstance(e, PulseDirectionChosen)]
    if said and said[-1] is not None:
        return said[-1]
    head: list[Event] = []
    start_s = None
    for event in events:
        if isinstance(event, PulseDirectionChosen):
            continue  # (automatic again: the header's or the shape's)
        if isinstance(event, PpgBlock) and len(event):
            start_s = float(event.t_s[0]) if start_s is None else start_s
            if float(event.t_s[0]) - start_s > POLARITY_SHAPE_S:
                break
        head.append(event)
    found = detect_offline(head, correct=False).polarity
    return found if found is not None else 1


class PortOut:
    """Encodes delivered events as sensor bytes and writes them to a virtual port.

    A wave goes out as BF1 sample lines, which are upright counts from 0 to adc_max by the
    protocol (firmware_notes/protocol.md): a recording's counts as they are when they are
    counts, else scaled into 0..COUNTS_SCALE_MAX (a BVP in volts, centred on zero, would be
    clipped and rounded to nothing), and turned upright when the wave goes down with each
    pulse (a MAX3010x's raw IR): a reader then takes it the right way up, never in doubt.
    """

    def __init__(self, events: Sequence[Event], port, polarity: int | None = None) -> None:
        import numpy as np

        from biofeedback.core.protocols.ibi import IbiEncoder
        from biofeedback.core.protocols.native import NativeEncoder
        from biofeedback.core.types import DeviceInfo, PpgBlock

        self.port = port
        self.encoder: NativeEncoder | IbiEncoder
        self.offset, self.scale = 0.0, 1.0  # served count = offset + scale * value
        blocks = [e for e in events if isinstance(e, PpgBlock)]
        info = next((e for e in events if isinstance(e, DeviceInfo)), None)
        if blocks:
            values = np.concatenate([b.value for b in blocks])
            values = values[np.isfinite(values)]
            lo, hi = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
            counts = lo >= 0 and bool(np.all(values == np.round(values)))
            adc_max = int(info.adc_max) if info and info.adc_max and hi <= info.adc_max else int(hi) + 1
            if not counts:
                adc_max, self.offset, self.scale = COUNTS_SCALE_MAX, -lo, COUNTS_SCALE_MAX / max(hi - lo, 1e-12)
                self.offset *= self.scale
            if wave_polarity(events, polarity) < 0:  # served upright: the count from the top
                self.offset, self.scale = adc_max - self.offset, -self.scale
            self.encoder = NativeEncoder(device="replay", fs_hz=blocks[0].fs_hz, adc_max=adc_max)
            self.protocol = "native"
        else:
            self.encoder = IbiEncoder(prefix="IBI:")
            self.protocol = "ibi"

    def __call__(self, batch: list[Event]) -> None:
        import numpy as np

        from biofeedback.core.types import DeviceBeat, PpgBlock

        blocks = [e for e in batch if isinstance(e, PpgBlock)]
        t = np.concatenate([b.t_s for b in blocks]) if blocks else np.empty(0)
        v = np.concatenate([b.value for b in blocks]) if blocks else np.empty(0)
        v = self.offset + self.scale * v
        beats = [(e.t_s, e.ibi_ms) for e in batch if isinstance(e, DeviceBeat)]
        if self.protocol == "ibi" or t.size:
            self.port.write(self.encoder.encode(t, v, beats))


def run(args: argparse.Namespace) -> int:
    from biofeedback.core.types import PULSE_DIRECTIONS
    from biofeedback.io.files import InputError
    from biofeedback.io.replay import MAX_SPEED, MIN_SPEED
    from biofeedback.io.store import StoreError

    speed = float(min(max(args.speed, MIN_SPEED), MAX_SPEED))
    try:
        events, name, recorded_correct = load_events(args.what)
    except (InputError, StoreError, OSError) as error:
        print(f"biofeedback replay: {error}", file=sys.stderr)
        return 2
    correct = args.correct if args.correct is not None else recorded_correct is not False
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        polarity = PULSE_DIRECTIONS[args.polarity]
        if args.port_out:
            return _serve(events, name, speed, stop, args.listen, polarity)
        return _live(events, name, speed, stop, (args.name or "replay") if args.lsl else None, polarity,
                     correct)
    except KeyboardInterrupt:
        return 130


def _serve(events, name: str, speed: float, stop: threading.Event, listen: str | None,
           polarity: int | None = None) -> int:
    from biofeedback.io.replay import play_events
    from biofeedback.io.simulator import open_virtual_port

    port = open_virtual_port(listen)
    print(f"PORT {port.path}", flush=True)
    out = PortOut(events, port, polarity)
    print(f"Serving {name} at {speed:g}× as {out.protocol} bytes", file=sys.stderr, flush=True)
    try:
        play_events(events, speed, out, stop)
    finally:
        port.close()
    return 0


def _live(events, name: str, speed: float, stop: threading.Event, lsl_name: str | None = None,
          polarity: int | None = None, correct: bool = True) -> int:
    from biofeedback.cli.analyze import format_table
    from biofeedback.core.pipeline import Pipeline
    from biofeedback.core.summary.analysis import summarize
    from biofeedback.io.replay import play_events

    pipeline = Pipeline(correct=correct, polarity=polarity)
    beats = []
    last_status = [time.monotonic()]
    lsl = None
    if lsl_name is not None:
        from biofeedback.io.lsl_client import LslClient

        lsl = LslClient(lsl_name, lsl_name, device=f"replay of {name}", pipeline=pipeline)

    def deliver(batch) -> None:
        result = pipeline.feed(batch)
        if lsl is not None:
            lsl.publish(batch, result)
        beats.extend(result.beats)

    def status() -> None:
        now = time.monotonic()
        if now - last_status[0] < STATUS_PERIOD_S:
            return
        last_status[0] = now
        m = pipeline.hrv.snapshot()

        def f(x, fmt):
            return "--" if x is None else format(x, fmt)

        print(f"\rt {f(m.t_s, '7.1f')} s  HR {f(m.hr_bpm, '5.1f')} bpm  RMSSD {f(m.rmssd_ms, '5.1f')} ms  "
              f"coherence {f(m.coherence_ratio, '4.2f')}  beats {pipeline.n_beats:5d}  "
              f"signal {pipeline.quality.value:<10}", end="", file=sys.stderr, flush=True)

    print(f"Replaying {name} at {speed:g}×", file=sys.stderr, flush=True)
    finished = play_events(events, speed, deliver, stop, on_tick=status)
    beats.extend(pipeline.flush().beats)
    if lsl is not None:
        lsl.close()
    print("", file=sys.stderr)
    if finished and len(beats) < 2:  # a table of n/a with status 0 would read as a result; analyze refuses too
        label = name if name.startswith("session ") else Path(name).name
        print(f"biofeedback replay: {label}: found {len(beats)} beat interval(s); at least 2 are needed",
              file=sys.stderr)
        return 2
    print(format_table(summarize(beats)))
    return 0 if finished else 130
