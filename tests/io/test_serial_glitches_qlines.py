"""`--protocol auto` on a device that prints only PulseSensor's beat lines (``B<bpm>``, ``Q<ibi>``), no
``S`` samples, over a real pty in virtual time: it is an interval stream (ibi) and its beats are kept.

Taken for the PulseSensor visualizer, whose beats are timed by counting S lines, every beat was
dropped and the recording said "0 beats" with exit status 0.
"""

from __future__ import annotations

import sys

import pytest
from test_autodetect_slow import pty_pair, run_slow_device  # noqa: F401 (pty_pair is a fixture)

from biofeedback.core.types import DeviceBeat
from biofeedback.io.source import CONNECTED

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")


@pytest.mark.parametrize("lines", [
    [b"B68\r\nQ886\r\n", b"B66\r\nQ902\r\n", b"B69\r\nQ871\r\n"],
    [b"Q886\r\n", b"Q902\r\n", b"Q871\r\n"],
], ids=["B and Q", "Q only"])
def test_beat_lines_without_samples_are_read_as_intervals(pty_pair, lines):  # noqa: F811
    master, path = pty_pair
    events, states = run_slow_device(master, path, lines,
                                     lambda e, s: sum(isinstance(x, DeviceBeat) for x in e) >= 5)
    connected = [s for _, s in states if s.state == CONNECTED]
    assert connected and connected[0].message.endswith("(ibi)")
    beats = [e for e in events if isinstance(e, DeviceBeat)]
    assert len(beats) >= 5 and {b.ibi_ms for b in beats} <= {886.0, 902.0, 871.0}
