"""User settings as JSON in the platform's config directory.

``BIOFEEDBACK_CONFIG_DIR`` overrides the directory (tests use a tmp_path).
A file that cannot be read as settings falls back to defaults with a notice
for the user; the bad file is renamed aside (never overwritten) so nothing
the user had is lost. Unknown keys are ignored; a value of the wrong type
falls back to that field's default.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from biofeedback import config

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
    replay_path: str = ""
    replay_speed: float = 1.0
    pacer_rate_bpm: float = config.PACER_DEFAULT_BPM
    pacer_inhale_ratio: float = config.PACER_DEFAULT_INHALE_RATIO
    pacer_hold_in_s: float = 0.0
    pacer_hold_out_s: float = 0.0
    audio_cue: bool = False
    theme: str = "dark"  # "dark" | "light"
    presentation_screen: int = 0
    session_minutes: int = 10  # 0 = open-ended
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    first_run_notice_seen: bool = False

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        """Build from a parsed JSON object, keeping defaults for missing or mistyped keys."""
        defaults = cls()
        kwargs = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(defaults, f.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, (int, float)):
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
                value = type(default)(value) if ok else value
            else:
                ok = isinstance(value, type(default))
            if ok:
                kwargs[f.name] = value
        return cls(**kwargs)


def config_dir() -> Path:
    """The settings directory: $BIOFEEDBACK_CONFIG_DIR or platformdirs' user config dir."""
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir("biofeedback"))


def settings_path(directory: Path | None = None) -> Path:
    return (directory or config_dir()) / SETTINGS_FILE


def _keep_aside(path: Path) -> Path:
    """Rename a bad settings file to a name not yet taken; return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        suffix = f".corrupt-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(path.name + suffix)
        if not target.exists():
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
        return Settings.from_dict(data), None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        try:
            kept = _keep_aside(path)
            where = f"The unreadable file was kept as {kept.name}."
        except OSError as rename_exc:
            where = f"The unreadable file could not be moved aside ({rename_exc})."
        notice = (
            f"Your settings file could not be read ({type(exc).__name__}: {exc}). "
            f"Default settings are in use. {where}"
        )
        return Settings(), notice


def save_settings(settings: Settings, directory: Path | None = None) -> Path:
    """Write atomically (temporary file then rename) so a crash never leaves half a file."""
    path = settings_path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
    return path
