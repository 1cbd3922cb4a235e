"""Benchmark of the resonance assessment end to end on the simulated sensor.

For each simulated resonance rate (4.5-6.5 breaths/min) and seed, runs the
whole protocol (5 blocks, SensorSimulator -> native protocol bytes -> decoder
-> Pipeline -> scoring) on the simulation clock and prints the recommendation,
the hit rate within +-0.5 breaths/min and exactly, and the time per run. As a
reference in the same run: the same assessments scored with HR phase against
the pacer instead of the person's own breathing, and persons who ignore the
pacer (compliance 0), who must get no recommendation.

    .venv/bin/python benchmarks/resonance_assessment.py [--seeds 3] [--block-s 120]
"""

from __future__ import annotations

import argparse
import time

from biofeedback.core.assessment import AssessmentPlan
from biofeedback.io.assess_sim import SimPersonSettings, run_simulated_assessment

RATES = (4.5, 5.0, 5.5, 6.0, 6.5)


def sweep(plan, seeds, reference, artifacts, noise):
    hits = exact = 0
    times, rows = [], []
    for res in RATES:
        row = []
        for seed in seeds:
            t0 = time.perf_counter()
            result, _ = run_simulated_assessment(
                plan, SimPersonSettings(resonance_bpm=res, seed=seed, artifacts_per_min=artifacts,
                                        noise=noise), phase_reference=reference)
            times.append(time.perf_counter() - t0)
            rec = result.recommended_bpm
            row.append(rec)
            hits += rec is not None and abs(rec - res) <= 0.5
            exact += rec == res
        rows.append((res, row))
    return hits, exact, times, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--block-s", type=float, default=120.0)
    parser.add_argument("--artifacts", type=float, default=1.0)
    parser.add_argument("--noise", type=float, default=0.02)
    args = parser.parse_args()
    plan = AssessmentPlan(block_s=args.block_s)
    seeds = range(args.seeds)
    n = len(RATES) * args.seeds
    for reference in ("person", "pacer"):
        hits, exact, times, rows = sweep(plan, seeds, reference, args.artifacts, args.noise)
        print(f"phase against {reference}: within 0.5/min {hits}/{n}, exact {exact}/{n}, "
              f"{sum(times) / len(times):.2f} s per {plan.total_s:.0f} s assessment")
        for res, row in rows:
            print(f"  resonance {res:g}: " + ", ".join("none" if r is None else f"{r:g}" for r in row))
    none = 0
    for seed in seeds:
        result, _ = run_simulated_assessment(
            plan, SimPersonSettings(resonance_bpm=5.5, seed=seed, compliance=0.0,
                                    artifacts_per_min=args.artifacts, noise=args.noise))
        none += result.recommended_bpm is None
    print(f"compliance 0: no recommendation in {none}/{args.seeds}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
