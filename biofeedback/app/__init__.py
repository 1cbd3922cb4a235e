"""Application glue on QtCore: worker threads, session controller, settings."""
