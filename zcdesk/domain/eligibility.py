"""Eligibility pre-check (annex 1 of the notice): what the clerk may tell at once.

It never blocks receiving a packet: the committee decides. Every conclusion comes
with its reasons in plain Chinese, and missing data gives 待核实 (to verify),
never a silent 符合.

Rules, and the choices made where the notice is silent:

- **Catalogue** (annex 3, data): the qualification is matched by the catalogue's
  name or abbreviation, ignoring case, spaces, brackets, full-width forms and
  umlauts (TÜV = TUV); an abbreviation must stand as a word (PMP ≠ IPMP). A
  catalogue name that is only a membership (会员, 常规会员) needs its issuer
  (美国化学协会 / American Chemical Society / ACS …) in the issuer or the name
  text; a catalogue condition "C 级及以上" needs the level (A, B, C ok; D not;
  none given → 待核实). The qualification must be held by the cut-off date.
- **Education and years** (二.1–5): the tier is the most favourable one the
  education or degree supports — 博士学位 any years; 硕士研究生学历 or 硕士学位 ≥ 2;
  第二学士学位 ≥ 3; 大学本科学历 ≥ 5; 大学专科学历 ≥ 7. "After obtaining the
  education, working in the field N years": the years are full years (周年) from
  the LATER of 毕业时间 and 参加工作时间 to the cut-off (30 June of the
  application year, section 六; "以上" includes the bound). Work before
  graduating does not count (it was not after the education); time between
  graduating and starting work is not work. Only one 毕业时间 is on the form, so
  it is taken as the date of the education or degree that gives the tier. The
  declared 现从事专业工作年限 never decides: when a date is missing it is shown as
  a hint and the result is 待核实. 博士研究生学历 without 博士学位 is held to the
  硕士 tier (≥ 2) and, short of that, is 待核实 (the degree may just be missing).
- **Place of work** (一.2): a unit name or address naming an excluded district
  (高新区（滨江）、萧山区、余杭区、临平区、钱塘区、临安区、建德市) is 不符合 when the
  district is written as such (萧山区, 建德市, 杭州高新区), 待核实 when only the
  place name appears (杭州萧山某某公司: registered there, may work elsewhere) or
  when a covered district is named too. No unit: nothing is concluded.
- **ID kind** (三.2): one of ID_KINDS.
- **Disqualification** (section 五): "no application for 3 years from the
  following year": a decision in year Y bars the years Y+1, Y+2 and Y+3. The
  application year is the cut-off's year (the cut-off is 30 June of the
  application year by section 六). A ban found by ID number is 不符合; a ban
  list entry without an ID number that has the same name is 待核实 (namesakes are
  common). A decision in the application year itself is 待核实: it cancels that
  application, and may concern this one.
- The engineering field (机电制造、电子 …) cannot be told from free text and is
  not checked.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Final, Protocol

from zcdesk.domain.dates import full_years
from zcdesk.domain.idnumber import ID_KINDS, id_problem, normalize_id
from zcdesk.domain.records import QualificationInfo

BAN_YEARS: Final = 3
_CACHE_LIMIT: Final = 100_000  # distinct values kept per rule (a checker lives long)


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS: Final = {Verdict.ELIGIBLE: "符合", Verdict.INELIGIBLE: "不符合",
                         Verdict.UNKNOWN: "待核实"}
_SEVERITY: Final = {Verdict.INELIGIBLE: 0, Verdict.UNKNOWN: 1, Verdict.ELIGIBLE: 2}


@dataclass(frozen=True)
class Finding:
    """One rule's conclusion: `rule` is qualification / education / district / id_kind / ban."""

    rule: str
    verdict: Verdict
    text: str


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

    @property
    def barred_years(self) -> range:
        """The years in which no application may be made: the 3 after the decision's."""
        return range(self.decided_on.year + 1, self.decided_on.year + 1 + BAN_YEARS)

    def bars(self, year: int) -> bool:
        return year in self.barred_years


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
    def work_start(self) -> dt.date | None: ...
    @property
    def field_years(self) -> int | None: ...
    @property
    def education(self) -> str: ...
    @property
    def degree(self) -> str: ...
    @property
    def graduated_on(self) -> dt.date | None: ...
    @property
    def qualification(self) -> str: ...
    @property
    def qualification_issuer(self) -> str: ...
    @property
    def qualified_on(self) -> dt.date | None: ...


