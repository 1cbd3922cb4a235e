"""The app's LSL outlets: what a LiveSession shows, published as the six client streams.

Off until ``start``; the settings' LSL switch and the window's "streaming"
label follow ``streaming_changed``. It subscribes to the session's typed
signals (outputs, markers, session start/stop), takes the check-ins the
store glue hands it (``checkin``: one Markers string each), and publishes the active
pacer's guide at the Pacer stream's rate; it never changes the session.
"""

from __future__ import annotations

import socket

from PySide6.QtCore import QObject, QTimer, Signal

from biofeedback import config
from biofeedback.app.live_session import LiveSession
from biofeedback.app.records import Marker
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.io.lsl_outlets import LslOutlets
from biofeedback.io.store.models import CheckIn


def checkin_marker(c: CheckIn) -> str:
    """One Markers string: 'check-in before: stress 3, pain -, mood 7' (0..10, '-' skipped; '; note: ...')."""
    values = ", ".join(f"{k} {'-' if v is None else v}" for k, v in
                       (("stress", c.stress), ("pain", c.pain), ("mood", c.mood)))
    note = " ".join(c.note.split())
    return f"check-in {c.phase}: {values}" + (f"; note: {note}" if note else "")


class LslStreamer(QObject):
    """Publishes one LiveSession on LSL as client ``name`` (default: this computer's name)."""

    streaming_changed = Signal(bool)

    def __init__(self, session: LiveSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.outlets: LslOutlets | None = None
        self.name = ""
        self._timer = QTimer(self)
        self._timer.setInterval(int(1000 / config.LSL_PACER_RATE_HZ))
        self._timer.timeout.connect(self._push_pacer)

    @property
    def streaming(self) -> bool:
        return self.outlets is not None

    def start(self, name: str = "") -> None:
        if self.outlets is not None:
            return
        self.name = name.strip() or socket.gethostname()
        device = self.session.device_info.device if self.session.device_info else ""
        self.outlets = LslOutlets(self.name, self.name, device=device)
        self.session.output.connect(self._on_output)
        self.session.marker.connect(self._on_marker)
        self._timer.start()
        self.streaming_changed.emit(True)

    def stop(self) -> None:
        if self.outlets is None:
            return
        self._timer.stop()
        self.session.output.disconnect(self._on_output)
        self.session.marker.disconnect(self._on_marker)
        self.outlets.close()
        self.outlets = None
        self.streaming_changed.emit(False)

    def _on_output(self, out: PipelineOutput) -> None:
        o = self.outlets
        if o is None:
            return
        if out.gaps:
            o.reset_clock()
        times = [float(b.t_s[-1]) for b in out.ppg[-1:] if len(b)] + [b.t_s for b in out.beats[-1:]]
        if times:
            o.note_device_time(max(times))
        o.push_ppg(out.ppg)
        o.push_live(out.detections_t_s, out.beats, gap=bool(out.gaps))
        if out.beats:
            quality = self.session.model.quality
            o.push_beats(out.beats, quality)
            o.push_metrics(out.metrics, quality, self.session.pipeline_beats)

    def checkin(self, c: CheckIn) -> None:
        """A check-in the user answered (before or after a session), as a marker string."""
        if self.outlets is not None:
            self.outlets.marker(checkin_marker(c))

    def _on_marker(self, marker: Marker) -> None:
        if self.outlets is not None:
            self.outlets.marker(marker.label)

    def _push_pacer(self) -> None:
        if self.outlets is not None:
            pacer = self.session.pacer
            self.outlets.push_pacer(pacer.value(self.session.clock()), pacer.rate_bpm)
