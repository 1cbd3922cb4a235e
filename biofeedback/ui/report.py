"""A one-page session report as PDF (vector, QPdfWriter) or PNG (QImage), drawn with QPainter.

Contents: session facts, the whole-record summary (``core.summary.analysis.summarize``,
the numbers ``analyze`` prints), check-in before → after, the tachogram with
the pacer rate and markers, the Welch spectrum with the Task Force (1996)
bands, notes, and the not-a-medical-device notice. One layout function paints
onto a 1000 × 1414 logical A4 page, so PDF and PNG are the same drawing.

The file appears whole or not at all (``io/atomic_file.py``): painted to a
temporary file in the target folder, checked (the painter's ``end()``, the
PDF's ``%%EOF`` trailer, ``QImage.save``'s result and the PNG's IEND chunk),
then renamed; on a full disk nothing is left and the OSError says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from biofeedback import __version__, config
from biofeedback.app.session_library import CheckIn, ReportData, load_report_data
from biofeedback.core.hrv import time_domain as hrv
from biofeedback.core.summary.session import SessionSummary
from biofeedback.io.atomic_file import atomic_path, check_pdf, check_png, incomplete
from biofeedback.io.session_format import DASH, format_date, format_duration
from biofeedback.ui.i18n import bpm, language_for_a_while, localized, number, translate
from biofeedback.ui.pacer_trace import pacer_trace
from biofeedback.ui.report_drawing import (
    GRID,
    INK,
    MUTED,
    PAGE_H,
    PAGE_W,
    Axes,
    draw_disclaimer,
    draw_text,
    font,
)
from biofeedback.ui.summary_view import clock_text, comparison_text
from biofeedback.ui.summary_words import reading_words

MARGIN = 55.0
PNG_WIDTH_PX = 1654  # 200 dpi across A4

HEART, CORRECTED, PACER = QColor("#c8453a"), QColor("#a86400"), QColor("#1f7fae")
MARKER = QColor("#7a4dbb")
BANDS = (("VLF", config.VLF_BAND_HZ, QColor("#e6e6ef")), ("LF", config.LF_BAND_HZ, QColor("#dcedf3")),
         ("HF", config.HF_BAND_HZ, QColor("#f3ecd9")))

SUMMARY_ROWS = (
    ("n_beats", QT_TRANSLATE_NOOP("Report", "Beats (intervals)"), "{:.0f}", ""),
    ("duration_s", QT_TRANSLATE_NOOP("Report", "Time covered by beats"), "{:.0f}", "s"),
    ("mean_hr_bpm", QT_TRANSLATE_NOOP("Report", "Mean heart rate"), "{:.1f}", "bpm"),
    ("sdnn_ms", "SDNN", "{:.1f}", "ms"),
    ("rmssd_ms", "RMSSD", "{:.1f}", "ms"),
    ("pnn50_pct", "pNN50", "{:.1f}", "%"),
    ("lf_power_ms2", QT_TRANSLATE_NOOP("Report", "LF power"), "{:.0f}", "ms²"),
    ("hf_power_ms2", QT_TRANSLATE_NOOP("Report", "HF power"), "{:.0f}", "ms²"),
    ("lf_hf_ratio", "LF/HF", "{:.2f}", ""),
    ("lf_peak_hz", QT_TRANSLATE_NOOP("Report", "LF peak"), "{:.3f}", "Hz"),
    ("coherence_ratio", QT_TRANSLATE_NOOP("Report", "Coherence ratio"), "{:.2f}", ""),
)
STATUS_WORDS = {"running": QT_TRANSLATE_NOOP("Report", "running"),
                "interrupted": QT_TRANSLATE_NOOP("Report", "interrupted")}  # io/store/schema.py STATUSES
CHECKIN_WORDS = {"stress": QT_TRANSLATE_NOOP("Report", "Stress"), "pain": QT_TRANSLATE_NOOP("Report", "Pain"),
                 "mood": QT_TRANSLATE_NOOP("Report", "Mood"), "before": QT_TRANSLATE_NOOP("Report", "before"),
                 "after": QT_TRANSLATE_NOOP("Report", "after")}


def render_report(store, session_id: int, path: str | Path) -> Path:
    """Write the report of ``session_id`` in ``store`` (a session store) to ``path`` (.pdf or .png)."""
    ensure_gui_application()
    path = Path(path)
    write_report(load_report_data(store, session_id), path)
    return path


def write_report(data: ReportData, path: Path) -> None:
    """Paint ``data`` to ``path`` (.pdf vector, else PNG), whole or not at all; OSError says why.

    Safe off the GUI thread (QPainter on a paint device).
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"the folder {path.parent} does not exist")
    pdf = path.suffix.lower() == ".pdf"
    with atomic_path(path, check_pdf if pdf else check_png) as tmp:
        if pdf:
            write_pdf(data, tmp)
        else:
            image = report_image(data)
            if not QImageWriter(str(tmp), QByteArray(b"PNG")).write(image):  # what QImage.save does
                raise incomplete("PNG", tmp)


