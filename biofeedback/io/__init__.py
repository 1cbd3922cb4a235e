"""I/O: serial ports, simulator ports, files and SQLite; no Qt."""
