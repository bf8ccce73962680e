"""`zcdesk round …` (#11): list, show, export, import with a preview, activate; a pack
with errors or a clerk's attempt exits 1 and writes nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.data.builders import HEADERS, person, write_xlsx
from zcdesk.domain.round_pack import dump_pack, load_pack, shifted, shipped_pack_path
from zcdesk.store import Store
from zcdesk.store.operator_ops import OperatorOps

pytestmark = pytest.mark.both_backends

SHIPPED = shipped_pack_path("2025H1")


@pytest.fixture
def zc(cli, store: Store):  # type: ignore[no-untyped-def]
    return cli


@pytest.fixture
def pack_2026(tmp_path: Path) -> Path:
    path = tmp_path / "2026H1.toml"
    path.write_text(dump_pack(shifted(load_pack(SHIPPED), "2026H1", "2026 上半年度", years=1)),
                    encoding="utf-8")
    return path


def _rounds(zc) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    code, out, _ = zc("round", "list", "--json")
    assert code == 0
    return json.loads(out)


def _audit_kinds(zc) -> list[str]:  # type: ignore[no-untyped-def]
    code, out, _ = zc("audit", "--json")
    assert code == 0
    return [e["kind"] for e in json.loads(out)]


def test_list_show_and_export_of_the_shipped_round(zc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [only] = _rounds(zc)
    assert only == {"code": "2025H1", "name": "2025 上半年度", "cutoff": "2025-06-30",
                    "deadlines": {"applicant": "2025-03-31", "employer": "2025-04-14",
                                  "district": "2025-04-30", "paper": "2025-05-30"},
                    "active": True, "sha256": only["sha256"], "packets": 0}
    code, out, _ = zc("round", "list")
    assert code == 0 and "● 当前  2025H1" in out
    code, out, _ = zc("round", "show", "2025h1")
    assert code == 0 and "纸质材料报送截止 2025-05-30" in out and "评审表 ×2" in out
    target = tmp_path / "out.toml"
    code, out, _ = zc("round", "export", "2025H1", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8")
    before = _audit_kinds(zc)
    code, out, _ = zc("round", "import", str(target))
    assert code == 0 and "没有变化" in out
    assert _audit_kinds(zc) == before
    code, _, err = zc("round", "show", "2030H2")
    assert code == 1 and "没有轮次“2030H2”" in err


def test_next_round_from_preview_to_the_counter(zc, tmp_path: Path, store: Store,  # type: ignore[no-untyped-def]
                                                pack_2026: Path) -> None:
    people = [person(i) for i in range(4)]
    first = write_xlsx(tmp_path / "2025.xlsx", [HEADERS, *people[:3]])
    assert zc("roster", "import", str(first))[0] == 0
    number = str(people[0][4])
    code, out, _ = zc("receive", number, "evaluation", "2")
    assert code == 0
    code, out, _ = zc("status", "--json")
    old_status = json.loads(out)

    code, out, _ = zc("round", "import", str(pack_2026), "--dry-run")
    assert code == 0 and "将新增轮次 2026H1" in out
    assert "deadlines.paper：2025-05-30 → 2026-05-30" in out
    assert [r["code"] for r in _rounds(zc)] == ["2025H1"]
    code, out, _ = zc("round", "import", str(pack_2026))
    assert code == 0 and "已导入" in out
    code, out, _ = zc("round", "import", str(pack_2026))
    assert code == 0 and "没有变化" in out
    code, out, _ = zc("round", "activate", "2026H1")
    assert code == 0 and "2026-06-30" in out
    assert [(r["code"], r["active"]) for r in _rounds(zc)] == [("2025H1", False),
                                                               ("2026H1", True)]

    second = write_xlsx(tmp_path / "2026.xlsx", [HEADERS, *people])
    code, out, _ = zc("roster", "import", str(second), "--dry-run")
    assert code == 0 and "将为以前轮次的申报人新开材料袋 3 个" in out
    code, out, _ = zc("roster", "import", str(second), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["new"], report["opened"]) == (1, 3)
    code, out, _ = zc("receive", number, "evaluation", "2", "--json")
    assert code == 0 and json.loads(out)["received"]["evaluation"] == 2
    code, out, _ = zc("status", "--json")
    assert len(json.loads(out)) == 4  # the new round's packets only

    rounds = {r["code"]: r["packets"] for r in _rounds(zc)}
    assert rounds == {"2025H1": 3, "2026H1": 4}
    code, out, _ = zc("round", "activate", "2025H1")  # back, to look at the old round
    assert code == 0
    code, out, _ = zc("status", "--json")
    assert json.loads(out) == old_status  # 2025H1's packets as they were


def test_an_invalid_pack_exits_1_and_writes_nothing(zc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text(SHIPPED.read_text(encoding="utf-8")
                   .replace('code = "2025H1"', 'code = "2026H1"', 1)
                   .replace("paper = 2025-05-30", "paper = 2025-04-01"), encoding="utf-8")
    before = _audit_kinds(zc)
    for extra in ((), ("--dry-run",)):
        code, out, err = zc("round", "import", str(bad), *extra)
        assert code == 1 and out == ""
        assert "有 1 处错误" in err and "deadlines.paper" in err and "第 " in err
        assert "没有写入任何数据" in err
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes(SHIPPED.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    code, _, err = zc("round", "import", str(gbk))
    assert code == 1 and "UTF-8" in err
    code, _, err = zc("round", "import", str(tmp_path / "missing.toml"))
    assert code == 1 and "找不到文件" in err
    assert [r["code"] for r in _rounds(zc)] == ["2025H1"]
    assert _audit_kinds(zc) == before


def test_a_clerk_is_refused(zc, pack_2026: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(OperatorOps, "role", "clerk")
    for args in (("import", str(pack_2026)), ("activate", "2025H1"),
                 ("export", "2025H1", "-o", str(tmp_path / "x.toml"))):
        code, _, err = zc("round", *args)
        assert code == 1 and "需要管理员权限" in err
    assert not (tmp_path / "x.toml").exists()
    assert [r["code"] for r in _rounds(zc)] == ["2025H1"]


def test_a_refused_pack_lists_why(zc, store: Store, tmp_path: Path,  # type: ignore[no-untyped-def]
                                  people: dict[str, int]) -> None:
    """2025H1's own pack may not change the copies its recorded packets were checked
    against (a new round may: see test_round_store)."""
    store.accept(people["张三"], "evaluation", 2)
    text = SHIPPED.read_text(encoding="utf-8")
    path = tmp_path / "copies.toml"
    path.write_text(text.replace("copies = 2", "copies = 3", 1), encoding="utf-8")
    code, out, _ = zc("round", "import", str(path))
    assert code == 1 and "不能导入轮次 2025H1" in out and "评审表" in out
    assert zc("round", "export", "2025H1", "-o", str(tmp_path / "back.toml"))[0] == 0
    assert (tmp_path / "back.toml").read_text(encoding="utf-8") == text  # unchanged


def test_a_draft_of_the_next_round_imports_after_review(zc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "2026H2.toml"
    code, out, _ = zc("round", "draft", "2026h2", "--from", "2025H1", "-o", str(target))
    assert code == 0 and "2026 下半年度" in out and "1 年、182 天" in out
    assert "请按新通知逐项核对" in out
    draft = load_pack(target.read_text(encoding="utf-8"))
    assert (draft.code, draft.name, draft.notice.doc_number) == ("2026H2", "2026 下半年度", "")
    assert draft.deadlines.cutoff == dt.date(2026, 6, 30)
    assert draft.deadlines.paper > dt.date(2026, 11, 1)
    assert [r["code"] for r in _rounds(zc)] == ["2025H1"]  # a draft stores nothing
    code, out, _ = zc("round", "import", str(target), "--dry-run")
    assert code == 0 and "将新增轮次 2026H2" in out
    code, _, err = zc("round", "draft", "2025H1", "--from", "2025H1", "-o", str(target))
    assert code == 1 and "已存在" in err
    code, _, err = zc("round", "draft", "2026", "--from", "2025H1", "-o", str(target))
    assert code == 1 and "H1 或 H2" in err
    code, _, err = zc("round", "draft", "2026H1", "--from", "2025H1", "-o",
                      str(tmp_path / "x.txt"))
    assert code == 1 and ".toml" in err
