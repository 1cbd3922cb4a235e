"""Auto-detection picks each encoder's protocol from ~2 s of bytes and explains failures."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.protocols import PROTOCOLS, detect_protocol, make_decoder
from biofeedback.core.protocols.cms50d import CMD_KEEPALIVE
from biofeedback.core.protocols.ibi import IbiEncoder


def two_seconds(name: str, offset: int = 37) -> bytes:
    """2 s of the encoder's output, starting mid-record as a freshly opened port would."""
    spec = PROTOCOLS[name]
    t = np.arange(1500) / 500.0
    adc = spec.adc_max or 1
    v = adc * (0.6 + 0.2 * np.sin(2 * np.pi * 1.2 * t))
    data = spec.encoder().encode(t, v, [(0.2 + 0.8 * k, None) for k in range(4)])
    bytes_per_s = len(data) / 3.0
    return data[offset:offset + int(2 * bytes_per_s)]


@pytest.mark.parametrize("name", [n for n in PROTOCOLS if n != "ibi"])
def test_each_encoder_output_is_detected(name):
    res = detect_protocol(two_seconds(name))
    assert res.protocol == name, res.reason
    assert res.confidence >= 0.9
    assert res.baud == PROTOCOLS[name].baud


def test_plain_ibi_lines_are_detected():
    enc = IbiEncoder(prefix="RR=")
    data = b"12\r\n" + enc.encode(np.array([]), np.array([]),
                                  [(0.8 * k, None) for k in range(6)])
    assert detect_protocol(data).protocol == "ibi"
    bare = b"3\r\n812\r\n790\r\n"
    res = detect_protocol(bare)
    assert res.protocol == "ibi" and res.confidence < 0.9  # weaker evidence


def test_bare_sample_stream_is_not_guessed():
    data = "".join(f"{500 + k % 40}\r\n" for k in range(100)).encode()
    res = detect_protocol(data)
    assert res.protocol is None and "rate must come from the user" in res.reason


def test_garbage_gives_message_listing_tried_protocols_and_what_arrived():
    data = bytes(np.random.default_rng(2).integers(0, 256, 400, dtype=np.uint8))
    res = detect_protocol(data)
    assert res.protocol is None and res.confidence == 0.0
    for name in PROTOCOLS:
        assert name in res.reason
    assert data[:8].hex(" ") in res.reason  # hex excerpt
    assert "400 bytes" in res.reason


def test_unsupported_known_format_is_named():
    data = "".join(f"Signal {500 + k}\r\n" for k in range(20)).encode()
    res = detect_protocol(data)
    assert res.protocol is None and "GettingStartedProject" in res.reason


def test_cms50_v7_detected_despite_host_echo_and_decoded_by_registry_decoder():
    data = CMD_KEEPALIVE + two_seconds("cms50d-v7")
    res = detect_protocol(data)
    assert res.protocol == "cms50d-v7"
    assert make_decoder(res.protocol).feed(data)


def test_registry_specs_carry_serial_settings():
    assert (PROTOCOLS["cms50d"].baud, PROTOCOLS["cms50d"].parity) == (19200, "O")
    v7 = PROTOCOLS["cms50d-v7"]
    assert v7.keepalive_period_s == 5.0 and v7.start_bytes.endswith(bytes.fromhex("7d81a1"
                                                                                "808080808080"))
    assert not PROTOCOLS["ibi"].carries_ppg and PROTOCOLS["native"].carries_ibi
    with pytest.raises(ValueError, match="known: native"):
        make_decoder("nope")


def test_slow_text_asks_for_more_time_binary_and_silence_do_not():
    from biofeedback.core.protocols.autodetect import wants_more_time

    two_seconds_of_ibi = b"886\r\nIBI:902\r\nIBI:8"  # one complete line after the partial first
    assert detect_protocol(two_seconds_of_ibi).protocol is None
    assert wants_more_time(two_seconds_of_ibi)
    assert not wants_more_time(b"")
    assert not wants_more_time(bytes(range(128, 256)) * 4)  # CMS50-like or wrong baud
    assert not wants_more_time("".join(f"{500 + k}\r\n" for k in range(40)).encode())  # enough lines
    eight_seconds = two_seconds_of_ibi + b"91\r\nIBI:877\r\nIBI:890\r\nIBI:9"
    res = detect_protocol(eight_seconds, window_s=8.0)
    assert res.protocol == "ibi" and "4 of 4 lines" in res.reason
