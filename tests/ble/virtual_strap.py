"""A virtual Bluetooth chest strap on the air (``air.Air``), driven by the simulated person.

What a real strap does, and what the tests need of it:

- the Heart Rate service 0x180D: 0x2A37 notifications about once a second,
  each with the beats since the last one as RR values in 1/1024 s (0 to
  several, up to 9 in a 20-byte payload), 8- or 16-bit heart rate, the
  contact bits, the Energy Expended field now and then;
- beats measured on the strap's own 1024 Hz tick clock, so each RR value is
  a difference of tick counts: within one tick (0.98 ms) of the true
  interval, and the sum never drifts from the true beat times;
- ``truth``: the true beats (simulated person) with the RR the strap sent,
  as the serial simulator keeps its truth.

``schedule`` is pure (beats in, notifications out); ``VirtualStrap`` puts a
bumble device with those services on the air and plays a schedule, in
virtual time (a ``ManualClock`` advanced to each notification's time, and the
next one sent only once the app has handled the last) or in real time.
"""

from __future__ import annotations

import asyncio
import struct
from dataclasses import dataclass, field

from air import Air
from bumble import gatt
from bumble.controller import Controller
from bumble.core import UUID, AdvertisingData
from bumble.device import Device
from bumble.hci import Address
from bumble.host import Host
from bumble.transport.common import AsyncPipeSink

from biofeedback.io.clock import ManualClock

TICKS_PER_S = 1024  # the strap's beat clock, and the unit of its RR values
NOTIFY_PERIOD_S = 1.0
ADV_INTERVAL_MS = 100.0  # a strap looking for a phone advertises every 100 ms or so
LATENCY_S = 0.03  # radio and host stack delay added to each notification's arrival (virtual time)


def hrm_payload(hr_bpm: int, rr_raw: list[int], contact: bool | None = True, hr16: bool = False,
                energy_kj: int | None = None) -> bytes:
    """One 0x2A37 value as the Heart Rate Service specification lays it out."""
    flags = (0x01 if hr16 else 0) | (0x08 if energy_kj is not None else 0) | (0x10 if rr_raw else 0)
    if contact is not None:
        flags |= 0x06 if contact else 0x04
    out = bytes([flags]) + (struct.pack("<H", hr_bpm) if hr16 else bytes([min(hr_bpm, 255)]))
    if energy_kj is not None:
        out += struct.pack("<H", energy_kj)
    return out + b"".join(struct.pack("<H", r) for r in rr_raw)


@dataclass(frozen=True)
class Notification:
    t_s: float  # when the strap sends it (strap time = the person's time)
    payload: bytes
    rr_raw: tuple[int, ...]  # RR values it carries (1/1024 s)
    beat_t_s: tuple[float, ...]  # the true times of the beats those intervals end at
    contact: bool | None = True
    char: str = "hrm"  # the characteristic it goes out on ("pmd": the H10's data, virtual_h10)


@dataclass
class Schedule:
    notifications: list[Notification]
    beat_t_s: list[float] = field(default_factory=list)  # every true beat

    @property
    def sent_beat_t_s(self) -> list[float]:
        return [t for n in self.notifications for t in n.beat_t_s]

    @property
    def sent_rr_raw(self) -> list[int]:
        return [r for n in self.notifications for r in n.rr_raw]


def schedule(beat_t_s: list[float], duration_s: float, *, period_s: float = NOTIFY_PERIOD_S,
             first_s: float = 0.5, rr: bool = True, hr16: bool = False, energy_every: int = 0,
             no_contact: tuple[float, float] | None = None, garbage_rr_without_contact: bool = True) -> Schedule:
    """The notifications a strap sends for these true beats.

    ``no_contact`` (start_s, end_s): the strap loses skin contact; it then
    sends the no-contact bits, and (``garbage_rr_without_contact``) the noise
    intervals some straps do; the beats of that stretch are never measured.
    """
    ticks = [round(t * TICKS_PER_S) for t in beat_t_s]
    max_rr = (20 - 1 - (2 if hr16 else 1) - (2 if energy_every else 0)) // 2
    out: list[Notification] = []
    k, prev_tick = 0, None
    n_sent = 0
    t = first_s
    while t <= duration_s:
        lost = no_contact is not None and no_contact[0] <= t < no_contact[1]
        pending = []
        while k < len(ticks) and beat_t_s[k] <= t and len(pending) < max_rr + 1:
            pending.append(k)
            k += 1
        rr_raw, beats = [], []
        for i in pending:
            if lost:
                prev_tick = None  # nothing measured: the next beat starts afresh
                continue
            if prev_tick is not None:
                rr_raw.append(ticks[i] - prev_tick)
                beats.append(beat_t_s[i])
            prev_tick = ticks[i]
        if len(rr_raw) > max_rr:  # more than fit: the oldest go (a real strap's buffer)
            rr_raw, beats = rr_raw[-max_rr:], beats[-max_rr:]
        hr = round(60.0 * TICKS_PER_S / (sum(rr_raw) / len(rr_raw))) if rr_raw else (0 if lost else 60)
        energy = n_sent * 3 if energy_every and n_sent % energy_every == 0 else None
        sent_rr = [300 + 7 * n_sent % 500] if lost and garbage_rr_without_contact else rr_raw
        out.append(Notification(t, hrm_payload(hr, sent_rr if rr else [], not lost, hr16, energy),
                                tuple(rr_raw) if rr and not lost else (),
                                tuple(beats) if rr and not lost else (), not lost))
        n_sent += 1
        t += period_s
    return Schedule(out, list(beat_t_s))


