"""The log file: rotating, in the platform's log folder, without personal data.

ID numbers and phone numbers never reach the log: a filter masks them in every
record (messages, arguments and tracebacks alike), so a log can be sent to a
maintainer as it is.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

from zcdesk.paths import log_dir

LOG_NAME = "zcdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_ID = re.compile(r"(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])(0[0-9]{2,3}-?)?([0-9]{2})[0-9]{4}([0-9]{2})(?![0-9])")


def redact(text: str) -> str:
    """330102199001011234 → 330102********1234; 13812345678 → 138****5678."""
    text = _ID.sub(r"\1********\2", text)
    text = _MOBILE.sub(r"\1****\2", text)
    return _LANDLINE.sub(lambda m: f"{m[1] or ''}{m[2]}****{m[3]}", text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to FOLDER/zcdesk.log (rotated at 1 MB, 5 kept, owner-only); returns the path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger("zcdesk")
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                   backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(RedactingFormatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    os.chmod(path, 0o600)
    return path
