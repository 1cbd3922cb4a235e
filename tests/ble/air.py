"""A Bluetooth world in one process for tests, and a bleak backend that talks to it.

No kernel, no D-Bus, no radio: Google's bumble runs virtual controllers on an
in-process ``LocalLink`` (the air). One of them is the host's adapter (the
central); virtual straps (``virtual_strap``) are the others. The air runs in
its own thread with its own event loop, as a real Bluetooth stack runs in the
OS: bleak calls made on the app's loop cross over to it, and notifications
come back with ``call_soon_threadsafe``, as bleak's real backends deliver
theirs from the OS's threads.

``Air.backend`` is the pair of classes to pass to ``BleakScanner`` and
``BleakClient`` as ``backend=`` (bleak 3.x): the code under test uses bleak's
public API unchanged. ``Air.fault`` makes the adapter fail the way the real
backends do (no adapter, radio off, permission denied).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import uuid as uuidlib
from collections.abc import Callable, Coroutine
from typing import Any

from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.client import BaseBleakClient, NotifyCallback
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData, BaseBleakScanner
from bleak.backends.service import BleakGATTService, BleakGATTServiceCollection
from bleak.exc import BleakDeviceNotFoundError, BleakError
from bumble.controller import Controller
from bumble.core import UUID, AdvertisingData
from bumble.device import Device, Peer
from bumble.gatt import GATT_DEVICE_NAME_CHARACTERISTIC, Characteristic
from bumble.hci import Address
from bumble.host import Host
from bumble.link import LocalLink
from bumble.transport.common import AsyncPipeSink

HOST_ADDRESS = "F0:F0:F0:F0:F0:F0"
ATT_MTU = 247  # what a phone or a PC asks for; the H10's PMD frames need at least 232
_UUID_LISTS = (AdvertisingData.INCOMPLETE_LIST_OF_16_BIT_SERVICE_CLASS_UUIDS,
               AdvertisingData.COMPLETE_LIST_OF_16_BIT_SERVICE_CLASS_UUIDS,
               AdvertisingData.INCOMPLETE_LIST_OF_128_BIT_SERVICE_CLASS_UUIDS,
               AdvertisingData.COMPLETE_LIST_OF_128_BIT_SERVICE_CLASS_UUIDS)
_PROPERTY_NAMES = {
    Characteristic.Properties.BROADCAST: "broadcast",
    Characteristic.Properties.READ: "read",
    Characteristic.Properties.WRITE_WITHOUT_RESPONSE: "write-without-response",
    Characteristic.Properties.WRITE: "write",
    Characteristic.Properties.NOTIFY: "notify",
    Characteristic.Properties.INDICATE: "indicate",
}


def uuid_str(u: UUID) -> str:
    """bumble's little-endian UUID as bleak's lower-case 128-bit string."""
    return str(uuidlib.UUID(bytes=bytes(reversed(u.to_bytes(force_128=True)))))


def current_backend():
    """The newest air's backend: ``BIOFEEDBACK_BLE_BACKEND=air:current_backend`` sends the app's bleak there."""
    if Air.current is None:
        raise RuntimeError("no virtual air is up")
    return Air.current.backend


class Air:
    """The virtual air: a LocalLink, the host's adapter on it, and the thread its loop runs in."""

    current: Air | None = None

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="virtual air", daemon=True)
        self._thread.start()
        self.fault: BaseException | None = None  # raised by the adapter on scan and connect
        self._given_up: set[str] = set()  # addresses whose last connect attempt ended without a link
        self.n_delivered = 0  # notifications (not indications) handed to the app's callbacks
        self._delivered = threading.Condition()
        self._scanners = 0
        self.link: LocalLink
        self.controller: Controller
        self.central: Device
        self.call(self._power_on())
        self.backend = self._backend_classes()
        Air.current = self

    async def _power_on(self) -> None:
        self.link = LocalLink()
        self.controller = controller = Controller("host adapter", link=self.link, public_address=HOST_ADDRESS)
        self.central = Device(address=Address(HOST_ADDRESS), host=Host(controller, AsyncPipeSink(controller)))
        self.central.on(Device.EVENT_CONNECTION, self._on_link)
        await self.central.power_on()

    # -- links nobody holds ------------------------------------------------------------------------
    def give_up(self, address: str) -> None:
        """On the air's loop: an attempt to reach ``address`` ended; a link to it that comes up
        now, or already came up unseen, is dropped. An OS drops a link no program holds (BlueZ
        after a few seconds); kept, it silences the strap's advertising and every later attempt
        times out (a red CI: the link completed just as the app's time-out cancelled its attempt)."""
        self._given_up.add(address)
        for connection in list(self.central.connections.values()):
            self._on_link(connection)

    def try_again(self, address: str) -> None:
        """On the air's loop: a new attempt wants links to ``address`` (a late one completes it)."""
        self._given_up.discard(address)

    def _on_link(self, connection) -> None:
        if str(connection.peer_address).split("/")[0] in self._given_up:
            self.loop.create_task(self._drop(connection))

    @staticmethod
    async def _drop(connection) -> None:
        with contextlib.suppress(Exception):  # (already going)
            await connection.disconnect()

    # -- crossing between the app's loop and the air's ---------------------------------------
    def call(self, coro: Coroutine[Any, Any, Any], timeout_s: float = 10.0) -> Any:
        """Run ``coro`` on the air's loop from another thread (not from a loop) and wait for it."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout_s)

    async def run(self, coro: Coroutine[Any, Any, Any]) -> Any:
        """Await ``coro`` on the air's loop from the app's loop; cancelling this cancels it there."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    def delivered(self) -> None:
        with self._delivered:
            self.n_delivered += 1
            self._delivered.notify_all()

    def wait_delivered(self, n: int, timeout_s: float = 5.0) -> bool:
        """Block (not on the air's loop) until ``n`` notifications reached the app, or time out."""
        with self._delivered:
            return self._delivered.wait_for(lambda: self.n_delivered >= n, timeout_s)

    async def settle(self, n: int, timeout_s: float = 5.0) -> None:
        """On the air's loop: wait until the app has handled ``n`` notifications."""
        if not await asyncio.to_thread(self.wait_delivered, n, timeout_s):
            raise TimeoutError(f"the app handled {self.n_delivered} notifications, not {n}")

    async def start_scanning(self) -> None:
        self._scanners += 1
        if self._scanners == 1:
            await self.central.start_scanning(filter_duplicates=False)

    async def stop_scanning(self) -> None:
        self._scanners -= 1
        if self._scanners == 0:
            await self.central.stop_scanning()

    def close(self) -> None:
        """Cancel what still runs on the air (advertising timers, link tasks), then stop its loop."""
        async def cancel_all() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        if Air.current is self:
            Air.current = None
        with contextlib.suppress(Exception):
            self.call(cancel_all(), timeout_s=2.0)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(2.0)
        if not self._thread.is_alive():
            self.loop.close()

    # -- the bleak backend -----------------------------------------------------------------------
    def _backend_classes(self) -> tuple[type[BaseBleakScanner], type[BaseBleakClient]]:
        air = self

        class VirtualScanner(_Scanner):
            _air = air

        class VirtualClient(_Client):
            _air = air

        return VirtualScanner, VirtualClient


