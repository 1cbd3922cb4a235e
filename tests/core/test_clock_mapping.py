"""The one device->host clock mapping: least-latency estimate over a window, and its pinned form."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.clock_mapping import DeviceClockMapping, PinnedClockMapping
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.types import Beat, Gap, PpgBlock


def test_the_estimate_is_the_least_latency_of_the_last_window_and_moves_both_ways() -> None:
    clock = DeviceClockMapping(window_s=5.0)
    assert clock.offset_s is None and clock.to_host(1.0) is None and clock.pinned() is None
    assert clock.observe(10.0, 100.3) == pytest.approx(90.3)
    assert clock.observe(11.0, 101.1) == pytest.approx(90.1)  # less latency wins
    assert clock.observe(12.0, 102.5) == pytest.approx(90.1)
    assert clock.observe(17.0, 107.45) == pytest.approx(90.45)  # 90.1 left the window: up
    assert clock.observe(17.5, 107.55) == pytest.approx(90.05)  # a quick arrival: down again
    assert clock.to_host(20.0) == pytest.approx(110.05) and clock.to_device(110.05) == pytest.approx(20.0)
    assert clock.last_device_t_s == 17.5


def test_pinned_mapping_keeps_one_offset_so_mapped_times_never_run_backwards() -> None:
    clock = DeviceClockMapping()
    clock.observe(10.0, 100.1)
    pinned = clock.pinned()
    assert isinstance(pinned, PinnedClockMapping) and pinned.offset_s == pytest.approx(90.1)
    clock.observe(10.5, 99.0 + 1.5)  # the estimate moves; the pinned mapping does not
    assert clock.offset_s == pytest.approx(90.0) and pinned.offset_s == pytest.approx(90.1)
    np.testing.assert_allclose(pinned.to_host_array(np.array([11.0, 12.0])), [101.1, 102.1])
    assert pinned.to_device(pinned.to_host(3.0)) == pytest.approx(3.0)


def test_outputs_are_observed_at_their_last_sample_or_beat_and_a_gap_restarts_the_window() -> None:
    clock = DeviceClockMapping()
    clock.observe_output(PipelineOutput(ppg=[PpgBlock(np.array([1.0, 1.01]), np.array([0.0, 1.0]), 100.0)]), 5.0)
    assert clock.offset_s == pytest.approx(3.99)
    clock.observe_output(PipelineOutput(beats=[Beat(2.0, 900.0, False)]), 5.5)
    assert clock.offset_s == pytest.approx(3.5) and clock.last_device_t_s == 2.0
    clock.observe_output(PipelineOutput(gaps=[Gap(2.0, None, "device_restart")]), 5.6)
    assert clock.offset_s == pytest.approx(3.5)  # kept until the next arrival ...
    clock.observe(0.5, 6.0)  # ... which starts the window again (a restarted device clock)
    assert clock.offset_s == pytest.approx(5.5)
