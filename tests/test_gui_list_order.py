"""The packet list sorts names and units in pinyin, as the paper lists do (#13)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tests.gui_support import make_window
from zcdesk.domain.idnumber import check_digit
from zcdesk.domain.records import ApplicantForm
from zcdesk.importing.transmittal_file import list_order
from zcdesk.store import Store
from zcdesk.ui.main_window import MainWindow
from zcdesk.ui.packet_model import COL_NAME, COL_UNIT

NAMES = ("赵", "安", "张", "李", "䶮", "阿卜杜·热合曼")
UNITS = ("中电海康集团有限公司", "杭州汽轮机股份有限公司", "阿里巴巴（中国）有限公司",
         "浙江大学")


def id_number(n: int) -> str:
    first17 = f"33010219900101{n:03d}"
    return first17 + check_digit(first17)


def shown(window: MainWindow, column: int) -> list[str]:
    model = window.packet_model
    return [str(model.data(model.index(r, column))) for r in range(model.rowCount())]


def click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.ui.packetTable.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_names_sort_as_on_paper(qtbot: QtBot, store: Store) -> None:
    ids = [store.add_applicant(ApplicantForm(name=name, id_number=id_number(n),
                                             unit="杭州汽轮机股份有限公司")).packet_id
           for n, name in enumerate(NAMES)]
    paper = [p.applicant.name for p in list_order([store.packet(i) for i in ids])]
    window = make_window(qtbot, store)
    assert shown(window, COL_NAME) == list(NAMES)  # unsorted: in the order they came

    click_header(qtbot, window, COL_NAME)
    assert shown(window, COL_NAME) == paper
    assert paper[:2] == ["阿卜杜·热合曼", "安"] and paper[-2:] == ["张", "赵"]
    click_header(qtbot, window, COL_NAME)  # again: the other way round
    assert shown(window, COL_NAME) == paper[::-1]


def test_units_sort_as_on_paper(qtbot: QtBot, store: Store) -> None:
    ids = [store.add_applicant(ApplicantForm(name="张三", id_number=id_number(n),
                                             unit=unit)).packet_id
           for n, unit in enumerate(UNITS)]
    paper = [p.applicant.unit for p in list_order([store.packet(i) for i in ids])]
    window = make_window(qtbot, store)
    click_header(qtbot, window, COL_UNIT)
    assert shown(window, COL_UNIT) == paper
    assert paper[0] == "阿里巴巴（中国）有限公司"


def test_a_sort_by_name_keeps_the_filter(qtbot: QtBot, store: Store) -> None:
    for n, name in enumerate(NAMES):
        store.add_applicant(ApplicantForm(name=name, id_number=id_number(n),
                                          unit="杭州汽轮机股份有限公司"))
    window = make_window(qtbot, store)
    click_header(qtbot, window, COL_NAME)
    window.filter_edit.setText("阿")
    assert shown(window, COL_NAME) == ["阿卜杜·热合曼"]
    window.filter_edit.setText("")
    assert shown(window, COL_NAME)[:2] == ["阿卜杜·热合曼", "安"]