class _Scanner(BaseBleakScanner):
    """bleak's scanner on the air: the central's advertisement reports, filtered as bleak does."""

    _air: Air

    def __init__(self, detection_callback, service_uuids, scanning_mode="active", **kwargs: Any) -> None:
        super().__init__(detection_callback, service_uuids)
        self._app_loop: asyncio.AbstractEventLoop | None = None
        self._listener: Callable[[Any], None] | None = None

    async def start(self) -> None:
        if self._air.fault is not None:
            raise self._air.fault
        self.seen_devices = {}
        app_loop = self._app_loop = asyncio.get_running_loop()

        def on_advertisement(adv) -> None:  # on the air's loop
            name = adv.data.get(AdvertisingData.COMPLETE_LOCAL_NAME) or adv.data.get(
                AdvertisingData.SHORTENED_LOCAL_NAME)
            uuids = [uuid_str(u) for kind in _UUID_LISTS for u in (adv.data.get(kind) or [])]
            app_loop.call_soon_threadsafe(self._on_advertisement, str(adv.address).split("/")[0], name,
                                          adv.rssi, uuids)

        self._listener = on_advertisement
        await self._air.run(self._listen(on_advertisement))

    async def _listen(self, listener) -> None:
        self._air.central.on("advertisement", listener)
        await self._air.start_scanning()

    async def _unlisten(self, listener) -> None:
        self._air.central.remove_listener("advertisement", listener)
        await self._air.stop_scanning()

    def _on_advertisement(self, address: str, name: str | None, rssi: int, uuids: list[str]) -> None:
        if self._listener is None or not self.is_allowed_uuid(uuids):
            return
        adv = AdvertisementData(local_name=name, manufacturer_data={}, service_data={}, service_uuids=uuids,
                                tx_power=None, rssi=rssi, platform_data=())
        device = self.create_or_update_device(address, address, name, None, adv)
        self.call_detection_callbacks(device, adv)

    async def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            await self._air.run(self._unlisten(listener))