_APP = None


def ensure_gui_application() -> None:
    """Painting text needs a QGuiApplication; make one when run headless (``export``)."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _APP = QGuiApplication([])
        from biofeedback.ui.i18n import install_language

        install_language(_APP, "en")  # English's catalog holds its plural forms: "4 weeks", not "4 week(s)"


@contextmanager
def painting_in_english() -> Iterator[None]:
    """The command line's reports are in English, in a process of their own or not.

    ``export`` run by a user makes the process's application and puts English in it; run inside a
    process whose application already has a language (the tests' own), English is put in for the
    painting and that language back after it.
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        ensure_gui_application()
        yield
        return
    with language_for_a_while(app, "en"):
        yield


def write_pdf(data: ReportData, path: Path) -> None:
    """Paint the report as a vector PDF to ``path``; OSError when the painter could not finish it."""
    try:  # QPdfWriter only warns when it cannot open the file: find out first
        path.open("ab").close()
    except OSError as error:
        raise OSError(error.errno, f"{path} could not be written ({error.strerror})") from None
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setResolution(300)
    writer.setTitle(translate("Report", "biofeedback session {id}").format(id=data.info.id))
    writer.setCreator(f"biofeedback {__version__}")
    painter = QPainter(writer)
    if not painter.isActive():
        raise incomplete("PDF", path)
    try:
        _paint_scaled(painter, writer.width(), writer.height(), data)
    finally:
        finished = painter.end()  # the PDF is completed (and its trailer written) here
    if not finished:
        raise incomplete("PDF", path)


def report_image(data: ReportData, width_px: int = PNG_WIDTH_PX) -> QImage:
    height_px = int(round(width_px * PAGE_H / PAGE_W))
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        _paint_scaled(painter, width_px, height_px, data)
    finally:
        painter.end()
    return image


def _paint_scaled(painter: QPainter, width: float, height: float, data: ReportData) -> None:
    scale = min(width / PAGE_W, height / PAGE_H)
    painter.scale(scale, scale)
    paint_report(painter, data)


# -- the page ----------------------------------------------------------------------


def paint_report(p: QPainter, data: ReportData) -> None:
    info = data.info
    p.fillRect(QRectF(0, 0, PAGE_W, PAGE_H), QColor("white"))
    y = MARGIN - 10
    draw_text(p, MARGIN, y, translate("Report", "Breathing session report"), 30, bold=True)
    title = info.name or translate("Report", "Session {id}").format(id=info.id)
    draw_text(p, PAGE_W - MARGIN, y + 8, title, 18, MUTED, align=Qt.AlignmentFlag.AlignRight, width=400)
    y += 52
    status = "" if info.status == "completed" else f"  ·  {translate('Report', STATUS_WORDS.get(info.status, info.status))}"
    pacer = DASH if info.pacer_bpm is None else translate("Report", "{rate} breaths/min").format(
        rate=number(info.pacer_bpm, 1))
    facts = (f"{format_date(info.started_at)}  ·  {format_duration(info.duration_s)}  ·  "
             f"{info.source or DASH} ({info.protocol or DASH})  ·  "
             + translate("Report", "pacer {pacer}").format(pacer=pacer) + status)
    draw_text(p, MARGIN, y, facts, 15, MUTED)
    y += 34
    p.setPen(QPen(GRID, 1.5))
    p.drawLine(QPointF(MARGIN, y), QPointF(PAGE_W - MARGIN, y))
    y += 16
    if data.summary is not None:
        y = _reading(p, data.summary, y)
    table_bottom = _summary_table(p, data, MARGIN, y)
    side_bottom = _checkin_and_markers(p, data, 520.0, y)
    y = max(table_bottom, side_bottom) + 40
    _tachogram(p, data, QRectF(MARGIN + 45, y + 24, PAGE_W - 2 * MARGIN - 45, 262))
    y += 24 + 262 + 84  # the x-axis label (27 px below the plot, one line tall) clear of the next title
    _spectrum(p, data, QRectF(MARGIN + 45, y + 24, PAGE_W - 2 * MARGIN - 45, 190))
    y += 24 + 190 + 58
    if info.notes:
        draw_text(p, MARGIN, y, translate("Report", "Notes"), 15, bold=True)
        p.setFont(font(14))
        p.setPen(INK)
        p.drawText(QRectF(MARGIN, y + 22, PAGE_W - 2 * MARGIN, 60),
                   int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop), info.notes)
    draw_disclaimer(p, MARGIN)


