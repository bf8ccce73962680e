"""The command line's edges (issue #12): which database files it may create, arguments
that are not UTF-8, a closed output pipe, and the log line of each write command."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ID_ZHANG, CliRun
from zcdesk.cli import EXIT_PIPE, EXIT_REFUSED, EXIT_USAGE, _open_store, _parse, build_parser, main
from zcdesk.paths import data_dir, log_dir
from zcdesk.store import InputError, Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _close_log_files() -> Iterator[None]:
    yield
    root = logging.getLogger("zcdesk")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()


def zcdesk(*args: str | bytes, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONUTF8": "1", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "zcdesk", *args], capture_output=True,
                          timeout=60, check=False, cwd=ROOT, env=env, **kwargs)  # type: ignore[call-overload]


# ------------------------------------------------------------- which files are made

def test_a_db_in_a_missing_folder_is_refused_and_nothing_made(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "typo" / "zcdesk.sqlite3"
    for given in (str(target), f"sqlite:///{target}"):
        for create in ([], ["--create"]):
            assert main(["--db", given, *create, "status"]) == EXIT_REFUSED
            err = capsys.readouterr().err
            assert "文件夹" in err and "不存在" in err and str(target.parent) in err
    assert not target.parent.exists()


def test_a_missing_db_file_needs_create(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "new.sqlite3"
    assert main(["--db", str(target), "desk", "--point", "SC"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "不存在" in err and "--create" in err and not target.exists()
    assert main(["--db", str(target), "--create", "desk", "--point", "SC"]) == 0
    assert target.exists()
    capsys.readouterr()
    assert main(["--db", str(target), "desk"]) == 0  # it exists now: no --create needed
    assert "SC" in capsys.readouterr().out


def test_the_default_database_is_made_only_on_the_first_start_or_with_create(
        capsys: pytest.CaptureFixture[str]) -> None:
    real = data_dir() / "zcdesk.sqlite3"
    assert main(["status"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "尚未建立" in err and "打开窗口" in err and "--create" in err and not real.exists()
    # The window's first start (no subcommand, no --db) makes it, then asks for the admin.
    store = _open_store(_parse(build_parser(), []))
    store.close()
    assert real.exists()
    assert main(["status"]) == 0


def test_the_window_refuses_a_missing_db_file_too(tmp_path: Path) -> None:
    target = tmp_path / "typo.sqlite3"
    with pytest.raises(InputError, match="--create"):  # the window shows it in a message box
        _open_store(_parse(build_parser(), ["--db", str(target)]))
    assert not target.exists()
    _open_store(_parse(build_parser(), ["--db", str(target), "--create"])).close()
    assert target.exists()


def test_create_on_an_existing_database_just_opens_it(store: Store, cli: CliRun,
                                                      db_url: str) -> None:
    assert cli("applicant", "add", "--name", "张三", "--id-number", ID_ZHANG,
               "--unit", "某公司")[0] == 0
    assert main(["--db", db_url, "--create", "status"]) == 0


# ------------------------------------------------------------------ argv and pipes

def test_an_argument_that_is_not_utf8_is_a_usage_error() -> None:
    done = zcdesk("applicant", "add", b"\xff")
    err = done.stderr.decode("utf-8")
    assert done.returncode == EXIT_USAGE, err
    assert "第 3 个参数“\\xff”" in err and "UTF-8" in err and "Traceback" not in err


def test_an_undecodable_argument_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "/tmp/\udcff.sqlite3", "status"]) == EXIT_USAGE
    assert "第 2 个参数“/tmp/\\xff.sqlite3”" in capsys.readouterr().err
    assert main(["applicant", "add", "--name", "\ud800"]) == EXIT_USAGE  # a lone surrogate
    assert "\\ud800" in capsys.readouterr().err


@pytest.mark.parametrize("command", [("status",), ("round", "list"), ("status", "--json")])
def test_a_closed_pipe_ends_quietly(store: Store, people: dict[str, int], db_url: str,
                                    command: tuple[str, ...]) -> None:
    env = {**os.environ, "PYTHONUTF8": "1"}
    child = subprocess.Popen([sys.executable, "-m", "zcdesk", "--db", db_url, *command],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # as `| head -0`: gone before zcdesk writes a line
    err = child.stderr.read().decode("utf-8")
    assert child.wait(timeout=60) == EXIT_PIPE, err
    assert err == ""


def test_a_shell_pipe_into_head(store: Store, people: dict[str, int], db_url: str) -> None:
    env = {**os.environ, "PYTHONUTF8": "1"}
    line = f"{sys.executable} -m zcdesk --db '{db_url}' status | head -1"
    done = subprocess.run(["bash", "-c", line], capture_output=True, cwd=ROOT, env=env,
                          timeout=60, check=False)
    assert done.returncode == 0 and done.stderr == b""
    assert len(done.stdout.decode("utf-8").splitlines()) == 1


# ---------------------------------------------------------------- the command log

def test_write_commands_leave_one_line_without_personal_data(
        store: Store, cli: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    store.create_operator("小王", "2580", "clerk")
    monkeypatch.setenv("ZCDESK_PIN", "2580")
    assert cli("--operator", "小王", "applicant", "add", "--name", "张三",
               "--id-number", ID_ZHANG, "--unit", "杭州汽轮机股份有限公司")[0] == 0
    assert cli("--operator", "小王", "applicant", "add", "--name", "张三",
               "--id-number", ID_ZHANG, "--unit", "杭州汽轮机股份有限公司")[0] == EXIT_REFUSED
    assert cli("--operator", "小王", "receive", ID_ZHANG, "evaluation", "1")[0] == 0
    assert cli("status")[0] == 0  # reads: no line
    assert cli("round", "list")[0] == 0
    assert cli("desk")[0] == 0
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    assert cli("--operator", "老李", "desk", "--idle-lock", "5")[0] == 0  # a setting: a write
    for handler in logging.getLogger("zcdesk").handlers:
        handler.flush()
    lines = (log_dir() / "zcdesk.log").read_text(encoding="utf-8").splitlines()
    assert [line.split(" zcdesk.cli: ", 1)[1] for line in lines if "zcdesk.cli" in line] == [
        "command applicant add by 小王: done (exit 0)",
        "command applicant add by 小王: refused (exit 1)",
        "command receive by 小王: done (exit 0)",
        "command desk by 老李: done (exit 0)",
    ]
    text = "\n".join(lines)
    assert "张三" not in text and "杭州汽轮机" not in text and ID_ZHANG not in text
    assert (log_dir() / "zcdesk.log").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("argv", "write"), [
    (["status"], False), (["audit"], False), (["stats"], False),
    (["stats", "--export", "s.xlsx"], True), (["round", "list"], False),
    (["round", "import", "r.toml", "--dry-run"], False), (["round", "import", "r.toml"], True),
    (["roster", "import", "r.xlsx", "--dry-run"], False), (["export", "x.csv"], True),
    (["print", "cover", "-o", "x.pdf"], True), (["desk"], False),
    (["desk", "--name", "窗口2"], True),
    (["calendar", "correction-days"], False), (["calendar", "correction-days", "10"], True),
    (["batch", "close", "SC-2025H1-B001"], True), (["undo"], True),
])
def test_which_commands_are_logged(argv: list[str], write: bool) -> None:
    from zcdesk.cli.common import is_write_command

    assert is_write_command(_parse(build_parser(), argv)) is write


def test_a_refused_database_is_logged_as_refused(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    assert main(["--db", str(missing), "--operator", "小王", "calendar", "set",
                 "2025-10-01", "holiday"]) == EXIT_REFUSED
    for handler in logging.getLogger("zcdesk").handlers:
        handler.flush()
    text = (log_dir() / "zcdesk.log").read_text(encoding="utf-8")
    assert "command calendar set by 小王: refused (exit 1)" in text
