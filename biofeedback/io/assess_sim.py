"""An accelerated simulated sensor in-process: person -> PPG -> protocol bytes -> decoder -> pipeline.

For the headless ``assess --simulate`` and for tests of the resonance wizard:
the same bytes, decoder and ``Pipeline`` as a live simulated sensor, but
driven by the simulation clock instead of a virtual port, so a 10-minute
assessment runs in about a second. The person follows the pacer's rate with
their own lag and compliance (``core.simulation.PersonParams``).
"""

from __future__ import annotations

from dataclasses import dataclass

from biofeedback import config
from biofeedback.core.pipeline import Pipeline, PipelineOutput
from biofeedback.core.protocols import make_decoder
from biofeedback.core.respiration import RespirationTracker
from biofeedback.core.simulation import PersonParams, PpgSynth, SimulatedPerson
from biofeedback.io.simulator import SensorSimulator, SimulatorSettings, artifact_params


@dataclass(frozen=True)
class SimPersonSettings:
    resonance_bpm: float = 5.5
    hr_bpm: float = 65.0
    compliance: float = 1.0  # 0: ignores the pacer and breathes at spontaneous_bpm
    follow_lag_s: float = 5.0
    spontaneous_bpm: float = 13.0
    artifacts_per_min: float = 1.0
    noise: float = 0.02
    seed: int = 0
    protocol: str = "native"


class InProcessSimulation:
    """Simulated sensor and pipeline stepped by simulated time (no threads, no ports)."""

    def __init__(self, settings: SimPersonSettings = SimPersonSettings()) -> None:
        s = settings
        self.settings = s
        self.sim = SensorSimulator(SimulatorSettings(
            protocol=s.protocol, hr_bpm=s.hr_bpm, resonance_bpm=s.resonance_bpm,
            artifacts_per_min=s.artifacts_per_min, noise=s.noise, seed=s.seed))
        # SimulatorSettings has no compliance or lag: give the simulator a person that has them
        params = PersonParams(hr_bpm=s.hr_bpm, resonance_bpm=s.resonance_bpm,
                              compliance=s.compliance, follow_lag_s=s.follow_lag_s,
                              spontaneous_bpm=s.spontaneous_bpm)
        self.sim.person = SimulatedPerson(params, artifact_params(s.artifacts_per_min), seed=s.seed)
        self.sim.synth = PpgSynth(self.sim.person, fs_hz=config.SIM_INTERNAL_FS_HZ,
                                  adc_max=self.sim.spec.adc_max or 1023, noise=s.noise, seed=s.seed,
                                  shape=self.sim.settings.shape, sensor=self.sim.sensor)
        self.decoder = make_decoder(s.protocol)
        self.pipeline = Pipeline()

    @property
    def t_s(self) -> float:
        return self.sim.t_s

    def set_breathing_rate(self, bpm: float) -> None:
        self.sim.set_breathing_rate(bpm)

    def breath_cycle_fraction(self, t_s: float) -> float:
        """The simulated person's own breathing phase (0..1, inhale first): a respiration belt."""
        return float(self.sim.person.breathing_phase(t_s)) % 1.0

    def advance(self, until_s: float) -> PipelineOutput:
        return self.pipeline.feed(self.decoder.feed(self.sim.generate(until_s)))


def run_simulated_assessment(
    plan, settings: SimPersonSettings = SimPersonSettings(), tick_s: float = 0.25,
    phase_reference: str = "person", speed: float = 0.0,
):
    """Run a whole assessment on the simulation clock; returns (ResonanceResult, session).

    ``phase_reference``: "person" scores the HR phase against the simulated
    person's own breathing (they follow the pacer's rate, not its phase, so
    this is what a respiration belt would measure); "measured" against the
    breathing read from the pulse wave (``core.respiration``); "pacer"
    against the pacer. The measured breathing rate always decides whether
    the person followed the pacer.
    ``speed``: simulated seconds per real second, 0 = as fast as possible.
    """
    import time

    from biofeedback.core.assessment import AssessmentSession

    driver = SimulatedBeatsDriver(settings, phase_reference)
    session = AssessmentSession(plan, t0_s=0.0)
    t, started = 0.0, time.monotonic()
    last_estimate = None
    while not session.done:
        t += tick_s
        if speed > 0:  # pace the simulation clock against the real one
            ahead = t / speed - (time.monotonic() - started)
            if ahead > 0:
                time.sleep(ahead)
        beats, phase = driver.advance(t)
        session.add_beats(beats)
        index = session.state.block_index
        rate = session.update(t, phase)
        if phase_reference == "measured" and session.state.block_index != index:
            driver.measure_block_phase(session, index)  # the block just ended
        if rate is not None:
            driver.set_breathing_rate(rate)
        estimate = driver.breathing.latest
        if estimate is not None and estimate is not last_estimate:  # measured breathing (issue 15)
            session.add_breathing(estimate)
            last_estimate = estimate
    session.add_beats(driver.run.pipeline.flush().beats)
    return session.result(), session


class SimulatedBeatsDriver:
    """The simulation as the wizard sees a beat source: ``advance(t_s)`` -> (beats, breathing phase).

    The wizard owns the clock (real time x its speed) and steps this in short
    sub-steps, so the simulated person follows rate changes promptly. The
    phase is the person's own (a respiration belt), or None when
    ``phase_reference`` is "pacer".
    """

    def __init__(self, settings: SimPersonSettings = SimPersonSettings(),
                 phase_reference: str = "person") -> None:
        if phase_reference not in ("person", "pacer", "measured"):
            raise ValueError(f"unknown phase reference {phase_reference!r}")
        self.run = InProcessSimulation(settings)
        self.phase_reference = phase_reference
        self.breathing = RespirationTracker(keep_s=300.0)  # breathing read from the pulse wave

    def set_breathing_rate(self, bpm: float) -> None:
        self.run.set_breathing_rate(bpm)

    def measure_block_phase(self, session, index: int) -> None:
        """Give the session the breathing phase of block ``index`` read from the pulse wave."""
        lo, hi = session.protocol.scored_window(index)
        track = self.breathing.phase_track(lo, hi)
        if track is not None:
            session.recorder.set_block_phase(index, *track)

    def advance(self, t_s: float):
        out = self.run.advance(t_s)
        for block in out.ppg:
            self.breathing.add_ppg(block.t_s, block.value)
        self.breathing.add_beats(out.beats)
        estimate = self.breathing.update(t_s)
        phase = None
        if self.phase_reference == "person":
            phase = self.run.breath_cycle_fraction(t_s)
        elif self.phase_reference == "measured" and estimate is not None and estimate.valid \
                and estimate.quality >= config.RESP_MIN_QUALITY:
            phase = (estimate.phase_cycles + (t_s - estimate.t_s) * estimate.rate_bpm / 60.0) % 1.0
        return out.beats, phase
