"""The round pack (issue #11): the shipped 2025H1 file, validation, round trip, shifting.

The equivalence tests hold the shipped pack to what migration 0002 seeds. The rules
(eligibility, ID kinds) read the pack now: their tests change one part of a pack and
show the rule follows it, and the three corrections of domain.md are applied.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zcdesk.domain import checklist, eligibility, idnumber, round_pack
from zcdesk.domain.eligibility import EligibilityChecker
from zcdesk.domain.records import ApplicantForm
from zcdesk.domain.round_pack import (
    RoundPack,
    RoundPackError,
    dump_pack,
    iter_dates,
    load_pack,
    shifted,
    shipped_pack_path,
)
from zcdesk.domain.verdicts import SEVERITY, Verdict
from zcdesk.importing import cells
from zcdesk.store import calendar_ops

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "resources" / "rounds" / "2025H1.toml"
TEXT = SHIPPED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pack() -> RoundPack:
    return load_pack(SHIPPED)


def _migration_0002() -> ModuleType:
    path = next((ROOT / "zcdesk/store/migrations/versions").glob("0002_*.py"))
    spec = importlib.util.spec_from_file_location("migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _line(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line of `text` that starts with `needle` (after spaces);
    lines end at LF only, as in TOML (str.splitlines would also break at U+0085)."""
    found = [i for i, line in enumerate(text.split("\n"), 1) if line.strip().startswith(needle)]
    return found[nth - 1]


def _problems(text: str) -> list[tuple[str, int | None, str]]:
    with pytest.raises(RoundPackError) as caught:
        load_pack(text)
    return [(p.key, p.line, p.message) for p in caught.value.problems]


def _edit(old: str, new: str, text: str = TEXT, count: int = 1) -> str:
    assert text.count(old) >= count, old
    return text.replace(old, new, count)


# ====================================================================== loading
def test_shipped_pack_loads(pack: RoundPack) -> None:
    assert (pack.code, pack.name) == ("2025H1", "2025 上半年度")
    assert pack.deadlines.cutoff == dt.date(2025, 6, 30)
    assert [d for _, d in pack.deadlines.ordered()] == [
        dt.date(2025, 3, 31), dt.date(2025, 4, 14), dt.date(2025, 4, 30), dt.date(2025, 5, 30)]
    assert [p.code for p in pack.points] == ["SC", "GS", "XH", "FY", "TL", "CA", "SZ"]
    assert pack.city.contact == "崔银珊"
    assert len(pack.catalogue.entries) == 9
    assert pack.notice.issued_on == dt.date(2025, 2, 24)
    assert pack.notice.doc_number == ""  # the notice does not show its own 文号


def test_load_accepts_path_str_path_and_text() -> None:
    assert load_pack(str(SHIPPED)) == load_pack(SHIPPED) == load_pack(TEXT)


def test_shipped_pack_is_found_as_a_resource(pack: RoundPack) -> None:
    assert load_pack(shipped_pack_path("2025H1")) == pack


def test_a_notepad_file_with_bom_and_crlf_reads_with_right_lines(tmp_path: Path) -> None:
    path = tmp_path / "2025H1.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert load_pack(path) == load_pack(TEXT)
    text = _edit("paper = 2025-05-30", "paper = 2025-04-01")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    with pytest.raises(RoundPackError) as caught:
        load_pack(path)
    [problem] = caught.value.problems
    assert (problem.key, problem.line) == ("deadlines.paper", _line(text, "paper ="))
    assert "“2025H1.toml”" in str(caught.value)


def test_a_gbk_file_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "2025H1.toml"
    path.write_bytes(TEXT.encode("gbk", errors="replace"))
    with pytest.raises(RoundPackError, match="须为 UTF-8"):
        load_pack(path)


def test_missing_file_is_a_chinese_error(tmp_path: Path) -> None:
    with pytest.raises(RoundPackError, match="找不到文件"):
        load_pack(tmp_path / "2030H1.toml")


