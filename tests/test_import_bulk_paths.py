"""The roster import's bulk paths (#15, #12): a large sheet read row by row with each
column's repeated values held once gives exactly what the whole-sheet read gives; the
rows written as they are produced keep one transaction (all or nothing) on both
backends; and a command on an up-to-date database starts without alembic."""

from __future__ import annotations

import datetime as dt
import gc
import subprocess
import sys
from pathlib import Path

import pytest

from tests.data.builders import HEADERS, person, write_xlsx
from zcdesk.domain import eligibility
from zcdesk.domain.records import ApplicantForm
from zcdesk.importing import sources
from zcdesk.importing.roster import read_roster
from zcdesk.store import Store

TODAY = dt.date(2025, 5, 6)


def _mixed_roster(tmp_path: Path) -> Path:
    """A roster whose cells repeat and mix types: True, 1 and 1.0 in one column,
    dates and numbers, a faulty row, and the sheet starting below a title."""
    rows: list[list[object]] = [HEADERS]
    for i in range(60):
        row = person(i)
        row[9] = (True, 1, 1.0, "1年", 3)[i % 5]  # 工作年限: only True is refused
        rows.append(row)
    rows[10][7] = "去年"  # an unreadable date
    return write_xlsx(tmp_path / "mixed.xlsx", rows, title="2025 上半年度花名册")


def test_row_by_row_read_equals_the_whole_sheet_read(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = _mixed_roster(tmp_path)
    whole = read_roster(path, today=TODAY)
    monkeypatch.setattr(sources, "DISTINCT_FROM_ROWS", 1)  # every sheet row by row
    monkeypatch.setattr(sources, "_SAMPLE_ROWS", 8)  # and the memo check within it
    by_rows = read_roster(path, today=TODAY)
    assert by_rows.rows == whole.rows
    assert by_rows.problems == whole.problems
    assert (by_rows.header_row, by_rows.columns, by_rows.total_rows) == (
        whole.header_row, whole.columns, whole.total_rows)
    years = [r.form.field_years for r in by_rows.rows]
    assert years.count(1) == 36 and years.count(3) == 11  # 1, 1.0 and 1年; never TRUE
    assert len(by_rows.problems) == 13  # 12 TRUE cells and the unreadable date
    assert all("工作年限" in p.reason or "参加工作时间" in p.reason for p in by_rows.problems)


def test_distinct_rows_keeps_types_and_the_columns_from_a1(tmp_path: Path) -> None:
    import python_calamine
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row, value in enumerate([True, 1, 1.0, "1", dt.datetime(2020, 1, 1), True], start=3):
        sheet.cell(row=row, column=3, value=value)
    sheet["E4"] = "x"
    book.save(tmp_path / "types.xlsx")
    found = python_calamine.CalamineWorkbook.from_path(
        str(tmp_path / "types.xlsx")).get_sheet_by_index(0)
    expected = found.to_python(skip_empty_area=False)
    rows = sources.distinct_rows(found)
    assert rows == expected
    assert [type(r[2]) for r in rows] == [type(r[2]) for r in expected]
    assert rows[2][2] is True and rows[7][2] is True


def _forms(count: int, start: int = 0) -> list[tuple[int, ApplicantForm]]:
    from tests.data.builders import resident_id

    return [(i + 3, ApplicantForm(
        name=f"申报人{i}", id_number=resident_id(dt.date(1980, 1, 1) + dt.timedelta(days=i), i),
        unit=f"杭州测试有限公司{i % 4}", education="大学本科", degree="学士",
        graduated_on=dt.date(2005, 7, 1), work_start=dt.date(2005, 8, 1),
        qualification="PMP", qualification_issuer="PMI", qualified_on=dt.date(2015, 3, 1)))
        for i in range(start, start + count)]


@pytest.mark.both_backends
def test_rows_written_as_produced_stay_one_transaction(store: Store,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store.import_roster(_forms(5), source="first.xlsx")  # the table is not empty any more
    before = len(store.audit())
    real_check = eligibility.EligibilityChecker.check
    seen = []

    def failing(self: eligibility.EligibilityChecker, applicant: object,
                **options: bool) -> object:
        seen.append(applicant)
        if len(seen) == 30:  # half-way through the new applicants' rows
            raise RuntimeError("power cut")
        return real_check(self, applicant, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(eligibility.EligibilityChecker, "check", failing)
    with pytest.raises(RuntimeError):
        store.import_roster(_forms(50, start=5), source="second.xlsx")
    assert gc.isenabled()
    assert len(store.audit()) == before  # nothing of it was written
    assert len(store.packet_reports()) == 5
    monkeypatch.setattr(eligibility.EligibilityChecker, "check", real_check)
    report = store.import_roster(_forms(50, start=5), source="second.xlsx")
    assert report.new == 50 and gc.isenabled()
    reports = store.packet_reports()
    assert len(reports) == 55 and all(r.eligibility for r in reports)
    for _, form in _forms(50, start=5):
        found = store.lookup(form.id_number)
        assert found.packet is not None and found.packet.applicant.name == form.name
        history = store.history(found.packet.applicant.id)
        assert [e.kind for e in history] == ["applicant_added"]


def test_the_import_leaves_the_sqlite_page_cache_as_it_was(store: Store) -> None:
    with store.engine.connect() as conn:
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    store.import_roster(_forms(20))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == before


def test_a_command_on_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    database = tmp_path / "desk.sqlite3"
    Store.open(f"sqlite:///{database}", operator="x", desk="x").close()  # migrated
    code = ("import sys\n"
            "from zcdesk.cli import main\n"
            f"code = main(['--db', {str(database)!r}, 'batch', 'list'])\n"
            "print('alembic' in sys.modules, code)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"XDG_CONFIG_HOME": str(tmp_path),
                                           "XDG_STATE_HOME": str(tmp_path),
                                           "XDG_DATA_HOME": str(tmp_path),
                                           "PATH": "/usr/bin:/bin"})
    assert done.stdout.split()[-2:] == ["False", "0"]
