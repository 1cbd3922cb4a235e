"""Make a Source from the user's choice; list serial ports with their hints.

io modules are imported lazily so the window opens even while a source
module is missing or its dependency is broken; the error then shows in the
status area when the user tries to connect.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from biofeedback.app.settings import Settings
from biofeedback.core.protocols import PROTOCOLS as KNOWN_PROTOCOLS
from biofeedback.io.source import Source

SIMULATED, SERIAL, REPLAY, LSL, BLE = "simulated", "serial", "replay", "lsl", "ble"
PROTOCOLS = ("auto", *KNOWN_PROTOCOLS)  # the picker's choices: auto-detect, then every registered protocol
ARTIFACT_LEVELS = {"none": 0.0, "some (2/min)": 2.0, "many (8/min)": 8.0}
REPLAY_SPEEDS = (1.0, 2.0, 5.0, 10.0, 20.0, 50.0)
STRAP_SCAN_S = 8.0  # the picker's strap scan gives up after this long (it returns 1 s after the first strap)
# the window writes these again in its language (ui/notice_words.py); a test keeps the two equal
SERIAL_UNAVAILABLE = "Serial ports unavailable: {error}"
SERIAL_LIST_FAILED = "Could not list serial ports: {error}"
NO_STRAP = "No strap found in {seconds} s: put it on (wet electrodes wake it up) and try again."


@dataclass(frozen=True)
class PortChoice:
    """A serial port as the picker shows it."""

    device: str
    label: str


def list_port_choices() -> tuple[list[PortChoice], str | None]:
    """Serial ports with description and device hint; (ports, error message or None)."""
    try:
        from biofeedback.io.serial_source import list_ports
    except Exception as exc:  # module not there yet or pyserial broken
        return [], SERIAL_UNAVAILABLE.format(error=exc)
    try:
        ports = list_ports()
    except Exception as exc:
        return [], SERIAL_LIST_FAILED.format(error=exc)
    choices = []
    for p in ports:
        label = p.device
        if getattr(p, "description", ""):
            label += f" — {p.description}"
        if getattr(p, "hint", ""):
            label += f" ({p.hint})"
        choices.append(PortChoice(p.device, label))
    return choices, None


def make_source(settings: Settings, clock: Callable[[], float] = time.monotonic,
                seed: int | None = None) -> Source:
    """Build the source the settings describe; raises with a readable message on failure.

    ``clock``: the app's host clock; the simulated sensor runs on it (its
    person follows the pacer on that clock; ``sim_speed`` scales it further), and a
    serial sensor's reconnect waits and a replay's pace are measured on it.
    ``seed``: the simulated person's (None: a new person each time).
    """
    kind = settings.source_kind
    if kind == SIMULATED:
        from biofeedback.io.simulator import SimulatedSource

        return SimulatedSource(
            hr_bpm=settings.sim_hr_bpm,
            resonance_bpm=settings.sim_resonance_bpm,
            artifacts_per_min=settings.sim_artifacts_per_min,
            speed=settings.sim_speed,
            shape=settings.sim_shape,
            seed=seed,
            clock=clock,
        )
    if kind == SERIAL:
        if not settings.serial_port:
            raise ValueError("Choose a serial port first.")
        from biofeedback.io.serial_source import SerialSource

        return SerialSource(settings.serial_port, protocol=settings.protocol, clock=clock)
    if kind == REPLAY:
        if not settings.replay_path:
            raise ValueError("Choose a file to replay first.")
        from biofeedback.io.replay import ReplaySource

        return ReplaySource(settings.replay_path, speed=settings.replay_speed, clock=clock)
    if kind == LSL:
        from biofeedback.io.lsl_source import LslSource

        return LslSource(settings.lsl_stream or "type:PPG")
    if kind == BLE:
        from biofeedback.io.ble_source import BleHeartRateSource, backend_from_env

        def remember(strap) -> None:  # the first strap found becomes the one used next time
            if not settings.ble_address:
                settings.ble_address = strap.address

        return BleHeartRateSource(settings.ble_address or None, backend=backend_from_env(), on_connected=remember)
    raise ValueError(f"unknown source kind {kind!r}")


def list_lsl_choices(wait_s: float = 0.5) -> tuple[list[PortChoice], str | None]:
    """LSL streams of type PPG, RR/IBI or ECG on the network: (choices by source_id, error or None)."""
    try:
        from biofeedback.io.lsl_source import list_lsl_streams

        streams = list_lsl_streams(wait_s)
    except Exception as exc:  # liblsl missing or the network unusable
        return [], f"LSL streams unavailable: {exc}"
    return [PortChoice(s.source_id() or s.name(), f"{s.name()} ({s.type()}, {s.hostname()})") for s in streams], None


def list_strap_choices(timeout_s: float = STRAP_SCAN_S) -> tuple[list[PortChoice], str | None]:
    """Bluetooth heart-rate straps nearby, strongest first: (choices by address, error or None). Blocks."""
    try:
        from biofeedback.io.ble_source import backend_from_env, describe, list_straps

        straps = list_straps(timeout_s, backend_from_env())
    except Exception as exc:  # no Bluetooth: the sentence says what to do
        return [], describe(exc)
    if not straps:
        return [], NO_STRAP.format(seconds=f"{timeout_s:g}")
    return [PortChoice(s.address, f"{s.name} — {s.rssi_dbm} dBm ({s.address})" if s.rssi_dbm is not None
                       else s.label) for s in straps], None
