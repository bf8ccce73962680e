"""Errors the store raises, each with a message for the clerk in Chinese."""


class StoreError(Exception):
    """Base: `str(error)` is what the clerk reads (what is wrong, what to do)."""


class InputError(StoreError):
    """The request was refused because of what was typed; nothing was written."""


class NotFound(StoreError):
    """No such applicant, receipt, visit …"""


class NothingToUndo(StoreError):
    """The operator has no recorded copy action left to reverse."""


class DatabaseUnavailable(StoreError):
    """The database cannot be opened, is locked, or is not a zcdesk database."""
