"""Coach view over real LSL on loopback: three `record --lsl` clients, each reading a simulator.

Real `record` subprocesses, real pylsl outlets and inlets, the real Qt event loop. Each simulated
sensor is the app's own (``SensorSimulator`` served by ``serve`` on a pty, as `simulate` serves
it) in a thread of the test's process: three `simulate` processes would add a SciPy import
(some 1.5 CPU-s) each and nothing under test (the `simulate` command: tests/cli).
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import threading
import time
import uuid

import numpy as np
import pytest

from biofeedback.app.coach_model import CoachModel
from biofeedback.io.simulator import (
    SensorSimulator,
    ServeOptions,
    SimulatorSettings,
    open_virtual_port,
    serve,
)
from biofeedback.ui.coach.window import CoachWindow

BF = [sys.executable, "-m", "biofeedback"]


def read_beats(path) -> np.ndarray:
    if not os.path.exists(path):
        return np.empty((0, 3))
    with open(path, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r.get("corrected") not in (None, "")]
    return np.array([[float(r["time_s"]), float(r["rr_ms"]), float(r["corrected"])] for r in rows]).reshape(-1, 3)


class Clients:
    """Simulators on ptys, and one `record --lsl` client reading each."""

    def __init__(self, tmp_path, tag: str) -> None:
        self.tmp_path, self.tag = tmp_path, tag
        self.records, self.ports, self.serving = {}, [], []
        self.halt = threading.Event()
        for i, hr in enumerate((58, 72, 86)):  # as `simulate --hr HR --seed i+1 --breathing-rate 6` serves
            sim = SensorSimulator(SimulatorSettings(hr_bpm=hr, seed=i + 1, breathing_bpm=6.0, noise=0.01))
            port = open_virtual_port()
            thread = threading.Thread(target=serve, args=(sim, port, ServeOptions(), self.halt),
                                      name=f"simulated sensor {i}", daemon=True)
            thread.start()
            self.serving.append((thread, port))
            self.ports.append(port.path)
        for i in range(3):
            self.start(i)

    def name(self, i: int) -> str:
        return f"{self.tag} client {i}"

    def beats_path(self, i: int, run: int = 0):
        return self.tmp_path / f"beats{i}_{run}.csv"

    def start(self, i: int, run: int = 0) -> None:
        self.records[i] = subprocess.Popen(
            [*BF, "record", "--port", self.ports[i], "--protocol", "native", "--no-store", "--lsl",
             "--name", self.name(i), "--out", str(self.beats_path(i, run))],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def kill(self, i: int) -> None:
        self.records[i].send_signal(signal.SIGKILL)
        self.records[i].wait(5)

    def close(self) -> None:
        for p in self.records.values():
            if p.poll() is None:
                p.terminate()
        for p in self.records.values():
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
        self.halt.set()
        for thread, port in self.serving:
            thread.join(timeout=10)
            port.close()


@pytest.fixture
def clients(tmp_path):
    c = Clients(tmp_path, f"t{uuid.uuid4().hex[:6]}")
    yield c
    c.close()


RR_TAIL = 5  # the RR stream's newest intervals that find its newest beat among a client's stored beats


def stored_row(stored: np.ndarray, rr_tail: list[float]) -> int | None:
    """The row of ``stored`` (a beats file) that ends the intervals ``rr_tail`` in the same order, or None."""
    k = len(rr_tail)
    for m in range(stored.shape[0] - 1, k - 2, -1):
        if np.allclose(stored[m - k + 1:m + 1, 1], rr_tail, atol=2e-3):
            return m
    return None


def ours(model: CoachModel, clients: Clients) -> dict[int, object]:
    by_name = {c.name: c for c in model.clients.values()}
    return {i: by_name[clients.name(i)] for i in range(3) if clients.name(i) in by_name}


@pytest.mark.slow(about_s=30)
def test_three_clients_tiles_hr_rr_lost_and_back(qtbot, clients, request):
    model = CoachModel(only=clients.tag)
    # stopped also when an assertion fails: its LSL readers would go on opening sockets in this
    # worker, which the in-process CLI tests that follow here count as files a command left open
    request.addfinalizer(model.stop)
    window = CoachWindow(model)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    model.start()

    def ready() -> bool:
        found = ours(model, clients)
        return len(found) == 3 and all(c.metrics.get("n_beats", 0) and len(c.beats) >= 8 for c in found.values())

    qtbot.waitUntil(ready, timeout=120_000)  # generous: six processes start on a shared machine
    assert len(window.tiles) == 3
    found = ours(model, clients)

    # The Metrics stream's HR = the client's own 3-beat HR from its stored beats, at the same beat count.
    # The tile shows each beat at once (LiveBeats, ahead of the corrected RR beats): its HR equals the
    # stored beats' 3-beat HR at that beat (no artifacts are simulated here: no beat gets corrected).
    # Each client's view is read first, then the three files are waited for together (each needs
    # three more beats written: one after the other, that was three times as long).
    seen = {}
    for i, client in found.items():
        qtbot.waitUntil(lambda client=client: bool(client.pending()), timeout=5000)
        window.refresh_all()
        n, hr_metrics = int(client.metrics["n_beats"]), client.metrics["hr_bpm"]
        shown = window.tiles[client.key].values["hr"].text()  # read now: waiting runs the event loop
        live_t, live_hr = client.pending()[-1][0], client.hr_bpm
        last_rr_t = client.beats[-1][0]
        rr_tail = [rr for _, rr, _, _ in list(client.beats)[-RR_TAIL:]]
        assert live_t > last_rr_t  # the live beat is ahead of the corrected ones
        seen[i] = n, hr_metrics, shown, live_t, live_hr, last_rr_t, rr_tail
    # each file holds the beats the Metrics stream counted and the RR stream's newest (the two streams
    # arrive apart: under load one was a beat ahead of the other)
    qtbot.waitUntil(lambda: all(len(read_beats(clients.beats_path(i))) >= seen[i][0] + 3
                                and stored_row(read_beats(clients.beats_path(i)), seen[i][6]) is not None
                                for i in seen), timeout=10_000)
    for i, (n, hr_metrics, shown, live_t, live_hr, last_rr_t, rr_tail) in seen.items():
        stored = read_beats(clients.beats_path(i))
        own_hr = 60000.0 / stored[n - 3:n, 1].mean()
        assert abs(hr_metrics - own_hr) < 1.0, (i, hr_metrics, own_hr)
        newest = stored_row(stored, rr_tail)  # the stored beat the RR stream's newest one is
        device_t = live_t - (last_rr_t - stored[newest, 0])
        j = int(np.argmin(np.abs(stored[:, 0] - device_t)))
        assert abs(stored[j, 0] - device_t) < 0.06, (i, stored[j, 0], device_t)
        own_live_hr = 60000.0 / stored[j - 2:j + 1, 1].mean()
        assert abs(live_hr - own_live_hr) < 1.0, (i, live_hr, own_live_hr)
        assert abs(float(shown) - live_hr) <= 0.5

    # the RR stream's intervals equal the client's stored beats, in order
    for i, client in found.items():
        beats = list(client.beats)  # one snapshot: more beats arrive while this waits for the file
        received = np.array([rr for _, rr, _, _ in beats])
        path, k = clients.beats_path(i), received.size
        qtbot.waitUntil(lambda path=path, k=k: len(read_beats(path)) >= k, timeout=5000)
        start = int(np.argmin(np.abs(read_beats(path)[:, 1] - received[0])))
        # the client writes its beats file as it goes: wait until it holds every beat the coach got
        qtbot.waitUntil(lambda path=path, n=start + k: len(read_beats(path)) >= n, timeout=10_000)
        stored = read_beats(path)
        np.testing.assert_allclose(received, stored[start:start + received.size, 1], atol=2e-3)
        flags = np.array([c for _, _, c, _ in beats], dtype=float)
        np.testing.assert_array_equal(flags, stored[start:start + received.size, 2])

    # a click enlarges one tile alone in larger type; another click brings the grid back
    from PySide6.QtCore import Qt

    key = found[1].key
    qtbot.mouseClick(window.tiles[key], Qt.MouseButton.LeftButton)
    assert window.enlarged == key
    assert [k for k, t in window.tiles.items() if t.isVisible()] == [key]
    assert window.tiles[key].values["hr"].font().pointSizeF() > 30
    qtbot.mouseClick(window.tiles[key], Qt.MouseButton.LeftButton)
    assert window.enlarged is None and all(t.isVisible() for t in window.tiles.values())

    # a killed client shows "lost" within 5 s, the others stay live
    victim = found[0]
    beats_before = len(victim.beats)
    killed_at = time.monotonic()
    clients.kill(0)
    qtbot.waitUntil(lambda: victim.lost, timeout=5000)
    lost_after_s = time.monotonic() - killed_at
    window.refresh_all()
    tile = window.tiles[victim.key]
    since = {time.strftime("%H:%M", time.localtime(t)) for t in (time.time() - lost_after_s - 1, time.time())}
    assert tile.state.text() in {f"lost since {hhmm}" for hhmm in since}  # the wall time of its last data
    assert {v.styleSheet() for v in tile.values.values()} == {f"color: {tile.theme.muted};"}  # greyed
    assert not found[1].lost and not found[2].lost
    print(f"lost shown {lost_after_s:.2f} s after the kill")

    # restarted under the same name: the same tile is live again and gets new beats
    clients.start(0, run=1)
    qtbot.waitUntil(lambda: not victim.lost and len(victim.beats) > beats_before + 3, timeout=30_000)
    window.refresh_all()
    assert not window.tiles[victim.key].state.text().startswith("lost")
    assert len(window.tiles) == 3
    model.stop()
