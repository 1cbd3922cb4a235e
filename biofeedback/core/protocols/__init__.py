"""Sensor serial protocols: pure incremental decoders, encoders for the simulator, detection.

See docs/reference/sensor-protocols.md and firmware_notes/ for the byte layouts.
"""

from biofeedback.core.protocols._base import coalesce
from biofeedback.core.protocols.autodetect import DetectResult, detect_protocol
from biofeedback.core.protocols.registry import PROTOCOLS, ProtocolSpec, make_decoder

__all__ = ["PROTOCOLS", "DetectResult", "ProtocolSpec", "coalesce", "detect_protocol", "make_decoder"]
