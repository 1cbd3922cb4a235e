"""A Bluetooth LE heart-rate strap (Heart Rate service 0x180D) as a source.

Any strap that follows the Bluetooth SIG Heart Rate profile works (Polar H7,
H9, H10, Garmin HRM-Dual, Wahoo TICKR, Coospo and the like); every bleak call
lives in this module, the packet rules in ``core.protocols.ble_hrm``. Tested end to end
against a virtual strap on bumble's in-process link (tests/ble), through
bleak's public API; bleak's ``backend=`` is the one thing the tests change.

One asyncio loop in a reader thread: scan for the first device advertising
the Heart Rate service (or use the given address), connect, subscribe to
0x2A37 notifications; a lost link is a ``Gap`` and a reconnection with
back-off to the same strap. ``stop()`` cancels the loop's task, so it ends a
scan, a connection attempt, a back-off sleep or a connection at once.

Beat times are sums of the strap's RR intervals, anchored to the arrival of
the first notification after a (re)start (``core.protocols.ble_hrm.RrTimeline``), never
arrival times. No skin contact is a gap and a status, not beats; a garbled
notification, or one with an impossible interval, is a gap (its beats are
lost, the next notification anchors the beat clock again). A notification
delivered twice counts once (``core.protocols.ble_hrm.RepeatFilter``).
"""

from __future__ import annotations

import asyncio
import importlib
import math
import os
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from biofeedback import config
from biofeedback.core.protocols import polar_pmd as pmd
from biofeedback.core.protocols.ble_hrm import (
    HEART_RATE_MEASUREMENT_UUID,
    HEART_RATE_SERVICE_UUID,
    HrmFormatError,
    RepeatFilter,
    RrTimeline,
    parse_heart_rate_measurement,
)
from biofeedback.core.types import DeviceBeat, DeviceInfo, DeviceStatus, Event, Gap
from biofeedback.io.ble_polar import ECG_PROTOCOL, PmdSession
from biofeedback.io.source import (
    CONNECTED,
    CONNECTING,
    DISCONNECTED,
    FAILED,
    RECONNECTING,
    STOPPED,
    EventSink,
    SourceState,
    StateSink,
)

PROTOCOL = "ble-hrm"
SCAN_TIMEOUT_S = 10.0  # a scan that finds no strap gives up after this long (and is retried)
LIST_SETTLE_S = 1.0  # a listing scan goes on this long after the first strap is seen (others answer too)
CONNECT_TIMEOUT_S = 10.0
DISCONNECT_TIMEOUT_S = 0.3  # stop() does not wait longer than this for a polite disconnect
STOP_JOIN_S = 1.0
HR_ONLY_NOTIFICATIONS = 5  # this many notifications with contact and no RR: the strap sends no intervals
RR_MAX_MS = 6000.0  # a strap interval above this (or of 0) is no heart's: the notification is garbled
STATUS_REPEAT_S = 5.0  # a repeated complaint (garbled notifications) is said at most this often

NO_CONTACT_TEXT = "The strap has no skin contact: wet its electrodes and tighten it around the chest."
HR_ONLY_TEXT = "This strap sends no beat intervals: heart rate only, no HRV."
CONTACT_AGAIN_TEXT = "The strap has skin contact again."

BleakBackend = tuple[type, type]  # (scanner class, client class) for bleak's ``backend=``
BACKEND_ENV = "BIOFEEDBACK_BLE_BACKEND"


@dataclass(frozen=True)
class StrapInfo:
    """A strap seen in a scan."""

    address: str
    name: str
    rssi_dbm: int | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.address})" if self.name and self.name != self.address else self.address


class BluetoothUnavailable(RuntimeError):
    """Bluetooth itself cannot be used (no adapter, radio off, permission denied): the message says what to do."""

    def __init__(self, message: str, retry: bool) -> None:
        super().__init__(message)
        self.retry = retry  # the user can fix it while we wait (turn the radio on)


def _bleak():
    try:
        import bleak
    except ImportError as error:
        raise RuntimeError("Bluetooth straps need the bleak package: pip install 'bleak==3.1.0'") from error
    return bleak


