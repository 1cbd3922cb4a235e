"""PulseSensor Playground formats: visualizer beat-exact IBIs, plotter beat inference, encoders."""

from __future__ import annotations

import numpy as np

from biofeedback.core.protocols import coalesce
from biofeedback.core.protocols.pulsesensor import (
    PulseSensorPlotterDecoder,
    PulseSensorPlotterEncoder,
    PulseSensorVisualizerDecoder,
    PulseSensorVisualizerEncoder,
)
from biofeedback.core.types import DeviceBeat, DeviceStatus, Gap, PpgBlock


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def text(*lines: str) -> bytes:
    return ("partial\r\n" + "\r\n".join(lines) + "\r\n").encode()


def test_visualizer_lines_give_samples_at_50hz_and_beats_from_q():
    dec = PulseSensorVisualizerDecoder()
    ev = coalesce(dec.feed(text("S512", "S530", "B72", "Q832", "S540")))
    blk = of(ev, PpgBlock)
    assert np.concatenate([b.value for b in blk]).tolist() == [512, 530, 540]
    assert np.allclose(np.concatenate([b.t_s for b in blk]), [0, 0.02, 0.04])
    beat = of(ev, DeviceBeat)[0]
    assert (beat.t_s, beat.ibi_ms) == (0.02, 832.0)


def test_visualizer_beat_times_accumulate_device_ibis():
    # beats detected at the 41st and 82nd S line (0.8 s and 1.62 s by count), device IBIs 806, 818
    lines = []
    for k in range(100):
        lines.append(f"S{500 + k}")
        if k == 40:
            lines += ["B75", "Q806"]
        if k == 81:
            lines += ["B74", "Q818"]
    ev = PulseSensorVisualizerDecoder().feed(text(*lines))
    beats = of(ev, DeviceBeat)
    assert beats[0].t_s == 0.8  # anchored to the line clock
    assert abs(beats[1].t_s - (0.8 + 0.818)) < 1e-12  # device IBI, not the 20 ms line clock


def test_visualizer_b_without_q_is_a_lost_beat():
    ev = PulseSensorVisualizerDecoder().feed(text("S1", "B70", "Q800", "S2", "B70", "S3"))
    gaps = of(ev, Gap)
    assert len(of(ev, DeviceBeat)) == 1 and [g.reason for g in gaps] == ["lost_beat"]


def test_visualizer_rejects_signs_spaces_and_overrange():
    dec = PulseSensorVisualizerDecoder()
    ev = dec.feed(text("S-1", "S 5", "S1024", "Sx", "s5", "Q", "Q0", "Q120", "B999"))
    assert ev == [] and dec.stats.lines_bad == 9


def test_plotter_beats_only_when_ibi_changes_and_bpm_positive():
    rows = ["0,750,500", "0,750,510", "72,830,520", "72,830,530", "73,810,540", "73,810,550",
            "73,810,560", "0,600,512"]
    ev = PulseSensorPlotterDecoder().feed(text(*rows))
    beats = of(ev, DeviceBeat)
    assert [(b.t_s, b.ibi_ms) for b in beats] == [(0.04, 830.0), (0.08, 810.0)]
    states = [(s.t_s, s.state) for s in of(ev, DeviceStatus)]
    assert states == [(0.0, "searching"), (0.04, "ok"), (0.14, "searching")]


def _beats(n: int, rr_s: list[float], start: float = 0.5) -> list[float]:
    t = [start]
    for k in range(n - 1):
        t.append(round(t[-1] + rr_s[k % len(rr_s)], 3))
    return t


def _encode(enc, dur_s: float, beat_t: list[float]) -> bytes:
    t = np.arange(int(dur_s * 500)) / 500.0
    v = 512 + 200 * np.sin(2 * np.pi * 1.3 * t)
    return enc.encode(t, v, [(b, None) for b in beat_t])


def test_visualizer_round_trip_ibis_exact_times_within_one_line():
    beat_t = _beats(12, [0.802, 0.846, 0.79, 0.9])
    data = _encode(PulseSensorVisualizerEncoder(), 11.0, beat_t)
    ev = PulseSensorVisualizerDecoder().feed(b"\n" + data)  # keep the first line: clocks align
    beats = of(ev, DeviceBeat)
    # the library drops the first beat; the first reported interval is beat 1 - beat 0
    assert [b.ibi_ms for b in beats] == [round((b - a) * 1000) for a, b in
                                         zip(beat_t[:-1], beat_t[1:], strict=True)]
    err = np.array([b.t_s for b in beats]) - np.array(beat_t[1:])
    assert np.all(err >= -1e-9) and np.all(err <= 0.02 + 1e-9)
    assert np.ptp(err) < 1e-9  # after anchoring, times follow the device IBIs exactly


def test_plotter_round_trip_misses_equal_successive_intervals():
    beat_t = _beats(8, [0.8, 0.8, 0.9])  # intervals 800, 800, 900, 800, 800, 900, 800
    data = _encode(PulseSensorPlotterEncoder(), 7.0, beat_t)
    ev = PulseSensorPlotterDecoder().feed(data)
    assert [b.ibi_ms for b in of(ev, DeviceBeat)] == [800.0, 900.0, 800.0, 900.0, 800.0]


def test_encoders_stop_beats_without_contact_and_reset_after_2_5_s():
    beat_t = _beats(10, [0.8])
    t = np.arange(5000) / 500.0
    enc = PulseSensorVisualizerEncoder()
    data = enc.encode(t, 512 + 0 * t, [(b, None) for b in beat_t], [(2.0, False), (6.0, True)])
    ibis = [b.ibi_ms for b in of(PulseSensorVisualizerDecoder().feed(data), DeviceBeat)]
    # beats at 0.5 (dropped), 1.3 ok; 2.1..5.7 no contact; 6.5 dropped after reset; 7.3.. ok
    assert ibis == [800.0, 800.0, 800.0]
