"""User settings as JSON in the platform's config directory.

``BIOFEEDBACK_CONFIG_DIR`` overrides the directory (tests use a tmp_path).
Nothing the user had is lost, and nothing bad is taken silently:

- a file that cannot be read as settings (not JSON, not an object, nested too
  deep) gives the defaults; it is renamed aside (``settings.json.corrupt-<stamp>``);
- a value of the wrong type (``"pacer_rate_bpm": "fast"``, a list where a number
  belongs, ``"audio_cue": "yes"``) or out of its range (``LIMITS``, ``CHOICES``:
  what the app's controls allow; a hand-edited ``pacer_inhale_ratio`` of 0, a
  ``session_minutes`` of 1e30 or of 400 digits) falls back to that key's default
  only; every good key is kept. The file as it was is copied aside
  (``settings.json.invalid-<stamp>``; renamed aside if a copy cannot be written;
  an identical copy already there is reused, not repeated), since the app writes
  its own settings over it when it closes;
- either way ``load_settings`` returns one notice in words naming each bad key
  and where the file was kept; the window shows it in its status line.

Unknown keys are ignored. ``save_settings`` writes atomically (io/atomic_file.py):
the file is whole, on disk, or left as it was.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import time
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from biofeedback import config
from biofeedback.core.practice.lessons import parse_days
from biofeedback.core.practice.plan import PLAN_KINDS, PracticePlan, preset
from biofeedback.core.practice.reminders import MAX_TIMES, parse_times
from biofeedback.core.protocols import PROTOCOLS
from biofeedback.core.types import PULSE_DIRECTIONS
from biofeedback.io.atomic_file import atomic_path, atomic_text, describe

# The simulated finger's pulse shapes: the names of core.simulation.SHAPES, listed here because
# that package imports SciPy (~0.5 s) and the window needs only the names before it shows;
# tests/ui/test_sim_shape_setting.py checks that both lists agree.
SIM_SHAPE_NAMES = ("classic", "reflected", "dominant-reflected", "breathing")

SETTINGS_FILE = "settings.json"
ENV_CONFIG_DIR = "BIOFEEDBACK_CONFIG_DIR"


@dataclass
class Settings:
    """Everything the desktop app remembers between runs."""

    source_kind: str = "simulated"  # "simulated" | "serial" | "replay"
    serial_port: str = ""
    protocol: str = "auto"
    pulse_direction: str = "auto"  # "auto" | "upright" | "inverted" (core.types.PULSE_DIRECTIONS; Tools > Pulse direction)
    sim_hr_bpm: float = 65.0
    sim_resonance_bpm: float = 5.5
    sim_artifacts_per_min: float = 0.0
    sim_speed: float = 1.0
    sim_shape: str = "classic"  # pulse shape of the simulated finger (core.simulation.SHAPES)
    replay_path: str = ""
    replay_speed: float = 1.0
    pacer_rate_bpm: float = config.PACER_DEFAULT_BPM
    pacer_inhale_ratio: float = config.PACER_DEFAULT_INHALE_RATIO
    pacer_hold_in_s: float = 0.0
    pacer_hold_out_s: float = 0.0
    audio_cue: bool = False
    sound_guide_volume: float = config.AUDIO_DEFAULT_VOLUME  # eyes-closed sound guide, 0..1
    sound_guide_tone: bool = True  # its breathing tone (pitch follows the pacer)
    sound_guide_coherence: bool = True  # its coherence layer (brightens with the calm level)
    theme: str = "dark"  # "dark" | "light"
    presentation_screen: int = 0
    session_minutes: int = 10  # 0 = open-ended
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    first_run_notice_seen: bool = False
    lsl_stream: str = ""  # source "lsl": a stream name or source_id, or "type:ECG" (first of that type)
    ble_address: str = ""  # source "ble": a strap's address; "" = the first strap found (then remembered)
    lsl_enabled: bool = False  # publish this client on Lab Streaming Layer (off by default)
    lsl_name: str = ""  # the client's display name for the coach view ("" = this computer's name)
    # the practice plan (core/practice/plan.py): a preset fixes its own numbers; "custom" uses the plan_* numbers
    plan_kind: str = "none"  # "none" | "lehrer" | "short-daily" | "custom"
    plan_sessions_per_day: int = 2
    plan_minutes_per_session: int = 10
    plan_days_per_week: int = 7
    plan_weeks: int = 0  # 0 = open-ended
    plan_start: str = ""  # ISO date the plan began; "" = the week of the first session
    plan_last_review: str = ""  # ISO date the weekly review was last opened: the next step offers the next one
    # sessions shorter than this are kept but left out of comparisons and progress (core/practice/session_kind.py)
    progress_min_session_minutes: float = config.PRACTICE_MIN_SESSION_MIN
    # practice reminders (core/practice/reminders.py): off until the user turns them on
    reminders_enabled: bool = False
    reminder_times: str = "08:30, 18:00"  # HH:MM, comma-separated, local time
    reminder_snooze_minutes: int = 10
    first_use_date: str = ""  # ISO date the app was first opened: which lesson is today's (core/practice/lessons.py)
    lessons_read: str = ""  # days of the lessons opened, e.g. "1,2,3" (the list ticks them)
    language: str = ""  # the window's language: "" = the system's, "en" | "es" | "pt" | "pt_BR" (ui/i18n.py)

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        """Build from a parsed JSON object, keeping defaults for missing, mistyped or out-of-range keys."""
        return cls.checked(data)[0]

    @classmethod
    def checked(cls, data: dict) -> tuple[Settings, list[str]]:
        """Like ``from_dict``, also returning "name value (what is allowed)" for each value not used."""
        defaults = cls()
        kwargs: dict[str, Any] = {}  # each value checked against its field's default type below
        problems: list[str] = []
        for f in fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(defaults, f.name)
            if isinstance(default, bool):
                ok, expected = isinstance(value, bool), NOT_TRUE_OR_FALSE
            elif isinstance(default, (int, float)):
                ok, expected = isinstance(value, (int, float)) and not isinstance(value, bool), NOT_A_NUMBER
            else:
                ok, expected = isinstance(value, type(default)), NOT_TEXT
            if not ok:
                problems.append(expected.format(name=f.name, value=_shown(value)))
                continue
            allowed = _allowed(f.name, value)
            if allowed is not None:
                problems.append(allowed.format(name=f.name, value=_shown(value)))
                continue
            kwargs[f.name] = type(default)(value) if isinstance(default, (int, float)) else value
        return cls(**kwargs), problems


# What the app's controls allow (inclusive ranges; units in the names).
LIMITS: dict[str, tuple[float, float]] = {
    "sim_hr_bpm": (40.0, 120.0),
    "sim_resonance_bpm": (config.PACER_MIN_BPM, config.PACER_MAX_BPM),
    "sim_artifacts_per_min": (0.0, 30.0),
    "sim_speed": (0.1, 50.0),
    "replay_speed": (0.1, 50.0),
    "pacer_rate_bpm": (config.PACER_MIN_BPM, config.PACER_MAX_BPM),
    "pacer_inhale_ratio": (0.1, 0.9),  # core.breathing.pacer refuses anything else
    "pacer_hold_in_s": (0.0, 4.0),
    "pacer_hold_out_s": (0.0, 4.0),
    "sound_guide_volume": (0.0, 1.0),
    "presentation_screen": (0, 16),
    "session_minutes": (0, 600),  # 0 = open-ended
    "plan_sessions_per_day": (1, 6),
    "plan_minutes_per_session": (1, 120),
    "plan_days_per_week": (1, 7),
    "plan_weeks": (0, 104),
    "progress_min_session_minutes": (0.0, 30.0),
    "reminder_snooze_minutes": (1, 120),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "source_kind": ("simulated", "serial", "replay", "lsl", "ble"),
    "protocol": ("auto", *PROTOCOLS),
    "pulse_direction": tuple(PULSE_DIRECTIONS),
    "theme": ("dark", "light"),
    "sim_shape": SIM_SHAPE_NAMES,
    "plan_kind": PLAN_KINDS,
    "language": ("", "en", "es", "pt", "pt_BR"),
}


# Why a value in the file was not used, "name value (what is allowed)" (ui/notice_words.py translates these).
NOT_TRUE_OR_FALSE = "{name} {value} (true or false expected)"
NOT_A_NUMBER = "{name} {value} (a number expected)"
NOT_TEXT = "{name} {value} (text expected)"
OUT_OF_RANGE = "{name} {value} (allowed {low} to {high})"
NOT_FINITE = "{name} {value} (allowed a finite number)"
NOT_A_CHOICE = "{name} {value} (allowed {choices})"
NOT_A_DATE = "{name} {value} (allowed a date such as 2026-12-07, or empty)"
NOT_LESSON_DAYS = "{name} {value} (allowed lesson days separated by commas, such as 1,2,3)"
NOT_TIMES = "{name} {value} (allowed times of day as HH:MM separated by commas, at most {most})"
LONG_NUMBER = "(a number of {digits} digits)"


def _allowed(name: str, value: object) -> str | None:
    """None when ``value`` is allowed for setting ``name``, else the reason with ``{name}`` and ``{value}`` to fill."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:  # an integer of hundreds of digits
            number = math.inf
        if name in LIMITS:
            lo, hi = LIMITS[name]
            if math.isfinite(number) and lo <= number <= hi and (
                    not isinstance(lo, int) or number == int(number)):
                return None
            return OUT_OF_RANGE.replace("{low}", f"{lo:g}").replace("{high}", f"{hi:g}")
        if not math.isfinite(number):
            return NOT_FINITE
    if name in CHOICES and value not in CHOICES[name]:
        return NOT_A_CHOICE.replace("{choices}", ", ".join(CHOICES[name]))
    if name in ("plan_start", "plan_last_review", "first_use_date") and value != "" and _iso_date(value) is None:
        return NOT_A_DATE
    if name == "lessons_read" and isinstance(value, str) and parse_days(value) is None:
        return NOT_LESSON_DAYS
    if name == "reminder_times" and isinstance(value, str):
        try:
            parse_times(value)
        except ValueError:
            return NOT_TIMES.replace("{most}", str(MAX_TIMES))
    return None


