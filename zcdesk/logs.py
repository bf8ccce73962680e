"""The log file: rotating, in the platform's log folder, owner-only, without personal data.

A filter on the file handler masks every record (message, arguments,
traceback, stack) before it is written, so a log can be sent to a
maintainer as it is:

- ID numbers and phone numbers: 330102********1234, 138****5678, 0571-85****57.
- Names and units: zcdesk logs in English, so any Chinese (or Japanese,
  Korean) text in a record came from data or from a message that may quote
  data. Every run of such characters (runs joined by spaces, ·, brackets or
  "*" count as one, so "张 三" is one name and masked text stays as it is)
  keeps its first character and shows the others as "*": 张三 → 张*,
  欧阳娜娜 → 欧***. A run of 5 or more that ends in an organisation word keeps
  that word, so a unit stays recognisable as a unit without naming it:
  杭州汽轮机股份有限公司 → 杭****股份有限公司. Chinese messages quoted in a
  log (a refusal's text in a traceback) are masked the same way: the price
  of never letting a name through.
- An argument wrapped in `Clear` (an operator's name in the CLI's command
  line) is not taken for an applicant's name; its ID and phone numbers are
  still masked.

Not detected: names and units in Latin letters ("Zhang San").

The file and its rotated copies are 0600 (owner only): the handler creates
each new file with that mode, whatever the umask.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from zcdesk.paths import log_dir

__all__ = ["Clear", "PersonalDataFilter", "mask_personal", "redact", "setup_logging"]

LOG_NAME = "zcdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FILE_MODE = 0o600
_ID = re.compile(r"(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])(0[0-9]{2,3}-?)?([0-9]{2})[0-9]{4}([0-9]{2})(?![0-9])")
# CJK ideographs (with extension A, compatibility and the supplementary planes,
# where rare name characters live), 〇, kana and Hangul.
_LETTER = ("[\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
           "\U00020000-\U0003134f]")
_JOINER = "[ \u3000·•‧・（）()*]"  # "*": text masked once stays as it is
_RUN = re.compile(f"{_LETTER}(?:{_JOINER}*{_LETTER})*")
_LETTER_RE = re.compile(_LETTER)
_UNIT_WORDS = ("股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "集团", "研究院",
               "研究所", "设计院", "医院", "大学", "学院", "学校", "中心", "事务所", "银行",
               "协会", "委员会")
_UNIT_MIN = 5  # shorter runs are name-sized: 张学院 keeps nothing but 张


def redact(text: str) -> str:
    """330102199001011234 → 330102********1234; 13812345678 → 138****5678."""
    text = _ID.sub(r"\1********\2", text)
    text = _MOBILE.sub(r"\1****\2", text)
    return _LANDLINE.sub(lambda m: f"{m[1] or ''}{m[2]}****{m[3]}", text)


def _mask_run(match: re.Match[str]) -> str:
    run = match[0]
    letters = len(_LETTER_RE.findall(run)) + run.count("*")
    kept = next((w for w in _UNIT_WORDS if run.endswith(w) and len(run) > len(w)),
                "") if letters >= _UNIT_MIN else ""
    body = run[:len(run) - len(kept)]
    first = body[0]  # a run starts with a letter
    return first + _LETTER_RE.sub("*", body[1:]) + kept


def mask_personal(text: str) -> str:
    """IDs and phones as in `redact`, names and units as in the module docstring."""
    return _RUN.sub(_mask_run, redact(text))


class Clear(str):
    """A log argument that is no applicant's name (an operator's): only IDs and
    phone numbers in it are masked."""

    __slots__ = ()


class _Masked:
    """An argument as `%s` / `%r` show it, masked; numbers stay numbers for `%d`."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __str__(self) -> str:
        return mask_personal(str(self.value))

    def __repr__(self) -> str:
        return mask_personal(repr(self.value))


def _arg(value: object) -> object:
    if isinstance(value, Clear):
        return redact(value)
    if isinstance(value, int | float) or value is None:
        return value
    return _Masked(value)


class PersonalDataFilter(logging.Filter):
    """Masks a record in place (so every handler after it sees the masked one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "zcdesk_masked", False):
            return True
        record.msg, record.args = _message(record), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal(record.stack_info)
        record.zcdesk_masked = True
        return True


def _message(record: logging.LogRecord) -> str:
    template = mask_personal(str(record.msg))
    args: Any = record.args
    if not args:
        return template
    try:
        if isinstance(args, Mapping):
            return template % {key: _arg(value) for key, value in args.items()}
        return template % tuple(_arg(value) for value in args)
    except Exception:  # a wrong format string: still logged, still masked
        return f"{template} {mask_personal(repr(args))}"


class RedactingFormatter(logging.Formatter):
    """The last pass: IDs and phones also where no filter ran (a handler added elsewhere)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """RotatingFileHandler whose files are created 0600: the stock one opens each new
    file (the first and every one after a rollover) with the process umask."""

    def _open(self) -> IO[str]:
        def opener(path: str, flags: int) -> int:
            return os.open(path, flags, FILE_MODE)

        stream = open(self.baseFilename, self.mode, encoding=self.encoding,  # noqa: SIM115
                      errors=self.errors, opener=opener)
        with contextlib.suppress(OSError):  # a file left by an older version
            os.chmod(self.baseFilename, FILE_MODE)
        return stream


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to FOLDER/zcdesk.log (rotated at 1 MB, 5 kept, owner-only); returns the path.

    One log file per process: a handler set up earlier for another folder is closed."""
    folder = folder or log_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger("zcdesk")
    for old in list(root.handlers):
        if isinstance(old, PrivateRotatingFileHandler):
            if old.baseFilename == str(path):
                return path
            root.removeHandler(old)
            old.close()
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                         encoding="utf-8")
    handler.addFilter(PersonalDataFilter())
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
