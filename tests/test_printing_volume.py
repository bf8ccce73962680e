"""Long lists and long text, with records built by hand (no database needed)."""

from __future__ import annotations

import re

import pytest

from tests.test_printing_support import (
    CITY,
    ITEMS,
    POINT,
    ROUND,
    TODAY,
    batch,
    packet,
    pages_text,
    squash,
    summary,
    text_chunks,
)
from zcdesk.domain.idnumber import mask_id
from zcdesk.domain.records import PacketView
from zcdesk.importing.transmittal_file import list_order
from zcdesk.printing import PrintOptions, covers_pdf, receipt_pdf, transmittal_pdf
from zcdesk.printing.covers import LEFT, RIGHT
from zcdesk.printing.document import MARGIN_X, PAGE_W
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.transmittal import column_widths

OPTIONS = PrintOptions(today=TODAY)
LONG_NAME = "阿卜杜热合曼·买买提明·艾力克斯·欧阳诸葛慕容司马长名字测试"
LONG_UNIT = ("杭州市上城区某某超长名称智能装备制造与工业互联网技术研究院有限责任公司"
             "钱江新城分公司第二研发中心（筹）暨浙江省重点企业研究院联合实验室")
HEADER = "序号姓名证件号码工作单位职业资格评审表份数登记表份数备注"


def test_transmittal_three_pages_header_and_numbers_on_each() -> None:
    packets = [packet(n) for n in range(1, 61)]
    result = transmittal_pdf(batch(packets), POINT, CITY, ROUND, ITEMS, OPTIONS)
    assert result.pages == 3
    pages = pages_text(result.data)
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共3页" in page
        assert page.count(HEADER) == 1  # the header row, repeated on every page
        assert "批次号SC-2025H1-B007" in page
    assert "移交清单（续）" in pages[1] and "移交清单（续）" in pages[2]
    # every packet exactly once, in pinyin order, with its masked number
    text = "".join(pages)
    positions = [text.index(mask_id(p.applicant.id_number)) for p in list_order(packets)]
    assert positions == sorted(positions)
    assert all(text.count(mask_id(p.applicant.id_number)) == 1 for p in packets)
    assert not any(p.applicant.id_number in text for p in packets)
    # totals only at the end; an open batch's draft has no signature block
    assert "合计60人120120" in pages[2] and "以下空白" in pages[2]
    assert "合计" not in pages[0] + pages[1]
    assert "签字" not in text and "盖章" not in text


def test_transmittal_totals_and_notes_for_a_short_packet() -> None:
    packets = [packet(1), packet(2, registration=1), packet(3, evaluation=0)]
    text = "".join(pages_text(transmittal_pdf(batch(packets), POINT, CITY, ROUND, ITEMS,
                                              OPTIONS).data))
    assert "合计3人45" in text
    assert "缺登记表1份" in text and "缺评审表2份" in text
    assert "共3人，材料9份" in text


def _column(index: int, packets: list[PacketView]) -> tuple[float, float]:
    widths = column_widths(TextKit(), list_order(packets), ITEMS, False)
    left = MARGIN_X + sum(widths[:index])
    return left, left + widths[index]


def test_long_names_and_units_wrap_inside_their_cells() -> None:
    packets = [packet(1, name=LONG_NAME, unit=LONG_UNIT), packet(2, unit="ACME Ltd.")]
    result = transmittal_pdf(batch(packets), POINT, CITY, ROUND, ITEMS, OPTIONS)
    kit = TextKit()
    chunks = text_chunks(result.data)
    for column, whole in ((1, LONG_NAME), (3, LONG_UNIT)):
        left, right = _column(column, packets)
        parts = [c for c in chunks if len(c.text) > 1 and c.text in whole]
        assert len(parts) >= 3, parts  # wrapped over several lines
        assert "".join(c.text for c in parts) == whole
        for c in parts:
            assert left < c.x and c.x + kit.text_width(c.text, c.size) <= right, c
    for c in chunks:  # nothing anywhere runs past the margins
        assert c.x >= MARGIN_X - 0.5 and c.x + kit.text_width(c.text, c.size) <= \
            PAGE_W - MARGIN_X + 0.5, c


def test_cover_with_long_text_stays_on_the_page() -> None:
    long_qualification = "防爆电气产品认证体系人员能力认证（IECEx CoPC）" * 3
    packets = [packet(1, name=LONG_NAME, unit=LONG_UNIT * 2, qualification=long_qualification)]
    result = covers_pdf(packets, POINT, ROUND, ITEMS, OPTIONS)
    kit = TextKit()
    chunks = text_chunks(result.data)
    assert squash(LONG_UNIT * 2) in squash("".join(c.text for c in chunks))
    for c in chunks:
        assert c.x >= LEFT - 0.5 and c.x + kit.text_width(c.text, c.size) <= RIGHT + 0.5, c


def test_many_covers_in_one_pdf() -> None:
    packets = [packet(n, point_code=code)
               for n, code in zip(range(1, 13), ["SC", "CITYXY"] * 6, strict=True)]
    result = covers_pdf(packets, POINT, ROUND, ITEMS, OPTIONS)
    assert result.pages == 12
    pages = pages_text(result.data)
    for page, p in zip(pages, packets, strict=True):
        assert p.code in page and p.applicant.name in page


def test_receipt_for_many_packets_runs_over_pages() -> None:
    packets = [packet(n, registration=n % 3, rejected=()) for n in range(1, 41)]
    visit = summary(packets)
    result = receipt_pdf(visit, POINT, ROUND, ITEMS, OPTIONS)
    assert result.pages >= 2  # the list continues; the stub (names in a paragraph) last
    pages = pages_text(result.data)
    for number, page in enumerate(pages, start=1):
        assert "SC-2025H1-00042" in page
        assert f"第{number}页共{result.pages}页" in page
        if number > 1:
            assert "收件回执（续）" in page
    text = "".join(pages)
    assert text.count("第二联") == 1 and text.count("第一联") == 1
    for p in packets:  # once in each part
        assert text.count(mask_id(p.applicant.id_number)) == 2


@pytest.mark.parametrize("count", [1, 5, 8])
def test_receipt_stub_below_the_cut_line(count: int) -> None:
    result = receipt_pdf(summary([packet(n) for n in range(1, count + 1)]), POINT, ROUND,
                         ITEMS, OPTIONS)
    chunks = text_chunks(result.data)
    cut = next(c for c in chunks if c.text.startswith("沿此线剪开"))
    stub = next(c for c in chunks if "受理点存" in c.text)  # 第二联　受理点存根
    assert stub.page == cut.page and stub.y < cut.y
    if count <= 5:  # both parts on one page, the cut at the middle
        assert result.pages == 1
        assert abs(cut.y - 421) < 60
    assert re.search(r"第\d页共\d页", "".join(pages_text(result.data)))
