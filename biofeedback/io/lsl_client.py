"""One client on LSL: sensor events through the pipeline out to the six outlets.

Used by ``record --lsl``, ``simulate --lsl`` and ``replay --lsl``: whatever
reads the sensor hands each batch of events to ``feed``; the pipeline's beats,
metrics and PPG go out at once (beats stamped at the beat on the local clock),
and ``tick`` sends the pacer guide at the pacer stream's rate.
"""

from __future__ import annotations

from collections.abc import Sequence

from biofeedback import config
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.core.pipeline import Pipeline, PipelineOutput
from biofeedback.core.protocols import make_decoder
from biofeedback.core.timebase import event_time_s
from biofeedback.core.types import Event
from biofeedback.io.lsl_outlets import LslOutlets


class LslClient:
    """Pipeline + outlets (+ an optional pacer whose guide is published)."""

    def __init__(self, client: str, display_name: str = "", device: str = "",
                 pipeline: Pipeline | None = None, pacer: Pacer | None = None) -> None:
        self.pipeline = pipeline or Pipeline()
        self.outlets = LslOutlets(client, display_name, device)
        self.pacer = pacer
        self._next_pacer_t_s: float | None = None
        self.outlets.marker("session start")

    def feed(self, events: Sequence[Event]) -> PipelineOutput:
        """Run ``events`` through the pipeline and publish what it produced."""
        out = self.pipeline.feed(events)
        self.publish(events, out)
        return out

    def publish(self, events: Sequence[Event], out: PipelineOutput) -> None:
        """Publish a pipeline output the caller computed itself (``record`` keeps its own)."""
        if out.gaps:
            self.outlets.reset_clock()
        for e in reversed(events):
            t = event_time_s(e)
            if t is not None:
                self.outlets.note_device_time(t)
                break
        self.outlets.push_ppg(out.ppg)
        self.outlets.push_live(out.detections_t_s, out.beats, gap=bool(out.gaps))
        if out.beats:
            self.outlets.push_beats(out.beats, self.pipeline.quality)
            self.outlets.push_metrics(out.metrics, self.pipeline.quality, self.pipeline.n_beats)

    def tick(self, device_t_s: float) -> None:
        """Publish the pacer guide for device time ``device_t_s`` (at most at the stream rate)."""
        if self.pacer is None:
            return
        period_s = 1.0 / config.LSL_PACER_RATE_HZ
        if self._next_pacer_t_s is None:
            self._next_pacer_t_s = device_t_s
        while self._next_pacer_t_s <= device_t_s:
            t = self._next_pacer_t_s
            self.outlets.push_pacer(self.pacer.value(t), self.pacer.rate_bpm, t)
            self._next_pacer_t_s += period_s

    def marker(self, text: str) -> None:
        self.outlets.marker(text)

    def close(self) -> None:
        self.outlets.marker("session stop")
        self.outlets.close()


class DecodingTap:
    """Wraps a virtual port: bytes written to it are also decoded and fed to a client.

    ``simulate --lsl`` publishes exactly what its simulated sensor says on the
    wire, through the same decoder and pipeline a reader of the port would use.
    """

    def __init__(self, port, protocol: str, client: LslClient) -> None:
        self._port, self._decoder, self.client = port, make_decoder(protocol), client

    def write(self, data: bytes, wait_s: float = 0.0) -> int:
        if data:
            self.client.feed(self._decoder.feed(data))
        return self._port.write(data, wait_s)

    def __getattr__(self, name: str):
        return getattr(self._port, name)


def lsl_simulated_client(sim, port, name: str, pacer_bpm: float | None = None) -> tuple[LslClient, DecodingTap]:
    """A simulated person breathing with a pacer, published as client ``name``.

    Returns the client and the port to serve on (a tap that publishes what is written).
    """
    pacer = Pacer(rate_bpm=pacer_bpm or config.LSL_SIM_PACER_BPM, t0_s=0.0)
    sim.follow_pacer(pacer.rate_bpm, 0.0, 0.0)
    client = LslClient(name, name, device=f"simulated {sim.settings.protocol} seed {sim.settings.seed}",
                       pacer=pacer)
    return client, DecodingTap(port, sim.settings.protocol, client)
