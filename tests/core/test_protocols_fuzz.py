"""10^6 random bytes through every decoder: no exception, no beat invented, all bytes counted.

(How fast they decode is measured in benchmarks/fuzz_decoders.py, which fails below its target.)
"""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from biofeedback.core.protocols import PROTOCOLS, make_decoder
from biofeedback.core.types import DeviceBeat, PpgBlock

N_BYTES = 1_000_000


@pytest.mark.slow(about_s=0.2)  # a second in all
@pytest.mark.parametrize("name", list(PROTOCOLS))
def test_million_random_bytes_decode_without_error_or_beats(name):
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    data = rng.integers(0, 256, N_BYTES, dtype=np.uint8).tobytes()
    sizes = rng.integers(1, 700, N_BYTES // 300)
    dec = make_decoder(name)
    pos = i = 0
    beats = samples = 0
    while pos < len(data):
        n = int(sizes[i % sizes.size])
        for ev in dec.feed(data[pos:pos + n]):
            beats += isinstance(ev, DeviceBeat)
            samples += len(ev) if isinstance(ev, PpgBlock) else 0
        pos += n
        i += 1
    assert beats == 0
    assert dec.stats.bytes_in == N_BYTES