class _Client(BaseBleakClient):
    """bleak's client on the air: connect, discover, read, write and subscribe through bumble's GATT client."""

    _air: Air

    def __init__(self, address_or_ble_device: BLEDevice | str, *, disconnected_callback=None,
                 timeout: float = 10.0, **kwargs: Any) -> None:
        super().__init__(address_or_ble_device, disconnected_callback=disconnected_callback, timeout=timeout)
        self._peer: Peer | None = None
        self._connected = False
        self._closing = False
        self._name = address_or_ble_device.name if isinstance(address_or_ble_device, BLEDevice) else None

    @property
    def name(self) -> str:
        return self._name or self.address

    @property
    def mtu_size(self) -> int:
        return self._peer.gatt_client.mtu if self._peer is not None else 23

    @property
    def is_connected(self) -> bool:
        return self._connected

    async def connect(self, pair: bool, **kwargs: Any) -> None:
        if self._air.fault is not None:
            raise self._air.fault
        app_loop = asyncio.get_running_loop()
        try:
            self._peer = await asyncio.wait_for(self._air.run(self._connect(app_loop)), self._timeout)
        except asyncio.TimeoutError:
            raise BleakDeviceNotFoundError(self.address, f"Device with address {self.address} was not found.") from None
        self._connected = True
        self.services = self._collection(self._peer)

    async def _connect(self, app_loop: asyncio.AbstractEventLoop) -> Peer:
        central = self._air.central
        self._air.try_again(self.address)
        try:
            connection = await central.connect(Address(self.address), timeout=self._timeout)
        except BaseException:  # given up (stop(), a time-out): the adapter stops trying, as an OS's does
            try:
                with contextlib.suppress(Exception):
                    await asyncio.shield(central.cancel_connection())
            finally:
                # bumble 0.0.236's virtual controller answers the cancel but keeps the attempt pending
                # (every later connect is then refused): forget it as a real controller does, also
                # when the app's own time-out cancels this while the cancel is on its way (under load
                # bumble's and the app's time-outs of the same length fire together)
                self._air.controller.pending_le_connection = None
                self._air.give_up(self.address)  # the link may come up now (or did, unseen)
            raise
        try:
            connection.on("disconnection", lambda *_: app_loop.call_soon_threadsafe(self._on_lost))
            peer = Peer(connection)
            await peer.request_mtu(ATT_MTU)
            await peer.discover_all()
            names = peer.get_characteristics_by_uuid(GATT_DEVICE_NAME_CHARACTERISTIC)
            if names and not self._name:  # the GAP Device Name, read on connection as BlueZ and WinRT do
                self._name = bytes(await peer.read_value(names[0])).decode("utf-8", "replace") or None
        except BaseException:  # timed out half-way through discovery: the link goes too, as bleak's backends do
            with contextlib.suppress(Exception):
                await asyncio.shield(connection.disconnect())
            raise
        return peer

    def _collection(self, peer: Peer) -> BleakGATTServiceCollection:
        services = BleakGATTServiceCollection()
        for s in peer.services:
            service = BleakGATTService(s, s.handle, uuid_str(s.uuid))
            services.add_service(service)
            for c in s.characteristics:
                props = [name for flag, name in _PROPERTY_NAMES.items() if c.properties & flag]
                services.add_characteristic(BleakGATTCharacteristic(
                    c, c.handle, uuid_str(c.uuid), props, lambda: self.mtu_size - 3, service))
        return services

    def _on_lost(self) -> None:
        if not self._connected:
            return
        self._connected = False
        if not self._closing and self._disconnected_callback is not None:
            self._disconnected_callback()

    async def disconnect(self) -> None:
        if not self._connected or self._peer is None:
            return
        self._closing = True
        self._connected = False
        try:
            await self._air.run(self._peer.connection.disconnect())
        except Exception:  # already gone: the strap dropped the link first
            pass

    def _proxy(self, characteristic: BleakGATTCharacteristic):
        if not self._connected or self._peer is None:
            raise BleakError("Not connected")
        return characteristic.obj

    async def read_gatt_char(self, characteristic: BleakGATTCharacteristic, **kwargs: Any) -> bytearray:
        proxy = self._proxy(characteristic)
        return bytearray(await self._air.run(self._peer.read_value(proxy)))  # type: ignore[union-attr]

    async def write_gatt_char(self, characteristic: BleakGATTCharacteristic, data, response: bool) -> None:
        proxy = self._proxy(characteristic)
        await self._air.run(self._peer.write_value(proxy, bytes(data), with_response=response))  # type: ignore[union-attr]

    async def start_notify(self, characteristic: BleakGATTCharacteristic, callback: NotifyCallback,
                           **kwargs: Any) -> None:
        proxy = self._proxy(characteristic)
        app_loop = asyncio.get_running_loop()
        air = self._air
        counted = "notify" in characteristic.properties  # indications (control answers) are not counted

        def deliver(value: bytes) -> None:
            try:
                callback(bytearray(value))
            finally:
                if counted:
                    air.delivered()

        await air.run(self._peer.subscribe(  # type: ignore[union-attr]
            proxy, lambda value: app_loop.call_soon_threadsafe(deliver, value)))

    async def stop_notify(self, characteristic: BleakGATTCharacteristic) -> None:
        proxy = self._proxy(characteristic)
        await self._air.run(self._peer.unsubscribe(proxy))  # type: ignore[union-attr]

    async def read_gatt_descriptor(self, descriptor, **kwargs: Any) -> bytearray:
        raise NotImplementedError("the virtual air has no descriptor reads")

    async def write_gatt_descriptor(self, descriptor, data) -> None:
        raise NotImplementedError("the virtual air has no descriptor writes")

    async def pair(self, *args: Any, **kwargs: Any) -> None:
        return None

    async def unpair(self) -> None:
        return None