def _reading(p: QPainter, summary: SessionSummary, y: float) -> float:
    """The summary screen's words: the one-line reading, then swing, RMSSD and coherence against the
    user's earlier sessions (core.summary.session)."""
    swing = DASH if summary.hr_swing.value is None else f"{number(summary.hr_swing.value, 1)} {bpm()}"
    rmssd = DASH if summary.rmssd.value is None else f"{number(summary.rmssd.value)} ms"
    high = DASH if summary.high_coherence_s is None else clock_text(summary.high_coherence_s)
    details = translate("Report", "HR swing per breath {swing}: {swing_words}.  RMSSD {rmssd}: {rmssd_words}.  "
                        "Time in high coherence {high}.").format(
        swing=swing, swing_words=comparison_text(summary.hr_swing, bpm(), ".1f", kind=summary.kind),
        rmssd=rmssd, rmssd_words=comparison_text(summary.rmssd, "ms", kind=summary.kind), high=high)
    reading = reading_words(summary)
    wrap = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop)
    inner = PAGE_W - 2 * MARGIN - 24
    big, small = font(15, bold=True), font(12)
    h1 = QFontMetricsF(big).boundingRect(QRectF(0, 0, inner, 1000), wrap, reading).height()
    h2 = QFontMetricsF(small).boundingRect(QRectF(0, 0, inner, 1000), wrap, details).height()
    box = QRectF(MARGIN, y, PAGE_W - 2 * MARGIN, h1 + h2 + 20)
    p.setPen(QPen(GRID, 1.0))
    p.setBrush(QColor("#f4f5f7"))
    p.drawRoundedRect(box, 6, 6)
    p.setFont(big)
    p.setPen(INK)
    p.drawText(QRectF(MARGIN + 12, y + 7, inner, h1 + 2), wrap, reading)
    p.setFont(small)
    p.setPen(MUTED)
    p.drawText(QRectF(MARGIN + 12, y + 12 + h1, inner, h2 + 2), wrap, details)
    return box.bottom() + 14


def _summary_table(p: QPainter, data: ReportData, x: float, y: float) -> float:
    s = data.info.summary
    draw_text(p, x, y, translate("Report", "Summary (whole session)"), 17, bold=True)
    y += 32
    rows = [(translate("Report", label), DASH if s.get(key) is None else localized(fmt.format(s[key])), unit)
            for key, label, fmt, unit in SUMMARY_ROWS]
    share = data.info.artifact_share
    rows.insert(1, (translate("Report", "Corrected (artifacts)"), DASH if share is None else number(100 * share, 1), "%"))
    for i, (label, value, unit) in enumerate(rows):
        if i % 2 == 0:
            p.fillRect(QRectF(x, y - 2, 420, 24), QColor("#f4f5f7"))
        draw_text(p, x + 8, y, label, 14)
        draw_text(p, x + 330, y, value, 14, bold=True, align=Qt.AlignmentFlag.AlignRight, width=120)
        draw_text(p, x + 338, y, unit, 14, MUTED)
        y += 24
    return y


