"""The 移交清单 and the other lists as a city clerk reads them (#13).

Layout is checked on the text's positions (pypdf) and on pages rendered with
pdftoppm: the end of a long list, batch items in the totals, the file's hash as
sha256sum gives it, rare names drawn (never 〓), names whole, pinyin order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest

from tests.conftest import ID_ZHANG
from tests.test_printing_render import ink, needs_pdftoppm, render
from tests.test_printing_support import (
    CITY,
    ITEMS,
    POINT,
    ROUND,
    TODAY,
    all_text,
    batch,
    fonts,
    packet,
    pages_text,
    squash,
    text_chunks,
)
from tests.test_store_city import Clock
from zcdesk.domain.collation import name_key, pinyin_key
from zcdesk.domain.flow import BatchItemCount, BatchStatus, CheckinKind
from zcdesk.domain.idnumber import mask_id
from zcdesk.domain.records import ApplicantForm, BatchView
from zcdesk.importing import transmittal_file as tf
from zcdesk.printing import MissingGlyphs, PrintOptions, transmittal_pdf
from zcdesk.printing.document import FRAME_W, MARGIN_X, PAGE_H, group_hex
from zcdesk.printing.fonts import SUBSTITUTE, TextKit
from zcdesk.printing.textlayout import break_lines, line_text
from zcdesk.printing.transmittal import BLANK_BELOW, column_widths, page_count_line
from zcdesk.store import Store

OPTIONS = PrintOptions(today=TODAY)
SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
FILE_SHA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
ITEMS_OF_BATCH = (BatchItemCount("report", "送评报告单（委托书）", "送评报告单", 1, 1),
                  BatchItemCount("roster", "申报评审工程师资格人员花名册", "花名册", 1, 1))
RARE_NAMES = ("李䶮", "王㛃", "张𠈌", "吉𠮷祥", "陈𪚥", "赵𬌗")
LONG_UNIT = "杭州市上城区智能装备制造与工业互联网技术研究院有限公司"  # 27 characters


def sealed(view: BatchView, *, items: tuple[BatchItemCount, ...] = ITEMS_OF_BATCH,
           handed_over: dt.datetime | None = None) -> BatchView:
    from zcdesk.domain.records import HandOver

    info = dataclasses.replace(
        view.batch, status=BatchStatus.HANDED_OVER if handed_over else BatchStatus.CLOSED,
        sha256=SHA, file_sha256=FILE_SHA, closed_at=dt.datetime(2025, 5, 19, 16, 5),
        closed_by="演示管理员", items=items,
        handover=HandOver("小王", "市职改办李老师", handed_over) if handed_over else None)
    return dataclasses.replace(view, batch=info)


# ------------------------------------------------------------- the list's end
@needs_pdftoppm
def test_a_seven_page_list_ends_with_rows_blank_below_and_signatures(tmp_path: Path) -> None:
    view = sealed(batch([packet(n) for n in range(1, 151)]))
    result = transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS)
    assert result.pages == 7
    pages = pages_text(result.data)
    assert squash(page_count_line(7)) in pages[-1]
    assert all(squash(page_count_line(7)) not in page for page in pages[:-1])
    chunks = [c for c in text_chunks(result.data) if c.page == 7]

    def y_of(prefix: str) -> float:
        return next(c.y for c in chunks if c.text.startswith(prefix))

    ids = {mask_id(p.applicant.id_number) for p in view.packets}
    rows = [c for c in chunks if c.text in ids]
    assert len(rows) >= 3  # packet rows stand on the signature page
    blank, count, sign = y_of(BLANK_BELOW), y_of("本清单共"), y_of("移交人（签字）")
    assert min(r.y for r in rows) > blank > count > sign  # in that order, down the page
    assert y_of("合计") > blank
    # rendered: every page has ink, the last one from its rows down to the signatures
    pngs = render(result, tmp_path, dpi=50)
    assert len(pngs) == 7 and all(ink(png) > 0.003 for png in pngs)
    from PIL import Image

    with Image.open(pngs[-1]) as image:
        grey = image.convert("L")
        scale = grey.height / PAGE_H
        top = int((PAGE_H - max(r.y for r in rows) - 12) * scale)
        bottom = int((PAGE_H - sign + 12) * scale)
        band = grey.crop((0, top, grey.width, bottom)).histogram()
    assert sum(band[:128]) > 0.01 * sum(band)  # the rows and the block are drawn there


def test_three_packets_stand_by_the_signatures_besides_the_batch_items() -> None:
    view = sealed(batch([packet(n) for n in range(1, 11)]))  # 10: the tail needs page 2
    result = transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS)
    assert result.pages == 2
    ids = {mask_id(p.applicant.id_number) for p in view.packets}
    last = [c for c in text_chunks(result.data) if c.page == 2 and c.text in ids]
    assert len(last) == 3  # KEEP_ROWS packets, not counting 送评报告单 and 花名册


def test_a_short_list_keeps_everything_on_one_page() -> None:
    result = transmittal_pdf(sealed(batch([packet(1), packet(2)])), POINT, CITY, ROUND, ITEMS,
                             OPTIONS)
    assert result.pages == 1
    text = all_text(result.data)
    assert squash(page_count_line(1)) in text and "以下空白" in text


def test_batch_items_in_the_list_and_the_totals() -> None:
    text = all_text(transmittal_pdf(sealed(batch([packet(1), packet(2), packet(3)])), POINT,
                                    CITY, ROUND, ITEMS, OPTIONS).data)
    assert "批次材料：送评报告单（委托书）1份" in text
    assert "批次材料：申报评审工程师资格人员花名册1份" in text
    # 3 packets × 4 forms, and the two batch items
    assert "共3人，材料14份" in text
    assert "材料14份：评审表6份、登记表6份、送评报告单1份、花名册1份" in text


def test_the_lists_date_is_its_closing_or_hand_over_date() -> None:
    closed = all_text(transmittal_pdf(sealed(batch([packet(1)])), POINT, CITY, ROUND, ITEMS,
                                      OPTIONS).data)
    assert "日期：2025年5月19日" in closed and "打印日期：2025年5月18日" in closed
    handed = all_text(transmittal_pdf(sealed(batch([packet(1)]),
                                             handed_over=dt.datetime(2025, 5, 21, 9, 0)),
                                      POINT, CITY, ROUND, ITEMS, OPTIONS).data)
    assert "日期：2025年5月21日" in handed


def test_the_draft_has_no_boxes_and_says_what_blocks_it() -> None:
    missing = (dataclasses.replace(ITEMS_OF_BATCH[0], accepted=0), ITEMS_OF_BATCH[1])
    view = batch([packet(1), packet(2, registration=1)])
    view = dataclasses.replace(view, batch=dataclasses.replace(view.batch, items=missing))
    result = transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS)
    text = all_text(result.data)
    assert "移交清单（草稿）" in text and "以下空白" in text
    assert "尚不能封批：送评报告单尚缺1份" in text
    assert "尚不能封批：1个材料袋不齐（测试2）" in text
    assert "签字" not in text and "盖章" not in text and "骑缝" not in text
    assert "SHA-256" not in text


# ------------------------------------------------------------------- the hash
def test_the_printed_hash_is_the_files_as_sha256sum_gives_it(
        store: Store, people: dict[str, int], tmp_path: Path) -> None:
    for pid in people.values():
        store.accept(pid, "evaluation", 2)
        store.accept(pid, "registration", 2)
    no = store.new_batch().batch.batch_no
    store.batch_accept(no, "report", 1)
    store.batch_accept(no, "roster", 1)
    closed = store.close_batch(no)
    info = closed.batch
    assert len(info.file_sha256) == 64 and info.file_sha256 != info.sha256
    point = store.desk_point()
    assert point is not None
    result = transmittal_pdf(closed, point, CITY, store.current_round(), store.checklist(),
                             OPTIONS)
    target = tmp_path / tf.default_file_name(no)
    assert store.export_batch(no, target) == info.sha256
    on_disk = hashlib.sha256(target.read_bytes()).hexdigest()
    text = all_text(result.data)
    printed = re.search(r"sha256sum核对：([0-9a-f]{64})", text)
    assert printed is not None and printed.group(1) == on_disk == info.file_sha256
    assert f"移交文件校验值（SHA-256）：{on_disk}" in pages_text(result.data)[0]  # the footer
    assert f"manifest.json的SHA-256（二维码所含）：{info.sha256}" in text
    # the same bytes again, and after a roster correction (the manifest is frozen)
    store.import_roster([(2, ApplicantForm(name="张叁", id_number=ID_ZHANG,
                                           unit="杭州汽轮机股份有限公司"))])
    again = tmp_path / "again.zip"
    store.export_batch(no, again)
    assert again.read_bytes() == target.read_bytes()
    assert store.batch(no).batch.file_sha256 == on_disk


def test_the_report_prints_the_same_file_hash_as_the_list() -> None:
    from zcdesk.printing import report_pdf

    view = sealed(batch([packet(1), packet(2)]))
    text = all_text(report_pdf(view, POINT, CITY, ROUND, ITEMS, PrintOptions(today=TODAY)).data)
    assert "".join(group_hex(FILE_SHA).split()) in "".join(text.split())
    assert "".join(group_hex(SHA).split()) not in "".join(text.split())


def test_the_zip_is_the_same_bytes_whatever_the_platform(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    from tests.test_transmittal_file import manifest_dict

    manifest = manifest_dict()
    first = tf.transmittal_bytes(manifest)
    monkeypatch.setattr("sys.platform", "win32")  # zipfile would write other headers
    assert tf.transmittal_bytes(manifest) == first
    tf.write_transmittal(manifest, tmp_path / "t.zip")
    assert (tmp_path / "t.zip").read_bytes() == first
    assert tf.file_sha256(manifest) == hashlib.sha256(first).hexdigest()
    read = tf.read_transmittal(tmp_path / "t.zip", expected_sha256=tf.file_sha256(manifest))
    assert read.file_sha256 == tf.file_sha256(manifest)
    assert read.sha256 == tf.manifest_sha256(manifest)


def test_the_city_desk_takes_either_hash(store: Store, people: dict[str, int],
                                        tmp_path: Path) -> None:
    for pid in people.values():
        store.accept(pid, "evaluation", 2)
        store.accept(pid, "registration", 2)
    no = store.new_batch().batch.batch_no
    store.batch_accept(no, "report", 1)
    store.batch_accept(no, "roster", 1)
    info = store.close_batch(no).batch
    path = tmp_path / tf.default_file_name(no)
    store.export_batch(no, path)
    city = Store.open(f"sqlite:///{tmp_path / 'city.sqlite3'}", operator="崔银珊",
                      desk="职改办1", clock=Clock())
    try:
        city.set_desk_point("CITY")
        # the clerk types the file's hash, as printed, when importing
        imported = city.import_transmittal(path, expected_sha256=info.file_sha256.upper())
        assert imported.batch.file_sha256 == info.file_sha256
        assert imported.batch.round_name == store.current_round().name
        for given in (info.file_sha256, info.sha256):
            scanned = city.checkin(tf.qr_payload(no, given))
            assert scanned.kind is CheckinKind.TRANSMITTAL, scanned.message
        wrong = city.checkin(tf.qr_payload(no, "0" * 64))
        assert wrong.kind is CheckinKind.REFUSED
    finally:
        city.close()


# ------------------------------------------------------------- rare characters
def test_rare_names_print_without_a_stand_in() -> None:
    view = sealed(batch([packet(n, name=name) for n, name in enumerate(RARE_NAMES, start=1)]))
    result = transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS)
    assert result.missing_glyphs == () and result.warnings == ()
    text = all_text(result.data)
    for name in RARE_NAMES:
        assert name in text
    assert SUBSTITUTE not in text
    used = [f["name"] for f in fonts(result.data)]
    assert any("HanaMinA" in name for name in used)  # extension A, embedded
    assert any("HanaMinB" in name for name in used)  # extensions B–F
    # every rare character was drawn by a font that has it: none fell back to 〓
    kit = TextKit()
    for name in RARE_NAMES:
        runs = kit.runs(name)
        assert all(ch in kit.faces[font].coverage for font, chunk in runs for ch in chunk)


def test_extension_g_prints_and_a_character_no_font_has_is_refused() -> None:
    ext_g = "\U00030000"
    assert TextKit().runs(f"张{ext_g}")[1][0].startswith("ZcFallback")
    nowhere = "\U00031350"
    view = batch([packet(1, name=f"张{nowhere}")])
    with pytest.raises(MissingGlyphs, match=r"姓名“张.”中的“.”字（U\+31350）"):
        transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, OPTIONS)
    confirmed = transmittal_pdf(view, POINT, CITY, ROUND, ITEMS,
                                dataclasses.replace(OPTIONS, allow_missing_glyphs=True))
    assert confirmed.missing_glyphs == (nowhere,)


# ------------------------------------------------------------------- layout
@pytest.mark.parametrize("width", [30.0, 40.0, 55.0, 70.0])  # ≥ a part
def test_a_name_breaks_only_between_its_parts(width: float) -> None:
    parts = ["阿卜杜", "热合曼", "买买提"]
    lines = [line_text(line) for line in
             break_lines(TextKit(), "·".join(parts), width, 9.0, "姓名")]
    for line in lines:
        words = [w for w in line.split("·") if w]
        assert all(w in parts for w in words), lines


def test_names_whole_and_columns_follow_the_content() -> None:
    packets = [packet(1, name="阿卜杜·热合曼", unit=LONG_UNIT, qualification=" "),
               packet(2, name="欧阳娜娜", qualification=" ")]
    result = transmittal_pdf(sealed(batch(packets)), POINT, CITY, ROUND, ITEMS, OPTIONS)
    chunks = text_chunks(result.data)
    name_chunks = [c for c in chunks if c.text in ("阿卜杜·", "热合曼", "阿卜杜·热合曼")]
    assert name_chunks and {c.text for c in name_chunks} <= {"阿卜杜·", "热合曼", "阿卜杜·热合曼"}
    assert not any(c.text in ("阿卜杜·热", "合曼", "热") for c in chunks)
    unit_lines = [c for c in chunks if len(c.text) > 2 and c.text in LONG_UNIT]
    assert "".join(c.text for c in unit_lines) == LONG_UNIT and len(unit_lines) <= 2
    kit = TextKit()
    widths = column_widths(kit, packets, ITEMS, False)
    assert sum(widths) == pytest.approx(FRAME_W)
    assert widths[4] < 50  # the empty 职业资格 keeps its header's width
    assert widths[3] > 3 * widths[4]
    for c in chunks:  # nothing runs past the margins
        assert c.x >= MARGIN_X - 0.5


def test_pinyin_order_on_paper_and_the_shared_key() -> None:
    names = ["张三", "李四", "阿卜杜·热合曼", "王五", "曾志", "单田芳", "陈晨"]
    packets = [packet(n, name=name) for n, name in enumerate(names, start=1)]
    text = all_text(transmittal_pdf(sealed(batch(packets)), POINT, CITY, ROUND, ITEMS,
                                    OPTIONS).data)
    order = sorted(names, key=name_key)
    assert order == ["阿卜杜·热合曼", "陈晨", "李四", "单田芳", "王五", "曾志", "张三"]
    positions = [text.index(squash(name)) for name in order]
    assert positions == sorted(positions)
    assert sorted(["浙江大学", "阿里巴巴", "杭州汽轮机"], key=pinyin_key) == \
        ["阿里巴巴", "杭州汽轮机", "浙江大学"]
    # units first, then names: a unit's packets stand together
    mixed = [packet(1, name="张三", unit="浙江大学"), packet(2, name="李四", unit="阿里巴巴"),
             packet(3, name="阿明", unit="浙江大学")]
    text = all_text(transmittal_pdf(sealed(batch(mixed)), POINT, CITY, ROUND, ITEMS,
                                    OPTIONS).data)
    assert text.index("李四") < text.index("阿明") < text.index("张三")