def check_eligibility(form_or_info: ApplicantLike, *, catalogue: Sequence[QualificationInfo],
                      cutoff: dt.date, bans: Sequence[Ban] = (), today: dt.date,
                      ) -> Eligibility:
    """The pre-check for one applicant (see the module docstring for the rules).

    For many applicants build one EligibilityChecker and call its check().
    """
    return EligibilityChecker(catalogue, cutoff=cutoff, bans=bans, today=today).check(
        form_or_info)


class EligibilityChecker:
    """The rules prepared once (catalogue patterns, ban index) for many applicants."""

    def __init__(self, catalogue: Sequence[QualificationInfo], *, cutoff: dt.date,
                 bans: Sequence[Ban] = (), today: dt.date) -> None:
        self.cutoff = cutoff
        self.today = today
        self.year = cutoff.year  # the application year
        self.entries = tuple(_Entry.of(q) for q in catalogue)
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
        self._district_cache: dict[str, tuple[Finding, ...]] = {}
        self._qualification_cache: dict[tuple[object, ...], tuple[Finding, ...]] = {}
        self._education_cache: dict[tuple[object, ...], tuple[Finding, ...]] = {}

    def check(self, applicant: ApplicantLike) -> Eligibility:
        number = _id_key(applicant.id_number or "")
        findings = [
            *self._id_kind(applicant.id_kind or "", number),
            *self._qualification_once(applicant),
            *self._education_once(applicant),
            *self._district_once(applicant.unit or ""),
        ]
        if self.bans_by_id or self.bans_by_name:
            findings.extend(self._bans(applicant.name or "", number))
        return _conclude(findings)

    def _qualification_once(self, a: ApplicantLike) -> tuple[Finding, ...]:
        key = (a.qualification, a.qualification_issuer, a.qualified_on)
        return _memo(self._qualification_cache, key, lambda: self._qualification(a))

    def _education_once(self, a: ApplicantLike) -> tuple[Finding, ...]:
        key = (a.education, a.degree, a.graduated_on, a.work_start, a.field_years)
        return _memo(self._education_cache, key, lambda: self._education(a))

    # ------------------------------------------------------------------ ID kind
    def _id_kind(self, kind: str, number: str) -> Iterable[Finding]:
        kind = kind.strip()
        if not kind:
            yield Finding("id_kind", Verdict.UNKNOWN, "缺少证件类别")
            return
        if kind not in ID_KINDS:
            yield Finding("id_kind", Verdict.INELIGIBLE,
                          f"证件类别“{kind}”不在允许范围内（{'、'.join(ID_KINDS)}）")
            return
        problem = id_problem(kind, number)
        if problem is not None:
            yield Finding("id_kind", Verdict.UNKNOWN, f"证件号码有误，请核对：{problem.message}")

    # ------------------------------------------------------------------ qualification
    def _qualification(self, a: ApplicantLike) -> Iterable[Finding]:
        text = (a.qualification or "").strip()
        issuer = (a.qualification_issuer or "").strip()
        if not text:
            yield Finding("qualification", Verdict.UNKNOWN, "缺少职业资格名称，无法核对认定目录")
            return
        best = self._catalogue_cache.get((text, issuer))
        if best is None:
            best = self._judge(text, issuer)
            self._catalogue_cache[(text, issuer)] = best
        yield best
        if best.verdict is Verdict.INELIGIBLE:
            return
        held = a.qualified_on
        if held is None:
            yield Finding("qualification", Verdict.UNKNOWN,
                          "缺少职业资格取得时间，无法确认截止日前已取得")
        elif held > self.cutoff:
            yield Finding("qualification", Verdict.INELIGIBLE,
                          f"职业资格取得时间 {held.isoformat()} "
                          f"晚于截止日 {self.cutoff.isoformat()}")
        elif held > self.today:
            yield Finding("qualification", Verdict.UNKNOWN,
                          f"职业资格取得时间 {held.isoformat()} 晚于今天，请核对")

    def _judge(self, text: str, issuer: str) -> Finding:
        outcomes = [entry.judge(text, issuer) for entry in self.entries]
        matched = [o for o in outcomes if o is not None]
        if not matched:
            return Finding("qualification", Verdict.INELIGIBLE, f"职业资格“{text}”不在认定目录中")
        return max(matched, key=lambda f: _SEVERITY[f.verdict])

    # ------------------------------------------------------------------ education, years
    def _education(self, a: ApplicantLike) -> Iterable[Finding]:
        tier, unknown = _tier(a.education or "", a.degree or "")
        if tier is None:
            yield Finding("education", Verdict.INELIGIBLE if unknown is None else Verdict.UNKNOWN,
                          unknown or f"学历“{a.education.strip()}”低于大学专科，不符合申报条件")
            return
        cutoff = self.cutoff.isoformat()
        if tier.years == 0:
            if a.graduated_on is not None and a.graduated_on > self.cutoff:
                yield Finding("education", Verdict.INELIGIBLE,
                              f"{tier.label}，毕业（取得学位）时间 {a.graduated_on.isoformat()} "
                              f"晚于截止日 {cutoff}")
            else:
                yield Finding("education", Verdict.ELIGIBLE,
                              f"{tier.label}，取得后从事本专业即可，不要求年限")
            return
        dates = (("毕业", a.graduated_on), ("参加工作", a.work_start))
        known = [(value, label) for label, value in dates if value is not None]
        missing = [f"{label}时间" for label, value in dates if value is None]
        if not known:
            start, since = None, ""
        else:
            start, since = max(known)
        years = 0 if start is None or start > self.cutoff else full_years(start, self.cutoff)
        if missing and (start is None or years >= tier.years):
            hint = ""
            if a.field_years is not None:
                hint = f"（填报的现从事专业工作年限为 {a.field_years} 年，仅供参考）"
            yield Finding("education", Verdict.UNKNOWN,
                          f"缺少{'和'.join(missing)}，无法计算{tier.label}后从事本专业的年限"
                          f"（需满 {tier.years} 年）{hint}")
            return
        assert start is not None
        # With one date missing, the known one still bounds the years from above.
        at_most = "至多" if missing else ""
        counted = (f"截至 {cutoff} 从事本专业{at_most} {years} 年"
                   f"（自 {start.isoformat()} {since}起算）")
        if years >= tier.years:
            yield Finding("education", Verdict.ELIGIBLE,
                          f"{tier.label}，{counted}，满 {tier.years} 年")
        elif tier.maybe_higher:
            yield Finding("education", Verdict.UNKNOWN,
                          f"{tier.label}，{counted}，不满 {tier.years} 年；"
                          f"{tier.maybe_higher}")
        else:
            yield Finding("education", Verdict.INELIGIBLE,
                          f"{tier.label}，{counted}，不满 {tier.years} 年")
        for label, value in dates:
            if value is not None and value > self.today:
                yield Finding("education", Verdict.UNKNOWN,
                              f"{label}时间 {value.isoformat()} 晚于今天，请核对")

    # ------------------------------------------------------------------ district
    def _district_once(self, unit: str) -> tuple[Finding, ...]:
        found = self._district_cache.get(unit)
        if found is None:
            found = self._district_cache[unit] = tuple(self._district(unit))
        return found

    def _district(self, unit: str) -> Iterable[Finding]:
        text = _fold(unit or "").replace(" ", "")
        if not text:
            return
        explicit = [d for d, pattern in _EXCLUDED_EXPLICIT if pattern.search(text)]
        bare = [(d, m.group(0)) for d, pattern in _EXCLUDED_BARE
                if d not in explicit and (m := pattern.search(text))]
        covered = [d for d in _COVERED if d in text]
        if not explicit and not bare:
            return
        unit = unit.strip()
        scope = "，不在本次认定范围（由该区、市自行组织）"
        if explicit and not covered:
            yield Finding("district", Verdict.INELIGIBLE,
                          f"工作单位“{unit}”位于{'、'.join(explicit)}{scope}")
        elif covered:
            named = "、".join(explicit + [d for d, _ in bare])
            yield Finding("district", Verdict.UNKNOWN,
                          f"工作单位“{unit}”同时出现{named}和{'、'.join(covered)}，请核实工作地："
                          f"{named}不在本次认定范围")
        else:
            words = "、".join(f"“{word}”" for _, word in bare)
            places = "、".join(d for d, _ in bare)
            yield Finding("district", Verdict.UNKNOWN,
                          f"工作单位“{unit}”含地名{words}，可能位于{places}{scope}，请核实工作地")

    # ------------------------------------------------------------------ bans
    def _bans(self, name: str, number: str) -> Iterable[Finding]:
        for ban in self.bans_by_id.get(number, []) if number else []:
            yield self._ban_finding(ban, by_name=False)
        for ban in self.bans_by_name.get(_name_key(name), []) if self.bans_by_name else []:
            yield self._ban_finding(ban, by_name=True)

    def _ban_finding(self, ban: Ban, *, by_name: bool) -> Finding:
        years = ban.barred_years
        span = f"{years.start}–{years.stop - 1} 年"
        why = f"（{ban.reason}）" if ban.reason else ""
        decided = f"{ban.decided_on.isoformat()} 被取消资格{why}"
        if by_name:
            subject = f"取消资格名单中有同名人员“{ban.name}”（未列证件号码），{decided}"
            if ban.bars(self.year) or ban.decided_on.year == self.year:
                return Finding("ban", Verdict.UNKNOWN,
                               f"{subject}，禁报期 {span}，请核实是否为同一人")
            return Finding("ban", Verdict.ELIGIBLE, f"{subject}，禁报期 {span} 已过")
        if ban.bars(self.year):
            return Finding("ban", Verdict.INELIGIBLE,
                           f"{decided}，自 {years.start} 年起 {BAN_YEARS} 年内（{span}）不得申报，"
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
    failed: list[str] = []
    open_: list[str] = []
    for finding in findings:
        if finding.verdict is Verdict.INELIGIBLE:
            failed.append(finding.text)
        elif finding.verdict is Verdict.UNKNOWN:
            open_.append(finding.text)
    if failed:
        return Eligibility(Verdict.INELIGIBLE, tuple(failed + open_), tuple(findings))
    if open_:
        return Eligibility(Verdict.UNKNOWN, tuple(open_), tuple(findings))
    return Eligibility(Verdict.ELIGIBLE, tuple(f.text for f in findings), tuple(findings))


# ---------------------------------------------------------------------- text folding
_BRACKETS: Final = re.compile(r"[()\[\]{}（）【】〔〕《》<>“”\"'‘’«»]")
_PUNCT: Final = re.compile(r"[\s\-_·•,，.。;；:：/／\\|®™©+＋&]+")


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Lower case, ASCII letters (ü → u), brackets and punctuation as single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))
    text = _BRACKETS.sub(" ", text.casefold())
    return _PUNCT.sub(" ", text).strip()


