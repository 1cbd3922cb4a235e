"""A stream's declared settings checked before use, and against the time stamps it carries.

The LSL inlet source (``io/lsl_source.py``) and the XDF reader (``io/xdf.py``)
both take a stream's own word for its sample rate, channel count and value
format. Taken on trust, that word cost gigabytes: a stream declaring 1e9 Hz
made liblsl's inlet buffer and the PPG detector's windows (both sized by rate)
take 3-8 GB; 0 Hz killed the ECG source's thread and made the PPG pipeline
raise on every chunk. Here every setting is checked first:

- ``declared_problem``: channel count (1..STREAM_MAX_CHANNELS), a numeric
  format, and a rate that is finite, not negative, at most
  STREAM_MAX_RATE_HZ and, for PPG and ECG, fast enough for their detectors. A
  problem is one sentence for the user; the stream is not read.
- A PPG or ECG stream declaring **0 Hz** (LSL's "irregular rate") is read
  when its time stamps are regular: the rate is estimated from them
  (``estimate_rate``: STREAM_RATE_REGULAR_SHARE of the steps within
  STREAM_RATE_REGULAR_TOLERANCE of the median step, over STREAM_RATE_CHECK_S).
  Stamps that are not regular (a bridge stamping a whole chunk at once) are
  refused with a sentence saying so: the beat detectors need a fixed rate.
- A declared rate is **checked against the stamps** (``measured_rate``): more
  than STREAM_RATE_MISMATCH_RATIO away either way is refused (the sender's
  settings are wrong, so are its beats). ``RateCheck`` does this live.
- ``inlet_buffer``: liblsl's buffer is sized by time (LSL_SOURCE_BUFFER_S)
  and capped in bytes (LSL_SOURCE_BUFFER_BYTES), never by the rate alone.

Pure NumPy: no liblsl here, so the checks are tested without a network.
"""

from __future__ import annotations

import math

import numpy as np

from biofeedback import config

NUMERIC_FORMATS = frozenset({"float32", "double64", "int8", "int16", "int32", "int64"})
FORMAT_BYTES = {"float32": 4, "double64": 8, "int8": 1, "int16": 2, "int32": 4, "int64": 8, "string": 8}
SAMPLE_OVERHEAD_BYTES = 64  # liblsl's per-sample bookkeeping (stamp, refcount, pool links), roughly
MIN_RATE_HZ = {"ppg": config.STREAM_MIN_PPG_RATE_HZ, "ecg": config.STREAM_MIN_ECG_RATE_HZ}
KIND_WORDS = {"ppg": "a PPG", "ecg": "an ECG", "rr": "an RR/IBI"}
MIN_STEPS_TO_ESTIMATE = 20  # fewer time steps say nothing about a rate


class InputWarning(UserWarning):
    """Something the user should know about a file that was still read (a damaged XDF file)."""


def needs_rate(kind: str) -> bool:
    """PPG and ECG are sampled waves: their detectors need a sample rate. RR streams do not."""
    return kind in MIN_RATE_HZ


def declared_problem(what: str, kind: str, rate_hz: float, n_channels: int, fmt: str,
                     used_channel: int = 0) -> str | None:
    """Why a stream's declared settings cannot be read (one sentence), or None when they can.

    ``what`` names the stream ("The LSL stream 'finger PPG'"); ``fmt`` is LSL's format name
    (float32, double64, int8..int64, string); ``used_channel`` the channel that will be read.
    """
    kind_word = KIND_WORDS.get(kind, "a")
    if not 1 <= n_channels <= config.STREAM_MAX_CHANNELS:
        return (f"{what} declares {n_channels} channels; {kind_word} stream is read with 1 to "
                f"{config.STREAM_MAX_CHANNELS} channels.")
    if fmt not in NUMERIC_FORMATS:
        return f"{what} carries {'text' if fmt == 'string' else repr(fmt)} values, not numbers; it cannot be read."
    if not 0 <= used_channel < n_channels:
        return (f"{what} describes its interval channel as channel {used_channel + 1} "
                f"but has {n_channels} channel{'' if n_channels == 1 else 's'}; it cannot be read.")
    if not math.isfinite(rate_hz) or rate_hz < 0:
        return f"{what} declares an impossible sample rate ({rate_hz:g} Hz); it cannot be read."
    if rate_hz > config.STREAM_MAX_RATE_HZ:
        return (f"{what} declares {rate_hz:g} Hz, which no pulse or heart sensor samples at "
                f"(at most {config.STREAM_MAX_RATE_HZ:g} Hz is read); its sender is set up wrongly.")
    low = MIN_RATE_HZ.get(kind)
    if low is not None and 0 < rate_hz < low:
        return (f"{what} declares {rate_hz:g} Hz; {kind_word} stream needs at least {low:g} Hz "
                "for beat detection.")
    return None


