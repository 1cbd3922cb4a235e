"""The coach view where the system lets a program keep few files open.

A Linux desktop starts a program with a soft limit of 1,024 open files and macOS with 256;
each client's four inlets hold ~44 sockets, so 30 clients used to end in "could not create
stream inlet" tracebacks (seen as a normal user; root here has 20,000). The coach raises its
own limit as far as the system allows; past that, a stream it cannot open says why on its
tile, and is read once files are free again. Real processes: the clients' outlets in one (as
on other computers), the coach's reader in another whose limit the test sets.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import uuid

import pytest

from biofeedback.io.open_files import open_files_limit, raise_open_files_limit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no per-process limit of open files")
N_CLIENTS = 4

CLIENTS = textwrap.dedent("""
    import sys, time
    from biofeedback.io.lsl_outlets import LslOutlets
    tag, n = sys.argv[1], int(sys.argv[2])
    outlets = [LslOutlets(f"{tag} c{i}", f"{tag} c{i}") for i in range(n)]
    print("ready", flush=True)
    while sys.stdin.readline():  # until the test closes stdin
        pass
""")

COACH = textwrap.dedent("""
    import json, os, resource, sys, time
    from biofeedback.io.coach_reader import CoachReader
    tag, n = sys.argv[1], int(sys.argv[2])
    reader = CoachReader(only=tag, poll_s=0.05, resolve_s=0.2)
    reader.start()
    raised = resource.getrlimit(resource.RLIMIT_NOFILE)
    # room for a few inlets (each holds 4-11 sockets) beside what is open now, not for sixteen
    resource.setrlimit(resource.RLIMIT_NOFILE, (len(os.listdir("/proc/self/fd")) + 20, raised[1]))
    errors, state = [], {}

    def poll(until, timeout_s):
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for key, r in reader.readers().items():
                news = r.take()
                errors.extend(text for _, text in news.errors)
                state[key] = (news.open_inlets, news.problems)
            if len(state) == n and until():
                return True
            time.sleep(0.05)
        return False

    starved = lambda: any(p for _, p in state.values())
    print(json.dumps({"found": poll(starved, 30), "state": state, "errors": errors}), flush=True)
    resource.setrlimit(resource.RLIMIT_NOFILE, raised)  # files free again
    all_read = lambda: all(k == 4 and not p for k, p in state.values())
    print(json.dumps({"found": poll(all_read, 30), "state": state, "errors": errors}), flush=True)
    reader.stop(2.0)
""")


def test_raising_the_limit_never_lowers_it_and_stops_at_the_hard_limit():
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))
        assert raise_open_files_limit(100) == 256  # never lowered
        assert raise_open_files_limit(300) == 300
        if hard != resource.RLIM_INFINITY:
            assert raise_open_files_limit(hard + 1000) == hard
        assert open_files_limit() == resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the coach process counts its files in /proc")
def test_streams_past_the_limit_say_why_and_are_read_once_files_are_free():
    tag = f"files{uuid.uuid4().hex[:6]}"
    clients = subprocess.Popen([sys.executable, "-c", CLIENTS, tag, str(N_CLIENTS)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert clients.stdout.readline().strip() == "ready", clients.stderr.read()
        coach = subprocess.run([sys.executable, "-c", COACH, tag, str(N_CLIENTS)],
                               capture_output=True, text=True, timeout=120)
    finally:
        clients.stdin.close()
        clients.wait(timeout=30)
    assert coach.returncode == 0, coach.stderr[-3000:]
    short, free = (json.loads(line) for line in coach.stdout.splitlines()[-2:])
    assert short["found"], short
    problems = [text for _, texts in short["state"].values() for text in texts.values()]
    assert problems and all("ulimit -n" in text and "not read (" in text for text in problems), problems
    assert short["errors"] == []  # a sentence on the tile, no traceback
    assert free["found"], free  # every client's four streams read once files are free
    assert free["errors"] == []
    assert "Traceback" not in coach.stderr
