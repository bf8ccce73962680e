"""F4 and the add-applicant dialog's live validation."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import BAD_CHECK, ID_ZHANG
from tests.gui_support import make_window, patch_dialog, press
from zcdesk.domain.idnumber import check_digit
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import Store
from zcdesk.ui.dialogs import applicant as applicant_dialog
from zcdesk.ui.dialogs.applicant import ApplicantDialog, parse_date
from zcdesk.ui.dialogs.common import ok_button
from zcdesk.ui.main_window import MainWindow

NEW_ID = "33010219920202002" + check_digit("33010219920202002")


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


@pytest.fixture
def dialog(qtbot: QtBot, store: Store, people: dict[str, int]) -> ApplicantDialog:
    d = ApplicantDialog(None, store)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_f4_adds_the_applicant_and_opens_the_packet(
        qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    form = ApplicantForm(name="钱七", id_number=NEW_ID, unit="新单位有限公司", gender="女",
                         qualification="项目管理专业人士资格认证（PMP）",
                         qualification_issuer="美国项目管理协会",
                         qualified_on=dt.date(2020, 5, 1))
    patch_dialog(monkeypatch, "applicant", form)
    total = window.packet_model.total_count()
    press(qtbot, window, Qt.Key.Key_F4)

    packet = store.packet_by_id_number(NEW_ID)
    assert packet.applicant.qualified_on == dt.date(2020, 5, 1)
    assert window.current_packet is not None
    assert window.current_packet.packet_id == packet.packet_id
    assert window.panel.ui.nameLabel.text() == "钱七"
    assert "已新增申报人 钱七" in window.message_text()
    assert window.packet_model.total_count() == total + 1
    assert window.packet_model.visible_row_of_packet(packet.packet_id) is not None
    assert "未收 4" in window.status_bar_text()


def test_f4_duplicate_is_shown_not_raised(qtbot: QtBot, window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    patch_dialog(monkeypatch, "applicant",
                 ApplicantForm(name="张三", id_number=ID_ZHANG, unit="杭州汽轮机股份有限公司"))
    press(qtbot, window, Qt.Key.Key_F4)
    assert "已登记" in window.message_text()
    assert window.feedback.played[-1] == "error"


def test_cancelled_f4_adds_nothing(qtbot: QtBot, window: MainWindow, store: Store,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    patch_dialog(monkeypatch, "applicant", None)
    press(qtbot, window, Qt.Key.Key_F4)
    assert len(store.packet_rows()) == 3


def test_wrong_id_disables_ok_and_shows_the_problem(qtbot: QtBot,
                                                    dialog: ApplicantDialog) -> None:
    ui = dialog.ui
    ok = ok_button(ui.buttonBox)
    assert not ok.isEnabled()  # nothing typed yet
    assert ui.idNumberProblem.isHidden()  # untouched fields are not scolded

    ui.nameEdit.insert("钱七")
    ui.unitEdit.insert("新单位有限公司")
    qtbot.keyClicks(ui.idNumberEdit, BAD_CHECK)
    assert not ok.isEnabled()
    assert "校验码不符" in ui.idNumberProblem.text()
    assert not ui.idNumberProblem.isHidden()
    assert "证件号码" in ui.errorLabel.text()

    ui.idNumberEdit.clear()
    qtbot.keyClicks(ui.idNumberEdit, NEW_ID.lower())
    assert ui.idNumberProblem.text() == ""
    assert ok.isEnabled()
    assert ui.genderCombo.currentData() == "女"  # suggested from the 17th digit


def test_registered_id_is_flagged_while_typing(qtbot: QtBot, dialog: ApplicantDialog) -> None:
    qtbot.keyClicks(dialog.ui.idNumberEdit, ID_ZHANG)
    assert "已登记（张三）" in dialog.ui.idNumberProblem.text()
    assert not ok_button(dialog.ui.buttonBox).isEnabled()


def test_dates_and_years_are_checked(qtbot: QtBot, dialog: ApplicantDialog) -> None:
    ui = dialog.ui
    ui.nameEdit.insert("钱七")
    ui.unitEdit.insert("新单位有限公司")
    ui.idNumberEdit.insert(NEW_ID)
    assert ok_button(ui.buttonBox).isEnabled()

    qtbot.keyClicks(ui.graduatedOnEdit, "2015-13-01")
    assert "没有这一天" in ui.graduatedOnProblem.text()
    assert not ok_button(ui.buttonBox).isEnabled()
    ui.graduatedOnEdit.clear()
    qtbot.keyClicks(ui.graduatedOnEdit, "2015-07-01")
    qtbot.keyClicks(ui.workStartEdit, "2030-01-01")  # after "today"
    assert "参加工作时间不合理" in ui.workStartProblem.text()
    ui.workStartEdit.clear()
    qtbot.keyClicks(ui.fieldYearsEdit, "9x")  # the validator keeps digits only
    assert ui.fieldYearsEdit.text() == "9"
    assert ok_button(ui.buttonBox).isEnabled()

    form = dialog.form()
    assert form.graduated_on == dt.date(2015, 7, 1)
    assert form.work_start is None  # nothing invented for what was left empty
    assert form.qualified_on is None
    assert form.field_years == 9
    assert form.id_number == NEW_ID


def test_catalogue_qualification_fills_the_issuer(qtbot: QtBot, dialog: ApplicantDialog) -> None:
    combo = dialog.ui.qualificationCombo
    index = next(i for i in range(combo.count()) if "PMP" in combo.itemText(i))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert dialog.ui.issuerEdit.text() == "美国项目管理协会"
    assert dialog.form().qualification == "项目管理专业人士资格认证（PMP）"


def test_launch_returns_the_form_on_ok(qtbot: QtBot, store: Store, people: dict[str, int],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def accept_after_typing(self: ApplicantDialog) -> int:
        self.ui.nameEdit.insert("钱七")
        self.ui.unitEdit.insert("新单位有限公司")
        ok_button(self.ui.buttonBox).click()
        return int(self.result())

    monkeypatch.setattr(ApplicantDialog, "exec", accept_after_typing)
    form = applicant_dialog.launch(None, store, ApplicantForm(id_number=NEW_ID))
    assert form is not None
    assert (form.name, form.id_number, form.unit) == ("钱七", NEW_ID, "新单位有限公司")


@pytest.mark.parametrize(("text", "expected"), [
    ("", None), ("2015-07-01", dt.date(2015, 7, 1)), ("2015/7/1", dt.date(2015, 7, 1)),
    ("20150701", dt.date(2015, 7, 1)), ("2015年7月1日", dt.date(2015, 7, 1)),
])
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == (expected, "")


@pytest.mark.parametrize("text", ["2015", "七月", "2015-02-30"])
def test_parse_date_problems(text: str) -> None:
    value, problem = parse_date(text)
    assert value is None and problem


def test_f4_after_an_unknown_scan_fills_gender_from_the_offered_id(
        qtbot: QtBot, store: Store) -> None:
    """The number of the last unknown scan comes prefilled, and so does its 性别."""
    d = ApplicantDialog(None, store, ApplicantForm(id_number=NEW_ID))  # 17th digit 2: 女
    qtbot.addWidget(d)
    assert d.ui.idNumberEdit.text() == NEW_ID
    assert d.ui.genderCombo.currentData() == "女"


def test_the_unit_address_is_typed_checked_and_stored(
        qtbot: QtBot, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def accept_after_typing(self: ApplicantDialog) -> int:
        self.ui.nameEdit.insert("钱七")
        self.ui.unitEdit.insert("新单位有限公司")
        self.ui.unitAddressEdit.insert(" 杭州市上城区解放路 1 号 ")
        ok_button(self.ui.buttonBox).click()
        return int(self.result())

    monkeypatch.setattr(ApplicantDialog, "exec", accept_after_typing)
    form = applicant_dialog.launch(None, store, ApplicantForm(id_number=NEW_ID))
    assert form is not None and form.unit_address == "杭州市上城区解放路 1 号"
    packet = store.add_applicant(form)
    assert packet.applicant.unit_address == "杭州市上城区解放路 1 号"
    assert store.packet(packet.packet_id).applicant.unit_address == "杭州市上城区解放路 1 号"


def test_an_address_in_an_excluded_district_is_shown_in_the_precheck(
        store: Store, people: dict[str, int]) -> None:
    packet = store.add_applicant(ApplicantForm(
        name="钱七", id_number=NEW_ID, unit="新单位有限公司",
        unit_address="杭州市高新区（滨江）网商路 1 号"))
    assert packet.eligibility == "ineligible"
    assert any("滨江" in r for r in packet.eligibility_reasons)


def test_the_id_kinds_are_the_current_rounds(dialog: ApplicantDialog, store: Store) -> None:
    combo = dialog.ui.idKindCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        k.name for k in store.rules_pack().ids.kinds]
    dialog.ui.unitAddressEdit.setText("址" * 200)
    assert "unit_address" not in dialog.problems()  # the field holds at most 200
