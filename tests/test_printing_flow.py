"""Printing after the counter (issue 6), with records built by hand.

The closed and handed-over 移交清单 (hash on every page, QR on page 1) against the
draft, the 送评报告单's batch items, the correction deadline on the notice, the
返还清单, the city desk's 接收回执 and the statistics export.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from tests.test_printing_render import decode, ink, needs_pdftoppm, needs_zbar, render
from tests.test_printing_support import (
    CITY,
    ITEMS,
    POINT,
    ROUND,
    TODAY,
    batch,
    id_number,
    packet,
    pages_text,
    squash,
    summary,
)
from zcdesk.domain.flow import (
    BatchItemCount,
    BatchStatus,
    CityBatchInfo,
    CityBatchReport,
    CityPacket,
    Decision,
    DecisionResult,
    HandOver,
    PacketStage,
    ReturnLine,
    ReturnList,
    Statistics,
)
from zcdesk.domain.idnumber import mask_id
from zcdesk.domain.records import BatchView
from zcdesk.importing.errors import ExportError
from zcdesk.importing.statistics_export import export_statistics
from zcdesk.importing.transmittal_file import parse_qr_payload, qr_payload
from zcdesk.printing import (
    PdfResult,
    PrintOptions,
    city_receipt_pdf,
    notice_pdf,
    report_pdf,
    return_list_pdf,
    transmittal_pdf,
)
from zcdesk.printing.city_receipt import NO_DISCREPANCY
from zcdesk.printing.document import group_hex
from zcdesk.printing.return_list import list_number
from zcdesk.printing.transmittal import DRAFT

OPTIONS = PrintOptions(today=TODAY)
FULL = PrintOptions(today=TODAY, full_ids=True)
SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
FILE_SHA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
BATCH_ITEMS = (BatchItemCount("report", "送评报告单（委托书）", "送评报告单", 1, 1),
               BatchItemCount("roster", "申报评审工程师资格人员花名册", "花名册", 1, 1))
HANDOVER = HandOver("小王", "市职改办李老师", dt.datetime(2025, 5, 20, 9, 40))


def sealed(view: BatchView, *, handed_over: bool = False) -> BatchView:
    info = dataclasses.replace(
        view.batch, status=BatchStatus.HANDED_OVER if handed_over else BatchStatus.CLOSED,
        sha256=SHA, closed_at=dt.datetime(2025, 5, 19, 16, 5), closed_by="演示管理员",
        items=BATCH_ITEMS, handover=HANDOVER if handed_over else None)
    return dataclasses.replace(view, batch=info)


def text_of(result: PdfResult) -> str:
    return "".join(pages_text(result.data))


# ------------------------------------------------------------------ 移交清单
def test_closed_transmittal_carries_the_hash_on_every_page() -> None:
    view = sealed(batch([packet(n) for n in range(1, 61)]))
    result = transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS)
    pages = pages_text(result.data)
    assert result.pages == len(pages) == 4  # the last rows go with the signatures
    footer = "移交文件校验值（SHA-256）：" + SHA  # closed before 0012: the manifest's
    for page in pages:
        assert footer in page  # grouped for reading; the groups join up once squashed
        assert "草稿" not in page
    assert "批次状态：已封批" in pages[0]
    assert "封批时间：2025年5月19日16:05（演示管理员）" in pages[0]
    assert "扫码核对移交文件" in pages[0] and "移交记录" not in pages[0]
    assert group_hex(SHA).split()[:2] == ["9f86", "d081"]


def test_closed_transmittal_prints_the_audit_chain_head() -> None:
    view = sealed(batch([packet(1), packet(2)]))
    head = "审计链：截至第 1234 条事件，哈希 0123456789abcdef"
    text = text_of(transmittal_pdf(view, POINT, CITY, ROUND, ITEMS,
                                   dataclasses.replace(OPTIONS, audit_head=head)))
    assert (head + "（打印时）").replace(" ", "") in text  # text comes back squashed
    assert "审计链" not in text_of(transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS))


def test_handed_over_transmittal_shows_who_took_it() -> None:
    view = sealed(batch([packet(1), packet(2)]), handed_over=True)
    text = text_of(transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS))
    assert "批次状态：已移交" in text
    assert "移交记录：2025年5月20日09:40由小王移交，市职改办李老师接收" in text


def test_open_batch_prints_as_a_draft_on_every_page() -> None:
    view = batch([packet(n) for n in range(1, 61)])
    result = transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS)
    pages = pages_text(result.data)
    assert "移交清单（草稿）" in pages[0] and "批次状态：组批中" in pages[0]
    for page in pages:
        assert squash(DRAFT) in page
        assert "SHA-256" not in page and "扫码核对" not in page


@needs_zbar
def test_transmittal_qr_carries_batch_and_hash(tmp_path: Path) -> None:
    view = sealed(batch([packet(1), packet(2)]))
    result = transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS)
    png = render(result, tmp_path, dpi=200, top=3.5)[0]
    found = decode(png, "qrcode")
    assert found == [qr_payload(view.batch.batch_no, SHA)]
    assert parse_qr_payload(found[0]) == (view.batch.batch_no, SHA)
    draft = tmp_path / "draft"
    draft.mkdir()
    png = render(transmittal_pdf(batch([packet(1)]), POINT, CITY, ROUND, ITEMS, OPTIONS),
                 draft, dpi=200, top=3.5)[0]
    assert decode(png, "qrcode") == []  # a draft has no code to scan


# ---------------------------------------------------------------- 送评报告单
def test_report_shows_batch_items_and_hash() -> None:
    view = sealed(batch([packet(1), packet(2)]))
    text = text_of(report_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS))
    assert "批次材料送评报告单1份、花名册1份" in text
    assert "批次状态已封批（封批时间：2025年5月19日16:05）" in text
    assert "移交文件校验值SHA-256：" + SHA in text
    # an open batch whose roster came back unstamped: said, and no hash
    short = (BATCH_ITEMS[0], dataclasses.replace(BATCH_ITEMS[1], accepted=0,
                                                 rejected=("退回 1 份：未盖章",)))
    open_view = dataclasses.replace(view, batch=dataclasses.replace(
        view.batch, status=BatchStatus.OPEN, sha256="", items=short))
    text = text_of(report_pdf(open_view, POINT, CITY, ROUND, ITEMS, OPTIONS))
    assert "花名册0份（尚缺1份；退回1份：未盖章）" in text
    assert "批次状态组批中" in text and "SHA-256" not in text


# ------------------------------------------------------------ 补正告知单
def test_notice_states_the_correction_deadline() -> None:
    mixed = summary([packet(1), packet(2, registration=1)])
    due = dataclasses.replace(mixed, visit=dataclasses.replace(
        mixed.visit, correction_due=dt.date(2025, 5, 20)))
    text = text_of(notice_pdf(due, POINT, ROUND, ITEMS, OPTIONS))
    assert "请于2025年5月20日前（含当日）补齐上述材料" in text
    # the paper deadline is named for reference; with no deadline of its own, it binds
    text = text_of(notice_pdf(mixed, POINT, ROUND, ITEMS, OPTIONS))
    assert "请于2025年5月30日前（含当日）补齐上述材料。该日为本轮纸质材料报送截止日期" in text


# ------------------------------------------------------------------ 返还清单
def return_list(count: int = 3, **kwargs: object) -> ReturnList:
    lines = []
    for n in range(1, count + 1):
        decision = None if n % 5 == 0 else Decision(
            DecisionResult.FAILED if n % 4 == 0 else DecisionResult.PASSED,
            dt.date(2025, 6, 10), f"杭职改〔2025〕{n}号" if n % 3 else "")
        lines.append(ReturnLine(f"SC-2025H1-P{n:06d}", f"测试{n}", id_number(n), decision,
                                {"evaluation": 1, "registration": 1 + n % 2},
                                PacketStage.BACK))
    return ReturnList("杭州汽轮机股份有限公司", "2025H1", "SC", tuple(lines), **kwargs)


def test_return_list_masks_ids_and_has_signature_lines() -> None:
    made = return_list(5)
    result = return_list_pdf(made, POINT, ROUND, ITEMS, OPTIONS)
    assert result.pages == 1 and result.warnings == ()
    text = text_of(result)
    for expected in ("返还清单", "领取单位：杭州汽轮机股份有限公司",
                     "交付单位：上城区发展改革和经济信息化局", "申报批次：2025上半年度",
                     "序号姓名证件号码评审结果及文号评审表份数登记表份数领取核对",
                     "通过杭职改〔2025〕1号", "不通过杭职改〔2025〕4号", "未录入评审结果",
                     "评审结果：通过3人，不通过1人，未录入结果1人", "共5人，材料13份",
                     "合计5人58", "交付人（签字）", "领取人（单位经办人）（签字）",
                     "第1页共1页", f"清单编号：{list_number(made)}", "返还清单FH-SC-2025H1-"):
        assert expected in text, expected
    assert re.fullmatch(r"FH-SC-2025H1-[A-Z2-7]{5}", list_number(made))
    # the number names this set of packets: a reprint keeps it, another set differs
    recorded = dataclasses.replace(made, returned_by="小王", received_by="张老师")
    assert list_number(recorded) == list_number(made) != list_number(return_list(4))
    for line in made.lines:
        assert mask_id(line.id_number) in text and line.id_number not in text
    assert "返还记录" not in text
    full = text_of(return_list_pdf(made, POINT, ROUND, ITEMS, FULL))
    assert all(line.id_number in full for line in made.lines)


def test_return_list_recorded_and_long() -> None:
    made = return_list(80, returned_by="小王", received_by="张老师",
                       returned_at=dt.datetime(2025, 6, 20, 14, 30))
    result = return_list_pdf(made, POINT, ROUND, ITEMS, OPTIONS)
    pages = pages_text(result.data)
    assert result.pages == len(pages) >= 3
    head = "序号姓名证件号码评审结果及文号"
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in page
        assert page.count(head) == 1
    assert all("返还清单（续）" in page for page in pages[1:])
    assert "返还记录：已于2025年6月20日14:30由小王交付，张老师领取。" in pages[0]
    text = "".join(pages)
    assert all(text.count(mask_id(line.id_number)) == 1 for line in made.lines)
    assert "合计80人" in pages[-1] and "交付人（签字）" in pages[-1]
    with pytest.raises(ValueError, match="没有待返还"):
        return_list_pdf(return_list(0), POINT, ROUND, ITEMS, OPTIONS)


# ------------------------------------------------------------------ 接收回执
def city_packet(n: int, unit: str = "杭州汽轮机股份有限公司") -> CityPacket:
    return CityPacket(f"SC-2025H1-P{n:06d}", f"测试{n}", id_number(n), unit,
                      "项目管理专业人士资格认证（PMP）", {"evaluation": 2, "registration": 2},
                      dt.datetime(2025, 5, 21, 10, n % 60), "市职改办李老师")


def city_report(received: int, missing: int, unexpected: tuple[str, ...] = (),
                checked: bool = True) -> CityBatchReport:
    info = CityBatchInfo("SC-2025H1-B007", "SC", "上城区发展改革和经济信息化局", "2025H1", SHA,
                         dt.datetime(2025, 5, 19, 16, 5), dt.datetime(2025, 5, 21, 9, 0),
                         received + missing, received, len(unexpected), checked,
                         round_name="2025 上半年度", file_sha256=FILE_SHA)
    return CityBatchReport(info, tuple(city_packet(n) for n in range(1, received + 1)),
                           tuple(city_packet(n, "杭州制氧机集团股份有限公司")
                                 for n in range(received + 1, received + missing + 1)),
                           unexpected, {"report": 1, "roster": 1})


def test_city_receipt_lists_every_discrepancy() -> None:
    report = city_report(3, 2, ("XH-2025H1-P000077",))
    result = city_receipt_pdf(report, CITY, OPTIONS)
    text = text_of(result)
    for expected in ("接收回执", "批次号SC-2025H1-B007", "移交单位上城区发展改革和经济信息化局",
                     "申报批次2025上半年度", "文件SHA-256" + FILE_SHA,
                     "已核对：纸质移交清单的二维码与移交文件一致",
                     "送评报告单1份、花名册1份",
                     "应收（移交清单）实收缺少清单外5袋3袋2袋1袋",
                     "共有3处差异（缺少2袋，清单外1袋）",
                     "1缺少SC-2025H1-P000004测试4", "2缺少SC-2025H1-P000005测试5",
                     "3清单外XH-2025H1-P000077", "签收人（签字）", "移交人（签字）",
                     "接收单位：杭州市经信局职改办", "实收材料袋3个"):
        assert expected in text, expected
    assert "2025H1" not in text.replace("SC-2025H1-", "").replace("XH-2025H1-", "")
    for p in report.missing:
        assert mask_id(p.id_number) in text and p.id_number not in text
    assert "杭州制氧机集团股份有限公司" in text
    assert NO_DISCREPANCY not in text and "草稿" not in text
    for n, p in enumerate(report.received, start=1):  # what arrived, listed too
        assert f"{n}{p.code}{p.name}{mask_id(p.id_number)}" in text
    full = text_of(city_receipt_pdf(report, CITY, FULL))
    assert all(p.id_number in full for p in report.missing)


def test_city_receipt_before_the_list_was_scanned_is_a_draft() -> None:
    result = city_receipt_pdf(city_report(3, 2, checked=False), CITY, OPTIONS)
    pages = pages_text(result.data)
    assert "接收回执（草稿）" in pages[0] and "未核对：尚未扫描纸质移交清单上的二维码" in pages[0]
    for page in pages:
        assert "不能作为接收凭证" in page
        assert "签字" not in page and "盖章" not in page


def test_city_receipt_without_discrepancy_says_so() -> None:
    text = text_of(city_receipt_pdf(city_report(4, 0), CITY, OPTIONS))
    assert squash(NO_DISCREPANCY) in text
    assert "已核对：纸质移交清单的二维码与移交文件一致" in text
    assert "缺少SC-" not in text and "差异（" not in text


# ------------------------------------------------------------- rendering
@needs_pdftoppm
def test_new_documents_render(tmp_path: Path) -> None:
    documents = {
        "closed": transmittal_pdf(sealed(batch([packet(n) for n in range(1, 30)]),
                                         handed_over=True), POINT, CITY, ROUND, ITEMS, OPTIONS),
        "draft": transmittal_pdf(batch([packet(n) for n in range(1, 30)]), POINT, CITY, ROUND,
                                 ITEMS, OPTIONS),
        "return": return_list_pdf(return_list(30), POINT, ROUND, ITEMS, OPTIONS),
        "city": city_receipt_pdf(city_report(3, 4, ("XH-2025H1-P000077",)), CITY, OPTIONS),
        "city_ok": city_receipt_pdf(city_report(3, 0), CITY, OPTIONS),
    }
    for name, result in documents.items():
        folder = tmp_path / name
        folder.mkdir()
        pngs = render(result, folder)
        assert len(pngs) == result.pages, name
        for png in pngs:
            assert 0.003 < ink(png) < 0.5, (name, png.name)


# ------------------------------------------------------------ statistics
STATS = Statistics(
    "2025H1",
    by_status=(("齐全", 12), ("部分", 5), ("未收", 3)),
    by_stage=(("在窗口", 8), ("已移交", 12)),
    by_unit=(("杭州汽轮机股份有限公司", 11, 8, 6), ("杭州制氧机集团股份有限公司", 9, 4, 6)),
    by_qualification=(("项目管理专业人士资格认证（PMP）", 14), ("注册会计师（ACCA）", 6)),
    by_day=((dt.date(2025, 5, 16), 20, 4), (dt.date(2025, 5, 19), 18, 8)),
    by_decision=(("通过", 10), ("不通过", 2)),
)


def test_statistics_xlsx_one_sheet_per_table(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "统计.xlsx"
    assert export_statistics(STATS, target) == target
    book = load_workbook(target)
    assert book.sheetnames == ["按状态", "按环节", "按单位", "按职业资格", "按日期", "按评审结果"]
    units = book["按单位"]
    assert units.freeze_panes == "A2"
    assert [c.value for c in units[1]] == ["单位", "材料袋", "齐全", "已移交"]
    assert [c.value for c in units[2]] == ["杭州汽轮机股份有限公司", 11, 8, 6]
    assert [c.value for c in units[4]] == ["合计", 20, 12, 12]
    assert units.column_dimensions["A"].width >= 30
    days = book["按日期"]
    assert days["A2"].value.date() == dt.date(2025, 5, 16) and days["A2"].number_format == \
        "yyyy-mm-dd"
    assert [c.value for c in days[4]] == ["合计", 38, 12]
    assert [c.value for c in book["按状态"][4]] == ["未收", 3]
    assert [c.value for c in book["按状态"][5]] == ["合计", 20]


def test_statistics_csv_tables_one_after_another(tmp_path: Path) -> None:
    target = tmp_path / "统计.csv"
    export_statistics(STATS, target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["职称材料统计（申报批次 2025H1）"]
    titles = [r[0] for r in rows if len(r) == 1 and r[0].startswith("按")]
    assert titles == ["按状态", "按环节", "按单位", "按职业资格", "按日期", "按评审结果"]
    at = rows.index(["按单位"])
    assert rows[at + 1] == ["单位", "材料袋", "齐全", "已移交"]
    assert rows[at + 2] == ["杭州汽轮机股份有限公司", "11", "8", "6"]
    assert rows[at + 4] == ["合计", "20", "12", "12"]
    assert ["2025-05-19", "18", "8"] in rows


def test_statistics_export_refuses_without_writing(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\.xlsx 或 \.csv"):
        export_statistics(STATS, tmp_path / "统计.pdf")
    with pytest.raises(ExportError, match="不存在"):
        export_statistics(STATS, tmp_path / "nowhere" / "统计.csv")

    broken = dataclasses.replace(STATS, by_day=((object(), 1, 1),))
    for name in ("统计.xlsx", "统计.csv"):
        (tmp_path / name).write_bytes(b"old")
        with pytest.raises(TypeError):
            export_statistics(broken, tmp_path / name)  # type: ignore[arg-type]
        assert (tmp_path / name).read_bytes() == b"old"  # whole or not at all
    assert sorted(p.name for p in tmp_path.iterdir()) == ["统计.csv", "统计.xlsx"]
