"""Education and years in the field (annex 1, 二.1–5 and 三.5), from the round pack.

The tier is the most favourable one the education or degree supports
(`education.tiers`: 博士学位 any years … 大学专科学历 ≥ 7). "After obtaining the
education, working in the field N years": full years (周年) from the LATER of
毕业时间 and 参加工作时间 to the cut-off (30 June of the application year; "以上"
includes the bound). Work before graduating does not count; time between
graduating and starting work is not work. The declared 现从事专业工作年限 never
decides: when a date is missing it is shown as a hint and the result is 待核实.

不含技工院校学历 (三.5(1)): a tier marked `checks_school` (大专) does not count when
the school (or the 学历 text) names a 技工院校 (`education.not_counted_schools`);
a school that only hints at one (`unsure_schools`) or no school at all is 待核实.

A date known only to the year (a roster's "2010") is never turned into a day: the
finding is 待核实 and says how many years that year would give.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from zcdesk.domain.dates import full_years
from zcdesk.domain.round_pack import Education, Tier
from zcdesk.domain.textfold import compact
from zcdesk.domain.verdicts import Finding, Verdict

RULE: Final = "education"
_TIER_CACHE_LIMIT: Final = 100_000  # distinct (学历, 学位, 院校) kept; a rule lives long


@dataclass(frozen=True)
class Studies:
    """The fields of the form the rule reads."""

    education: str
    degree: str
    school: str
    graduated_on: dt.date | None
    graduated_year: int | None
    work_start: dt.date | None
    work_start_year: int | None
    field_years: int | None


@dataclass(frozen=True)
class _Start:
    """One dated step (毕业 / 参加工作): a day, a year only, or nothing."""

    label: str
    day: dt.date | None
    year: int | None

    @property
    def known(self) -> bool:
        return self.day is not None or self.year is not None

    @property
    def earliest(self) -> dt.date:
        return self.day or dt.date(self.year or 1, 1, 1)

    @property
    def latest(self) -> dt.date:
        return self.day or dt.date(self.year or 1, 12, 31)


class EducationRule:
    def __init__(self, education: Education, *, cutoff: dt.date, today: dt.date) -> None:
        self.rules = education
        self.cutoff = cutoff
        self.today = today
        # A roster repeats its 学历/学位/院校: the tier of each distinct triple is found once.
        self._tiers: dict[tuple[str, str, str], tuple[Tier | None,
                                                      tuple[Verdict, str] | None]] = {}
        # The years counted from each distinct start, per tier: rosters repeat their
        # dates (often the 1st of a month). Keyed by the tier's id: the tiers live in
        # `rules` as long as this rule does.
        self._counted: dict[tuple[int, dt.date, str], Finding] = {}

    # ------------------------------------------------------------------ the tier
    def school_problem(self, s: Studies) -> tuple[Verdict, str] | None:
        """Why a checks_school tier may not count: (不符合 | 待核实, reason), or None."""
        school = s.school.strip()
        texts = (compact(school), compact(s.education))
        for word in self.rules.not_counted_schools:
            if any(compact(word) in t for t in texts):
                where = f"毕业院校“{school}”" if compact(word) in texts[0] else \
                    f"学历“{s.education.strip()}”"
                return Verdict.INELIGIBLE, (f"{where}属技工院校，技工院校学历不计"
                                            "（附件1 三.5(1) 国内大专以上学历不含技工院校学历）")
        if not school:
            return Verdict.UNKNOWN, "未填写毕业院校，无法确认是否为技工院校学历（技工院校学历不计）"
        for word in self.rules.unsure_schools:
            if compact(word) in texts[0]:
                return Verdict.UNKNOWN, (f"毕业院校“{school}”含“{word}”，可能为技工院校"
                                         "（技工院校学历不计），请核实")
        return None

    def tier(self, s: Studies) -> tuple[Tier | None, tuple[Verdict, str] | None]:
        """The most favourable tier that counts, and the school problem of the tier
        the education would give (when it is a checks_school tier)."""
        key = (s.education, s.degree, s.school)
        known = self._tiers.get(key)
        if known is None:
            if len(self._tiers) > _TIER_CACHE_LIMIT:
                self._tiers.clear()
            known = self._tiers[key] = self._tier(s)
        return known

    def _tier(self, s: Studies) -> tuple[Tier | None, tuple[Verdict, str] | None]:
        found = [t for t in self.rules.tiers if t.applies(s.education, s.degree)]
        problem = None
        if any(t.checks_school for t in found):
            problem = self.school_problem(s)
            if problem is not None and problem[0] is Verdict.INELIGIBLE:
                found = [t for t in found if not t.checks_school]  # that tier does not count
        if not found:
            return None, problem
        best = min(found, key=lambda t: (t.years, bool(t.note)))  # the earlier on a tie
        # The school matters only for the tier that counts.
        return best, problem if best.checks_school else None

    # ------------------------------------------------------------------ findings
    def dated(self, education: str, degree: str, school: str, graduated: dt.date,
              work_start: dt.date) -> tuple[Finding, ...] | None:
        """judge() for the usual roster row, without its bookkeeping (it runs once per
        applicant): both dates known to the day and the tier of this 学历/学位/院校
        found before, with years to count. None: judge() decides."""
        known = self._tiers.get((education, degree, school))
        if known is None or known[0] is None or not known[0].years:
            return None
        tier, school_problem = known
        return _but_school(self._years_of_days(graduated, work_start, tier), school_problem)

    def judge(self, s: Studies) -> Iterable[Finding]:
        tier, school = self.tier(s)
        if tier is None:
            yield self._no_tier(s, school)
            return
        yield from _but_school(tuple(self._years(s, tier)), school)

    def _no_tier(self, s: Studies, school: tuple[Verdict, str] | None) -> Finding:
        education, degree = s.education.strip(), s.degree.strip()
        if school is not None:
            return Finding(RULE, Verdict.INELIGIBLE,
                           f"学历“{education}”：{school[1]}，不符合申报条件")
        if not education and not degree:
            return Finding(RULE, Verdict.UNKNOWN, "缺少学历和学位，无法判断申报条件")
        if any(word in compact(education) for word in self.rules.below):
            return Finding(RULE, Verdict.INELIGIBLE,
                           f"学历“{education}”低于大学专科，不符合申报条件")
        if not education:
            return Finding(RULE, Verdict.UNKNOWN, f"学位“{degree}”不足以判断申报条件，缺少学历")
        return Finding(RULE, Verdict.UNKNOWN, f"学历“{education}”无法识别，请核实")

    def _years(self, s: Studies, tier: Tier) -> Iterable[Finding]:
        if tier.years and s.graduated_on is not None and s.work_start is not None:
            yield from self._years_of_days(s.graduated_on, s.work_start, tier)
            return
        cutoff = self.cutoff.isoformat()
        graduated = _Start("毕业", s.graduated_on, s.graduated_year)
        if tier.years == 0:
            yield self._any_years(tier, graduated)
            return
        starts = (graduated, _Start("参加工作", s.work_start, s.work_start_year))
        known = [x for x in starts if x.known]
        missing = [f"{x.label}时间" for x in starts if not x.known]
        rough = [x for x in known if x.day is None]  # a year only
        # The later start counts; with a year only it lies between two days.
        most = self._count(max(x.earliest for x in known)) if known else 0
        least = self._count(max(x.latest for x in known)) if known else 0
        if missing and (not known or most >= tier.years):
            hint = ""
            if s.field_years is not None:
                hint = f"（填报的现从事专业工作年限为 {s.field_years} 年，仅供参考）"
            yield Finding(RULE, Verdict.UNKNOWN,
                          f"缺少{'和'.join(missing)}，无法计算{tier.label}后从事本专业的年限"
                          f"（需满 {tier.years} 年）{hint}")
            return
        if rough:
            span = f"{least} 年" if least == most else f"{least}–{most} 年"
            only = "、".join(f"{x.label}时间只写了年份（{x.year} 年）" for x in rough)
            yield Finding(RULE, Verdict.UNKNOWN,
                          f"{tier.label}，{only}，按该年计截至 {cutoff} 从事本专业约 {span}"
                          f"（需满 {tier.years} 年），请核实具体年月")
            return
        start, since = max((x.earliest, x.label) for x in known)
        # With one date missing, the known one still bounds the years from above.
        at_most = "至多" if missing else ""
        counted = (f"截至 {cutoff} 从事本专业{at_most} {most} 年"
                   f"（自 {start.isoformat()} {since}起算）")
        yield _counted_years(tier, counted, most)
        for x in known:
            if x.day is not None and x.day > self.today:
                yield Finding(RULE, Verdict.UNKNOWN,
                              f"{x.label}时间 {x.day.isoformat()} 晚于今天，请核对")

    def _years_of_days(self, graduated: dt.date, work_start: dt.date, tier: Tier,
                       ) -> tuple[Finding, ...]:
        """_years when both dates are days (nearly every roster row): the same findings,
        without the general case's bookkeeping (it runs once per applicant)."""
        # The later start counts; on the same day 毕业 (as max() of the labels picks it).
        start, since = ((work_start, "参加工作") if work_start > graduated
                        else (graduated, "毕业"))
        key = (id(tier), start, since)
        counted = self._counted.get(key)
        if counted is None:
            if len(self._counted) > _TIER_CACHE_LIMIT:
                self._counted.clear()
            most = self._count(start)
            counted = self._counted[key] = _counted_years(
                tier, f"截至 {self.cutoff.isoformat()} 从事本专业 {most} 年"
                      f"（自 {start.isoformat()} {since}起算）", most)
        today = self.today
        if graduated <= today and work_start <= today:
            return (counted,)
        return (counted, *(Finding(RULE, Verdict.UNKNOWN,
                                   f"{label}时间 {day.isoformat()} 晚于今天，请核对")
                           for label, day in (("毕业", graduated), ("参加工作", work_start))
                           if day > today))

    def _any_years(self, tier: Tier, graduated: _Start) -> Finding:
        """A tier without years (博士学位): only the degree must be before the cut-off."""
        cutoff = self.cutoff.isoformat()
        if graduated.day is not None and graduated.day > self.cutoff:
            return Finding(RULE, Verdict.INELIGIBLE,
                           f"{tier.label}，毕业（取得学位）时间 {graduated.day.isoformat()} "
                           f"晚于截止日 {cutoff}")
        if graduated.day is None and graduated.year is not None:
            return Finding(RULE, Verdict.UNKNOWN,
                           f"{tier.label}，毕业（取得学位）时间只写了年份（{graduated.year} 年），"
                           f"须在截止日 {cutoff} 前取得，请核实具体年月")
        return Finding(RULE, Verdict.ELIGIBLE, f"{tier.label}，取得后从事本专业即可，不要求年限")

    def _count(self, start: dt.date) -> int:
        return 0 if start > self.cutoff else full_years(start, self.cutoff)


def _counted_years(tier: Tier, counted: str, most: int) -> Finding:
    """The verdict on the years counted (`counted` says how): enough, short of them
    with the tier's note (the clerk checks), or short."""
    if most >= tier.years:
        return Finding(RULE, Verdict.ELIGIBLE, f"{tier.label}，{counted}，满 {tier.years} 年")
    if tier.note:
        return Finding(RULE, Verdict.UNKNOWN,
                       f"{tier.label}，{counted}，不满 {tier.years} 年；{tier.note}")
    return Finding(RULE, Verdict.INELIGIBLE, f"{tier.label}，{counted}，不满 {tier.years} 年")


def _but_school(findings: tuple[Finding, ...], school: tuple[Verdict, str] | None,
                ) -> tuple[Finding, ...]:
    """The years' findings; enough years become 待核实 when the school is in doubt."""
    if school is None or not findings or findings[0].verdict is not Verdict.ELIGIBLE:
        return findings
    return (Finding(RULE, Verdict.UNKNOWN, f"{findings[0].text}；但{school[1]}"),
            *findings[1:])
