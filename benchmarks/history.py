"""Benchmark: opening the history with 1,000 stored sessions, and raw storage per hour of 500 Hz PPG.

History: a store with 1,000 five-minute sessions (one a day, 300 beats each,
summaries and check-ins) is opened three ways, best of 3 each:
  * reference: a bare ``SELECT *`` of the same session rows with sqlite3;
  * ``SessionStore(path).list_sessions()`` (open, recovery check, decode rows);
  * the same plus building ``HistoryView`` (table + trend plots) and its first paint.
Goal: the view is ready in <= 1 s.

Storage: 10 simulated minutes of 500 Hz PPG (``PpgSynth``, 10-bit ADC values,
device clock in ms) written through a ``SessionWriter`` in 20 ms blocks with a
commit a second, extrapolated to one hour; the reference is the same samples
as the raw event log text (``record --raw``). Also the time spent storing.

Feeder latency: a source thread hands a 10-sample block to a ``SessionWriter``
every 2 ms for 6 s while the writer compresses and commits every 0.5 s and
another connection holds the write lock for 1.5 s of it; the p99 and max time
of ``add_events`` against the same loop appending to a plain list (reference).
Goal: the source thread never waits for a commit (max <= 5 ms).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/history.py``
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N_SESSIONS = 1000
BEATS_PER_SESSION = 300


def synthetic_beats(rng: np.random.Generator, amplitude_ms: float) -> tuple[np.ndarray, np.ndarray]:
    t, ts, rrs = 0.0, [], []
    for _ in range(BEATS_PER_SESSION):
        rr = 900 + amplitude_ms * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 10)
        t += rr / 1000
        ts.append(t)
        rrs.append(rr)
    return np.array(ts), np.array(rrs)


def build_store(path: Path) -> None:
    from biofeedback.core.summary.analysis import summarize
    from biofeedback.core.types import Beat
    from biofeedback.io.store import SessionStore

    rng = np.random.default_rng(0)
    templates = []
    for k in range(20):
        t, rr = synthetic_beats(rng, 15 + 3 * k)
        templates.append((t, rr, summarize([Beat(a, b) for a, b in zip(t, rr, strict=True)])))
    start = datetime(2023, 1, 1, 7, 30, tzinfo=timezone.utc)
    with SessionStore(path) as store:
        con = store.con
        con.execute("BEGIN")
        for i in range(N_SESSIONS):
            t, rr, summary = templates[i % len(templates)]
            began = start + timedelta(days=i, minutes=int(rng.integers(0, 600)))
            cur = con.execute(
                "INSERT INTO sessions (started_at, ended_at, status, source, protocol, name, pacer_bpm, "
                "summary_json) VALUES (?, ?, 'completed', 'Simulated sensor', 'native', ?, 6.0, ?)",
                (began.isoformat(timespec="seconds"), (began + timedelta(minutes=5)).isoformat(timespec="seconds"),
                 f"day {i}", json.dumps(summary)))
            sid = cur.lastrowid
            con.executemany("INSERT INTO beats (session_id, t_s, rr_ms, corrected, kind) VALUES (?, ?, ?, 0, 'normal')",
                            [(sid, a, b) for a, b in zip(t.tolist(), rr.tolist(), strict=True)])
            con.execute("INSERT INTO checkins (session_id, phase, stress, mood) VALUES (?, 'before', ?, ?)",
                        (sid, int(rng.integers(3, 9)), int(rng.integers(2, 7))))
            con.execute("INSERT INTO checkins (session_id, phase, stress, mood) VALUES (?, 'after', ?, ?)",
                        (sid, int(rng.integers(1, 6)), int(rng.integers(4, 9))))
        con.execute("COMMIT")


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def history_open_times(path: Path) -> tuple[float, float, float]:
    from PySide6.QtWidgets import QApplication

    from biofeedback.io.store import SessionStore
    from biofeedback.ui.history_view import HistoryView

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def bare() -> None:
        con = sqlite3.connect(path)
        con.execute("SELECT * FROM sessions").fetchall()
        con.close()

    def listing() -> None:
        with SessionStore(path) as store:
            store.list_sessions()

    def view() -> None:
        with SessionStore(path) as store:
            widget = HistoryView(store)
            widget.resize(1300, 800)
            widget.show()
            app.processEvents()
            widget.close()
            widget.deleteLater()
        app.processEvents()

    return best_of(3, bare), best_of(3, listing), best_of(3, view)


def storage_per_hour(folder: Path, seconds: float = 600.0) -> tuple[float, float, float, float]:
    """(store payload bytes/h, store file growth bytes/h, raw log text bytes/h, store CPU s/h)."""
    from biofeedback.core.simulation import ArtifactParams, PersonParams, PpgSynth, SimulatedPerson
    from biofeedback.core.types import DeviceInfo, PpgBlock
    from biofeedback.io.rawlog import format_events
    from biofeedback.io.store import SessionStore

    person = SimulatedPerson(PersonParams(), ArtifactParams(), seed=1)
    synth = PpgSynth(person, fs_hz=500.0, adc_max=1023, noise=0.01, seed=1)
    path = folder / "storage.sqlite3"
    text_bytes = 0
    with SessionStore(path) as store:
        store.begin_session().finish()  # the empty file's own pages
        store.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        empty = path.stat().st_size
        writer = store.begin_session("sim", "native", flush_period_s=3600)  # commits driven below
        writer.add_events([DeviceInfo("native", 500.0, 1023, "sim")])
        store_s = 0.0
        for k in range(int(seconds * 50)):
            t, v, _ = synth.step(10)
            block = PpgBlock(np.round(t * 1000) / 1000, np.round(v), 500.0)
            if k % 200 == 0:  # the text log of a sample of blocks, scaled up below
                text_bytes += len(format_events([block])) * 200
            start = time.perf_counter()
            writer.add_events([block])
            if k % 50 == 49:
                writer.flush()
            store_s += time.perf_counter() - start
        writer.finish()
        payload = store.raw_bytes(writer.session_id)
        store.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        grown = path.stat().st_size - empty
    scale = 3600.0 / seconds
    return payload * scale, grown * scale, text_bytes * scale, store_s * scale


def feeder_latency(folder: Path, seconds: float = 6.0) -> tuple[np.ndarray, np.ndarray]:
    """add_events call times (s) during commits and a foreign lock, and the plain-list reference."""
    from biofeedback.core.types import DeviceInfo, PpgBlock
    from biofeedback.io.store import SessionStore

    rng = np.random.default_rng(0)

    def run(append) -> np.ndarray:
        times, t0, k = [], time.perf_counter(), 0
        while time.perf_counter() - t0 < seconds:
            t = (np.arange(10) + 10 * k) / 500.0
            block = PpgBlock(t, np.round(512 + 200 * np.sin(t * 7) + rng.normal(0, 3, 10)), 500.0)
            start = time.perf_counter()
            append([block])
            times.append(time.perf_counter() - start)
            k += 1
            time.sleep(0.002)
        return np.array(times)

    path = folder / "feeder.sqlite3"
    with SessionStore(path) as store:
        writer = store.begin_session("sim", "native")
        writer.add_events([DeviceInfo("native", 500.0, 1023, "sim")])
        locker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)

        def hold_lock() -> None:
            time.sleep(2.0)
            locker.execute("BEGIN IMMEDIATE")
            time.sleep(1.5)
            locker.execute("ROLLBACK")

        holder = threading.Thread(target=hold_lock)
        holder.start()
        timed = run(writer.add_events)
        holder.join()
        writer.finish()
        locker.close()
    reference: list = []
    return timed, run(reference.extend)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "history.sqlite3"
        start = time.perf_counter()
        build_store(path)
        print(f"store with {N_SESSIONS} sessions x {BEATS_PER_SESSION} beats built in "
              f"{time.perf_counter() - start:.1f} s ({path.stat().st_size / 1e6:.1f} MB)")
        bare, listing, view = history_open_times(path)
        print(f"bare SELECT * of the session rows : {bare * 1e3:7.1f} ms (reference)")
        print(f"SessionStore open + list_sessions : {listing * 1e3:7.1f} ms ({listing / bare:.1f}x reference)")
        print(f"history view built and painted    : {view * 1e3:7.1f} ms ({view / bare:.1f}x reference)"
              f"  goal <= 1000 ms: {'ok' if view <= 1.0 else 'MISSED'}")
        payload, grown, text, cpu_s = storage_per_hour(folder)
        print(f"raw 500 Hz PPG per hour: {payload / 1e6:.2f} MB payload, {grown / 1e6:.2f} MB store file growth; "
              f"raw event log text {text / 1e6:.1f} MB ({text / grown:.1f}x the store)")
        print(f"storing it (append + encode + commit once a second): {cpu_s:.2f} s per hour of data "
              f"({100 * cpu_s / 3600:.3f} % of one core)")
        timed, reference = feeder_latency(folder)
        p99, worst = np.percentile(timed, 99) * 1e3, timed.max() * 1e3
        ref_p99, ref_worst = np.percentile(reference, 99) * 1e3, reference.max() * 1e3
        print(f"source thread add_events during commits and a 1.5 s foreign lock: p99 {p99:.3f} ms, "
              f"max {worst:.3f} ms; plain list.extend p99 {ref_p99:.3f} ms, max {ref_worst:.3f} ms "
              f"({worst / max(ref_worst, 1e-9):.1f}x)  goal max <= 5 ms: {'ok' if worst <= 5.0 else 'MISSED'}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