_CLEAN_ID: Final = re.compile(r"[0-9A-Z()\-]{5,30}")


def _id_key(raw: str) -> str:
    """normalize_id, skipped for a number that is already clean (as the store keeps them)."""
    return raw if _CLEAN_ID.fullmatch(raw) else normalize_id(raw)


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()


def _word(text: str) -> re.Pattern[str]:
    """An ASCII abbreviation as a word: letters around it must not be letters."""
    body = r"\s*".join(re.escape(part) for part in _fold(text).split())
    return re.compile(rf"(?<![a-z]){body}(?![a-z])")


# Known other names of catalogue qualifications (by abbreviation or name). When a
# later catalogue drops an entry, its aliases simply no longer match anything.
_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "PMP": ("Project Management Professional",),
    "IPMP": ("国际特级项目经理", "国际高级项目经理", "国际项目经理", "国际助理项目经理",
             "International Project Management Professional"),
    "TUV FSEng": ("FSEng", "FS Eng", "TÜV功能安全工程师", "Functional Safety Engineer"),
    "NPDP": ("New Product Development Professional", "产品经理国际资格"),
    "IECEx CoPC": ("CoPC", "IECEx人员能力认证"),
    "PPS": ("PPS质量体系",),
    "降落伞装备师": ("Parachute Rigger", "跳伞装备师"),
    "会员": ("Member",),
    "常规会员": ("Regular Member",),
}
_IPMP_LEVELS: Final = ((re.compile("国际特级项目经理"), "A"), (re.compile("国际高级项目经理"), "B"),
                       (re.compile("国际助理项目经理"), "D"),
                       (re.compile("国际项目经理(?!资质)"), "C"))
