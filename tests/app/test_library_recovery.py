"""The window's library opens a store holding a long interrupted session without recovering it first.

Recovery of a crashed recorder's session (``io/store/recovery``) runs on the
library's own thread after the store is open, and the history hears of it.
"""

from __future__ import annotations

from long_session import build_interrupted_store

from biofeedback.app.session_library import SessionLibrary
from biofeedback.io.store import STORE_FILENAME


def test_the_library_opens_first_and_recovers_the_interrupted_session_on_its_thread(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(tmp_path))
    build_interrupted_store(tmp_path / STORE_FILENAME, 900.0)
    library = SessionLibrary()
    with qtbot.waitSignal(library.sessions_recovered, timeout=60000) as recovered:
        assert library.recovery is not None  # the constructor handed recovery to a thread
        assert library.list_sessions()  # the history reads meanwhile
    assert recovered.args == [[1]]
    (info,) = library.list_sessions()
    assert info.status == "interrupted" and info.summary["n_beats"] > 800
    library.recovery.join(timeout=10)
    library.store.close()
