"""Beats of a recorded event stream, as ``analyze`` makes them: the live pipeline's detection
unchanged (PPG detector, device beats, gaps), then the artifact corrections vectorised
(``rr/offline.correct_offline``). It sits above the pipeline, which ``rr`` must not import.
"""

from __future__ import annotations

import numpy as np

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.rr.offline import BeatSeries, correct_offline
from biofeedback.core.types import Beat, Event


class _DetectionRecorder:
    """Stands in for the pipeline's corrector: keeps every beat time and where chains break."""

    delay_beats = 0

    def __init__(self) -> None:
        self.t_s: list[float] = []
        self.breaks: list[int] = []

    def push(self, beat_t_s: float) -> list[Beat]:
        self.t_s.append(float(beat_t_s))
        return []

    def flush(self) -> list[Beat]:
        return []

    def reset(self) -> None:
        self.breaks.append(len(self.t_s))


def beats_from_events(events: list[Event], correct: bool = True) -> BeatSeries:
    """Beats of a recorded event stream: the pipeline's detection, then ``correct_offline``.

    Equal to ``Pipeline(correct).feed(events)`` + ``flush()`` beat for beat
    (tests/cli/test_analyze.py), without the per-beat corrector and live metrics.
    """
    pipeline = Pipeline(correct=False)
    recorder = _DetectionRecorder()
    pipeline.corrector = recorder  # type: ignore[assignment]
    pipeline.feed(events)
    pipeline.flush()
    t = np.asarray(recorder.t_s, dtype=float)
    chain_start = np.zeros(t.size, dtype=bool)
    if t.size:
        chain_start[0] = True
        chain_start[[b for b in recorder.breaks if b < t.size]] = True
    return correct_offline(t, chain_start, correct)
