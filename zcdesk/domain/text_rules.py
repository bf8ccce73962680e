"""What a name or a unit may not hold: characters nobody sees.

Control and format characters (Unicode Cc, Cf — bidi overrides such as U+202E,
zero-width spaces and joiners, the soft hyphen, tag characters), line and
paragraph separators and lone surrogates print as nothing or reorder the text
around them: a name holding one looks right on screen and on paper but is not
the name in the files, is not found by search and cannot be told apart from its
twin. Such a value is refused with the reason, never silently repaired, and a value
that is only such characters and spaces is as good as blank.

Pure: used by the importers and by the store's applicant check alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

# Every character of categories Cc, Cf, Cs, Zl and Zp in Unicode 14 (Python 3.11);
# tests/test_hostile_files.py checks this against unicodedata.
INVISIBLE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]")


def text_problem(value: str, field_word: str) -> str | None:
    """Why `value` cannot be a 姓名/工作单位 (`field_word`), in Chinese; None if it can."""
    bad = INVISIBLE.search(value)
    if bad is not None:
        if not INVISIBLE.sub("", value).strip():
            return f"{field_word}是空白的（只有看不见的字符），请填写{field_word}。"
        return (f"{field_word}含有看不见的控制字符或格式字符（U+{ord(bad.group()):04X}），"
                "多为从网页或其他软件复制时带入，请删除这个字符。")
    if not value.strip():
        return f"请填写{field_word}。"
    return None


def column_problems(values: Sequence[str | None], field_word: str) -> dict[int, str]:
    """Offset → text_problem for the non-empty values of a column (None and "" are
    left to the caller, which words a missing value its own way).

    One search over the distinct values joined (C speed); each value is looked at on
    its own only when that finds something.
    """
    distinct = {v for v in values if v}
    if not distinct or INVISIBLE.search("".join(distinct)) is None:
        return {}
    found = {v: problem for v in distinct
             if (problem := text_problem(v, field_word)) is not None}
    return {offset: found[v] for offset, v in enumerate(values) if v in found}
