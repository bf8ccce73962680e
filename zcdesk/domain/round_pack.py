"""The round pack: one TOML file per round of the city notice (issue #11).

A round (2025 上半年度, 2026 上半年度 …) is data: its deadlines, acceptance points,
checklist, catalogue, districts, education tiers, ID kinds, ban and correction
period. This module reads (`load_pack`), checks and writes (`dump_pack`) such a
file and derives a later round from an earlier one (`shifted`). Pure Python: no
Qt, no SQL; the format is described for office leads in docs/round-pack.md.

Every key of the file is a field of the frozen dataclasses below, with the same
name, so reading, validation and writing follow the dataclasses and cannot drift
apart. A field with a default may be left out of the file.

Validation collects every problem (a missing field, a wrong type, a date that is
not a date, deadlines out of order, a tier without years, a district in both
lists, unknown keys …) and raises one RoundPackError listing them, each with its
key path and line. tomllib gives no line numbers, so `_LineScanner` walks the
(already valid) TOML text once and records the line of every table, key and
array element.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from itertools import pairwise
from pathlib import Path
from typing import Any, Final, get_args, get_origin, get_type_hints

import tomli_w

FORMAT_VERSION: Final = 1

# Path of a key inside the pack: table/key names, and 0-based indices of array elements.
KeyPath = tuple[str | int, ...]


# ====================================================================== the pack
@dataclass(frozen=True)
class RoundId:
    code: str  # 2025H1: part of every receipt and cover-sheet number
    name: str  # 2025 上半年度


@dataclass(frozen=True)
class Notice:
    title: str
    issuer: str
    issued_on: dt.date
    doc_number: str = ""  # 文号; "" when the notice does not show it
    basis: str = ""  # the document it rests on (依据), e.g. 杭人社发〔2022〕123号


@dataclass(frozen=True)
class Deadlines:
    applicant: dt.date  # 个人网上申报截止
    employer: dt.date  # 单位网上审核推荐截止
    district: dt.date  # 管理部门网上审核截止
    paper: dt.date  # 纸质材料报送市经信局职改办截止
    cutoff: dt.date  # 年龄、资历、年限计算截止日（申报当年 6 月 30 日）

    def ordered(self) -> tuple[tuple[str, dt.date], ...]:
        """The four deadlines in the order the process runs (the cut-off is apart)."""
        return tuple((key, getattr(self, key)) for key in DEADLINE_ORDER)


# The steps of a round in time; each deadline may not be before the previous one.
DEADLINE_ORDER: Final = ("applicant", "employer", "district", "paper")


@dataclass(frozen=True)
class Correction:
    working_days: int  # 一次性补正告知 → deadline this many working days later


BAN_COUNTS_FROM: Final = {"following_year": "次年起", "decision_year": "当年起"}


@dataclass(frozen=True)
class BanRule:
    years: int
    counts_from: str  # a key of BAN_COUNTS_FROM

    def barred_years(self, decided_year: int) -> range:
        """The application years a decision taken in `decided_year` bars."""
        first = decided_year + (1 if self.counts_from == "following_year" else 0)
        return range(first, first + self.years)


@dataclass(frozen=True)
class CityBureau:
    """Where every district sends its papers (市经信局职改办)."""

    code: str
    name: str
    short_name: str
    address: str
    phone: str
    contact: str = ""  # 联系人 / receiver of the papers
    note: str = ""


POINT_KINDS: Final = {"district": "区、县（市）受理点", "municipal": "市直单位受理点"}


@dataclass(frozen=True)
class AcceptancePoint:
    code: str  # SC: part of every receipt and cover-sheet number
    name: str
    short_name: str
    kind: str  # a key of POINT_KINDS
    address: str = ""
    phone: str = ""
    contact: str = ""  # 联系人 / receiver of the papers, when the notice names one
    note: str = ""


@dataclass(frozen=True)
class CheckLabel:
    code: str  # watermark
    label: str  # 平台水印


@dataclass(frozen=True)
class ChecklistEntry:
    code: str  # evaluation: used by the command line (zcdesk receive … evaluation 2)
    name: str
    short_name: str
    scope: str  # packet (per applicant) or batch (per transmittal)
    copies: int
    checks: tuple[str, ...] = ()  # codes of checklist.checks, checked on every copy


@dataclass(frozen=True)
class RejectReasonEntry:
    code: str  # no_watermark
    label: str  # 缺水印
    aliases: tuple[str, ...] = ()  # other words a clerk may type (水印)


@dataclass(frozen=True)
class Checklist:
    checks: tuple[CheckLabel, ...]
    items: tuple[ChecklistEntry, ...]
    reasons: tuple[RejectReasonEntry, ...]


@dataclass(frozen=True)
class LevelName:
    name: str  # 国际高级项目经理
    level: str  # B
    not_before: tuple[str, ...] = ()  # …unless followed by one of these (国际项目经理资质认证)

    def pattern(self) -> str:
        """The regular expression the pre-check uses for this level title."""
        return _word_pattern(self.name, self.not_before)


@dataclass(frozen=True, kw_only=True)  # keyword-only: the file's key order, issuer required
class CatalogueEntry:
    name: str
    abbreviation: str = ""
    aliases: tuple[str, ...] = ()  # other names of the qualification
    issuer: str
    issuer_en: str = ""
    issuer_aliases: tuple[str, ...] = ()  # other names of the issuer (TUV, TÜV SÜD …)
    condition: str = ""  # as the catalogue words it: C 级及以上
    min_level: str = ""  # the lowest level letter allowed (A best … D), "" = none
    level_names: tuple[LevelName, ...] = ()  # level titles that give the letter
    title: str = "工程师"
    series: str = "制造业"


@dataclass(frozen=True)
class Catalogue:
    # True: a qualification matches an entry only by name AND issuer (exida's
    # "functional safety engineer" is not the TÜV one).
    issuer_required: bool
    entries: tuple[CatalogueEntry, ...]


@dataclass(frozen=True)
class CoveredDistrict:
    name: str  # 上城区
    point: str  # code of its acceptance point


@dataclass(frozen=True)
class ExcludedPlace:
    word: str  # a place name that only hints at the district (待核实)
    not_before: tuple[str, ...] = ()  # …unless followed by one of these (路: a street)

    def pattern(self) -> str:
        """The regular expression the pre-check uses for this place name."""
        return _word_pattern(self.word, self.not_before)


def _word_pattern(word: str, not_before: tuple[str, ...]) -> str:
    tail = f"(?!{'|'.join(map(re.escape, not_before))})" if not_before else ""
    return re.escape(word) + tail


@dataclass(frozen=True)
class ExcludedDistrict:
    name: str  # as the notice writes it, e.g. 某某区（某某）
    written: tuple[str, ...]  # written like this, the unit is there (不符合)
    places: tuple[ExcludedPlace, ...] = ()


@dataclass(frozen=True)
class Districts:
    covered: tuple[CoveredDistrict, ...]
    excluded: tuple[ExcludedDistrict, ...]


@dataclass(frozen=True)
class Tier:
    """One line of the education table (annex 1, 二.1–5)."""

    key: str
    label: str
    years: int  # full years in the field since the education or degree
    degree_words: tuple[str, ...] = ()  # the 学位 contains one of these …
    education_words: tuple[str, ...] = ()  # … or the 学历 contains one of these …
    education_exact: tuple[str, ...] = ()  # … or the 学历 is exactly one of these,
    unless_degree: tuple[str, ...] = ()  # and the 学位 contains none of these
    note: str = ""  # when short of the years: why it may still be fine
    # True: the school is checked against education.not_counted_schools (大专: 不含技工院校学历).
    checks_school: bool = False

    def applies(self, education: str, degree: str) -> bool:
        edu = unicodedata.normalize("NFKC", education).replace(" ", "")
        deg = unicodedata.normalize("NFKC", degree).replace(" ", "")
        if any(w in deg for w in self.unless_degree):
            return False
        return (any(w in deg for w in self.degree_words)
                or any(w in edu for w in self.education_words) or edu in self.education_exact)


@dataclass(frozen=True)
class Education:
    tiers: tuple[Tier, ...]
    below: tuple[str, ...] = ()  # 学历 words below 大学专科 (不符合)
    # 不含技工院校学历: a 大专 from a school named like this does not count.
    not_counted_schools: tuple[str, ...] = ()
    # Words that suggest such a school without proving it (技工、技师 …): 待核实.
    unsure_schools: tuple[str, ...] = ()

    def best_tier(self, education: str, degree: str) -> Tier | None:
        """The most favourable tier the education or degree supports."""
        found = [t for t in self.tiers if t.applies(education, degree)]
        return min(found, key=lambda t: (t.years, bool(t.note))) if found else None


@dataclass(frozen=True)
class IdKind:
    name: str
    check_digit: bool  # the number is a GB 11643 number with a check digit
    named_in_notice: bool = True  # False: accepted, the pre-check says 待核实
    aliases: tuple[str, ...] = ()  # how rosters and clerks also write it


@dataclass(frozen=True)
class IdRules:
    # The notice says "等": a kind not listed is taken too, and flagged 待核实.
    open_list: bool
    kinds: tuple[IdKind, ...]


@dataclass(frozen=True)
class RoundPack:
    format: int
    round: RoundId
    notice: Notice
    deadlines: Deadlines
    correction: Correction
    ban: BanRule
    city: CityBureau
    points: tuple[AcceptancePoint, ...]
    checklist: Checklist
    catalogue: Catalogue
    districts: Districts
    education: Education
    ids: IdRules

    @property
    def code(self) -> str:
        return self.round.code

    @property
    def name(self) -> str:
        return self.round.name


# ====================================================================== errors
@dataclass(frozen=True)
class Problem:
    key: str  # education.tiers[3].years (array items counted from 1)
    line: int | None  # 1-based line in the file, None when it cannot be told
    message: str

    def __str__(self) -> str:
        where = f"第 {self.line} 行，" if self.line else ""
        return f"{where}{self.key}：{self.message}"


class RoundPackError(ValueError):
    """A round pack that cannot be used; `problems` lists every reason."""

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = tuple(problems)
        self.source = source
        head = f"轮次配置文件{f'“{source}”' if source else ''}有 {len(problems)} 处错误："
        super().__init__("\n".join([head, *(f"  {p}" for p in problems)]))


# Words for the messages: what each key means to an office lead.
_LABELS: Final = {
    "format": "格式版本", "round": "轮次", "code": "代码", "name": "名称", "notice": "通知",
    "title": "标题", "issuer": "发文/颁证单位", "issued_on": "发文日期", "doc_number": "文号",
    "basis": "依据文件", "deadlines": "截止日期", "applicant": "个人网上申报截止",
    "employer": "单位网上审核推荐截止", "district": "管理部门网上审核截止",
    "paper": "纸质材料报送截止", "cutoff": "年限计算截止日", "correction": "补正",
    "working_days": "补正期限（工作日）", "ban": "禁报", "years": "年限",
    "counts_from": "起算方式", "city": "市职改办", "short_name": "简称", "address": "地址",
    "phone": "电话", "contact": "联系人", "note": "备注", "points": "受理点", "kind": "类别",
    "checklist": "报送清单", "checks": "逐份检查项", "label": "显示文字", "items": "材料",
    "scope": "范围", "copies": "份数", "reasons": "退回原因", "aliases": "别名",
    "catalogue": "认定目录", "issuer_required": "须核对颁证单位", "entries": "目录条目",
    "abbreviation": "缩写", "issuer_en": "颁证单位英文名", "issuer_aliases": "颁证单位别名",
    "condition": "条件", "min_level": "最低级别", "level_names": "级别名称", "level": "级别",
    "series": "系列", "districts": "区县", "covered": "本次受理的区县", "point": "受理点代码",
    "excluded": "不在本次范围的区县", "written": "写明即属该区的名称", "places": "地名",
    "word": "地名", "not_before": "其后不能紧跟", "education": "学历", "tiers": "学历档次",
    "key": "标识", "degree_words": "学位关键词", "education_words": "学历关键词",
    "education_exact": "学历全称", "unless_degree": "学位含此词时不适用",
    "below": "低于大专的学历", "not_counted_schools": "不计学历的院校",
    "unsure_schools": "疑似技工院校的字样", "checks_school": "核对毕业院校", "ids": "证件",
    "open_list": "开放列表", "check_digit": "校验码", "named_in_notice": "通知列明",
}
_TYPE_WORDS: Final = {str: "文字（加英文双引号）", int: "整数", bool: "true 或 false",
                      dt.date: "日期（如 2025-03-31，不加引号）"}


# ====================================================================== loading
def load_pack(source: str | Path) -> RoundPack:
    """The pack in `source`: a Path (or a str naming a .toml file) or the TOML text.

    Raises RoundPackError listing every problem, each with its key and line.
    """
    name = ""
    if isinstance(source, Path) or (source.endswith(".toml") and "\n" not in source
                                    and "=" not in source):
        path = Path(source)
        name = path.name
        try:
            # utf-8-sig: Windows Notepad may save "UTF-8" with a byte-order mark.
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise RoundPackError([Problem(str(path), None, "找不到文件")], name) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise RoundPackError([Problem(str(path), None, f"无法读取（须为 UTF-8 文本）：{exc}")],
                                 name) from None
    else:
        text = source.removeprefix("\ufeff")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RoundPackError([_syntax_problem(exc)], name) from None
    reader = _Reader(_LineScanner(text).scan())
    pack = reader.read(RoundPack, data, ())
    _check_meaning(data, reader)
    if reader.problems or not isinstance(pack, RoundPack):
        # In file order, as the office lead goes through them; no line (missing section) last.
        problems = sorted(reader.problems, key=lambda p: (p.line is None, p.line or 0))
        raise RoundPackError(problems, name)
    return pack


def _syntax_problem(exc: tomllib.TOMLDecodeError) -> Problem:
    message = str(exc)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    line = int(found.group(1)) if found else None
    detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
    if found:
        detail += f"，第 {found.group(2)} 列"
    return Problem("（文件）", line, f"TOML 格式错误（{detail}）；常见原因：文字缺引号、"
                   "日期写成 2025-3-31（应为 2025-03-31）、括号或引号未配对")


def _key_text(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "（文件）"


def _label(path: KeyPath) -> str:
    names = [p for p in path if isinstance(p, str)]
    return f"（{_LABELS[names[-1]]}）" if names and names[-1] in _LABELS else ""


class _Reader:
    """Builds the dataclasses from the parsed TOML, collecting problems on the way."""

    def __init__(self, lines: dict[KeyPath, int]) -> None:
        self.lines = lines
        self.problems: list[Problem] = []

    def line_of(self, path: KeyPath) -> int | None:
        """The line of `path`, else of the nearest enclosing table that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None

    def problem(self, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(_key_text(path), self.line_of(path), message))

    def read(self, cls: type[Any], value: object, path: KeyPath) -> Any:
        """An instance of dataclass `cls` from a TOML table, or None after a problem."""
        if not isinstance(value, dict):
            self.problem(path, f"应为表（[{_table_name(path)}]），现为{_shown(value)}")
            return None
        hints = get_type_hints(cls)
        known = [f.name for f in fields(cls)]
        for key in value:
            if key not in known:
                allowed = "、".join(known)
                self.problem((*path, key), f"未知的项（拼写错误？此处可用：{allowed}）")
        values: dict[str, object] = {}
        ok = True
        for f in fields(cls):
            if f.name not in value:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    self.problem((*path, f.name), _missing(hints[f.name], (*path, f.name)))
                    ok = False
                continue
            got = self.value(hints[f.name], value[f.name], (*path, f.name))
            if got is _BAD:
                ok = False
            else:
                values[f.name] = got
        return cls(**values) if ok else None

    def value(self, hint: Any, value: object, path: KeyPath) -> object:
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            got = self.read(hint, value, path)
            return _BAD if got is None else got
        if get_origin(hint) is tuple:
            item = get_args(hint)[0]
            if dataclasses.is_dataclass(item) and not isinstance(value, list):
                self.problem(path, f"应为若干个 [[{_table_name(path)}]] 表，现为{_shown(value)}")
                return _BAD
            if not isinstance(value, list):
                self.problem(path, f"应为列表（如 [\"甲\", \"乙\"]），现为{_shown(value)}")
                return _BAD
            items = [self.value(item, v, (*path, i)) for i, v in enumerate(value)]
            return _BAD if any(v is _BAD for v in items) else tuple(items)
        return self.scalar(hint, value, path)

    def scalar(self, hint: Any, value: object, path: KeyPath) -> object:
        if hint is dt.date:
            if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
                why = ""
                if isinstance(value, str):
                    why = "（日期不加引号）" if _date_text_ok(value) else "（也不是有效的日期）"
                self.problem(path, f"不是日期：{_shown(value)}{why}；"
                                   "应写成 2025-03-31 这样的日期，不加引号")
                return _BAD
            return value
        ok = isinstance(value, hint) and not (hint is int and isinstance(value, bool))
        if not ok:
            self.problem(path, f"应为{_TYPE_WORDS.get(hint, str(hint))}，现为{_shown(value)}")
            return _BAD
        return value


