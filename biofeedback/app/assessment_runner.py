"""Running a resonance assessment: on the live session, or on an in-process simulated sensor.

``LiveAssessment`` drives the protocol on a ``LiveSession``: its pacer becomes
the session's *active* pacer (owner WIZARD), so the person, real or
simulated, follows it, rate and phase; the pulse wave (or a chest strap's
accelerometer) and beats come from the live pipeline on the device clock and
are moved onto the host clock, which the pacer and the blocks run on, by the
live model's clock mapping *pinned* when the assessment starts (or at its
first data): one offset for the whole assessment, so its data never run
backwards however the mapping's estimate moves meanwhile (scoring needs
strictly increasing times). Equivalently, the assessment is scored on the
device clock with its blocks and pacer phase converted once.
``DriverAssessment`` steps an in-process simulation on its own clock
(optionally accelerated), for the standalone wizard and the screenshots.
Both are stepped by the wizard's timer and only hold an ``AssessmentSession``.
"""

from __future__ import annotations

import math
import time

from biofeedback import config
from biofeedback.app.live_session import LiveSession
from biofeedback.app.records import WIZARD
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.core.clock_mapping import PinnedClockMapping
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.resonance.assessment import AssessmentPlan, AssessmentSession
from biofeedback.io.assessment_feed import AssessmentFeed

SUB_STEP_S = 0.25  # simulated seconds per driver step (phase samples at 4 Hz or more)
MAX_STEP_REAL_S = 0.1  # a busy GUI slows the simulated assessment instead of skipping through it


def shortest_block_s(rates_bpm=config.ASSESS_RATES_BPM, settle_s: float = config.ASSESS_SETTLE_S) -> float:
    """The shortest block that can be scored: the settling time plus enough breaths at the slowest rate.

    A block needs ASSESS_MIN_BREATHS complete breaths inside its scored part;
    a scored window of (n + 1) breath periods always holds n complete ones,
    whatever the phase at its start. Rounded up to 10 s.
    """
    slowest_s = 60.0 / min(rates_bpm)
    return 10.0 * math.ceil((settle_s + (config.ASSESS_MIN_BREATHS + 1) * slowest_s) / 10.0)


class LiveAssessment:
    """An assessment whose pacer is the live session's active pacer while it runs."""

    source = "sensor"

    def __init__(self, live: LiveSession) -> None:
        self.live = live
        self.session: AssessmentSession | None = None
        self.t_s = live.clock()
        self.feed: AssessmentFeed | None = None  # the outputs, moved onto the host clock once pinned
        self._listening = False

    @property
    def mapping(self) -> PinnedClockMapping | None:
        """Device -> host for this assessment (None before data)."""
        return self.feed.mapping if self.feed is not None else None

    def start(self, plan: AssessmentPlan) -> AssessmentSession:
        self.stop()
        now = self.live.clock()
        self.t_s = now
        self.session = AssessmentSession(plan, t0_s=now, pacer=Pacer(plan.rates_bpm[0], t0_s=now))
        self.feed = AssessmentFeed(self.session, self.live.model.clock)  # pinned now, or at the first output
        self.session.update(now)  # the first block's rate: announced with the pacer itself
        self.live.set_active_pacer(WIZARD, self.session.pacer)
        self.live.output.connect(self._on_output)
        self._listening = True
        return self.session

    def _on_output(self, out: PipelineOutput) -> None:
        """The pulse wave, a chest strap's accelerometer and the beats (the model has taken this output)."""
        if self.feed is not None:
            self.feed.add(out)

    def step(self) -> None:
        """Advance the protocol to the clock's time now (nothing when the clock has not moved)."""
        if self.session is None:
            return
        now = self.live.clock()
        if now <= self.t_s:
            return
        self.t_s = now
        rate = self.session.update(now)
        if rate is not None:  # a block began: announced through the live session (source, store, views)
            self.live.set_pacer(rate_bpm=rate, owner=WIZARD)

    def finish(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Give the pacer back to the training pacer and stop listening."""
        if self._listening:
            self.live.output.disconnect(self._on_output)
            self._listening = False
        self.live.release_pacer(WIZARD)


class DriverAssessment:
    """An assessment on an in-process simulated sensor (``io.assess_sim.SimulatedBeatsDriver``)."""

    source = "simulated"

    def __init__(self, driver, speed: float = 1.0) -> None:
        self.driver = driver
        self.speed = float(speed)
        self.session: AssessmentSession | None = None
        self.t_s = 0.0
        self._real_last: float | None = None

    def start(self, plan: AssessmentPlan) -> AssessmentSession:
        self.t_s = 0.0
        self.session = AssessmentSession(plan, t0_s=0.0)
        self._advance_to(0.0)
        self._real_last = time.monotonic()
        return self.session

    def step(self) -> None:
        """Advance by the real time since the last step times ``speed`` (a late step: at most MAX_STEP_REAL_S)."""
        now = time.monotonic()
        real_s = min(now - (self._real_last or now), MAX_STEP_REAL_S)
        self._advance_to(self.t_s + real_s * self.speed)
        self._real_last = now

    def _advance_to(self, t_end: float) -> None:
        session = self.session
        if session is None:
            return
        while True:
            t = min(t_end, self.t_s + SUB_STEP_S)
            if t > 0:
                self.driver.step(session, t)
            if session.update(t) is not None:  # a block began: the person takes up the new rate
                self.driver.follow(session, t)
            self.t_s = t
            if t >= t_end - 1e-9 or session.done:
                break

    def finish(self) -> None:
        """The beats the pipeline still held back belong to the last block."""
        if self.session is not None:
            self.session.add_beats(self.driver.run.pipeline.flush().beats)

    def stop(self) -> None:
        pass
