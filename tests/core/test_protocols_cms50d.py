"""Contec CMS50D+ decoders (V5.1 5-byte, V7.0 9-byte), host commands and encoders."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.protocols import coalesce
from biofeedback.core.protocols.cms50d import (
    CMD_KEEPALIVE,
    CMD_START_REALTIME,
    CMD_STOP_REALTIME,
    CMD_STOP_STORAGE,
    Cms50V7Decoder,
    Cms50V7Encoder,
    Cms50V7Host,
    Cms50V51Decoder,
    Cms50V51Encoder,
    decode_v7_data,
)
from biofeedback.core.types import DeviceBeat, DeviceStatus, Gap, PpgBlock

CAPTURED = bytes.fromhex("01e085d59abde3ffff")  # MarkMLl, CMS50D+ fw 4.6


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def test_captured_v7_packet_restores_high_bits():
    d = decode_v7_data(CAPTURED)
    assert d[0] & 0x0F == 5  # signal strength
    assert d[1] & 0x7F == 85  # pleth
    assert d[2] & 0x0F == 10 and d[2] & 0x10  # bar graph, PI invalid
    assert (d[3], d[4]) == (61, 99)  # PR, SpO2
    assert (d[5], d[6]) == (0xFF, 0xFF)  # PI invalid


def test_captured_v7_packets_decode_to_pleth_pr_spo2():
    dec = Cms50V7Decoder()
    ev = coalesce(dec.feed(CAPTURED * 4))
    blk = of(ev, PpgBlock)[0]
    assert blk.value.tolist() == [85.0] * 4
    assert np.allclose(blk.t_s, np.arange(4) / 60)
    assert (dec.pulse_rate_bpm, dec.spo2_pct) == (61, 99)
    assert of(ev, DeviceStatus)[0].state == "ok"


def test_host_commands_are_the_vendor_bytes():
    assert CMD_START_REALTIME == bytes.fromhex("7d81a1808080808080")
    assert CMD_STOP_REALTIME == bytes.fromhex("7d81a2808080808080")
    assert CMD_STOP_STORAGE == bytes.fromhex("7d81a7808080808080")
    assert CMD_KEEPALIVE == bytes.fromhex("7d81af808080808080")


def test_host_helper_sends_keepalive_every_5_s():
    host = Cms50V7Host()
    assert host.opening() == CMD_STOP_REALTIME + CMD_STOP_STORAGE
    assert host.start(0.0) == CMD_START_REALTIME
    sent = [now for now in np.arange(0, 16, 0.5) if host.due(float(now))]
    assert sent == [5.0, 10.0, 15.0]
    assert host.closing() == CMD_STOP_REALTIME


def test_v7_decoder_skips_command_replies_and_unknown_types():
    reply = bytes.fromhex("0c80") + bytes.fromhex("0680 8087") + bytes.fromhex("7f8182")
    ev = coalesce(Cms50V7Decoder().feed(CAPTURED * 3 + reply + CAPTURED * 2))
    assert of(ev, PpgBlock)[0].value.tolist() == [85.0] * 5
    assert of(ev, Gap) == []


def v51(signal=5, beep=False, pleth=60, pr=72, spo2=98, probe_err=False) -> bytes:
    return bytes([0x80 | signal | (0x40 if beep else 0), pleth, 10 | (0x10 if probe_err else 0)
                  | ((pr >> 7) & 1) << 6, pr & 0x7F, spo2])


def test_v51_fields_pr_above_127_and_beep_edges():
    pkts = [v51(pr=150)] * 3 + [v51(pr=150, beep=True)] * 2 + [v51(pr=150)] * 40 \
        + [v51(pr=150, beep=True)] * 2 + [v51(pr=150)]
    dec = Cms50V51Decoder()
    ev = dec.feed(b"".join(pkts))
    assert dec.pulse_rate_bpm == 150
    beats = of(ev, DeviceBeat)
    assert [b.t_s for b in beats] == [3 / 60, 45 / 60]
    assert beats[0].ibi_ms is None and beats[1].ibi_ms == pytest.approx(42 / 60 * 1000)


def test_v51_probe_error_is_finger_out_and_no_beats_then():
    pkts = [v51()] * 3 + [v51(probe_err=True, beep=True, pr=0, spo2=0)] * 3 + [v51()]
    ev = Cms50V51Decoder().feed(b"".join(pkts))
    assert [(s.t_s, s.state) for s in of(ev, DeviceStatus)] == [(0, "ok"), (3 / 60, "finger_out"),
                                                                (6 / 60, "ok")]
    assert of(ev, DeviceBeat) == []


def test_fewer_than_lock_packets_between_junk_give_nothing():
    junk = bytes([0x85, 0x10, 0x90, 0x05, 0x06, 0x07])
    ev = Cms50V51Decoder().feed(junk + v51() * 2 + junk)
    assert ev == []


def test_cut_packet_keeps_slot_timing():
    data = b"".join([v51(pleth=k) for k in range(10)])
    cut = data[:27] + data[28:]  # packet 5 loses a byte
    ev = coalesce(Cms50V51Decoder().feed(cut))
    blk = of(ev, PpgBlock)
    t = np.concatenate([b.t_s for b in blk])
    v = np.concatenate([b.value for b in blk])
    assert v.tolist() == [0, 1, 2, 3, 4, 6, 7, 8, 9]
    assert np.allclose(t * 60, [0, 1, 2, 3, 4, 6, 7, 8, 9])
    assert of(ev, Gap)[0].t_s == pytest.approx(5 / 60)


@pytest.mark.parametrize(("enc", "dec"), [(Cms50V51Encoder, Cms50V51Decoder),
                                          (Cms50V7Encoder, Cms50V7Decoder)])
def test_round_trip_pleth_and_beats_within_one_packet(enc, dec):
    t = np.arange(5000) / 500.0
    pleth = 64 + 40 * np.sin(2 * np.pi * 1.1 * t)
    beat_t = [0.5 + 0.85 * k + 0.03 * (k % 3) for k in range(11)]
    e = enc()
    data = e.encode(t[:2000], pleth[:2000], [(b, None) for b in beat_t if b <= t[1999]])
    data += e.encode(t[2000:], pleth[2000:], [(b, None) for b in beat_t if b > t[1999]])
    ev = coalesce(dec().feed(data))
    blk = of(ev, PpgBlock)[0]
    assert np.array_equal(blk.value, np.round(np.interp(blk.t_s, t, pleth)))
    beats = of(ev, DeviceBeat)
    # at the first beep the encoder has no pulse rate yet (PR 0 = no reading): no beat then
    err = np.array([b.t_s for b in beats]) - np.array(beat_t[1:])
    assert np.all((err >= 0) & (err < 1 / 60 + 1e-9))
    ibi = np.array([b.ibi_ms for b in beats[1:]])
    assert np.all(np.abs(ibi - np.diff(beat_t[1:]) * 1000) <= 1000 / 60 + 1e-6)


def test_v7_encoder_reports_pr_above_127_through_high_byte():
    t = np.arange(3000) / 500.0
    beats = [(0.2 + 0.4 * k, None) for k in range(14)]  # 150 bpm
    dec = Cms50V7Decoder()
    dec.feed(Cms50V7Encoder().encode(t, 60 + 0 * t, beats))
    assert dec.pulse_rate_bpm == 150
