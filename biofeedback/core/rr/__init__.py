"""Inter-beat intervals: what an interval may be, and the artifact corrections.

``intervals`` (the one plausibility rule), ``artifacts`` (Lipponen & Tarvainen 2019, streaming),
``offline`` (the same decisions vectorised for whole records).
"""
