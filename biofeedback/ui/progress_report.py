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
from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QPolygonF

from biofeedback import __version__, config
from biofeedback.app.progress_data import ProgressReport
from biofeedback.core.practice.progress import DEFINITIONS, WeekFigures
from biofeedback.core.practice.session_kind import PRACTICE, REASONS
from biofeedback.io.atomic_file import atomic_path, check_pdf, incomplete
from biofeedback.ui.i18n import Plural, bpm, localized, number, rate_text, translate
from biofeedback.ui.practice_words import day_month, day_month_year, plan_words
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
# weeks where two items have the same mean (stress and mood both 5, say) must still show both: each item has
# its own dash and marker, and its markers sit a few points to the side of the week
ITEM_DASH = {"pain": Qt.PenStyle.SolidLine, "stress": Qt.PenStyle.DashLine, "mood": Qt.PenStyle.DotLine}
ITEM_DODGE_PX = {"pain": -7.0, "stress": 0.0, "mood": 7.0}
ITEM_MARKER_PX = 4.5  # half the marker's width
ROW_PX = 24.0
MAX_TABLE_WEEKS = 16  # more weeks than fit a page: the latest are shown (the chart shows them all)
WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop)
ITEM_WORDS = {"pain": QT_TRANSLATE_NOOP("ProgressReport", "pain"), "stress": QT_TRANSLATE_NOOP("ProgressReport", "stress"),
              "mood": QT_TRANSLATE_NOOP("ProgressReport", "mood")}
BEFORE_WORDS = {"pain": QT_TRANSLATE_NOOP("ProgressReport", "pain before sessions"),
                "stress": QT_TRANSLATE_NOOP("ProgressReport", "stress before sessions"),
                "mood": QT_TRANSLATE_NOOP("ProgressReport", "mood before sessions")}
TREND_WORDS = {"swing": QT_TRANSLATE_NOOP("ProgressReport", "swing"),
               "coherence": QT_TRANSLATE_NOOP("ProgressReport", "coherence")}
ADHERENCE_HEAD = (QT_TRANSLATE_NOOP("ProgressReport", "week (Monday)"), QT_TRANSLATE_NOOP("ProgressReport", "plan week"),
                  QT_TRANSLATE_NOOP("ProgressReport", "minutes"), QT_TRANSLATE_NOOP("ProgressReport", "target"),
                  QT_TRANSLATE_NOOP("ProgressReport", "done"), QT_TRANSLATE_NOOP("ProgressReport", "days"),
                  QT_TRANSLATE_NOOP("ProgressReport", "sessions"), QT_TRANSLATE_NOOP("ProgressReport", "left out"))
WEEK_HEAD = (QT_TRANSLATE_NOOP("ProgressReport", "week (Monday)"), QT_TRANSLATE_NOOP("ProgressReport", "pain"),
             QT_TRANSLATE_NOOP("ProgressReport", "stress"), QT_TRANSLATE_NOOP("ProgressReport", "mood"),
             QT_TRANSLATE_NOOP("ProgressReport", "Δpain"), QT_TRANSLATE_NOOP("ProgressReport", "Δstress"),
             QT_TRANSLATE_NOOP("ProgressReport", "Δmood"), QT_TRANSLATE_NOOP("ProgressReport", "swing bpm"),
             QT_TRANSLATE_NOOP("ProgressReport", "coherence"), "RMSSD ms")
