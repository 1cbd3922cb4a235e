"""Run the ``biofeedback`` command inside the test's process, as ``subprocess.run`` would run it.

A subprocess spends ~2 CPU-s importing SciPy before the command starts; the pytest worker has
it imported already. ``run_cli(*argv)`` calls ``biofeedback.__main__.main`` and returns what
``subprocess.run(..., capture_output=True, text=True)`` would: the exit status (argparse's
``SystemExit`` becomes its code, an uncaught exception a traceback on stderr and status 1),
stdout and stderr as text (``\\r`` read as a line end, as text mode does). For the call:

- ``env`` replaces the whole environment (as subprocess's ``env=`` does), ``cwd`` the folder;
  both, and any variable the command sets (``LSLAPICFG``, ``QT_QPA_PLATFORM``), are put back;
- warnings are shown on stderr under Python's own default filters (not pytest's), once per place
  per call, and ``main``'s ``InputWarning`` hook on ``warnings.showwarning`` is taken off again;
- log records at WARNING and above go to stderr as bare messages, as Python's last-resort handler
  prints them when nothing configured logging (a handler the command adds to the root or the
  ``biofeedback`` logger fails the test: it would outlive the call here);
- signal handlers the command installs (``record``, ``replay``, ``simulate`` catch SIGTERM) are put
  back;
- a file descriptor or a non-daemon thread the command leaves behind, or a Qt application it
  makes, fails the test: a process would close or wait for it at exit, the test's process would
  carry it into the next test (a QGuiApplication there stops any later widget test);
- ``peak_rss_growth_mb`` is how far the process's peak resident memory rose above its size at the
  start of the call (Linux: the peak is reset through /proc/self/clear_refs), a stand-in for a
  child's own peak.

What needs a real process stays one: signals, two processes on one store, the interpreter's
start-up (``--version``, what is imported). The PDF/PNG reports paint in the test's Qt application
(the ``qapp`` fixture; ``export`` alone makes its own), in English for the call (ui/report.py).
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import os
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# Python's warning filters at start-up without -W or PYTHONWARNINGS (pytest changes them per test)
_PYTHON_DEFAULT_FILTERS: tuple[tuple[Literal["default", "ignore"], type[Warning], str], ...] = (
    ("default", DeprecationWarning, "__main__"),
    ("ignore", DeprecationWarning, ""),
    ("ignore", PendingDeprecationWarning, ""),
    ("ignore", ImportWarning, ""),
    ("ignore", ResourceWarning, ""),
)
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGPIPE") if hasattr(signal, name))


@dataclass(frozen=True)
class Completed:
    """The fields of ``subprocess.CompletedProcess`` that the tests read."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    peak_rss_growth_mb: float | None = None


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, like a pipe: ``.buffer`` exists, ``isatty()`` is False."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="backslashreplace", write_through=True)

    def text(self) -> str:
        self.flush()
        raw = self.buffer.getvalue().decode("utf-8", errors="replace")  # type: ignore[attr-defined]
        return raw.replace("\r\n", "\n").replace("\r", "\n")  # subprocess's text mode reads universal newlines


def _memory_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))
    except (OSError, StopIteration, ValueError):
        return None


def _reset_peak_rss() -> int | None:
    """The resident size now, with the kernel's peak (VmHWM) set back to it; None where that cannot be done."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return None
    return _memory_kb("VmRSS")


def _qt_application() -> object | None:
    core = sys.modules.get("PySide6.QtCore")
    return None if core is None else core.QCoreApplication.instance()


def _log_handlers() -> list[logging.Handler]:
    return [*logging.getLogger().handlers, *logging.getLogger("biofeedback").handlers]


def _open_fds() -> set[str]:
    try:
        return set(os.listdir("/proc/self/fd"))
    except OSError:  # not Linux: no check
        return set()


@contextlib.contextmanager
def _environment(env: Mapping[str, str] | None, cwd: str | os.PathLike | None) -> Iterator[None]:
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        yield
    finally:
        os.chdir(saved_cwd)
        if dict(os.environ) != saved_env:
            os.environ.clear()
            os.environ.update(saved_env)


@contextlib.contextmanager
def _signal_handlers() -> Iterator[None]:
    saved = {sig: signal.getsignal(sig) for sig in _SIGNALS}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            if signal.getsignal(sig) is not handler and handler is not None:
                signal.signal(sig, handler)


@contextlib.contextmanager
def _warnings_and_logs_to(stderr: _Stream) -> Iterator[None]:
    def show(message, category, filename, lineno, file=None, line=None) -> None:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))

    handler = logging.StreamHandler(stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger()
    with warnings.catch_warnings():  # puts the filters and showwarning back on leaving
        warnings.resetwarnings()
        for action, category, module in reversed(_PYTHON_DEFAULT_FILTERS):
            warnings.filterwarnings(action, category=category, module=module)
        warnings.showwarning = show
        root.addHandler(handler)
        try:
            yield
        finally:
            root.removeHandler(handler)


def run_cli(*args: str | os.PathLike, env: Mapping[str, str] | None = None,
            cwd: str | os.PathLike | None = None, input: str = "") -> Completed:
    """``biofeedback ARGS`` run here; see the module docstring for what is set and put back."""
    from biofeedback.__main__ import main

    argv = [str(a) for a in args]
    stdout, stderr = _Stream(), _Stream()
    fds_before = _open_fds()
    threads_before = set(threading.enumerate())
    had_qt_application = _qt_application() is not None
    handlers_before = _log_handlers()
    rss_before_kb = _reset_peak_rss()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    with _environment(env, cwd), _signal_handlers(), _warnings_and_logs_to(stderr):
        sys.stdin, sys.stdout, sys.stderr = io.StringIO(input), stdout, stderr
        try:
            code: object = main(argv)
        except SystemExit as done:
            code = done.code
        except BaseException:  # noqa: BLE001 - what the interpreter would print before exiting 1
            traceback.print_exc(file=stderr)
            code = 1
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved_streams
    peak_kb = _memory_kb("VmHWM") if rss_before_kb is not None else None
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"): printed, status 1
        stderr.write(f"{code}\n")
        code = 1
    assert _log_handlers() == handlers_before, f"biofeedback {' '.join(argv)} configured logging"
    assert had_qt_application or _qt_application() is None, (
        f"biofeedback {' '.join(argv)} made a Qt application: run it as a subprocess")
    _fail_on_leaks(argv, fds_before, threads_before)
    growth_mb = None if peak_kb is None or rss_before_kb is None else (peak_kb - rss_before_kb) / 1024
    return Completed(["biofeedback", *argv], code, stdout.text(), stderr.text(), growth_mb)


def _fail_on_leaks(argv: list[str], fds_before: set[str], threads_before: set[threading.Thread]) -> None:
    gc.collect()  # objects the command dropped close their files now, as at a process's exit
    left = [t for t in threading.enumerate() if t not in threads_before and t.is_alive() and not t.daemon]
    fds = {fd: target for fd in _open_fds() - fds_before
           if (target := _target(fd)) is not None}  # None: listdir's own, closed since
    assert not left, f"biofeedback {' '.join(argv)} left threads running: {[t.name for t in left]}"
    assert not fds, f"biofeedback {' '.join(argv)} left files open: {sorted(fds.values())}"


def _target(fd: str) -> str | None:
    try:
        return str(Path("/proc/self/fd", fd).readlink())
    except OSError:
        return None
