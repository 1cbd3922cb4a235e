"""A store holding one long session whose recorder died: what recovery meets after a crash.

``build_interrupted_store`` runs a real ``SessionWriter`` in a child process that
exits without closing its session (``os._exit``, as a killed ``record`` would), so
the session stays "running" with a dead writer. The raw PPG is ten simulated
minutes (``simulate_ppg``) repeated with shifted times up to the duration asked
for, committed in rows of ``config.STORE_FLUSH_PERIOD_S`` like a live recorder's;
the stored beats are the pipeline's beats of those ten minutes, repeated the same
way, minus the last ``HELD_BACK_S`` (the beats a live pipeline still holds back);
the session's provisional summary is refreshed last, as a live writer does every few seconds.
Used by the store tests and ``benchmarks/store_open.py``.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from pathlib import Path

import numpy as np

TILE_S = 600.0  # ten simulated minutes, repeated
FS_HZ = 100.0
HELD_BACK_S = 4.0  # the tail of beats the crashed recorder had not stored yet


def _tile(duration_s: float) -> tuple:
    from biofeedback.core.pipeline import Pipeline
    from biofeedback.core.simulation.synth import simulate_ppg
    from biofeedback.core.types import DeviceInfo, PpgBlock

    t_s, values, _ = simulate_ppg(TILE_S, fs_hz=FS_HZ, seed=3)
    step = int(FS_HZ * 0.02)  # 20 ms blocks, as a serial source hands them over
    info = DeviceInfo("native", fs_hz=FS_HZ, adc_max=1023, device="long session")
    blocks = [PpgBlock(t_s[i:i + step], values[i:i + step], FS_HZ) for i in range(0, t_s.size, step)]
    pipeline = Pipeline()
    pipeline.feed([info])
    beats = pipeline.feed(blocks).beats + pipeline.flush().beats
    n_tiles = int(np.ceil(duration_s / TILE_S))
    period_s = float(t_s[-1] + 1.0 / FS_HZ - t_s[0])
    return info, blocks, beats, n_tiles, period_s


def _write(store_path: str, duration_s: float) -> None:
    """Child process: record ``duration_s`` of PPG and its beats, then die without closing."""
    import os

    from biofeedback import config
    from biofeedback.core.types import PpgBlock
    from biofeedback.io.store import SessionStore

    info, blocks, beats, n_tiles, period_s = _tile(duration_s)
    store = SessionStore(store_path)
    writer = store.begin_session(source="long session", protocol="native", flush_period_s=3600.0)
    rows_per_flush = int(round(config.STORE_FLUSH_PERIOD_S / 0.02))
    writer.add_events([info])
    end_s = blocks[0].t_s[0] + duration_s
    for k in range(n_tiles):
        shift = k * period_s
        tile = [PpgBlock(b.t_s + shift, b.value, b.fs_hz) for b in blocks if b.t_s[0] + shift < end_s]
        for i in range(0, len(tile), rows_per_flush):
            writer.add_events(tile[i:i + rows_per_flush])
            writer.flush()
        writer.add_beats([replace(b, t_s=b.t_s + shift) for b in beats
                          if b.t_s + shift < end_s - HELD_BACK_S])
        writer.flush()
    writer.refresh_summary(now=True)  # as a live writer does every few seconds
    os._exit(0)  # no finish(): the session stays "running", its writer gone


def build_interrupted_store(store_path: Path, duration_s: float) -> None:
    """Write a store at ``store_path`` with one interrupted session of ``duration_s`` seconds."""
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=_write, args=(str(store_path), duration_s))
    child.start()
    child.join()
