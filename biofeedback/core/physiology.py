"""Compatibility name: the simulator now lives in ``biofeedback.core.simulation``."""

from biofeedback.core.simulation import *  # noqa: F403
from biofeedback.core.simulation import __all__  # noqa: F401
