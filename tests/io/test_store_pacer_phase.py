"""The pacer's phase is stored with each pacer change (schema 5), in a real SQLite file."""

from __future__ import annotations

import sqlite3

import numpy as np

from biofeedback.core.breathing.pacer import Pacer, guide_curve, phase_reconstructed
from biofeedback.core.types import Beat
from biofeedback.io.store import APPLICATION_ID, SCHEMA_VERSION, PacerChange, SessionStore
from biofeedback.io.store.schema import MIGRATIONS, _apply


def test_phase_round_trips_and_the_stored_changes_redraw_the_live_pacer(tmp_path):
    live = Pacer(6.0, t0_s=0.0)
    with SessionStore(tmp_path / "s.db") as store:
        writer = store.begin_session("sim", "native", pacer_bpm=6.0)
        writer.add_beats([Beat(1.0, 1000.0)])
        writer.record_pacer_change(0.0, 6.0, 0.5, 0.0, 0.0, live.phase_cycles(0.0))
        live.configure(17.3, rate_bpm=4.5, inhale_ratio=0.4, hold_in_s=1.5)
        writer.record_pacer_change(17.3, live.rate_bpm, live.inhale_ratio, live.hold_in_s, live.hold_out_s,
                                   live.phase_cycles(17.3))
        writer.finish()
        changes = store.pacer_changes(writer.session_id)
    assert changes[0] == PacerChange(0.0, 6.0, 0.5, 0.0, 0.0, 0.0)
    assert changes[1].phase_cycles == live.phase_cycles(17.3)
    assert not phase_reconstructed(changes)
    t = np.arange(17.3, 60.0, 0.1)
    np.testing.assert_allclose(guide_curve(changes, t), live.values(t), atol=1e-9)


def test_a_version_4_store_gains_the_phase_column_and_old_changes_have_no_phase(tmp_path):
    path = tmp_path / "s.db"
    con = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:4]:
        _apply(con, migration)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute("PRAGMA user_version = 4")
    con.execute("INSERT INTO sessions (id, started_at, ended_at, status) VALUES (1, '2026-01-01T08:00:00+00:00', "
                "'2026-01-01T08:10:00+00:00', 'completed')")
    con.execute("INSERT INTO pacer_changes (session_id, t_s, rate_brpm, inhale_ratio, hold_in_s, hold_out_s) "
                "VALUES (1, 3.0, 5.5, 0.4, 1.0, 0.0)")
    con.close()
    with SessionStore(path) as store:
        assert store.version == SCHEMA_VERSION >= 5
        changes = store.pacer_changes(1)
    assert changes == [PacerChange(3.0, 5.5, 0.4, 1.0, 0.0, None)]
    assert phase_reconstructed(changes)