# ====================================================================== round trip
def test_dump_then_load_gives_the_same_pack(pack: RoundPack) -> None:
    text = dump_pack(pack)
    assert load_pack(text) == pack
    assert dump_pack(load_pack(text)) == text  # stable: a second dump changes nothing


def test_dump_keeps_the_dataclass_key_order(pack: RoundPack) -> None:
    text = dump_pack(pack)
    heads = [text.index(f"\n[{k}]") for k in ("round", "notice", "deadlines", "correction",
                                                "ban", "city")]
    assert heads == sorted(heads)
    parts = ["[[points]]", "[[checklist.items]]", "[[catalogue.entries]]", "covered",
             "[[districts.excluded]]", "[[education.tiers]]", "[[ids.kinds]]"]
    assert [text.index(p) for p in parts] == sorted(text.index(p) for p in parts)
    entry = text[text.index("[[catalogue.entries]]"):]
    keys = ["name", "abbreviation", "aliases", "issuer", "issuer_en", "title"]
    assert [entry.index(f"\n{k} =") for k in keys] == sorted(entry.index(f"\n{k} =")
                                                              for k in keys)


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_text_survives_the_round_trip(pack: RoundPack, words: str) -> None:
    changed = dataclasses.replace(pack, notice=dataclasses.replace(
        pack.notice, title=words, basis=f'"{words}"\n[[x]]'))
    assert load_pack(dump_pack(changed)) == changed


# ====================================================================== validation
def test_missing_field_names_key_and_line() -> None:
    text = _edit('short_name = "评审表"\n', "")
    [(key, line, message)] = _problems(text)
    assert key == "checklist.items[1].short_name"
    assert line == _line(text, "[[checklist.items]]")
    assert "缺少必填项 short_name" in message and "简称" in message


def test_date_that_is_not_a_date() -> None:
    text = _edit("employer = 2025-04-14", 'employer = "2025-04-31"')
    [(key, line, message)] = _problems(text)
    assert (key, line) == ("deadlines.employer", _line(text, "employer ="))
    assert "不是日期" in message and "2025-04-31" in message and "不加引号" in message


def test_date_written_loosely_is_a_syntax_error_with_its_line() -> None:
    text = _edit("employer = 2025-04-14", "employer = 2025-4-14")
    [(_, line, message)] = _problems(text)
    assert line == _line(text, "employer =")
    assert "TOML 格式错误" in message and "2025-03-31" in message


def test_date_with_a_time_is_refused() -> None:
    text = _edit("paper = 2025-05-30", "paper = 2025-05-30T17:00:00")
    [(key, line, message)] = _problems(text)
    assert (key, line) == ("deadlines.paper", _line(text, "paper ="))
    assert "只写日期" in message


def test_deadlines_out_of_order() -> None:
    text = _edit("paper = 2025-05-30", "paper = 2025-04-01")
    [(key, line, message)] = _problems(text)
    assert (key, line) == ("deadlines.paper", _line(text, "paper ="))
    assert "纸质材料报送截止 2025-04-01 早于管理部门网上审核截止 2025-04-30" in message


def test_tier_without_years() -> None:
    text = _edit("years = 5\n", "")
    [(key, line, message)] = _problems(text)
    assert key == "education.tiers[6].years"
    assert line == _line(text, "[[education.tiers]]", 6)
    assert "缺少必填项 years（年限）" in message


def test_district_in_both_lists() -> None:
    text = _edit('written = ["萧山区"]', 'written = ["萧山区", "上城区"]')
    [(key, line, message)] = _problems(text)
    assert (key, line) == ("districts.excluded[2].written[2]", _line(text, 'written = ["萧山区"'))
    assert "“上城区”同时列在本次受理的区县" in message
    covered_line = _line(text, 'name = "上城区"')
    assert f"第 {covered_line} 行" in message


