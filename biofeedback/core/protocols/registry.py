"""Registry of supported protocols: decoder, encoder, serial settings and host commands.

Serial settings use pyserial's letters (parity "N"/"O") without importing pyserial (core is pure).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from biofeedback.config import CMS50_KEEPALIVE_PERIOD_S, DEFAULT_BAUD
from biofeedback.core.protocols import cms50d, ibi, max3010x, native, pulsesensor
from biofeedback.core.protocols._base import DecoderStats
from biofeedback.core.types import Event


class Decoder(Protocol):
    """What every protocol's decoder offers: events from the bytes fed so far, and counts."""

    stats: DecoderStats

    def feed(self, data: bytes) -> list[Event]: ...


@dataclass(frozen=True)
class ProtocolSpec:
    """Everything the io layer and the simulator need to speak one protocol."""

    name: str
    description: str
    decoder: Callable[[], Decoder]
    encoder: Callable[[], Any]  # () -> object with encode(t_s, values, beats, contact) -> bytes
    baud: int = DEFAULT_BAUD
    bytesize: int = 8
    parity: str = "N"  # pyserial PARITY_* letter
    stopbits: int = 1
    start_bytes: bytes = b""  # send once after opening (after flushing the input)
    stop_bytes: bytes = b""  # send before closing
    keepalive_bytes: bytes = b""
    keepalive_period_s: float | None = None
    carries_ppg: bool = True
    carries_ibi: bool = False  # beat-exact intervals on the device clock
    fs_hz: float | None = None  # nominal PPG rate
    adc_max: int | None = None  # value range the encoder expects


PROTOCOLS: dict[str, ProtocolSpec] = {
    s.name: s
    for s in (
        ProtocolSpec("native", "BF1 line protocol (project sketches)", native.NativeDecoder,
                     native.NativeEncoder, carries_ibi=True, fs_hz=250.0, adc_max=1023),
        ProtocolSpec("pulsesensor", "PulseSensor Playground PROCESSING_VISUALIZER (S/B/Q)",
                     pulsesensor.PulseSensorVisualizerDecoder,
                     pulsesensor.PulseSensorVisualizerEncoder, carries_ibi=True, fs_hz=50.0,
                     adc_max=pulsesensor.ADC_MAX),
        ProtocolSpec("pulsesensor-plotter", "PulseSensor Playground SERIAL_PLOTTER (BPM,IBI,Signal)",
                     pulsesensor.PulseSensorPlotterDecoder,
                     pulsesensor.PulseSensorPlotterEncoder, fs_hz=50.0,
                     adc_max=pulsesensor.ADC_MAX),
        ProtocolSpec("cms50d", "Contec CMS50D+ old protocol V5.1 (5-byte packets)",
                     cms50d.Cms50V51Decoder, cms50d.Cms50V51Encoder, baud=19200, parity="O",
                     fs_hz=cms50d.FS_HZ, adc_max=cms50d.ADC_MAX),
        ProtocolSpec("cms50d-v7", "Contec CMS50D+ new protocol V7.0 (9-byte realtime packets)",
                     cms50d.Cms50V7Decoder, cms50d.Cms50V7Encoder, baud=115200,
                     start_bytes=cms50d.CMD_STOP_REALTIME + cms50d.CMD_STOP_STORAGE
                     + cms50d.CMD_START_REALTIME,
                     stop_bytes=cms50d.CMD_STOP_REALTIME, keepalive_bytes=cms50d.CMD_KEEPALIVE,
                     keepalive_period_s=CMS50_KEEPALIVE_PERIOD_S, fs_hz=cms50d.FS_HZ,
                     adc_max=cms50d.ADC_MAX),
        ProtocolSpec("max3010x", "SparkFun MAX3010x Example5_HeartRate text",
                     max3010x.Max3010xDecoder, max3010x.Max3010xEncoder, fs_hz=max3010x.FS_HZ,
                     adc_max=max3010x.ADC_MAX),
        ProtocolSpec("ibi", "Plain inter-beat-interval text, one interval per line",
                     ibi.IbiDecoder, partial(ibi.IbiEncoder, prefix="IBI:"), carries_ppg=False,
                     carries_ibi=True),
    )
}


def make_decoder(name: str) -> Decoder:
    """A fresh decoder for protocol ``name`` (a key of ``PROTOCOLS``)."""
    try:
        return PROTOCOLS[name].decoder()
    except KeyError:
        raise ValueError(f"unknown protocol {name!r}; known: {', '.join(PROTOCOLS)}") from None
