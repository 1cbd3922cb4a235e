"""Latency of the live path (issue 4 targets).

1. Host overhead: from bytes written to a real pty until the decoded event has
   gone through the pipeline in the reader's callback (native protocol, 250 Hz,
   written every 20 ms as a USB serial adapter delivers them); target p95 ≤ 20 ms.
   Reference in the same run: the bare pty round trip (write, then a blocking
   os.read of the same bytes on the other side) — what no reader can beat.
2. Beat confirmation delay: device time from the true systolic peak to the end
   of the chunk in which the detector confirms the beat, for raw-PPG rates;
   target p95 ≤ 250 ms.

    python benchmarks/latency.py [--seconds 20]
"""

from __future__ import annotations

import argparse
import os
import threading
import time
import tty

import numpy as np
import serial

from biofeedback.config import BEAT_LEARN_S
from biofeedback.core.beats.ppg import PpgBeatDetector
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols import PROTOCOLS
from biofeedback.core.simulation import sensor_for, simulate_ppg
from biofeedback.core.types import PpgBlock
from biofeedback.io.serial_source import SerialSource

CHUNK_S = 0.02


def host_overhead(seconds: float) -> tuple[np.ndarray, np.ndarray]:
    """(per-chunk pipeline delivery latency s, bare pty round-trip latency s)."""
    t_s, values, _ = simulate_ppg(seconds + 2, fs_hz=250.0, seed=2)
    encoder = PROTOCOLS["native"].encoder()
    n = int(CHUNK_S * 250)
    chunks = [(t_s[i + n - 1], encoder.encode(t_s[i:i + n], values[i:i + n])) for i in range(0, t_s.size - n, n)]

    master, slave = os.openpty()
    tty.setraw(slave)
    written: dict[int, float] = {}  # last sample time (ms) of a chunk -> host time written
    latencies: list[float] = []
    pipeline = Pipeline()
    lock = threading.Lock()

    def on_events(events) -> None:
        pipeline.feed(events)
        now = time.perf_counter()
        with lock:
            for e in events:
                if isinstance(e, PpgBlock) and len(e):
                    key = int(round(e.t_s[-1] * 1000))
                    if key in written:
                        latencies.append(now - written.pop(key))

    source = SerialSource(os.ttyname(slave), protocol="native")
    source.start(on_events, lambda state: None)
    time.sleep(0.5)
    next_t = time.perf_counter()
    for last_t, data in chunks:
        with lock:
            written[int(round(last_t * 1000))] = time.perf_counter()
        os.write(master, data)
        next_t += CHUNK_S
        time.sleep(max(0.0, next_t - time.perf_counter()))
    time.sleep(0.3)
    source.stop()
    os.close(master)
    os.close(slave)

    # reference: the bare pty, same chunk sizes, a blocking reader thread
    master, slave = os.openpty()
    tty.setraw(slave)
    port = serial.Serial(os.ttyname(slave), timeout=1.0)
    bare: list[float] = []
    for _, data in chunks[:200]:
        t0 = time.perf_counter()
        os.write(master, data)
        got = b""
        while len(got) < len(data):
            got += port.read(len(data) - len(got))
        bare.append(time.perf_counter() - t0)
        time.sleep(CHUNK_S)
    port.close()
    os.close(master)
    os.close(slave)
    return np.array(latencies[25:]), np.array(bare)


def confirmation_delay(fs_hz: float, seconds: float, shape: str = "classic",
                       sensor: str | None = None) -> np.ndarray:
    """Device-time delay (s) from each true peak to the end of the chunk that confirmed it."""
    params = sensor_for(sensor, seed=4) if sensor else None
    t_s, values, truth = simulate_ppg(seconds, fs_hz=fs_hz, seed=4, shape=shape, sensor=params)
    true_t = np.array([b.t_s for b in truth if b.kind == "normal"])
    detector = PpgBeatDetector(fs_hz, polarity=-1 if sensor == "max3010x" else None)
    n = max(1, int(round(CHUNK_S * fs_hz)))
    delays = []
    for i in range(0, t_s.size, n):
        for beat in detector.feed(t_s[i:i + n], values[i:i + n]):
            j = np.argmin(np.abs(true_t - beat))
            if abs(true_t[j] - beat) < 0.05:
                delays.append(t_s[min(i + n, t_s.size) - 1] - true_t[j])
    return np.array(delays)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    latencies, bare = host_overhead(args.seconds)
    p95, bare95 = np.percentile(latencies, 95) * 1000, np.percentile(bare, 95) * 1000
    print(f"host overhead, native 250 Hz over a pty, {latencies.size} chunks: "
          f"p50 {np.median(latencies) * 1000:.2f} ms, p95 {p95:.2f} ms (target <= 20 ms)")
    print(f"reference, bare pty write->read: p95 {bare95:.2f} ms; ratio {p95 / bare95:.1f}x")
    cases = [(500.0, "classic", None), (250.0, "classic", None), (60.0, "classic", None),
             (100.0, "reflected", "max3010x"), (50.0, "dominant-reflected", "pulsesensor")]
    for fs_hz, shape, sensor in cases:
        d = confirmation_delay(fs_hz, 600.0, shape, sensor) * 1000
        print(f"beat confirmation delay at {fs_hz:.0f} Hz, {shape} pulse, {sensor or 'dc'} sensor "
              f"({d.size} beats): p50 {np.median(d):.0f} ms, p95 {np.percentile(d, 95):.0f} ms, "
              f"max {d.max():.0f} ms (the first beat waits for the {BEAT_LEARN_S:.0f} s learning "
              f"window; target p95 <= 250 ms)")


if __name__ == "__main__":
    main()
