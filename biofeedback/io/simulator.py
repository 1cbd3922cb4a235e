"""The simulated sensor: a simulated person's pulse spoken in a real protocol on a virtual port.

``SensorSimulator`` turns ``core.simulation`` (person → pulse shape → the
protocol's own sensor model, with known beat times) into the bytes of any
supported protocol through that protocol's own encoder. ``serve`` streams it in real time (or faster) to a pty or TCP port,
optionally "unplugging" for a while. ``SimulatedSource`` runs both the server
and a ``SerialSource`` reading the virtual port, so the app's simulated sensor
goes through exactly the code path of a real one.

Time: the server paces itself by a host clock (``ServeOptions.clock``,
``time.monotonic`` by default): simulated time is ``(clock() - started_at) *
speed``. Given the app's clock (``SimulatedSource(clock=...)``) the simulated
person follows the pacer on that same clock; given an ``io.clock.ManualClock``
the sensor only produces data when a test advances the clock.
"""

from __future__ import annotations

import math
import os
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from biofeedback import config
from biofeedback.core.protocols import PROTOCOLS
from biofeedback.core.simulation import (
    PROTOCOL_SENSORS,
    ArtifactParams,
    PersonParams,
    PpgSynth,
    SensorParams,
    SimulatedPerson,
    TrueBeat,
    sensor_for,
    shape_named,
)
from biofeedback.io.clock import Clock, sleep_until
from biofeedback.io.serial_source import SerialSource
from biofeedback.io.source import EventSink, StateSink
from biofeedback.io.virtual_port import PtyPort, TcpPort


@dataclass(frozen=True)
class SimulatorSettings:
    protocol: str = "native"
    hr_bpm: float = 65.0
    breathing_bpm: float | None = None  # None: the person breathes at their own rate
    resonance_bpm: float = 5.5
    artifacts_per_min: float = 0.0  # ectopic/missed/extra per minute; motion and finger-off scale with it
    noise: float = config.SIM_DEFAULT_NOISE
    seed: int = 0
    shape: str = "classic"  # a pulse shape of core.simulation.SHAPES
    sensor: str = "auto"  # a sensor model (core.simulation.SENSOR_KINDS); auto: the protocol's


def artifact_params(rate_per_min: float) -> ArtifactParams:
    """One knob for testers: beat artifacts at the rate, motion and finger-off more rarely."""
    return ArtifactParams(
        rate_per_min=rate_per_min,
        motion_bursts_per_min=rate_per_min / 5.0,
        finger_off_per_min=rate_per_min / 20.0,
    )


def sensor_params(settings: SimulatorSettings, adc_max: int | None) -> SensorParams | None:
    """The sensor model the settings ask for (None: the plain DC-coupled ADC of our sketch)."""
    kind = PROTOCOL_SENSORS.get(settings.protocol, "dc") if settings.sensor == "auto" else settings.sensor
    return None if kind == "dc" else sensor_for(kind, adc_max, seed=settings.seed)


