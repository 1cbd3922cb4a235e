"""First-run notice and the help panel: what each number means, in plain words."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from biofeedback import NOT_A_MEDICAL_DEVICE, config
from biofeedback.ui.i18n import not_a_medical_device, translate

# every key the window answers to, in the order the help lists them: (what the help shows,
# what it does, the keys in Qt's portable names). tests/ui/test_theme_help.py checks that every
# shortcut and action key of the main window is here, so a new key cannot go unexplained.
SHORTCUTS = (
    (QT_TRANSLATE_NOOP("Help", "Space"), QT_TRANSLATE_NOOP("Help", "start or stop a session (the clock starts after the \"before\" check-in); on a button, "
                          "check box or list that has the keyboard focus, Space presses or opens it instead"),
     ("Space",)),
    (QT_TRANSLATE_NOOP("Help", "↑ / ↓ (or → / ←)"), QT_TRANSLATE_NOOP("Help", "pacer rate ±{step} breaths/min (a list with the focus "
                          "takes ↑ / ↓ itself)"),
     ("Up", "Down", "Right", "Left")),
    ("Tab", QT_TRANSLATE_NOOP("Help", "moves the keyboard focus through the controls and the pacer (the plots are skipped; "
                          "their values are read out by a screen reader)"),
     ("Tab",)),
    ("M", QT_TRANSLATE_NOOP("Help", "put a marker at this moment (during a session)"),
     ("M",)),
    ("N", QT_TRANSLATE_NOOP("Help", "type a note for this moment (during a session)"),
     ("N",)),
    ("Ctrl+H", QT_TRANSLATE_NOOP("Help", "session history and progress over weeks"),
     ("Ctrl+H",)),
    ("Ctrl+G", QT_TRANSLATE_NOOP("Help", "sound guide on or off: a tone that rises as you breathe in, for eyes closed "
                          "(Tools → Eyes closed)"),
     ("Ctrl+G",)),
    ("Ctrl+D", QT_TRANSLATE_NOOP("Help", "dim the screen, the pacer faintly visible (a click or Ctrl+D again lifts it)"),
     ("Ctrl+D",)),
    ("F11", QT_TRANSLATE_NOOP("Help", "presentation: with another screen chosen (\"Screen 2\"), the client's view opens there "
                          "and this window keeps every control; with one screen, this window in large type"),
     ("F11",)),
    (QT_TRANSLATE_NOOP("Help", "Esc"), QT_TRANSLATE_NOOP("Help", "close the client's view, or leave presentation mode (back to the window as it was)"),
     ("Esc",)),
    ("F1", QT_TRANSLATE_NOOP("Help", "this help"),
     ("F1",)),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Help", "quit; during a session it asks first: stop, answer the \"after\" check-in and close, "
                          "or keep practising (what is recorded is always kept)"),
     ("Ctrl+Q",)),
)

# the help's sections, each translated whole; {named} values filled in after translation
SECTIONS = (
    QT_TRANSLATE_NOOP("Help", "<h2>What the numbers mean</h2> <p><i>{disclaimer}</i></p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>Breathing pacer</h3> <p>Breathe in while the circle grows and the wave rises; breathe out "
                      "while it shrinks. Most adults see the largest heart-rate waves somewhere between 4.5 and 6.5 "
                      "breaths per minute (their \"resonance\" rate). Change the rate with the arrow keys in steps of "
                      "{step} ({min}–{max} breaths/min). Breathe gently: slow, not deep.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>Heart rate</h3> <p>Beats per minute from the last 3 beat-to-beat intervals, so you can see "
                      "it rise as you breathe in and fall as you breathe out. The tachogram plots every beat; crosses "
                      "mark beats the software corrected (a likely detection error or, with an ECG, an ectopic beat of "
                      "the heart).</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>HR swing</h3> <p>Highest minus lowest beat-to-beat heart rate during the last full breath of "
                      "the pacer. At a comfortable slow rate many adults reach 10–20 bpm, others much less; it varies "
                      "with age, fitness and the day. Larger is not a health score.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>RMSSD</h3> <p>Root mean square of successive differences between beat intervals (Task Force "
                      "1996), over the last {rmssd_s} s. It mostly reflects fast, breath-by-breath changes. Typical "
                      "resting adult values span roughly 15–80 ms and fall with age; compare only with yourself, same "
                      "posture, same time of day.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>Coherence</h3> <p>HeartMath's ratio (McCraty &amp; Childre 2010) over the last {window_s} s: "
                      "the power of the highest peak between 0.04 and 0.26 Hz divided by the rest of the spectrum. A "
                      "smooth, regular, wave-like heart rhythm gives a high ratio. This app shows the raw ratio, not "
                      "HeartMath's proprietary 0–16 score; values above about 1 mean one rhythm dominates.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>Spectrum</h3> <p>How much of the heart-rate variation happens at each speed, over the last "
                      "{spectrum_s} s. Shaded bands: VLF (below 0.04 Hz), LF (0.04–0.15 Hz), HF (0.15–0.4 Hz). The "
                      "dashed line is the pacer's rate; slow breathing at 6 per minute puts a peak at 0.1 Hz, inside "
                      "LF: expected during paced breathing, not a sign of anything.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>Signal quality</h3> <p>\"Finger off\", \"no signal\" and \"saturated\" mean the sensor cannot see "
                      "a clean pulse; numbers stop instead of guessing. If more than {artifact_pct} % of beats needed "
                      "correction, the numbers are unreliable: sit still, warm your hands, and check the clip.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>Pulse direction</h3> <p>A finger sensor's value rises when blood arrives; in some (a "
                      "MAX3010x's raw readings) it falls. The app reads which way from the pulse's shape: a quick rise "
                      "and a slow fall. When the shape does not show it clearly, the status line says \"pulse direction "
                      "unclear\", and the beats may sit on the wrong part of each pulse until a few clear pulses settle "
                      "it: sit still and check the sensor. A device that declares its direction is never in doubt. If you "
                      "know which way your sensor's wave goes, choose it in Tools → Pulse direction: it holds from "
                      "then on, over anything the sensor says.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>Coherence ring</h3> <p>The coherence number, the ring beside the trends and the level in "
                      "presentation mode all show one value: the coherence ratio of {window_s} s windows, smoothed over "
                      "the last {updates} updates (about {smooth_s} s) so it guides rather than jumps. Its level is "
                      "<b>low</b> below {low}, <b>medium</b> from {low} and <b>high</b> from {high}. So that it does "
                      "not flicker at a threshold, the level rises only once the value is {hysteresis_pct} % past it, "
                      "falls only once the value is {hysteresis_pct} % below it, and holds at least {dwell_s} s; the "
                      "caption under the number says where the current level holds. The ring's three arcs are the "
                      "levels; the current one is drawn bold, its name is written inside, and the inner circle grows "
                      "with the value. It needs {window_s} s of beats before it shows anything, and then changes every "
                      "{step_s} s, so give it time rather than chasing it. Click the ring (or Enter on it) to show the "
                      "numbers (the value and the last breath's HR swing). The thresholds are this app's choice on the "
                      "raw ratio, not HeartMath's score; the coherence trend plots each window's exact ratio.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>When data stop</h3> <p>When no beat has arrived for {stale_s} s (a finger lifted, a cable "
                      "pulled), after Disconnect, or when a replay ends, every number shows \"–\", the ring and the "
                      "presentation level say \"waiting\", and the heart-rate curve says \"waiting for beats\". The curve "
                      "is never drawn across missing data: it breaks where beats were lost.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>Your plan and today's dose</h3> <p>Practice → Plan… chooses how long and how often to "
                      "practise (Lehrer: the resonance assessment, then 2 × 20 min a day for 10 weeks; short daily: 3 × "
                      "5 min; or your own). The line above the not-a-medical-device notice shows today's minutes and "
                      "sessions against it and the next step. Only practice counts: sessions on a sensor, with the "
                      "pacer, at least the minimum length; assessments count as minutes. Sessions on the simulated "
                      "sensor, replays and short ones are kept but not counted. Practice → Weekly review… shows your "
                      "weeks against the plan, how pain, stress and mood before sessions changed, and your resonance "
                      "rate; a new assessment is offered after some weeks, never forced. Practice → Getting started… "
                      "shows the first steps again.</p>"),
    QT_TRANSLATE_NOOP("Help", "<h3>Keys</h3> {keys}"),
)


def _values(translated: bool) -> dict[str, str]:
    """The numbers the help quotes (config.py), with the language's decimal separator when translated."""
    def num(value: float, fmt: str) -> str:
        text = format(value, fmt)
        return text.replace(".", QLocale().decimalPoint()) if translated else text

    keys = "".join(f"<tr><td><b>{translate('Help', key) if translated else key}</b></td>"
                   f"<td>{(translate('Help', what) if translated else str(what)).format(step=num(config.PACER_STEP_BPM, 'g'))}"
                   "</td></tr>" for key, what, _ in SHORTCUTS)
    return {
        "disclaimer": not_a_medical_device() if translated else NOT_A_MEDICAL_DEVICE,
        "step": num(config.PACER_STEP_BPM, "g"), "min": num(config.PACER_MIN_BPM, "g"),
        "max": num(config.PACER_MAX_BPM, "g"), "rmssd_s": f"{config.LIVE_RMSSD_WINDOW_S:.0f}",
        "window_s": f"{config.COHERENCE_WINDOW_S:.0f}", "spectrum_s": f"{config.LIVE_SPECTRUM_WINDOW_S:.0f}",
        "artifact_pct": f"{100 * config.ARTIFACT_SHARE_WARN:.0f}", "updates": f"{config.COHERENCE_EMA_UPDATES:.0f}",
        "smooth_s": f"{config.COHERENCE_EMA_UPDATES * config.COHERENCE_STEP_S / 2:.0f}",
        "low": num(config.COHERENCE_LEVELS[0], "g"), "high": num(config.COHERENCE_LEVELS[1], "g"),
        "hysteresis_pct": f"{100 * config.COHERENCE_HYSTERESIS_SHARE:.0f}",
        "dwell_s": f"{config.COHERENCE_MIN_DWELL_S:.0f}", "step_s": f"{config.COHERENCE_STEP_S:.0f}",
        "stale_s": f"{config.LIVE_STALE_AFTER_S:.0f}",
        "keys": '<table cellpadding="3">' + keys + "</table>",
    }


def help_html(translated: bool = True) -> str:
    """The help in the window's language (``translated=False``: the English source, HELP_HTML)."""
    values = _values(translated)
    return "\n".join((translate("Help", section) if translated else str(section)).format(**values)
                     for section in SECTIONS)


HELP_HTML = help_html(translated=False)


class TextDialog(QDialog):
    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 560)
        self.browser = QTextBrowser()
        self.browser.setHtml(html)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)


def help_dialog(parent: QWidget | None = None) -> TextDialog:
    return TextDialog(translate("Help", "biofeedback: help"), help_html(), parent)
