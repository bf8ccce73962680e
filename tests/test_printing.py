"""The five documents from real data made through the Store, read back with pypdf."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ID_LI, ID_WANG, ID_ZHANG
from tests.test_printing_support import SUBSET_NAME, all_text, fonts, pages_text, squash
from zcdesk.domain.checklist import RejectReason
from zcdesk.domain.records import BatchView, PointInfo, VisitSummary
from zcdesk.printing import (
    PdfResult,
    PrintCancelled,
    PrintOptions,
    covers_pdf,
    needs_notice,
    notice_pdf,
    receipt_pdf,
    report_pdf,
    transmittal_pdf,
)
from zcdesk.printing.content import visit_problems
from zcdesk.store import Store

OPTIONS = PrintOptions(today=__import__("datetime").date(2025, 5, 18))
MASKED = {ID_ZHANG: "330102********1234", ID_LI: "330106********018X",
          ID_WANG: "330105********0040"}


@pytest.fixture
def mixed(store: Store, people: dict[str, int]) -> VisitSummary:
    """张三 complete; 李四 one 登记表 short and one handed back; 王五 a copy refused."""
    visit = store.open_visit("赵老师", "0571-12345678", "杭州制氧机集团股份有限公司")
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    store.accept(people["张三"], "registration", 2, visit_id=visit.id)
    store.accept(people["李四"], "evaluation", 2, visit_id=visit.id)
    store.accept(people["李四"], "registration", 1, visit_id=visit.id)
    store.reject(people["李四"], "registration", 1, RejectReason.NO_STAMP, visit_id=visit.id)
    store.reject(people["王五"], "evaluation", 1, RejectReason.OTHER, "复印件，非平台打印",
                 visit_id=visit.id)
    return store.close_visit(visit.id)


@pytest.fixture
def complete_batch(store: Store, people: dict[str, int]) -> BatchView:
    visit = store.open_visit("钱老师", "", "杭州制氧机集团股份有限公司")
    for pid in people.values():
        store.accept(pid, "evaluation", 2, visit_id=visit.id)
        store.accept(pid, "registration", 2, visit_id=visit.id)
    store.close_visit(visit.id)
    made = store.new_batch()
    return store.batch(made.batch.batch_no)


def city(store: Store) -> PointInfo:
    return next(p for p in store.points() if p.kind == "city")


def assert_fonts_embedded(result: PdfResult) -> None:
    used = fonts(result.data)
    assert used, "no font at all"
    for font in used:
        assert font["embedded"] == "/FontFile2", font
        assert SUBSET_NAME.match(font["name"]), font
    assert not any("Helvetica" in f["name"] for f in used)


# ------------------------------------------------------------------- receipt
def test_receipt_shows_the_visit_with_masked_ids(store: Store, mixed: VisitSummary) -> None:
    point = store.desk_point()
    assert point is not None
    result = receipt_pdf(mixed, point, store.current_round(), store.checklist(), OPTIONS)
    assert result.pages == 1
    assert result.warnings == () and result.missing_glyphs == ()
    text = all_text(result.data)
    receipt_no = mixed.visit.receipt_no
    assert text.count(receipt_no) >= 4  # both parts, under both barcodes, and the footer
    for expected in ("收件回执", "第一联", "递交人留存", "第二联", "受理点存根",
                     squash(point.name), squash(point.address), point.phone,
                     "赵老师", "0571-12345678", "杭州制氧机集团股份有限公司", "小王",
                     "张三", "李四", "王五", *MASKED.values(),
                     "登记表1份（未盖章）", "评审表1份（复印件，非平台打印）",
                     "递交人（签字）", "经办人（签字）", "沿此线剪开"):
        assert expected in text, expected
    for full in MASKED:
        assert full not in text
    assert_fonts_embedded(result)


def test_receipt_full_ids_and_the_visits_clerk(store: Store, mixed: VisitSummary) -> None:
    point = store.desk_point()
    assert point is not None
    options = PrintOptions(full_ids=True, clerk="李雷", today=OPTIONS.today)
    text = all_text(receipt_pdf(mixed, point, store.current_round(), store.checklist(),
                                options).data)
    for full, masked in MASKED.items():
        assert full in text and masked not in text
    # 经办人 is who recorded the visit, whoever prints (#13)
    assert "经办人小王" in text and "李雷" not in text


# -------------------------------------------------------------------- notice
def test_notice_lists_exactly_what_is_missing_or_refused(store: Store,
                                                         mixed: VisitSummary) -> None:
    items = store.checklist()
    found = [(p.packet.applicant.name, p.state.item.code, p.missing,
              [(r.reason, r.copies) for r in p.rejections]) for p in visit_problems(mixed, items)]
    assert found == [
        ("李四", "registration", 1, [(RejectReason.NO_STAMP, 1)]),
        ("王五", "evaluation", 2, [(RejectReason.OTHER, 1)]),
        ("王五", "registration", 2, []),
    ]
    point = store.desk_point()
    assert point is not None
    result = notice_pdf(mixed, point, store.current_round(), items, OPTIONS)
    text = all_text(result.data)
    assert "一次性补正告知单" in text
    assert "共有2名申报人的3项材料需要补正" in text
    assert "《中华人民共和国行政许可法》第三十二条" in text
    assert "以上为需补正的全部材料，请一次性补齐" in text
    due = mixed.visit.correction_due  # the visit's own deadline, when the store sets it
    deadline = f"{due.year}年{due.month}月{due.day}日" if due else "2025年5月30日"
    assert f"请于{deadline}前" in text
    assert squash(point.address) in text and point.phone in text
    assert mixed.visit.receipt_no in text
    assert "递交人签收" in text and "经办人：小王" in text and "受理点（盖章）" in text
    assert "1份：未盖章" in text and "1份：复印件，非平台打印" in text
    # the complete applicant is not on the notice at all
    assert "张三" not in text and MASKED[ID_ZHANG] not in text
    # two copies (申请人联, 存档联), each listing everything once
    assert text.count("李四") == 2 and text.count("王五") == 4
    assert text.count("专业技术职务任职资格评审表") == 2
    assert text.count("杭州市国际职业资格比照认定职称资格登记表") == 4
    assert ID_LI not in text and ID_WANG not in text
    assert_fonts_embedded(result)


def test_notice_refuses_a_visit_with_nothing_to_tell(store: Store,
                                                    people: dict[str, int]) -> None:
    visit = store.open_visit("孙老师", "", "杭州汽轮机股份有限公司")
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    store.accept(people["张三"], "registration", 2, visit_id=visit.id)
    done = store.close_visit(visit.id)
    assert not needs_notice(done)
    point = store.desk_point()
    assert point is not None
    with pytest.raises(ValueError, match="无需打印"):
        notice_pdf(done, point, store.current_round(), store.checklist(), OPTIONS)


def test_needs_notice(store: Store, mixed: VisitSummary, people: dict[str, int]) -> None:
    assert needs_notice(mixed)
    # a copy handed back from a packet complete now: nothing to correct (#13)
    visit = store.open_visit("周老师")
    store.reject(people["张三"], "evaluation", 1, RejectReason.NO_WATERMARK, visit_id=visit.id)
    assert not needs_notice(store.close_visit(visit.id))


# -------------------------------------------------------------------- covers
def test_covers_one_page_per_packet(store: Store, mixed: VisitSummary) -> None:
    packets = store.cover_packets(unit="杭州制氧机集团股份有限公司")
    point = store.desk_point()
    assert point is not None
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    result = covers_pdf(packets, point, store.current_round(), store.checklist(), OPTIONS,
                        progress)
    assert result.pages == len(packets) == 2
    assert calls == [(1, 2), (2, 2)]
    pages = pages_text(result.data)
    for page, packet in zip(pages, packets, strict=True):
        a = packet.applicant
        assert a.name in page and MASKED[a.id_number] in page and a.id_number not in page
        assert packet.code in page and packet.code.startswith("SC-2025H1-P")
        assert packet.receipt_no and packet.receipt_no in page
        assert "工程师/制造业" in page and squash(point.name) in page
        assert "2025上半年度" in page and "档案袋封面" in page
        assert "专业技术职务任职资格评审表" in page
    # the state as of the print date (#13)
    assert "材料状态（打印日）：部分（缺登记表1份）" in pages[0]  # 李四
    assert "材料状态（打印日）：未收（缺评审表2份、登记表2份）" in pages[1]  # 王五
    assert_fonts_embedded(result)


def test_covers_cancel_and_empty(store: Store, people: dict[str, int]) -> None:
    packets = store.cover_packets()
    point = store.desk_point()
    assert point is not None
    with pytest.raises(PrintCancelled):
        covers_pdf(packets, point, store.current_round(), store.checklist(), OPTIONS,
                   lambda done, total: done < 2)
    with pytest.raises(ValueError):
        covers_pdf([], point, store.current_round(), store.checklist(), OPTIONS)


# ------------------------------------------------------ transmittal and report
def test_transmittal_of_a_batch(store: Store, complete_batch: BatchView) -> None:
    point = store.desk_point()
    assert point is not None
    result = transmittal_pdf(complete_batch, point, city(store), store.current_round(),
                             store.checklist(), OPTIONS)
    assert result.pages == 1
    text = all_text(result.data)
    number = complete_batch.batch.batch_no
    # the batch is open: a draft, dated by nothing, with nothing to sign or stamp
    for expected in ("移交清单（草稿）", f"批次号：{number}", "日期：（未封批）",
                     f"移交单位：{squash(point.name)}", "接收单位：杭州市经信局职改办",
                     "序号姓名证件号码工作单位职业资格评审表份数登记表份数备注",
                     "第1页共1页", "共3人，材料12份", "以下空白",
                     "合计3人66", *MASKED.values()):
        assert expected in text, expected
    assert "签字" not in text and "盖章" not in text
    for full in MASKED:
        assert full not in text
    full = all_text(transmittal_pdf(complete_batch, point, city(store), store.current_round(),
                                    store.checklist(),
                                    PrintOptions(full_ids=True, today=OPTIONS.today)).data)
    assert all(n in full for n in MASKED)
    assert_fonts_embedded(result)


def test_report_of_a_batch(store: Store, complete_batch: BatchView) -> None:
    point = store.desk_point()
    assert point is not None
    receiver = city(store)
    result = report_pdf(complete_batch, point, receiver, store.current_round(),
                        store.checklist(), OPTIONS)
    assert result.pages == 1
    text = all_text(result.data)
    number = complete_batch.batch.batch_no
    assert complete_batch.batch.packet_count == 3 and complete_batch.forms == 12
    # the batch is still open: a draft, what blocks it, nothing to stamp (#13)
    for expected in ("送评报告单（委托书）（草稿）", "杭州市经信局职改办：",
                     "现将我单位受理的2025上半年度杭州市国际职业资格比照认定职称（工程师，制造业）",
                     "共3人，材料12份", f"移交清单（编号{number}）", "批次尚未封批",
                     f"移交清单编号{number}", squash(point.name), point.phone,
                     receiver.phone, squash(receiver.address)):
        assert expected in text, expected
    for absent in ("请予评审", "已经我单位审核", "（盖章）", "经办人（签字）"):
        assert absent not in text, absent
    assert_fonts_embedded(result)


# -------------------------------------------------------------------- layers
def test_printing_imports_neither_qt_nor_the_store() -> None:
    code = ("import sys, zcdesk.printing\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')"
            " or m.startswith('zcdesk.store') or m.startswith('zcdesk.ui')]\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""
