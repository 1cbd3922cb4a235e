"""Coach view under load: 30 clients on loopback LSL into one coach view, and its beat -> tile latency.

Default (about 50 s): **CPU and responsiveness with 30 clients.** A publisher child
process puts 30 simulated clients on loopback LSL with real pylsl outlets
(``io/lsl_outlets.LslOutlets``: each a beat a second or so on RR, LiveBeats and
Metrics, the pacer guide at 10 Hz); a coach child (offscreen Qt:
``CoachModel`` + ``CoachWindow`` at 1280 x 800, the path ``biofeedback coach``
takes) reads them. Measured in the coach child after every client has sent it
beats: process CPU in % of one core (all threads: the GUI, the readers,
liblsl's), the GUI event loop's lateness (``ui/loop_probe.py``, a 5 ms timer),
how many clients kept receiving beats while measured and how often a tile
turned "lost". References measured in the same run, one after another: the
same coach with **no client** (its fixed cost) and with **one client**.

Targets (the exit status is 1 when one is missed):

* per-client cost does not grow with the number of clients: (CPU with 30 - CPU
  with none) / 30 <= 2 x (CPU with 1 - CPU with none), the one-client figure
  floored at TARGET_MIN_PER_CLIENT_PCT (below it the difference is noise);
* the GUI event loop stays responsive with 30 clients: lateness p95 <= 16 ms
  (one 60 Hz frame);
* all 30 clients keep receiving beats and no tile turns "lost" or "no data" (greyed).

``--bad`` adds a client with a one-channel Pacer stream and one declaring
1e9 Hz to the 30 (their publisher then needs ~2 GB: liblsl sizes the 1e9 Hz outlet).

``--latency`` (about 70 s): the earlier figures, 12 ``biofeedback simulate --lsl``
clients (whole processes: simulator, pipeline, outlets) into one coach view:

1. **beat -> tile** (issue 14 target: p95 <= 500 ms): from the beat's own stamp
   on the client's LiveBeats stream (the systolic peak as the client detected
   it, on the shared local_clock) until the coach has redrawn that client's
   tile with it. Reference in the same run: the same stamp to its receipt by
   a bare inlet polled every 5 ms.
2. **push -> tile**: from a client's Metrics push until the tile is redrawn
   with it; reference: a plain inlet on one client's Metrics stream.
3. **corrected beat -> tile**: through the RR stream, with the artifact
   corrector's look-ahead of 2 beats.
4. **CPU** of the coach process in % of one core; reference: the mean CPU of one client.

    QT_QPA_PLATFORM=offscreen python benchmarks/coach.py [--clients 30] [--seconds 10] [--bad]
    QT_QPA_PLATFORM=offscreen python benchmarks/coach.py --latency [--clients 12] [--seconds 45]
        [--screenshot docs/screenshots/coach.png]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import uuid

import numpy as np
import psutil
import pylsl

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_PER_CLIENT_RATIO = 2.0  # coach CPU per client with 30 clients / with one client
TARGET_MIN_PER_CLIENT_PCT = 0.25  # the one-client cost is floored here: a smaller difference is noise
TARGET_BEAT_TO_TILE_P95_MS = 500.0  # --latency: a beat's peak to its tile redrawn (issue 14)
TARGET_LOOP_P95_MS = 16.0  # GUI event-loop lateness with 30 clients: one 60 Hz frame
WARMUP_MAX_S = 25.0  # the coach child waits at most this long for every client's first beats
SCALE_NAMES = ("Anna", "Ben", "Chloé", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas")


def scale_name(i: int, tag: str) -> str:
    return f"{SCALE_NAMES[i % len(SCALE_NAMES)]} {i:02d} {tag}"


def child_publish(n: int, tag: str, seconds: float, bad: bool) -> None:
    """``n`` simulated clients on LSL until ``seconds`` have passed or stdin closes."""
    from biofeedback import config
    from biofeedback.core.breathing.pacer import Pacer
    from biofeedback.core.types import Beat, MetricsUpdate, SignalQuality
    from biofeedback.io.lsl_outlets import PACER_CHANNELS, LslOutlets, make_info

    outlets = [LslOutlets(scale_name(i, tag), scale_name(i, tag), device="benchmark") for i in range(n)]
    pacers = [Pacer(rate_bpm=5.5 + 0.1 * (i % 6), t0_s=0.0) for i in range(n)]
    rr_ms = [60000.0 / (56 + (i * 7) % 40) for i in range(n)]
    next_beat = [0.5 + 0.03 * i for i in range(n)]
    n_beats = [0] * n
    extra = []
    if bad:
        for name, channels, rate in ((f"Bad one-channel {tag}", PACER_CHANNELS[:1], 10.0),
                                     (f"Bad 1e9 Hz {tag}", PACER_CHANNELS, 1e9)):
            bad_client = LslOutlets(name, name)  # its other streams are fine...
            bad_client.pacer = None  # ...its Pacer is the bad one
            extra.append((pylsl.StreamOutlet(make_info(name, name, "Pacer", "Pacer", channels, rate, "float32")),
                          len(channels)))
            outlets.append(bad_client)
            pacers.append(Pacer(rate_bpm=6.0, t0_s=0.0))
            rr_ms.append(800.0)
            next_beat.append(0.5)
            n_beats.append(0)
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    print("ready", flush=True)
    t0, period = time.monotonic(), 1.0 / config.LSL_PACER_RATE_HZ
    tick = 0
    cpu0 = time.process_time()
    while not stop.is_set() and time.monotonic() - t0 < seconds:
        tick += 1
        t = tick * period
        for i, out in enumerate(outlets):
            out.note_device_time(t)
            if i < n:  # a bad client's Pacer is its extra outlet below
                out.push_pacer(pacers[i].value(t), pacers[i].rate_bpm, t)
            while next_beat[i] <= t:
                beat = Beat(next_beat[i], rr_ms[i])
                n_beats[i] += 1
                out.push_live([beat.t_s], [beat])
                out.push_beats([beat], SignalQuality.GOOD)
                out.push_metrics(MetricsUpdate(t_s=beat.t_s, rmssd_ms=40.0, coherence_ratio=1.5),
                                 SignalQuality.GOOD, n_beats[i])
                next_beat[i] += rr_ms[i] / 1000.0
        for o, channels in extra:
            o.push_chunk([[0.5] * channels] * 10)
        stop.wait(max(0.0, t0 + (tick + 1) * period - time.monotonic()))
    wall = time.monotonic() - t0
    print(json.dumps({"cpu_percent": (time.process_time() - cpu0) / wall * 100}), flush=True)


def child_coach(tag: str, expect: int, seconds: float) -> None:
    """The coach window reading this run's clients; prints its figures as JSON."""
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.coach_model import CoachModel
    from biofeedback.ui.coach.window import CoachWindow
    from biofeedback.ui.loop_probe import LoopProbe

    app = QApplication.instance() or QApplication([])
    model = CoachModel(only=tag)
    window = CoachWindow(model, font_pt=12.0)
    window.resize(1280, 800)
    window.show()
    probe = LoopProbe()
    lost_turns: list[str] = []
    quiet_turns: list[str] = []  # greyed "no data" (2 s without a sample) while it was sending

    def on_update(key: str) -> None:
        client = model.clients[key]
        if client.lost and key not in seen_lost:
            seen_lost.add(key)
            lost_turns.append(key)
        elif not client.lost:
            seen_lost.discard(key)
        if getattr(client, "quiet", False) and key not in seen_quiet:
            seen_quiet.add(key)
            quiet_turns.append(key)
        elif not getattr(client, "quiet", False):
            seen_quiet.discard(key)

    seen_lost: set[str] = set()
    seen_quiet: set[str] = set()
    model.clientUpdated.connect(on_update)
    model.start()

    def run_for(s: float, until=None) -> float:
        t_end = time.monotonic() + s
        while time.monotonic() < t_end and not (until and until()):
            app.processEvents()
            time.sleep(0.002)
        return time.monotonic()

    def with_beats() -> list:
        return [c for c in model.clients.values() if len(c.beats) >= 2]

    t0 = time.monotonic()
    if expect:
        run_for(WARMUP_MAX_S, lambda: len(with_beats()) >= expect)
    run_for(2.0)  # settle: the tiles laid out, the first redraws done
    warmup_s = time.monotonic() - t0
    beats0 = {k: len(c.beats) for k, c in model.clients.items()}
    lost_turns.clear()
    quiet_turns.clear()
    me = psutil.Process()
    cpu0, wall0 = me.cpu_times(), time.monotonic()
    probe.begin()
    run_for(seconds)
    wall = time.monotonic() - wall0
    cpu1 = me.cpu_times()
    loop = probe.figures()
    kept = sum(1 for k, c in model.clients.items() if len(c.beats) > beats0.get(k, 0))
    result = {
        "cpu_percent": (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / wall * 100,
        "loop_p95_ms": loop["p95_ms"], "loop_max_ms": loop["max_ms"],
        "clients": len(model.clients), "tiles": len(window.tiles), "kept_receiving": kept,
        "lost_turns": len(lost_turns), "quiet_turns": len(quiet_turns), "errors": len(getattr(model, "errors", [])),
        "count": window.count.text() if hasattr(window, "count") else "",
        "notes": sorted({n for c in model.clients.values() for n in getattr(c, "notes", [])}),
        "warmup_s": warmup_s, "threads": me.num_threads(),
    }
    model.stop()
    print(json.dumps(result), flush=True)


def _run_pair(n: int, seconds: float, bad: bool) -> tuple[dict, dict | None]:
    """A publisher of ``n`` clients (none for n == 0) and a coach child reading them."""
    tag = f"s{uuid.uuid4().hex[:5]}"
    publisher = None
    if n:
        publisher = subprocess.Popen(
            [sys.executable, __file__, "--child", "publish", "--clients", str(n), "--tag", tag,
             "--seconds", str(seconds + WARMUP_MAX_S + 30)] + (["--bad"] if bad else []),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert publisher.stdout is not None and publisher.stdout.readline().strip() == "ready"
    try:
        proc = subprocess.run([sys.executable, __file__, "--child", "coach", "--tag", tag,
                               "--clients", str(n + (2 if bad and n else 0)), "--seconds", str(seconds)],
                              capture_output=True, text=True, timeout=seconds + WARMUP_MAX_S + 60)
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        if proc.returncode != 0 or not lines:
            raise SystemExit(f"coach child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        coach = json.loads(lines[-1])
    finally:
        pub = None
        if publisher is not None:
            out, _ = publisher.communicate("", timeout=30)  # stdin closed: it stops and reports
            pub_lines = [ln for ln in out.splitlines() if ln.startswith("{")]
            pub = json.loads(pub_lines[-1]) if pub_lines else None
    return coach, pub


def scale(args: argparse.Namespace) -> int:
    n, seconds = args.clients or 30, args.seconds or 10.0
    idle, _ = _run_pair(0, seconds, False)
    one, _ = _run_pair(1, seconds, False)
    many, pub = _run_pair(n, seconds, args.bad)
    n_read = max(1, many["clients"])  # the clients the coach actually reads (an older coach read 12 at most)
    floor = TARGET_MIN_PER_CLIENT_PCT
    per_one = one["cpu_percent"] - idle["cpu_percent"]
    per_many = (many["cpu_percent"] - idle["cpu_percent"]) / n_read
    ratio = per_many / max(per_one, floor)
    print(f"coach view, {seconds:.0f} s measured per run, {os.cpu_count()} cores shared with other work "
          f"(load average {os.getloadavg()[0]:.2f})")
    print(f"  {n + (2 if args.bad else 0)} clients: coach CPU {many['cpu_percent']:5.1f} % of one core, {many['threads']} threads; "
          f"GUI loop lateness p95 {many['loop_p95_ms']:.1f} ms, max {many['loop_max_ms']:.1f} ms "
          f"(target p95 <= {TARGET_LOOP_P95_MS:g} ms)")
    print(f"      clients read {many['clients']}, tiles {many['tiles']}, kept receiving beats {many['kept_receiving']}, "
          f"turned 'lost' {many['lost_turns']}, 'no data' {many.get('quiet_turns', 0)}, errors {many['errors']}; "
          f"warm-up {many['warmup_s']:.1f} s")
    print(f"      count line: {many['count']!r}")
    for note in many["notes"]:
        print(f"      tile note: {note!r}")
    if pub:
        print(f"      (the publisher of the {n} clients, another process: {pub['cpu_percent']:.1f} % of one core)")
    print(f"reference, no client: coach CPU {idle['cpu_percent']:5.1f} %; loop p95 {idle['loop_p95_ms']:.1f} ms")
    print(f"reference, 1 client:  coach CPU {one['cpu_percent']:5.1f} %; loop p95 {one['loop_p95_ms']:.1f} ms")
    print(f"  per client: {per_one:.2f} % with 1, {per_many:.2f} % with {n_read}: ratio {ratio:.2f} "
          f"(target <= {TARGET_PER_CLIENT_RATIO:g}; one client floored at {floor:g} %)")
    good = n  # every good client keeps receiving beats (the bad ones' RR streams do too)
    ok = (ratio <= TARGET_PER_CLIENT_RATIO and many["loop_p95_ms"] <= TARGET_LOOP_P95_MS
          and many["kept_receiving"] >= good and many["lost_turns"] == 0 and many.get("quiet_turns", 0) == 0
          and many["errors"] == 0)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


NAMES = ("Anna", "Ben", "Chloé", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kim", "Lena")


def client_name(i: int, tag: str) -> str:
    return f"{NAMES[i % len(NAMES)]} {tag}".strip()


def start_clients(n: int, tag: str) -> list[subprocess.Popen]:
    procs = []
    for i in range(n):
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "biofeedback", "simulate", "--lsl", "--name", client_name(i, tag),
             "--hr", str(56 + 3 * i), "--seed", str(i + 1), "--breathing-rate", f"{5.5 + 0.1 * (i % 6):.1f}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    return procs


def bare_transport_delays(sid: str, stop: threading.Event, out: list[float]) -> None:
    found = pylsl.resolve_byprop("source_id", sid, 1, 10.0)
    if not found:
        return
    inlet = pylsl.StreamInlet(found[0])
    inlet.open_stream(5.0)
    while not stop.is_set():
        _, stamps = inlet.pull_chunk(timeout=0.0)
        now = pylsl.local_clock()
        out.extend(now - t for t in stamps)
        time.sleep(0.005)


def _pct(x: np.ndarray, q: float) -> float:
    """A percentile, NaN when nothing was measured (a machine too busy for the clients to send)."""
    return float(np.percentile(x, q)) if x.size else float("nan")


def latency(args: argparse.Namespace) -> int:
    """The beat -> tile latency run: 12 `simulate --lsl` clients (whole processes) into one coach view."""

    from PySide6.QtWidgets import QApplication

    from biofeedback.app.coach_model import CoachModel
    from biofeedback.io.lsl_outlets import source_id
    from biofeedback.ui.coach.window import CoachWindow

    tag = f"b{uuid.uuid4().hex[:4]}" if args.tag is None else args.tag
    app = QApplication.instance() or QApplication([])
    clients = start_clients(args.clients, tag)
    model = CoachModel(only=tag)
    window = CoachWindow(model, font_pt=12.0)
    window.resize(1600, 1000)
    window.show()
    push_delays, beat_delays, live_delays, seen = [], [], [], {}
    measuring = [False]

    def on_update(key: str) -> None:  # connected after the window: runs once its tile is redrawn
        c = model.clients[key]
        now = pylsl.local_clock()
        last_m, last_b, last_l = seen.get(key, (None, None, None))
        beat_t = c.beats[-1][0] if c.beats else None
        live_t = c.live[-1][0] if c.live else None
        if measuring[0]:
            if live_t is not None and last_l is not None and live_t != last_l:  # every beat since
                live_delays.extend(now - b[0] for b in c.live if b[0] > last_l)
            if c.metrics_t_s is not None and c.metrics_t_s != last_m:
                push_delays.append(now - c.metrics_t_s)
            if beat_t is not None and beat_t != last_b:
                beat_delays.append(now - beat_t)
        seen[key] = (c.metrics_t_s, beat_t, live_t)

    model.clientUpdated.connect(on_update)
    model.start()
    stop = threading.Event()
    bare: list[float] = []
    bare_live: list[float] = []
    me = psutil.Process()
    kids = [psutil.Process(p.pid) for p in clients]
    try:
        t_end = time.monotonic() + args.warmup
        while time.monotonic() < t_end:
            app.processEvents()
            time.sleep(0.005)
        found = sum(1 for c in model.clients.values() if c.beats)
        ref = threading.Thread(target=bare_transport_delays,
                               args=(source_id(client_name(0, tag), "Metrics"), stop, bare), daemon=True)
        ref.start()
        ref_live = threading.Thread(target=bare_transport_delays,
                                    args=(source_id(client_name(0, tag), "LiveBeats"), stop, bare_live), daemon=True)
        ref_live.start()
        measuring[0] = True
        cpu0, kid0, wall0 = me.cpu_times(), [k.cpu_times() for k in kids], time.monotonic()
        t_end = wall0 + args.seconds
        while time.monotonic() < t_end:
            app.processEvents()
            time.sleep(0.005)
        wall = time.monotonic() - wall0
        cpu1, kid1 = me.cpu_times(), [k.cpu_times() for k in kids]
        stop.set()
        ref.join(2.0)
        ref_live.join(2.0)
        if args.screenshot:
            window.refresh_all()
            app.processEvents()
            window.grab().save(args.screenshot)
    finally:
        model.stop()
        for p in clients:
            p.terminate()
        for p in clients:
            p.wait(10)
    ref_cpu = [(b.user + b.system - a.user - a.system) for a, b in zip(kid0, kid1, strict=True)]
    coach_cpu = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / wall * 100
    # the reference thread runs in this process too: its cost is in coach_cpu (an upper bound)
    client_cpu = float(np.mean(ref_cpu)) / wall * 100
    pd, bd, rd = (np.array(x) * 1000 for x in (push_delays, beat_delays, bare))
    ld, lr = (np.array(x) * 1000 for x in (live_delays, bare_live))
    print(f"clients publishing: {found}/{args.clients}; tiles: {len(window.tiles)}; measured {wall:.0f} s; "
          f"{os.cpu_count()} cores shared with other work")
    print(f"beat -> tile (LiveBeats, the peak as detected): p50 {_pct(ld, 50):6.1f} ms  "
          f"p95 {_pct(ld, 95):6.1f} ms  max {_pct(ld, 100):6.1f} ms  (n={ld.size}; target p95 <= {TARGET_BEAT_TO_TILE_P95_MS:g} ms)")
    print(f"reference, the same stamp to a bare inlet: p50 {_pct(lr, 50):6.1f} ms  "
          f"p95 {_pct(lr, 95):6.1f} ms (n={lr.size}); ratio p95 "
          f"{_pct(ld, 95) / max(_pct(lr, 95), 1e-3):.2f}x")
    print(f"push -> tile:  p50 {_pct(pd, 50):6.1f} ms  p95 {_pct(pd, 95):6.1f} ms  "
          f"max {_pct(pd, 100):6.1f} ms  (n={pd.size})")
    print(f"reference, bare LSL transport: p50 {_pct(rd, 50):6.1f} ms  p95 {_pct(rd, 95):6.1f} ms "
          f"(n={rd.size}); ratio p95 {_pct(pd, 95) / max(_pct(rd, 95), 1e-3):.1f}x")
    print(f"corrected beat -> tile (incl. the corrector's 2-beat look-ahead): p50 {_pct(bd, 50):6.0f} ms  "
          f"p95 {_pct(bd, 95):6.0f} ms")
    print(f"coach CPU: {coach_cpu:5.1f} % of one core; reference, one client: {client_cpu:5.1f} %; "
          f"ratio {coach_cpu / max(client_cpu, 1e-3):.2f}")
    ok = _pct(ld, 95) <= TARGET_BEAT_TO_TILE_P95_MS  # NaN (nothing measured) is a miss
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency", action="store_true", help="the beat -> tile latency run (12 simulate --lsl clients)")
    ap.add_argument("--clients", type=int, default=None, help="clients (default 30; --latency: 12)")
    ap.add_argument("--seconds", type=float, default=None, help="measured time per run (default 10; --latency: 45)")
    ap.add_argument("--bad", action="store_true", help="add a one-channel Pacer client and a 1e9 Hz one")
    ap.add_argument("--warmup", type=float, default=20.0, help="--latency: warm-up before measuring")
    ap.add_argument("--screenshot", default=None, metavar="PNG", help="--latency: save the window")
    ap.add_argument("--tag", default=None, help="text in every client's name, so only this run's clients are shown "
                                                "(default: random; '' for plain names in screenshots)")
    ap.add_argument("--child", choices=("publish", "coach"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child == "publish":
        child_publish(args.clients, args.tag, args.seconds, args.bad)
        return 0
    if args.child == "coach":
        child_coach(args.tag, args.clients, args.seconds)
        return 0
    if args.latency:
        args.clients = args.clients or 12
        args.seconds = args.seconds or 45.0
        return latency(args)
    return scale(args)


if __name__ == "__main__":
    sys.exit(main())
