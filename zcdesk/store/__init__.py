"""Persistence: SQLAlchemy models, alembic migrations and the Store facade.

Only `Store` (store/facade.py) opens sessions; everything above it calls its
methods and gets plain value objects back.
"""

from zcdesk.store.errors import (
    DatabaseUnavailable,
    InputError,
    NotFound,
    StoreError,
)
from zcdesk.store.facade import Store

__all__ = ["DatabaseUnavailable", "InputError", "NotFound", "Store", "StoreError"]