def test_district_in_both_lists_by_name_on_a_continued_line() -> None:
    text = _edit('name = "建德市"\nwritten = ["建德市"]',
                 'name = "建德市"\nwritten = [\n    "建德市",\n    "淳安县",\n]')
    [(key, line, message)] = _problems(text)
    assert key == "districts.excluded[7].written[2]"
    assert line == _line(text, '"淳安县",')
    assert "淳安县" in message


def test_unknown_keys_anywhere() -> None:
    text = _edit('name = "2025 上半年度"\n', 'name = "2025 上半年度"\ncolour = "red"\n')
    text = _edit("[ids]\n", "[ids]\nstrict = true\n", text)
    text += '\n[extras]\nx = 1\n'
    problems = _problems(text)
    keys = {(k, ln) for k, ln, _ in problems}
    assert keys == {("round.colour", _line(text, "colour =")),
                    ("ids.strict", _line(text, "strict =")),
                    ("extras", _line(text, "[extras]"))}
    assert all("未知的项" in m for _, _, m in problems)


def test_every_problem_is_reported_at_once_in_the_error_text() -> None:
    text = _edit("paper = 2025-05-30", "paper = 2025-04-01")
    text = _edit("years = 5\n", "", text)
    text = _edit('name = "2025 上半年度"\n', 'name = "2025 上半年度"\ncolour = "red"\n', text)
    with pytest.raises(RoundPackError) as caught:
        load_pack(text)
    error = caught.value
    assert len(error.problems) == 3
    assert isinstance(error, ValueError)
    assert "有 3 处错误" in str(error)
    assert f"第 {_line(text, 'colour =')} 行，round.colour：未知的项" in str(error)


def test_wrong_types_and_values() -> None:
    text = _edit("copies = 2", 'copies = "两份"')
    text = _edit('scope = "batch"', 'scope = "team"', text)
    text = _edit("check_digit = false    # 常见", "check_digit = 0    # 常见", text)
    text = _edit('\ncounts_from = "following_year"', '\ncounts_from = "next"', text)
    text = _edit('checks = ["stamp"]', 'checks = ["seal"]', text)
    text = _edit('point = "CA"', 'point = "QD"', text)
    text = _edit('min_level = "C"', 'min_level = "E"', text)
    problems = {k: m for k, _, m in _problems(text)}
    assert "整数" in problems["checklist.items[1].copies"]
    assert "packet" in problems["checklist.items[3].scope"]
    assert "true 或 false" in problems["ids.kinds[2].check_digit"]
    assert "following_year" in problems["ban.counts_from"]
    assert "seal" in problems["checklist.items[4].checks[1]"]
    assert "QD" in problems["districts.covered[6].point"]
    assert "A、B、C、D" in problems["catalogue.entries[6].min_level"]
    assert len(problems) == 7


def test_duplicates_are_refused() -> None:
    text = _edit('code = "GS"', 'code = "SC"')
    text = _edit('key = "bachelor"', 'key = "college"', text)
    problems = {(k, ln) for k, ln, _ in _problems(text)}
    assert problems == {("points[2].code", _line(text, 'code = "SC"', 2)),
                        ("education.tiers[7].key", _line(text, 'key = "college"', 2)),
                        # GS is gone, so 拱墅区's acceptance point is unknown now
                        ("districts.covered[2].point", _line(text, 'point = "GS"'))}


def test_lines_stay_right_after_strings_that_look_like_toml() -> None:
    # A multi-line note holding "[[points]]" and a '#' must not be counted as a header.
    text = _edit('note = "市直有关单位所属', 'note = """\n[[points]]\ncode = "X" # no\n"""\n'
                 'x_note = "市直有关单位所属')
    [(key, line, _)] = _problems(text)
    assert (key, line) == ("points[7].x_note", _line(text, "x_note ="))