_BAD: Final = object()  # a value that failed (its problem is already recorded)


def _table_name(path: KeyPath) -> str:
    """points[2].code → points.code: how the file's headers name it."""
    return ".".join(p for p in path if isinstance(p, str))


def _missing(hint: Any, path: KeyPath) -> str:
    """What is missing, in the file's own words: a section, a list of entries or a key."""
    name, label = _table_name(path), _label(path)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return f"缺少 [{name}] 部分{label}"
    if get_origin(hint) is tuple and dataclasses.is_dataclass(get_args(hint)[0]):
        return f"缺少 [[{name}]] 条目{label}"
    return f"缺少必填项 {path[-1]}{label}"


def _date_text_ok(text: str) -> bool:
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f"文字“{value}”"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'}"
    if isinstance(value, dt.datetime):
        return f"日期时间 {value.isoformat(sep=' ')}（只写日期）"
    if isinstance(value, dt.date):
        return f"日期 {value.isoformat()}"
    if isinstance(value, dict):
        return "一个表"
    if isinstance(value, list):
        return "一个列表"
    return str(value)


# ---------------------------------------------------------------------- meaning
def _check_meaning(data: dict[str, Any], r: _Reader) -> None:
    """Rules across keys, on the raw data so they are reported with the type problems."""
    # A key added later comes with a default, so an older pack (a round stored years
    # ago) stays readable; a pack of a newer format may mean what this version can't.
    version = data.get("format")
    if isinstance(version, int) and not 1 <= version <= FORMAT_VERSION:
        r.problem(("format",), f"本程序认识格式版本 1 至 {FORMAT_VERSION}，文件为 {version}"
                  + ("：该文件由更新版本的 zcdesk 写出，请先升级本程序"
                     if version > FORMAT_VERSION else ""))
    _check_deadlines(_table(data, "deadlines"), r)
    ban = _table(data, "ban")
    if isinstance(ban.get("counts_from"), str) and ban["counts_from"] not in BAN_COUNTS_FROM:
        words = "、".join(f"{k}（{v}）" for k, v in BAN_COUNTS_FROM.items())
        r.problem(("ban", "counts_from"), f"应为 {words} 之一，现为“{ban['counts_from']}”")
    _positive(r, ("ban", "years"), ban.get("years"), minimum=1)
    _positive(r, ("correction", "working_days"), _table(data, "correction").get("working_days"),
              minimum=1)
    points = _rows(data, "points")
    _unique(r, ("points",), points, "code", extra=[_table(data, "city").get("code")])
    for i, p in points:
        if isinstance(p.get("kind"), str) and p["kind"] not in POINT_KINDS:
            r.problem((*i, "kind"), f"应为 {'、'.join(POINT_KINDS)} 之一，现为“{p['kind']}”")
    _check_checklist(_table(data, "checklist"), r)
    _check_catalogue(_table(data, "catalogue"), r)
    _check_districts(_table(data, "districts"), {p.get("code") for _, p in points}, r)
    education = _table(data, "education")
    tiers = _rows(education, "tiers", ("education",))
    _unique(r, ("education", "tiers"), tiers, "key")
    for path, t in tiers:
        _positive(r, (*path, "years"), t.get("years"), minimum=0)
        if not any(t.get(k) for k in ("degree_words", "education_words", "education_exact")):
            r.problem(path,
                      "没有任何学历/学位关键词（degree_words、education_words 或 "
                      "education_exact），此档次永远不会适用")
    ids = _table(data, "ids")
    kinds = _rows(ids, "kinds", ("ids",))
    _unique(r, ("ids", "kinds"), kinds, "name")
    if "kinds" in ids and not kinds:
        r.problem(("ids", "kinds"), "至少要有一种证件")


