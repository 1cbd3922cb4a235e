"""A strap's ECG and accelerometer samples (SignalBlock) in the raw log and the store's rows."""

from __future__ import annotations

import io

import numpy as np

from biofeedback.core.types import DeviceBeat, Gap, PpgBlock, SignalBlock
from biofeedback.io.rawlog import RawEventWriter, read_raw_events
from biofeedback.io.store.codec import (
    DAMAGED_GAP_REASON,
    decode_event,
    decode_or_gap,
    encode_events,
)


def h10_events():
    rng = np.random.default_rng(2)
    ecg = [SignalBlock("ecg", 10.0 + (np.arange(73) + 73 * i) / 130.0, np.rint(rng.normal(0, 400, 73)), 130.0)
           for i in range(2)]
    acc = SignalBlock("acc", 10.0 + np.arange(36) / 25.0, np.rint(rng.normal(0, 900, (36, 3))), 25.0)
    return [ecg[0], acc, DeviceBeat(10.4, None, ectopic=True), ecg[1]]  # (an R peak whose QRS was ectopic)


def same(a, b, t_tol_s: float = 0.0) -> bool:
    if isinstance(a, SignalBlock):
        return (isinstance(b, SignalBlock) and (a.kind, a.fs_hz) == (b.kind, b.fs_hz)
                and np.allclose(a.t_s, b.t_s, atol=t_tol_s, rtol=0) and np.array_equal(a.value, b.value))
    return a == b


def test_signal_blocks_round_trip_through_the_raw_log_in_order():
    events = h10_events()
    text = io.StringIO()
    RawEventWriter(text).write(events)
    first_acc = events[1].value[0].astype(int)
    assert f"\nacc,10,{first_acc[0]};{first_acc[1]};{first_acc[2]},25\n" in text.getvalue()
    back = read_raw_events(io.StringIO(text.getvalue()))
    assert len(back) == len(events) and all(same(a, b, 5e-7) for a, b in zip(events, back, strict=True))


def test_signal_rows_are_exact_and_a_damaged_one_is_a_gap_of_its_own_length():
    events = h10_events()
    rows = encode_events(events)
    assert [r[0] for r in rows] == ["signal", "signal", "beat", "signal"]
    assert all(same(a, decode_event(r)) for a, r in zip(events, rows, strict=True))
    merged = encode_events([events[0], events[3]])  # one run of one kind and rate: one row
    assert len(merged) == 1 and decode_event(merged[0]).value.size == 146
    kind, t_s, value, detail, fs_hz, n, dtype, data = rows[1]
    damaged = decode_or_gap((kind, t_s, value, detail, fs_hz, n, dtype, data[:-3] + b"xyz"))
    assert damaged == Gap(10.0, 36 / 25.0, DAMAGED_GAP_REASON)
    ppg = PpgBlock(np.arange(3) / 100.0, np.array([1.0, 2.0, 3.0]), 100.0)  # PPG rows as before
    assert encode_events([ppg])[0][0] == "ppg" and np.array_equal(decode_event(encode_events([ppg])[0]).value, ppg.value)
