"""Practice over weeks: the plan and today's dose (``plan``), which sessions count
(``session_kind``), weekly progress (``progress``), reminders (``reminders``) and the short
lessons (``lessons``).
"""