class SensorSimulator:
    """Generates protocol bytes for successive stretches of simulated time, keeping the truth."""

    def __init__(self, settings: SimulatorSettings = SimulatorSettings()) -> None:
        if settings.protocol not in PROTOCOLS:
            raise ValueError(f"unknown protocol {settings.protocol!r}; choose one of {', '.join(PROTOCOLS)}")
        self.settings = settings
        self.spec = PROTOCOLS[settings.protocol]
        params = PersonParams(hr_bpm=settings.hr_bpm, resonance_bpm=settings.resonance_bpm)
        self.person = SimulatedPerson(params, artifact_params(settings.artifacts_per_min), seed=settings.seed)
        if settings.breathing_bpm is not None:
            self.person.set_breathing_rate(settings.breathing_bpm)
        shape_named(settings.shape)  # a clear error for an unknown shape
        self.sensor = sensor_params(settings, self.spec.adc_max)
        self.synth = PpgSynth(self.person, fs_hz=config.SIM_INTERNAL_FS_HZ,
                              adc_max=self.spec.adc_max or 1023, noise=settings.noise, seed=settings.seed,
                              shape=settings.shape, sensor=self.sensor)
        self.encoder = self.spec.encoder()
        if hasattr(self.encoder, "device"):  # a name of its own: a reconnect can tell two simulators apart
            self.encoder.device = f"sim-{secrets.token_hex(3)}"
        self.truth: list[TrueBeat] = []
        self._samples_done = 0

    @property
    def t_s(self) -> float:
        return self._samples_done / config.SIM_INTERNAL_FS_HZ

    def set_breathing_rate(self, bpm: float | None) -> None:
        if bpm is not None:
            self.person.set_breathing_rate(bpm)

    def follow_pacer(self, rate_bpm: float, phase_cycles: float, at_t_s: float) -> None:
        """The person breathes with a pacer (rate and phase) from simulated time ``at_t_s``."""
        self.person.follow_pacer(rate_bpm, phase_cycles, at_t_s)

    def generate(self, until_s: float) -> bytes:
        """Bytes for simulated time up to ``until_s``; the true beats go to ``truth``."""
        n = int(math.floor(until_s * config.SIM_INTERNAL_FS_HZ)) - self._samples_done
        if n <= 0:
            return b""
        self._samples_done += n
        t_s, values, beats = self.synth.step(n)
        self.truth += beats
        # what the sensor reports: every pulse it sees (extra ones too), none it misses
        reported = [(b.t_s, None) for b in beats if b.kind != "missed"]
        return self.encoder.encode(t_s, values, reported, ())


@dataclass
class ServeOptions:
    speed: float = 1.0  # simulated seconds per real second
    duration_s: float | None = None  # simulated seconds, None = until stopped
    unplug_at_s: float | None = None  # simulated time of a simulated unplug
    unplug_for_s: float = 3.0
    held_unplugged: bool = False  # set from another thread to pull the cable until cleared
    started_at: float | None = None  # clock() of simulated time 0 (default: when serve starts)
    clock: Clock = field(default=time.monotonic)  # the host clock the server paces itself by


def serve(sim: SensorSimulator, port, options: ServeOptions, stop: threading.Event,
          on_tick: Callable[[], None] | None = None) -> None:
    """Stream ``sim`` to ``port`` in (scaled) clock time until stopped or the duration ends.

    A chunk every SIM_TICK_S of ``options.clock``: up to simulated time
    ``(clock() - started_at) * speed``.
    """
    clock = options.clock
    needs_start = bool(sim.spec.start_bytes)
    streaming = not needs_start
    heard = b""
    started = options.started_at if options.started_at is not None else clock()
    done_s = 0.0  # simulated time generated so far
    unplug_phase = "before"  # -> "during" -> "after": each phase lasts at least one tick
    while not stop.is_set():
        now = clock()
        until_s = (now - started) * options.speed
        if options.duration_s is not None:
            until_s = min(until_s, options.duration_s)
        if options.unplug_at_s is not None and done_s < options.unplug_at_s < until_s:
            until_s = options.unplug_at_s  # stop at the unplug, even when a slow write skipped ticks
        done_s = max(done_s, until_s)
        if needs_start:
            heard = (heard + port.read())[-64:]
            streaming = streaming or sim.spec.start_bytes[-9:] in heard
        if options.unplug_at_s is not None:
            if unplug_phase == "before" and until_s >= options.unplug_at_s:
                unplug_phase = "during"
            elif unplug_phase == "during" and until_s >= options.unplug_at_s + options.unplug_for_s:
                unplug_phase = "after"
        unplugged = options.held_unplugged or unplug_phase == "during"
        if unplugged and port.plugged:
            port.unplug()
        elif not unplugged and not port.plugged:
            port.plug()
            heard = b""
            streaming = not needs_start
        data = sim.generate(until_s)
        if streaming and port.plugged:  # faster than real time: wait for the reader, not drop
            port.write(data, config.SIM_READER_WAIT_S if options.speed > 1.0 else 0.0)
        if on_tick is not None:
            on_tick()
        if options.duration_s is not None and until_s >= options.duration_s:
            break
        sleep_until(clock, now + config.SIM_TICK_S, stop)


