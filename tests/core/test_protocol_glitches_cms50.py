"""CMS50D+ packets whose sync byte lost its sync bit still take their slots (both generations).

Without a sync byte a packet's bytes arrive while no packet is open; they must stand for the lost
packets (a slot and a ``Gap("lost_samples")`` each), or every later sample and beat would come
1/60 s early per damaged packet and the interval spanning it would be short and unflagged.
"""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.protocols import coalesce
from biofeedback.core.protocols.cms50d import (
    Cms50V7Decoder,
    Cms50V7Encoder,
    Cms50V51Decoder,
    Cms50V51Encoder,
)
from biofeedback.core.types import DeviceBeat, Gap, PpgBlock

FS_HZ = 60.0
DAMAGED = (600, 601, 900)  # packets whose sync byte loses its sync bit


def stream(encoder) -> bytes:
    """20 s of a pulse wave with beats every 0.85 s, as the device would send it."""
    t = np.arange(20 * 500) / 500.0
    pleth = 64 + 40 * np.sin(2 * np.pi * t / 0.85)
    return encoder().encode(t, pleth, [(0.3 + 0.85 * k, None) for k in range(23)])


def decoded(decoder, data: bytes):
    dec = decoder()
    ev = coalesce(dec.feed(data))
    t = np.concatenate([b.t_s for b in ev if isinstance(b, PpgBlock)])
    v = np.concatenate([b.value for b in ev if isinstance(b, PpgBlock)])
    return dec, ev, t, v


GENERATIONS = [
    pytest.param(Cms50V51Encoder, Cms50V51Decoder, 5, lambda b: b & 0x7F, id="v5.1"),
    # V7.0: the type byte is the one with bit 7 clear; damaged, it looks like the bytes after it
    pytest.param(Cms50V7Encoder, Cms50V7Decoder, 9, lambda b: b | 0x80, id="v7.0"),
]


@pytest.mark.parametrize(("encoder", "decoder", "n", "damage"), GENERATIONS)
def test_packet_without_its_sync_bit_keeps_its_slot(encoder, decoder, n, damage):
    clean = stream(encoder)
    bad = bytearray(clean)
    for k in DAMAGED:
        bad[k * n] = damage(bad[k * n])
    _, clean_ev, t0, v0 = decoded(decoder, clean)
    dec, ev, t, v = decoded(decoder, bytes(bad))
    kept = np.ones(len(t0), bool)
    kept[list(DAMAGED)] = False
    assert np.allclose(t, t0[kept]) and np.array_equal(v, v0[kept])  # every later sample at its time
    lost = [g for g in ev if isinstance(g, Gap)]
    assert [round(g.t_s * FS_HZ) for g in lost if g.duration_s] == list(DAMAGED)
    assert dec.stats.lines_bad == len(DAMAGED)
    # beats keep the device's timing: none moves, none gains a short interval
    beats0 = {round(b.t_s * FS_HZ) for b in clean_ev if isinstance(b, DeviceBeat)}
    beats = [b for b in ev if isinstance(b, DeviceBeat)]
    assert {round(b.t_s * FS_HZ) for b in beats} <= beats0
    assert all(b.ibi_ms is None or b.ibi_ms > 800 for b in beats)


@pytest.mark.parametrize(("encoder", "decoder", "n", "damage"), GENERATIONS)
def test_stream_joined_mid_packet_is_no_loss(encoder, decoder, n, damage):
    data = stream(encoder)[: 40 * n]
    dec, ev, t, _ = decoded(decoder, data[3:])  # the reader opened the port inside packet 0
    assert dec.stats.lines_bad == 0
    assert [g for g in ev if isinstance(g, Gap)] == []
    assert np.allclose(t * FS_HZ, np.arange(39))


def test_a_dropped_sync_byte_loses_one_packet():
    data = bytearray(stream(Cms50V51Encoder)[: 20 * 5])
    del data[50]  # packet 10's sync byte: its 4 other bytes belong to no packet
    dec, ev, t, _ = decoded(Cms50V51Decoder, bytes(data))
    assert dec.stats.lines_bad == 1
    assert [round(g.t_s * FS_HZ) for g in ev if isinstance(g, Gap)] == [10]
    assert np.allclose(t * FS_HZ, [*range(10), *range(11, 20)])
