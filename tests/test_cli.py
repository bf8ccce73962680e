"""The command line: same rules and events as the window; clear refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BAD_CHECK, ID_LI, ID_ZHANG, CliRun
from zcdesk import __version__
from zcdesk.cli import main
from zcdesk.paths import data_dir


@pytest.fixture
def zc(cli):  # type: ignore[no-untyped-def]
    """The command line on a database with 张三 and 李四 and the desk set up."""
    run = cli
    assert run("desk", "--point", "SC", "--name", "窗口1")[0] == 0
    assert run("applicant", "add", "--name", "张三", "--id-number", ID_ZHANG,
               "--unit", "杭州汽轮机股份有限公司", "--gender", "男",
               "--work-start", "2012-07-01")[0] == 0
    assert run("applicant", "add", "--name", "李四", "--id-number", ID_LI.lower(),
               "--unit", "杭州制氧机集团股份有限公司")[0] == 0
    return run


def status(zc) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    code, out, _ = zc("status", "--json")
    assert code == 0
    rows = {row["name"]: row for row in json.loads(out)}
    for row in rows.values():  # the pre-check is covered by tests/test_cli_roster.py
        assert row.pop("eligibility") in ("eligible", "ineligible", "unknown")
        assert isinstance(row.pop("reasons"), list)
        assert row.pop("stage") == "counter"  # the flow is covered by tests/test_e2e_flow.py
        assert row.pop("decision") is None
    return rows


def test_version(zc) -> None:  # type: ignore[no-untyped-def]
    assert zc("--version")[1].strip() == f"zcdesk {__version__}"


def test_receive_to_complete_with_english_and_chinese_item_names(zc) -> None:  # type: ignore[no-untyped-def]
    assert zc("receive", ID_ZHANG, "evaluation", "2")[0] == 0
    assert status(zc)["张三"]["status"] == "partial"
    code, out, _ = zc("receive", ID_ZHANG, "登记表", "2")
    assert code == 0 and "齐全" in out
    row = status(zc)["张三"]
    assert row == {"id_number": ID_ZHANG, "name": "张三", "unit": "杭州汽轮机股份有限公司",
                   "status": "complete", "received": {"evaluation": 2, "registration": 2},
                   "missing": {}}
    assert status(zc)["李四"] == {"id_number": ID_LI, "name": "李四",
                                 "unit": "杭州制氧机集团股份有限公司", "status": "none",
                                 "received": {"evaluation": 0, "registration": 0},
                                 "missing": {"evaluation": 2, "registration": 2}}


def test_reject_and_undo(zc) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zc("receive", ID_LI, "registration", "1", "--reject", "未盖章", "--json")
    assert code == 0 and json.loads(out)["status"] == "none"
    assert zc("receive", ID_LI, "registration", "1", "--reject", "其他")[0] == 1
    assert zc("receive", ID_LI, "evaluation", "2")[0] == 0
    code, out, _ = zc("undo")
    assert code == 0 and "已撤销" in out
    assert status(zc)["李四"]["status"] == "none"


def test_extra_copies_warn_on_stderr(zc) -> None:  # type: ignore[no-untyped-def]
    code, _, err = zc("receive", ID_ZHANG, "evaluation", "3")
    assert code == 0 and "未计入" in err
    code, _, err = zc("receive", ID_ZHANG, "evaluation", "1")
    assert code == 1 and "已收齐" in err
    assert status(zc)["张三"]["received"]["evaluation"] == 2


@pytest.mark.parametrize("count", ["1_0", "１０", " +1", "+1", "-1", "1.0", "0x2", "2 ", "٢",
                                   "12345"])
def test_copies_are_ascii_digits_only(zc, count: str) -> None:  # type: ignore[no-untyped-def]
    """int() takes `1_0` as 10 and full-width or Arabic-Indic digits: a count is typed
    in ASCII digits, anything else is refused (exit 2) and nothing is recorded (#12)."""
    code, _, err = zc("receive", ID_ZHANG, "evaluation", count)
    assert code == 2 and "只写阿拉伯数字" in err
    assert status(zc)["张三"]["received"]["evaluation"] == 0
    assert zc("receive", ID_ZHANG, "evaluation", "1")[0] == 0  # plain digits still work
    assert status(zc)["张三"]["received"]["evaluation"] == 1


@pytest.mark.parametrize(("args", "exit_code", "words"), [
    ((BAD_CHECK, "evaluation", "2"), 1, "校验码"),
    (("330102198001010018", "evaluation", "2"), 1, "没有证件号码"),
    ((ID_ZHANG, "photo", "2"), 1, "无法识别"),
    ((ID_ZHANG, "evaluation", "0"), 1, "1 到 20"),
    ((ID_ZHANG, "evaluation", "-1"), 2, "只写阿拉伯数字"),
    ((ID_ZHANG, "evaluation", "999"), 1, "1 到 20"),
    ((ID_ZHANG, "evaluation", "两"), 2, "整数"),
    ((ID_ZHANG, "evaluation", "2", "--reject", "不喜欢"), 1, "无法识别"),
    (("张三", "evaluation", "2"), 1, "不是证件号码"),
])
def test_bad_input_is_refused_and_nothing_written(zc, args, exit_code, words) -> None:  # type: ignore[no-untyped-def]
    before = status(zc)
    code, _, err = zc("receive", *args)
    assert code == exit_code and words in err
    assert status(zc) == before


def test_applicant_add_refusals(zc) -> None:  # type: ignore[no-untyped-def]
    code, _, err = zc("applicant", "add", "--name", "赵六", "--id-number", BAD_CHECK,
                      "--unit", "某公司")
    assert code == 1 and "校验码" in err
    code, _, err = zc("applicant", "add", "--name", "赵六", "--id-number", ID_ZHANG,
                      "--unit", "某公司")
    assert code == 1 and "已登记" in err
    code, _, err = zc("applicant", "add", "--name", "赵六", "--id-number", "330102198001010018",
                      "--unit", "某公司", "--work-start", "2012/07/01")
    assert code == 2 and "YYYY-MM-DD" in err
    assert set(status(zc)) == {"张三", "李四"}


def test_unusable_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 200)
    assert main(["--db", str(broken), "status"]) == 3
    assert "损坏" in capsys.readouterr().err
    assert main(["--db", "nosuchdriver://x", "status"]) == 3


