"""What an import or export tells its caller when it cannot go on."""

from __future__ import annotations


class RosterUnreadable(Exception):
    """The file cannot be read at all; the message (Chinese) says why and what to do.

    Raised by both the roster and the disqualification-list readers.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ImportCancelled(Exception):
    """The progress callback returned False: nothing was returned, nothing half-done."""


class ExportError(Exception):
    """The export file could not be written; the message (Chinese) says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