_LEVEL_CONDITION: Final = re.compile(r"([A-D])\s*级\s*(?:及|或)?\s*以上")
_LEVEL_IN_TEXT: Final = (
    re.compile(r"(?<![a-z])(?:level|lvl)\s*([abcd])(?![a-z])"),
    re.compile(r"(?<![a-z])([abcd])\s*(?:级|level)"),
    re.compile(r"(?<![a-z])ipmp\s*([abcd])(?![a-z])"),
    re.compile(r"(?<![a-z])([abcd])\s*ipmp(?![a-z])"),
)
_STOPWORDS: Final = frozenset({"the", "of", "and", "for", "in"})


def _initials(english: str) -> str:
    words = [w for w in re.split(r"[^A-Za-z]+", english) if w and w.lower() not in _STOPWORDS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


@dataclass(frozen=True)
class _Entry:
    info: QualificationInfo
    words: tuple[re.Pattern[str], ...]  # ASCII names/abbreviations, matched as words
    phrases: tuple[str, ...]  # Chinese names, matched as folded substrings
    exact: frozenset[str]  # every name folded without spaces: the text is just the name
    issuers: tuple[re.Pattern[str] | str, ...]
    needs_issuer: bool
    min_level: str  # "" or the lowest level letter allowed ("C")
    other_condition: str

    @classmethod
    def of(cls, q: QualificationInfo) -> _Entry:
        names = [q.name, q.abbreviation, *_ALIASES.get(q.abbreviation, ()),
                 *_ALIASES.get(q.name, ())]
        if q.abbreviation:
            names.append(f"{q.name}{q.abbreviation}")
        words, phrases = [], []
        exact = frozenset(_fold(n).replace(" ", "") for n in names if n)
        for name in filter(None, names):
            folded = _fold(name)
            if folded.isascii():
                words.append(_word(name))
            else:
                phrases.append(folded.replace(" ", ""))
        issuers: list[re.Pattern[str] | str] = []
        for issuer in filter(None, (q.issuer, q.issuer_en)):
            folded = _fold(issuer)
            issuers.append(_word(issuer) if folded.isascii() else folded.replace(" ", ""))
        initials = _initials(q.issuer_en)
        if initials:
            issuers.append(_word(initials))
        condition = _fold(q.condition).replace(" ", "") if q.condition else ""
        level = _LEVEL_CONDITION.search(unicodedata.normalize("NFKC", q.condition).upper())
        return cls(q, tuple(words), tuple(phrases), exact, tuple(issuers),
                   needs_issuer=_fold(q.name).replace(" ", "").endswith("会员"),
                   min_level=level.group(1) if level else "",
                   other_condition="" if level or not condition else q.condition)

    @property
    def shown(self) -> str:
        q = self.info
        return f"{q.name}（{q.abbreviation}）" if q.abbreviation else q.name

    def _named(self, folded: str) -> bool:
        compact = folded.replace(" ", "")
        return any(p.search(folded) for p in self.words) or any(p in compact
                                                                for p in self.phrases)

    def _bare_name(self, folded: str) -> bool:
        """The text is just this entry's name, once the issuer's names are taken out."""
        compact = folded
        for issuer in self.issuers:
            compact = (issuer.sub(" ", compact) if isinstance(issuer, re.Pattern)
                       else compact.replace(" ", "").replace(issuer, " "))
        return compact.replace(" ", "") in self.exact

    def _issued(self, folded: str) -> bool:
        compact = folded.replace(" ", "")
        return any(p.search(folded) if isinstance(p, re.Pattern) else p in compact
                   for p in self.issuers)

    def judge(self, text: str, issuer: str) -> Finding | None:
        """None when `text` does not name this entry; else what follows for it."""
        folded = _fold(text)
        if not self._named(folded):
            return None
        q = self.info
        if self.needs_issuer:
            if self._issued(folded) or self._issued(_fold(issuer)):
                if self._bare_name(folded):
                    return Finding("qualification", Verdict.ELIGIBLE,
                                   f"职业资格“{text}”（{q.issuer}）在认定目录中")
                return Finding("qualification", Verdict.UNKNOWN,
                               f"职业资格“{text}”：目录中为{q.issuer}的“{q.name}”，"
                               "名称不完全一致，请核实会员类别")
            if folded.replace(" ", "") not in self.exact or issuer:
                by = f"“{issuer}”颁发的" if issuer else ""
                return Finding("qualification", Verdict.INELIGIBLE,
                               f"{by}职业资格“{text}”不在认定目录中（目录中的“{q.name}”"
                               f"仅限{q.issuer}颁发）")
            return Finding("qualification", Verdict.UNKNOWN,
                           f"职业资格“{text}”缺少颁证单位；目录中的“{q.name}”仅限"
                           f"{q.issuer}颁发，请核实")
        if self.min_level:
            level = _level(text)
            if not level:
                return Finding("qualification", Verdict.UNKNOWN,
                               f"职业资格“{text}”未写明级别；目录要求 {q.condition}，"
                               "请核实证书级别")
            if level > self.min_level:
                return Finding("qualification", Verdict.INELIGIBLE,
                               f"职业资格“{text}”为 {level} 级，目录要求 {q.condition}")
            return Finding("qualification", Verdict.ELIGIBLE,
                           f"职业资格“{text}”（{level} 级）在认定目录中"
                           f"（{self.shown}，{q.condition}）")
        if self.other_condition:
            return Finding("qualification", Verdict.UNKNOWN,
                           f"职业资格“{text}”在认定目录中（{self.shown}），目录另有要求："
                           f"{self.other_condition}，请核实")
        return Finding("qualification", Verdict.ELIGIBLE,
                       f"职业资格“{text}”在认定目录中（{self.shown}）")


def _level(text: str) -> str:
    """The IPMP-style level letter written in `text` (A best … D), "" when none."""
    folded = _fold(text)
    for pattern in _LEVEL_IN_TEXT:
        match = pattern.search(folded)
        if match:
            return match.group(1).upper()
    compact = folded.replace(" ", "")
    for name, letter in _IPMP_LEVELS:
        if name.search(compact):
            return letter
    return ""


# ---------------------------------------------------------------------- education
@dataclass(frozen=True)
class _Tier:
    label: str
    years: int
    maybe_higher: str = ""  # when short of the years: why it may still be fine


_DOCTOR: Final = _Tier("博士学位", 0)
_MASTER_EDU: Final = _Tier("硕士研究生学历", 2)
_MASTER_DEG: Final = _Tier("硕士学位", 2)
_DOCTOR_EDU: Final = _Tier("博士研究生学历（未写明博士学位，按硕士研究生以上计）", 2,
                           "如已取得博士学位则不要求年限，请核实学位")
_SECOND_BACHELOR: Final = _Tier("第二学士学位", 3)
_BACHELOR: Final = _Tier("大学本科学历", 5)
_COLLEGE: Final = _Tier("大学专科学历", 7)
_BELOW: Final = ("中专", "中技", "技校", "技工", "高中", "职高", "初中", "小学", "中等专业")


@lru_cache(maxsize=1024)
def _tier(education: str, degree: str) -> tuple[_Tier | None, str | None]:
    """(the most favourable tier, None) or (None, why 待核实) or (None, None) = below 大专."""
    edu = unicodedata.normalize("NFKC", education).replace(" ", "")
    deg = unicodedata.normalize("NFKC", degree).replace(" ", "")
    tiers: list[_Tier] = []
    if "博士" in deg:
        tiers.append(_DOCTOR)
    if "硕士" in deg:
        tiers.append(_MASTER_DEG)
    if "第二学士" in deg or "第二学士" in edu:
        tiers.append(_SECOND_BACHELOR)
    if "博士" in edu and "博士" not in deg:
        tiers.append(_DOCTOR_EDU)
    if "硕士" in edu or edu in ("研究生", "研究生学历", "研究生毕业"):
        tiers.append(_MASTER_EDU)
    if "本科" in edu or "专升本" in edu:
        tiers.append(_BACHELOR)
    if any(word in edu for word in ("专科", "大专", "高职", "高专")):
        tiers.append(_COLLEGE)
    if tiers:
        return min(tiers, key=lambda t: (t.years, bool(t.maybe_higher))), None
    if not edu and not deg:
        return None, "缺少学历和学位，无法判断申报条件"
    if any(word in edu for word in _BELOW):
        return None, None
    if not edu:
        return None, f"学位“{degree.strip()}”不足以判断申报条件，缺少学历"
    return None, f"学历“{education.strip()}”无法识别，请核实"


# ---------------------------------------------------------------------- districts
def _district_pattern(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


_EXCLUDED_EXPLICIT: Final = (
    ("高新区（滨江）", _district_pattern(r"滨江区", r"杭州高新区", r"高新区\(?滨江",
                                     r"杭州高新技术产业开发区", r"高新技术产业开发区\(?滨江")),
    ("萧山区", _district_pattern(r"萧山区")),
    ("余杭区", _district_pattern(r"余杭区")),
    ("临平区", _district_pattern(r"临平区")),
    ("钱塘区", _district_pattern(r"钱塘区", r"钱塘新区", r"杭州经济技术开发区")),
    ("临安区", _district_pattern(r"临安区")),
    ("建德市", _district_pattern(r"建德市")),
)
_EXCLUDED_BARE: Final = (
    ("高新区（滨江）", _district_pattern(r"滨江(?!路|街|大道|公园|花园|小区)")),
    ("萧山区", _district_pattern(r"萧山")),
    ("余杭区", _district_pattern(r"余杭(?!路|塘|街)")),
    ("临平区", _district_pattern(r"临平(?!路|街)")),
    ("钱塘区", _district_pattern(r"钱塘(?!江|路|街)", r"下沙", r"大江东")),
    ("临安区", _district_pattern(r"临安(?!路|街)")),
    ("建德市", _district_pattern(r"建德(?!路|街)")),
)
_COVERED: Final = ("上城区", "拱墅区", "西湖区", "富阳区", "桐庐县", "淳安县")