def test_plain_path_and_environment_variable(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plain.sqlite3"
    assert main(["--db", str(path), "--create", "desk"]) == 0
    assert path.exists()
    monkeypatch.setenv("ZCDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert main(["status", "--create"]) == 0
    assert (tmp_path / "env.sqlite3").exists()
    assert not (data_dir() / "zcdesk.sqlite3").exists()


def test_demo_database_is_separate_and_seeded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "status", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert 55 <= len(rows) <= 65
    assert {r["status"] for r in rows} == {"none", "partial", "complete"}
    assert len({r["unit"] for r in rows}) >= 8
    assert (data_dir() / "demo.sqlite3").exists()
    assert not (data_dir() / "zcdesk.sqlite3").exists()
    assert main(["--demo", "desk"]) == 0
    assert "SC" in capsys.readouterr().out


def test_the_installed_entry_point_runs(db_url: str) -> None:
    done = subprocess.run([sys.executable, "-m", "zcdesk", "--db", db_url, "--create", "status",
                           "--json"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and json.loads(done.stdout) == []


def test_desk_idle_lock_setting(zc) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zc("desk", "--idle-lock", "5")
    assert code == 0 and "无操作锁定：5 分钟" in out
    assert zc("desk", "--idle-lock", "-1")[0] == 1


def test_abbreviated_options_are_refused(cli: CliRun) -> None:
    """`--pass` must not quietly mean --passwords-stdin (or any other option)."""
    code, _, err = cli("pg", "setup", "--pass")
    assert code == 2 and "--pass" in err
    code, _, err = cli("status", "--js")
    assert code == 2 and "--js" in err