def _iso_date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def practice_plan(settings: Settings) -> PracticePlan:
    """The plan the settings hold (a preset's own numbers, or the custom ones)."""
    return preset(settings.plan_kind, _iso_date(settings.plan_start), settings.plan_sessions_per_day,
                  settings.plan_minutes_per_session, settings.plan_days_per_week, settings.plan_weeks)


class _LongInteger(float):
    """An integer of more digits than any setting takes, read as its float (int() refuses over 4300)."""

    digits = 0


def _parse_int(text: str) -> int | float:
    """JSON integers, the very long ones as ``_LongInteger`` (out of every range, named by their length)."""
    if len(text) <= 300:
        return int(text)
    number = _LongInteger(text)
    number.digits = len(text.lstrip("-"))
    return number


def _shown(value: object, limit: int = 40) -> str:
    """A value as the file spells it, shortened: ``"fast"``, ``[6, 5]``, ``NaN``."""
    if isinstance(value, _LongInteger):
        return LONG_NUMBER.format(digits=value.digits)
    try:
        text = json.dumps(value, ensure_ascii=False)
    except ValueError:
        text = f"({type(value).__name__})"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def config_dir() -> Path:
    """The settings directory: $BIOFEEDBACK_CONFIG_DIR or platformdirs' user config dir."""
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir("biofeedback"))


