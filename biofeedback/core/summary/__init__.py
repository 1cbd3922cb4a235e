"""After a session: its figures (``analysis``) and the summary set against earlier sessions
(``session``).
"""
