"""One stored session's graphs again: heart rate with the pacer that ran and markers, spectrum (Welch), summary.

The markers are also listed, each at its time on the session clock (from the
"session start" marker, else from the first beat).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QVBoxLayout, QWidget

from biofeedback import config
from biofeedback.app.session_library import SessionLibrary
from biofeedback.core.hrv import time_domain as hrv
from biofeedback.io.session_format import format_date, format_duration
from biofeedback.ui.i18n import translate
from biofeedback.ui.pacer_trace import pacer_trace
from biofeedback.ui.summary_view import clock_text
from biofeedback.ui.theme import DARK, Theme, style_plot


class SessionDetail(QDialog):
    """One stored session's graphs again: heart rate with markers, spectrum, summary."""

    def __init__(self, library: SessionLibrary, session_id: int, theme: Theme = DARK,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = library.session(session_id)
        self.beats = library.beats(session_id)
        self.markers = library.markers(session_id)
        self.pacer_changes = library.pacer_changes(session_id)
        self.pacer_label = ""  # the drawn pacer's legend ("" when the session knows none)
        info = self.info
        self.setWindowTitle(translate("SessionDetail", "Session {id} — {name}").format(
            id=info.id, name=info.name or format_date(info.started_at)))
        layout = QVBoxLayout(self)
        s = info.summary

        def num(key: str, fmt: str) -> str:
            return "–" if s.get(key) is None else format(s[key], fmt).replace(".", QLocale().decimalPoint())

        self.summary_label = QLabel(
            f"<b>{format_date(info.started_at)}</b> · {format_duration(info.duration_s)} · {info.source} · "
            + translate("SessionDetail", "status {status}<br>mean HR {hr} bpm · RMSSD {rmssd} ms · SDNN {sdnn} ms · "
                        "coherence {coherence} · beats {beats} ({corrected} corrected)").format(
                status=info.status, hr=num("mean_hr_bpm", ".1f"), rmssd=num("rmssd_ms", ".1f"),
                sdnn=num("sdnn_ms", ".1f"), coherence=num("coherence_ratio", ".2f"), beats=s.get("n_beats", 0),
                corrected=s.get("n_corrected", 0))
            + (f"<br><i>{info.notes}</i>" if info.notes else ""))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.tachogram = pg.PlotWidget()
        self.spectrum = pg.PlotWidget()
        for plot, title, xl, yl in ((self.tachogram, translate("SessionDetail", "Heart rate"),
                                     translate("Plots", "minutes"), "bpm"),
                                    (self.spectrum, translate("SessionDetail", "Spectrum"), "Hz", "ms²/Hz")):
            item = plot.getPlotItem()
            item.setTitle(title)
            item.setLabel("bottom", xl)
            item.setLabel("left", yl)
            for axis in ("bottom", "left"):  # plain units: never "minutes (x0.001)"
                item.getAxis(axis).enableAutoSIPrefix(False)
            plot.setBackground(theme.background)
            style_plot(item, theme, 10)
            layout.addWidget(plot)
        self.marker_list = QListWidget()
        self.marker_list.setAccessibleName(translate("SessionDetail", "Markers"))
        self.marker_list.setMaximumHeight(110)
        layout.addWidget(QLabel(translate("SessionDetail", "Markers (session clock)")))
        layout.addWidget(self.marker_list)
        self._list_markers()
        self._draw(theme)
        self.resize(900, 640)

    def session_start_s(self) -> float | None:
        """Device time the session clock counts from: the "session start" marker, else the first beat."""
        for t_s, label in self.markers:
            if label == "session start":
                return t_s
        return self.beats[0].t_s if self.beats else None

    def _list_markers(self) -> None:
        start = self.session_start_s()
        shown = [(t_s, label) for t_s, label in self.markers if not label.startswith("session ")]
        for t_s, label in sorted(shown, key=lambda m: m[0]):
            when = clock_text(t_s - start) if start is not None else "–"
            self.marker_list.addItem(f"{when}  {label}")
        if not shown:
            self.marker_list.addItem(translate("SessionDetail", "No markers in this session (N marks a moment while practising)."))

    def _draw(self, theme: Theme) -> None:
        if len(self.beats) < 2:
            return
        t = np.array([b.t_s for b in self.beats])
        rr = np.array([b.rr_ms for b in self.beats])
        corrected = np.array([b.corrected for b in self.beats])
        minutes = (t - t[0]) / 60.0
        hr = 60000.0 / rr
        self.tachogram.plot(minutes, hr, pen=pg.mkPen(theme.heart, width=2))
        if corrected.any():
            self.tachogram.plot(minutes[corrected], hr[corrected], pen=None, symbol="o", symbolSize=7,
                                symbolBrush=theme.warn, symbolPen=None)
        lo, hi = np.percentile(hr, [1, 99])
        lo, hi = lo - 5, hi + 5
        self.tachogram.setYRange(lo, hi)
        trace = pacer_trace(self.pacer_changes, self.info.pacer_bpm, float(t[0]), float(t[-1]))
        if trace is not None:  # the guide that ran, in the lower band (0 exhaled .. 1 inhaled)
            known = ~np.isnan(trace.guide)
            self.pacer_band_bpm = (lo, lo + 0.22 * (hi - lo))  # where 0 (exhaled) and 1 (inhaled) are drawn
            self.pacer_curve = self.tachogram.plot(
                (trace.t_s[known] - t[0]) / 60.0, lo + 0.22 * (hi - lo) * trace.guide[known],
                pen=pg.mkPen(theme.accent, width=1.5), name=trace.label)
            self.pacer_label = trace.label
            self.tachogram.getPlotItem().setTitle(translate("SessionDetail", "Heart rate · {pacer}").format(pacer=trace.label))
        for t_s, label in self.markers:
            if label.startswith("session "):
                continue
            line = pg.InfiniteLine((t_s - t[0]) / 60.0, angle=90, label=label,
                                   pen=pg.mkPen(theme.coherence, style=Qt.PenStyle.DashLine),
                                   labelOpts={"position": 0.92, "color": theme.coherence})
            self.tachogram.addItem(line)
        if rr.size >= 4:
            spec = hrv.spectrum(t, rr)
            keep = spec.freqs_hz <= config.GUI_SPECTRUM_MAX_HZ
            self.spectrum.plot(spec.freqs_hz[keep], spec.psd_ms2_per_hz[keep], pen=pg.mkPen(theme.heart, width=2))
            if self.info.pacer_bpm:
                self.spectrum.addItem(pg.InfiniteLine(self.info.pacer_bpm / 60.0, angle=90,
                                                      pen=pg.mkPen(theme.accent, style=Qt.PenStyle.DashLine)))
