"""BF1's many-lines-at-once paths give exactly what the line-by-line paths give.

The encoder writes the sample lines of a chunk in one go and the decoder reads runs of sample
lines in one go (``_bf1_batch``); both fall back to one line at a time for anything else. Here
the same streams go through both ways (``BATCH_MIN_LINES`` raised out of reach turns the batch
paths off) and must agree byte for byte and event for event: clean streams, streams cut at
random, and streams damaged every way the grammar can be broken.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from biofeedback.core.protocols import _base, native
from biofeedback.core.protocols.native import NativeDecoder, NativeEncoder, xor_checksum

ONE_BY_ONE = 10**9


def plain(ev) -> tuple:
    """An event as comparable values (arrays as lists, types kept)."""
    fields = dataclasses.asdict(ev)
    return (type(ev).__name__, *(
        (v.dtype.str, v.tolist()) if isinstance(v, np.ndarray) else (type(v).__name__, v)
        for v in fields.values()))


def simulated_stream(seed: int, checksum: bool = True, t0_ms: int = 0, n_s: float = 30.0):
    """Chunks (t_s, values, beats, contact) of a pulse with beats, finger lifts and odd chunk sizes."""
    rng = np.random.default_rng(seed)
    t = np.arange(0.0, n_s, 1 / 500.0)
    v = 500 + 400 * np.sin(2 * np.pi * 1.2 * t) + rng.normal(0, 30, t.size)  # clipped at 0..1023 too
    v[rng.integers(0, t.size, 20)] = rng.choice([-50.0, 2000.0], 20)
    beats = np.sort(rng.uniform(0, n_s, int(n_s * 1.2)))
    lifts = np.sort(rng.uniform(0, n_s, 6))
    chunks, i = [], 0
    while i < t.size:
        n = int(rng.choice([1, 3, 7, 20, 125, 600, 2500]))
        lo, hi = t[i], t[min(i + n, t.size) - 1]
        bs = [(float(b), None if rng.random() < 0.7 else float(rng.uniform(200, 3000)))
              for b in beats[(beats >= lo) & (beats <= hi)]]
        cs = [(float(c), bool(k % 2)) for k, c in enumerate(lifts) if lo <= c <= hi]
        chunks.append((t[i:i + n], v[i:i + n], bs, cs))
        i += n
    return chunks


def encode(chunks, batch: bool, monkeypatch, **kw) -> list[bytes]:
    monkeypatch.setattr(native, "BATCH_MIN_LINES", 16 if batch else ONE_BY_ONE)
    enc = NativeEncoder(**kw)
    enc.header_period_s = 1.3  # headers often: more ticks with more than a P line
    return [enc.encode(*c) for c in chunks]


def decode(pieces: list[bytes], batch: bool, monkeypatch) -> tuple[list, tuple]:
    monkeypatch.setattr(native, "BATCH_MIN_LINES", 16 if batch else ONE_BY_ONE)
    dec = NativeDecoder()
    events = [[plain(e) for e in dec.feed(p)] for p in pieces]
    return events, (dataclasses.astuple(dec.stats), dec.suspect_beats, dec.fs_hz)


@pytest.mark.parametrize(("seed", "checksum", "t0_ms", "fs_hz"), [
    (1, True, 0, 250.0), (2, False, 0, 250.0), (3, True, 2**32 - 9_000, 500.0), (4, True, 7, 100.0)])
def test_encoder_writes_the_same_bytes_both_ways(monkeypatch, seed, checksum, t0_ms, fs_hz):
    chunks = simulated_stream(seed, checksum)
    kw = dict(checksum=checksum, t0_ms=t0_ms, fs_hz=fs_hz)
    batch, one = encode(chunks, True, monkeypatch, **kw), encode(chunks, False, monkeypatch, **kw)
    assert b"".join(batch).count(b"\nP,") >= 2999 and b"\nI," in b"".join(batch)
    assert batch == one


def test_the_batch_sample_line_has_the_per_line_checksum():
    from biofeedback.core.protocols._bf1_batch import format_sample_lines

    t_ms = np.array([0, 9, 10, 99, 100, 9999, 10000, 10007, 99999999, 100000000, 100000007, 2**32 - 1])
    v = np.array([0, 1, 10, 100, 1000, 1023, 65535, 7, 70, 700, 7000, 1])
    assert format_sample_lines(t_ms, v, True) == [
        f"P,{a},{b}*{xor_checksum(f'P,{a},{b}'):02X}\n" for a, b in zip(t_ms.tolist(), v.tolist(), strict=True)]


def damage(data: bytes, rng: np.random.Generator) -> bytes:
    """Every kind of trouble a serial line and a faulty device cause, at random places."""
    lines = data.split(b"\n")
    out = []
    for line in lines:
        r = rng.random()
        if r < 0.01:
            line = line.replace(b"P,", b"P,0", 1)  # a leading zero: valid, but not the batch grammar
        elif r < 0.02 and len(line) > 3:  # a flipped byte: a bad checksum or a broken field
            k = int(rng.integers(0, len(line)))
            line = line[:k] + bytes([int(rng.integers(32, 127))]) + line[k + 1:]
        elif r < 0.025:
            continue  # a lost line: lost samples, a lost beat
        elif r < 0.03:
            line += b"\r"
        elif r < 0.033:
            line = bytes(rng.integers(0, 256, int(rng.integers(1, 200)), dtype=np.uint8))  # noise
        elif r < 0.035 and line.startswith(b"P,"):
            line = b"P,99999999999,1"  # too many digits
        elif r < 0.037 and line.startswith(b"P,"):
            line = b"P,4294967296,5"  # past the 32-bit clock
        elif r < 0.039 and line.startswith(b"P,"):
            body = line.split(b"*")[0].rsplit(b",", 1)[0] + b",1024"  # over adc_max
            line = body + b"*%02X" % xor_checksum(body.decode())
        elif r < 0.040:
            line = line.split(b"*")[0]  # the checksum missing from one line
        elif r < 0.041:
            body = b"P,%d,1" % int(rng.integers(0, 2**32))  # the device restarts, or its clock jumps
            line = body + b"*%02X" % xor_checksum(body.decode())
        elif r < 0.0415:
            line = b"#BF1 device=other fs_hz=125 adc_max=4095"
        out.append(line)
    return b"\n".join(out)


@pytest.mark.parametrize("seed", range(6))
def test_decoder_gives_the_same_events_both_ways_on_clean_and_damaged_streams(monkeypatch, seed):
    rng = np.random.default_rng(100 + seed)
    chunks = simulated_stream(seed, checksum=seed % 3 != 2, t0_ms=[0, 2**32 - 5_000][seed % 2])
    data = b"".join(encode(chunks, True, monkeypatch, checksum=seed % 3 != 2,
                           t0_ms=[0, 2**32 - 5_000][seed % 2]))
    if seed >= 2:
        data = damage(data, rng)
    if seed == 5:
        data = data[data.index(b"\nP,", 5000):]  # no header: the rate is guessed from the steps
    cuts = np.sort(rng.integers(0, len(data), len(data) // 400))
    pieces = [data[a:b] for a, b in zip([0, *cuts.tolist()], [*cuts.tolist(), len(data)], strict=True)]
    batch, stats_b = decode(pieces, True, monkeypatch)
    one, stats_o = decode(pieces, False, monkeypatch)
    assert stats_b == stats_o
    assert batch == one
    kinds = {e[0] for evs in batch for e in evs}
    assert {"PpgBlock", "DeviceBeat"} <= kinds
    if seed >= 2:
        assert stats_b[0][2] > 0 and "Gap" in kinds  # the damage was seen


def test_decoder_agrees_on_random_bytes_and_bf1_shaped_garbage(monkeypatch):
    rng = np.random.default_rng(7)
    alphabet = np.frombuffer(b"P,0123456789*ABCDEF\n\r#IC", np.uint8)
    data = rng.choice(alphabet, 400_000).tobytes() + rng.integers(0, 256, 100_000, dtype=np.uint8).tobytes()
    cuts = np.sort(rng.integers(0, len(data), 300))
    pieces = [data[a:b] for a, b in zip([0, *cuts.tolist()], [*cuts.tolist(), len(data)], strict=True)]
    assert decode(pieces, True, monkeypatch) == decode(pieces, False, monkeypatch)


def reference_split(splitter_state: dict, data: bytes, max_line: int) -> list[str]:
    """The line splitter's rules one line at a time (docs/reference/sensor-protocols.md §0)."""
    buf = splitter_state["buf"] + data
    if not splitter_state["synced"]:
        i = buf.find(b"\n")
        if i < 0:
            splitter_state["buf"] = b""
            return []
        splitter_state["synced"], buf = True, buf[i + 1:]
    *lines, tail = buf.split(b"\n")
    out = []
    for line in lines:
        if splitter_state["overflow"]:
            splitter_state["overflow"] = False
            continue
        line = line[:-1] if line.endswith(b"\r") else line
        if len(line) <= max_line and line.isascii():
            out.append(line.decode())
    if len(tail) > max_line or splitter_state["overflow"]:
        splitter_state["overflow"] = splitter_state["overflow"] or len(tail) > max_line
        tail = b""
    splitter_state["buf"] = tail
    return out


def test_line_splitter_splits_whole_chunks_as_it_splits_line_by_line():
    rng = np.random.default_rng(11)
    words = [b"P,1,2", b"P,1,2\r", b"\r\r", b"", b"x" * 95, b"y" * 96, b"z" * 97, b"\xff\xfe", b"#BF1 a=b"]
    data = b"\n".join(words[int(k)] for k in rng.integers(0, len(words), 30_000))
    cuts = np.sort(rng.integers(0, len(data), 2_000))
    splitter = _base.LineSplitter(_base.DecoderStats(), 96)
    state = {"buf": b"", "synced": False, "overflow": False}
    for a, b in zip([0, *cuts.tolist()], [*cuts.tolist(), len(data)], strict=True):
        assert splitter.split(data[a:b]) == reference_split(state, data[a:b], 96)
