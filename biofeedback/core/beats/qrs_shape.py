"""Is a QRS complex a normal beat's, or an ectopic one's? Its shape against the person's own.

A ventricular ectopic beat (a premature ventricular contraction) is conducted through the
ventricles' muscle, not their fast conduction system: its QRS is wide and shaped unlike the
dominant beat's (a QRS of 120 ms or more is wide: Surawicz et al. 2009, AHA/ACCF/HRS
recommendations for the ECG, part III). It often comes on time (bigeminy: every second
beat), so the interval rules of the artifact stage (Lipponen & Tarvainen 2019) cannot see
it; the Task Force of the ESC/NASPE (1996) counts only normal-to-normal intervals in HRV.

As in template-matching beat classifiers (Hamilton 2002, "Open source ECG analysis",
Computers in Cardiology 29:101-104), each QRS (the 0.5-40 Hz ECG around its R peak) is
compared with a template, the sample-by-sample median of the last ``TEMPLATE_BEATS`` normal
ones: ectopic when its correlation with it is under ``QRS_MIN_CORRELATION`` and its steep
part (where the slope exceeds ``QRS_STEEP_SHARE`` of its steepest) lasts more than
``QRS_MAX_WIDTH_RATIO`` times the template's, and it is smooth (``jaggedness``): a QRS that
motion noise distorted zigzags, and its R peak's time is kept as it is (BITalino ECG in
biopeaks' test data: 17 such beats in 4 of its 6 recordings, total variation 2.6-5.5 times
their height; record 208's ventricular beats 1.6-1.9, 10th to 90th percentile). The first ``TEMPLATE_BEATS`` beats make the
template. When most recent beats differ from it (``REBUILD_AFTER`` of the last
``REBUILD_WINDOW``), the electrodes moved or the template was learnt from ectopic beats: it
is made again from the last beats. On MIT-BIH record 208 (docs/validation.md) the
cardiologists' ventricular beats correlate 0.51-0.66 with the normal template and their
steep part is 2.6-5 times as wide; normal beats correlate 0.89-1.0 (5th-95th percentiles).
"""

from __future__ import annotations

from collections import deque

import numpy as np

QRS_HALF_WINDOW_S = 0.12  # the QRS window: this long before and after the R peak
TEMPLATE_BEATS = 8  # normal beats in the template (the first this many make it)
QRS_MIN_CORRELATION = 0.8  # below: another shape (record 208: ventricular <= 0.66, normal >= 0.89)
QRS_STEEP_SHARE = 0.25  # the steep part: slope above this share of the window's steepest
QRS_MAX_WIDTH_RATIO = 1.5  # wider than this many times the template's steep part (and unlike it): ectopic
QRS_MAX_JAGGEDNESS = 2.5  # total variation over peak-to-peak: a QRS rises and falls (~2), motion zigzags
REBUILD_WINDOW = 8  # recent verdicts kept
REBUILD_AFTER = 6  # this many of them ectopic: the template is made again from the last beats


def steep_width(w: np.ndarray) -> int:
    """Samples from the first to the last slope above ``QRS_STEEP_SHARE`` of the steepest."""
    slope = np.abs(np.diff(w))
    top = float(slope.max(initial=0.0))
    if top <= 0.0:
        return 0
    above = np.flatnonzero(slope > QRS_STEEP_SHARE * top)
    return int(above[-1] - above[0] + 1)


def jaggedness(w: np.ndarray) -> float:
    """Total variation over peak-to-peak: ~2 for one smooth rise and fall, more for noise."""
    span = float(w.max() - w.min())
    return float(np.abs(np.diff(w)).sum()) / span if span > 0.0 else np.inf


class QrsShapeJudge:
    """Feed each R peak's QRS window (equal lengths); says whether it is ectopic."""

    def __init__(self) -> None:
        self._normal: deque[np.ndarray] = deque(maxlen=TEMPLATE_BEATS)
        self._recent: deque[np.ndarray] = deque(maxlen=TEMPLATE_BEATS)
        self._verdicts: deque[bool] = deque(maxlen=REBUILD_WINDOW)
        self._template: np.ndarray | None = None
        self._template_width = 0

    def ectopic(self, window: np.ndarray) -> bool:
        """Whether this QRS is unlike the normal ones; it joins the template when it is alike."""
        w = np.asarray(window, dtype=float) - float(np.mean(window))
        self._recent.append(w)
        if self._template is None:
            self._learn(w)
            return False
        t = self._template
        norm = float(np.sqrt(w.dot(w) * t.dot(t)))
        corr = float(w.dot(t)) / norm if norm > 0.0 else 0.0
        wide = steep_width(w) > QRS_MAX_WIDTH_RATIO * max(self._template_width, 1)
        ectopic = corr < QRS_MIN_CORRELATION and wide and jaggedness(w) <= QRS_MAX_JAGGEDNESS
        self._verdicts.append(ectopic)
        if not ectopic:
            self._learn(w)
        elif sum(self._verdicts) >= REBUILD_AFTER:  # most beats differ: the template is not theirs
            self._normal = deque(self._recent, maxlen=TEMPLATE_BEATS)
            self._verdicts.clear()
            self._remake()
        return ectopic

    def _learn(self, w: np.ndarray) -> None:
        self._normal.append(w)
        if len(self._normal) >= TEMPLATE_BEATS or self._template is not None:
            self._remake()

    def _remake(self) -> None:
        self._template = np.median(np.stack(list(self._normal)), axis=0)
        self._template_width = steep_width(self._template)
