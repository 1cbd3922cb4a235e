"""Plain IBI text: accepted forms, units, rejection of implausible lines, accumulated times."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.protocols.ibi import IbiDecoder, IbiEncoder, parse_ibi_line
from biofeedback.core.types import DeviceBeat


@pytest.mark.parametrize(("line", "ms"), [
    ("812", 812.0), ("RR=812", 812.0), ("RR:812", 812.0), ("IBI=812", 812.0),
    ("IBI: 812", 812.0), ("Q812", 812.0), ("812.5", 812.5), ("0.812", 812.0), ("1.05", 1050.0),
])
def test_accepted_forms_and_units(line, ms):
    assert parse_ibi_line(line) == pytest.approx(ms)


@pytest.mark.parametrize("line", ["", "8120", "50", "-812", "+812", "0812", "RR 812", "rr=812",
                                  "812ms", "81 2", "RR=", "9.9999", "1e3"])
def test_implausible_or_malformed_lines_are_rejected(line):
    assert parse_ibi_line(line) is None


def test_beat_times_accumulate_the_intervals():
    dec = IbiDecoder()
    ev = dec.feed(b"junk\r\n800\r\nRR=900\r\nnoise\r\n0.75\r\n")
    beats = [e for e in ev if isinstance(e, DeviceBeat)]
    assert [(round(b.t_s, 9), b.ibi_ms) for b in beats] == [(0.8, 800.0), (1.7, 900.0),
                                                           (2.45, 750.0)]
    assert (dec.stats.lines_ok, dec.stats.lines_bad) == (3, 1)


def test_round_trip_intervals():
    rr = np.array([812.0, 790.0, 845.0, 900.0, 760.0])
    beat_t = np.concatenate(([0.4], 0.4 + np.cumsum(rr) / 1000))
    data = IbiEncoder(prefix="RR=", decimals=1).encode(np.array([]), np.array([]),
                                                     [(t, None) for t in beat_t])
    ev = IbiDecoder().feed(b"\n" + data)
    assert [e.ibi_ms for e in ev if isinstance(e, DeviceBeat)] == pytest.approx(rr.tolist())
