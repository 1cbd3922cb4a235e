"""Real Source implementations for UI tests (threads and callbacks, no mocks).

``PhysiologySource`` streams the simulated person's PPG at a chosen speed;
the app's own SimulatedSource is preferred when it exists. ``StateScript``
reports connection states from its own thread like a serial source does.
"""

from __future__ import annotations

import threading
import time

from biofeedback.core.simulation import PersonParams, PpgSynth, SimulatedPerson
from biofeedback.core.types import DeviceInfo, PpgBlock
from biofeedback.io.source import SourceState

FS_HZ = 500.0


class PhysiologySource:
    """PPG at 500 Hz from core.simulation, delivered in 20 ms-of-wall-time chunks."""

    description = "test physiology source"

    def __init__(self, speed: float = 1.0, seed: int = 1) -> None:
        self.speed = speed
        self.person = SimulatedPerson(PersonParams(hr_bpm=65.0), seed=seed)
        self.synth = PpgSynth(self.person, fs_hz=FS_HZ, seed=seed)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._t_s = 0.0  # simulated time generated so far

    def follow_pacer(self, rate_bpm: float, phase_cycles: float) -> None:
        """The person breathes with the active pacer from the simulated moment now."""
        self.person.follow_pacer(rate_bpm, phase_cycles, self._t_s)

    def start(self, on_events, on_state) -> None:
        self._thread = threading.Thread(target=self._run, args=(on_events, on_state), daemon=True)
        self._thread.start()

    def _run(self, on_events, on_state) -> None:
        on_state(SourceState("connected", protocol="native"))
        on_events([DeviceInfo("native", fs_hz=FS_HZ, adc_max=1023)])
        chunk_s = 0.02
        n = int(FS_HZ * chunk_s * self.speed)
        while not self._stop.wait(chunk_s):
            t, v, _ = self.synth.step(n)
            self._t_s = float(t[-1])
            on_events([PpgBlock(t, v.astype(float), FS_HZ)])
        on_state(SourceState("stopped"))

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)


class StateScript:
    """Reports the given states from a thread, one every ``step_s``, then waits for stop()."""

    description = "scripted connection states"

    def __init__(self, states: list[SourceState], step_s: float = 0.05) -> None:
        self.states = states
        self.step_s = step_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, on_events, on_state) -> None:
        def run() -> None:
            for state in self.states:
                time.sleep(self.step_s)
                on_state(state)
            self._stop.wait()

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
