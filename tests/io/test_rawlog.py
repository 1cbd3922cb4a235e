"""The raw event log keeps every event and survives a crash mid-row."""

from __future__ import annotations

import io

import numpy as np
import pytest

from biofeedback.core.types import (
    DeviceBeat,
    DeviceInfo,
    DeviceStatus,
    Gap,
    PpgBlock,
    PulseDirectionChosen,
)
from biofeedback.io.rawlog import RawEventWriter, RawLogError, read_raw_events


def sample_events():
    t = np.arange(0, 1, 0.004)
    return [
        DeviceInfo(protocol="native", fs_hz=250.0, adc_max=1023, device="sim"),
        PulseDirectionChosen(-1),
        PpgBlock(t, np.round(500 + 100 * np.sin(2 * np.pi * t)), 250.0),
        DeviceBeat(0.812, 804.0),
        PulseDirectionChosen(None),
        DeviceStatus(0.9, "finger_out"),
        Gap(1.0, 2.5, "disconnected"),
        DeviceBeat(3.6, None),
        DeviceBeat(4.1, None, ectopic=True),  # an ECG R peak whose QRS was not a normal beat's
    ]


def write(events) -> str:
    buf = io.StringIO()
    RawEventWriter(buf).write(events)
    return buf.getvalue()


def test_round_trip_keeps_every_event():
    events = sample_events()
    back = read_raw_events(io.StringIO(write(events)))
    assert [type(e) for e in back] == [type(e) for e in events]
    np.testing.assert_allclose(back[2].t_s, events[2].t_s, atol=1e-6)
    np.testing.assert_allclose(back[2].value, events[2].value)
    assert back[2].fs_hz == 250.0
    assert back[:2] == events[:2]
    assert back[3:] == events[3:]


def test_row_cut_by_a_crash_is_ignored_and_the_rest_kept():
    text = write(sample_events())
    cut = text[: text.rindex("beat,3.6") + 5]  # the last row is half written
    back = read_raw_events(io.StringIO(cut))
    assert isinstance(back[-1], Gap)
    assert len(back[2]) == 250


def test_a_direction_row_names_what_was_chosen_or_the_log_is_damaged_there():
    text = write(sample_events())
    assert "\ndirection,,,inverted\n" in text and "\ndirection,,,auto\n" in text
    with pytest.raises(RawLogError, match="line 4"):
        read_raw_events(io.StringIO(text.replace("direction,,,inverted", "direction,,,sideways")))


def test_damage_in_the_middle_is_reported_with_its_line():
    lines = write(sample_events()).split("\n")
    lines[10] = "ppg,zz,1,"
    with pytest.raises(RawLogError, match="line 11"):
        read_raw_events(io.StringIO("\n".join(lines)))


def test_foreign_file_is_refused():
    with pytest.raises(RawLogError, match="not a biofeedback raw event log"):
        read_raw_events(io.StringIO("time,value\n1,2\n"))


def test_samples_logged_before_any_header_keep_the_rate_they_were_sampled_at():
    """Times printed to 1 ms gave 249.99999999999977 Hz, and analyze's beats then differed from
    the live ones (the detector's sample counts follow the rate)."""
    rows = "".join(f"ppg,{k * 0.004:.3f},{500 + k % 7},\n" for k in range(1250))
    events = read_raw_events(io.StringIO("# biofeedback raw events v1\nkind,t_s,value,detail\n" + rows))
    (block,) = [e for e in events if isinstance(e, PpgBlock)]
    assert block.fs_hz == 250.0


def test_samples_before_any_header_split_by_status_rows_share_one_rate():
    """A record started mid-stream on a loaded machine logged samples one at a time between
    status rows before the header came: each block of one sample was given 1 Hz, and analyze
    refused the file ("PPG at 1 Hz is too slow")."""
    rows = []
    for k in range(40):
        rows.append(f"ppg,{10 + k * 0.004:.3f},{500 + k % 7},")
        if k % 2 == 0:
            rows.append(f"status,{10 + k * 0.004:.3f},,link_damaged")
    rows += ["info,0,250,protocol=native;device=sim;adc_max=1023;polarity=1", "ppg,10.160,503,", "ppg,10.164,504,"]
    text = "# biofeedback raw events v1\nkind,t_s,value,detail\n" + "\n".join(rows) + "\n"
    blocks = [e for e in read_raw_events(io.StringIO(text)) if isinstance(e, PpgBlock)]
    assert len(blocks) == 22 and {b.fs_hz for b in blocks} == {250.0}