# core.practice.session_kind.REASONS as lupdate sees them (a test keeps the keys equal)
REASON_WORDS = {"short": QT_TRANSLATE_NOOP("ProgressReport", "shorter than the minimum length"),
                "simulated": QT_TRANSLATE_NOOP("ProgressReport", "on the simulated sensor"),
                "replay": QT_TRANSLATE_NOOP("ProgressReport", "a replay of a recording"),
                "unpaced": QT_TRANSLATE_NOOP("ProgressReport", "no breathing pacer (a record run)")}


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
        writer.setTitle(translate("ProgressReport", "biofeedback: practice over weeks"))
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
        return translate("ProgressReport", "no sessions up to {day}").format(day=day_month_year(report.until))
    first, last = report.weeks[0].monday, report.until
    return Plural.tr("{first} – {last}, %n week(s)", "", len(report.weeks)).format(  # type: ignore[arg-type]
        first=day_month_year(first), last=day_month_year(last))


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
    draw_text(p, PAGE_W - MARGIN, PAGE_H - MARGIN + 6,
              translate("ProgressReport", "page {page} of {pages}").format(page=page, pages=3)
              + f" · biofeedback {__version__}", 12, MUTED,
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
    return "–" if x is None else localized(format(x, fmt))


def _week_label(w: WeekFigures) -> str:
    return f"{w.iso_week[0]}-W{w.iso_week[1]:02d} ({day_month(w.monday)})"


def _practice_page(p: QPainter, r: ProgressReport) -> None:
    y = _heading(p, translate("ProgressReport", "Practice over weeks"), r)
    y = _paragraph(p, y, translate("ProgressReport", "Plan: {plan}.").format(plan=plan_words(r.plan)), 16)
    n_a = len(r.assessments)
    counted = Plural.tr("Counted: {sessions} practice sessions and %n resonance assessment(s).",  # type: ignore[arg-type]
                        "", n_a).format(sessions=r.overall.n_sessions)  # type: ignore[arg-type]
    y = _paragraph(p, y, counted + " " + translate(
        "ProgressReport", "Sessions shorter than {minutes} min, on the simulated sensor, replays and recordings "
        "without a breathing pacer are kept but not counted.").format(minutes=rate_text(r.min_minutes)), 13, MUTED)
    y += 6
    draw_text(p, MARGIN, y, translate("ProgressReport", "Minutes practised per week")
              + (" " + translate("ProgressReport", "(red: the plan's target)") if r.plan.active else ""),
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
            draw_text(p, float(axes.x(k)) - 40, rect.bottom() + 7, day_month(w.monday), 12, MUTED,
                      align=Qt.AlignmentFlag.AlignHCenter, width=80)
    y = rect.bottom() + 44
    draw_text(p, MARGIN, y, translate("ProgressReport", "Adherence"), 15, bold=True)
    rows = [(_week_label(w), "" if w.plan_week is None else str(w.plan_week), number(w.minutes),
             _num(w.target_minutes, ".0f"), "" if w.adherence is None else f"{number(100 * w.adherence)} %",
             str(w.days_practised), str(w.sessions), str(sum(w.left_out.values()) or ""))
            for w in r.weeks[-MAX_TABLE_WEEKS:]]
    y = _table(p, y + 28, tuple(translate("ProgressReport", h) for h in ADHERENCE_HEAD), rows,
               (250, 90, 90, 80, 80, 70, 90, 90))
    y += 16
    draw_text(p, MARGIN, y, translate("ProgressReport", "Resonance assessments"), 15, bold=True)
    y += 26
    if not r.assessments:
        _paragraph(p, y, translate("ProgressReport", "None in these weeks."), 13, MUTED)
    for a in r.assessments[-6:]:
        rate = (translate("ProgressReport", "{rate} breaths/min").format(rate=rate_text(a.recommended_bpm))
                if a.recommended_bpm is not None else translate("ProgressReport", "no clear rate"))
        y = _paragraph(p, y, translate("ProgressReport", "{day}: {rate} ({minutes} min, counted as practice)").format(
            day=day_month_year(a.started.date()), rate=rate, minutes=number(a.minutes)), 13)


def _item_pen(item: str) -> QPen:
    pen = QPen(ITEM_COLORS[item], 2.5)
    pen.setStyle(ITEM_DASH[item])
    return pen


def _item_marker(p: QPainter, item: str, at: QPointF) -> None:
    """Pain a disc, stress a square, mood a diamond: told apart where they overlap, and without colour."""
    h = ITEM_MARKER_PX
    p.setBrush(ITEM_COLORS[item])
    p.setPen(Qt.PenStyle.NoPen)
    if item == "pain":
        p.drawEllipse(at, h, h)
    elif item == "stress":
        p.drawRect(QRectF(at.x() - h, at.y() - h, 2 * h, 2 * h))
    else:
        p.drawPolygon(QPolygonF([QPointF(at.x(), at.y() - 1.3 * h), QPointF(at.x() + 1.3 * h, at.y()),
                                 QPointF(at.x(), at.y() + 1.3 * h), QPointF(at.x() - 1.3 * h, at.y())]))


def _checkin_page(p: QPainter, r: ProgressReport) -> None:
    y = _heading(p, translate("ProgressReport", "Check-ins and heart rhythm"), r)
    draw_text(p, MARGIN, y, translate("ProgressReport", "Before sessions: the weekly mean (0-10)"), 15, bold=True)
    legend_x = PAGE_W - MARGIN - 300
    for k, item in enumerate(ITEMS):
        swatch_x = legend_x + 100 * k - 12
        p.setPen(_item_pen(item))
        p.drawLine(QPointF(swatch_x, y + 8), QPointF(swatch_x + 26, y + 8))
        _item_marker(p, item, QPointF(swatch_x + 13, y + 8))
        draw_text(p, swatch_x + 32, y - 2, translate("ProgressReport", ITEM_WORDS[item]), 13, MUTED)
    rect = QRectF(MARGIN + 45, y + 58, PAGE_W - 2 * MARGIN - 45, 220)
    n = max(len(r.weeks), 1)
    axes = Axes(p, rect, (-0.5, n - 0.5), (0.0, 10.0))
    axes.frame("", "0-10", xfmt="")
    week_px = rect.width() / n
    for item in ITEMS:
        xs = [k for k, w in enumerate(r.weeks) if w.before[item] is not None]
        ys = [r.weeks[k].before[item] for k in xs]
        shift_px = float(np.clip(ITEM_DODGE_PX[item], -week_px / 6, week_px / 6))  # never near the next week
        dodge = shift_px / week_px  # in weeks
        for a, b in zip(xs[:-1], xs[1:], strict=True):  # joined only between consecutive weeks: a gap stays one
            if b == a + 1:
                axes.polyline([a + dodge, b + dodge], [r.weeks[a].before[item], r.weeks[b].before[item]],
                              _item_pen(item))
        for k, v in zip(xs, ys, strict=True):
            _item_marker(p, item, QPointF(float(axes.x(k + dodge)), float(axes.y(v))))
    step = max(1, int(np.ceil(n / 10)))
    for k, w in enumerate(r.weeks):
        if k % step == 0:
            draw_text(p, float(axes.x(k)) - 40, rect.bottom() + 7, day_month(w.monday), 12, MUTED,
                      align=Qt.AlignmentFlag.AlignHCenter, width=80)
    y = rect.bottom() + 40
    draw_text(p, MARGIN, y, translate("ProgressReport", "Per week: before sessions (mean), change within sessions "
                                                        "(after - before), and the heart rhythm (medians)"), 14, bold=True)
    rows = [(_week_label(w), *(_num(w.before[i], ".1f") for i in ITEMS), *(_num(w.change[i], "+.1f") for i in ITEMS),
             _num(w.hr_swing_bpm, ".1f"), _num(w.coherence_ratio, ".2f"), _num(w.rmssd_ms, ".0f"))
            for w in r.weeks[-MAX_TABLE_WEEKS:]]
    y = _table(p, y + 28, tuple(translate("ProgressReport", h) for h in WEEK_HEAD), rows,
               (190, 52, 62, 58, 64, 76, 72, 96, 90, 90))
    y += 12
    trends = []
    for i in ITEMS:
        slope = r.overall.checkins[i].before.slope_per_week
        trends.append(translate("ProgressReport", BEFORE_WORDS[i]) + " "
                      + ("–" if slope is None else translate("ProgressReport", "{slope} points/week").format(
                          slope=_num(slope, "+.2f"))))
    for name, label, unit, fmt in (("hr_swing_bpm", TREND_WORDS["swing"], f" {bpm()}", "+.2f"),
                                   ("coherence_ratio", TREND_WORDS["coherence"], "", "+.3f"),
                                   ("rmssd_ms", "RMSSD", " ms", "+.1f")):
        slope = r.overall.metrics[name].slope_per_week
        trends.append(translate("ProgressReport", label) + " "
                      + ("–" if slope is None else translate("ProgressReport", "{slope}/week").format(
                          slope=f"{_num(slope, fmt)}{unit}")))
    y = _paragraph(p, y, translate("ProgressReport", "Trends over the practice sessions (Theil-Sen): {trends}.").format(
        trends="; ".join(trends)), 13)
    left = [s for s in r.sessions if s.kind != PRACTICE]
    if left:
        counts: dict[str, int] = {}
        for s in left:
            counts[s.kind] = counts.get(s.kind, 0) + 1
        y = _paragraph(p, y, translate("ProgressReport", "Left out (kept, not counted): {reasons}.").format(
            reasons="; ".join(translate("ProgressReport", "{count} {reason}").format(
                count=c, reason=translate("ProgressReport", REASON_WORDS.get(k, REASONS[k]))) for k, c in counts.items())),
            13, MUTED)
    _heart_rhythm_charts(p, r, y + 16)


# per-week heart-rhythm charts: from 0, at least this tall, so noise does not look like change
RHYTHM_CHARTS = (("hr_swing_bpm", QT_TRANSLATE_NOOP("ProgressReport", "HR swing per breath (bpm)"),
                  config.PLOT_MIN_SPAN_HR_SWING_BPM, "{:g}"),
                 ("coherence_ratio", QT_TRANSLATE_NOOP("ProgressReport", "Coherence ratio"),
                  config.PLOT_MIN_SPAN_COHERENCE, "{:g}"),
                 ("rmssd_ms", "RMSSD (ms)", config.PLOT_MIN_SPAN_RMSSD_MS, "{:g}"))


def _heart_rhythm_charts(p: QPainter, r: ProgressReport, y: float) -> None:
    """The week medians of swing, coherence and RMSSD side by side, each from 0 on its own honest axis."""
    draw_text(p, MARGIN, y, translate("ProgressReport", "Heart rhythm during practice: the week's median"), 15,
              bold=True)
    gap, n = 70.0, max(len(r.weeks), 1)
    width = (PAGE_W - 2 * MARGIN - 3 * gap + 20) / 3
    for k, (name, title, span, fmt) in enumerate(RHYTHM_CHARTS):
        rect = QRectF(MARGIN + 45 + k * (width + gap), y + 70, width, 170)
        values = [getattr(w, name) for w in r.weeks]
        found = [v for v in values if v is not None]
        axes = Axes(p, rect, (-0.5, n - 0.5), (0.0, max(span, max(found, default=0.0) * 1.15)))
        axes.frame("", "", xfmt="", yfmt=fmt)
        draw_text(p, rect.left() - 45, rect.top() - 32, translate("ProgressReport", title), 13, MUTED, bold=True,
                  width=width + 45)
        p.setBrush(BAR)
        p.setPen(Qt.PenStyle.NoPen)
        for i, v in enumerate(values):
            if v is not None:
                p.drawEllipse(QPointF(float(axes.x(i)), float(axes.y(v))), 4.5, 4.5)
        for i in (0, n - 1) if n > 1 else (0,):
            draw_text(p, float(axes.x(i)) - 40, rect.bottom() + 7, day_month(r.weeks[i].monday) if r.weeks else "",
                      12, MUTED, align=Qt.AlignmentFlag.AlignHCenter, width=80)


DEFINITION_TITLES = {
    "minutes": QT_TRANSLATE_NOOP("ProgressReport", "Minutes practised"),
    "target_minutes": QT_TRANSLATE_NOOP("ProgressReport", "Target"),
    "adherence": QT_TRANSLATE_NOOP("ProgressReport", "Done (adherence)"),
    "before": QT_TRANSLATE_NOOP("ProgressReport", "Before sessions (pain, stress, mood)"),
    "change": QT_TRANSLATE_NOOP("ProgressReport", "Change within sessions (Δ)"),
    "hr_swing_bpm": QT_TRANSLATE_NOOP("ProgressReport", "Heart-rate swing"),
    "coherence_ratio": QT_TRANSLATE_NOOP("ProgressReport", "Coherence"), "rmssd_ms": "RMSSD",
    "slope_per_week": QT_TRANSLATE_NOOP("ProgressReport", "Trends"),
    "left_out": QT_TRANSLATE_NOOP("ProgressReport", "Left out"),
}
# core.practice.progress.DEFINITIONS as lupdate sees them ({sessions}, {days}, {minutes}: filled here; a test keeps
# the English equal to core's)
DEFINITION_WORDS = {
    "minutes": QT_TRANSLATE_NOOP("Definitions", "Minutes practised: the length of each practice session (start to "
                                                "end) plus each resonance assessment's paced blocks and rests, summed "
                                                "per ISO week (Monday to Sunday, local time)."),
    "target_minutes": QT_TRANSLATE_NOOP("Definitions", "The plan's minutes for that week: sessions a day x minutes x "
                                                       "days a week, in proportion to the days of the week inside the "
                                                       "plan."),
    "adherence": QT_TRANSLATE_NOOP("Definitions", "Minutes practised divided by the week's target (100 % = as "
                                                  "planned)."),
    "before": QT_TRANSLATE_NOOP("Definitions", "Check-in before a session, 0 (none) to 10 (worst/best imaginable), "
                                               "as the person answered it; the week's mean over the sessions where it "
                                               "was answered: the baseline trend."),
    "change": QT_TRANSLATE_NOOP("Definitions", "After minus before within a session (negative = lower after); the "
                                               "week's mean over the sessions where both were answered."),
    "hr_swing_bpm": QT_TRANSLATE_NOOP("Definitions", "Heart-rate swing: per breath, the highest minus the lowest "
                                                     "heart rate (Lehrer et al. 2000), averaged over a session's "
                                                     "breaths; the week's median over sessions."),
    "coherence_ratio": QT_TRANSLATE_NOOP("Definitions", "Coherence ratio (McCraty & Childre 2010): power within "
                                                        "0.015 Hz of the highest peak in 0.04-0.26 Hz over the rest of "
                                                        "the power in 0.0033-0.4 Hz, mean of 64 s windows stepped "
                                                        "every 5 s over a session; the week's median over sessions."),
    "rmssd_ms": QT_TRANSLATE_NOOP("Definitions", "RMSSD: root mean square of successive differences between beats "
                                                 "(Task Force 1996), over a whole session; the week's median over "
                                                 "sessions."),
    "slope_per_week": QT_TRANSLATE_NOOP("Definitions", "Trend: the Theil-Sen slope (median of pairwise slopes, Sen "
                                                       "1968) over sessions, per week; only with {sessions} sessions "
                                                       "over {days} days or more."),
    "left_out": QT_TRANSLATE_NOOP("Definitions", "Sessions kept but not counted anywhere here: shorter than the "
                                                 "minimum length, on the simulated sensor, replays, or without a "
                                                 "breathing pacer (record runs)."),
}
MIN_LENGTH = QT_TRANSLATE_NOOP("Definitions", "minimum length")


def definition_words(key: str, min_minutes: float) -> str:
    """Core's definition of ``key`` in the report's language, the minimum length in force named."""
    text = translate("Definitions", DEFINITION_WORDS[key]).format(
        sessions=config.PROGRESS_MIN_TREND_SESSIONS, days=f"{config.PROGRESS_MIN_TREND_SPAN_DAYS:g}")
    length = translate("Definitions", MIN_LENGTH)
    return text.replace(length, f"{length} ({rate_text(min_minutes)} min)")


def _definitions_page(p: QPainter, r: ProgressReport) -> None:
    y = _heading(p, translate("ProgressReport", "How each number is defined"), r)
    for key in DEFINITIONS:
        draw_text(p, MARGIN, y, translate("ProgressReport", DEFINITION_TITLES.get(key, key)), 15, bold=True)
        y = _paragraph(p, y + 24, definition_words(key, r.min_minutes), 14, height=120) + 6
    _paragraph(p, y + 6, translate("ProgressReport", "These are descriptions of practice, not measures of health: the "
                                   "check-ins are what the person answered, and heart-rhythm figures vary with posture, "
                                   "breathing, sleep and the sensor."), 13, MUTED)
