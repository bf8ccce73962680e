"""`zcdesk print …` and `zcdesk batch …`: PDFs read back, refusals leave no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ID_LI, ID_WANG, ID_ZHANG
from zcdesk.store import Store

pytestmark = pytest.mark.both_backends


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def office(store: Store, people: dict[str, int], tmp_path: Path, cli):  # type: ignore[no-untyped-def]
    """One visit: 张三 complete, 李四 partial with a copy handed back."""
    visit = store.open_visit("王女士", "13800000000", "杭州汽轮机股份有限公司")
    for item in ("evaluation", "registration"):
        store.accept(people["张三"], item, 2, visit_id=visit.id)
    store.accept(people["李四"], "evaluation", 2, visit_id=visit.id)
    store.reject(people["李四"], "registration", 1, "未盖章", visit_id=visit.id)
    store.close_visit(visit.id)
    run = cli
    run.receipt_no = visit.receipt_no  # type: ignore[attr-defined]
    run.out = tmp_path  # type: ignore[attr-defined]
    return run


def test_receipt_and_notice(office) -> None:  # type: ignore[no-untyped-def]
    receipt, notice = office.out / "r.pdf", office.out / "n.pdf"
    assert office("print", "receipt", office.receipt_no, "-o", str(receipt))[0] == 0
    text = text_of(receipt)
    assert office.receipt_no in text and "张三" in text and "330102********1234" in text
    assert ID_ZHANG not in text
    assert office("print", "notice", office.receipt_no, "-o", str(notice))[0] == 0
    text = text_of(notice)
    assert "李四" in text and "未盖章" in text and "2025" in text


def test_full_ids_on_request(office) -> None:  # type: ignore[no-untyped-def]
    out = office.out / "full.pdf"
    assert office("print", "receipt", office.receipt_no, "-o", str(out), "--full-ids")[0] == 0
    assert ID_ZHANG in text_of(out)


def test_refusals_write_nothing(office, store: Store) -> None:  # type: ignore[no-untyped-def]
    out = office.out / "none.pdf"
    code, _, err = office("print", "receipt", "SC-2025H1-09999", "-o", str(out))
    assert code == 1 and "没有收件号" in err
    code, _, err = office("print", "transmittal", "SC-2025H1-B009", "-o", str(out))
    assert code == 1 and "没有批次号" in err
    code, _, err = office("print", "cover", "-o", str(out))
    assert code == 1 and "只指定一种" in err
    code, _, err = office("print", "cover", "330102198001010018", "-o", str(out))
    assert code == 1 and "330102198001010018" in err
    complete_visit = store.open_visit()
    store.accept(store.lookup(ID_WANG).packet.packet_id, "evaluation", 2,
                 visit_id=complete_visit.id)
    store.accept(store.lookup(ID_WANG).packet.packet_id, "registration", 2,
                 visit_id=complete_visit.id)
    code, _, err = office("print", "notice", complete_visit.receipt_no, "-o", str(out))
    assert code == 1 and "无需补正告知单" in err
    assert not out.exists()
    assert not list(office.out.glob(".zcdesk-*"))


def test_batch_documents(office) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = office("batch", "new")
    assert code == 0 and out.strip() == "SC-2025H1-B001"
    code, _, err = office("batch", "new")
    assert code == 1 and "没有可组批" in err
    transmittal, report = office.out / "t.pdf", office.out / "rep.pdf"
    assert office("print", "transmittal", "SC-2025H1-B001", "-o", str(transmittal))[0] == 0
    text = text_of(transmittal)
    assert "SC-2025H1-B001" in text and "张三" in text and "李四" not in text
    assert "第 1 页 共 1 页" in text
    assert office("print", "report", "SC-2025H1-B001", "-o", str(report))[0] == 0
    assert "SC-2025H1-B001" in text_of(report)
    covers = office.out / "c.pdf"
    assert office("print", "cover", "--batch", "SC-2025H1-B001", "-o", str(covers))[0] == 0
    assert len(PdfReader(covers).pages) == 1


def test_covers_by_id_and_unit(office) -> None:  # type: ignore[no-untyped-def]
    out = office.out / "c.pdf"
    assert office("print", "cover", ID_ZHANG, ID_LI.lower(), "-o", str(out))[0] == 0
    assert len(PdfReader(out).pages) == 2
    assert office("print", "cover", "--unit", "杭州制氧机集团股份有限公司", "-o", str(out))[0] == 0
    assert len(PdfReader(out).pages) == 2
    assert office("print", "cover", "--all", "-o", str(out))[0] == 0
    assert len(PdfReader(out).pages) == 3


def test_a_reprint_after_a_round_switch_keeps_its_own_round(  # type: ignore[no-untyped-def]
        office, store: Store) -> None:
    """#11: switching to 2026H1 never rewrites a 2025H1 receipt."""
    from zcdesk.domain.round_pack import dump_pack, load_pack, shifted, shipped_pack_path

    before = office.out / "before.pdf"
    assert office("print", "notice", office.receipt_no, "-o", str(before))[0] == 0
    pack = shifted(load_pack(shipped_pack_path("2025H1")), "2026H1", "2026 上半年度", years=1)
    store.import_round(dump_pack(pack))
    store.activate_round("2026H1")
    after = office.out / "after.pdf"
    assert office("print", "notice", office.receipt_no, "-o", str(after))[0] == 0
    old, new = text_of(before), text_of(after)
    assert "2025 上半年度" in new or "2025-05-30" in new
    strip = lambda text: [ln for ln in text.splitlines() if "打印" not in ln]  # noqa: E731
    assert strip(old) == strip(new)  # the same paper, but for its print date


def test_notice_copies_and_the_visits_clerk(office, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Two copies by default, one sheet with --two-up; 经办人 is who recorded the visit
    (#13), on the notice, the receipt and the covers of its packets."""
    clerk = store.visit_by_receipt(office.receipt_no).operator
    assert clerk
    sheets, one = office.out / "n2.pdf", office.out / "n1.pdf"
    assert office("print", "notice", office.receipt_no, "-o", str(sheets))[0] == 0
    assert len(PdfReader(sheets).pages) == 2
    text = "".join(text_of(sheets).split())
    assert "第一联申请人联" in text and "第二联存档联" in text
    assert f"经办人：{clerk}" in text and "行政许可法" in text
    assert office("print", "notice", office.receipt_no, "--two-up", "-o", str(one))[0] == 0
    assert len(PdfReader(one).pages) == 1
    covers = office.out / "c.pdf"
    assert office("print", "cover", ID_LI, "-o", str(covers))[0] == 0
    assert f"经办人：{clerk}" in "".join(text_of(covers).split())