def _checkin_and_markers(p: QPainter, data: ReportData, x: float, y: float) -> float:
    draw_text(p, x, y, translate("Report", "Check-in (0–10)"), 17, bold=True)
    y += 32
    before, after = data.info.checkins.get("before"), data.info.checkins.get("after")
    if before is None and after is None:
        draw_text(p, x + 8, y, translate("Report", "No check-in was made for this session."), 14, MUTED)
        y += 26
    else:
        draw_text(p, x + 150, y, translate("Report", "before"), 13, MUTED, align=Qt.AlignmentFlag.AlignHCenter, width=80)
        draw_text(p, x + 230, y, translate("Report", "after"), 13, MUTED, align=Qt.AlignmentFlag.AlignHCenter, width=80)
        draw_text(p, x + 310, y, translate("Report", "change"), 13, MUTED, align=Qt.AlignmentFlag.AlignHCenter, width=80)
        y += 22
        for what in ("stress", "pain", "mood"):
            b, a = getattr(before, what, None), getattr(after, what, None)
            change = DASH if a is None or b is None else f"{a - b:+d}"
            draw_text(p, x + 8, y, translate("Report", CHECKIN_WORDS[what]), 14)
            for col, text in ((150, b), (230, a), (310, change)):
                draw_text(p, x + col, y, DASH if text is None else str(text), 14, bold=True,
                      align=Qt.AlignmentFlag.AlignHCenter, width=80)
            y += 24
        for checkin in (before, after):
            if isinstance(checkin, CheckIn) and checkin.note:
                phase = translate("Report", CHECKIN_WORDS.get(checkin.phase, checkin.phase))
                draw_text(p, x + 8, y, f"{phase}: “{checkin.note[:48]}”", 13, MUTED)
                y += 22
    y += 14
    draw_text(p, x, y, translate("Report", "Markers"), 17, bold=True)
    y += 30
    markers = [(t, label) for t, label in data.markers if not label.startswith("session ")]
    if not markers:
        draw_text(p, x + 8, y, translate("Report", "none"), 14, MUTED)
        y += 24
    t0 = data.beats[0].t_s if data.beats else 0.0
    for t_s, label in markers[:6]:
        minutes, seconds = divmod(max(t_s - t0, 0.0), 60)
        draw_text(p, x + 8, y, f"{int(minutes)}:{int(seconds):02d}", 14, MARKER, bold=True)
        draw_text(p, x + 70, y, label[:40], 14)
        y += 22
    if len(markers) > 6:
        draw_text(p, x + 8, y, translate("Report", "… and {n} more (export --format markers)").format(n=len(markers) - 6),
                  13, MUTED)
        y += 22
    return y