def open_virtual_port(listen: str | None = None) -> PtyPort | TcpPort:
    """A pty where the platform has them, else (or when asked) a loopback TCP port."""
    if listen:
        host, _, port = listen.removeprefix("socket://").rpartition(":")
        return TcpPort(host or "127.0.0.1", int(port))
    if os.name == "posix":
        return PtyPort()
    return TcpPort()


class SimulatedSource:
    """The app's "Simulated sensor": a simulator on a virtual port read by a SerialSource."""

    def __init__(self, hr_bpm: float = 65.0, resonance_bpm: float = 5.5, artifacts_per_min: float = 0.0,
                 protocol: str = "native", speed: float = 1.0, seed: int | None = None,
                 shape: str = "classic", clock: Clock = time.monotonic) -> None:
        """``clock``: the host clock of the app whose pacer the person follows (and the server's)."""
        seed = int(time.time()) if seed is None else seed
        self.settings = SimulatorSettings(protocol=protocol, hr_bpm=hr_bpm, resonance_bpm=resonance_bpm,
                                          artifacts_per_min=artifacts_per_min, seed=seed, shape=shape)
        self.speed = speed
        self.description = f"Simulated sensor ({protocol})"
        self.simulator: SensorSimulator | None = None
        self._port: PtyPort | TcpPort | None = None
        self._reader: SerialSource | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pending_rate: float | None = None
        self._pending_pacer: tuple[float, float, float] | None = None
        self._clock = clock
        self._options = ServeOptions(speed=speed, clock=clock)

    def set_breathing_rate(self, bpm: float) -> None:
        """The simulated person follows this pacer rate (with their own lag and compliance)."""
        self._pending_rate = bpm
        if self.simulator is not None:
            self.simulator.set_breathing_rate(bpm)

    def follow_pacer(self, rate_bpm: float, phase_cycles: float) -> None:
        """The simulated person breathes with the on-screen pacer: ``phase_cycles`` is its phase now."""
        self._pending_rate = rate_bpm
        self._pending_pacer = (rate_bpm, phase_cycles, self._clock())
        self._apply_pacer()

    def sim_time_s(self, clock_s: float) -> float | None:
        """Simulated time at the clock's ``clock_s`` (None before ``start``): what the sensor has sent by then."""
        started = self._options.started_at
        return None if started is None else (clock_s - started) * self.speed

    def _apply_pacer(self) -> None:
        if self.simulator is None or self._pending_pacer is None:
            return
        rate_bpm, phase_cycles, at_clock_s = self._pending_pacer
        at_sim_s = self.sim_time_s(at_clock_s)
        if at_sim_s is None:
            return
        # assumes the pacer's clock runs at the simulation's speed (1x live, the same clock;
        # tests and screenshots may speed both up alike)
        self.simulator.follow_pacer(rate_bpm, phase_cycles, at_sim_s)

    def start(self, on_events: EventSink, on_state: StateSink) -> None:
        self.simulator = SensorSimulator(self.settings)
        self.simulator.set_breathing_rate(self._pending_rate)
        self._options.started_at = self._clock()
        self._apply_pacer()
        self._port = port = open_virtual_port()
        self._stop.clear()
        self._thread = threading.Thread(
            target=serve, args=(self.simulator, port, self._options, self._stop),
            name="simulated sensor", daemon=True,
        )
        self._thread.start()
        self._reader = SerialSource(port.path, protocol=self.settings.protocol, clock=self._clock)
        self._reader.start(on_events, on_state)

    def unplug(self) -> None:
        """Pull the virtual cable (for demos and tests of the reconnect path)."""
        self._options.held_unplugged = True

    def replug(self) -> None:
        self._options.held_unplugged = False

    def stop(self) -> None:
        if self._reader is not None:
            self._reader.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
        if self._port is not None:
            self._port.close()
