"""Breathing: the pacer a person follows, and the breathing read from the pulse or a chest strap.

``pacer``, ``adaptive_pacing``, ``audio_synth`` (the pacer's sound), ``respiration`` (from the
pulse), ``chest`` (from a strap's accelerometer); ``counting`` is their breath counter.
"""