def settings_path(directory: Path | None = None) -> Path:
    return (directory or config_dir()) / SETTINGS_FILE


def _keep_aside(path: Path, why: str = "corrupt", copy: bool = False) -> Path:
    """Rename (or copy) a bad settings file to a name not yet taken; return the new path.

    A copy is written atomically; when a copy of the same bytes is already there
    (the app was started again before it saved its own settings) that one is returned.
    """
    if copy:
        content = path.read_bytes()
        for earlier in sorted(path.parent.glob(f"{path.name}.{why}-*")):
            try:
                if earlier.is_file() and earlier.read_bytes() == content:
                    return earlier
            except OSError:
                continue
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        suffix = f".{why}-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(path.name + suffix)
        if not target.exists():
            if copy:
                with atomic_path(target, allow_empty=True) as tmp:
                    shutil.copy2(path, tmp)
            else:
                path.rename(target)
            return target
        n += 1


def load_settings(directory: Path | None = None) -> tuple[Settings, str | None]:
    """Read the settings; returns (settings, notice for the user or None)."""
    path = settings_path(directory)
    if not path.exists():
        return Settings(), None
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_int=_parse_int)
        if not isinstance(data, dict):
            raise ValueError("settings file does not hold a JSON object")
        settings, problems = Settings.checked(data)
    except (OSError, ValueError, UnicodeDecodeError, RecursionError) as exc:
        return Settings(), _unreadable_notice(path, exc)
    if not problems:
        return settings, None
    return settings, ("Some settings could not be used and are back to their defaults: "
                      f"{'; '.join(problems)}. The others are kept. {_keep_copy(path)}")


def _keep_copy(path: Path) -> str:
    """Keep the file as it was beside it (a copy, else renamed) before the app writes over it; say where."""
    try:
        return f"The file as it was is kept as {_keep_aside(path, 'invalid', copy=True).name}."
    except OSError as copy_exc:
        try:
            return f"The file as it was is kept as {_keep_aside(path, 'invalid').name}."
        except OSError:
            return f"The file could not be kept aside ({describe(copy_exc)}); it is written over when the app closes."


def _unreadable_notice(path: Path, exc: Exception) -> str:
    """Move the unreadable file aside and say so."""
    try:
        where = f"The unreadable file was kept as {_keep_aside(path).name}."
    except OSError as rename_exc:
        where = f"The unreadable file could not be moved aside ({rename_exc})."
    return (f"Your settings file could not be read ({type(exc).__name__}: {exc}). "
            f"Default settings are in use. {where}")


def save_settings(settings: Settings, directory: Path | None = None) -> Path:
    """Write atomically (io/atomic_file: temporary file, fsync, rename): a crash never leaves half a file."""
    path = settings_path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_text(path) as f:
        f.write(json.dumps(asdict(settings), indent=2, sort_keys=True))
    return path