def _table(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _rows(data: Mapping[str, Any], key: str, at: KeyPath = ()
          ) -> list[tuple[KeyPath, dict[str, Any]]]:
    """(path, table) of each table in the array `key`; other things are skipped."""
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [((*at, key, i), v) for i, v in enumerate(value) if isinstance(v, dict)]


def _positive(r: _Reader, path: KeyPath, value: object, *, minimum: int) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value < minimum:
        r.problem(path, f"应不小于 {minimum}，现为 {value}")


def _unique(r: _Reader, path: KeyPath, rows: list[tuple[KeyPath, dict[str, Any]]],
            key: str, extra: list[object] | None = None) -> None:
    seen: set[object] = {v for v in extra or [] if v}
    for row_path, row in rows:
        value = row.get(key)
        if isinstance(value, str) and value:
            if value in seen:
                r.problem((*row_path, key), f"“{value}”重复出现")
            seen.add(value)


def _check_deadlines(d: dict[str, Any], r: _Reader) -> None:
    dates = [(k, d[k]) for k in DEADLINE_ORDER
             if isinstance(d.get(k), dt.date) and not isinstance(d.get(k), dt.datetime)]
    for (before, earlier), (after, later) in pairwise(dates):
        if later < earlier:
            r.problem(("deadlines", after),
                      f"{_LABELS[after]} {later.isoformat()} 早于{_LABELS[before]} "
                      f"{earlier.isoformat()}：截止日期应依次为 个人申报 ≤ 单位审核 ≤ "
                      "管理部门审核 ≤ 纸质材料报送")


def _check_checklist(c: dict[str, Any], r: _Reader) -> None:
    check_codes = {row.get("code") for _, row in _rows(c, "checks", ("checklist",))}
    items = _rows(c, "items", ("checklist",))
    _unique(r, ("checklist", "items"), items, "code")
    _unique(r, ("checklist", "checks"), _rows(c, "checks", ("checklist",)), "code")
    _unique(r, ("checklist", "reasons"), _rows(c, "reasons", ("checklist",)), "code")
    for path, item in items:
        if isinstance(item.get("scope"), str) and item["scope"] not in ("packet", "batch"):
            r.problem((*path, "scope"), f"应为 packet（每人一袋）或 batch（每批一份），"
                                        f"现为“{item['scope']}”")
        _positive(r, (*path, "copies"), item.get("copies"), minimum=1)
        for j, code in enumerate(item.get("checks") or []):
            if isinstance(code, str) and code not in check_codes:
                r.problem((*path, "checks", j), f"检查项“{code}”未在 [[checklist.checks]] 中定义")


def _check_catalogue(c: dict[str, Any], r: _Reader) -> None:
    entries = _rows(c, "entries", ("catalogue",))
    for path, e in entries:
        level = e.get("min_level")
        if isinstance(level, str) and level not in ("", "A", "B", "C", "D"):
            r.problem((*path, "min_level"), f"应为 A、B、C、D 之一或空，现为“{level}”")
        for j, ln in _rows(e, "level_names", path):
            if isinstance(ln.get("level"), str) and ln["level"] not in ("A", "B", "C", "D"):
                r.problem((*j, "level"), f"应为 A、B、C、D 之一，现为“{ln['level']}”")
    seen: set[tuple[object, object]] = set()
    for path, e in entries:
        pair = (e.get("name"), e.get("issuer"))
        if pair in seen:
            r.problem(path, f"名称“{pair[0]}”与颁证单位“{pair[1]}”的条目重复")
        seen.add(pair)


def _check_districts(d: dict[str, Any], point_codes: set[object], r: _Reader) -> None:
    covered = _rows(d, "covered", ("districts",))
    excluded = _rows(d, "excluded", ("districts",))
    _unique(r, ("districts", "covered"), covered, "name")
    _unique(r, ("districts", "excluded"), excluded, "name")
    for path, row in covered:
        if isinstance(row.get("point"), str) and row["point"] not in point_codes:
            r.problem((*path, "point"), f"受理点代码“{row['point']}”不在 [[points]] 中")
    covered_names = {row.get("name"): path for path, row in covered}
    for path, row in excluded:
        names = [((*path, "name"), row.get("name"))]
        names += [((*path, "written", j), w) for j, w in enumerate(row.get("written") or [])]
        for where, name in names:
            if isinstance(name, str) and name in covered_names:
                other = (*covered_names[name], "name")
                r.problem(where, f"“{name}”同时列在本次受理的区县（{_key_text(other)}，"
                                 f"第 {r.line_of(other)} 行）和不在本次范围的区县中")


# ====================================================================== line numbers
class _LineScanner:
    """The line of every table, key and array element of a valid TOML text.

    Runs after tomllib accepted the text, so it only has to follow the structure:
    headers ([a.b], [[a.b]] with their element counts), dotted and quoted keys,
    arrays and inline tables (elements and keys on their own lines), and strings
    of the four kinds (which may hide brackets, '#' or newlines).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.lines: dict[KeyPath, int] = {}
        self.arrays: dict[KeyPath, int] = {}  # array of tables → elements seen so far

    def scan(self) -> dict[KeyPath, int]:
        table: KeyPath = ()
        text = self.text
        while True:
            self._skip(newlines=True)
            if self.pos >= len(text):
                return self.lines
            line = self._line()
            start = self.pos
            if text.startswith("[[", self.pos):
                self.pos += 2
                keys = self._key()
                array = (*self._resolve(keys[:-1]), keys[-1])
                index = self.arrays.get(array, 0)
                self.arrays[array] = index + 1
                table = (*array, index)
                self._mark(array, line)
                self.lines[table] = line
            elif text.startswith("[", self.pos):
                self.pos += 1
                table = self._resolve(self._key())
                self._mark(table, line)
            else:
                path = (*table, *self._key())
                self._mark(path, line)
                self._skip()
                if text.startswith("=", self.pos):
                    self.pos += 1
                    self._value(path)
            self._to_line_end()
            if self.pos == start:  # never loop on something unexpected
                self.pos += 1

    def _mark(self, path: KeyPath, line: int) -> None:
        """`path` is at `line`, and so are its implicit parents not seen before
        ([[checklist.items]] alone defines the table checklist)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                break
            self.lines[path[:end]] = line

    def _line(self) -> int:
        return bisect_right(self.starts, self.pos)

    def _resolve(self, keys: tuple[str, ...]) -> KeyPath:
        """A header's keys as a path: an array of tables means its last element."""
        path: KeyPath = ()
        for key in keys:
            path = (*path, key)
            if path in self.arrays:
                path = (*path, self.arrays[path] - 1)
        return path

    def _skip(self, *, newlines: bool = False) -> None:
        """Spaces and tabs (and newlines and comments, when asked)."""
        text = self.text
        while self.pos < len(text):
            ch = text[self.pos]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.pos += 1
            elif newlines and ch == "#":
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            else:
                return

    def _to_line_end(self) -> None:
        end = self.text.find("\n", self.pos)
        self.pos = len(self.text) if end < 0 else end + 1

    def _key(self) -> tuple[str, ...]:
        keys: list[str] = []
        while True:
            self._skip()
            ch = self.text[self.pos:self.pos + 1]
            if ch in ('"', "'"):
                keys.append(self._string())
            else:
                bare = re.compile(r"[A-Za-z0-9_-]+").match(self.text, self.pos)
                if bare is None:
                    return tuple(keys)
                keys.append(bare.group(0))
                self.pos = bare.end()
            self._skip()
            if not self.text.startswith(".", self.pos):
                return tuple(keys)
            self.pos += 1

    def _string(self) -> str:
        """Skips a string of any kind; gives its text (escapes undone for keys)."""
        text = self.text
        quote = text[self.pos]
        triple = text.startswith(quote * 3, self.pos)
        delim = quote * 3 if triple else quote
        self.pos += len(delim)
        begin = self.pos
        while self.pos < len(text):
            if quote == '"' and text[self.pos] == "\\":
                self.pos += 2
                continue
            if text.startswith(delim, self.pos):
                raw = text[begin:self.pos]
                self.pos += len(delim)
                while triple and text.startswith(quote, self.pos):  # """a"""" ends later
                    raw += quote
                    self.pos += 1
                if quote == '"' and "\\" in raw:
                    return str(tomllib.loads(f"k = \"{raw}\"")["k"])
                return raw
            self.pos += 1
        return text[begin:]

    def _value(self, path: KeyPath) -> None:
        self._skip()
        text = self.text
        ch = text[self.pos:self.pos + 1]
        if ch in ('"', "'"):
            self._string()
        elif ch == "[":
            self.pos += 1
            index = 0
            while self.pos < len(text):
                self._skip(newlines=True)
                ch = text[self.pos:self.pos + 1]
                if ch == "]":
                    self.pos += 1
                    return
                if ch == ",":
                    self.pos += 1
                    continue
                self._mark((*path, index), self._line())
                self._value((*path, index))
                index += 1
        elif ch == "{":
            self.pos += 1
            while self.pos < len(text):
                self._skip()
                ch = text[self.pos:self.pos + 1]
                if ch == "}":
                    self.pos += 1
                    return
                if ch == ",":
                    self.pos += 1
                    continue
                line, keys = self._line(), self._key()
                if not keys:
                    self.pos += 1
                    continue
                self._mark((*path, *keys), line)
                self._skip()
                if text.startswith("=", self.pos):
                    self.pos += 1
                self._value((*path, *keys))
        else:  # number, date, time, boolean: up to the next delimiter
            found = re.compile(r"[,\]}\n#]").search(text, self.pos)
            self.pos = len(text) if found is None else found.start()


# ====================================================================== writing
def dump_pack(pack: RoundPack) -> str:
    """The pack as TOML text, keys in the dataclasses' order (stable diffs).

    load_pack(dump_pack(p)) == p. Comments are not kept: the shipped, commented
    file is edited by hand; this writes derived rounds and exports.
    """
    # No names in the comment: a name with a line break would end the comment.
    header = ("# 轮次配置文件，格式说明见 docs/round-pack.md。\n"
              "# Round pack written by zcdesk; see docs/round-pack.md.\n\n")
    return header + tomli_w.dumps(_plain(pack), multiline_strings=False, indent=4)


def _plain(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


# ====================================================================== a later round
def shifted(pack: RoundPack, code: str, name: str, *, days: int = 0, years: int = 0
            ) -> RoundPack:
    """A new round's pack from `pack`: every date moved by `years` then `days`.

    A cut-off on 30 June stays on 30 June (section 六: 申报认定当年 6 月 30 日), of
    the year it moves into: a second-half round keeps its year's 30 June. The
    notice's title has the old round's name replaced, its 文号 is cleared (a new
    notice has its own); everything else is kept. The result is checked like a
    loaded file (load_pack(dump_pack(...))), so a bad shift raises RoundPackError.
    """
    if not days and not years:
        raise ValueError("shifted() needs days or years")

    def move(day: dt.date) -> dt.date:
        if years:
            try:
                day = day.replace(year=day.year + years)
            except ValueError:  # 29 February in a common year
                day = day.replace(year=day.year + years, day=28)
        return day + dt.timedelta(days=days)

    d = pack.deadlines
    moved = {f.name: move(getattr(d, f.name)) for f in fields(Deadlines)}
    if (d.cutoff.month, d.cutoff.day) == (6, 30):
        moved["cutoff"] = dt.date(moved["cutoff"].year, 6, 30)
    notice = replace(pack.notice, title=pack.notice.title.replace(pack.round.name, name),
                     issued_on=move(pack.notice.issued_on), doc_number="")
    new = replace(pack, round=RoundId(code, name), notice=notice, deadlines=Deadlines(**moved))
    return load_pack(dump_pack(new))


def iter_dates(pack: RoundPack) -> Iterator[tuple[str, dt.date]]:
    """(key, date) of every date in the pack (the notice's, the deadlines)."""
    yield "notice.issued_on", pack.notice.issued_on
    for f in fields(Deadlines):
        yield f"deadlines.{f.name}", getattr(pack.deadlines, f.name)


def shipped_pack_path(code: str) -> Path:
    """The pack shipped with the app for round `code` (resources/rounds/CODE.toml)."""
    from zcdesk.paths import resource  # resources/ differs in a checkout and a bundle

    return resource("rounds", f"{code}.toml")

