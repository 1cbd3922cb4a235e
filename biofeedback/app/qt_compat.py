"""Work around a binding bug that would abort the app after a minute of drawing.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` on every call
of a C++ method that returns void (QPainter.drawLine, setPen, ...; measured:
-1000 per 1000 calls, 6.11.3 does not), and one reference to ``True`` or
``False`` on every ``Signal.emit``. These singletons are not immortal before
CPython 3.12 (PEP 683), so a plot redrawn at 60 Hz reaches a refcount of 0
within a minute and CPython aborts ("none_dealloc", "bool_dealloc"). The real
fix is a PySide6 other than 6.12.0 or Python >= 3.12; until then
``guard_none_refcount`` measures the leak at startup and, only if present,
gives the three singletons reference counts so large (2**50) that they cannot
run out in the life of the process.
"""

from __future__ import annotations

import ctypes
import sys

_BUFFER = 1 << 50
_guarded = False


def none_refcount_leaks() -> bool:
    """True when a void Qt call loses a reference to None (measured, not guessed)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    obj = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        obj.setObjectName("x")  # returns void
        obj.ping.emit()  # returns bool
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    return any(a - b <= -150 for a, b in zip(after, before, strict=True))


def guard_none_refcount() -> bool:
    """Apply the workaround once if the leak is present; returns True when applied."""
    global _guarded
    if _guarded:
        return True
    if not none_refcount_leaks():
        return False
    # CPython < 3.12: ob_refcnt is the first field of every PyObject.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BUFFER
    _guarded = True
    return True
