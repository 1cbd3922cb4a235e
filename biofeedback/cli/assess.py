"""``biofeedback assess``: find the resonance breathing rate headless (Lehrer et al. 2000).

``--simulate`` runs the simulated sensor in-process on the simulation clock
(accelerated: a 10-minute assessment takes about a second at the default
``--speed 0``); ``--port`` reads a real sensor through ``SerialSource`` in
real time while the pacer's phase is printed as a text cue.
"""

from __future__ import annotations

import argparse
import json
import sys

NO_RESONANCE_MESSAGE = "No resonance rate could be determined"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "assess", help="find your resonance breathing rate (6.5 to 4.5 breaths/min, one block each)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--port", help="serial port of the sensor (real time)")
    src.add_argument("--simulate", action="store_true", help="use the simulated sensor in-process")
    p.add_argument("--protocol", default=None, help="sensor protocol (default: auto; native when simulated)")
    p.add_argument("--resonance-rate", type=float, default=5.5, metavar="BPM",
                   help="simulated person's resonance rate")
    p.add_argument("--compliance", type=float, default=1.0,
                   help="simulated person: 1 follows the pacer, 0 ignores it")
    p.add_argument("--artifacts", type=float, default=1.0, metavar="RATE",
                   help="simulated artifacts per minute")
    p.add_argument("--noise", type=float, default=0.02, metavar="LEVEL", help="simulated PPG noise")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--block-s", type=float, default=None, metavar="S", help="seconds per rate (120)")
    p.add_argument("--rest-s", type=float, default=None, metavar="S", help="rest between rates (0)")
    p.add_argument("--speed", type=float, default=0.0, metavar="X",
                   help="simulated seconds per real second; 0 = as fast as possible (simulate only)")
    p.add_argument("--phase-from", choices=("pulse", "pacer", "breathing"), default="pulse",
                   help="phase of HR against the breathing read from the pulse wave (as the app "
                        "does), against the pacer, or (simulate only) against the simulated "
                        "person's own breathing, as a respiration belt would measure it")
    p.add_argument("--json", action="store_true", help="print per-rate scores and the chosen rate as JSON")
    p.set_defaults(func=run)


def _print_text(d: dict) -> None:
    print(f"{'rate':>5} {'usable':>6} {'breath':>6} {'swing':>6} {'LF ms2':>8} {'lag deg':>8} "
          f"{'smooth':>6} {'score':>6}  wins")
    for r in d["rates"]:
        def f(x, fmt):
            return "--" if x is None else format(x, fmt)
        print(f"{r['rate_bpm']:5.1f} {'yes' if r['usable'] else 'no':>6} {f(r.get('breathing_bpm'), '6.1f')} "
              f"{f(r['amplitude_bpm'], '6.1f')} {f(r['lf_power_ms2'], '8.0f')} {f(r['phase_lag_deg'], '8.0f')} "
              f"{f(r['smoothness_r2'], '6.2f')} {f(r.get('score'), '6.2f')}  {', '.join(r['wins'])}")
        for reason in r["reasons"]:
            print(f"      - {reason}")
    if d["recommended_bpm"] is None:
        print(f"{NO_RESONANCE_MESSAGE}:")
        for reason in d["reasons"]:
            if not reason[:1].isdigit():  # the summary; per-rate reasons are in the table above
                print(f"  - {reason}")
    else:
        sure = d.get("confidence_label") or ""
        zero = d.get("phase_zero_bpm")
        print(f"Recommended training rate: {d['recommended_bpm']:g} breaths/min ({sure}: "
              f"{100 * (d.get('confidence') or 0):.0f} % ahead of the next rate"
              + ("" if zero is None else f"; heart rate and breath in phase at {zero:.1f} /min") + ")")
        print(d["breathing_note"])
        print("A retest on another day is recommended" + (", the more so as this choice is uncertain."
                                                          if sure == "uncertain" else "."))


def _plan(args):
    from biofeedback import config
    from biofeedback.core.resonance.assessment import AssessmentPlan

    block_s = config.ASSESS_BLOCK_S if args.block_s is None else args.block_s
    rest_s = config.ASSESS_REST_S if args.rest_s is None else args.rest_s
    return AssessmentPlan(block_s=block_s, rest_s=rest_s,
                          settle_s=min(config.ASSESS_SETTLE_S, block_s / 4))


def _run_simulated(args, plan):
    from biofeedback.io.assess_sim import SimPersonSettings, run_simulated_assessment

    settings = SimPersonSettings(
        resonance_bpm=args.resonance_rate, compliance=args.compliance,
        artifacts_per_min=args.artifacts, noise=args.noise, seed=args.seed,
        protocol=args.protocol or "native")
    phase_from = {"breathing": "belt", "pulse": "pulse", "pacer": "pacer"}[args.phase_from]
    result, _ = run_simulated_assessment(plan, settings, phase_from=phase_from, speed=args.speed)
    return result


def _run_serial(args, plan):
    import time

    from biofeedback.core.resonance.assessment import AssessmentSession
    from biofeedback.io.assessment_feed import AssessmentFeed
    from biofeedback.io.serial_source import SerialSource
    from biofeedback.io.session_runner import SessionRunner
    from biofeedback.io.source import FAILED

    if args.phase_from == "breathing":
        raise ValueError("--phase-from breathing needs the simulated person (--simulate)")
    t0 = time.monotonic()
    session = AssessmentSession(plan, t0_s=0.0, phase_from=args.phase_from)
    runner = SessionRunner(SerialSource(args.port, protocol=args.protocol or "auto"),
                           clock=lambda: time.monotonic() - t0, queued=True)
    # the device clock moved onto the session's by the runner's mapping, pinned at the first data
    assert runner.clock_mapping is not None
    feed = AssessmentFeed(session, runner.clock_mapping)
    runner.output_sinks.append(lambda out, _events: feed.add(out))
    runner.start()
    last_cue = ""
    try:
        while not session.done:
            state = runner.pump(0.1)
            if state is not None and state.state == FAILED:
                raise OSError(state.message)
            now = time.monotonic() - t0
            session.update(now)
            st = session.state
            cue = (f"{st.rate_bpm:g}/min {session.pacer.phase_name(now)}" if st.rate_bpm
                   else st.phase)
            if cue != last_cue and not args.json:
                print(f"\r[{100 * st.progress:3.0f} %] {cue:<24}", end="", file=sys.stderr, flush=True)
                last_cue = cue
    finally:
        runner.stop()  # the beats the pipeline still held back go to the last block
    print(file=sys.stderr)
    return session.result()


def run(args: argparse.Namespace) -> int:
    try:
        plan = _plan(args)
    except ValueError as error:
        print(f"biofeedback assess: {error}", file=sys.stderr)
        return 2
    try:
        if args.simulate:
            result = _run_simulated(args, plan)
            source = f"simulated (resonance {args.resonance_rate:g}/min, seed {args.seed})"
        else:
            result = _run_serial(args, plan)
            source = f"serial {args.port}"
    except (OSError, ValueError) as error:
        print(f"biofeedback assess: {error}", file=sys.stderr)
        return 2
    from biofeedback.core.resonance.assessment import result_dict

    data = result_dict(result, plan, source)
    saved = _save(data)
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        _print_text(data)
    if saved:
        print(f"Saved to {saved}", file=sys.stderr)
    return 0


def _save(data: dict):
    """Keep the result: the session store when it offers assessments, else a JSON file."""
    from biofeedback.io.assessment_file import save_assessment

    try:
        return save_assessment(data)
    except OSError as error:
        print(f"biofeedback assess: result not saved ({error})", file=sys.stderr)
        return None
