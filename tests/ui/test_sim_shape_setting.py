"""The simulated sensor's pulse shape is a setting: kept, checked, and passed to the source."""

from __future__ import annotations

from biofeedback.app.settings import Settings
from biofeedback.app.sources import make_source


def test_a_known_shape_is_kept_and_reaches_the_simulated_source():
    settings = Settings.from_dict({"source_kind": "simulated", "sim_shape": "reflected"})
    assert settings.sim_shape == "reflected"
    source = make_source(settings)
    assert source.settings.shape == "reflected"


def test_an_unknown_shape_falls_back_to_the_default_with_a_notice():
    settings, problems = Settings.checked({"sim_shape": "square"})
    assert settings.sim_shape == "classic"
    assert any("sim_shape" in p for p in problems)


def test_the_settings_know_every_shape_the_simulator_has():
    """settings.SIM_SHAPE_NAMES saves the window SciPy's import at start; it must stay the simulator's list."""
    from biofeedback.app.settings import CHOICES, SIM_SHAPE_NAMES
    from biofeedback.core.simulation import SHAPES

    assert SIM_SHAPE_NAMES == tuple(SHAPES)
    assert CHOICES["sim_shape"] == tuple(SHAPES)
