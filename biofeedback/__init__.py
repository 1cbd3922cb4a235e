"""biofeedback: breathing biofeedback with live heart-rate variability.

A relaxation and self-observation tool. Not a medical device: it does not
diagnose, treat or prevent any condition.
"""

__version__ = "0.1.0"

NOT_A_MEDICAL_DEVICE = (
    "biofeedback is a relaxation and self-observation tool, not a medical device. "
    "It does not diagnose, treat or prevent any condition; consult a health "
    "professional about your health."
)