def test_tier_rules_and_nested_tables() -> None:
    text = _edit("years = 0 ", "years = -1 ")
    text = _edit('places = [{ word = "萧山" }]', 'places = "萧山"', text)
    problems = {(k, ln): m for k, ln, m in _problems(text)}
    assert "应不小于 0" in problems["education.tiers[1].years", _line(text, "years = -1")]
    assert "[[districts.excluded.places]]" in problems[
        "districts.excluded[2].places", _line(text, 'places = "萧山"')]


def test_lines_in_a_written_file_with_nested_and_inline_tables(pack: RoundPack) -> None:
    # dump_pack writes nested [[catalogue.entries.level_names]] and inline tables.
    text = _edit('\nlevel = "C"', '\nlevel = "E"', dump_pack(pack))
    text = _edit('{ name = "淳安县", point = "CA" }', '{ name = "淳安县", point = "QD" }', text)
    text = _edit('\nword = "余杭"', '\nword = "余杭"\nextra = 1', text)
    problems = {(k, ln) for k, ln, _ in _problems(text)}
    assert problems == {
        ("catalogue.entries[6].level_names[3].level", _line(text, 'level = "E"')),
        ("districts.covered[6].point", _line(text, '{ name = "淳安县"')),
        ("districts.excluded[3].places[1].extra", _line(text, "extra = 1")),
    }


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every key path and array element path in parsed TOML."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*path, i))
    return found


@pytest.mark.parametrize("which", ["shipped", "dumped"])
def test_the_line_scanner_finds_every_key_on_its_own_line(pack: RoundPack, which: str) -> None:
    text = TEXT if which == "shipped" else dump_pack(pack)
    lines = round_pack._LineScanner(text).scan()
    rows = text.split("\n")  # TOML breaks lines at LF only (not at U+0085, U+2028)
    for path in _paths(tomllib.loads(text)):
        assert path in lines, path
        last = path[-1]
        if isinstance(last, str):
            row = rows[lines[path] - 1]
            assert re.search(rf"(^|[\s{{.\[,]){re.escape(last)}(\s*=|\]|\s*\.)", row), (path, row)


_FREE_TEXT = frozenset({"title", "issuer", "basis", "doc_number", "name", "short_name",
                        "address", "phone", "contact", "note", "label", "aliases", "issuer_en",
                        "issuer_aliases", "condition", "written", "word", "not_before", "below",
                        "not_counted_schools", "degree_words", "education_words",
                        "education_exact", "unless_degree"})


def _retexted(value: object, words: str, counter: list[int]) -> object:
    """`value` with every free text replaced by `words` + a running number (kept unique)."""
    def text() -> str:
        counter[0] += 1
        return f"{words}{counter[0]}"

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, object] = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name in _FREE_TEXT and isinstance(item, str):
                changes[f.name] = text()
            elif f.name in _FREE_TEXT and isinstance(item, tuple):
                changes[f.name] = tuple(text() for _ in item)
            elif isinstance(item, tuple | RoundPack) or dataclasses.is_dataclass(item):
                changes[f.name] = _retexted(item, words, counter)
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_retexted(v, words, counter) for v in value)
    return value


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=12))
def test_any_free_text_round_trips_and_keeps_lines_right(pack: RoundPack, words: str) -> None:
    changed = _retexted(pack, words, [0])
    assert isinstance(changed, RoundPack)
    text = dump_pack(changed)
    assert load_pack(text) == changed
    lines = round_pack._LineScanner(text).scan()
    assert lines[("ids", "kinds", 8, "check_digit")] == _line(text, "check_digit =", 9)


def test_wrong_format_version() -> None:
    [(key, line, message)] = _problems(_edit("format = 1", "format = 2"))
    assert (key, line) == ("format", _line(TEXT, "format ="))
    assert "格式版本 1" in message and "请先升级本程序" in message
    [(key, _line_no, message)] = _problems(_edit("format = 1", "format = 0"))
    assert key == "format" and "升级" not in message


