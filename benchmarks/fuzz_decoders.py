"""Fuzz every protocol decoder with >= 10^6 bytes and print the throughput (bytes/s).

Half the bytes are uniform noise; half are the protocol's own encoder output mutated by byte
flips, cuts and insertions, so the parsers' deeper paths run too. Chunks of random size are fed,
as a serial port delivers them. Any exception fails the run (exit code 1), and so does a
decoder slower than TARGET_LINK_MULTIPLE times the fastest serial link the app reads (a
pathological, say quadratic, path on damaged input would keep a reader thread busy).

    .venv/bin/python benchmarks/fuzz_decoders.py [--bytes 1000000] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from biofeedback.core.protocols import PROTOCOLS, make_decoder
from biofeedback.core.types import DeviceBeat

FASTEST_LINK_BYTES_S = 921_600 / 10  # a USB serial adapter at 921600 baud, 10 bits a byte
TARGET_LINK_MULTIPLE = 10.0  # decoded at least this many times faster than the bytes can arrive


def valid_stream(name: str, duration_s: float, rng: np.random.Generator) -> bytes:
    spec = PROTOCOLS[name]
    t = np.arange(int(duration_s * 250)) / 250.0
    adc = spec.adc_max or 1
    v = adc * (0.55 + 0.3 * np.sin(2 * np.pi * 1.2 * t) + 0.05 * rng.standard_normal(t.size))
    beats = [(b, None) for b in np.cumsum(rng.uniform(0.5, 1.2, int(duration_s * 2)))
             if b < duration_s]
    return spec.encoder().encode(t, v, beats)


def mutate(data: bytes, rng: np.random.Generator, rate: float = 0.002) -> bytes:
    """Flip, drop and insert random bytes at about ``rate`` per byte each."""
    a = np.frombuffer(data, np.uint8).copy()
    flips = rng.random(a.size) < rate
    a[flips] ^= rng.integers(1, 256, int(flips.sum()), dtype=np.uint8)
    a = a[rng.random(a.size) >= rate]
    ins = np.flatnonzero(rng.random(a.size) < rate)
    return np.insert(a, ins, rng.integers(0, 256, ins.size, dtype=np.uint8)).tobytes()


def fuzz_bytes(name: str, n_bytes: int, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    noise = rng.integers(0, 256, n_bytes // 2, dtype=np.uint8).tobytes()
    structured = b""
    while len(structured) < n_bytes - len(noise):
        structured += mutate(valid_stream(name, 30.0, rng), rng)
    structured = structured[: n_bytes - len(noise)]
    # interleave in blocks so decoders resync many times
    cut = np.sort(rng.integers(0, len(noise), 50))
    parts, prev = [], 0
    s_cut = np.sort(rng.integers(0, len(structured), 50))
    s_prev = 0
    for c, sc in zip(cut, s_cut, strict=True):
        parts += [noise[prev:c], structured[s_prev:sc]]
        prev, s_prev = c, sc
    parts += [noise[prev:], structured[s_prev:]]
    return b"".join(parts)


def run(name: str, data: bytes, seed: int = 0) -> tuple[float, int, int]:
    """Feed ``data`` in random chunks; return (seconds, events, beats)."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 512, len(data) // 200 + 1)
    dec = make_decoder(name)
    n_ev = n_beats = 0
    pos, i = 0, 0
    t0 = time.perf_counter()
    while pos < len(data):
        n = int(sizes[i % sizes.size])
        ev = dec.feed(data[pos:pos + n])
        n_ev += len(ev)
        n_beats += sum(isinstance(e, DeviceBeat) for e in ev)
        pos += n
        i += 1
    elapsed = time.perf_counter() - t0
    assert dec.stats.bytes_in == len(data)
    return elapsed, n_ev, n_beats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bytes", type=int, default=1_000_000, help="bytes per decoder")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    print(f"{'decoder':22s} {'bytes':>9s} {'MB/s':>7s} {'events':>8s} {'beats':>7s}")
    slow = []
    for name in PROTOCOLS:
        data = fuzz_bytes(name, args.bytes, args.seed)
        try:
            elapsed, n_ev, n_beats = run(name, data, args.seed)
        except Exception as exc:  # report which decoder broke, then fail
            print(f"{name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        print(f"{name:22s} {len(data):9d} {len(data) / elapsed / 1e6:7.2f} {n_ev:8d} {n_beats:7d}")
        if len(data) / elapsed < TARGET_LINK_MULTIPLE * FASTEST_LINK_BYTES_S:
            slow.append(name)
    print(f"reference: the fastest serial link {FASTEST_LINK_BYTES_S / 1e6:.3f} MB/s; target >= "
          f"{TARGET_LINK_MULTIPLE:g}x ({TARGET_LINK_MULTIPLE * FASTEST_LINK_BYTES_S / 1e6:.2f} MB/s) per decoder")
    if slow:
        print("FAIL: slower than the target: " + ", ".join(slow))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
