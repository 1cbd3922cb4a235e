"""Benchmark of the resonance assessment end to end on the simulated sensor.

For each simulated resonance rate (4.5-6.5 breaths/min) and seed, runs the
whole protocol (5 blocks, SensorSimulator -> native protocol bytes -> decoder
-> Pipeline -> breathing from the pulse wave -> scoring) on the simulation
clock and prints the 15-run table: the recommendation, how sure it is, and
where the HR-breathing lag crosses 0 deg; then the hits exactly and within
+-0.5 breaths/min. The simulated person breathes with the guide, rate and
phase, ``--reaction`` seconds late. Phase references compared in the same
run: the breathing read from the pulse wave (what the app uses), the
person's own breathing (what a respiration belt would measure: the
reference), and the pacer. Persons who ignore the pacer (compliance 0) must
get no recommendation.

    .venv/bin/python benchmarks/resonance_assessment.py [--seeds 3] [--block-s 120]
                                        [--references pulse,belt,pacer] [--reaction 0.5]
"""

from __future__ import annotations

import argparse
import time

from biofeedback.core.resonance.assessment import AssessmentPlan
from biofeedback.io.assess_sim import SimPersonSettings, run_simulated_assessment

RATES = (4.5, 5.0, 5.5, 6.0, 6.5)


def sweep(plan, seeds, reference, args):
    rows, times = [], []
    for res in RATES:
        for seed in seeds:
            t0 = time.perf_counter()
            result, _ = run_simulated_assessment(
                plan, SimPersonSettings(resonance_bpm=res, seed=seed, artifacts_per_min=args.artifacts,
                                        noise=args.noise, pacer_reaction_s=args.reaction),
                phase_from=reference)
            times.append(time.perf_counter() - t0)
            rows.append((res, seed, result))
    return rows, times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--block-s", type=float, default=120.0)
    parser.add_argument("--artifacts", type=float, default=1.0)
    parser.add_argument("--noise", type=float, default=0.02)
    parser.add_argument("--references", default="pulse,belt,pacer")
    parser.add_argument("--reaction", type=float, default=0.5, help="s the person breathes behind the guide")
    args = parser.parse_args()
    plan = AssessmentPlan(block_s=args.block_s)
    seeds = range(args.seeds)
    n = len(RATES) * args.seeds
    for reference in args.references.split(","):
        rows, times = sweep(plan, seeds, reference, args)
        print(f"phase against {reference} ({sum(times) / len(times):.2f} s per {plan.total_s:.0f} s "
              f"assessment, artifacts {args.artifacts:g}/min, breathing {args.reaction:g} s behind the guide):")
        print(f"  {'resonance':>9} {'seed':>4} {'chosen':>6} {'sure':>9} {'margin':>6} {'lag 0 at':>8}")
        exact = near = 0
        for res, seed, r in rows:
            rec = r.recommended_bpm
            exact += rec == res
            near += rec is not None and abs(rec - res) <= 0.5
            zero = "--" if r.phase_zero_bpm is None else f"{r.phase_zero_bpm:.2f}"
            print(f"  {res:9g} {seed:4d} {'none' if rec is None else format(rec, 'g'):>6} "
                  f"{r.confidence_label or '--':>9} {r.confidence:6.3f} {zero:>8}"
                  f"{'' if rec == res else '   <- miss'}")
        print(f"  exact block {exact}/{n}, within 0.5/min {near}/{n}")
    none = 0
    for seed in seeds:
        result, _ = run_simulated_assessment(
            plan, SimPersonSettings(resonance_bpm=5.5, seed=seed, compliance=0.0,
                                    artifacts_per_min=args.artifacts, noise=args.noise,
                                    pacer_reaction_s=args.reaction))
        none += result.recommended_bpm is None
    print(f"compliance 0 (ignores the pacer): no recommendation in {none}/{args.seeds}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
