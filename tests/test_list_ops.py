"""The packet list read as columns (store/list_ops.py) and searched by TextIndex."""

from __future__ import annotations

import random

import numpy as np
import pytest

from zcdesk.domain.records import PacketRow
from zcdesk.store import Store
from zcdesk.store.list_ops import PacketColumns, TextIndex, fixed_width_texts, lower_texts
from zcdesk.ui.list_table import prepare


@pytest.mark.both_backends
def test_columns_hold_the_same_rows_as_packet_rows(store: Store,
                                                   people: dict[str, int]) -> None:
    store.accept(people["李四"], "evaluation", 2)
    store.accept(people["王五"], "evaluation", 2)
    store.accept(people["王五"], "registration", 2)
    columns = store.packet_columns()
    assert len(columns) == 3
    assert [columns.row(i) for i in range(len(columns))] == store.packet_rows()
    assert columns.id_numbers.dtype.kind == "S"  # ASCII: a quarter of the memory
    assert sorted(columns.statuses) == ["complete", "none", "partial"]
    # the round's code gives the same rows
    code = store.current_round().code
    assert [r.packet_id for r in map(store.packet_columns(code).row, range(3))] == \
        [r.packet_id for r in store.packet_rows(code)]


def test_columns_of_no_rows() -> None:
    columns = PacketColumns.from_rows([])
    assert len(columns) == 0
    assert len(prepare(columns, []).text_mask("李", None)) == 0


def _key(row: PacketRow) -> str:
    return f"{row.name}\x1f{row.id_number}\x1f{row.unit}".lower()


def test_the_search_finds_what_a_substring_test_finds() -> None:
    """Name, ID number or unit contains the text, case-blind: the list's old rule."""
    rng = random.Random(15)
    names = ["李娜", "王伟", "阿卜杜·热合曼", "John SMITH", "䶮", "𠈌明", "李"]
    units = ["杭州汽轮机股份有限公司", "中电海康集团有限公司", "ABB（中国）有限公司"]
    rows = [PacketRow(i, i, rng.choice(names),
                      "".join(rng.choice("0123456789") for _ in range(17)) + rng.choice("0X9"),
                      rng.choice(units), "none", {})
            for i in range(400)]
    rows.append(PacketRow(400, 400, "Ann", "E12345678", "abb", "none", {}))  # a passport
    data = prepare(rows, [])
    texts = ["1", "12", "x", "0x", "李", "李娜", "smith", "john s", "䶮", "𠈌", "abb",
             "（中国）", "杭州汽轮机", "e123", "ann", "热合曼", "·", "999999999999999999999",
             rows[7].id_number.lower(), "nothing"]
    for text in texts:
        found = data.text_mask(text, None)
        assert found.tolist() == [text in _key(r) for r in rows], text
        some = np.arange(0, len(rows), 3)  # narrowing a kept result gives the same
        assert data.text_mask(text, some).tolist() == [text in _key(rows[i]) for i in some]


def test_text_index_over_mixed_widths() -> None:
    index = TextIndex(lower_texts(["a", "abc", "", "BCD"]))
    assert index.find("bc").tolist() == [False, True, False, True]
    assert index.find("abcd").tolist() == [False] * 4  # longer than every text
    ascii_index = TextIndex(fixed_width_texts(["330102", "x"]))
    assert ascii_index.find("李").tolist() == [False, False]  # not ASCII: in no number
