"""The session store: every session in one SQLite file that survives crashes and several processes.

Why SQLite: one file, transactional, readable by other tools. The file lives in
``platformdirs.user_data_dir("biofeedback")`` (``BIOFEEDBACK_DATA_DIR`` overrides)
and runs in WAL mode with ``synchronous=NORMAL``: a committed transaction
survives a crash or SIGKILL of the app (SQLite, "Write-Ahead Logging", §2);
only a power cut may lose the last commits.

Modules, one purpose each:

* ``schema``: tables, migrations, decided inside one ``BEGIN IMMEDIATE``;
* ``opening``: opening a file healthy, read-only, foreign or damaged, never moving one in use;
* ``codec``: raw events to compact rows and back, bit-exact;
* ``writer``: ``SessionWriter``, appending a live session without blocking its feeders;
* ``reading``: the read models (sessions, beats, markers, typed pacer changes, raw events);
* ``recovery``: closing crashed sessions, re-deriving the beats the pipeline held back;
* ``session_store``: ``SessionStore``, tying them together.

Durability: a writer commits at least every ``config.STORE_FLUSH_PERIOD_S`` (0.5 s),
and recovery re-derives held-back beats from the stored raw events, so a killed
process loses at most the last second of raw data and of beats.
"""

from biofeedback.io.store.codec import encode_events
from biofeedback.io.store.errors import NewerSchemaError, ReadOnlyStoreError, StoreError, explain
from biofeedback.io.store.models import (
    BreathingSample,
    CheckIn,
    PacerChange,
    SessionInfo,
    WriterStatus,
    utc_now_iso,
)
from biofeedback.io.store.schema import (
    APPLICATION_ID,
    CHECKIN_PHASES,
    MIGRATIONS,
    SCHEMA_VERSION,
    STATUSES,
    STORE_FILENAME,
)
from biofeedback.io.store.session_store import SessionStore, default_data_dir
from biofeedback.io.store.writer import SessionWriter

__all__ = [
    "APPLICATION_ID", "CHECKIN_PHASES", "MIGRATIONS", "SCHEMA_VERSION", "STATUSES", "STORE_FILENAME",
    "BreathingSample", "CheckIn", "NewerSchemaError", "PacerChange", "ReadOnlyStoreError", "SessionInfo",
    "SessionStore", "SessionWriter", "StoreError", "WriterStatus", "default_data_dir", "encode_events",
    "explain", "utc_now_iso",
]
