"""Statistics and deadlines for the office lead.

Part of the Store facade (see facade.py). In progress for issue #6.
"""

from __future__ import annotations


class StatsOps:
    pass
