"""BF1 native protocol: grammar, checksum, clock unwrap, gaps, lost beats, encoder round trip."""

from __future__ import annotations

import numpy as np

from biofeedback.core.protocols import coalesce
from biofeedback.core.protocols.native import NativeDecoder, NativeEncoder, xor_checksum
from biofeedback.core.types import DeviceBeat, DeviceInfo, DeviceStatus, Gap, PpgBlock


def lines(*recs: str, checksum: bool = False) -> bytes:
    out = ["junk-partial-line"]
    for r in recs:
        out.append(f"{r}*{xor_checksum(r):02X}" if checksum else r)
    return ("\r\n".join(out) + "\r\n").encode()


def run(data: bytes) -> tuple[list, NativeDecoder]:
    dec = NativeDecoder()
    return coalesce(dec.feed(data)), dec


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def test_checksum_is_xor_of_bytes_before_star():
    # P,1000,512 -> computed by hand-independent reduce over the bytes
    body = "P,1000,512"
    x = 0
    for ch in body:
        x ^= ord(ch)
    assert xor_checksum(body) == x
    ev, dec = run(lines(body, checksum=True))
    assert of(ev, PpgBlock)[0].value.tolist() == [512.0]


def test_wrong_checksum_drops_the_line_and_counts_it():
    good = "P,1000,512"
    bad = f"P,1004,999*{xor_checksum('P,1004,513'):02X}"
    ev, dec = run(lines(good, bad, "P,1008,514"))
    assert np.concatenate([b.value for b in of(ev, PpgBlock)]).tolist() == [512, 514]
    assert dec.stats.lines_bad == 1 and dec.stats.lines_ok == 2


def test_header_sets_rate_and_range_and_rejects_out_of_range_values():
    ev, dec = run(lines("#BF1 device=uno-1 fs_hz=500 adc_max=1023 fw=1.2", "P,0,1023",
                        "P,2,1024", "#a comment"))
    info = of(ev, DeviceInfo)[0]
    assert (info.fs_hz, info.adc_max, info.device) == (500.0, 1023, "uno-1")
    assert of(ev, PpgBlock)[0].fs_hz == 500.0
    assert of(ev, PpgBlock)[0].value.tolist() == [1023.0]
    assert dec.stats.lines_bad == 1


def test_malformed_records_are_rejected():
    ev, dec = run(lines("P,+4,5", "P, 4,5", "P,-4,5", "X,4,5", "C,4,2", "P,4294967296,1",
                        "P,4,5,6", "#BF1 device=bad!id fs_hz=250 adc_max=1023"))
    assert ev == []
    assert dec.stats.lines_bad == 8


def test_clock_unwraps_across_2_pow_32():
    t0 = 2**32 - 8
    recs = [f"P,{(t0 + 4 * k) % 2**32},{k}" for k in range(5)]
    ev, _ = run(lines(*recs))
    t = of(ev, PpgBlock)[0].t_s
    assert np.allclose(np.diff(t), 0.004)
    assert t[0] == t0 / 1000.0
    assert of(ev, Gap) == []


def test_lost_samples_and_restart_are_reported_as_gaps():
    recs = ["#BF1 device=x fs_hz=250 adc_max=1023", "P,0,1", "P,4,1", "P,16,1", "P,2020,1",
            "P,2024,1", "P,8,1"]
    ev, _ = run(lines(*recs))
    gaps = of(ev, Gap)
    assert [g.reason for g in gaps] == ["lost_samples", "device_restart", "device_restart"]
    assert gaps[0].t_s == 0.004 and abs(gaps[0].duration_s - 0.008) < 1e-12
    assert gaps[2].duration_s is None  # clock went backwards
    t = np.concatenate([b.t_s for b in of(ev, PpgBlock)])
    assert np.all(np.diff(t) >= 0)  # time stays monotonic across the restart


