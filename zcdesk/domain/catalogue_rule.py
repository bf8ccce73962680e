"""Is a qualification in the catalogue (annex 3)? Name AND issuer, from the round pack.

An entry is named by its name, abbreviation or an alias, and issued by its issuer,
English issuer name or an issuer alias (TÜV SÜD, TUV Rheinland …) — in the issuer
column or inside the qualification text ("ACS Member", "TÜV功能安全工程师"). Case,
spacing, brackets, full-width forms and umlauts do not matter ("FS Eng" = "FSEng").
A Latin name stands as a word ("ABC" is not found inside "XABC") unless it is glued
to its own issuer ("ACSMember").

With `catalogue.issuer_required` (the 2025 notice) an entry matches only when both
are found. Named but issued by someone else (exida's FSEng) is 不符合; named with no
issuer at all is 待核实. A name that is part of another entry's name (会员 in 常规会员,
Member in Regular Member) is generic: the text must be just that name, else
待核实 (学生会员 of the ACS). Every reason names only the entry it is about: a name
found only inside a longer name of another entry (Project Management Professional
in International Project Management Professional) does not count for its own entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from zcdesk.domain.records import QualificationInfo
from zcdesk.domain.round_pack import Catalogue, CatalogueEntry
from zcdesk.domain.textfold import compact, fold, is_letter, spaced_pattern
from zcdesk.domain.verdicts import SEVERITY, Finding, Verdict

Span = tuple[int, int]
RULE: Final = "qualification"

# How a level letter is written next to a level-giving entry: "C级", "Level C".
_LEVEL_IN_TEXT: Final = (
    re.compile(r"(?<![a-z])(?:level|lvl)\s*([abcd])(?![a-z])"),
    re.compile(r"(?<![a-z])([abcd])\s*(?:级|level)"),
)


@dataclass(frozen=True)
class _Name:
    text: str  # as in the pack (for messages)
    pattern: re.Pattern[str]
    latin_start: bool  # starts/ends with a Latin letter: must not be inside a word
    latin_end: bool
    generic: bool = False  # part of another entry's name: the text must be just this

    @classmethod
    def of(cls, text: str, generic: bool = False) -> _Name:
        key = compact(text)
        return cls(text, re.compile(spaced_pattern(text)), is_letter(key[:1]),
                   is_letter(key[-1:]), generic)

    def spans(self, folded: str, glue: set[int]) -> list[Span]:
        """Where the name stands in `folded`; `glue`: positions where a neighbouring
        issuer name ends or starts, so a Latin name may touch it ("acsmember")."""
        found = []
        for m in self.pattern.finditer(folded):
            start, end = m.span()
            if self.latin_start and start > 0 and is_letter(folded[start - 1]) \
                    and start not in glue:
                continue
            if self.latin_end and end < len(folded) and is_letter(folded[end]) \
                    and end not in glue:
                continue
            found.append((start, end))
        return found


@dataclass(frozen=True)
class _Entry:
    seq: int  # 1, 2, 3 … as the catalogue numbers it
    entry: CatalogueEntry
    names: tuple[_Name, ...]
    issuers: tuple[_Name, ...]
    exact: frozenset[str]  # every name, compact: the text is just this name
    levels: tuple[tuple[re.Pattern[str], str], ...]  # level titles → letter
    level_abbreviation: re.Pattern[str] | None  # "ABC C", "C ABC": level beside the name

    @property
    def shown(self) -> str:
        e = self.entry
        name = f"{e.name}（{e.abbreviation}）" if e.abbreviation else e.name
        return f"第 {self.seq} 项“{name}”"

    def brief(self, text: str) -> str:
        """第 8 项, with the entry's name only when the clerk's text is worded otherwise:
        the reason stays one line in the packet panel, and names the right entry."""
        e = self.entry
        name = f"{e.name}（{e.abbreviation}）" if e.abbreviation else e.name
        return f"第 {self.seq} 项" if fold(text) == fold(name) else self.shown

    @property
    def issuer(self) -> str:
        e = self.entry
        return f"{e.issuer}（{e.issuer_en}）" if e.issuer_en and e.issuer_en != e.issuer \
            else e.issuer

    def issuer_spans(self, folded: str) -> list[Span]:
        """Issuer names in `folded`, loosely: boundaries are checked with the names."""
        return [m.span() for n in self.issuers for m in n.pattern.finditer(folded)]

    def level(self, folded: str) -> str:
        """The level letter (A best … D) the text gives, "" when none."""
        for pattern in _LEVEL_IN_TEXT:
            if m := pattern.search(folded):
                return m.group(1).upper()
        if self.level_abbreviation is not None and (m := self.level_abbreviation.search(folded)):
            return (m.group(1) or m.group(2)).upper()
        flat = folded.replace(" ", "")
        for pattern, letter in self.levels:
            if pattern.search(flat):
                return letter
        return ""


@dataclass(frozen=True)
class _Seen:
    """What one text says about one entry."""

    entry: _Entry
    spans: tuple[Span, ...]  # where its names stand
    generic_only: bool  # named by generic names only
    issued: bool  # its issuer is in the text or the issuer column


class CatalogueRule:
    """The catalogue of one round, prepared for many applicants."""

    def __init__(self, catalogue: Catalogue, *, seqs: Sequence[int] = ()) -> None:
        self.issuer_required = catalogue.issuer_required
        entries = catalogue.entries
        numbers = list(seqs) or list(range(1, len(entries) + 1))
        all_names = [_names_of(e) for e in entries]
        self.entries = tuple(_prepare(seq, e, names, [m for j, other in enumerate(all_names)
                                                      if j != i for m in other])
                             for i, (seq, e, names) in enumerate(
                                 zip(numbers, entries, all_names, strict=True)))

    @classmethod
    def from_infos(cls, infos: Sequence[QualificationInfo], pack_catalogue: Catalogue,
                   ) -> CatalogueRule:
        """A catalogue as the store keeps it (QualificationInfo rows), each row given the
        aliases, issuer aliases and levels of the pack's entry of the same name and issuer."""
        by_key = {(compact(e.name), compact(e.issuer)): e for e in pack_catalogue.entries}
        entries = []
        for q in infos:
            known = by_key.get((compact(q.name), compact(q.issuer)))
            entry = CatalogueEntry(name=q.name, abbreviation=q.abbreviation, issuer=q.issuer,
                                   issuer_en=q.issuer_en, condition=q.condition, title=q.title,
                                   series=q.series)
            if known is not None:
                entry = replace(known, name=q.name, abbreviation=q.abbreviation,
                                issuer=q.issuer, issuer_en=q.issuer_en, condition=q.condition,
                                title=q.title, series=q.series)
            entries.append(entry)
        return cls(Catalogue(pack_catalogue.issuer_required, tuple(entries)),
                   seqs=[q.seq for q in infos])

    # ------------------------------------------------------------------ judging
    def judge(self, text: str, issuer: str) -> Finding:
        """The finding for a qualification `text` issued by `issuer` ("" when not given)."""
        folded, by = fold(text), fold(issuer)
        seen = self._seen(folded, by)
        matched = [s for s in seen if s.issued or (not self.issuer_required
                                                     and not s.generic_only)]
        if matched:
            outcomes = [self._held(s, text, folded, by) for s in matched]
            return max(outcomes, key=lambda f: SEVERITY[f.verdict])
        named = _outermost(seen)
        if not named:
            return Finding(RULE, Verdict.INELIGIBLE, f"职业资格“{text}”不在认定目录中")
        wanted = "；".join(f"{s.entry.shown}须由{s.entry.issuer}颁发" for s in named)
        other_issuer = bool(by) or any(e.issuer_spans(folded) for e in self.entries) or any(
            s.generic_only and not self._bare(s, folded) for s in named)
        if other_issuer:
            who = f"“{issuer.strip()}”颁发的" if by else ""
            return Finding(RULE, Verdict.INELIGIBLE,
                           f"{who}职业资格“{text}”不在认定目录中（目录{wanted}）")
        # No issuer anywhere: what would follow if it were the right one?
        if_issued = [self._held(s, text, folded, by) for s in named]
        if all(f.verdict is Verdict.INELIGIBLE for f in if_issued):
            return if_issued[0]
        return Finding(RULE, Verdict.UNKNOWN,
                       f"职业资格“{text}”缺少颁证单位；目录{wanted}，请核实颁证单位")

    def _seen(self, folded: str, by: str) -> list[_Seen]:
        issuer_spans = {e.seq: e.issuer_spans(folded) for e in self.entries}
        glue = {p for spans in issuer_spans.values() for span in spans for p in span}
        seen = []
        for e in self.entries:
            hits = [(n, span) for n in e.names for span in n.spans(folded, glue)]
            if not hits:
                continue
            name_edges = {p for _, span in hits for p in span}
            in_text = [s for s in issuer_spans[e.seq] if _word_ok(folded, s, name_edges)]
            in_column = bool(by) and any(n.spans(by, set()) for n in e.issuers)
            seen.append(_Seen(e, tuple(span for _, span in hits),
                              all(n.generic for n, _ in hits), bool(in_text) or in_column))
        return seen

    def _bare(self, s: _Seen, folded: str) -> bool:
        """The text is just the entry's name once its issuer's names are taken out."""
        rest = list(folded)
        for start, end in s.entry.issuer_spans(folded):
            rest[start:end] = [" "] * (end - start)
        return "".join(rest).replace(" ", "") in s.entry.exact

    def _held(self, s: _Seen, text: str, folded: str, by: str) -> Finding:
        """What follows for a text that names and is issued for entry `s`."""
        e = s.entry
        q = e.entry
        if s.generic_only and not self._bare(s, folded):
            return Finding(RULE, Verdict.UNKNOWN,
                           f"职业资格“{text}”：目录{e.shown}为{e.issuer}颁发，"
                           "名称不完全一致，请核实证书名称或会员类别")
        if q.min_level:
            level = e.level(folded)
            condition = q.condition or f"{q.min_level} 级及以上"
            if not level:
                return Finding(RULE, Verdict.UNKNOWN,
                               f"职业资格“{text}”未写明级别；目录{e.shown}要求 {condition}，"
                               "请核实证书级别")
            if level > q.min_level:
                return Finding(RULE, Verdict.INELIGIBLE,
                               f"职业资格“{text}”为 {level} 级，目录{e.shown}要求 {condition}")
            return Finding(RULE, Verdict.ELIGIBLE,
                           f"职业资格“{text}”（{level} 级）在认定目录中（{e.shown}，{condition}）")
        if q.condition:
            return Finding(RULE, Verdict.UNKNOWN,
                           f"职业资格“{text}”在认定目录中（{e.shown}），目录另有要求："
                           f"{q.condition}，请核实")
        return Finding(RULE, Verdict.ELIGIBLE,
                       f"职业资格“{text}”在认定目录中（{e.brief(text)}，{e.entry.issuer}）")


