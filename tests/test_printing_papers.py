"""Counter papers that hold up (#13): drafts, the legal content of the 补正告知单, the
receipt's stamp box and layout, the visit's clerk and date on every reprint."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from tests.test_printing_render import ink, needs_pdftoppm, render
from tests.test_printing_support import (
    CITY,
    ITEMS,
    POINT,
    ROUND,
    TODAY,
    all_text,
    batch,
    packet,
    pages_text,
    summary,
    text_chunks,
)
from zcdesk.domain.checklist import RejectReason
from zcdesk.domain.flow import BatchItemCount, BatchStatus
from zcdesk.domain.records import VisitSummary
from zcdesk.domain.workdays import WorkCalendar
from zcdesk.printing import PrintOptions, covers_pdf, notice_pdf, receipt_pdf, report_pdf
from zcdesk.printing.content import contact_person, needs_notice
from zcdesk.printing.notice import effective_due
from zcdesk.store import Store
from zcdesk.store.calendar_ops import capped_correction_due

OPTIONS = PrintOptions(today=TODAY)
LATER = PrintOptions(today=dt.date(2025, 6, 20), clerk="root")  # a reprint, by someone else
POINT_C = dataclasses.replace(POINT, note="联系人：崔银珊。工作日 9:00—17:00")


def short(visit_no: int = 42, **visit: object) -> VisitSummary:
    """测试1 short of a 登记表; 测试2 had one handed back and replaced (nothing to bring)."""
    s = summary([packet(1, registration=1),
                 packet(2, rejected=(("registration", 1, RejectReason.NO_STAMP, ""),))])
    return dataclasses.replace(s, visit=dataclasses.replace(s.visit, **visit))


def opened(s: VisitSummary) -> VisitSummary:
    return dataclasses.replace(s, visit=dataclasses.replace(s.visit, closed_at=None,
                                                            correction_due=None))


# ------------------------------------------------------------- 补正告知单
def test_notice_cites_the_law_counts_right_and_names_the_contact() -> None:
    text = all_text(notice_pdf(short(correction_due=dt.date(2025, 5, 23)), POINT_C, ROUND,
                               ITEMS, OPTIONS).data)
    assert "《中华人民共和国行政许可法》第三十二条第一款第（四）项" in text
    # the replaced copy is listed but not counted
    assert "共有1名申报人的1项材料需要补正" in text
    assert "退回份已补足，无需补交" in text
    assert "请于2025年5月23日前（含当日）补齐上述材料" in text
    assert "逾期未补正的，视为未提交该项材料" in text
    assert "联系人：崔银珊" in text and "电话：89500538" in text
    assert "地址：上城区望潮路77号东楼1706室" in text
    assert contact_person(POINT_C) == "崔银珊" and contact_person(POINT) == ""


def test_notice_has_two_copies_each_to_sign_and_stamp() -> None:
    result = notice_pdf(short(correction_due=dt.date(2025, 5, 23)), POINT, ROUND, ITEMS,
                        OPTIONS)
    pages = pages_text(result.data)
    assert result.pages == 2
    assert "第一联申请人联" in pages[0] and "第二联存档联" in pages[1]
    for page in pages:
        assert "递交人签收" in page and "受理点（盖章）" in page and "草稿" not in page
    # both on one sheet when asked and they fit
    two_up = notice_pdf(short(correction_due=dt.date(2025, 5, 23)), POINT, ROUND, ITEMS,
                        dataclasses.replace(OPTIONS, notice_two_up=True))
    assert two_up.pages == 1
    text = all_text(two_up.data)
    assert "第一联申请人联" in text and "第二联存档联" in text and "沿此线剪开" in text
    assert text.count("受理点（盖章）") == 2


def test_notice_deadline_never_after_the_paper_deadline() -> None:
    # 2025-05-27 + 5 working days is 6 月 4 日: the notice says 5 月 30 日
    late = short(opened_at=dt.datetime(2025, 5, 27, 9, 0),
                 closed_at=dt.datetime(2025, 5, 27, 9, 20), correction_due=dt.date(2025, 6, 4))
    assert effective_due(late.visit, ROUND) == dt.date(2025, 5, 30)
    text = all_text(notice_pdf(late, POINT, ROUND, ITEMS, OPTIONS).data)
    assert "请于2025年5月30日前（含当日）补齐上述材料。该日为本轮纸质材料报送截止日期" in text
    assert "6月4日" not in text
    # after the paper deadline: said plainly, no date promised
    after = short(opened_at=dt.datetime(2025, 6, 3, 9, 0),
                  closed_at=dt.datetime(2025, 6, 3, 9, 20), correction_due=dt.date(2025, 6, 10))
    text = all_text(notice_pdf(after, POINT, ROUND, ITEMS, OPTIONS).data)
    assert "本轮纸质材料报送截止日期（2025年5月30日）已过" in text
    assert "请于" not in text and "6月10日" not in text


def test_correction_due_is_capped_where_it_is_computed(store: Store) -> None:
    calendar = WorkCalendar([])
    paper = dt.date(2025, 5, 30)
    assert capped_correction_due(calendar, dt.date(2025, 5, 27), 5, paper) == paper
    assert capped_correction_due(calendar, dt.date(2025, 5, 12), 5, paper) == \
        dt.date(2025, 5, 19)
    # the store: the visit's round's paper deadline (2025H1: 5-30)
    assert store.current_round().paper_deadline == paper
    assert store._correction_due(dt.datetime(2025, 5, 27, 10, 0)) == paper
    # uncapped it is 6-4 (端午 on 6-2): the date the issue found on the notice
    assert store._correction_due(dt.datetime(2025, 5, 27, 10, 0), dt.date(2025, 6, 30)) == \
        dt.date(2025, 6, 4)


def test_notice_bears_the_visit_date_and_clerk_on_a_reprint() -> None:
    s = short(correction_due=dt.date(2025, 5, 23))
    first = all_text(notice_pdf(s, POINT, ROUND, ITEMS, OPTIONS).data)
    again = all_text(notice_pdf(s, POINT, ROUND, ITEMS, LATER).data)
    for text in (first, again):
        assert "告知日期：2025年5月18日" in text and "经办人：小王" in text
        assert "root" not in text
    assert "打印日期：2025年6月20日" in again  # the print date stays in the footer


def test_nothing_missing_needs_no_notice() -> None:
    replaced = summary([packet(2, rejected=(("registration", 1, RejectReason.NO_STAMP, ""),))])
    assert not needs_notice(replaced)
    with pytest.raises(ValueError, match="无需打印"):
        notice_pdf(replaced, POINT, ROUND, ITEMS, OPTIONS)


# ---------------------------------------------------------------- drafts
def test_open_visit_prints_drafts_without_stamps() -> None:
    s = opened(short())
    notice = notice_pdf(s, POINT, ROUND, ITEMS, OPTIONS)
    receipt = receipt_pdf(s, POINT, ROUND, ITEMS, OPTIONS)
    assert notice.pages == 1  # one copy: nothing to hand over yet
    for result, title in ((notice, "一次性补正告知单（草稿）"), (receipt, "收件回执（草稿）")):
        text = all_text(result.data)
        assert title in text and "草稿：收件尚未结束" in text  # title and footer
        for absent in ("受理点（盖章）", "受理专用章", "签收", "（签字）：", "第二联"):
            assert absent not in text, (title, absent)
    assert "补正期限在收件结束时确定" in all_text(notice.data)


@needs_pdftoppm
def test_draft_watermark_is_drawn(tmp_path: Path) -> None:
    from PIL import Image

    s = short()
    (tmp_path / "f").mkdir()
    (tmp_path / "d").mkdir()
    (final,) = render(receipt_pdf(s, POINT, ROUND, ITEMS, OPTIONS), tmp_path / "f")
    (draft,) = render(receipt_pdf(opened(s), POINT, ROUND, ITEMS, OPTIONS), tmp_path / "d")

    with Image.open(draft) as image:  # the pale 草稿 across the lower middle
        pale = sum(image.convert("L").histogram()[200:240])
    with Image.open(final) as image:
        pale_final = sum(image.convert("L").histogram()[200:240])
    assert pale > pale_final + 1000
    assert ink(draft) > 0.003


BATCH_ITEMS = (BatchItemCount("report", "送评报告单（委托书）", "送评报告单", 1, 1),
               BatchItemCount("roster", "申报评审工程师资格人员花名册", "花名册", 1, 0))


def test_open_batch_report_is_a_draft_that_says_only_what_it_shows() -> None:
    view = batch([packet(1), packet(2)])
    view = dataclasses.replace(view, batch=dataclasses.replace(view.batch, items=BATCH_ITEMS))
    text = all_text(report_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS).data)
    assert "送评报告单（委托书）（草稿）" in text
    assert "花名册尚缺1份" in text and "批次尚未封批" in text
    assert "花名册0份" in text
    for absent in ("申报评审工程师资格人员花名册》", "已经我单位审核", "请予评审", "（盖章）",
                   "（签字）"):
        assert absent not in text, absent
    # closed, with the roster accepted: final, stamped, dated the day it was closed
    items = (BATCH_ITEMS[0], dataclasses.replace(BATCH_ITEMS[1], accepted=1))
    closed = dataclasses.replace(view, batch=dataclasses.replace(
        view.batch, items=items, status=BatchStatus.CLOSED, sha256="ab" * 32,
        closed_at=dt.datetime(2025, 5, 19, 16, 5)))
    text = all_text(report_pdf(closed, POINT, CITY, ROUND, ITEMS, OPTIONS).data)
    assert "草稿" not in text and "已经我单位审核" in text and "（盖章）" in text
    assert "另附《申报评审工程师资格人员花名册》1份" in text
    assert "2025年5月19日" in text


# ------------------------------------------------------------------ 收件回执
def test_receipt_has_the_stamp_box_the_visit_date_and_clerk() -> None:
    s = short()
    for options in (OPTIONS, LATER):
        text = all_text(receipt_pdf(s, POINT, ROUND, ITEMS, options).data)
        assert "受理专用章" in text
        assert "上城区发展改革和经济信息化局2025年5月18日" in text  # under the stamp
        assert "经办人小王" in text and "root" not in text


@needs_pdftoppm
@pytest.mark.parametrize("count", [1, 6, 7, 30])
def test_receipt_parts_and_pages(count: int, tmp_path: Path) -> None:
    packets = [packet(n, registration=1 + n % 2,
                      rejected=(("registration", 1, RejectReason.NO_STAMP, ""),)
                      if n % 3 == 0 else ()) for n in range(1, count + 1)]
    result = receipt_pdf(summary(packets), POINT, ROUND, ITEMS, OPTIONS)
    chunks = text_chunks(result.data)
    cut = next(c for c in chunks if "剪开" in c.text)  # pypdf splits the line anywhere
    stub = next(c for c in chunks if "受理点存" in c.text)  # 第二联　受理点存根
    stamp = next(c for c in chunks if "受理专用章" in c.text)
    # the stub is on the last page, below the cut; the stamp box above it
    assert cut.page == stub.page == result.pages and stub.y < cut.y
    assert stamp.page == result.pages and stamp.y > cut.y
    if count <= 6:
        assert result.pages == 1
    if count == 30:
        assert result.pages >= 2 and "收件回执（续）" in pages_text(result.data)[1]
    pngs = render(result, tmp_path)
    assert len(pngs) == result.pages
    for png in pngs:
        assert 0.003 < ink(png) < 0.5


# ------------------------------------------------------------------- covers
def test_cover_clerk_is_the_first_visits_operator() -> None:
    p = packet(1, registration=1)
    batched = dataclasses.replace(packet(2), batch_no="SC-2025H1-B007")
    result = covers_pdf([p, batched], POINT, ROUND, ITEMS, LATER,
                        clerks={p.receipt_no: "演示管理员"})
    first, second = pages_text(result.data)
    assert "经办人：演示管理员" in first and "root" not in first + second
    assert "材料状态（打印日）：部分（缺登记表1份）" in first
    assert "所在批次：SC-2025H1-B007" in second and "材料状态" not in second.split("说明")[0]
