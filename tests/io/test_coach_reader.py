"""The coach's checks of a stream before it opens an inlet, and its inlet buffer sizes (real StreamInfos)."""

from __future__ import annotations

import math

import pylsl
import pytest

from biofeedback import config
from biofeedback.io.coach_reader import inlet_buffer, newest_per_client, stream_problem
from biofeedback.io.lsl_outlets import METRICS_CHANNELS, PACER_CHANNELS, RR_CHANNELS, make_info


def info(kind: str, n_channels: int, rate_hz: float, fmt: str = "float32", client: str = "Anna") -> pylsl.StreamInfo:
    return pylsl.StreamInfo(f"biofeedback_{client}_{kind}", kind, n_channels, rate_hz, fmt,
                            f"biofeedback:host:{client}:{kind}")


def test_our_own_streams_pass():
    for kind, channels, rate in (("RR", RR_CHANNELS, 0.0), ("Metrics", METRICS_CHANNELS, 0.0),
                                 ("Pacer", PACER_CHANNELS, config.LSL_PACER_RATE_HZ)):
        assert stream_problem(kind, make_info("Anna", "Anna", kind, kind, channels, rate, "float32")) is None
    assert stream_problem("Pacer", info("Pacer", 2, 10.0, "double64")) is None


@pytest.mark.parametrize(("kind", "n", "rate", "fmt", "sentence"), [
    ("Pacer", 1, 10.0, "float32", "bad stream (Pacer): 1 channel, expected 2"),
    ("RR", 8, 0.0, "float32", "bad stream (RR): 8 channels, expected 3"),
    ("RR", 3, 0.0, "string", "bad stream (RR): text values, expected numbers"),
    ("Pacer", 2, 1e9, "float32", "bad stream (Pacer): declares 1e+09 Hz, at most 10000 Hz is read"),
    ("Pacer", 2, 10_001.0, "float32", "bad stream (Pacer): declares 10001 Hz, at most 10000 Hz is read"),
])
def test_bad_streams_get_a_sentence(kind, n, rate, fmt, sentence):
    assert stream_problem(kind, info(kind, n, rate, fmt)) == sentence


def test_inlet_buffers_are_sized_by_time_and_capped_in_memory():
    buflen, samples = inlet_buffer(2, 10.0)  # our Pacer: COACH_INLET_BUFFER_S of it
    assert (buflen, samples) == (int(config.COACH_INLET_BUFFER_S), int(config.COACH_INLET_BUFFER_S * 10))
    buflen, samples = inlet_buffer(3, 0.0)  # irregular: liblsl counts hundreds of samples
    assert samples == buflen * 100 >= config.COACH_INLET_BUFFER_S * config.COACH_IRREGULAR_MAX_HZ
    # every stream the coach reads (2, 3 or 8 channels, at most STREAM_MAX_RATE_HZ) stays under the cap,
    # liblsl's ~64 bytes of bookkeeping per sample counted
    for n in (2, 3, 8):
        for rate in (0.0, 1.0, 250.0, 5000.0, config.STREAM_MAX_RATE_HZ):
            buflen, samples = inlet_buffer(n, rate)
            assert buflen >= 1 and samples * (n * 8 + 64) <= config.COACH_INLET_BUFFER_BYTES, (n, rate)


def test_streams_are_grouped_per_client_and_other_kinds_left_out():
    infos = [info("RR", 3, 0.0), info("Pacer", 2, 10.0), info("PPG", 1, 500.0), info("Markers", 1, 0.0, "string"),
             info("RR", 3, 0.0, client="Ben"), pylsl.StreamInfo("x", "RR", 3, 0.0, "float32", "someone:else:RR")]
    grouped = newest_per_client(infos)
    assert {k: sorted(v) for k, v in grouped.items()} == {"biofeedback:host:Anna": ["Pacer", "RR"],
                                                          "biofeedback:host:Ben": ["RR"]}
    assert not math.isnan(grouped["biofeedback:host:Anna"]["Pacer"].nominal_srate())
