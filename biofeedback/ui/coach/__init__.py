"""The coach view: one read-only tile per biofeedback client found on LSL."""
