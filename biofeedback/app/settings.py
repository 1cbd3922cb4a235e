"""User settings as JSON in the platform's config directory.

``BIOFEEDBACK_CONFIG_DIR`` overrides the directory (tests use a tmp_path).
A file that cannot be read as settings falls back to defaults with a notice
for the user; the bad file is renamed aside (never overwritten) so nothing
the user had is lost. Unknown keys are ignored; a value of the wrong type
falls back to that field's default. A value out of its range (``LIMITS``,
``CHOICES``: what the app's controls allow) falls back to its default too, with
a notice naming it, and the file as it was is copied aside, so a hand-edited
``pacer_inhale_ratio`` of 0 or a ``session_minutes`` of 1e30 cannot crash the app.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from biofeedback import config
from biofeedback.core.protocols import PROTOCOLS

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
    ble_address: str = ""  # source "ble": a strap's address; "" = the first strap found (experimental)
    lsl_enabled: bool = False  # publish this client on Lab Streaming Layer (off by default)
    lsl_name: str = ""  # the client's display name for the coach view ("" = this computer's name)

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        """Build from a parsed JSON object, keeping defaults for missing, mistyped or out-of-range keys."""
        return cls.checked(data)[0]

    @classmethod
    def checked(cls, data: dict) -> tuple[Settings, list[str]]:
        """Like ``from_dict``, also returning "name value (allowed …)" for each value out of range."""
        defaults = cls()
        kwargs: dict[str, Any] = {}  # each value checked against its field's default type below
        problems: list[str] = []
        for f in fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(defaults, f.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, (int, float)):
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            else:
                ok = isinstance(value, type(default))
            if not ok:
                continue
            allowed = _allowed(f.name, value)
            if allowed is not None:
                problems.append(f"{f.name} {value!r} (allowed {allowed})")
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
    "pacer_inhale_ratio": (0.1, 0.9),  # core.pacer refuses anything else
    "pacer_hold_in_s": (0.0, 4.0),
    "pacer_hold_out_s": (0.0, 4.0),
    "sound_guide_volume": (0.0, 1.0),
    "presentation_screen": (0, 16),
    "session_minutes": (0, 600),  # 0 = open-ended
}
CHOICES: dict[str, tuple[str, ...]] = {
    "source_kind": ("simulated", "serial", "replay", "lsl", "ble"),
    "protocol": ("auto", *PROTOCOLS),
    "theme": ("dark", "light"),
    "sim_shape": SIM_SHAPE_NAMES,
}


def _allowed(name: str, value: object) -> str | None:
    """None when ``value`` is allowed for setting ``name``, else the allowed range in words."""
    if name in LIMITS:
        lo, hi = LIMITS[name]
        number = float(value)  # type: ignore[arg-type]
        if math.isfinite(number) and lo <= number <= hi and (
                not isinstance(lo, int) or number == int(number)):
            return None
        return f"{lo:g} to {hi:g}"
    if name in CHOICES and value not in CHOICES[name]:
        return ", ".join(CHOICES[name])
    return None


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
    """Rename (or copy) a bad settings file to a name not yet taken; return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        suffix = f".{why}-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(path.name + suffix)
        if not target.exists():
            if copy:
                shutil.copy2(path, target)
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
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("settings file does not hold a JSON object")
        settings, problems = Settings.checked(data)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return Settings(), _unreadable_notice(path, exc)
    if not problems:
        return settings, None
    try:
        where = f"The file as it was is kept as {_keep_aside(path, 'invalid', copy=True).name}."
    except OSError as copy_exc:
        where = f"The file could not be copied aside ({copy_exc})."
    return settings, ("Some settings were out of range and use their defaults: "
                      f"{'; '.join(problems)}. {where}")


def _unreadable_notice(path: Path, exc: Exception) -> str:
    """Move the unreadable file aside and say so."""
    try:
        where = f"The unreadable file was kept as {_keep_aside(path).name}."
    except OSError as rename_exc:
        where = f"The unreadable file could not be moved aside ({rename_exc})."
    return (f"Your settings file could not be read ({type(exc).__name__}: {exc}). "
            f"Default settings are in use. {where}")


def save_settings(settings: Settings, directory: Path | None = None) -> Path:
    """Write atomically (temporary file then rename) so a crash never leaves half a file."""
    path = settings_path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
    return path
