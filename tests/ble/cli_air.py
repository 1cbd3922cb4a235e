"""A virtual strap for the command line (run as a subprocess, or in the test's process).

``BIOFEEDBACK_BLE_BACKEND=cli_air:backend`` (with this folder on PYTHONPATH)
makes ``biofeedback record --ble`` and ``ports --ble`` use an in-process air
with one strap on it, playing the simulated person in real time, as
``loop://`` stands in for a serial port. ``strap_plan`` gives the test the
same notifications. With ``BIOFEEDBACK_TEST_STRAP=h10`` the strap is a
virtual Polar H10 (``h10_plan``: its ECG and accelerometer frames too).
``BIOFEEDBACK_TEST_TRUTH=OUT.csv`` writes the truth of the beats the strap
sends (as ``simulate --truth`` does for the serial simulator): each beat's
time on the strap's clock, its true interval and the interval sent (1/1024 s).
"""

from __future__ import annotations

import asyncio
import math
import os

from air import Air
from virtual_strap import Schedule, VirtualStrap, schedule

DURATION_S = 30.0


def strap_plan() -> Schedule:
    """A heart swinging with 6/min breathing (a sine of RR: no SciPy to import in the subprocess)."""
    beats, t = [], -3.0  # beats before the first notification: it carries several intervals at once
    while t < DURATION_S + 5:
        t += 0.85 + 0.08 * math.sin(2 * math.pi * t / 10.0)
        beats.append(t)
    return schedule(beats, DURATION_S, period_s=0.5)  # a strap that notifies twice a second


def write_truth(path: str, plan: Schedule) -> None:
    """time_s,rr_ms,rr_sent_ms of every beat the strap sends an interval for."""
    every = plan.beat_t_s
    with open(path, "w", encoding="utf-8") as out:
        out.write("time_s,rr_ms,rr_sent_ms\n")
        for note in plan.notifications:
            for t, raw in zip(note.beat_t_s, note.rr_raw, strict=True):
                previous = every[every.index(t) - 1]
                out.write(f"{t:.6f},{(t - previous) * 1000:.3f},{raw * 1000 / 1024:.6f}\n")


def h10_plan():
    from virtual_h10 import record_person  # SciPy, the simulated person: only for an H10

    return record_person(12.0)


def backend():
    # in the test's process (tests/cli_inprocess.py) the test's own air, which it closes after the call
    air = Air.current if Air.current is not None else Air()
    if os.environ.get("BIOFEEDBACK_TEST_STRAP") == "h10":
        from virtual_h10 import VirtualH10

        strap: VirtualStrap = VirtualH10(air)
        notes = h10_plan().notes()
    else:
        plan = strap_plan()
        strap, notes = VirtualStrap(air), plan.notifications
        if os.environ.get("BIOFEEDBACK_TEST_TRUTH"):
            write_truth(os.environ["BIOFEEDBACK_TEST_TRUTH"], plan)
    asyncio.run_coroutine_threadsafe(strap.play(notes, speed=1.0), air.loop)
    return air.backend
