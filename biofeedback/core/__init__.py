"""Pure NumPy/SciPy signal code: no Qt, no threads, no files."""