def test_lost_beat_line_is_reported():
    recs = ["#BF1 device=x fs_hz=250 adc_max=1023", "P,1000,1", "I,1000,800", "I,1800,800",
            "I,3400,800"]  # the I at 2600 was lost
    ev, _ = run(lines(*recs))
    assert [b.t_s for b in of(ev, DeviceBeat)] == [1.0, 1.8, 3.4]
    gap = of(ev, Gap)[0]
    assert (gap.reason, gap.t_s, gap.duration_s) == ("lost_beat", 1.8, 1.6)


def test_contact_changes_become_status_events_once():
    ev, _ = run(lines("C,0,1", "C,5,1", "C,9,0", "C,20,0", "C,30,1"))
    st = of(ev, DeviceStatus)
    assert [(s.t_s, s.state) for s in st] == [(0.0, "ok"), (0.009, "finger_out"), (0.03, "ok")]


def test_overlong_line_is_dropped_and_next_line_kept():
    ev, dec = run(lines("#" + "x" * 200, "P,0,7"))
    assert of(ev, PpgBlock)[0].value.tolist() == [7.0]
    assert dec.stats.lines_bad == 1


def test_round_trip_gives_back_samples_and_beats_across_clock_wrap():
    fs = 250.0
    t = np.arange(2500) / fs  # 10 s
    v = np.round(500 + 300 * np.sin(2 * np.pi * 1.1 * t))
    beat_t = np.round(np.cumsum(np.full(11, 0.85)) + 0.013, 3)
    enc = NativeEncoder(fs_hz=fs, t0_ms=2**32 - 4000)  # wraps after 4 s
    data = b"".join(enc.encode(t[i:i + 333], v[i:i + 333],
                               [(b, None) for b in beat_t if t[i] <= b <= t[min(i + 332, 2499)]])
                    for i in range(0, t.size, 333))
    assert data.startswith(b"#BF1 ")
    ev, dec = run(b"\n" + data)  # a leading LF so the header is not taken as a partial line
    assert dec.stats.lines_bad == 0
    blocks = of(ev, PpgBlock)
    tt = np.concatenate([b.t_s for b in blocks])
    vv = np.concatenate([b.value for b in blocks])
    assert np.array_equal(vv, v)
    assert np.allclose(tt - tt[0], t, atol=1e-9)
    beats = of(ev, DeviceBeat)
    # no I line for the first beat (its predecessor is unknown)
    assert np.allclose([b.t_s - tt[0] for b in beats], beat_t[1:], atol=1e-9)
    assert np.allclose([b.ibi_ms for b in beats], 850.0)
    assert of(ev, Gap) == []
    assert of(ev, DeviceInfo)[0].fs_hz == fs


def test_example_in_the_written_spec_decodes_without_bad_lines():
    from pathlib import Path

    spec = Path(__file__).resolve().parents[2] / "firmware_notes" / "protocol.md"
    text = spec.read_text()
    example = text[text.index("```\n#BF1") + 4:]
    example = example[: example.index("```")]
    ev, dec = run(b"\n" + example.encode())
    assert dec.stats.lines_bad == 0 and dec.stats.lines_ok == 7
    assert [(b.t_s, b.ibi_ms) for b in of(ev, DeviceBeat)] == [(120.008, 832.0)]


def test_a_header_declaring_an_impossible_rate_is_a_damaged_line_not_a_setting():
    """fs_hz=1 broke the PPG filters in the source thread; 1e9 sized windows by gigabytes."""
    for fs in ("1", "9", "1000000000"):
        ev, dec = run(lines(f"#BF1 device=uno-1 fs_hz={fs} adc_max=1023", "P,0,500", "P,4,501"))
        assert of(ev, DeviceInfo) == []
        assert of(ev, PpgBlock)[0].fs_hz == 250.0  # the BF1 default until a valid header
        assert dec.stats.lines_bad == 1
    ev, _ = run(lines("#BF1 device=uno-1 fs_hz=10000 adc_max=1023", "P,0,500"))
    assert of(ev, DeviceInfo)[0].fs_hz == 10000.0
