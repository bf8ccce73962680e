"""The store's exception classes for the window's `except` clauses, without importing
the store.

`zcdesk.store` pulls in SQLAlchemy (about 0.4 s); the counter window is shown before
that import happens (app.run_gui opens the store after the first paint). The modules
the window is built from therefore name the store's errors through this module, as
attributes looked up when an exception is matched:

    from zcdesk.ui import store_errors as errors
    try: ...
    except errors.StoreError as exc: ...

Until `zcdesk.store` has been imported (by anyone) no store call can have raised,
so a placeholder class that nothing raises stands in; afterwards the real class is
returned (and cached). Never write `from zcdesk.ui.store_errors import StoreError`:
that would freeze the placeholder.
"""

from __future__ import annotations

import sys

# name -> the store module that defines it
_MODULES = {name: "zcdesk.store.errors" for name in (
    "StoreError", "InputError", "NotFound", "NothingToUndo", "DatabaseUnavailable",
    "ConcurrentChange")}
_MODULES["NotAllowed"] = "zcdesk.store.operator_ops"


class NotYetImported(Exception):
    """Stands in for a store error class before zcdesk.store is imported (never raised)."""


def __getattr__(name: str) -> type[Exception]:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = sys.modules.get(_MODULES[name])
    if module is None:
        return NotYetImported
    value: type[Exception] = getattr(module, name)
    globals()[name] = value  # found once, then an ordinary module attribute
    return value