def _steps(t_s: np.ndarray) -> np.ndarray:
    """Time steps between finite stamps, without breaks (pauses in sending) and backward steps."""
    t = np.asarray(t_s, dtype=float)
    t = t[np.isfinite(t)]
    d = np.diff(t)
    return d[(d >= 0) & (d <= config.STREAM_BREAK_S)]


def measured_rate(t_s: np.ndarray) -> float | None:
    """Samples a second the stamps show (steps over their sum, breaks left out); None when unknown."""
    d = _steps(t_s)
    span = float(d.sum())
    if d.size < MIN_STEPS_TO_ESTIMATE or span <= 0:
        return None
    return d.size / span


def estimate_rate(t_s: np.ndarray) -> tuple[float | None, str]:
    """(rate, "") from regular time stamps, or (None, why not) for a sentence."""
    d = _steps(t_s)
    if d.size < MIN_STEPS_TO_ESTIMATE:
        return None, f"it sent only {d.size + 1} time-stamped samples to estimate a rate from"
    median = float(np.median(d))
    if median <= 0:
        return None, "many of its samples share one time stamp, so its sample rate cannot be known"
    regular = np.abs(d / median - 1.0) <= config.STREAM_RATE_REGULAR_TOLERANCE
    share = float(np.count_nonzero(regular)) / d.size
    if share < config.STREAM_RATE_REGULAR_SHARE:
        return None, (f"its time stamps are irregular ({share:.0%} of the steps near the typical "
                      f"{median * 1000:.3g} ms), so its sample rate cannot be known")
    rate = d.size / float(d.sum())
    if abs(rate * median - 1.0) > config.STREAM_RATE_REGULAR_TOLERANCE:  # bunched stamps
        return None, "its time stamps come in bunches, so its sample rate cannot be known"
    return rate, ""


def rate_problem(what: str, kind: str, declared_hz: float, t_s: np.ndarray) -> tuple[float | None, str | None]:
    """(the rate to use, None) or (None, why the stream is refused) from its declared rate and stamps.

    A declared rate is checked against the stamps when they show one; 0 Hz for PPG or ECG is
    replaced by the rate the stamps show when they are regular. RR streams need no rate.
    """
    if not needs_rate(kind):
        return declared_hz, None
    if declared_hz > 0:
        seen = measured_rate(t_s)
        ratio = config.STREAM_RATE_MISMATCH_RATIO
        if seen is not None and not declared_hz / ratio <= seen <= declared_hz * ratio:
            return None, (f"{what} declares {declared_hz:g} Hz but its time stamps show {seen:.4g} samples "
                          "a second; its sender is set up wrongly, so its beats would be wrong.")
        return declared_hz, None
    rate, why = estimate_rate(t_s)
    if rate is None:
        return None, (f"{what} declares no sample rate (0 Hz) and {why}; "
                      f"{KIND_WORDS[kind]} stream needs a regular sample rate.")
    low = MIN_RATE_HZ[kind]
    if not low <= rate <= config.STREAM_MAX_RATE_HZ:
        return None, (f"{what} declares no sample rate (0 Hz) and its time stamps show {rate:.4g} Hz; "
                      f"{KIND_WORDS[kind]} stream is read at {low:g} to {config.STREAM_MAX_RATE_HZ:g} Hz.")
    return rate, None


