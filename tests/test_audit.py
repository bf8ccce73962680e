"""The audit trail: append-only in the database itself, readable per applicant and as a log."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.conftest import ID_ZHANG
from zcdesk.cli import main
from zcdesk.store import Store

pytestmark = pytest.mark.both_backends


@pytest.mark.parametrize("statement", ["UPDATE event SET operator = 'x'", "DELETE FROM event"])
def test_the_database_refuses_to_change_events(store: Store, people: dict[str, int],
                                               statement: str) -> None:
    store.accept(people["张三"], "evaluation", 2)
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text(statement))
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM event")).scalar() >= 2


def test_audit_command(store: Store, people: dict[str, int], db_url: str,
                       capsys: pytest.CaptureFixture[str]) -> None:
    store.accept(people["张三"], "evaluation", 2)
    store.undo_last()
    capsys.readouterr()
    assert main(["--db", db_url, "audit", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    kinds = [e["kind"] for e in entries]
    assert kinds[-2:] == ["accept", "reversal"]
    last = entries[-1]
    assert last["operator"] == "小王" and last["desk"] == "窗口1"
    assert last["applicant"] == "张三" and last["id_number"] == ID_ZHANG
    assert main(["--db", db_url, "audit", "--since", "2025-05-19"]) == 0
    assert "评审表" not in capsys.readouterr().out
    assert main(["--db", db_url, "audit", "--since", "2025-05-18"]) == 0
    out = capsys.readouterr().out
    assert "评审表 收 2 份" in out and "撤销" in out
    with pytest.raises(SystemExit) as usage:
        main(["--db", db_url, "audit", "--since", "昨天"])
    assert usage.value.code == 2
