"""A character no font has (#13): refused with the name and the character unless the
clerk confirms, on the command line (--allow-missing-glyphs) and in the window (asked)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.gui_support import make_window, patch_dialog
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import Store
from zcdesk.ui.dialogs.preview import Outcome

NOWHERE = "\U00031350"  # CJK extension H: in no bundled font
NAME = f"张{NOWHERE}"
ID_RARE = "330102198001010018"


@pytest.fixture
def receipt_no(store: Store) -> str:
    packet = store.add_applicant(ApplicantForm(name=NAME, id_number=ID_RARE,
                                               unit="杭州汽轮机股份有限公司")).packet_id
    visit = store.open_visit("王女士", "13800000000", "杭州汽轮机股份有限公司")
    store.accept(packet, "evaluation", 2, visit_id=visit.id)
    store.close_visit(visit.id)
    return visit.receipt_no


def test_cli_refuses_then_prints_when_allowed(store: Store, receipt_no: str, cli,  # type: ignore[no-untyped-def]
                                              tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    code, _, err = cli("print", "receipt", receipt_no, "-o", str(out))
    assert code == 1 and not out.exists()
    assert f"“{NOWHERE}”字（U+31350）" in err and "--allow-missing-glyphs" in err
    assert "Traceback" not in err
    code, _, err = cli("print", "receipt", receipt_no, "-o", str(out), "--allow-missing-glyphs")
    assert code == 0 and out.exists()
    assert "U+31350" in err  # the warning still names it: write it by hand


def test_window_asks_and_prints_the_substitute_when_confirmed(
        qtbot: QtBot, store: Store, receipt_no: str, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    asked: list[str] = []

    def answer(parent, title, text, detail="", **kw):  # type: ignore[no-untyped-def]
        asked.append(text + detail)
        return True

    monkeypatch.setattr("zcdesk.ui.dialogs.confirm.ask", answer)
    patch_dialog(monkeypatch, "prompt", receipt_no)
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    window.ui.actionPrintReceipt.trigger()
    assert len(asked) == 1 and NOWHERE in asked[0] and "〓" in asked[0]
    (_parent, _title, pdf, _name), kwargs = shown.calls[-1]
    assert pdf.missing_glyphs == (NOWHERE,)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert receipt_no in text
    kwargs["rebuild"](True)  # full IDs: the answer holds, no second question
    assert len(asked) == 1


def test_window_declined_prints_nothing(qtbot: QtBot, store: Store, receipt_no: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    monkeypatch.setattr("zcdesk.ui.dialogs.confirm.ask", lambda *a, **kw: False)
    patch_dialog(monkeypatch, "prompt", receipt_no)
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    window.ui.actionPrintReceipt.trigger()
    assert shown.calls == []
    assert "未打印" in window.message_text() and NOWHERE in window.message_text()


def test_covers_ask_too(qtbot: QtBot, store: Store, receipt_no: str,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    monkeypatch.setattr("zcdesk.ui.dialogs.confirm.ask", lambda *a, **kw: True)
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    packets = store.cover_packets(id_numbers=[ID_RARE])
    window.printing.covers(packets, "档案袋封面", "c.pdf")
    (_parent, _title, pdf, _name), _ = shown.calls[-1]
    assert pdf.pages == 1 and pdf.missing_glyphs == (NOWHERE,)
