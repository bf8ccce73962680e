"""Eligibility pre-check (annex 1 of the notice): what the clerk may tell at once.

It never blocks receiving a packet: the committee decides. Every conclusion comes
with its reasons in plain Chinese, and missing data gives 待核实 (to verify),
never a silent 符合.

Every rule reads the round pack (zcdesk/domain/round_pack.py) of the packet's
round — `EligibilityChecker(pack=…)`; without one, the pack shipped with the app:

- **Catalogue** (annex 3, `pack.catalogue`): name AND issuer, see catalogue_rule.py.
  The qualification must be held by the cut-off date.
- **Education and years** (二.1–5, 三.5, `pack.education`): see education_rule.py.
- **Place of work** (一.2, `pack.districts`): the unit name and, when known, its
  address; see district_rule.py. No unit and no address: nothing is concluded.
- **ID kind** (三.2, `pack.ids`): the list is open (身份证或军官证**等**): a kind the
  notice names is fine; one it does not name (护照, 通行证 …) or a kind not listed
  is 待核实, never 不符合. A check-digit kind's number must pass GB 11643.
- **Disqualification** (section 五, `pack.ban`): a decision in year Y bars the
  years `pack.ban.barred_years(Y)` (2025 H1: 次年起 3 年, Y+1 … Y+3). The
  application year is the cut-off's year (section 六). A ban found by ID number is
  不符合; a ban list entry without an ID number that has the same name is 待核实
  (namesakes are common). A decision in the application year itself is 待核实: it
  cancels that application, and may concern this one.
- The engineering field (机电制造、电子 …) cannot be told from free text and is
  not checked.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from zcdesk.domain.catalogue_rule import CatalogueRule
from zcdesk.domain.district_rule import DistrictRule
from zcdesk.domain.education_rule import EducationRule, Studies
from zcdesk.domain.idnumber import find_kind, id_problem, normalize_id, resident_ok
from zcdesk.domain.records import QualificationInfo
from zcdesk.domain.round_pack import BanRule, RoundPack
from zcdesk.domain.rules_pack import pack_or_shipped
from zcdesk.domain.verdicts import VERDICT_LABELS, Finding, Verdict

__all__ = ["VERDICT_LABELS", "ApplicantLike", "Ban", "Eligibility", "EligibilityChecker",
           "Finding", "Verdict", "check_eligibility"]

_CACHE_LIMIT: Final = 100_000  # distinct values kept per rule (a checker lives long)


@dataclass(frozen=True)
class Eligibility:
    verdict: Verdict
    reasons: tuple[str, ...]  # what decides: failures (then open points), or why 符合
    findings: tuple[Finding, ...] = ()  # every rule's conclusion, for a detail view

    @property
    def label(self) -> str:
        """符合 / 不符合 / 待核实."""
        return self.verdict.label

    @property
    def text(self) -> str:
        """The reasons on one line (for a list or an export)."""
        return "；".join(self.reasons)


@dataclass(frozen=True)
class Ban:
    """An entry of the disqualification list (取消资格/禁报名单)."""

    name: str
    id_number: str  # "" when the list gives the name only
    decided_on: dt.date
    reason: str = ""

    def barred(self, rule: BanRule | None = None) -> range:
        """The application years the decision bars, by the round's rule (`pack.ban`)."""
        return (rule or pack_or_shipped(None).ban).barred_years(self.decided_on.year)

    @property
    def barred_years(self) -> range:
        """barred() by the shipped round's rule (for callers without a round)."""
        return self.barred()

    def bars(self, year: int, rule: BanRule | None = None) -> bool:
        return year in self.barred(rule)


