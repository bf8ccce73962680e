"""The options and the result every printing function shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PrintOptions:
    full_ids: bool = False  # lists leaving the office mask IDs unless asked
    fallback_font: Path | None = None  # a TTF/TTC for characters the bundled font lacks
    # Who prints: for lists of the office. Receipts, notices and covers print the
    # operator who recorded the visit instead, on every reprint (#13).
    clerk: str = ""
    today: dt.date | None = None  # date printed (None: today)
    # The audit chain's head when printed ("审计链：截至第 N 条事件，哈希 …"), on the
    # 移交清单: an after-the-fact edit of the trail no longer matches the paper (#12).
    audit_head: str = ""
    # The notice's 申请人联 and 存档联 on one sheet (cut apart) when both fit;
    # default: one sheet each (#13).
    notice_two_up: bool = False
    # A character no font has prints as 〓 only when the clerk said so after being
    # asked (MissingGlyphs names them); otherwise the document is refused.
    allow_missing_glyphs: bool = False

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


class MissingGlyphs(ValueError):
    """No font can draw some characters: the clerk must confirm printing 〓 for them
    (and writing them by hand), then print again with allow_missing_glyphs=True."""

    def __init__(self, where: tuple[str, ...], characters: tuple[str, ...]) -> None:
        self.where = where  # 姓名“张𱍐”中的“𱍐”字（U+31350）, one per place
        self.characters = characters
        shown = "；".join(where[:10]) + (f" 等 {len(where)} 处" if len(where) > 10 else "")
        super().__init__(f"以下文字所有字体均缺字，无法打印：{shown}。如确认打印（缺字印为“〓”，"
                         "须在纸面上手写补正），请确认后重新打印。")
