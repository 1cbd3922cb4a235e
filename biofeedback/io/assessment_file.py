"""Keeping resonance-assessment results: in the session store (``io.store``), kind "resonance".

One function so the CLI and the wizard save the same way. The store lives in
``platformdirs.user_data_dir("biofeedback")`` (``BIOFEEDBACK_DATA_DIR`` overrides).
"""

from __future__ import annotations

from pathlib import Path

ASSESSMENT_KIND = "resonance"


def save_assessment(data: dict, session_id: int | None = None) -> Path:
    """Store one assessment result (plain JSON types); returns the store's path.

    Raises OSError (StoreError included) when it cannot be written.
    """
    import sqlite3

    from biofeedback.io.store import SessionStore, StoreError

    try:
        with SessionStore() as store:
            store.add_assessment(ASSESSMENT_KIND, data, session_id=session_id)
            return store.path
    except (StoreError, sqlite3.Error) as error:
        raise OSError(str(error)) from error


def load_assessments() -> list[dict]:
    """Every stored resonance assessment, oldest first ({"id", "created_at", "data", ...})."""
    from biofeedback.io.store import SessionStore

    with SessionStore() as store:
        return store.assessments(kind=ASSESSMENT_KIND)
