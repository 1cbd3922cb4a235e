"""Beats of a recorded event stream, as ``analyze`` makes them: the live pipeline's detection
unchanged (PPG detector, device beats, gaps), then the artifact corrections vectorised
(``rr/offline.correct_offline``). It sits above the pipeline, which ``rr`` must not import.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.rr.offline import BeatSeries, correct_offline
from biofeedback.core.types import Beat, Event


class _DetectionRecorder:
    """Stands in for the pipeline's corrector: keeps every beat time and where chains break."""

    delay_beats = 0

    def __init__(self) -> None:
        self.t_s: list[float] = []
        self.ectopic: list[bool] = []
        self.breaks: list[int] = []

    def push(self, beat_t_s: float, ectopic: bool = False) -> list[Beat]:
        self.t_s.append(float(beat_t_s))
        self.ectopic.append(ectopic)
        return []

    def flush(self) -> list[Beat]:
        return []

    def reset(self) -> None:
        self.breaks.append(len(self.t_s))


@dataclass(frozen=True)
class OfflineBeats:
    """``detect_offline``'s answer: the beats, and which way up the PPG detector read the pulse."""

    beats: BeatSeries
    polarity: int | None  # +1 upright, -1 inverted; None where no PPG detector ran (RR, ECG, device beats)
    polarity_declared: bool  # by the device's header or the caller, not learnt from the pulse's shape
    polarity_unsure: bool  # learnt from an unclear shape that no later pulses confirmed (Pipeline.polarity_unsure)
    polarity_chosen: bool = False  # as the person chose it while recording (a PulseDirectionChosen in the stream)
    n_shaped_ectopic: int = 0  # beats whose QRS the ECG detector judged not a normal beat's (core/beats/qrs_shape)


def detect_offline(events: list[Event], correct: bool = True, polarity: int | None = None) -> OfflineBeats:
    """Beats of a recorded event stream: the pipeline's detection, then ``correct_offline``.

    Equal to ``Pipeline(correct).feed(events)`` + ``flush()`` beat for beat
    (tests/cli/test_analyze.py), without the per-beat corrector and live metrics.
    ``polarity`` (+1/-1) declares the pulse's direction over any the stream's header declares
    or the person chose while recording (``PulseDirectionChosen`` events, else taken as they come).
    """
    pipeline = Pipeline(correct=False, polarity=polarity)
    recorder = _DetectionRecorder()
    pipeline.corrector = recorder  # type: ignore[assignment]
    pipeline.feed(events)
    pipeline.flush()
    t = np.asarray(recorder.t_s, dtype=float)
    chain_start = np.zeros(t.size, dtype=bool)
    if t.size:
        chain_start[0] = True
        chain_start[[b for b in recorder.breaks if b < t.size]] = True
    detector = pipeline.ppg_detector
    return OfflineBeats(correct_offline(t, chain_start, correct, np.array(recorder.ectopic, dtype=bool)),
                        polarity=detector.polarity if detector is not None else None,
                        polarity_declared=detector is not None and detector.declared_polarity is not None,
                        polarity_unsure=detector is not None and detector.polarity_guessed,
                        polarity_chosen=detector is not None and pipeline.n_directions_chosen > 0
                        and pipeline.chosen_polarity is not None,
                        n_shaped_ectopic=sum(recorder.ectopic))


def beats_from_events(events: list[Event], correct: bool = True) -> BeatSeries:
    """``detect_offline``'s beats."""
    return detect_offline(events, correct).beats
