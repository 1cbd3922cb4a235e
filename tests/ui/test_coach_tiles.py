"""A coach tile tells a lost client at a glance and reads across a room: greyed numbers and curves, a
clock that stands, "lost since 12:04"; the pacer's rate, the coherence level as a colour, a time axis
and a legend. The tile draws a ClientState it is given (no network here; the model's part is in
tests/app/test_coach_lost.py)."""

from __future__ import annotations

import math
import time

from PySide6.QtGui import QImage, QPainter

from biofeedback.app.coach_model import ClientState
from biofeedback.ui.coach.tile import ClientTile, _clock, wall_clock_text
from biofeedback.ui.theme import DARK

NOW_S = 5000.0  # the coach's local_clock at the first drawing


def live_client(rate_bpm: float = 6.0, ratio: float = 2.1, level: int = 2) -> ClientState:
    c = ClientState(key="biofeedback:host:Chris", name="Chris", host="host")
    c.first_seen_t_s = NOW_S - 754.0
    t = NOW_S - 70.0
    while t < NOW_S - 0.3:
        rr = 60000.0 / (70 + 6 * math.sin(2 * math.pi * rate_bpm / 60 * t))
        t += rr / 1000.0
        c.beats.append((t, rr, False, True))
    c.pacer.extend((NOW_S - 60 + k / 10, 0.5, rate_bpm) for k in range(600))
    c.last_sample_t_s = NOW_S
    c.metrics = {"hr_bpm": 70.0, "rmssd_ms": 42.0, "coherence_ratio": ratio, "signal_ok": 1.0,
                 "artifact_share": 0.0, "pacer_bpm": rate_bpm}
    c.coherence_level = level
    return c


def shown_tile(qtbot) -> ClientTile:
    tile = ClientTile("biofeedback:host:Chris", DARK)
    qtbot.addWidget(tile)
    tile.resize(660, 360)
    tile.show()
    qtbot.waitExposed(tile)
    return tile


def colour(label) -> str:
    return label.styleSheet().removeprefix("color: ").rstrip(";")


def test_a_lost_client_greys_stops_its_clock_and_says_since_when(qtbot):
    tile = shown_tile(qtbot)
    client = live_client()
    tile.show_client(client, NOW_S)
    assert tile.state.text().startswith("signal good")
    assert colour(tile.values["hr"]) == DARK.heart and tile.values["session"].text() == "12:34"
    # it died at NOW_S: lost (its streams closed) since 12:04 by the coach's wall clock
    client.lost = client.quiet = True
    client.lost_since_wall_s = time.mktime((2026, 12, 6, 12, 4, 30, 0, 0, -1))
    tile.show_client(client, NOW_S + 5.0)
    assert tile.state.text() == "lost since 12:04" and colour(tile.state) == DARK.warn
    assert {colour(v) for v in tile.values.values()} == {DARK.muted}  # every number grey
    assert tile._hr_pen_color == DARK.muted and tile.hr_curve.opts["pen"].color().name() == DARK.muted
    assert tile.pacer_curve.opts["pen"].color().name() == DARK.muted
    assert f"solid {DARK.warn}" in tile.styleSheet()  # the frame says it too
    tile.show_client(client, NOW_S + 21.0)  # 0:30 -> 0:51 was the old tile; now the clock stands
    assert tile.values["session"].text() == "12:34" == _clock(client.last_sample_t_s - client.first_seen_t_s)
    # back: colours, the state and the clock run again
    client.lost = client.quiet = False
    client.lost_since_wall_s = None
    client.last_sample_t_s = NOW_S + 30.0
    tile.show_client(client, NOW_S + 30.0)
    assert tile.state.text().startswith("signal good") and colour(tile.values["hr"]) == DARK.heart
    assert tile.values["session"].text() == "13:04"


def test_a_client_that_went_quiet_is_grey_and_still_before_it_is_lost(qtbot):
    tile = shown_tile(qtbot)
    client = live_client()
    client.quiet = True  # nothing for COACH_QUIET_AFTER_S, its connections not closed (yet)
    tile.show_client(client, NOW_S + 2.5)
    assert tile.state.text() == "no data" and "signal good" not in tile.state.text()
    assert {colour(v) for v in tile.values.values()} == {DARK.muted}
    assert tile.values["session"].text() == "12:34"


def test_the_tile_carries_the_pacer_rate_the_coherence_colour_and_readable_axes(qtbot):
    tile = shown_tile(qtbot)
    tile.show_client(live_client(rate_bpm=5.5, ratio=2.1, level=2), NOW_S)
    assert tile.pacer_rate_text == "5.5 /min" and "breathing guide 5.5 /min (up = inhale)" in tile.legend.text()
    assert "heart rate" in tile.legend.text() and tile.legend.isVisible()
    assert colour(tile.values["coherence"]) == DARK.ok and tile.caption_of["coherence"].text() == "coherence high"
    assert f"solid {DARK.ok}" in tile.styleSheet()
    tile.show_client(live_client(ratio=1.0, level=1), NOW_S)
    assert colour(tile.values["coherence"]) == DARK.accent and f"solid {DARK.accent}" in tile.styleSheet()
    assert tile.caption_of["coherence"].text() == "coherence medium" and tile.pacer_rate_text == "6.0 /min"
    # a time axis whose every label is drawn, the ends included, in type larger than pyqtgraph's 10 px
    axis = tile.plot.getPlotItem().getAxis("bottom")
    assert axis.isVisible() and axis.style["tickFont"].pointSizeF() >= 11
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    _, _, texts = axis.generateDrawSpecs(painter)
    painter.end()
    assert [t[2] for t in texts] == ["-60 s", "-45 s", "-30 s", "-15 s", "now"]
    assert tile.plot.getPlotItem().getAxis("left").labelText == "bpm"


def test_wall_clock_text_is_hours_and_minutes():
    assert wall_clock_text(time.mktime((2026, 12, 6, 9, 7, 59, 0, 0, -1))) == "09:07"
