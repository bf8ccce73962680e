"""Batches after the counter: build, batch-level items, close, reopen, hand over.

Part of the Store facade (see facade.py). In progress for issue #6.
"""

from __future__ import annotations


class BatchOps:
    pass