_WHAT_TO_DO = {  # (reason, platform) -> sentence; platform "" = any
    ("off", "linux"): "Bluetooth is off. Turn it on in the desktop's Bluetooth settings or with `bluetoothctl power on`.",
    ("off", "darwin"): "Bluetooth is off. Turn it on in System Settings > Bluetooth.",
    ("off", "win32"): "Bluetooth is off. Turn it on in Settings > Bluetooth & devices.",
    ("none", "linux"): ("No Bluetooth adapter is available: plug one in, or start the Bluetooth service "
                        "(BlueZ) with `sudo systemctl start bluetooth`."),
    ("none", "darwin"): "This Mac reports no Bluetooth hardware.",
    ("none", "win32"): ("No Bluetooth adapter was found. Check Settings > Bluetooth & devices, or the "
                        "adapter's driver in Device Manager."),
    ("denied", "linux"): ("Permission to use Bluetooth was denied: add your user to the 'bluetooth' group "
                          "(then log in again), or ask the administrator to allow BlueZ for it."),
    ("denied", "darwin"): ("This app is not allowed to use Bluetooth: allow it (or the terminal it runs in) "
                           "in System Settings > Privacy & Security > Bluetooth, then try again."),
    ("denied", "win32"): ("Windows denied Bluetooth to this app: allow apps to use Bluetooth in "
                          "Settings > Privacy & security, then try again."),
}


def unavailable(error: BaseException, platform: str = sys.platform) -> BluetoothUnavailable | None:
    """The error as a ``BluetoothUnavailable`` with a sentence for this OS, or None if it is about one strap
    or passes (bleak's UNKNOWN: macOS's Bluetooth service restarting; said in bleak's words, retried)."""
    from_bleak = getattr(error, "reason", None)
    name = getattr(from_bleak, "name", "")
    if name == "POWERED_OFF":
        kind = "off"
    elif name in ("NO_BLUETOOTH", "NO_BLE_CENTRAL_ROLE"):
        kind = "none"
    elif name.startswith("DENIED"):
        kind = "denied"
    elif isinstance(error, PermissionError):
        kind = "denied"
    elif isinstance(error, FileNotFoundError) or "ServiceUnknown" in str(error):
        kind = "none"  # Linux without the system D-Bus, or without bluetoothd on it
    elif "org.bluez.Error.NotReady" in str(error):
        kind = "off"  # BlueZ: the adapter is powered off
    else:
        return None
    os_key = "linux" if platform.startswith("linux") else platform
    text = _WHAT_TO_DO.get((kind, os_key), _WHAT_TO_DO[(kind, "linux")])
    return BluetoothUnavailable(text, retry=kind == "off")


def describe(error: BaseException) -> str:
    """An exception as a short sentence (bleak's messages are often empty or repr-like)."""
    text = str(error).strip() or type(error).__name__
    return text[0].upper() + text[1:]


async def scan_straps(timeout_s: float = SCAN_TIMEOUT_S, settle_s: float = LIST_SETTLE_S,
                      backend: BleakBackend | None = None, first_only: bool = False) -> list[StrapInfo]:
    """Straps advertising the Heart Rate service, strongest first.

    Returns ``settle_s`` after the first one is seen (at once with
    ``first_only``), or at ``timeout_s`` with none.
    """
    bleak = _bleak()
    seen: dict[str, StrapInfo] = {}
    first = asyncio.get_running_loop().create_future()

    def on_advertisement(device, adv) -> None:
        seen[device.address] = StrapInfo(device.address, adv.local_name or device.name or device.address, adv.rssi)
        if not first.done():
            first.set_result(None)

    kwargs: dict[str, Any] = {"backend": backend[0]} if backend else {}
    try:
        async with bleak.BleakScanner(on_advertisement, service_uuids=[HEART_RATE_SERVICE_UUID], **kwargs):
            try:
                await asyncio.wait_for(asyncio.shield(first), timeout_s)
            except asyncio.TimeoutError:
                return []
            if not first_only:
                await asyncio.sleep(settle_s)
    except Exception as error:
        problem = unavailable(error)
        if problem is not None:
            raise problem from error
        raise
    return sorted(seen.values(), key=lambda s: -(s.rssi_dbm if s.rssi_dbm is not None else -999))


def _named(strap: StrapInfo, client: Any) -> StrapInfo:
    """``strap`` with the name the OS read on connecting, when it was known by its address only
    (a remembered strap, connected to without a scan)."""
    if strap.name != strap.address:
        return strap
    name = str(getattr(client, "name", "") or "").strip()
    # bleak gives the address (dashes for colons) when the OS knows no name
    if not name or name.replace("-", ":").upper() == strap.address.upper():
        return strap
    return StrapInfo(strap.address, name, strap.rssi_dbm)