def _names_of(e: CatalogueEntry) -> list[str]:
    names = [e.name, e.abbreviation, *e.aliases]
    if e.abbreviation:
        names.append(f"{e.name}{e.abbreviation}")
    return [n for n in dict.fromkeys(names) if compact(n)]


def _prepare(seq: int, e: CatalogueEntry, names: list[str], others: Iterable[str]) -> _Entry:
    folded_others = [fold(o) for o in others]
    prepared = tuple(_Name.of(n, generic=_inside_another(n, folded_others)) for n in names)
    issuer_names = dict.fromkeys(n for n in (e.issuer, e.issuer_en, *e.issuer_aliases)
                                 if compact(n))
    abbreviation = compact(e.abbreviation)
    level_abbreviation = None
    if e.min_level and abbreviation.isascii() and abbreviation:
        body = re.escape(abbreviation)
        level_abbreviation = re.compile(
            rf"(?<![a-z]){body}\s*([abcd])(?![a-z])|(?<![a-z])([abcd])\s*{body}(?![a-z])")
    return _Entry(seq, e, prepared, tuple(_Name.of(n) for n in issuer_names),
                  frozenset(compact(n) for n in names),
                  tuple((re.compile(ln.pattern()), ln.level) for ln in e.level_names),
                  level_abbreviation)


def _inside_another(name: str, others: list[str]) -> bool:
    """`name` stands (as a word) inside a longer name of another entry: 会员 in 常规会员,
    Member in Regular Member — but ABC not in XABC."""
    probe = _Name.of(name)
    return any(compact(name) != o.replace(" ", "") and probe.spans(o, set()) for o in others)


def _word_ok(folded: str, span: Span, glue: set[int]) -> bool:
    """An issuer found in the text stands as a word, or touches the entry's name."""
    start, end = span
    if start > 0 and is_letter(folded[start]) and is_letter(folded[start - 1]) \
            and start not in glue:
        return False
    return not (end < len(folded) and is_letter(folded[end - 1]) and is_letter(folded[end])
                and end not in glue)


def _outermost(seen: list[_Seen]) -> list[_Seen]:
    """Drop an entry whose every name stands inside a longer name of another entry."""
    def inside(span: Span, other: _Seen) -> bool:
        return any(o[0] <= span[0] and span[1] <= o[1] and o[1] - o[0] > span[1] - span[0]
                   for o in other.spans)
    return [s for s in seen
            if not all(any(inside(span, o) for o in seen if o is not s) for span in s.spans)]
