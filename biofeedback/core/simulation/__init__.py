"""Pure simulation of a person's pulse and of real sensors, with known truth (no I/O, no threads).

``person``: heart beats from breathing (IPFM, RSA, drift, rhythm artifacts);
``pulse_shapes``: systolic plus reflected waves; ``synth``: the streaming PPG
with breathing, motion and finger off; ``sensors``: what PulseSensor, MAX30102,
CMS50D+ and a plain ADC make of it.
"""

from biofeedback.core.simulation.person import (
    ArtifactParams,
    PersonParams,
    SimulatedPerson,
    TrueBeat,
    rsa_response,
    simulate_rr,
)
from biofeedback.core.simulation.pulse_shapes import SHAPES, PulseShape, shape_named
from biofeedback.core.simulation.sensors import (
    PROTOCOL_SENSORS,
    SENSOR_KINDS,
    SensorModel,
    SensorParams,
    sensor_for,
)
from biofeedback.core.simulation.synth import PpgSynth, simulate_ppg

__all__ = [
    "PROTOCOL_SENSORS", "SENSOR_KINDS", "SHAPES", "ArtifactParams", "PersonParams", "PpgSynth",
    "PulseShape", "SensorModel", "SensorParams", "SimulatedPerson", "TrueBeat", "rsa_response",
    "sensor_for", "shape_named", "simulate_ppg", "simulate_rr",
]
