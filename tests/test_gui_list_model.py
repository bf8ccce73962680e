"""The list model keeps up with writes: renames, a new ID number, new units and statuses."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.test_gui_list import synthetic_rows
from zcdesk.domain.idnumber import mask_id
from zcdesk.domain.records import PacketRow
from zcdesk.store import Store
from zcdesk.ui.packet_model import COL_ID, COL_NAME, COL_STATUS, COL_UNIT, PacketTableModel


def shown(model: PacketTableModel, column: int) -> list[str]:
    return [str(model.data(model.index(r, column))) for r in range(model.rowCount())]


def test_a_renamed_applicant_is_found_by_the_new_name(qapp: object, store: Store) -> None:
    rows = synthetic_rows(20)
    model = PacketTableModel(lambda: list(rows), store.checklist())
    model.update_row(rows[3]._replace(name="阿卜杜·热合曼", unit="新单位有限公司",
                                      id_number="E1234567X"))  # a passport, say
    model.set_filter(text="热合曼")
    assert shown(model, COL_NAME) == ["阿卜杜·热合曼"]
    assert shown(model, COL_UNIT) == ["新单位有限公司"]
    assert shown(model, COL_ID) == [mask_id("E1234567X")] == ["E1*****7X"]
    model.set_filter(text="e1234567x")  # case-blind, as before
    assert model.row_of(0).packet_id == 3
    model.set_filter(text="申报人3")  # the old name is gone
    assert 3 not in {model.row_of(r).packet_id for r in range(model.rowCount())}
    model.set_filter(text="")
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert shown(model, COL_NAME)[0] == "阿卜杜·热合曼"  # 阿 (a) before 申 (shen)


def test_a_new_packet_with_a_longer_number_and_a_new_status(qapp: object,
                                                            store: Store) -> None:
    rows = synthetic_rows(5)
    model = PacketTableModel(lambda: list(rows), store.checklist())
    model.update_row(PacketRow(77, 77, "𠈌", "330102199001011234ABCDEF", "单位000有限公司",
                               "returned", {}))
    assert model.total_count() == 6
    row = model.visible_row_of_packet(77)
    assert row == 5 and model.data(model.index(row, COL_STATUS)) == "returned"
    model.set_filter(text="abcdef")
    assert [model.row_of(r).packet_id for r in range(model.rowCount())] == [77]
    assert model.status_counts()  # the counts include the new row's status
    model.set_filter(text="", status="returned")
    assert model.rowCount() == 1


def test_filters_and_sort_set_before_the_rows_arrive(qapp: object, store: Store) -> None:
    rows = synthetic_rows(30)
    model = PacketTableModel(lambda: list(rows), store.checklist(), load_now=False)
    model.set_filter(text="申报人2")
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 0 and model.packet_id(0) is None
    model.reload()
    names = shown(model, COL_NAME)
    assert names == sorted(names, reverse=True) and len(names) == 11


def test_a_sort_after_an_id_number_changed_uses_the_new_number(qapp: object,
                                                               store: Store) -> None:
    rows = synthetic_rows(10)
    model = PacketTableModel(lambda: list(rows), store.checklist())
    model.sort(COL_ID, Qt.SortOrder.AscendingOrder)
    assert model.row_of(0).packet_id == 0
    model.update_row(rows[7]._replace(id_number="110101199001011237"))  # sorts first now
    model.sort(COL_ID, Qt.SortOrder.AscendingOrder)
    assert model.row_of(0).packet_id == 7
