"""Pure NumPy/SciPy signal code: no Qt, no threads, no files.

Parts, each with one purpose (docs/architecture.md draws them; import-linter keeps the layers):
``types``, ``timebase`` (events and their times); ``protocols`` (bytes to events); ``beats``
(beat detection); ``rr`` (intervals, artifacts); ``hrv``; ``breathing`` (pacer, breathing);
``simulation``; ``pipeline`` (events to beats and metrics); ``resonance`` (the assessment);
``offline`` (analyze's path); ``clock_mapping`` (device to host time); ``summary`` and
``practice`` (after a session, over weeks).
"""
