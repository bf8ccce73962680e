"""Pinyin order for names and units, the same on screen and on paper.

People look a name up by its sound (阿 … 张 … 赵), not by Unicode code point
(which puts 张 before 李). `pinyin_key` sorts like a Chinese dictionary: first by
the toneless syllables, then by the tones, then by the characters themselves
(so 李 and 里 stay apart but together). Latin letters fall in with the syllables
that start with them (A, 阿, B …), digits come first; a character pypinyin does
not know sorts after all known ones, by code point. The name separator · and
spaces are ignored at the first level (阿卜杜·热合曼 sorts as 阿卜杜热合曼).

pypinyin's single-character table (a JSON file, ~0.1 s to read) is loaded on
the first call, never at start-up. A name's first character is read as a surname
where that reading differs (单 shàn, 曾 zēng, 区 ōu …) — by name_key only.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

# Surnames read otherwise than the character's first reading.
SURNAMES = {
    "单": "shàn", "曾": "zēng", "区": "ōu", "仇": "qiú", "解": "xiè", "朴": "piáo",
    "查": "zhā", "盖": "gě", "乐": "yuè", "翟": "zhái", "覃": "qín", "缪": "miào",
    "秘": "bì", "尉": "wèi", "召": "shào", "种": "chóng", "万": "wàn", "长": "cháng",
    "重": "chóng", "柏": "bǎi", "任": "rén", "华": "huà", "纪": "jǐ", "宁": "nìng",
    "过": "guō", "蕃": "pí", "訾": "zī", "繁": "pó", "句": "gōu", "涂": "tú",
}
IGNORED = set("·•・.．‧ \u3000-－")
_TONES = {}
for _base, _marked in (("a", "āáǎà"), ("e", "ēéěè"), ("i", "īíǐì"), ("o", "ōóǒò"),
                       ("u", "ūúǔù"), ("ü", "ǖǘǚǜ"), ("n", "\0ńňǹ"), ("m", "\0ḿ\0\0")):
    for _tone, _ch in enumerate(_marked, start=1):
        if _ch != "\0":
            _TONES[_ch] = (_base, _tone)
UNKNOWN = "\U0010ffff"  # sorts after every syllable


def _table_path() -> Path:
    """pypinyin's single-character table, found without importing pypinyin itself:
    its __init__ also loads the 2.5 MB phrase table (0.2 s), which sorting never uses,
    and the bundle leaves that out (packaging/bundle_filter.py)."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
    else:  # the PyInstaller bundle carries the table as data, not the package
        folder = Path(getattr(sys, "_MEIPASS", "")) / "pypinyin"
    return folder / "pinyin_dict.json"


def _table() -> dict[str, str]:
    """Code point (as a decimal string, the file's keys) → readings, comma-separated."""
    with _table_path().open(encoding="utf-8") as file:
        table: dict[str, str] = json.load(file)
    return table


_lookup: Callable[[], dict[str, str]] = lru_cache(maxsize=1)(_table)


def split_tone(syllable: str) -> tuple[str, int]:
    """"zhāng" → ("zhang", 1); a syllable without a mark is tone 5 (轻声)."""
    letters, tone = [], 5
    for ch in unicodedata.normalize("NFC", syllable):
        base = _TONES.get(ch)
        if base is not None:
            letters.append(base[0])
            tone = base[1]
        else:
            letters.append(ch)
    return "".join(letters).replace("ü", "v"), tone


@lru_cache(maxsize=65536)
def char_key(ch: str, surname: bool = False) -> tuple[str, int]:
    """(toneless syllable or letter, tone) of one character."""
    if ch.isascii():
        if ch.isdigit():
            return (" " + ch, 0)  # digits before letters
        return (ch.lower(), 0)
    reading = SURNAMES.get(ch) if surname else None
    if reading is None:
        readings = _lookup().get(str(ord(ch)))
        if not readings:
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch and len(folded) == 1:
                return char_key(folded, surname)
            return (UNKNOWN, 0)
        reading = readings.split(",")[0]
    return split_tone(reading)


Key = tuple[tuple[str, ...], tuple[int, ...], str]


def pinyin_key(text: str) -> Key:
    """Sort key of a unit, a qualification …: syllables, then tones, then the text."""
    return _key(text, surname=False)


def name_key(text: str) -> Key:
    """Sort key of a person's name: as pinyin_key, the first character read as a surname."""
    return _key(text, surname=True)


def _key(text: str, *, surname: bool) -> Key:
    syllables: list[str] = []
    tones: list[int] = []
    first = surname
    for ch in text.strip():
        if ch in IGNORED:
            continue
        syllable, tone = char_key(ch, surname=first)
        first = False
        syllables.append(syllable)
        tones.append(tone)
    return tuple(syllables), tuple(tones), text


def sort_by_pinyin(values: list[str]) -> list[str]:
    return sorted(values, key=pinyin_key)
