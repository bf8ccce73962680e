"""Where is the workplace (section 一 of the notice)? From the unit name and its address.

The districts are the round pack's: `covered` (this notice's) and `excluded` (they run
their own process), each excluded one with the names that place a unit there
(`written`: an excluded 某某区 → 不符合) and place names that only hint at it
(`places`: a place name inside the unit name — registered there, may work elsewhere → 待核实). Text
is folded first (brackets and spaces dropped: 甲区乙 = 甲区（乙）).

The unit's address, when the roster has one, tells where the workplace is: a
district only the address names counts, and an address in a covered district
settles a place name in the unit's name. A unit name and an address naming
different sides (an excluded and a covered district) is 待核实.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from zcdesk.domain.round_pack import Districts
from zcdesk.domain.textfold import compact
from zcdesk.domain.verdicts import Finding, Verdict

RULE: Final = "district"
_SCOPE: Final = "，不在本次认定范围（由该区、市自行组织）"


@dataclass(frozen=True)
class Places:
    """What one text names: excluded districts (written / only hinted) and covered ones."""

    written: tuple[str, ...]
    hinted: tuple[tuple[str, str], ...]  # (district, the place word found)
    covered: tuple[str, ...]

    @property
    def excluded(self) -> tuple[str, ...]:
        return self.written + tuple(d for d, _ in self.hinted)

    @property
    def anything(self) -> bool:
        return bool(self.written or self.hinted or self.covered)


class DistrictRule:
    """The round's districts, prepared for many units and addresses."""

    def __init__(self, districts: Districts) -> None:
        self.written = tuple((d.name, re.compile("|".join(re.escape(compact(w))
                                                          for w in d.written)))
                             for d in districts.excluded if d.written)
        self.hints = tuple((d.name, re.compile("|".join(p.pattern() for p in d.places)))
                           for d in districts.excluded if d.places)
        self.covered = tuple((c.name, compact(c.name)) for c in districts.covered)
        self._cache: dict[tuple[str, str], tuple[Finding, ...]] = {}

    def places(self, text: str) -> Places:
        flat = compact(text)
        written = tuple(d for d, pattern in self.written if pattern.search(flat))
        hinted = tuple((d, m.group(0)) for d, pattern in self.hints
                       if d not in written and (m := pattern.search(flat)))
        covered = tuple(name for name, key in self.covered if key in flat)
        return Places(written, hinted, covered)

    def judge(self, unit: str, address: str = "") -> tuple[Finding, ...]:
        """The district findings for a unit and its address (each may be "")."""
        key = (unit, address)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            found = self._cache[key] = tuple(self._judge(unit.strip(), address.strip()))
        return found

    def _judge(self, unit: str, address: str) -> Iterable[Finding]:
        by_unit = self.places(unit) if unit else Places((), (), ())
        by_address = self.places(address) if address else Places((), (), ())
        if not by_address.anything:
            yield from _one(f"工作单位“{unit}”", by_unit)
            return
        if not by_unit.anything:
            yield from _one(f"单位地址“{address}”", by_address)
            return
        # Both name places: the address is where the work is, unless they contradict.
        unit_side = _side(by_unit)
        address_side = _side(by_address)
        if unit_side == address_side == "covered" or (
                address_side == "covered" and not by_unit.written):
            if by_unit.excluded:  # a hint in the unit's name, settled by the address
                yield Finding(RULE, Verdict.ELIGIBLE,
                              f"单位地址“{address}”位于{'、'.join(by_address.covered)}，"
                              f"工作单位名称中的{_words(by_unit)}不影响")
            return
        if address_side == unit_side == "excluded" and (by_address.written or by_unit.written):
            # Both outside; the one that writes the district out says which.
            if by_address.written:
                yield from _one(f"单位地址“{address}”", by_address)
            else:
                yield from _one(f"工作单位“{unit}”", by_unit)
            return
        named = "、".join(dict.fromkeys(by_unit.excluded + by_unit.covered
                                        + by_address.excluded + by_address.covered))
        yield Finding(RULE, Verdict.UNKNOWN,
                      f"工作单位“{unit}”与单位地址“{address}”涉及{named}，请核实工作地"
                      f"（{'、'.join(dict.fromkeys(by_unit.excluded + by_address.excluded))}"
                      "不在本次认定范围）")


def _side(p: Places) -> str:
    if p.excluded and p.covered:
        return "both"
    return "excluded" if p.excluded else "covered" if p.covered else ""


def _words(p: Places) -> str:
    return "、".join([*p.written, *(f"“{w}”" for _, w in p.hinted)])


def _one(subject: str, p: Places) -> Iterable[Finding]:
    """The findings when only one text (unit or address) names a place."""
    if not p.excluded:
        return
    if p.written and not p.covered:
        yield Finding(RULE, Verdict.INELIGIBLE, f"{subject}位于{'、'.join(p.written)}{_SCOPE}")
    elif p.covered:
        named = "、".join(p.excluded)
        yield Finding(RULE, Verdict.UNKNOWN,
                      f"{subject}同时出现{named}和{'、'.join(p.covered)}，请核实工作地："
                      f"{named}不在本次认定范围")
    else:
        words = "、".join(f"“{w}”" for _, w in p.hinted)
        where = "、".join(d for d, _ in p.hinted)
        yield Finding(RULE, Verdict.UNKNOWN,
                      f"{subject}含地名{words}，可能位于{where}{_SCOPE}，请核实工作地")
