"""Pipeline outputs into a resonance assessment, on the assessment's clock, never backwards.

The assessment's blocks and pacer run on the host clock; beats, the pulse
wave and a chest strap's accelerometer come on the device clock. One offset
maps them: the connection's ``DeviceClockMapping`` *pinned* at the
assessment's first data and kept for its lifetime, so the mapped times
increase whenever device times do (scoring needs strictly increasing times;
a moving estimate made consecutive batches step backwards, d9f4682). A device
clock that steps back (a restarted sensor) leaves its overlapping data out.
The window's wizard (app/assessment_runner.py) and ``assess --port`` both
feed their assessment through this.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from biofeedback.core.clock_mapping import DeviceClockMapping, PinnedClockMapping
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.resonance.assessment import AssessmentSession


class AssessmentFeed:
    """Feeds ``session`` from pipeline outputs through ``clock`` pinned at the first data."""

    def __init__(self, session: AssessmentSession, clock: DeviceClockMapping) -> None:
        self.session = session
        self.clock = clock
        self.mapping: PinnedClockMapping | None = clock.pinned()  # None before data: pinned at the first output
        self._last_ppg_t_s = -math.inf  # host times already given to the session
        self._last_acc_t_s = -math.inf
        self._last_beat_t_s = -math.inf

    def add(self, out: PipelineOutput) -> None:
        """One output, after ``clock`` observed it."""
        if self.mapping is None:
            self.mapping = self.clock.pinned()
            if self.mapping is None:
                return
        for block in out.ppg:
            t = self.mapping.to_host_array(block.t_s)
            later = t > self._last_ppg_t_s
            if np.any(later):
                self.session.add_ppg(t[later], np.asarray(block.value)[later])
                self._last_ppg_t_s = float(t[later][-1])
        for acc in out.signals:
            if acc.kind != "acc":
                continue
            t = self.mapping.to_host_array(acc.t_s)
            later = t > self._last_acc_t_s
            if np.any(later):
                self.session.add_acc(t[later], np.asarray(acc.value)[later])
                self._last_acc_t_s = float(t[later][-1])
        beats = []
        for b in out.beats:
            t_s = self.mapping.to_host(b.t_s)
            if t_s > self._last_beat_t_s:
                beats.append(replace(b, t_s=t_s))
                self._last_beat_t_s = t_s
        if beats:
            self.session.add_beats(beats)
