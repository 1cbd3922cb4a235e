"""Text protocols and their glitches, byte by byte: PulseSensor beat lines alone, IBI values and lines
that are no number."""

from __future__ import annotations

from biofeedback.core.protocols import detect_protocol
from biofeedback.core.protocols.ibi import IbiDecoder
from biofeedback.core.protocols.pulsesensor import PulseSensorVisualizerDecoder
from biofeedback.core.types import DeviceBeat, Gap


def text(*lines: str) -> bytes:
    return ("\r\n" + "\r\n".join(lines) + "\r\n").encode("ascii")


Q_ONLY = text(*[f"Q{850 + 10 * (k % 3)}" for k in range(6)])
B_AND_Q = text(*[line for k in range(6) for line in (f"B{70 + k % 3}", f"Q{850 + 10 * (k % 3)}")])


def test_pulsesensor_beat_lines_without_samples_are_an_ibi_stream():
    assert detect_protocol(Q_ONLY).protocol == "ibi"
    assert detect_protocol(B_AND_Q).protocol == "ibi"
    visualizer = text(*[line for k in range(20) for line in ([f"S{500 + k}"] + (["B70", "Q850"] if k % 5 == 4
                                                                              else []))])
    assert detect_protocol(visualizer).protocol == "pulsesensor"  # S lines: still the visualizer


def test_pulsesensor_decoder_does_not_count_beat_lines_it_cannot_time_as_parsed():
    dec = PulseSensorVisualizerDecoder()
    assert dec.feed(B_AND_Q) == []
    assert (dec.stats.lines_ok, dec.stats.lines_bad) == (0, 12)  # so the source says none parsed, and
    # what the bytes look like


def test_ibi_decoder_reads_beat_lines_and_passes_over_bpm_lines():
    dec = IbiDecoder()
    beats = [e for e in dec.feed(B_AND_Q) if isinstance(e, DeviceBeat)]
    assert [b.ibi_ms for b in beats] == [850.0, 860.0, 870.0] * 2
    assert (dec.stats.lines_ok, dec.stats.lines_bad) == (11, 1)  # (the B line before the first Q: no sign yet)


def test_a_five_digit_glitch_is_an_interval_and_a_line_that_is_no_number_is_counted():
    dec = IbiDecoder()
    ev = dec.feed(text("800", "65535", "810", "abc", "-800", "", "820"))
    beats = [e for e in ev if isinstance(e, DeviceBeat)]
    assert [b.ibi_ms for b in beats] == [800.0, 65535.0, 810.0, 820.0]  # the interval rule makes 65535 a gap
    assert (dec.stats.lines_ok, dec.stats.lines_bad) == (5, 2)  # (an empty line is no glitch)
    lost = [e for e in ev if isinstance(e, Gap)]
    assert [(g.t_s, g.reason) for g in lost] == [(67.145, "lost_beat")] * 2