class VirtualStrap:
    """A heart-rate strap on the air: advertises, accepts a connection, notifies 0x2A37."""

    def __init__(self, air: Air, name: str = "Polar H10 0A1B2C3D", address: str = "C0:11:22:33:44:55",
                 rssi_adv: bool = True) -> None:
        self.air, self.name, self.address = air, name, address
        self.hrm = gatt.Characteristic(gatt.GATT_HEART_RATE_MEASUREMENT_CHARACTERISTIC,
                                       gatt.Characteristic.Properties.NOTIFY, gatt.Characteristic.READABLE, b"")
        self.n_subscriptions = 0  # times the app turned 0x2A37 notifications on
        self._subscribed: asyncio.Event | None = None
        self.device: Device
        air.call(self._power_on())

    def services(self) -> list[gatt.Service]:
        return [gatt.Service(gatt.GATT_HEART_RATE_SERVICE, [self.hrm])]

    def advertised_uuids(self) -> list[UUID]:
        return [gatt.GATT_HEART_RATE_SERVICE]

    async def _power_on(self) -> None:
        controller = Controller(self.name, link=self.air.link, public_address=self.address)
        self.device = Device(name=self.name, address=Address(self.address),
                             host=Host(controller, AsyncPipeSink(controller)))
        self.device.add_services(self.services())
        self._subscribed = asyncio.Event()
        self.hrm.on("subscription", self._on_subscription)
        await self.device.power_on()
        await self.start_advertising()

    def _on_subscription(self, _connection, notify_enabled: bool, _indicate_enabled: bool) -> None:
        if notify_enabled:
            self.n_subscriptions += 1
            assert self._subscribed is not None
            self._subscribed.set()

    async def start_advertising(self) -> None:
        uuids16 = b"".join(u.to_bytes() for u in self.advertised_uuids() if len(u.to_bytes()) == 2)
        data = bytes(AdvertisingData([(AdvertisingData.FLAGS, bytes([0x06])),
                                      (AdvertisingData.COMPLETE_LOCAL_NAME, self.name.encode()),
                                      (AdvertisingData.INCOMPLETE_LIST_OF_16_BIT_SERVICE_CLASS_UUIDS, uuids16)]))
        await self.device.start_advertising(advertising_data=data, auto_restart=True,
                                            advertising_interval_min=ADV_INTERVAL_MS,
                                            advertising_interval_max=ADV_INTERVAL_MS)

    async def stop_advertising(self) -> None:
        await self.device.stop_advertising()

    async def wait_subscribed(self, timeout_s: float = 10.0) -> None:
        assert self._subscribed is not None
        await asyncio.wait_for(self._subscribed.wait(), timeout_s)

    async def notify(self, payload: bytes, char: str = "hrm") -> None:
        await self.device.notify_subscribers(self.characteristic(char), payload)

    def characteristic(self, name: str):
        return self.hrm

    async def drop_link(self) -> None:
        """The link breaks (the strap out of range, a flat battery); it advertises again afterwards."""
        assert self._subscribed is not None
        self._subscribed.clear()
        for connection in list(self.device.connections.values()):
            await connection.disconnect()

    async def play(self, notes: list[Notification], clock: ManualClock | None = None,
                   speed: float | None = None, drops: tuple[tuple[float, float], ...] = ()) -> list[Notification]:
        """Send ``notes``; the ones actually sent (not during a drop) are returned.

        ``clock`` (virtual time): advanced to each arrival time; the next is
        sent once the app has handled this one. ``speed`` (real time): sleep
        between notifications, ``speed`` times faster than the strap would.
        ``drops`` (at_s, outage_s): the link breaks at ``at_s``; the strap
        sends nothing for ``outage_s`` and until the app has subscribed again.
        """
        await self.wait_subscribed()
        sent: list[Notification] = []
        base = self.air.n_delivered  # (notifications only: nothing else is counted)
        pending_drops = sorted(drops)
        resume_s = -1.0
        prev_t = None
        for note in notes:
            if pending_drops and note.t_s >= pending_drops[0][0]:
                at_s, outage_s = pending_drops.pop(0)
                if clock is not None:
                    clock.advance(max(0.0, at_s - clock()))
                await self.drop_link()
                resume_s = at_s + outage_s
            if note.t_s < resume_s:
                continue
            if not self._subscribed_now():
                await self.wait_subscribed()
            if clock is not None:
                clock.advance(max(0.0, note.t_s + LATENCY_S - clock()))
            elif speed is not None and prev_t is not None:
                await asyncio.sleep((note.t_s - prev_t) / speed)
            prev_t = note.t_s
            await self.notify(note.payload, note.char)
            sent.append(note)
            if clock is not None:
                await self.air.settle(base + len(sent))
        if clock is None:
            await self.air.settle(base + len(sent))
        return sent

    def _subscribed_now(self) -> bool:
        return self._subscribed is not None and self._subscribed.is_set()
