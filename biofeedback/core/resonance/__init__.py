"""The resonance-rate assessment: its protocol (``assessment``) and the scoring of each block
(``scoring``: Lehrer et al. 2000 criteria, breath-locked heart-rate curves).
"""
