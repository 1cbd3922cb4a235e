"""For tests that drive a ``ManualClock`` while real threads (a reader, a device, a replay) work.

The clock moves only when the test moves it; between moves the test waits, in real time, for the
threads to be done with what the clock allowed (waiting on the clock again, a state said, bytes
read). ``wait_for`` is that wait, with a hang guard instead of a pass/fail on speed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

HANG_GUARD_S = 30.0  # real seconds a wait may take before the test fails as hung


def wait_for(predicate: Callable[[], object], what: str, context: object = "") -> None:
    """Return once ``predicate()`` is true; fail saying ``what`` (and ``context``) after HANG_GUARD_S."""
    deadline = time.monotonic() + HANG_GUARD_S
    while not predicate():
        assert time.monotonic() < deadline, f"waited {HANG_GUARD_S} s for {what}; {context}"
        time.sleep(0.001)
