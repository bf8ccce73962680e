"""zcdesk/domain/collation.py reads pypinyin's single-character table itself."""

from __future__ import annotations

import subprocess
import sys

from zcdesk.domain import collation


def test_table_is_pypinyins_own_for_every_character() -> None:
    from pypinyin.pinyin_dict import pinyin_dict

    ours = collation._table()
    assert len(ours) == len(pinyin_dict)
    assert all(ours[str(cp)] == readings for cp, readings in pinyin_dict.items())


def test_sorting_a_name_does_not_load_pypinyins_phrase_table() -> None:
    script = ("import sys; from zcdesk.domain.collation import name_key, pinyin_key;"
              "assert name_key('单田芳')[0] == ('shan', 'tian', 'fang');"
              "assert pinyin_key('䶮')[0] == ('yan',);"
              "print(sorted(m for m in sys.modules if m.startswith('pypinyin')))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