def test_keys_with_a_default_may_be_left_out() -> None:
    """A key a later version adds has a default: a pack written before it stays readable
    (here: an entry's aliases and a point's note, as an older pack would lack them)."""
    text = "".join(ln for ln in TEXT.splitlines(keepends=True)
                   if ln.rstrip() not in ("aliases = []", 'note = ""'))
    assert text != TEXT
    assert load_pack(text).code == load_pack(TEXT).code


# ====================================================================== shifting
def test_shifted_gives_a_valid_2026h1_pack(pack: RoundPack) -> None:
    new = shifted(pack, "2026H1", "2026 上半年度", years=1)
    assert (new.code, new.name) == ("2026H1", "2026 上半年度")
    assert new.deadlines.applicant == dt.date(2026, 3, 31)
    assert new.deadlines.paper == dt.date(2026, 5, 30)
    assert new.deadlines.cutoff == dt.date(2026, 6, 30)
    assert new.notice.title == pack.notice.title.replace("2025 上半年度", "2026 上半年度")
    assert new.notice.issued_on == dt.date(2026, 2, 24)
    assert new.notice.doc_number == ""
    assert new.catalogue == pack.catalogue and new.points == pack.points
    assert all(after == before.replace(year=2026) for (_, before), (_, after)
               in zip(iter_dates(pack), iter_dates(new), strict=True))
    assert load_pack(dump_pack(new)) == new


def test_shifted_by_days_and_over_29_february(pack: RoundPack) -> None:
    by_days = shifted(pack, "2025H2", "2025 下半年度", days=183)
    assert by_days.deadlines.applicant == dt.date(2025, 3, 31) + dt.timedelta(days=183)
    assert by_days.deadlines.cutoff == dt.date(2025, 6, 30)  # 30 June of the same year
    assert by_days.notice.title.count("2025 下半年度") == 1
    leap = dataclasses.replace(pack, deadlines=dataclasses.replace(
        pack.deadlines, applicant=dt.date(2024, 2, 29)))
    assert shifted(leap, "X", "X", years=1).deadlines.applicant == dt.date(2025, 2, 28)
    with pytest.raises(ValueError):
        shifted(pack, "X", "X")


# ====================================================================== same as today
def test_round_equals_migration_0002(pack: RoundPack) -> None:
    [row] = _migration_0002().ROUNDS
    d = pack.deadlines
    assert row == {"code": pack.code, "name": pack.name, "applicant_deadline": d.applicant,
                   "employer_deadline": d.employer, "district_deadline": d.district,
                   "paper_deadline": d.paper, "cutoff_date": d.cutoff, "is_current": True}


def test_points_equal_migration_0002(pack: RoundPack) -> None:
    city = pack.city
    # The migration keeps the city's contact inside its note.
    rows = [(p.code, p.name, p.short_name, p.phone, p.address, p.kind, p.note)
            for p in pack.points]
    rows.append((city.code, city.name, city.short_name, city.phone, city.address, "city",
                 f"联系人：{city.contact}。{city.note}"))
    assert rows == _migration_0002().POINTS
    assert all(p.contact == "" for p in pack.points)  # the notice names none


def test_catalogue_equals_migration_0002(pack: RoundPack) -> None:
    rows = [(i, e.name, e.abbreviation, e.issuer, e.issuer_en, e.condition)
            for i, e in enumerate(pack.catalogue.entries, 1)]
    assert rows == _migration_0002().CATALOGUE
    assert {(e.title, e.series) for e in pack.catalogue.entries} == {("工程师", "制造业")}