class ApplicantLike(Protocol):
    """ApplicantForm and ApplicantInfo both have these."""

    @property
    def name(self) -> str: ...
    @property
    def id_kind(self) -> str: ...
    @property
    def id_number(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def unit_address(self) -> str: ...
    @property
    def work_start(self) -> dt.date | None: ...
    @property
    def work_start_year(self) -> int | None: ...
    @property
    def field_years(self) -> int | None: ...
    @property
    def education(self) -> str: ...
    @property
    def degree(self) -> str: ...
    @property
    def school(self) -> str: ...
    @property
    def graduated_on(self) -> dt.date | None: ...
    @property
    def graduated_year(self) -> int | None: ...
    @property
    def qualification(self) -> str: ...
    @property
    def qualification_issuer(self) -> str: ...
    @property
    def qualified_on(self) -> dt.date | None: ...
    @property
    def qualified_year(self) -> int | None: ...


def check_eligibility(form_or_info: ApplicantLike, *,
                      catalogue: Sequence[QualificationInfo] | None = None,
                      cutoff: dt.date | None = None, bans: Sequence[Ban] = (), today: dt.date,
                      pack: RoundPack | None = None) -> Eligibility:
    """The pre-check for one applicant (see the module docstring for the rules).

    For many applicants build one EligibilityChecker and call its check().
    """
    return EligibilityChecker(catalogue, cutoff=cutoff, bans=bans, today=today,
                              pack=pack).check(form_or_info)


class EligibilityChecker:
    """The rules of one round prepared once (catalogue, districts, ban index).

    `pack`: the round pack of the packets checked (None: the shipped one). Every
    rule reads it: catalogue, districts, education, ID kinds, ban and the cut-off.
    For callers that still hold the catalogue and cut-off elsewhere (the store
    before it keeps packs), `catalogue` (QualificationInfo rows, given the pack's
    aliases and levels by name and issuer) and `cutoff` override the pack's.
    """

    def __init__(self, catalogue: Sequence[QualificationInfo] | None = None, *,
                 cutoff: dt.date | None = None, bans: Sequence[Ban] = (), today: dt.date,
                 pack: RoundPack | None = None) -> None:
        self.pack = pack_or_shipped(pack)
        self.cutoff = cutoff or self.pack.deadlines.cutoff
        self.today = today
        self.year = self.cutoff.year  # the application year
        self.catalogue = (CatalogueRule(self.pack.catalogue) if catalogue is None
                          else CatalogueRule.from_infos(catalogue, self.pack.catalogue))
        self.education = EducationRule(self.pack.education, cutoff=self.cutoff, today=today)
        self.districts = DistrictRule(self.pack.districts)
        self.bans_by_id: dict[str, list[Ban]] = {}
        self.bans_by_name: dict[str, list[Ban]] = {}
        for ban in bans:
            number = normalize_id(ban.id_number)
            if number:
                self.bans_by_id.setdefault(number, []).append(ban)
            else:
                self.bans_by_name.setdefault(_name_key(ban.name), []).append(ban)
        # Rosters repeat qualifications and units: each distinct text is judged once.
        self._catalogue_cache: dict[tuple[str, str], Finding] = {}
        self._qualification_cache: dict[tuple[object, ...], tuple[Finding, ...]] = {}
        self._kinds: dict[str, tuple[tuple[Finding, ...], bool, bool]] = {}

    def check(self, applicant: ApplicantLike, *, number_checked: bool = False) -> Eligibility:
        """The pre-check of one applicant. `number_checked`: the caller has just held
        the ID number to this round's rules (the store's import validates every row),
        so it is not checked a second time; the kind still is."""
        number = _id_key(applicant.id_number or "")
        kind = (applicant.id_kind or "").strip()
        findings = [
            *self._id_kind(kind, number, number_checked),
            *self._qualification_once(applicant),
            *self._education_once(applicant),
            *self.districts.judge(applicant.unit or "",
                                  getattr(applicant, "unit_address", "") or ""),
        ]
        if self.bans_by_id or self.bans_by_name:
            findings.extend(self._bans(applicant.name or "", number))
        return _conclude(findings)

    def _qualification_once(self, a: ApplicantLike) -> tuple[Finding, ...]:
        year = getattr(a, "qualified_year", None)
        key = (a.qualification, a.qualification_issuer, a.qualified_on, year)
        return _memo(self._qualification_cache, key, lambda: self._qualification(a, year))

    def _education_once(self, a: ApplicantLike) -> tuple[Finding, ...]:
        graduated, work_start = a.graduated_on, a.work_start
        if graduated is not None and work_start is not None:  # the usual row: direct
            found = self.education.dated(a.education or "", a.degree or "",
                                         getattr(a, "school", "") or "", graduated, work_start)
            if found is not None:
                return found
        studies = Studies(a.education or "", a.degree or "", getattr(a, "school", "") or "",
                          a.graduated_on, getattr(a, "graduated_year", None), a.work_start,
                          getattr(a, "work_start_year", None), a.field_years)
        # Not memoised as a whole: the dates make nearly every applicant's studies
        # distinct (a cache would only hold memory); the rule keeps the costly part,
        # the tier of each distinct 学历/学位/院校.
        return tuple(self.education.judge(studies))

    # ------------------------------------------------------------------ ID kind
    def _id_kind(self, kind: str, number: str, number_checked: bool) -> tuple[Finding, ...]:
        known = self._kinds.get(kind)
        if known is None:
            if len(self._kinds) > _CACHE_LIMIT:
                self._kinds.clear()
            known = self._kinds[kind] = self._kind_findings(kind)
        findings, final, check_digit = known
        if final or number_checked or (check_digit and resident_ok(number)):
            return findings
        problem = id_problem(kind, number, ids=self.pack.ids)
        if problem is None:
            return findings
        return (*findings,
                Finding("id_kind", Verdict.UNKNOWN, f"证件号码有误，请核对：{problem.message}"))

    def _kind_findings(self, kind: str) -> tuple[tuple[Finding, ...], bool, bool]:
        """What the kind alone says (once per distinct kind): its findings, whether they
        are final (no number check follows), and whether it has a check digit."""
        if not kind:
            return (Finding("id_kind", Verdict.UNKNOWN, "缺少证件类别"),), True, False
        ids = self.pack.ids
        found = find_kind(kind, ids)
        if found is None and not ids.open_list:
            allowed = "、".join(k.name for k in ids.kinds)
            return (Finding("id_kind", Verdict.INELIGIBLE,
                            f"证件类别“{kind}”不在允许范围内（{allowed}）"),), True, False
        findings: tuple[Finding, ...] = ()
        if found is None or not found.named_in_notice:
            listed = "、".join(k.name for k in ids.kinds if k.named_in_notice)
            shown = kind if found is None or found.name == kind else f"{kind}（{found.name}）"
            findings = (Finding("id_kind", Verdict.UNKNOWN,
                                f"证件类别“{shown}”不是通知列明的证件（{listed}等），可以受理，"
                                "请核实证件及申报人身份（港澳台人员、外籍人员等）"),)
        return findings, False, found is not None and found.check_digit

    # ------------------------------------------------------------------ qualification
    def _qualification(self, a: ApplicantLike, year: int | None) -> Iterable[Finding]:
        text = (a.qualification or "").strip()
        issuer = (a.qualification_issuer or "").strip()
        if not text:
            yield Finding("qualification", Verdict.UNKNOWN, "缺少职业资格名称，无法核对认定目录")
            return
        best = self._catalogue_cache.get((text, issuer))
        if best is None:
            if len(self._catalogue_cache) > _CACHE_LIMIT:
                self._catalogue_cache.clear()
            best = self._catalogue_cache[(text, issuer)] = self.catalogue.judge(text, issuer)
        yield best
        if best.verdict is Verdict.INELIGIBLE:
            return
        held = a.qualified_on
        if held is None and year is not None:
            yield Finding("qualification", Verdict.UNKNOWN,
                          f"职业资格取得时间只写了年份（{year} 年），须在截止日 "
                          f"{self.cutoff.isoformat()} 前取得，请核实具体日期")
        elif held is None:
            yield Finding("qualification", Verdict.UNKNOWN,
                          "缺少职业资格取得时间，无法确认截止日前已取得")
        elif held > self.cutoff:
            yield Finding("qualification", Verdict.INELIGIBLE,
                          f"职业资格取得时间 {held.isoformat()} "
                          f"晚于截止日 {self.cutoff.isoformat()}")
        elif held > self.today:
            yield Finding("qualification", Verdict.UNKNOWN,
                          f"职业资格取得时间 {held.isoformat()} 晚于今天，请核对")

    # ------------------------------------------------------------------ bans
    def _bans(self, name: str, number: str) -> Iterable[Finding]:
        for ban in self.bans_by_id.get(number, []) if number else []:
            yield self._ban_finding(ban, by_name=False)
        for ban in self.bans_by_name.get(_name_key(name), []) if self.bans_by_name else []:
            yield self._ban_finding(ban, by_name=True)

    def _ban_finding(self, ban: Ban, *, by_name: bool) -> Finding:
        rule = self.pack.ban
        years = ban.barred(rule)
        span = f"{years.start}–{years.stop - 1} 年"
        why = f"（{ban.reason}）" if ban.reason else ""
        decided = f"{ban.decided_on.isoformat()} 被取消资格{why}"
        if by_name:
            subject = f"取消资格名单中有同名人员“{ban.name}”（未列证件号码），{decided}"
            if self.year in years or ban.decided_on.year == self.year:
                return Finding("ban", Verdict.UNKNOWN,
                               f"{subject}，禁报期 {span}，请核实是否为同一人")
            return Finding("ban", Verdict.ELIGIBLE, f"{subject}，禁报期 {span} 已过")
        if self.year in years:
            return Finding("ban", Verdict.INELIGIBLE,
                           f"{decided}，自 {years.start} 年起 {rule.years} 年内（{span}）不得申报，"
                           f"{self.year} 年在禁报期内")
        if ban.decided_on.year == self.year:
            return Finding("ban", Verdict.UNKNOWN,
                           f"{decided}（本年度），禁报期自 {years.start} 年起；本次申报请核实")
        if ban.decided_on.year > self.year:
            return Finding("ban", Verdict.UNKNOWN, f"{decided}，决定日期晚于本申报年度，请核对")
        return Finding("ban", Verdict.ELIGIBLE, f"曾于 {decided}，禁报期 {span} 已过")


def _memo(cache: dict[tuple[object, ...], tuple[Finding, ...]], key: tuple[object, ...],
          judge: Callable[[], Iterable[Finding]]) -> tuple[Finding, ...]:
    """The findings for `key`, judged once; the cache is emptied when it grows too big."""
    found = cache.get(key)
    if found is None:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        found = cache[key] = tuple(judge())
    return found


def _conclude(findings: list[Finding]) -> Eligibility:
    failed = [f.text for f in findings if f.verdict is _INELIGIBLE]
    open_ = [f.text for f in findings if f.verdict is _UNKNOWN]
    if failed:
        return Eligibility(Verdict.INELIGIBLE, tuple(failed + open_), tuple(findings))
    if open_:
        return Eligibility(Verdict.UNKNOWN, tuple(open_), tuple(findings))
    return Eligibility(Verdict.ELIGIBLE, tuple(f.text for f in findings), tuple(findings))


_INELIGIBLE: Final = Verdict.INELIGIBLE
_UNKNOWN: Final = Verdict.UNKNOWN
_CLEAN_ID: Final = re.compile(r"[0-9A-Z()\-]{5,30}")


def _id_key(raw: str) -> str:
    """normalize_id, skipped for a number that is already clean (as the store keeps them)."""
    return raw if _CLEAN_ID.fullmatch(raw) else normalize_id(raw)


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()
