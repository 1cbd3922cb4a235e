"""SparkFun MAX3010x Example5 lines: IR samples, finger status, beats inferred from BPM."""

from __future__ import annotations

import numpy as np

from biofeedback.core.protocols import coalesce
from biofeedback.core.protocols.max3010x import Max3010xDecoder, Max3010xEncoder
from biofeedback.core.types import DeviceBeat, DeviceStatus, PpgBlock


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def text(*lines: str) -> bytes:
    return ("partial\r\n" + "\r\n".join(lines) + "\r\n").encode()


def test_example_lines_decode_with_no_finger_status():
    dec = Max3010xDecoder()
    ev = coalesce(dec.feed(text(
        "Initializing...", "IR=112345, BPM=72.29, Avg BPM=71", "IR=112400, BPM=72.29, Avg BPM=71",
        "IR=4021, BPM=72.29, Avg BPM=71 No finger?")))
    blk = of(ev, PpgBlock)
    assert np.concatenate([b.value for b in blk]).tolist() == [112345, 112400, 4021]
    assert np.allclose(np.concatenate([b.t_s for b in blk]), [0, 0.01, 0.02])
    assert [(s.t_s, s.state) for s in of(ev, DeviceStatus)] == [(0.0, "ok"), (0.02, "finger_out")]
    assert dec.stats.lines_bad == 0 and dec.stats.lines_ok == 4


def test_beat_inferred_when_bpm_changes():
    ev = Max3010xDecoder().feed(text("IR=100000, BPM=0.00, Avg BPM=0",
                                     "IR=100000, BPM=72.29, Avg BPM=0",
                                     "IR=100000, BPM=72.29, Avg BPM=0",
                                     "IR=100000, BPM=300.00, Avg BPM=0"))
    beats = of(ev, DeviceBeat)
    assert len(beats) == 1 and beats[0].t_s == 0.01
    assert abs(beats[0].ibi_ms - 60000 / 72.29) < 1e-9


def test_malformed_lines_are_counted_and_dropped():
    dec = Max3010xDecoder()
    ev = dec.feed(text("IR=-5, BPM=1.00, Avg BPM=0", "IR=5,BPM=1.00, Avg BPM=0",
                       "IR=300000, BPM=1.00, Avg BPM=0", "IR=5, BPM=1.0, Avg BPM=0"))
    assert ev == [] and dec.stats.lines_bad == 4


def test_round_trip_ir_and_beats():
    t = np.arange(4000) / 500.0
    ir = 120000 + 3000 * np.sin(2 * np.pi * 1.2 * t)
    rr_s = [0.75, 0.8, 0.78, 0.82, 0.76, 0.81, 0.79, 0.83, 0.77]  # no two equal in a row
    beat_t = np.concatenate(([0.4], 0.4 + np.cumsum(rr_s))).tolist()
    data = Max3010xEncoder().encode(t, ir, [(b, None) for b in beat_t])
    ev = coalesce(Max3010xDecoder().feed(b"\n" + data))
    blk = of(ev, PpgBlock)[0]
    assert blk.fs_hz == 100.0
    assert np.array_equal(blk.value, np.round(np.interp(blk.t_s, t, ir)))
    beats = of(ev, DeviceBeat)
    # the first beat only sets BPM from 0.00 to 60/Δt once its predecessor is known
    assert len(beats) == 9
    # IBI from a 2-decimal BPM: within 0.01 bpm -> about 0.1 ms at 75 bpm
    assert np.allclose([b.ibi_ms for b in beats], np.array(rr_s) * 1000, atol=0.2)
    assert all(0 <= b.t_s - bt < 0.01 + 1e-9 for b, bt in zip(beats, beat_t[1:], strict=True))