def test_checklist_equals_migration_0002_and_the_labels(pack: RoundPack) -> None:
    c = pack.checklist
    rows = [(i.code, i.name, i.short_name, i.scope, i.copies, list(i.checks), 10 * n)
            for n, i in enumerate(c.items, 1)]
    assert rows == _migration_0002().CHECKLIST
    assert {x.code: x.label for x in c.checks} == checklist.CHECK_LABELS
    assert [(r.code, r.label) for r in c.reasons] == [
        (r.value, r.label) for r in checklist.RejectReason]
    for reason in c.reasons:  # every alias the pack lists is one parse_reason knows
        for word in (reason.code, reason.label, *reason.aliases):
            assert checklist.parse_reason(word) == checklist.RejectReason(reason.code)


# ====================================================================== the rules read the pack
# The constants these tests once compared the pack with are gone (issue #11): each
# test now changes one part of a pack and shows the rule follows it.
_FORM = ApplicantForm(
    name="王五", id_number="330102199001011234", unit="杭州市上城区某某有限公司",
    education="大学本科", degree="学士", school="浙江大学", graduated_on=dt.date(2019, 7, 1),
    work_start=dt.date(2019, 7, 1), qualification="PMP", qualification_issuer="PMI",
    qualified_on=dt.date(2020, 1, 1))
_TODAY = dt.date(2025, 5, 18)


def _verdict(p: RoundPack, rule: str, **changes: object) -> Verdict:
    result = EligibilityChecker(pack=p, today=_TODAY).check(dataclasses.replace(_FORM, **changes))
    found = [f for f in result.findings if f.rule == rule]
    return min((f.verdict for f in found), key=SEVERITY.__getitem__, default=Verdict.ELIGIBLE)


def test_the_catalogue_its_aliases_and_issuers_come_from_the_pack(pack: RoundPack) -> None:
    assert _verdict(pack, "qualification", qualification="PMX") is Verdict.INELIGIBLE
    pmp = pack.catalogue.entries[4]
    wider = dataclasses.replace(pmp, aliases=(*pmp.aliases, "PMX"),
                                issuer_aliases=(*pmp.issuer_aliases, "项目管理学会"))
    entries = (*pack.catalogue.entries[:4], wider, *pack.catalogue.entries[5:])
    changed = dataclasses.replace(pack, catalogue=dataclasses.replace(pack.catalogue,
                                                                      entries=entries))
    assert _verdict(changed, "qualification", qualification="PMX",
                    qualification_issuer="项目管理学会") is Verdict.ELIGIBLE
    ipmp = dict(qualification="国际助理项目经理", qualification_issuer="IPMA")
    assert _verdict(pack, "qualification", **ipmp) is Verdict.INELIGIBLE  # D < C
    lower = dataclasses.replace(pack.catalogue.entries[5], min_level="D")
    entries = (*pack.catalogue.entries[:5], lower, *pack.catalogue.entries[6:])
    changed = dataclasses.replace(pack, catalogue=dataclasses.replace(pack.catalogue,
                                                                      entries=entries))
    assert _verdict(changed, "qualification", **ipmp) is Verdict.ELIGIBLE


def test_the_districts_come_from_the_pack(pack: RoundPack) -> None:
    unit = "杭州市萧山区某某有限公司"
    assert _verdict(pack, "district", unit=unit) is Verdict.INELIGIBLE
    xiaoshan = next(d for d in pack.districts.excluded if d.name == "萧山区")
    fewer = tuple(d for d in pack.districts.excluded if d is not xiaoshan)
    changed = dataclasses.replace(pack, districts=dataclasses.replace(pack.districts,
                                                                      excluded=fewer))
    assert _verdict(changed, "district", unit=unit) is Verdict.ELIGIBLE