def _polar_text(label: str, started: set[int], problems: list[str]) -> str:
    """What the status line says once a Polar H10's measurements are (or are not) running."""
    uses = [what for kind, what in ((pmd.ECG, "beats from its ECG (130 Hz)"),
                                    (pmd.ACC, "breathing from its accelerometer")) if kind in started]
    text = f"Connected to {label}" + (f": {' and '.join(uses)}." if uses else ".")
    return text + (f" Note: {'; '.join(problems)}." if problems else "")


def backend_from_env() -> BleakBackend | None:
    """The bleak backend named by ``BACKEND_ENV`` ("module:function" returning the classes), else None.

    For tests and demos of the command line: ``tests/ble/cli_air.py`` puts a
    virtual strap on an in-process link, as ``loop://`` stands in for a port.
    """
    spec = os.environ.get(BACKEND_ENV, "")
    if not spec:
        return None
    module_name, _, attr = spec.partition(":")
    try:
        return getattr(importlib.import_module(module_name), attr or "backend")()
    except Exception as error:
        raise RuntimeError(f"{BACKEND_ENV}={spec!r} gives no Bluetooth backend: {describe(error)}") from error


def list_straps(timeout_s: float = SCAN_TIMEOUT_S, backend: BleakBackend | None = None) -> list[StrapInfo]:
    """``scan_straps`` for callers without an event loop (the CLI)."""
    return asyncio.run(scan_straps(timeout_s, backend=backend))


