"""Feedback latency: systolic peak -> beat available to the plots, provisional vs corrected (issue 15).

A simulated sensor (native protocol, 250 Hz) is served in real time on a pty;
the app's live path reads it (SerialSource on the pty -> SourceWorker thread
-> Pipeline -> queued Qt signal -> LiveSession on the GUI thread -> its live
model) and, as the HR curve will, ``core.beats.provisional`` takes every
output there. For each true beat (the simulator's truth: systolic peak time
on the simulation clock, mapped to the host clock by the simulator's start)
it records when the same beat became available on the GUI thread:

- provisional: the raw detection in ``PipelineOutput.detections_t_s``;
- corrected: the artifact corrector's beat in ``PipelineOutput.beats``
  (today's HR curve), measured in the same run as the reference.

Prints p50/p95/max of both and their ratio; target provisional p95 <= 300 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/feedback_latency.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from PySide6.QtCore import QCoreApplication

from biofeedback.app.live_session import LiveSession
from biofeedback.core.beats.provisional import ProvisionalBeats
from biofeedback.io.simulator import SimulatedSource

MATCH_S = 0.15  # a detection this close to a true peak is that beat


WARMUP_S = 10.0  # the detector learns polarity and threshold first (BEAT_LEARN_S): steady state after


def _latencies(arrivals: list[tuple[float, float]], truth_t: np.ndarray, started: float) -> np.ndarray:
    """Host arrival minus host time of the matching true peak, for each (device t, host arrival)."""
    out = []
    for t_dev, host in arrivals:
        k = int(np.argmin(np.abs(truth_t - t_dev)))
        if abs(truth_t[k] - t_dev) <= MATCH_S and truth_t[k] >= WARMUP_S:
            out.append(host - (started + truth_t[k]))
    return np.array(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--artifacts", type=float, default=1.0, help="simulated artifacts per minute")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication([])
    live = LiveSession()
    shown = ProvisionalBeats()
    provisional: list[tuple[float, float]] = []
    corrected: list[tuple[float, float]] = []

    def on_output(out) -> None:
        now = time.monotonic()
        shown.add_output(out)  # what the HR curve draws
        provisional.extend((t, now) for t in out.detections_t_s)
        corrected.extend((b.t_s, now) for b in out.beats if not b.corrected)

    live.output.connect(on_output)
    source = SimulatedSource(artifacts_per_min=args.artifacts, seed=args.seed, speed=1.0)
    live.connect_source(source)
    end = time.monotonic() + WARMUP_S + args.seconds + 3.0
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.002)
    started = source._options.started_at
    truth = np.array([b.t_s for b in source.simulator.truth if b.kind in ("normal", "ectopic")])
    live.shutdown()
    prov = _latencies(provisional, truth, started)
    corr = _latencies(corrected, truth, started)
    print(f"{np.count_nonzero(truth >= WARMUP_S)} true beats in {args.seconds:.0f} s after a "
          f"{WARMUP_S:.0f} s warm-up (artifacts {args.artifacts:g}/min, "
          f"native 250 Hz over a pty, GUI-thread arrival)")
    for name, x in (("provisional (raw detection)", prov), ("corrected (after look-ahead)", corr)):
        print(f"  {name:30s} n={x.size:4d}  p50 {1000 * np.percentile(x, 50):6.0f} ms  "
              f"p95 {1000 * np.percentile(x, 95):6.0f} ms  max {1000 * x.max():6.0f} ms")
    print(f"  corrected / provisional p50: {np.percentile(corr, 50) / np.percentile(prov, 50):.1f}x; "
          f"beats changed in place by the corrector: {shown.n_changed}")
    ok = np.percentile(prov, 95) <= 0.300
    print(f"  target provisional p95 <= 300 ms: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
