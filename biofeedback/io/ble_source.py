"""EXPERIMENTAL: a Bluetooth LE heart-rate strap (Heart Rate service 0x180D) as a source.

Not yet tried on a real strap (no Bluetooth on the development machines).
Every bleak call lives in this one thin module; everything below it
(``core.ble_hrm``: packet parsing, the RR beat clock) is tested with byte
vectors from the specification. bleak is imported lazily, from the optional
``ble`` extra (``pip install biofeedback[ble]``).

One asyncio loop in a reader thread: scan for a device advertising the Heart
Rate service (or use the given address), connect, subscribe to 0x2A37
notifications; on a disconnect report it and retry with backoff. A notification
delivered twice is dropped (``core.ble_hrm.RepeatFilter``: identical bytes within
half the RR time they carry, at most 0.5 s), so its intervals count once.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

from biofeedback import config
from biofeedback.core.ble_hrm import (
    HEART_RATE_MEASUREMENT_UUID,
    HEART_RATE_SERVICE_UUID,
    HrmFormatError,
    RepeatFilter,
    RrTimeline,
    parse_heart_rate_measurement,
)
from biofeedback.core.types import DeviceBeat, DeviceInfo, DeviceStatus, Gap
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

SCAN_TIMEOUT_S = 10.0


def _bleak():
    try:
        import bleak
    except ImportError as error:
        raise RuntimeError("Bluetooth straps need the optional 'ble' extra: pip install 'biofeedback[ble]'") from error
    return bleak


async def scan_heart_rate_straps(timeout_s: float = SCAN_TIMEOUT_S) -> list[tuple[str, str]]:
    """(address, name) of devices advertising the Heart Rate service."""
    bleak = _bleak()
    devices = await bleak.BleakScanner.discover(timeout=timeout_s, service_uuids=[HEART_RATE_SERVICE_UUID])
    return [(d.address, d.name or d.address) for d in devices]


class BleHeartRateSource:
    """A strap's RR intervals as device beats (a Source, see io/source.py). Experimental."""

    def __init__(self, address: str | None = None) -> None:
        self.address = address
        self.description = f"Bluetooth strap {address or '(first found)'} — experimental"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._timeline = RrTimeline()
        self._repeats = RepeatFilter()
        self._t0 = time.monotonic()

    def start(self, on_events: EventSink, on_state: StateSink) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run(on_events, on_state)),
                                        name="ble strap", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=3.0)

    def _on_packet(self, data: bytearray, on_events: EventSink, now_s: float | None = None) -> None:
        now_s = time.monotonic() - self._t0 if now_s is None else now_s
        try:
            m = parse_heart_rate_measurement(data)
        except HrmFormatError:
            return  # a garbled notification: the next one carries on
        if self._repeats.is_repeat(data, m.rr_ms, now_s):
            return  # the previous notification again: its beats are already counted
        events: list = []
        if m.contact is False:
            events.append(DeviceStatus(now_s, "finger_out", "the strap has no skin contact"))
        times, reanchored = self._timeline.push(m.rr_ms, now_s)
        if reanchored and times:
            events.append(Gap(t_s=times[0] - m.rr_ms[0] / 1000.0, duration_s=None, reason="lost_beat"))
        events += [DeviceBeat(t, rr) for t, rr in zip(times, m.rr_ms, strict=True)]
        if events:
            on_events(events)

    async def _run(self, on_events: EventSink, on_state: StateSink) -> None:
        try:
            bleak = _bleak()
        except RuntimeError as error:
            on_state(SourceState(FAILED, str(error)))
            return
        on_state(SourceState(CONNECTING, "Looking for a Bluetooth heart-rate strap…", "ble-hrm"))
        backoff: Iterator[float] = iter(())
        while not self._stop.is_set():
            try:
                address = self.address
                if address is None:
                    found = await scan_heart_rate_straps()
                    if not found:
                        raise OSError("no strap advertising the Heart Rate service was found; is it worn?")
                    address = found[0][0]
                lost = asyncio.Event()
                async with bleak.BleakClient(address, disconnected_callback=lambda _c, lost=lost: lost.set()) as client:
                    on_events([DeviceInfo(protocol="ble-hrm", device=address)])
                    self._repeats.forget()
                    await client.start_notify(HEART_RATE_MEASUREMENT_UUID,
                                              lambda _ch, data: self._on_packet(data, on_events))
                    on_state(SourceState(CONNECTED, f"Connected to {address} (experimental)", "ble-hrm"))
                    backoff = iter(config.RECONNECT_BACKOFF_S)
                    while not self._stop.is_set() and not lost.is_set():
                        await asyncio.sleep(0.2)
                if self._stop.is_set():
                    break
                on_state(SourceState(DISCONNECTED, f"Lost {address}; retrying…", "ble-hrm"))
            except Exception as error:  # bleak raises many kinds; every one means "try again"
                on_state(SourceState(RECONNECTING, f"Bluetooth: {error}", "ble-hrm"))
            delay = next(backoff, config.RECONNECT_BACKOFF_S[-1])
            await asyncio.sleep(delay)
        on_state(SourceState(STOPPED, "Stopped"))
