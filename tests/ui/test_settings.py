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


def test_wrong_types_fall_back_per_field_with_a_notice(config_dir):
    config_dir.mkdir(parents=True)
    settings_path().write_text(json.dumps({"theme": 3, "pacer_rate_bpm": 5, "audio_cue": "yes", "x": 1}))
    settings, notice = load_settings()
    assert settings.theme == "dark" and settings.audio_cue is False
    assert settings.pacer_rate_bpm == 5.0 and isinstance(settings.pacer_rate_bpm, float)  # an int is a number
    assert notice is not None and "theme 3 (text expected)" in notice and 'audio_cue "yes" (true or false expected)' in notice
    assert "pacer_rate_bpm" not in notice and "x 1" not in notice  # unknown keys: ignored


# What the user wrote, and what the app took. Before (measured): every bad key silently took its
# default, no notice, no copy, and the app's save on closing wrote over the user's file.
WRONG_TYPES = {
    "pacer_rate_bpm": "fast",
    "pacer_inhale_ratio": [0.4, 0.6],
    "session_minutes": {"minutes": 20},
    "sim_hr_bpm": None,
    "audio_cue": 1,
    "theme": ["light"],
    "serial_port": 3,
}
GOOD = {"pacer_hold_in_s": 1.5, "protocol": "ibi", "lsl_name": "Ana", "first_run_notice_seen": True,
        "source_kind": "serial", "sound_guide_volume": 0.25}


def test_wrong_typed_values_are_named_once_the_file_is_kept_and_the_good_keys_stay(config_dir):
    config_dir.mkdir(parents=True)
    raw = json.dumps({**WRONG_TYPES, **GOOD}, indent=1)
    settings_path().write_text(raw)
    settings, notice = load_settings()
    defaults = Settings()
    for name in WRONG_TYPES:
        assert getattr(settings, name) == getattr(defaults, name), name
        assert notice.count(f"{name} ") == 1, name  # each bad key named, once
    for name, value in GOOD.items():
        assert getattr(settings, name) == value, name
        assert name not in notice
    assert 'pacer_rate_bpm "fast" (a number expected)' in notice
    assert "pacer_inhale_ratio [0.4, 0.6] (a number expected)" in notice
    (kept,) = config_dir.glob("settings.json.invalid-*")
    assert kept.read_text() == raw and kept.name in notice
    assert settings_path().read_text() == raw  # untouched until the app saves its own
    # the app closes: bad keys are written as their defaults, good keys as they were, the copy stays
    save_settings(settings)
    saved = json.loads(settings_path().read_text())
    assert {k: saved[k] for k in GOOD} == GOOD and saved["pacer_rate_bpm"] == defaults.pacer_rate_bpm
    assert kept.read_text() == raw
    assert load_settings() == (settings, None)  # said once: the next start is quiet
    assert sorted(p.name for p in config_dir.iterdir()) == sorted(["settings.json", kept.name])  # no temp file


def test_started_again_before_saving_keeps_one_copy_of_the_same_file(config_dir):
    config_dir.mkdir(parents=True)
    settings_path().write_text('{"pacer_rate_bpm": "fast"}')
    _, first = load_settings()
    _, second = load_settings()  # (the app stopped without saving, or the wizard read them again)
    assert first == second and len(list(config_dir.glob("settings.json.invalid-*"))) == 1
    settings_path().write_text('{"pacer_rate_bpm": "slow"}')  # another bad file: kept too
    load_settings()
    assert len(list(config_dir.glob("settings.json.invalid-*"))) == 2


def test_numbers_too_long_or_json_too_deep_do_not_crash_the_start(config_dir):
    config_dir.mkdir(parents=True)
    # before: OverflowError from float() for 401 digits, ValueError (int's 4300-digit limit) made the
    # whole file unreadable so the good key was lost too; RecursionError escaped for deep nesting
    for digits in (401, 5000):
        settings_path().write_text(f'{{"session_minutes": 1{"0" * (digits - 1)}, "theme": "light"}}')
        settings, notice = load_settings()
        assert settings.session_minutes == Settings().session_minutes and settings.theme == "light"
        assert f"session_minutes (a number of {digits} digits) (allowed 0 to 600)" in notice
    settings_path().write_text('{"theme": ' + "[" * 100_000 + "]" * 100_000 + "}")
    settings, notice = load_settings()
    assert settings == Settings() and "could not be read" in notice
    assert list(config_dir.glob("settings.json.corrupt-*"))


def test_when_no_copy_can_be_written_the_file_is_renamed_aside(config_dir, monkeypatch):
    import errno

    import biofeedback.app.settings as settings_module

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    config_dir.mkdir(parents=True)
    raw = '{"pacer_rate_bpm": "fast", "theme": "light"}'
    settings_path().write_text(raw)
    monkeypatch.setattr(settings_module.shutil, "copy2", full_disk)
    settings, notice = load_settings()
    (kept,) = config_dir.glob("settings.json.invalid-*")
    assert kept.read_text() == raw and kept.name in notice and settings.theme == "light"
    assert not settings_path().exists() and not list(config_dir.glob(".*.tmp"))


def test_a_failed_save_leaves_the_file_as_it_was(config_dir):
    import pytest

    save_settings(Settings(theme="light"))
    before = settings_path().read_text()
    broken = Settings()
    broken.theme = object()  # type: ignore[assignment]  # not JSON: the write fails half way
    with pytest.raises(TypeError):
        save_settings(broken)
    assert settings_path().read_text() == before
    assert [p.name for p in config_dir.iterdir()] == ["settings.json"]


def test_the_window_says_which_settings_were_wrong_and_saves_the_rest(make_window, config_dir):
    config_dir.mkdir(parents=True)
    raw = json.dumps({"pacer_rate_bpm": "fast", "pacer_inhale_ratio": [0.4], "theme": "light",
                      "pacer_hold_in_s": 1.5, "first_run_notice_seen": True})
    settings_path().write_text(raw)
    settings, notice = load_settings()
    window = make_window(settings, notice=notice)
    shown = window.ui.status.notice.text()
    assert window.ui.status.notice.isVisible() and "pacer_rate_bpm" in shown and "pacer_inhale_ratio" in shown
    (kept,) = config_dir.glob("settings.json.invalid-*")
    assert kept.name in shown
    window.close()
    saved = json.loads(settings_path().read_text())
    assert saved["theme"] == "light" and saved["pacer_hold_in_s"] == 1.5
    assert saved["pacer_rate_bpm"] == Settings().pacer_rate_bpm
    assert kept.read_text() == raw  # what the user wrote is still there


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
    from biofeedback.core.breathing.pacer import Pacer

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
