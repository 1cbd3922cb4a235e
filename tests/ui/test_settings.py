"""Settings round-trip through JSON; a corrupt file gives defaults, a notice, and is kept."""

from __future__ import annotations

import json

from biofeedback.app.settings import Settings, load_settings, save_settings, settings_path


def test_settings_round_trip(config_dir):
    settings = Settings(
        source_kind="serial",
        serial_port="/dev/ttyACM0",
        protocol="pulsesensor",
        pacer_rate_bpm=5.4,
        pacer_inhale_ratio=0.4,
        pacer_hold_in_s=1.0,
        theme="light",
        window_geometry="AdnQywADAAA=",
        first_run_notice_seen=True,
    )
    path = save_settings(settings)
    assert path == config_dir / "settings.json"
    loaded, notice = load_settings()
    assert notice is None
    assert loaded == settings
    assert json.loads(path.read_text())["pacer_rate_bpm"] == 5.4


def test_missing_file_gives_defaults_without_notice(config_dir):
    assert load_settings() == (Settings(), None)


def test_corrupt_file_gives_defaults_a_notice_and_is_kept_aside(config_dir):
    config_dir.mkdir(parents=True)
    bad = settings_path()
    bad.write_text('{"theme": "light", "pacer_rate_bpm": 5.')
    settings, notice = load_settings()
    assert settings == Settings()
    assert notice is not None and "Default settings are in use" in notice
    kept = list(config_dir.glob("settings.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text() == '{"theme": "light", "pacer_rate_bpm": 5.'
    assert kept[0].name in notice
    # a second corrupt file is kept too, never overwriting the first
    bad.write_text("[1, 2")
    load_settings()
    assert len(list(config_dir.glob("settings.json.corrupt-*"))) == 2


def test_wrong_types_fall_back_per_field(config_dir):
    config_dir.mkdir(parents=True)
    settings_path().write_text(json.dumps({"theme": 3, "pacer_rate_bpm": 5, "audio_cue": "yes", "x": 1}))
    settings, notice = load_settings()
    assert notice is None
    assert settings.theme == "dark" and settings.audio_cue is False
    assert settings.pacer_rate_bpm == 5.0 and isinstance(settings.pacer_rate_bpm, float)


def test_window_shows_the_corrupt_settings_notice_and_saves_geometry(make_window, config_dir):
    config_dir.mkdir(parents=True)
    settings_path().write_text("not json")
    settings, notice = load_settings()
    window = make_window(settings, notice=notice)
    assert "could not be read" in window.ui.status.notice.text()
    assert window.ui.status.notice.isVisible()
    window.ui.rate.setValue(7.5)
    window.close()
    saved, _ = load_settings()
    assert saved.pacer_rate_bpm == 7.5
    assert saved.window_geometry


def test_out_of_range_values_fall_back_to_defaults_with_a_notice_and_the_file_kept(config_dir):
    from biofeedback.core.pacer import Pacer

    config_dir.mkdir(parents=True)
    raw = ('{"pacer_inhale_ratio": 0, "pacer_hold_in_s": -5, "session_minutes": 1e30, '
           '"pacer_rate_bpm": NaN, "theme": "purple", "protocol": "nonsense", "pacer_hold_out_s": 2.0, '
           '"sim_hr_bpm": 80}')
    settings_path().write_text(raw)
    settings, notice = load_settings()
    defaults = Settings()
    assert settings.pacer_inhale_ratio == defaults.pacer_inhale_ratio
    assert settings.pacer_hold_in_s == 0.0 and settings.session_minutes == defaults.session_minutes
    assert settings.pacer_rate_bpm == defaults.pacer_rate_bpm and settings.theme == "dark"
    assert settings.protocol == "auto"
    assert settings.pacer_hold_out_s == 2.0 and settings.sim_hr_bpm == 80.0  # valid values stay
    for name in ("pacer_inhale_ratio", "pacer_hold_in_s", "session_minutes", "pacer_rate_bpm", "theme", "protocol"):
        assert name in notice
    assert "pacer_hold_out_s" not in notice
    (kept,) = config_dir.glob("settings.json.invalid-*")
    assert kept.read_text() == raw and kept.name in notice
    assert settings_path().read_text() == raw  # still there until the app saves its own
    # what the app builds from them works
    Pacer(settings.pacer_rate_bpm, settings.pacer_inhale_ratio, settings.pacer_hold_in_s, settings.pacer_hold_out_s)


def test_every_default_is_within_its_own_limits():
    from biofeedback.app.settings import CHOICES, LIMITS

    defaults = Settings()
    for name, (lo, hi) in LIMITS.items():
        assert lo <= getattr(defaults, name) <= hi, name
    for name, allowed in CHOICES.items():
        assert getattr(defaults, name) in allowed, name


def test_window_starts_from_out_of_range_settings_and_shows_which(make_window, config_dir):
    config_dir.mkdir(parents=True)
    settings_path().write_text(json.dumps({"pacer_inhale_ratio": 0, "pacer_hold_in_s": -5, "session_minutes": 1e30,
                                           "first_run_notice_seen": True}))
    settings, notice = load_settings()
    window = make_window(settings, notice=notice)
    assert "pacer_inhale_ratio" in window.ui.status.notice.text()
    assert window.ui.status.notice.isVisible()
