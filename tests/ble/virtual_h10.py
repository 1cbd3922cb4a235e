"""A virtual Polar H10: the Heart Rate service plus PMD (raw ECG at 130 Hz, chest accelerometer).

The simulated person (``core.simulation.SimulatedPerson``) gives the true
beats and the lung volume; from them the strap makes

- an ECG at exactly 130 Hz of its own clock: P, QRS (R peak at the true beat
  time) and T waves as Gaussians, baseline wander and QRS amplitude swinging
  with breathing, Gaussian noise; 73 samples (3-byte µV) per frame, stamped
  with the strap's ns clock at the last sample;
- the chest accelerometer at 25 Hz in mG: gravity on one axis, the chest's
  tilt with each breath (tens of mG) on the others, a small heartbeat jolt
  and noise; 36 samples per frame;
- the control point: ``0F`` + features on read, ``F0 <op> <type> <status>``
  indications answering start and stop commands; frames flow only while a
  measurement is started, and stop with the link.

Truth: ``beat_t_s`` (all true beats), ``breath_bpm`` and ``acc_volume`` (the
person's breathing rate and lung volume at each ACC sample).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import numpy as np
from bumble import gatt
from bumble.core import UUID
from virtual_strap import Notification, Schedule, VirtualStrap, schedule

from biofeedback.core.protocols import polar_pmd as pmd
from biofeedback.core.simulation import PersonParams, SimulatedPerson

ECG_PER_FRAME = 73  # 229-byte notifications (MTU 232)
ACC_PER_FRAME = 36
EPOCH_2026_NS = 851_990_400 * 10**9  # the strap's clock: ns since 2000-01-01 (here early 2027)
CHUNK_S = 10.0


@dataclass
class H10Recording:
    """What the virtual H10 measures and sends, with the truth."""

    hr: Schedule
    ecg_frames: list[Notification]
    acc_frames: list[Notification]
    beat_t_s: np.ndarray
    ecg_t_s: np.ndarray
    ecg_uv: np.ndarray
    acc_t_s: np.ndarray
    acc_mg: np.ndarray
    breath_bpm: np.ndarray  # the person's breathing rate at each ACC sample
    acc_volume: np.ndarray  # the person's lung volume (0..1) at each ACC sample

    def notes(self) -> list[Notification]:
        return sorted(self.hr.notifications + self.ecg_frames + self.acc_frames, key=lambda n: n.t_s)


def _ecg(t: np.ndarray, beats: np.ndarray, volume: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """µV: a textbook lead-I-like complex per beat, breathing in baseline and amplitude, noise."""
    out = 150.0 * (volume - 0.5) + 15.0 * rng.standard_normal(t.size)
    gain = 1.0 + 0.15 * (volume - 0.5)
    for b in beats:
        near = np.abs(t - b) < 0.6
        dt = t[near] - b
        wave = (100 * np.exp(-0.5 * ((dt + 0.16) / 0.025) ** 2)  # P
                - 120 * np.exp(-0.5 * ((dt + 0.025) / 0.008) ** 2)  # Q
                + 1200 * np.exp(-0.5 * (dt / 0.011) ** 2)  # R
                - 250 * np.exp(-0.5 * ((dt - 0.03) / 0.01) ** 2)  # S
                + 300 * np.exp(-0.5 * ((dt - 0.26) / 0.045) ** 2))  # T
        out[near] += gain[near] * wave
    return out


def _acc(t: np.ndarray, beats: np.ndarray, volume: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """mG, (n, 3): upright chest, gravity on -y; each breath tilts it forward (z) and a little sideways (x)."""
    tilt = volume - 0.5
    jolt = np.zeros(t.size)
    for b in beats:
        near = np.abs(t - b - 0.1) < 0.2
        jolt[near] += 4.0 * np.exp(-0.5 * ((t[near] - b - 0.1) / 0.03) ** 2)
    x = 40.0 + 8.0 * tilt + 2.0 * rng.standard_normal(t.size)
    y = -995.0 - 2.0 * tilt + jolt + 2.0 * rng.standard_normal(t.size)
    z = 90.0 + 30.0 * tilt + 2.0 * rng.standard_normal(t.size)
    return np.stack([x, y, z], axis=1)


PERSON = PersonParams(hr_bpm=68)


def record_person(duration_s: float, breathing_bpm: float = 6.0, seed: int = 3,
                  params: PersonParams = PERSON) -> H10Recording:
    """Run the person for ``duration_s`` and make every frame the H10 would send."""
    person = SimulatedPerson(params, seed=seed)
    person.set_breathing_rate(breathing_bpm)
    rng = np.random.default_rng(seed)
    beats: list[float] = []
    ecg_t, ecg_v, acc_t, acc_v, rate, volume = [], [], [], [], [], []
    n_ecg = n_acc = 0
    t_end = 0.0
    while t_end < duration_s:
        t0, t_end = t_end, t_end + CHUNK_S
        beats += [b.t_s for b in person.advance(CHUNK_S)]
        te = np.arange(n_ecg, int(t_end * pmd.ECG_FS_HZ)) / pmd.ECG_FS_HZ
        ta = np.arange(n_acc, int(t_end * pmd.ACC_FS_HZ)) / pmd.ACC_FS_HZ
        n_ecg, n_acc = n_ecg + te.size, n_acc + ta.size
        near = np.array([b for b in beats if b > t0 - 1.0])
        ecg_t.append(te)
        ecg_v.append(_ecg(te, near, person.lung_volume(te), rng))
        acc_t.append(ta)
        volume.append(person.lung_volume(ta))
        acc_v.append(_acc(ta, near, volume[-1], rng))
        phase = person.breathing_phase(ta)
        rate.append(np.gradient(phase, ta) * 60.0 if ta.size > 1 else np.zeros(ta.size))
    et, ev = np.concatenate(ecg_t), np.rint(np.concatenate(ecg_v))
    at, av = np.concatenate(acc_t), np.rint(np.concatenate(acc_v))
    beat_arr = np.asarray([b for b in beats if b <= duration_s])
    return H10Recording(
        hr=schedule(list(beat_arr), duration_s),
        ecg_frames=_frames(et, ev, ECG_PER_FRAME, pmd.encode_ecg_frame),
        acc_frames=_frames(at, av, ACC_PER_FRAME, pmd.encode_acc_frame),
        beat_t_s=beat_arr, ecg_t_s=et, ecg_uv=ev, acc_t_s=at, acc_mg=av, breath_bpm=np.concatenate(rate),
        acc_volume=np.concatenate(volume))


def _frames(t: np.ndarray, values: np.ndarray, per_frame: int, encode) -> list[Notification]:
    out = []
    for i in range(0, t.size - per_frame + 1, per_frame):
        last = t[i + per_frame - 1]
        payload = encode(EPOCH_2026_NS + round(last * 1e9), values[i:i + per_frame])
        out.append(Notification(float(last), payload, (), (), char="pmd"))
    return out


class VirtualH10(VirtualStrap):
    """A Polar H10 on the air: Heart Rate service, and PMD with its control point."""

    def __init__(self, air, name: str = "Polar H10 0A1B2C3D", address: str = "C0:11:22:33:44:55",
                 offer: tuple[int, ...] = (pmd.ECG, pmd.ACC), refuse: dict[int, int] | None = None) -> None:
        self.offer = offer
        self.refuse = refuse or {}  # measurement -> the status its start command is answered with
        self.started: set[int] = set()
        self.commands: list[bytes] = []
        self.control = gatt.Characteristic(
            UUID(pmd.PMD_CONTROL_UUID.upper()),
            gatt.Characteristic.Properties.READ | gatt.Characteristic.Properties.WRITE
            | gatt.Characteristic.Properties.INDICATE,
            gatt.Characteristic.READABLE | gatt.Characteristic.WRITEABLE,
            gatt.CharacteristicValue(read=self._read_features, write=self._on_command))
        self.data = gatt.Characteristic(UUID(pmd.PMD_DATA_UUID.upper()), gatt.Characteristic.Properties.NOTIFY,
                                        gatt.Characteristic.READABLE, b"")
        self._streams_on: asyncio.Event | None = None
        super().__init__(air, name, address)

    def services(self) -> list[gatt.Service]:
        return [*super().services(), gatt.Service(UUID(pmd.PMD_SERVICE_UUID.upper()), [self.control, self.data])]

    async def _power_on(self) -> None:
        self._streams_on = asyncio.Event()
        await super()._power_on()
        self.device.on("disconnection", lambda *_: self._link_gone())

    def _link_gone(self) -> None:
        self.started.clear()
        assert self._streams_on is not None
        self._streams_on.clear()

    def _read_features(self, _connection) -> bytes:
        return bytes([0x0F, sum(pmd.FEATURE_BITS[k] for k in self.offer), 0])

    def _on_command(self, _connection, value: bytes) -> None:
        value = bytes(value)
        self.commands.append(value)
        op = value[0] if value else 0xFF
        kind = value[1] if len(value) >= 2 else 0xFF
        status = 0
        if op == pmd.OP_START and kind in self.refuse:
            status = self.refuse[kind]
        elif op == pmd.OP_START and kind in self.offer:
            self.started.add(kind)
        elif op == pmd.OP_STOP and kind in self.offer:
            self.started.discard(kind)
        else:
            status = 3 if op in (pmd.OP_START, pmd.OP_STOP) else 1
        assert self._streams_on is not None
        if self.started == set(self.offer) - set(self.refuse):
            self._streams_on.set()
        answer = bytes([pmd.CONTROL_RESPONSE, op, kind, status, 0])
        asyncio.get_running_loop().call_soon(  # after the write's own response, as the strap does
            lambda: asyncio.ensure_future(self.device.indicate_subscribers(self.control, answer)))

    async def wait_subscribed(self, timeout_s: float = 10.0) -> None:
        await super().wait_subscribed(timeout_s)
        assert self._streams_on is not None
        await asyncio.wait_for(self._streams_on.wait(), timeout_s)

    def _subscribed_now(self) -> bool:
        return super()._subscribed_now() and self._streams_on is not None and self._streams_on.is_set()

    def characteristic(self, name: str):
        return self.data if name == "pmd" else self.hrm
