"""The roster (花名册) exported from the provincial platform → applicant forms.

`read_roster(path)` finds the header row by its column names (姓名 and 证件号码 are
required; the other annex-4 fields are taken when present), normalises every
value and returns the rows it can take and, for every other non-empty row, the
reason in Chinese. Nothing is guessed: an ID number that a spreadsheet turned
into a number or an unreadable date makes the row a problem;
the office fixes the file and imports again (the store upserts by ID number).
The ID kinds are the round pack's (`pack`, default the shipped one) and the list is
open: a kind it does not name (护照, 通行证 …) is taken as written and the pre-check
flags it 待核实. A date given as a year alone ("2010") is taken too: the date stays
empty, the year goes to `<field>_year` (work_start_year …) and the pre-check says
待核实.
A masked number (330127********7718, from an export without full numbers) is
named as such, with the fix: export again with full numbers.

`RosterRead.columns` says which fields the file has: the store changes only
those, so a sheet without a column never blanks it (H3). An empty 对应职称 /
所属系列 cell stays empty here; the store gives new applicants the default.

Rows that are taken satisfy the store's own checks (zcdesk.store:
validate_applicant): name and unit present and not too long, a valid ID number
for its kind, gender 男/女, field years 0–70, dates from 1940 to today.

Combined header cells as on the annex-4 form are split:
工作单位及职务 "单位/职务" (at the last / ， ； 、 | or line break; no separator →
all of it is the unit), 现从事专业及工作年限 "电气工程 8年", 毕业院校及时间
"浙江大学 2010.07", 职业资格名称及颁发单位 "PMP/美国项目管理协会",
对应职称及所属系列 "工程师/制造业".
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from itertools import compress, repeat
from pathlib import Path
from typing import Any, Final, NamedTuple

from zcdesk.domain.idnumber import default_kind, find_kind, id_rules
from zcdesk.domain.records import ApplicantForm
from zcdesk.domain.round_pack import IdRules, RoundPack
from zcdesk.domain.text_rules import column_problems
from zcdesk.importing import cells
from zcdesk.importing.cells import CellValue
from zcdesk.importing.columns import convert_column, patch_column, resident_numbers
from zcdesk.importing.errors import ImportCancelled, RosterUnreadable
from zcdesk.importing.header import Header, HeaderSpec, Rows, header_key
from zcdesk.importing.sources import locate

__all__ = [
    "MASKED_HINT",
    "MASKED_ID",
    "ROSTER_SPEC",
    "ImportCancelled",
    "Progress",
    "RosterRead",
    "RosterRow",
    "RosterUnreadable",
    "RowProblem",
    "read_roster",
]

Progress = Callable[[int, int], bool]
MAX_NAME: Final = 64
MAX_UNIT: Final = 200
MASKED_ID: Final = "证件号码被遮蔽（导出时未选完整号码）"
MASKED_HINT: Final = "请重新导出并选择“完整证件号码”（命令行 zcdesk export --full-ids）后再导入。"


class RosterRow(NamedTuple):
    row_number: int  # as the office lead sees it in the spreadsheet
    form: ApplicantForm


@dataclass(frozen=True)
class RowProblem:
    """A row that was not taken, and why (every reason, joined with ；)."""

    row_number: int
    reason: str
    name: str = ""  # as far as it could be read, to help find the row
    id_number: str = ""


@dataclass
class RosterRead:
    rows: list[RosterRow]
    problems: list[RowProblem]
    sheet: str  # the worksheet read ("" for a CSV file)
    header_row: int  # spreadsheet row number of the header (its first row if two)
    columns: dict[str, str]  # field → header text found
    total_rows: int  # non-empty rows below the header = len(rows) + len(problems)
    ignored_columns: list[str] = field(default_factory=list)  # headers not used

    @property
    def masked_ids(self) -> int:
        """Rows refused because their ID number was masked on export."""
        return sum(MASKED_ID in p.reason for p in self.problems)

    def summary(self) -> str:
        text = f"共 {self.total_rows} 行，可导入 {len(self.rows)} 行"
        if self.problems:
            text += f"，{len(self.problems)} 行有问题未导入"
        text += "。"
        if self.masked_ids:
            text += (f"其中 {self.masked_ids} 行的证件号码被遮蔽（如 330127********7718），"
                     f"无法核对到人：{MASKED_HINT}")
        return text


def _aliases(table: Mapping[tuple[str, ...], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {header_key(name): fields for fields, names in table.items() for name in names}


_ROSTER_ALIASES: Final = _aliases({
    ("name",): ("姓名", "申报人姓名", "申报人", "人员姓名"),
    ("id_number",): ("证件号码", "证件号", "身份证号", "身份证号码", "公民身份号码", "身份证件号码",
                     "证件编号", "身份证", "居民身份证号码", "证照号码"),
    ("id_kind",): ("证件类别", "证件类型", "证件种类", "身份证件类型", "证件名称"),
    ("gender",): ("性别",),
    ("unit",): ("工作单位", "单位名称", "申报单位", "单位", "所在单位", "工作单位名称",
                "申报单位名称", "现工作单位"),
    ("position",): ("职务", "现任职务", "行政职务", "岗位", "职务/岗位", "现任职务/岗位"),
    ("work_start",): ("参加工作时间", "参加工作日期", "参加工作年月", "参加工作年份"),
    ("specialty",): ("现从事专业", "从事专业", "现从事专业名称", "从事专业名称", "申报专业"),
    ("field_years",): ("工作年限", "现从事专业工作年限", "从事专业年限", "专业工作年限",
                       "从事专业工作年限", "从事本专业年限", "从事本专业工作年限", "专业年限",
                       "现从事专业年限"),
    ("education",): ("学历", "最高学历", "学历层次"),
    ("degree",): ("学位", "最高学位"),
    ("unit_address",): ("单位地址", "工作单位地址", "地址", "单位所在地址", "工作地址",
                        "单位详细地址", "工作单位所在地址"),
    ("school",): ("毕业院校", "毕业学校", "毕业院校名称", "毕业学校名称", "院校"),
    ("graduated_on",): ("毕业时间", "毕业日期", "毕业年月", "毕业年份"),
    ("qualification",): ("职业资格名称", "职业资格证书名称", "国际职业资格名称", "职业资格",
                         "国际职业资格", "资格名称", "证书名称", "职业资格证书", "资格证书名称",
                         "国际职业资格证书名称", "职业资格名称"),
    ("qualification_issuer",): ("颁证单位", "颁发单位", "发证单位", "发证机构", "颁证机构",
                                "颁发机构", "颁证机关", "发证机关", "职业资格颁发单位",
                                "职业资格颁证单位", "证书颁发单位"),
    ("qualified_on",): ("取得时间", "取得日期", "发证时间", "发证日期", "颁证时间", "颁证日期",
                        "取得资格时间", "资格取得时间", "获证时间", "证书取得时间",
                        "职业资格取得时间", "取得职业资格时间"),
    ("title",): ("对应职称", "认定职称", "申报职称", "对应职称名称"),
    ("series",): ("所属系列", "职称系列", "系列", "所属系列(专业)"),
    ("unit", "position"): ("工作单位及职务", "单位及职务", "工作单位及职务(岗位)"),
    ("specialty", "field_years"): ("现从事专业及工作年限", "从事专业及工作年限",
                                   "现从事专业及年限", "从事专业及年限"),
    ("school", "graduated_on"): ("毕业院校及时间", "毕业院校及毕业时间", "毕业学校及时间",
                                 "毕业院校及日期"),
    ("qualification", "qualification_issuer"): ("职业资格名称及颁发单位", "职业资格名称及颁证单位",
                                                "资格名称及颁发单位", "职业资格及颁发单位"),
    ("title", "series"): ("对应职称及所属系列", "认定职称及所属系列"),
})

_LABELS: Final = {
    "name": "姓名", "id_number": "证件号码", "id_kind": "证件类别", "gender": "性别",
    "unit": "工作单位", "unit_address": "单位地址", "position": "职务",
    "work_start": "参加工作时间", "specialty": "现从事专业",
    "field_years": "工作年限", "education": "学历", "degree": "学位", "school": "毕业院校",
    "graduated_on": "毕业时间", "qualification": "职业资格名称",
    "qualification_issuer": "颁证单位", "qualified_on": "取得时间", "title": "对应职称",
    "series": "所属系列",
}

ROSTER_SPEC: Final = HeaderSpec(_ROSTER_ALIASES, ("name", "id_number"), _LABELS)
_FORM_FIELDS: Final = tuple(f.name for f in fields(ApplicantForm))
_DEFAULTS: Final = {f.name: f.default for f in fields(ApplicantForm)}
_DATES: Final = frozenset({"work_start", "graduated_on", "qualified_on"})
# Where a date given as a year alone goes (the date itself stays None).
_YEAR_OF: Final = {"work_start": "work_start_year", "graduated_on": "graduated_year",
                   "qualified_on": "qualified_year"}


def is_masked(number: str) -> bool:
    """330127********7718: a number from a masked export (any run of * hides digits)."""
    return "*" in number or "＊" in number


def id_number_problem(kind: str, number: str, ids: IdRules | None = None) -> str | None:
    """cells.id_number_problem, but a masked number is named as such: its digits are
    not wrong, they were hidden on export, and the fix is a full-number export."""
    if is_masked(number):
        return MASKED_ID
    return cells.id_number_problem(kind, number, ids)


def _has_check_digit(kind: str | None, ids: IdRules) -> bool:
    found = find_kind(kind, ids) if kind else None
    return found is not None and found.check_digit


def _checked_id(kind: str, ids: IdRules) -> Callable[[CellValue], str]:
    """An ID number cell read and checked at once, for a roster of a single 证件类别."""
    resident = _has_check_digit(kind, ids)
    fast = cells.resident_ok

    def convert(value: CellValue) -> str:
        if resident and value.__class__ is str and fast(value):  # type: ignore[arg-type]
            return value  # type: ignore[return-value]  # the common case, already clean
        number = cells.id_text(value)
        if number:
            problem = id_number_problem(kind, number, ids)
            if problem is not None:
                raise cells.CellError(problem)
        return number
    return convert


def _converter(fields_: tuple[str, ...], label: str, today: dt.date, kind: str | None,
               ids: IdRules) -> Callable[[CellValue], Any]:
    """The function that turns one cell of this column into its field value(s).

    `kind`: the one 证件类别 of every row, when there is one — the ID numbers are
    then checked as they are read.
    """
    if len(fields_) == 2:
        if fields_ == ("specialty", "field_years"):
            return lambda v: cells.split_specialty_years(v, label)
        if fields_ == ("school", "graduated_on"):
            return lambda v: cells.split_school_date(v, label, today)
        return cells.split_pair
    name = fields_[0]
    if name == "name":
        return cells.clean_name
    if name == "id_number":
        return cells.id_text if kind is None else _checked_id(kind, ids)
    if name == "id_kind":
        return lambda v: cells.id_kind(v, ids)
    if name == "gender":
        return cells.gender
    if name == "field_years":
        return lambda v: cells.years(v, label)
    if name in _DATES:
        return lambda v: cells.roster_date(v, label, today)
    return cells.clean_text


def read_roster(path: Path, *, progress: Progress | None = None,
                today: dt.date | None = None, pack: RoundPack | None = None) -> RosterRead:
    """Read and validate a roster file (.xlsx, .xls, .csv; see the module docstring).

    `progress(done, total)` is called now and then (total = data rows below the
    header); when it returns False the read stops with ImportCancelled. `today`
    bounds the dates (default: the system date); `pack` gives the ID kinds (default:
    the shipped round's). RosterUnreadable when the file cannot be read at all.
    """
    was_enabled = gc.isenabled()
    gc.disable()  # see _read: every object made here lives until its end
    try:
        return _read(Path(path), progress, today or dt.date.today(),
                     id_rules(pack.ids if pack is not None else None))
    finally:
        if was_enabled:
            gc.enable()


def _read(path: Path, progress: Progress | None, today: dt.date, ids: IdRules) -> RosterRead:
    """read_roster's work, with the cyclic GC paused: the cells, columns and forms it makes
    (a million objects for 100,000 rows) live until the end, and each automatic pass
    would walk them all again to find no garbage; reference counting still frees."""
    located = locate(path, ROSTER_SPEC)
    rows = located.sheet.rows()
    header = located.header
    data = rows[header.data_start:]
    report = _Reporter(progress, len(data), len(header.columns) + 2)
    report.step()
    values, cell_reasons, ids_checked = _convert(data, header, today, report, ids)
    taken, problems = _assemble(data, header, values, cell_reasons, ids_checked, ids)
    report.done()
    used = {c.index for c in header.columns}
    ignored = [cells.clean_name(v) for i, v in enumerate(rows[header.row])
               if i not in used and cells.clean_text(v)]
    return RosterRead(taken, problems, located.sheet.name, header.first_row + 1,
                      header.fields(), len(taken) + len(problems), ignored)


class _Reporter:
    """Progress in rows: the work is done column by column, so steps are shares of it."""

    def __init__(self, progress: Progress | None, total: int, steps: int) -> None:
        self.progress, self.total, self.steps, self.taken = progress, total, steps, 0

    def step(self) -> None:
        if self.progress is None:
            return
        done = min(self.total, self.total * self.taken // self.steps)
        self.taken += 1
        if self.progress(done, self.total) is False:
            raise ImportCancelled()

    def done(self) -> None:
        if self.progress is not None and self.progress(self.total, self.total) is False:
            raise ImportCancelled()


def _convert(data: Rows, header: Header, today: dt.date, report: _Reporter, ids: IdRules,
             ) -> tuple[dict[str, list[Any]], dict[int, list[str]], bool]:
    """field → converted values of every data row; row offset → reasons in column order;
    and whether the ID numbers were checked already (one 证件类别 for every row)."""
    values: dict[str, list[Any]] = {}
    refused_in: dict[int, dict[int, str]] = {}
    by_column = list(zip(*data, strict=True)) if data else []
    kind: str | None = default_kind(ids)
    for column in sorted(header.columns, key=lambda c: "id_kind" not in c.fields):  # kind first
        raw = by_column[column.index] if by_column else ()
        convert = _converter(column.fields, column.label, today, kind, ids)
        plain = None  # a whole column that needs no change, checked at C speed
        if convert is cells.clean_text or convert is cells.clean_name:
            plain = cells.clean_column(raw, name=convert is cells.clean_name)
        if plain is not None:
            converted, refused_in[column.index] = plain, {}
        elif column.fields == ("id_number",) and _has_check_digit(kind, ids):
            converted, refused_in[column.index] = resident_numbers(raw, convert)
        elif len(column.fields) == 1 and column.fields[0] in _DATES:
            dates, others = cells.date_column(raw, column.label, today)
            converted, refused_in[column.index] = patch_column(dates, others, raw, convert)
        else:
            converted, refused_in[column.index] = convert_column(raw, convert)
        if len(column.fields) == 1:
            values[column.fields[0]] = converted
        else:
            first, second = column.fields
            values[first] = [None if pair is None else pair[0] for pair in converted]
            values[second] = [None if pair is None else pair[1] for pair in converted]
        for name in column.fields:
            if name in _DATES:
                _split_years(values, name)
        if column.fields == ("id_kind",):
            kinds = set(converted)
            kind = next(iter(kinds)) if len(kinds) == 1 else None
        report.step()
    # An empty 对应职称 / 所属系列 cell stays empty here: the store gives a new applicant
    # the round's default but must not overwrite a stored value with it (H3).
    reasons: dict[int, list[str]] = {}
    for column in header.columns:
        for offset, reason in refused_in[column.index].items():
            reasons.setdefault(offset, []).append(reason)
    return values, reasons, kind is not None


def _split_years(values: dict[str, list[Any]], name: str) -> None:
    """A YearOnly in a date column: the date None, the year in `<name>_year`."""
    column = values[name]
    if not any(v.__class__ is cells.YearOnly for v in column):
        return
    values[_YEAR_OF[name]] = [v.year if v.__class__ is cells.YearOnly else None
                              for v in column]
    values[name] = [None if v.__class__ is cells.YearOnly else v for v in column]


def _assemble(data: Rows, header: Header, values: dict[str, list[Any]],
              cell_reasons: dict[int, list[str]], ids_checked: bool, ids: IdRules,
              ) -> tuple[list[RosterRow], list[RowProblem]]:
    """Row checks (required fields, ID number, duplicates), then the forms.

    The checks run over whole columns, each distinct value once; only rows with
    a problem are visited one by one, to word their reasons.
    """
    total = len(data)
    first = header.data_start + 1  # spreadsheet row number of data[0]
    present = list(map(any, data))
    if not all(present):  # 0 and FALSE are falsy but not empty
        present = [p or any(v is not None and v != "" for v in row)
                   for p, row in zip(present, data, strict=True)]
    names: list[str | None] = values["name"]
    numbers: list[str | None] = values["id_number"]
    kinds: list[str | None] = values.get("id_kind") or [default_kind(ids)] * total
    units: list[str | None] | None = values.get("unit")

    early: dict[int, list[str]] = {}  # reasons that come before the cells' own

    def flag(offset: int, reason: str) -> None:
        early.setdefault(offset, []).append(reason)

    if _any_text_problem(names, MAX_NAME):
        for offset in _where(names, lambda n: n == "" or (n is not None and len(n) > MAX_NAME)):
            flag(offset, "缺少姓名" if names[offset] == ""
                 else f"姓名过长（最多 {MAX_NAME} 个字符）")
    distinct = set(numbers)
    if "" in distinct:
        for offset in _where(numbers, lambda n: n == ""):
            if present[offset]:
                flag(offset, "缺少证件号码")
    wrong_ids: dict[int, str] = {}
    if not ids_checked:  # several kinds: each number checked against its row's kind
        wrong_ids = _id_problems(kinds, numbers, distinct, ids)
        for offset, problem in wrong_ids.items():
            flag(offset, problem)
    given = total - numbers.count("") - numbers.count(None)
    if len(distinct - {"", None}) < given:
        valid = [None if o in wrong_ids else n for o, n in enumerate(numbers)] \
            if wrong_ids else numbers
        for offset, earlier in _duplicates(valid, first).items():
            flag(offset, f"证件号码与第 {earlier} 行重复")
    if units is None:
        for offset in range(total):
            flag(offset, "缺少工作单位（表中没有工作单位列）")
    elif _any_text_problem(units, MAX_UNIT):
        for offset in _where(units, lambda u: u == "" or (u is not None and len(u) > MAX_UNIT)):
            flag(offset, "缺少工作单位" if units[offset] == ""
                 else f"工作单位过长（最多 {MAX_UNIT} 个字符）")

    # Characters nobody sees (bidi overrides, tag characters…) that cleaning keeps.
    for column, word in ((names, "姓名"), (units or [], "工作单位")):
        for offset, problem in column_problems(column, word).items():
            flag(offset, problem)

    bad = sorted(o for o in set(early) | set(cell_reasons) if present[o])
    problems = [_problem(data[o], header, first + o, names[o], numbers[o],
                         early.get(o, []) + cell_reasons.get(o, [])) for o in bad]
    keep = present.copy()  # empty lines are no rows; refused rows are problems
    for offset in bad:
        keep[offset] = False
    columns = [values[f] if f in values else repeat(_DEFAULTS[f]) for f in _FORM_FIELDS]
    forms = map(ApplicantForm, *columns)  # one form per data row, made at C speed
    taken = list(compress(map(tuple.__new__, repeat(RosterRow),
                              zip(range(first, first + total), forms, strict=True)), keep))
    return taken, problems


def _id_problems(kinds: list[str | None], numbers: list[str | None],
                 distinct: set[str | None], ids: IdRules) -> dict[int, str]:
    """Row offset → why its ID number is refused (for kinds and numbers that were read)."""
    kind_set = set(kinds)
    if len(kind_set) == 1:  # the usual roster: one kind (or none) for everyone
        kind = next(iter(kind_set))
        if kind is None:
            return {}
        problem_of = id_number_problem
        checks = {n: problem_of(kind, n, ids) for n in distinct if n}
        wrong = {n: p for n, p in checks.items() if p is not None}
        if not wrong:
            return {}
        return {o: wrong[n] for o, n in enumerate(numbers) if n in wrong}
    found = {}
    checked: dict[tuple[str, str], str | None] = {}
    for offset, pair in enumerate(zip(kinds, numbers, strict=True)):
        kind, number = pair
        if kind is None or not number:
            continue
        if pair not in checked:
            checked[pair] = id_number_problem(kind, number, ids)
        problem = checked[pair]
        if problem is not None:
            found[offset] = problem
    return found


def _duplicates(numbers: list[str | None], first: int) -> dict[int, int]:
    """Row offset → the spreadsheet row where its number came first."""
    seen: dict[str, int] = {}
    repeated: dict[int, int] = {}
    for offset, number in enumerate(numbers):
        if not number:
            continue
        if number in seen:
            repeated[offset] = seen[number]
        else:
            seen[number] = first + offset
    return repeated


def _any_text_problem(column: list[str | None], longest: int) -> bool:
    """A quick look (C speed): is any value empty or longer than `longest`?"""
    if "" in column:
        return True
    texts = [v for v in column if v is not None] if None in column else column
    return bool(texts) and max(map(len, texts)) > longest  # type: ignore[arg-type]


def _where(column: list[Any], test: Callable[[Any], bool]) -> list[int]:
    """Offsets whose value passes `test`, testing each distinct value once."""
    hits = {v for v in set(column) if test(v)}
    return [o for o, v in enumerate(column) if v in hits] if hits else []


def _problem(row: list[CellValue], header: Header, row_number: int, name: str | None,
             number: str | None, reasons: list[str]) -> RowProblem:
    shown_name = name if name is not None else cells.clean_text(row[_index(header, "name")])
    shown_id = number if number is not None else cells.clean_text(row[_index(header, "id_number")])
    text = "；".join(r.rstrip("。") for r in reasons) + "。"
    return RowProblem(row_number, text, shown_name, shown_id)


def _index(header: Header, field_name: str) -> int:
    for column in header.columns:
        if field_name in column.fields:
            return column.index
    raise KeyError(field_name)