class BleHeartRateSource:
    """A strap's RR intervals as device beats (a Source, see io/source.py).

    ``address``: the strap to use, or None for the first one found.
    ``clock``: host seconds (``time.monotonic``; a ``ManualClock`` in tests).
    ``backend``: bleak backend classes (tests: a virtual strap); None = the OS's.
    ``on_connected``: told the strap each time a connection is made (the app
    remembers it as the last one used). ``backoff_s``: waits between attempts.
    ``polar``: on a Polar H10, take beats from its raw ECG (``io.ble_polar``)
    rather than from its RR values, and breathing from its accelerometer.
    """

    def __init__(self, address: str | None = None, *, clock: Callable[[], float] = time.monotonic,
                 backend: BleakBackend | None = None, scan_timeout_s: float = SCAN_TIMEOUT_S,
                 on_connected: Callable[[StrapInfo], None] | None = None,
                 backoff_s: tuple[float, ...] = config.RECONNECT_BACKOFF_S, polar: bool = True,
                 connect_timeout_s: float = CONNECT_TIMEOUT_S) -> None:
        self.address = address or None
        self.description = f"Bluetooth strap {address or '(first found)'}"
        self._clock = clock
        self._backend = backend
        self._scan_timeout_s = scan_timeout_s
        self._on_connected = on_connected
        self._backoff_s = backoff_s
        self._polar = polar
        self._connect_timeout_s = connect_timeout_s
        self.pmd: PmdSession | None = None  # a Polar H10's ECG and accelerometer, when it offers them
        self.strap: StrapInfo | None = StrapInfo(address, address) if address else None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task | None = None
        self._t0 = clock()
        self._last_beat_t_s = -math.inf  # the last beat given: later ones only, across re-anchoring
        self._on_state: StateSink = lambda _s: None
        self.n_garbled = 0  # notifications that broke the rules (a gap each)
        self.n_notifications = 0
        self.bytes_received = 0
        self.n_connections = 0
        self._reset_link()

    # -- Source contract ---------------------------------------------------------------------
    def start(self, on_events: EventSink, on_state: StateSink) -> None:
        self._stop.clear()
        self._t0 = self._clock()
        self._on_state = on_state
        self._thread = threading.Thread(target=self._thread_main, args=(on_events,), name="ble strap", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ends the source in any state (scan, connect, back-off, connected) within about DISCONNECT_TIMEOUT_S."""
        with self._lock:
            self._stop.set()
            if self._loop is not None and self._task is not None:
                with suppress(RuntimeError):  # the loop already closed
                    self._loop.call_soon_threadsafe(self._task.cancel)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=STOP_JOIN_S)

    def unparsed_report(self) -> str | None:
        """A sentence when notifications came but none could be read (as the serial source says of bytes)."""
        if self.n_notifications and self.n_garbled == self.n_notifications:
            return (f"{self.n_notifications} notifications arrived and none followed the Heart Rate "
                    f"Measurement format: is this a heart-rate strap?")
        return None

    def _thread_main(self, on_events: EventSink) -> None:
        loop = asyncio.new_event_loop()
        with self._lock:
            if self._stop.is_set():
                loop.close()
                self._on_state(SourceState(STOPPED, "Stopped"))
                return
            self._loop = loop
            self._task = loop.create_task(self._run(on_events))
        try:
            loop.run_until_complete(self._task)
        except asyncio.CancelledError:
            pass
        finally:
            with self._lock:
                self._loop = self._task = None
            loop.close()
        if self._stop.is_set():
            self._on_state(SourceState(STOPPED, "Stopped"))

    def _say(self, state: str, message: str, notice: bool = False) -> None:
        self._on_state(SourceState(state, message, PROTOCOL, notice))

    def _now(self) -> float:
        return self._clock() - self._t0

    # -- connection loop ---------------------------------------------------------------------
    async def _run(self, on_events: EventSink) -> None:
        try:
            bleak = _bleak()
        except RuntimeError as error:
            self._on_state(SourceState(FAILED, str(error)))
            return
        self._say(CONNECTING, f"Connecting to {self.strap.label}…" if self.strap
                  else "Looking for a Bluetooth heart-rate strap…")
        backoff = iter(self._backoff_s)
        while True:
            try:
                if self.strap is None:
                    found = await scan_straps(self._scan_timeout_s, backend=self._backend, first_only=True)
                    if not found:
                        raise LookupError(f"No strap advertising the Heart Rate service was found in "
                                          f"{self._scan_timeout_s:.0f} s. Is it worn (straps sleep when dry)?")
                    self.strap = found[0]
                    self._say(CONNECTING, f"Found {self.strap.label}; connecting…")
                if await self._session(bleak, on_events):
                    backoff = iter(self._backoff_s)
            except (asyncio.CancelledError, KeyboardInterrupt):
                raise
            except Exception as error:  # bleak raises many kinds; all but "no Bluetooth" mean try again
                problem = error if isinstance(error, BluetoothUnavailable) else unavailable(error)
                if problem is not None and not problem.retry:
                    self._on_state(SourceState(FAILED, str(problem)))
                    return
                delay = next(backoff, self._backoff_s[-1])
                text = str(problem) if problem is not None else describe(error)
                self._say(RECONNECTING, f"{text} Trying again in {delay:g} s.")
                await asyncio.sleep(delay)
                continue
            delay = next(backoff, self._backoff_s[-1])
            await asyncio.sleep(delay)

    async def _session(self, bleak, on_events: EventSink) -> bool:
        """One connection: True once it was made (then lost); raises if it could not be made."""
        assert self.strap is not None
        lost = asyncio.Event()
        kwargs: dict[str, Any] = {"backend": self._backend[1]} if self._backend else {}
        client = bleak.BleakClient(self.strap.address, disconnected_callback=lambda _c: lost.set(),
                                   timeout=self._connect_timeout_s, **kwargs)
        await client.connect()
        try:
            self._reset_link()
            self.n_connections += 1
            self.strap = _named(self.strap, client)
            label = self.strap.label
            on_events([DeviceInfo(protocol=PROTOCOL, device=label)])
            self._connected_text = f"Connected to {label}."
            if self._polar and PmdSession.offered(client):  # before 0x2A37: no RR beat before the ECG's
                self.pmd = PmdSession(self._now, lambda events: on_events(events) if events else None)
                started = await self.pmd.start(client)
                if pmd.ECG in started:
                    on_events([DeviceInfo(protocol=ECG_PROTOCOL, device=label)])
                self._connected_text = _polar_text(label, started, self.pmd.problems)
            await client.start_notify(HEART_RATE_MEASUREMENT_UUID,
                                      lambda _ch, data: self._on_packet(data, on_events))
            self._say(CONNECTED, self._connected_text, notice=self.pmd is not None and bool(self.pmd.problems))
            if self._on_connected is not None:
                self._on_connected(self.strap)
            await lost.wait()
            held = self.pmd.flush() if self.pmd is not None else []
            on_events([*held, self._gap(self._now(), "disconnected")])
            self._say(DISCONNECTED, f"Lost the link to {label}; reconnecting…")
            return True
        finally:
            if client.is_connected:
                with suppress(Exception):
                    await asyncio.wait_for(client.disconnect(), DISCONNECT_TIMEOUT_S)

    # -- notifications -----------------------------------------------------------------------
    def _reset_link(self) -> None:
        """A new connection: the beat clock anchors again, nothing before is compared with."""
        self._timeline = RrTimeline()
        self._repeats = RepeatFilter()
        self._no_contact = False
        self._n_without_rr = 0
        self._hr_only_said = False
        self._garbled_said_t_s: float | None = None
        self._connected_text = ""
        self.pmd = None

    def _on_packet(self, data: bytes | bytearray, on_events: EventSink, now_s: float | None = None) -> None:
        now_s = self._now() if now_s is None else now_s
        self.n_notifications += 1
        self.bytes_received += len(data)
        events = self._events_of(bytes(data), now_s)
        if events:
            on_events(events)

    def _events_of(self, data: bytes, now_s: float) -> list[Event]:
        try:
            m = parse_heart_rate_measurement(data)
            if any(r == 0 or r * 1000.0 / 1024.0 > RR_MAX_MS for r in m.rr_raw):
                raise HrmFormatError(f"an RR interval of {max(m.rr_ms) if m.rr_ms else 0:.0f} ms is no heart's")
        except HrmFormatError as error:
            return self._garbled(error, now_s)
        if self._repeats.is_repeat(data, m.rr_ms, now_s):
            return []  # the previous notification again: its beats are already counted
        events: list[Event] = []
        if m.contact is False:
            if not self._no_contact:
                self._no_contact = True
                events += [DeviceStatus(now_s, "finger_out", NO_CONTACT_TEXT), self._gap(now_s, "poor_signal")]
                self._say(CONNECTED, NO_CONTACT_TEXT, notice=True)
            self._timeline = RrTimeline()  # what the strap sends now is noise; beats resume afresh
            if self.pmd is not None:
                self.pmd.paused = True
            return events
        if self._no_contact:
            self._no_contact = False
            if self.pmd is not None:
                self.pmd.paused = False
            events.append(DeviceStatus(now_s, "ok", "skin contact again"))
            self._say(CONNECTED, CONTACT_AGAIN_TEXT, notice=True)
        if self.pmd is not None and self.pmd.ecg_beats_on():
            return events  # the beats come from the ECG
        if not m.rr_ms:
            self._n_without_rr += 1
            if self._n_without_rr >= HR_ONLY_NOTIFICATIONS and not self._hr_only_said:
                self._hr_only_said = True
                self._say(CONNECTED, f"{self._connected_text} {HR_ONLY_TEXT}", notice=True)
            return events
        self._n_without_rr = 0
        times, reanchored = self._timeline.push(m.rr_ms, now_s)
        if reanchored:
            events.append(self._gap(times[0] - m.rr_ms[0] / 1000.0, "lost_beat"))
        # after a re-anchoring the new beats may overlap time already covered (the old beat clock ran
        # ahead of arrivals): those are not given, so beat times only increase
        fresh = [DeviceBeat(t, rr) for t, rr in zip(times, m.rr_ms, strict=True) if t > self._last_beat_t_s]
        if fresh:
            self._last_beat_t_s = fresh[-1].t_s
        return events + fresh

    def _gap(self, t_s: float, reason: str) -> Gap:
        """A gap, never before the last beat given (the beat clock can run ahead of arrivals).

        Beats after it must come later than it: a new anchor's first bunch reaches back in
        time, and what it puts before the gap overlaps what the gap says was lost.
        """
        self._last_beat_t_s = max(t_s, self._last_beat_t_s)
        return Gap(self._last_beat_t_s, None, reason)

    def _garbled(self, error: HrmFormatError, now_s: float) -> list[Event]:
        """A notification we cannot trust: its beats are lost; a gap, and the beat clock anchors again."""
        self.n_garbled += 1
        self._timeline = RrTimeline()
        if self._garbled_said_t_s is None or now_s - self._garbled_said_t_s >= STATUS_REPEAT_S:
            self._garbled_said_t_s = now_s
            self._say(CONNECTED, f"Skipped a garbled notification from the strap ({error}); "
                                 f"{self.n_garbled} so far.", notice=True)
        return [self._gap(now_s, "lost_beat")]

