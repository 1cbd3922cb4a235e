"""A store file whose bytes changed on disk: the history still lists, exports say what is missing.

SQLite checks the file's structure, not the values in it; zlib checks each raw
block. A damaged summary or date must not hide the session (``sessions`` once
listed nothing), a damaged raw block costs its own seconds and is said (``export
raw`` once raised a zlib traceback), and random flipped bytes anywhere give
either a result or a ``StoreError`` sentence, never another exception.

``sessions`` and ``export`` are called in-process (tests/cli_inprocess.py: the same exit status,
text and files as a subprocess; tests/cli/test_sessions_cli.py runs them as subprocesses).
"""

from __future__ import annotations

import os
import shutil
import zlib

import numpy as np
import pytest
from cli_inprocess import Completed, run_cli
from long_session import build_interrupted_store

from biofeedback.core.types import Gap, PpgBlock
from biofeedback.io.exports import export_session
from biofeedback.io.store import STORE_FILENAME, SessionStore, StoreError
from biofeedback.io.store.codec import DAMAGED_GAP_REASON
from biofeedback.io.store.opening import connect


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A checkpointed store (one file, no WAL) holding one recovered 5-minute session."""
    path = tmp_path_factory.mktemp("pristine") / STORE_FILENAME
    build_interrupted_store(path, 300.0)
    with SessionStore(path) as store:
        store.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _copy(pristine, tmp_path):
    target = tmp_path / "data" / STORE_FILENAME
    target.parent.mkdir(exist_ok=True)
    shutil.copy(pristine, target)
    return target


def _damage(path, sql, *args):
    con = connect(path)
    con.execute(sql, args)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def _cli(data_dir, *args) -> Completed:
    return run_cli(*args, env={**os.environ, "BIOFEEDBACK_DATA_DIR": str(data_dir)})


def test_a_damaged_summary_and_start_time_still_list_the_session_and_say_so(pristine, tmp_path):
    path = _copy(pristine, tmp_path)
    _damage(path, "UPDATE sessions SET summary_json = CAST(? AS TEXT), started_at = CAST(? AS TEXT)",
            b'{"n_beats": 3\xb0\xff', b"2026-\xfe\xff")
    with SessionStore(path) as store:
        (info,) = store.list_sessions()
        assert info.damaged == ("summary", "start time") and info.summary == {}
        assert len(store.beats(info.id)) > 250  # the beats themselves are intact
    listed = _cli(path.parent, "sessions")
    assert listed.returncode == 0, listed.stderr
    assert "(interrupted)" in listed.stdout and "long session" in listed.stdout
    assert "session 1: its summary and start time could not be read" in listed.stderr
    assert "Traceback" not in listed.stderr


def test_a_damaged_raw_block_is_exported_as_a_gap_and_said_with_a_non_zero_exit(pristine, tmp_path):
    path = _copy(pristine, tmp_path)
    con = connect(path)
    seq, t_s, n, fs_hz, data = con.execute(
        "SELECT seq, t_s, n, fs_hz, data FROM raw_events WHERE kind = 'ppg' ORDER BY seq LIMIT 1 OFFSET 100"
    ).fetchone()
    con.close()
    flipped = bytearray(data)
    flipped[len(flipped) // 2] ^= 0xFF  # one byte changed on disk: zlib's checksum fails
    with pytest.raises(zlib.error):
        zlib.decompress(bytes(flipped))
    _damage(path, "UPDATE raw_events SET data = ? WHERE session_id = 1 AND seq = ?", bytes(flipped), seq)

    out = tmp_path / "raw.csv"
    done = _cli(path.parent, "export", "1", "--format", "raw", "--out", str(out))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"1 block of raw data ({n / fs_hz:.1f} s, from {t_s:.1f} s) could not be read" in done.stderr
    rows = out.read_text().splitlines()
    assert sum(r.startswith("gap,") and r.endswith(DAMAGED_GAP_REASON) for r in rows) == 1
    with SessionStore(path) as store:
        events = store.events(1)
    gaps = [e for e in events if isinstance(e, Gap) and e.reason == DAMAGED_GAP_REASON]
    assert [(g.t_s, g.duration_s) for g in gaps] == [(t_s, n / fs_hz)]
    n_samples = sum(len(e) for e in events if isinstance(e, PpgBlock))
    assert sum(r.startswith("ppg,") for r in rows) == n_samples  # every other sample is written


@pytest.mark.slow
def test_flipped_bytes_anywhere_give_a_result_or_a_sentence_never_a_traceback(pristine, tmp_path):
    original = pristine.read_bytes()
    rng = np.random.default_rng(2026)
    outcomes = {"read": 0, "said damaged": 0, "raw gaps said": 0}
    for trial in range(80):
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        damaged = bytearray(original)
        offset = int(rng.integers(0, len(damaged) - 16))
        for i in range(offset, offset + 16):
            damaged[i] ^= int(rng.integers(1, 256))
        (folder / STORE_FILENAME).write_bytes(damaged)
        warnings: list[str] = []
        try:
            with SessionStore(folder / STORE_FILENAME) as store:
                for info in store.list_sessions():
                    export_session(store, info.id, "raw", folder / "raw.csv", warn=warnings.append)
                    export_session(store, info.id, "csv", folder / "beats.csv")
            outcomes["raw gaps said" if warnings else "read"] += 1
        except StoreError as error:
            assert "\n" not in str(error)
            outcomes["said damaged"] += 1
    assert sum(outcomes.values()) == 80
    assert outcomes["raw gaps said"] > 0 and outcomes["said damaged"] > 0  # both kinds of damage were met
