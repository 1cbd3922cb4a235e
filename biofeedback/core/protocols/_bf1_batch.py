"""BF1 sample lines (``P,t_ms,value[*HH]``) read and written many at a time with NumPy.

A sensor sends 250-500 ``P`` lines a second and a simulated assessment pushes 150,000 through
the encoder and decoder; one Python call per line was most of their cost. These functions only
do the arithmetic for a run of sample lines; ``native.py`` decides which lines may take this
path and sends everything else (headers, beats, contact, damaged lines) through its per-line
code, so the events are the same either way (tests/core/test_protocols_native_batch.py).
"""

from __future__ import annotations

import re

import numpy as np

_LF, _STAR, _COMMA, _P = 10, 42, 44, 80
_SAMPLE = r"P,\d{1,10},\d{1,10}"  # the record grammar of native._RECORD for a P line
_RUN_CHECKED = re.compile(rf"{_SAMPLE}\*[0-9A-F]{{2}}(?:\n{_SAMPLE}\*[0-9A-F]{{2}})*", re.ASCII)
_RUN_PLAIN = re.compile(rf"{_SAMPLE}(?:\n{_SAMPLE})*", re.ASCII)
_POW10 = 10 ** np.arange(10, dtype=np.int64)
_HEX = np.zeros(256, np.int64)  # the value of an upper-case hex digit (the grammar has checked it)
_HEX[48:58] = np.arange(10)
_HEX[65:71] = np.arange(10, 16)
_WRAP_MS = 1 << 32


def parse_sample_run(lines: list[str]) -> tuple[np.ndarray, np.ndarray] | None:
    """``(t_raw, value)`` of lines that are each ``P,<1-10 digits>,<1-10 digits>``, all with a
    correct ``*HH`` checksum or all without, with ``t_raw < 2**32``; None if any line is not.

    Those are the lines ``NativeDecoder._line`` reads as samples before it looks at its state.
    """
    text = "\n".join(lines)
    checked = _RUN_CHECKED.fullmatch(text) is not None
    if not checked and _RUN_PLAIN.fullmatch(text) is None:
        return None
    b = np.frombuffer(text.encode("ascii"), np.uint8)
    commas = np.flatnonzero(b == _COMMA).reshape(-1, 2)
    lfs = np.flatnonzero(b == _LF)
    if checked:
        ends = np.flatnonzero(b == _STAR)  # where each body ends
        xor = np.bitwise_xor.accumulate(b)
        before = np.zeros(ends.size, np.uint8)  # XOR of everything before each line
        before[1:] = xor[lfs]
        if not np.array_equal(xor[ends - 1] ^ before, _HEX[b[ends + 1]] * 16 + _HEX[b[ends + 2]]):
            return None
    else:
        ends = np.append(lfs, b.size)
    # both numbers of every line at once: t_ms between the commas, the value after the second
    first = commas + 1
    end = np.column_stack((commas[:, 1], ends))
    t_raw, value = _read_uint(b.astype(np.int64) - 48, first.ravel(), end.ravel()).reshape(-1, 2).T
    if int(t_raw.max()) >= _WRAP_MS:
        return None
    return t_raw, value


def _read_uint(digits: np.ndarray, first: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The decimal number in ``digits[first:end]`` for each pair (at most 10 digits: int64)."""
    n = end - first
    k = np.arange(int(n.max()))  # digit k counted from the right
    has = k < n[:, None]
    return np.where(has, digits[np.where(has, end[:, None] - 1 - k, 0)], 0) @ _POW10[:k.size]


def _xor_of_digits_table(padded: bool) -> np.ndarray:
    """XOR of the ASCII digits of 0..9999, written as is or zero-padded to 4 digits (vectorised:
    built at import, which the app's launch waits for; a loop over the 10,000 strings took ~50 ms)."""
    x = np.arange(10000, dtype=np.int64)
    xor = np.zeros(10000, np.int64)
    for k in range(4):  # digit k counted from the right: written when padded, when x has it, or x = 0
        written = padded or k == 0 or (x >= 10**k)
        xor ^= np.where(written, 48 + x // 10**k % 10, 0)
    return xor


_XOR_4 = _xor_of_digits_table(padded=False)  # "7" -> 0x37
_XOR_4_PADDED = _xor_of_digits_table(padded=True)  # "0007" -> 0x37 (the zeros cancel in pairs)


def _xor_of_digits(x: np.ndarray) -> np.ndarray:
    """XOR of the ASCII digits of each ``0 <= x < 10**12`` written in decimal."""
    lo, mid, hi = x % 10000, x // 10000 % 10000, x // 100000000
    return np.where(x < 10000, _XOR_4[lo],
                    np.where(x < 100000000, _XOR_4[mid], _XOR_4[hi % 10000] ^ _XOR_4_PADDED[mid])
                    ^ _XOR_4_PADDED[lo])


def format_sample_lines(t_ms: np.ndarray, value: np.ndarray, checksum: bool) -> list[str]:
    """``P,t_ms,value`` lines ending in LF (and ``*HH`` when ``checksum``), as
    ``NativeEncoder._line`` writes them; ``0 <= t_ms < 2**32``, ``0 <= value < 10**12``."""
    t_list, v_list = t_ms.tolist(), value.tolist()
    if not checksum:
        return list(map("P,%d,%d\n".__mod__, zip(t_list, v_list, strict=True)))
    both = _xor_of_digits(np.concatenate((t_ms, value)))
    cs = (_P ^ both[:t_ms.size] ^ both[t_ms.size:]).tolist()  # the two commas cancel
    return list(map("P,%d,%d*%02X\n".__mod__, zip(t_list, v_list, cs, strict=True)))
