"""``biofeedback simulate``: a simulated sensor on a virtual serial port."""

from __future__ import annotations

import argparse
import signal
import sys
import threading


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "simulate", help="serve a simulated pulse sensor on a virtual serial port (prints PORT <path>)")
    p.add_argument("--protocol", default="native",
                   help="native, pulsesensor, pulsesensor-plotter, cms50d, cms50d-v7, max3010x or ibi")
    p.add_argument("--hr", type=float, default=65.0, metavar="BPM", help="baseline heart rate")
    p.add_argument("--breathing-rate", type=float, default=None, metavar="BPM",
                   help="breaths per minute the person follows (default: their own, about 13)")
    p.add_argument("--resonance-rate", type=float, default=5.5, metavar="BPM")
    p.add_argument("--artifacts", type=float, default=0.0, metavar="RATE",
                   help="ectopic/missed/extra beats per minute (motion and finger-off scale with it)")
    p.add_argument("--noise", type=float, default=0.01, metavar="LEVEL", help="PPG noise, 0..0.2")
    p.add_argument("--shape", default="classic",
                   help="pulse shape: classic, reflected (a tall diastolic wave, like heartpy's data.csv), "
                        "dominant-reflected, breathing (big baseline and amplitude swings)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--speed", type=float, default=1.0, metavar="X", help="simulated seconds per second")
    p.add_argument("--duration", type=float, default=None, metavar="S", help="simulated seconds, then exit")
    p.add_argument("--truth", default=None, metavar="OUT.csv", help="write time_s,rr_ms,kind,breath_phase of every true beat "
                        "(breath_phase: the person's breathing cycle at the beat, 0 = start of inhale)")
    p.add_argument("--listen", default=None, metavar="socket://HOST:PORT", help="serve on TCP instead of a pty")
    p.add_argument("--unplug-at", type=float, default=None, metavar="S", help="pull the virtual cable at S")
    p.add_argument("--unplug-for", type=float, default=3.0, metavar="S", help="how long it stays unplugged")
    p.add_argument("--lsl", action="store_true",
                   help="also publish the simulated client on Lab Streaming Layer (PPG, RR, Metrics, Pacer, "
                        "Markers); the person breathes with a pacer at --breathing-rate (default 6)")
    p.add_argument("--name", default="", help="with --lsl: the client's display name (default simulated-SEED)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from biofeedback.io.atomic_file import describe
    from biofeedback.io.simulator import (
        SensorSimulator,
        ServeOptions,
        SimulatorSettings,
        open_virtual_port,
        serve,
    )

    try:  # the truth file first: a folder that does not exist is said before any port is opened
        truth_file = open(args.truth, "w", encoding="utf-8") if args.truth else None
    except OSError as error:
        print(f"biofeedback simulate: cannot write the truth file {args.truth}: {describe(error)}", file=sys.stderr)
        return 2
    try:
        sim = SensorSimulator(SimulatorSettings(
            protocol=args.protocol, hr_bpm=args.hr, breathing_bpm=args.breathing_rate,
            resonance_bpm=args.resonance_rate, artifacts_per_min=args.artifacts, noise=args.noise,
            seed=args.seed, shape=args.shape))
        port = open_virtual_port(args.listen)
    except (ValueError, OSError) as error:
        if truth_file:
            truth_file.close()
        print(f"biofeedback simulate: {error}", file=sys.stderr)
        return 2
    stop = threading.Event()  # (before the port is announced: a stop the moment after still removes its link)
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if hasattr(signal, "SIGHUP"):  # a closed terminal: stop the same way, so the port link goes too
        signal.signal(signal.SIGHUP, lambda *_: stop.set())
    print(f"PORT {port.path}", flush=True)
    lsl = None
    served: object = port  # what serve writes to: the port, or a tap that also publishes on LSL
    if args.lsl:
        from biofeedback.io.lsl_client import lsl_simulated_client

        lsl, served = lsl_simulated_client(sim, port, args.name or f"simulated-{args.seed}", args.breathing_rate)
    truth_written = 0
    if truth_file:
        truth_file.write("time_s,rr_ms,kind,breath_phase\n")

    def flush_truth() -> None:  # keep the truth current, so a killed run still has it
        nonlocal truth_written
        if lsl is not None:
            lsl.tick(sim.t_s)
        if truth_file and len(sim.truth) > truth_written:
            for b in sim.truth[truth_written:]:
                phase = float(sim.person.breathing_phase(b.t_s)) % 1.0
                truth_file.write(f"{b.t_s:.4f},{b.rr_ms:.3f},{b.kind},{phase:.4f}\n")
            truth_written = len(sim.truth)
            truth_file.flush()

    options = ServeOptions(speed=args.speed, duration_s=args.duration,
                           unplug_at_s=args.unplug_at, unplug_for_s=args.unplug_for)
    try:
        serve(sim, served, options, stop, on_tick=flush_truth)
    except KeyboardInterrupt:
        pass
    finally:
        flush_truth()
        if truth_file:
            truth_file.close()
        if lsl is not None:
            lsl.close()
        port.close()
        if port.bytes_dropped:  # a reader that did not keep up (or none): its beats are missing
            print(f"biofeedback simulate: {port.bytes_dropped:,} bytes were dropped because the reader "
                  "did not keep up", file=sys.stderr)
    return 0
