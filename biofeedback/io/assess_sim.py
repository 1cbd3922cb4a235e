"""An accelerated simulated sensor in-process: person -> PPG -> protocol bytes -> decoder -> pipeline.

For the headless ``assess --simulate`` and for tests of the resonance wizard:
the same bytes, decoder and ``Pipeline`` as a live simulated sensor, but
driven by the simulation clock instead of a virtual port, so a 10-minute
assessment runs in about a second. The person follows the pacer's rate and
phase as a person follows the app's guide, with their own glide, reaction
time and compliance (``core.simulation.PersonParams``).
"""

from __future__ import annotations

from dataclasses import dataclass

from biofeedback import config
from biofeedback.core.pipeline import Pipeline, PipelineOutput
from biofeedback.core.protocols import make_decoder
from biofeedback.core.simulation import PersonParams, PpgSynth, SimulatedPerson
from biofeedback.io.simulator import SensorSimulator, SimulatorSettings, artifact_params


@dataclass(frozen=True)
class SimPersonSettings:
    resonance_bpm: float = 5.5
    hr_bpm: float = 65.0
    compliance: float = 1.0  # 0: ignores the pacer and breathes at spontaneous_bpm
    follow_lag_s: float = 5.0
    pacer_reaction_s: float = 0.5  # breathing this late behind the guide
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
                              pacer_reaction_s=s.pacer_reaction_s, spontaneous_bpm=s.spontaneous_bpm)
        self.sim.person = SimulatedPerson(params, artifact_params(s.artifacts_per_min), seed=s.seed)
        self.sim.synth = PpgSynth(self.sim.person, fs_hz=config.SIM_INTERNAL_FS_HZ,
                                  adc_max=self.sim.spec.adc_max or 1023, noise=s.noise, seed=s.seed,
                                  shape=self.sim.settings.shape, sensor=self.sim.sensor)
        self.decoder = make_decoder(s.protocol)
        self.pipeline = Pipeline()

    @property
    def t_s(self) -> float:
        return self.sim.t_s

    def follow_pacer(self, rate_bpm: float, phase_cycles: float, at_t_s: float) -> None:
        """The person breathes with the guide (its rate and its phase ``phase_cycles`` at ``at_t_s``)."""
        self.sim.follow_pacer(rate_bpm, phase_cycles, at_t_s)

    def breath_cycle_fraction(self, t_s: float) -> float:
        """The simulated person's own breathing phase (0..1, inhale first): a respiration belt."""
        return float(self.sim.person.breathing_phase(t_s)) % 1.0

    def advance(self, until_s: float) -> PipelineOutput:
        return self.pipeline.feed(self.decoder.feed(self.sim.generate(until_s)))


def run_simulated_assessment(
    plan, settings: SimPersonSettings = SimPersonSettings(), tick_s: float = 0.25,
    phase_from: str = "pulse", speed: float = 0.0,
):
    """Run a whole assessment on the simulation clock; returns (ResonanceResult, session).

    ``phase_from`` (``core.resonance.assessment.AssessmentSession``): "pulse" scores the
    HR phase against the breathing read from the pulse wave, as the app does;
    "pacer" against the pacer; "belt" against the simulated person's own
    breathing (what a respiration belt would measure). The person follows
    the pacer as it runs (rate and phase, at each block start, as in the app).
    ``speed``: simulated seconds per real second, 0 = as fast as possible.
    """
    return run_simulated_assessments(plan, settings, (phase_from,), tick_s, speed)[phase_from]


def run_simulated_assessments(
    plan, settings: SimPersonSettings = SimPersonSettings(), phase_from: tuple[str, ...] = ("pulse",),
    tick_s: float = 0.25, speed: float = 0.0,
) -> dict:
    """One simulated run scored against several breathing phases: {phase_from: (ResonanceResult, session)}.

    Each source's session sees the same beats, pulse wave and pacer (the
    pacer does not depend on the phase source), so each result equals that
    of its own ``run_simulated_assessment`` with the same settings, for the
    cost of one simulation.
    """
    import time

    from biofeedback.core.resonance.assessment import AssessmentSession

    driver = SimulatedBeatsDriver(settings)
    sessions = {source: AssessmentSession(plan, t0_s=0.0, phase_from=source) for source in phase_from}
    lead = sessions[phase_from[0]]  # the pacer the person follows (every session's is the same)
    t, started = 0.0, time.monotonic()
    while not lead.done:
        t += tick_s
        if speed > 0:  # pace the simulation clock against the real one
            ahead = t / speed - (time.monotonic() - started)
            if ahead > 0:
                time.sleep(ahead)
        belt = driver.step_all(list(sessions.values()), t)
        changed = [session.update(t, belt) for session in sessions.values()]
        if changed[0] is not None:
            driver.follow(lead, t)
    tail = driver.run.pipeline.flush().beats
    for session in sessions.values():
        session.add_beats(tail)
    return {source: (session.result(), session) for source, session in sessions.items()}


class SimulatedBeatsDriver:
    """The simulation as the wizard sees a sensor: stepped on its own clock, feeding an assessment.

    The wizard owns the clock (real time x its speed) and steps this in short
    sub-steps, so the simulated person follows rate changes promptly.
    """

    def __init__(self, settings: SimPersonSettings = SimPersonSettings()) -> None:
        self.run = InProcessSimulation(settings)

    def step(self, session, t_s: float) -> float:
        """Advance to ``t_s`` and give ``session`` the pulse wave and beats; returns the belt phase (0..1)."""
        return self.step_all([session], t_s)

    def step_all(self, sessions, t_s: float) -> float:
        """``step`` feeding each of ``sessions`` the same pulse wave and beats."""
        out = self.run.advance(t_s)
        for session in sessions:
            for block in out.ppg:
                session.add_ppg(block.t_s, block.value)
            session.add_beats(out.beats)
        return self.run.breath_cycle_fraction(t_s)

    def follow(self, session, t_s: float) -> None:
        """The person takes up the session's pacer as it is at ``t_s``."""
        self.run.follow_pacer(session.pacer.rate_bpm, session.pacer.phase_cycles(t_s), t_s)