def test_the_education_tiers_come_from_the_pack(pack: RoundPack) -> None:
    late = dict(graduated_on=dt.date(2021, 7, 1), work_start=dt.date(2021, 7, 1))
    assert _verdict(pack, "education", **late) is Verdict.INELIGIBLE  # 3 years < 5
    tiers = tuple(dataclasses.replace(t, years=3) if t.key == "bachelor" else t
                  for t in pack.education.tiers)
    changed = dataclasses.replace(pack, education=dataclasses.replace(pack.education,
                                                                      tiers=tiers))
    assert _verdict(changed, "education", **late) is Verdict.ELIGIBLE
    assert _verdict(pack, "education", education="中专") is Verdict.INELIGIBLE
    assert {"中专", "高中"} <= set(pack.education.below)


def test_the_ban_and_the_correction_period_come_from_the_pack(pack: RoundPack) -> None:
    ban = eligibility.Ban("王五", _FORM.id_number, dt.date(2021, 7, 1))
    assert pack.ban.barred_years(2021) == range(2022, 2025) == ban.barred(pack.ban)
    longer = dataclasses.replace(pack, ban=dataclasses.replace(pack.ban, years=4))
    for p, verdict in ((pack, Verdict.ELIGIBLE), (longer, Verdict.INELIGIBLE)):
        result = EligibilityChecker(pack=p, bans=[ban], today=_TODAY).check(_FORM)
        assert [f.verdict for f in result.findings if f.rule == "ban"] == [verdict]
    same_year = dataclasses.replace(pack.ban, counts_from="decision_year")
    assert ban.barred(same_year) == range(2021, 2024)
    assert pack.correction.working_days == calendar_ops.DEFAULT_CORRECTION_DAYS


def test_the_id_kinds_come_from_the_pack(pack: RoundPack) -> None:
    assert tuple(k.name for k in pack.ids.kinds) == idnumber.ID_KINDS
    assert {k.name for k in pack.ids.kinds if k.check_digit} == idnumber.CHECKED_KINDS
    for kind in pack.ids.kinds:
        for alias in kind.aliases:
            assert cells.id_kind(alias) == kind.name
    assert cells.id_kind("") == pack.ids.kinds[0].name
    closed = dataclasses.replace(pack, ids=dataclasses.replace(pack.ids, open_list=False))
    assert _verdict(pack, "id_kind", id_kind="学生证", id_number="S1234567") is Verdict.UNKNOWN
    assert _verdict(closed, "id_kind", id_kind="学生证",
                    id_number="S1234567") is Verdict.INELIGIBLE
    assert idnumber.id_problem("学生证", "S1234567", ids=closed.ids) is not None


# ---------------------------------------------------------------------- the corrections
def test_corrections_of_domain_md_are_applied(pack: RoundPack) -> None:
    """The three corrections the pack holds are what the rules do now."""
    # 1. ID kinds are an open list: four more kinds taken and flagged 待核实.
    assert pack.ids.open_list
    extra = [k.name for k in pack.ids.kinds if not k.named_in_notice]
    assert extra == ["港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证",
                     "护照"]
    assert not any(k.check_digit for k in pack.ids.kinds if k.name in extra)
    for kind in extra:
        assert _verdict(pack, "id_kind", id_kind=kind, id_number="H12345678") is Verdict.UNKNOWN
    # 2. A qualification matches by name AND issuer; TÜV's authorised bodies by name.
    assert pack.catalogue.issuer_required
    tuv = pack.catalogue.entries[6]
    assert {"TUV", "TÜV SÜD", "TÜV Rheinland"} <= set(tuv.issuer_aliases)
    assert _verdict(pack, "qualification", qualification="FSEng",
                    qualification_issuer="exida") is Verdict.INELIGIBLE
    assert _verdict(pack, "qualification", qualification="FSEng",
                    qualification_issuer="TÜV SÜD") is Verdict.ELIGIBLE
    # 3. A 大专 from a 技工院校 does not count.
    assert "技工院校" in pack.education.not_counted_schools
    assert _verdict(pack, "education", education="大专", degree="", school="杭州技师学院",
                    graduated_on=dt.date(2010, 7, 1),
                    work_start=dt.date(2010, 7, 1)) is Verdict.INELIGIBLE
