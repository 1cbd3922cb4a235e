"""Eyes closed in the window: the sound guide (no audio device here), its settings, the dimmed screen."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QPoint, Qt

from biofeedback.app.settings import Settings, load_settings, save_settings, settings_path


def _harmonic_share(pcm: np.ndarray, fs_hz: float) -> float:
    """Energy above 1.3 x the strongest frequency over all energy: how bright a steady tone is."""
    spectrum = np.abs(np.fft.rfft(pcm * np.hanning(pcm.size))) ** 2
    freqs = np.fft.rfftfreq(pcm.size, 1.0 / fs_hz)
    f0 = freqs[np.argmax(spectrum)]
    return float(spectrum[freqs > 1.3 * f0].sum() / spectrum.sum())


def test_sound_guide_without_an_audio_output_says_why_and_unchecks(make_window):
    window = make_window()
    eyes = window.eyes_closed
    action = eyes.sound_action
    assert action.isCheckable() and action.shortcut().toString() == "Ctrl+G"
    assert action in window.actions()  # the key works with the menu bar hidden (presentation)
    action.trigger()
    assert not action.isChecked()
    notice = window.ui.status.notice.text()
    assert notice.startswith("Audio off:"), notice
    assert not eyes.output.running
    action.trigger()  # asking again gives the same clear answer, no crash
    assert not action.isChecked() and window.ui.status.notice.text() == notice


def test_sound_guide_plays_the_active_pacer_and_the_calm_level(make_window):
    window = make_window()
    eyes = window.eyes_closed
    eyes.coherence_action.setChecked(True)
    eyes.tone_action.setChecked(False)  # only the coherence layer: its brightness is what we hear
    synth = eyes.output.synth
    fs = synth.fs_hz
    n = int(fs)
    steady = np.zeros(n)  # a held guide: one steady pitch to read the brightness of

    eyes.feed_coherence()  # no coherence yet: the plainest layer
    synth.render(steady)  # let the glide settle
    plain = _harmonic_share(synth.render(steady), fs)
    for k in range(40):  # a steady, high coherence ratio: the calm level climbs to "high"
        window.live.model.coherence_level.update(10.0 * k, 8.0)
    assert window.live.model.coherence_level.latest.level == 2
    eyes.feed_coherence()
    synth.render(steady)
    bright = _harmonic_share(synth.render(steady), fs)
    assert bright > plain + 0.1, (plain, bright)

    assert eyes.output.device.pacer() is window.live.pacer  # the active pacer, read at each pull


def test_sound_guide_settings_are_saved_and_come_back(make_window, config_dir):
    window = make_window()
    eyes = window.eyes_closed
    eyes.tone_action.setChecked(False)
    eyes.volume_actions[0.25].trigger()
    saved = json.loads(settings_path().read_text())
    assert saved["sound_guide_volume"] == 0.25
    assert saved["sound_guide_tone"] is False and saved["sound_guide_coherence"] is True
    assert eyes.output.synth._target["volume"] == 0.25 and eyes.output.synth._target["tone"] == 0.0

    loaded, notice = load_settings()
    assert notice is None
    second = make_window(loaded)
    assert not second.eyes_closed.tone_action.isChecked()
    assert second.eyes_closed.coherence_action.isChecked()
    assert second.eyes_closed.volume_actions[0.25].isChecked()
    assert not second.eyes_closed.volume_actions[0.5].isChecked()


def test_sound_guide_volume_out_of_range_falls_back_with_a_notice(config_dir):
    save_settings(Settings(sound_guide_volume=0.75, sound_guide_coherence=False))
    assert load_settings() == (Settings(sound_guide_volume=0.75, sound_guide_coherence=False), None)
    data = json.loads(settings_path().read_text())
    data["sound_guide_volume"] = 7.0
    settings_path().write_text(json.dumps(data))
    settings, notice = load_settings()
    assert settings.sound_guide_volume == Settings().sound_guide_volume
    assert not settings.sound_guide_coherence  # the other values stay
    assert "sound_guide_volume 7.0 (allowed 0 to 1)" in notice


def test_dim_overlay_covers_the_window_and_leaves_the_pacer_faint(make_window, qtbot):
    window = make_window()
    eyes = window.eyes_closed
    before = window.grab().toImage()
    eyes.dim_action.trigger()
    overlay = eyes.overlay
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    for x, y in ((5, 5), (window.width() // 2, window.height() // 2), (window.width() - 5, window.height() - 5)):
        assert window.childAt(QPoint(x, y)) is overlay
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: overlay.geometry() == window.rect(), timeout=2000)

    image = window.grab().toImage()
    pacer = overlay.pacer_rect()
    assert not pacer.isEmpty()

    def mean_lightness(img, rect) -> float:
        points = [(rect.left() + rect.width() * i // 8, rect.top() + rect.height() * j // 8)
                  for i in range(1, 8) for j in range(1, 8)]
        return float(np.mean([img.pixelColor(x, y).lightness() for x, y in points]))

    lit_before = mean_lightness(before, window.rect())
    assert mean_lightness(image, window.rect()) < 0.2 * lit_before + 5  # dark all over
    status = window.ui.status.geometry()
    status_rect = status.translated(window.ui.status.mapTo(window, QPoint(0, 0)) - status.topLeft())
    assert mean_lightness(image, pacer) > mean_lightness(image, status_rect)  # the pacer shows through

    qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton)  # a click brings the screen back
    assert not overlay.isVisible() and not eyes.dim_action.isChecked()
    eyes.dim_action.trigger()
    eyes.dim_action.trigger()
    assert not overlay.isVisible()
