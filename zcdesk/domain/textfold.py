"""Folding free text (qualification names, issuers, units) so that spelling does not
matter: case, full-width forms, umlauts (TÜV = TUV), brackets and punctuation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

_BRACKETS: Final = re.compile(r"[()\[\]{}（）【】〔〕《》<>“”\"'‘’«»]")
_PUNCT: Final = re.compile(r"[\s\-_·•,，.。;；:：/／\\|®™©+＋&]+")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, ASCII letters (ü → u), brackets and punctuation as single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))
    text = _BRACKETS.sub(" ", text.casefold())
    return _PUNCT.sub(" ", text).strip()


def compact(text: str) -> str:
    """fold() without any space: 甲区（乙） → 甲区乙, "FS Eng" → fseng."""
    return fold(text).replace(" ", "")


def spaced_pattern(name: str) -> str:
    """A regular expression for `name` in folded text, whatever the spacing: every
    character of the folded name, with optional spaces between ("FS Eng" finds
    "fseng" and "f s eng"). No word boundaries: the caller checks those."""
    return r"\s*".join(re.escape(ch) for ch in compact(name))


def is_letter(ch: str) -> bool:
    """An ASCII letter: where a Latin name may not start or end inside a word."""
    return "a" <= ch <= "z"
