"""Heart-rate variability from beat times and intervals: published definitions, units in names.

``time_domain`` (RMSSD, SDNN, ``LiveHrv``), ``spectral`` (Lomb-Scargle and Welch bands),
``coherence`` (HeartMath-style coherence ratio), ``coherence_level`` (the level shown, with
hysteresis).
"""