class RateCheck:
    """A live stream's rate, checked (or estimated) over its first STREAM_RATE_CHECK_S of stamps.

    ``feed(t_s)`` returns None until decided; then ``rate_hz`` holds the rate to use, or
    ``problem`` the sentence. While a 0 Hz stream's rate is unknown its stamps are kept, at
    most as many as STREAM_MAX_RATE_HZ gives in the window (more refuses the stream).
    """

    def __init__(self, what: str, kind: str, declared_hz: float,
                 window_s: float = config.STREAM_RATE_CHECK_S) -> None:
        self.what, self.kind, self.declared_hz, self.window_s = what, kind, declared_hz, window_s
        self.rate_hz: float | None = declared_hz if declared_hz > 0 or not needs_rate(kind) else None
        self.problem: str | None = None
        self.done = not needs_rate(kind)
        self._cap = int(config.STREAM_MAX_RATE_HZ * window_s * 2) + MIN_STEPS_TO_ESTIMATE
        self._kept: list[np.ndarray] = []
        self._n = 0
        self._covered_s = 0.0
        self._last: float | None = None

    def feed(self, t_s: np.ndarray) -> bool:
        """Take a chunk's stamps; True once decided (then see ``rate_hz`` / ``problem``)."""
        if self.done:
            return True
        t = np.asarray(t_s, dtype=float)
        t = t[np.isfinite(t)]
        if not t.size:
            return False
        self._kept.append(t)
        self._n += t.size
        steps = np.diff(t if self._last is None else np.concatenate([[self._last], t]))
        self._covered_s += float(steps[(steps > 0) & (steps <= config.STREAM_BREAK_S)].sum())
        self._last = float(t[-1])
        if self._n > self._cap:
            self._decide_flood()
        elif self._covered_s >= self.window_s:
            self._decide()
        return self.done

    def _decide_flood(self) -> None:
        self.done, self.rate_hz = True, None
        self.problem = (f"{self.what} sent {self._n} samples within {self._covered_s:.3g} s of time stamps, "
                        f"more than {config.STREAM_MAX_RATE_HZ:g} Hz; it cannot be read.")
        self._kept = []

    def _decide(self) -> None:
        t = np.concatenate(self._kept)
        self._kept = []
        self.done = True
        self.rate_hz, self.problem = rate_problem(self.what, self.kind, self.declared_hz, t)


def sized_buffer(n_channels: int, fmt: str, rate_hz: float, seconds: float, max_bytes: int,
                 irregular_hz: float) -> tuple[int, int]:
    """(liblsl buffer length, samples it holds): ``seconds`` of data at the rate (at
    ``irregular_hz`` for 0 Hz), at most ``max_bytes``.

    liblsl counts buffer lengths in seconds for a stream with a rate and in hundreds of samples
    for one without, and allocates by them: an inlet's 30 s at a declared 1e7 Hz took 3.1 GB,
    an outlet's 60 s at 1e7 Hz 2.4 GB.
    """
    per_sample = max(1, n_channels) * FORMAT_BYTES.get(fmt, 8) + SAMPLE_OVERHEAD_BYTES
    by_memory = max(1, max_bytes // per_sample)
    if rate_hz > 0:
        samples = min(seconds * rate_hz, by_memory)
        buflen = max(1, int(samples // rate_hz))
        return buflen, max(1, int(buflen * rate_hz))
    samples = min(seconds * irregular_hz, by_memory)
    buflen = max(1, int(samples // 100))
    return buflen, buflen * 100


def inlet_buffer(n_channels: int, fmt: str, rate_hz: float) -> tuple[int, int]:
    """(liblsl ``max_buflen``, samples it holds) for an inlet: LSL_SOURCE_BUFFER_S, at most
    LSL_SOURCE_BUFFER_BYTES."""
    return sized_buffer(n_channels, fmt, rate_hz, config.LSL_SOURCE_BUFFER_S, config.LSL_SOURCE_BUFFER_BYTES,
                   config.LSL_SOURCE_IRREGULAR_SIZING_HZ)


def outlet_buffer(n_channels: int, fmt: str, rate_hz: float) -> int:
    """liblsl ``max_buffered`` for one of our outlets: LSL_MAX_BUFFERED_S (for an irregular stream
    LSL_MAX_BUFFERED_S hundred samples, as before), at most LSL_OUTLET_BUFFER_BYTES."""
    return sized_buffer(n_channels, fmt, rate_hz, config.LSL_MAX_BUFFERED_S, config.LSL_OUTLET_BUFFER_BYTES, 100.0)[0]


def pull_max_samples(n_channels: int) -> int:
    """Samples one pull may return: LSL_SOURCE_PULL_MAX_SAMPLES, fewer for a wide stream."""
    by_memory = config.LSL_SOURCE_BUFFER_BYTES // (8 * max(1, n_channels) * 8)
    return int(max(1, min(config.LSL_SOURCE_PULL_MAX_SAMPLES, by_memory)))
