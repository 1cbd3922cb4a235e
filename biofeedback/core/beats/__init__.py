"""Beats from a sampled signal: a PPG pulse detector and an ECG R-peak detector, streaming.

Public: ``ppg`` (``PpgBeatDetector``), ``ecg`` (``EcgRPeakDetector``, Pan & Tompkins 1985),
``provisional`` (the beats drawn at once, before the corrector decides) and ``sensor_check``
("Check my sensor"). The PPG detector's helpers (``slope_sum``, ``peak``, ``polarity``,
``rhythm``, ``signal_state``, ``acceptance``, ``quality``) are its own: an import-linter
contract keeps every other part of the program from importing them.
"""
