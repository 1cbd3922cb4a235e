"""The multi-week report a user can hand to a clinician or coach: a vector PDF of three A4 pages.

1. Practice: the plan, minutes per week against its target (bars and a table
   with adherence), the resonance assessments of those weeks;
2. Check-ins and heart rhythm: pain, stress and mood before sessions per week
   (the baseline, on a fixed 0-10 axis) and their change within sessions; HR
   swing, coherence and RMSSD per week; the trends; the sessions left out;
3. How each number is defined (``core.practice.progress.DEFINITIONS``).
Each page ends with the not-a-medical-device notice. Painted with the session
report's helpers on 1000 x 1414 logical pages; written whole or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from biofeedback import __version__, config
from biofeedback.app.progress_data import ProgressReport
from biofeedback.core.practice.progress import DEFINITIONS, WeekFigures
from biofeedback.core.practice.session_kind import PRACTICE, REASONS
from biofeedback.io.atomic_file import atomic_path, check_pdf, incomplete
from biofeedback.ui.report import MARGIN, ensure_gui_application
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

BAR, TARGET = QColor("#1f7fae"), QColor("#c8453a")
ITEM_COLORS = {"pain": QColor("#c8453a"), "stress": QColor("#a86400"), "mood": QColor("#2e8b57")}
ITEMS = ("pain", "stress", "mood")
ROW_PX = 24.0
MAX_TABLE_WEEKS = 16  # more weeks than fit a page: the latest are shown (the chart shows them all)
WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop)


def write_progress_pdf(report: ProgressReport, path: str | Path) -> Path:
    """Paint ``report`` to ``path`` as a PDF, whole or not at all; OSError says why."""
    ensure_gui_application()
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"the folder {path.parent} does not exist")
    with atomic_path(path, check_pdf) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0)))
        writer.setResolution(300)
        writer.setTitle("biofeedback: practice over weeks")
        writer.setCreator(f"biofeedback {__version__}")
        painter = QPainter(writer)
        if not painter.isActive():
            raise incomplete("PDF", tmp)
        try:
            scale = min(writer.width() / PAGE_W, writer.height() / PAGE_H)
            painter.scale(scale, scale)
            for k, page in enumerate((_practice_page, _checkin_page, _definitions_page)):
                if k:
                    writer.newPage()
                page(painter, report)
                _footer(painter, k + 1)
        finally:
            finished = painter.end()
        if not finished:
            raise incomplete("PDF", tmp)
    return path


def _span(report: ProgressReport) -> str:
    if not report.weeks:
        return f"no sessions up to {report.until:%d %b %Y}"
    first, last = report.weeks[0].monday, report.until
    return f"{first:%d %b %Y} – {last:%d %b %Y}, {len(report.weeks)} weeks"


def _heading(p: QPainter, title: str, report: ProgressReport) -> float:
    p.fillRect(QRectF(0, 0, PAGE_W, PAGE_H), QColor("white"))
    y = MARGIN - 10
    draw_text(p, MARGIN, y, title, 28, bold=True)
    draw_text(p, PAGE_W - MARGIN, y + 8, _span(report), 15, MUTED, align=Qt.AlignmentFlag.AlignRight, width=420)
    y += 48
    p.setPen(QPen(GRID, 1.5))
    p.drawLine(QPointF(MARGIN, y), QPointF(PAGE_W - MARGIN, y))
    return y + 14


def _paragraph(p: QPainter, y: float, text: str, px: float = 14, color: QColor = INK, height: float = 60) -> float:
    p.setFont(font(px))
    p.setPen(color)
    rect = QRectF(MARGIN, y, PAGE_W - 2 * MARGIN, height)
    used = p.boundingRect(rect, WRAP, text)
    p.drawText(rect, WRAP, text)
    return y + used.height() + 8


def _footer(p: QPainter, page: int) -> None:
    draw_disclaimer(p, MARGIN)
    draw_text(p, PAGE_W - MARGIN, PAGE_H - MARGIN + 6, f"page {page} of 3 · biofeedback {__version__}", 12, MUTED,
              align=Qt.AlignmentFlag.AlignRight, width=400)


def _table(p: QPainter, y: float, head: tuple[str, ...], rows: Sequence[tuple[str, ...]],
           widths: tuple[float, ...]) -> float:
    x = MARGIN
    for k, (h, w) in enumerate(zip(head, widths, strict=True)):
        if k == 0:
            draw_text(p, x, y, h, 13, MUTED, bold=True, width=w)
        else:
            draw_text(p, x + w - 6, y, h, 13, MUTED, bold=True, align=Qt.AlignmentFlag.AlignRight, width=w)
        x += w
    y += ROW_PX
    p.setPen(QPen(GRID, 1.0))
    p.drawLine(QPointF(MARGIN, y - 3), QPointF(MARGIN + sum(widths), y - 3))
    for row in rows:
        x = MARGIN
        for k, (c, w) in enumerate(zip(row, widths, strict=True)):
            if k == 0:
                draw_text(p, x, y, c, 13, INK, width=w)
            else:
                draw_text(p, x + w - 6, y, c, 13, INK, align=Qt.AlignmentFlag.AlignRight, width=w)
            x += w
        y += ROW_PX
    return y


def _num(x: float | None, fmt: str) -> str:
    return "–" if x is None else format(x, fmt)


def _week_label(w: WeekFigures) -> str:
    return f"{w.iso_week[0]}-W{w.iso_week[1]:02d} ({w.monday:%d %b})"


def _practice_page(p: QPainter, r: ProgressReport) -> None:
    y = _heading(p, "Practice over weeks", r)
    y = _paragraph(p, y, f"Plan: {r.plan.describe()}.", 16)
    n_a = len(r.assessments)
    y = _paragraph(p, y, f"Counted: {r.overall.n_sessions} practice sessions and {n_a} resonance "
                   f"assessment{'s' if n_a != 1 else ''}. Sessions shorter than {r.min_minutes:g} min, on the simulated sensor, replays and "
                   "recordings without a breathing pacer are kept but not counted.", 13, MUTED)
    y += 6
    draw_text(p, MARGIN, y, "Minutes practised per week" + (" (red: the plan's target)" if r.plan.active else ""),
              15, bold=True)
    rect = QRectF(MARGIN + 45, y + 58, PAGE_W - 2 * MARGIN - 45, 250)
    n = max(len(r.weeks), 1)
    tops = [w.minutes for w in r.weeks] + [w.target_minutes or 0.0 for w in r.weeks]
    axes = Axes(p, rect, (-0.5, n - 0.5), (0.0, max(30.0, max(tops, default=0.0) * 1.15)))
    axes.frame("", "min", xfmt="")
    step = max(1, int(np.ceil(n / 10)))
    for k, w in enumerate(r.weeks):
        x0, x1 = float(axes.x(k - 0.35)), float(axes.x(k + 0.35))
        top = float(axes.y(w.minutes))
        p.fillRect(QRectF(x0, top, x1 - x0, rect.bottom() - top), BAR)
        if w.target_minutes:
            ty = float(axes.y(w.target_minutes))
            p.setPen(QPen(TARGET, 2.5))
            p.drawLine(QPointF(x0 - 4, ty), QPointF(x1 + 4, ty))
        if k % step == 0:
            draw_text(p, float(axes.x(k)) - 40, rect.bottom() + 7, f"{w.monday:%d %b}", 12, MUTED,
                      align=Qt.AlignmentFlag.AlignHCenter, width=80)
    y = rect.bottom() + 44
    draw_text(p, MARGIN, y, "Adherence", 15, bold=True)
    rows = [(_week_label(w), "" if w.plan_week is None else str(w.plan_week), f"{w.minutes:.0f}",
             _num(w.target_minutes, ".0f"), "" if w.adherence is None else f"{100 * w.adherence:.0f} %",
             str(w.days_practised), str(w.sessions), str(sum(w.left_out.values()) or ""))
            for w in r.weeks[-MAX_TABLE_WEEKS:]]
    y = _table(p, y + 28, ("week (Monday)", "plan week", "minutes", "target", "done", "days", "sessions",
                           "left out"), rows, (250, 90, 90, 80, 80, 70, 90, 90))
    y += 16
    draw_text(p, MARGIN, y, "Resonance assessments", 15, bold=True)
    y += 26
    if not r.assessments:
        _paragraph(p, y, "None in these weeks.", 13, MUTED)
    for a in r.assessments[-6:]:
        rate = f"{a.recommended_bpm:g} breaths/min" if a.recommended_bpm is not None else "no clear rate"
        y = _paragraph(p, y, f"{a.started:%d %b %Y}: {rate} ({a.minutes:.0f} min, counted as practice)", 13)


def _checkin_page(p: QPainter, r: ProgressReport) -> None:
    y = _heading(p, "Check-ins and heart rhythm", r)
    draw_text(p, MARGIN, y, "Before sessions: the weekly mean (0-10)", 15, bold=True)
    legend_x = PAGE_W - MARGIN - 300
    for k, item in enumerate(ITEMS):
        p.fillRect(QRectF(legend_x + 100 * k, y + 6, 14, 4), ITEM_COLORS[item])
        draw_text(p, legend_x + 100 * k + 20, y - 2, item, 13, MUTED)
    rect = QRectF(MARGIN + 45, y + 58, PAGE_W - 2 * MARGIN - 45, 220)
    n = max(len(r.weeks), 1)
    axes = Axes(p, rect, (-0.5, n - 0.5), (0.0, 10.0))
    axes.frame("", "0-10", xfmt="")
    for item in ITEMS:
        xs = [k for k, w in enumerate(r.weeks) if w.before[item] is not None]
        ys = [r.weeks[k].before[item] for k in xs]
        for a, b in zip(xs[:-1], xs[1:], strict=True):  # joined only between consecutive weeks: a gap stays one
            if b == a + 1:
                axes.polyline([a, b], [r.weeks[a].before[item], r.weeks[b].before[item]], QPen(ITEM_COLORS[item], 2.5))
        p.setBrush(ITEM_COLORS[item])
        p.setPen(Qt.PenStyle.NoPen)
        for k, v in zip(xs, ys, strict=True):
            p.drawEllipse(QPointF(float(axes.x(k)), float(axes.y(v))), 4.5, 4.5)
    step = max(1, int(np.ceil(n / 10)))
    for k, w in enumerate(r.weeks):
        if k % step == 0:
            draw_text(p, float(axes.x(k)) - 40, rect.bottom() + 7, f"{w.monday:%d %b}", 12, MUTED,
                      align=Qt.AlignmentFlag.AlignHCenter, width=80)
    y = rect.bottom() + 40
    draw_text(p, MARGIN, y, "Per week: before sessions (mean), change within sessions (after - before), "
              "and the heart rhythm (medians)", 14, bold=True)
    rows = [(_week_label(w), *(_num(w.before[i], ".1f") for i in ITEMS), *(_num(w.change[i], "+.1f") for i in ITEMS),
             _num(w.hr_swing_bpm, ".1f"), _num(w.coherence_ratio, ".2f"), _num(w.rmssd_ms, ".0f"))
            for w in r.weeks[-MAX_TABLE_WEEKS:]]
    y = _table(p, y + 28, ("week (Monday)", "pain", "stress", "mood", "Δpain", "Δstress", "Δmood", "swing bpm",
                           "coherence", "RMSSD ms"), rows, (190, 52, 62, 58, 64, 76, 72, 96, 90, 90))
    y += 12
    trends = []
    for i in ITEMS:
        slope = r.overall.checkins[i].before.slope_per_week
        trends.append(f"{i} before sessions " + ("–" if slope is None else f"{slope:+.2f} points/week"))
    for name, label, unit, fmt in (("hr_swing_bpm", "swing", " bpm", "+.2f"), ("coherence_ratio", "coherence", "",
                                                                              "+.3f"), ("rmssd_ms", "RMSSD", " ms",
                                                                                        "+.1f")):
        slope = r.overall.metrics[name].slope_per_week
        trends.append(f"{label} " + ("–" if slope is None else f"{format(slope, fmt)}{unit}/week"))
    y = _paragraph(p, y, "Trends over the practice sessions (Theil-Sen): " + "; ".join(trends) + ".", 13)
    left = [s for s in r.sessions if s.kind != PRACTICE]
    if left:
        counts: dict[str, int] = {}
        for s in left:
            counts[s.kind] = counts.get(s.kind, 0) + 1
        y = _paragraph(p, y, "Left out (kept, not counted): "
                       + "; ".join(f"{c} {REASONS[k]}" for k, c in counts.items()) + ".", 13, MUTED)
    _heart_rhythm_charts(p, r, y + 16)


# per-week heart-rhythm charts: from 0, at least this tall, so noise does not look like change
RHYTHM_CHARTS = (("hr_swing_bpm", "HR swing per breath (bpm)", config.PLOT_MIN_SPAN_HR_BPM, "{:g}"),
                 ("coherence_ratio", "Coherence ratio", config.PLOT_MIN_SPAN_COHERENCE, "{:g}"),
                 ("rmssd_ms", "RMSSD (ms)", config.PLOT_MIN_SPAN_RMSSD_MS, "{:g}"))


def _heart_rhythm_charts(p: QPainter, r: ProgressReport, y: float) -> None:
    """The week medians of swing, coherence and RMSSD side by side, each from 0 on its own honest axis."""
    draw_text(p, MARGIN, y, "Heart rhythm during practice: the week's median", 15, bold=True)
    gap, n = 70.0, max(len(r.weeks), 1)
    width = (PAGE_W - 2 * MARGIN - 3 * gap + 20) / 3
    for k, (name, title, span, fmt) in enumerate(RHYTHM_CHARTS):
        rect = QRectF(MARGIN + 45 + k * (width + gap), y + 70, width, 170)
        values = [getattr(w, name) for w in r.weeks]
        found = [v for v in values if v is not None]
        axes = Axes(p, rect, (-0.5, n - 0.5), (0.0, max(span, max(found, default=0.0) * 1.15)))
        axes.frame("", "", xfmt="", yfmt=fmt)
        draw_text(p, rect.left() - 45, rect.top() - 32, title, 13, MUTED, bold=True, width=width + 45)
        p.setBrush(BAR)
        p.setPen(Qt.PenStyle.NoPen)
        for i, v in enumerate(values):
            if v is not None:
                p.drawEllipse(QPointF(float(axes.x(i)), float(axes.y(v))), 4.5, 4.5)
        for i in (0, n - 1) if n > 1 else (0,):
            draw_text(p, float(axes.x(i)) - 40, rect.bottom() + 7, f"{r.weeks[i].monday:%d %b}" if r.weeks else "",
                      12, MUTED, align=Qt.AlignmentFlag.AlignHCenter, width=80)


DEFINITION_TITLES = {
    "minutes": "Minutes practised", "target_minutes": "Target", "adherence": "Done (adherence)",
    "before": "Before sessions (pain, stress, mood)", "change": "Change within sessions (Δ)",
    "hr_swing_bpm": "Heart-rate swing", "coherence_ratio": "Coherence", "rmssd_ms": "RMSSD",
    "slope_per_week": "Trends", "left_out": "Left out",
}


def _definitions_page(p: QPainter, r: ProgressReport) -> None:
    y = _heading(p, "How each number is defined", r)
    for key, text in DEFINITIONS.items():
        draw_text(p, MARGIN, y, DEFINITION_TITLES.get(key, key), 15, bold=True)
        y = _paragraph(p, y + 24, text.replace("minimum length", f"minimum length ({r.min_minutes:g} min)"), 14,
                       height=120) + 6
    _paragraph(p, y + 6, "These are descriptions of practice, not measures of health: the check-ins are what the "
               "person answered, and heart-rhythm figures vary with posture, breathing, sleep and the sensor.", 13,
               MUTED)
