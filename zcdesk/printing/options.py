"""The options and the result every printing function shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PrintOptions:
    full_ids: bool = False  # lists leaving the office mask IDs unless asked
    fallback_font: Path | None = None  # a TTF/TTC for characters the bundled font lacks
    clerk: str = ""  # operator name printed on receipts
    today: dt.date | None = None  # date printed (None: today)
    # The audit chain's head when printed ("审计链：截至第 N 条事件，哈希 …"), on the
    # 移交清单: an after-the-fact edit of the trail no longer matches the paper (#12).
    audit_head: str = ""

    def date(self) -> dt.date:
        return self.today or dt.date.today()


@dataclass(frozen=True)
class PdfResult:
    data: bytes
    pages: int
    missing_glyphs: tuple[str, ...]  # characters neither font could draw
    warnings: tuple[str, ...]  # Chinese sentences for the clerk


DEFAULT_OPTIONS = PrintOptions()


class PrintCancelled(Exception):
    """The clerk cancelled a long print run (the progress callback returned False)."""