def _tachogram(p: QPainter, data: ReportData, rect: QRectF) -> None:
    draw_text(p, rect.left() - 45, rect.top() - 56, translate("Report", "Heart rate with the breathing pacer"), 17,
              bold=True)
    beats = data.beats
    if len(beats) < 2:
        draw_text(p, rect.left(), rect.top() + 20, translate("Report", "Too few beats to draw."), 14, MUTED)
        return
    t = np.array([b.t_s for b in beats])
    hr = 60000.0 / np.array([b.rr_ms for b in beats])
    corrected = np.array([b.corrected for b in beats])
    t0 = t[0]
    minutes = (t - t0) / 60.0
    lo, hi = np.percentile(hr, [2, 98])  # robust: one outlier must not flatten the curve
    pad = max((hi - lo) * 0.15, 3.0)
    axes = Axes(p, rect, (0.0, max(minutes[-1], 0.1)), (lo - pad, hi + pad))
    axes.frame(translate("Report", "minutes"), "bpm")
    # pacer: the guide that ran (rate, ratio, holds over time), in the lower band of the plot
    trace = pacer_trace(data.pacer_changes, data.info.pacer_bpm, t0, float(t[-1]))
    if trace is not None:
        band_lo, band_hi = axes.ylim[0], axes.ylim[0] + (axes.ylim[1] - axes.ylim[0]) * 0.22
        known = ~np.isnan(trace.guide)
        axes.polyline((trace.t_s[known] - t0) / 60.0, band_lo + (band_hi - band_lo) * trace.guide[known],
                      QPen(PACER, 1.6))
    axes.polyline(minutes, hr, QPen(HEART, 1.8))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(CORRECTED)
    for xm, yh in zip(axes.x(minutes[corrected]).tolist(), axes.y(hr[corrected]).tolist(), strict=True):
        if rect.contains(QPointF(xm, yh)):
            p.drawEllipse(QPointF(xm, yh), 4.0, 4.0)
    for t_s, label in data.markers:
        if label.startswith("session "):
            continue
        xm = float(axes.x((t_s - t0) / 60.0))
        if rect.left() <= xm <= rect.right():
            p.setPen(QPen(MARKER, 1.2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(xm, rect.top()), QPointF(xm, rect.bottom()))
            draw_text(p, xm + 4, rect.top() + 3, label[:34], 12, MARKER)
    legend_y = rect.top() - 27
    legend = [(translate("Report", "heart rate"), HEART), (translate("Report", "corrected beat"), CORRECTED),
              (translate("Report", "marker"), MARKER)]
    if trace is not None:
        legend.insert(1, (trace.label, PACER))
    x = rect.right()
    for label, color in reversed(legend):
        p.setFont(font(13))
        w = p.fontMetrics().horizontalAdvance(label)
        x -= w + 8
        draw_text(p, x, legend_y, label, 13, MUTED, width=w + 8)
        p.fillRect(QRectF(x - 18, legend_y + 7, 14, 4), color)
        x -= 34


BAND_LABEL_PX = 13


def band_labels(axes: Axes, rect: QRectF) -> list[tuple[str, QRectF]]:
    """Where each band's name goes: centred over its band, in the strip just above the plot. Inside the
    plot the top grid line struck through them and the pacer's line (0.1 Hz, in LF) ran over "LF"."""
    out = []
    for name, (b_lo, b_hi), _ in BANDS:
        x0, x1 = float(axes.x(b_lo)), float(axes.x(min(b_hi, config.GUI_SPECTRUM_MAX_HZ)))
        # on the line of the axis unit (ms²/Hz, report_drawing.Axes.frame draws it 26 px above the plot)
        out.append((name, QRectF(x0, rect.top() - 26, x1 - x0, BAND_LABEL_PX * 1.6)))
    return out


def _spectrum(p: QPainter, data: ReportData, rect: QRectF) -> None:
    draw_text(p, rect.left() - 45, rect.top() - 56, translate("Report", "Spectrum of heart-rate variability (Welch)"),
              17, bold=True)
    beats = data.beats
    spec = None
    if len(beats) >= 4:
        t = np.array([b.t_s for b in beats])
        rr = np.array([b.rr_ms for b in beats])
        spec = hrv.spectrum(t, rr)
    if spec is None or spec.freqs_hz.size < 2:
        draw_text(p, rect.left(), rect.top() + 20, translate("Report", "The session is too short for a spectrum."), 14,
                  MUTED)
        return
    keep = spec.freqs_hz <= config.GUI_SPECTRUM_MAX_HZ
    f, psd = spec.freqs_hz[keep], spec.psd_ms2_per_hz[keep]
    top = float(np.max(psd)) * 1.1 if psd.size and np.max(psd) > 0 else 1.0
    axes = Axes(p, rect, (0.0, config.GUI_SPECTRUM_MAX_HZ), (0.0, top))
    for (name, label_rect), (_, (b_lo, b_hi), color) in zip(band_labels(axes, rect), BANDS, strict=True):
        x0, x1 = float(axes.x(b_lo)), float(axes.x(min(b_hi, config.GUI_SPECTRUM_MAX_HZ)))
        p.fillRect(QRectF(x0, rect.top(), x1 - x0, rect.height()), color)
        draw_text(p, label_rect.left(), label_rect.top(), name, BAND_LABEL_PX, MUTED,
                  align=Qt.AlignmentFlag.AlignHCenter, width=label_rect.width())
    axes.frame("Hz", "ms²/Hz", yfmt="{:,.0f}" if top >= 100 else "{:.3g}")
    axes.polyline(f, psd, QPen(HEART, 2.0))
    if data.info.pacer_bpm:
        xp = float(axes.x(data.info.pacer_bpm / 60.0))
        p.setPen(QPen(PACER, 1.4, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(xp, rect.top()), QPointF(xp, rect.bottom()))
        draw_text(p, xp + 6, rect.top() + rect.height() * 0.45,
                  translate("Report", "pacer {hz} Hz").format(hz=number(data.info.pacer_bpm / 60, 3)), 13, PACER)
