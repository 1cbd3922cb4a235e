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
