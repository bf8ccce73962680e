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


class ConcurrentChange(InputError):
    """Another desk changed the packet since this desk showed it; nothing was written.

    `packet` is the fresh state to show the clerk before they decide again.
    """

    def __init__(self, message: str, packet: object) -> None:
        super().__init__(message)
        self.packet = packet
