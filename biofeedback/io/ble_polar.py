"""A Polar H10's extras on a connected bleak client: raw ECG (130 Hz) and the chest accelerometer.

The Heart Rate service gives beat intervals to 1/1024 s; the H10's ECG gives
the beats themselves, found by our streaming R-peak detector (``core.beats.ecg``)
on the strap's own sample clock. The accelerometer gives breathing
(``core.breathing.chest``). The PMD bytes are read in ``core.protocols.polar_pmd``.

Sample times: the strap stamps each frame's last sample on its clock
(``SensorTimeline`` spaces the samples between stamps); the first frame's
last sample is anchored at its arrival on the host clock, and every later
sample keeps the strap's spacing from it, as RR sums keep the strap's.

Every frame's samples are given as a ``SignalBlock`` ("ecg" µV, "acc" mG) before
the beats found in it, so the session's raw log holds them (replay, export)
and the live view draws the ECG as it draws a pulse wave.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from biofeedback.core.beats.ecg import EcgRPeakDetector, beat_events, flush_events
from biofeedback.core.breathing.chest import ChestBreathing, ChestBreathRate
from biofeedback.core.protocols import polar_pmd as pmd
from biofeedback.core.types import Event, Gap, SignalBlock

PMD_ANSWER_TIMEOUT_S = 2.0  # a control point answer later than this: the measurement did not start
ECG_PROTOCOL = "polar-ecg"
BREATH_RATE_EVERY_S = 5.0  # the chest breathing rate is taken again after this much new curve


class PmdSession:
    """Start the H10's ECG and accelerometer on a connected client; frames in, events out.

    ``now_s``: the host clock of the source (seconds); ``emit``: the source's
    event sink. ``n_bad_frames`` counts frames that broke the layout (a gap each).
    """

    def __init__(self, now_s: Callable[[], float], emit: Callable[[list[Event]], None]) -> None:
        self._now_s = now_s
        self._emit = emit
        self.started: set[int] = set()
        self.problems: list[str] = []  # what the strap said no to, in words
        self.n_bad_frames = 0
        self.ecg = EcgRPeakDetector(pmd.ECG_FS_HZ)
        self._ecg_fed = 0
        self.breathing = ChestBreathing(pmd.ACC_FS_HZ)
        self.breath: ChestBreathRate | None = None
        self._timelines = {pmd.ECG: pmd.SensorTimeline(pmd.ECG_FS_HZ), pmd.ACC: pmd.SensorTimeline(pmd.ACC_FS_HZ)}
        self._anchor: tuple[float, float] | None = None  # (strap s, host s)
        self._answers: asyncio.Queue[bytes] = asyncio.Queue()
        self.paused = False  # no skin contact: ECG beats are not given (the wave is noise)

    @staticmethod
    def offered(client) -> bool:
        return client.services.get_service(pmd.PMD_SERVICE_UUID) is not None

    async def start(self, client) -> set[int]:
        """Subscribe, ask for ECG and ACC; the measurements that started."""
        await client.start_notify(pmd.PMD_CONTROL_UUID, lambda _c, data: self._answers.put_nowait(bytes(data)))
        await client.start_notify(pmd.PMD_DATA_UUID, lambda _c, data: self.on_frame(bytes(data)))
        try:
            offered = pmd.features(await client.read_gatt_char(pmd.PMD_CONTROL_UUID))
        except pmd.PmdFormatError as error:
            self.problems.append(str(error))
            return set()
        for kind, command, name in ((pmd.ECG, pmd.start_ecg_command(), "ECG"),
                                    (pmd.ACC, pmd.start_acc_command(), "accelerometer")):
            if kind not in offered:
                continue
            await client.write_gatt_char(pmd.PMD_CONTROL_UUID, command, response=True)
            answer = await self._answer(kind)
            if answer is not None and answer.ok:
                self.started.add(kind)
            else:
                self.problems.append(f"the strap did not start its {name}"
                                     + (f" ({answer.text})" if answer is not None else " (no answer)"))
        return self.started

    async def _answer(self, kind: int) -> pmd.ControlAnswer | None:
        try:
            while True:
                data = await asyncio.wait_for(self._answers.get(), PMD_ANSWER_TIMEOUT_S)
                try:
                    answer = pmd.parse_control_answer(data)
                except pmd.PmdFormatError:
                    continue
                if answer.op == pmd.OP_START and answer.kind == kind:
                    return answer
        except asyncio.TimeoutError:
            return None

    def on_frame(self, data: bytes) -> None:
        now_s = self._now_s()
        try:
            frame = pmd.decode_frame(data)
        except pmd.PmdFormatError:
            self.n_bad_frames += 1
            self._emit(self._lost(pmd.ECG, now_s))
            return
        if frame.kind not in self.started:
            return
        strap_s, lost = self._timelines[frame.kind].push(frame.last_t_ns, len(frame.samples))
        if self._anchor is None:
            self._anchor = (float(strap_s[-1]), now_s)
        t_s = strap_s - self._anchor[0] + self._anchor[1]
        events: list[Event] = []
        if frame.kind == pmd.ECG:
            if lost:
                events += self._restart_ecg(float(t_s[0]), "lost_samples")
            events.append(SignalBlock("ecg", t_s, frame.samples, pmd.ECG_FS_HZ))
            found = beat_events(self.ecg, t_s, frame.samples)
            self._ecg_fed += len(t_s)
            events += [] if self.paused else found
        else:
            if lost:
                self.breathing.forget()
            events.append(SignalBlock("acc", t_s, frame.samples, pmd.ACC_FS_HZ))
            self.breathing.push(t_s, frame.samples)
            if self.breath is None or t_s[-1] - self.breath.t_end_s >= BREATH_RATE_EVERY_S:
                self.breath = self.breathing.rate() or self.breath
        if events:
            self._emit(events)

    def _restart_ecg(self, t_s: float, reason: str) -> list[Event]:
        events: list[Event] = [] if not self._ecg_fed or self.paused else list(flush_events(self.ecg))
        self.ecg.reset()
        self._ecg_fed = 0
        return [*events, Gap(t_s, None, reason)]

    def _lost(self, kind: int, now_s: float) -> list[Event]:
        """A frame we could not read: its samples are a hole; the next frame starts afresh."""
        self._timelines[kind].forget()
        return self._restart_ecg(now_s, "lost_samples") if kind in self.started else []

    def flush(self) -> list[Event]:
        """The link ends: the R peaks the detector still holds."""
        return [] if not self._ecg_fed or self.paused else list(flush_events(self.ecg))

    def ecg_beats_on(self) -> bool:
        return pmd.ECG in self.started

