"""Backups: online copies that are checked, rotated and restored; `zcdesk check`."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from zcdesk.cli import main
from zcdesk.store import InputError, Store
from zcdesk.store.backup import automatic_backup, backups_in, integrity_problems, restore_from


def db_path(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite:///"))


def test_backup_restores_to_the_same_data(store: Store, people: dict[str, int], db_url: str,
                                          tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    store.accept(people["张三"], "evaluation", 2)
    before = store.status_report()
    copy = tmp_path / "copy.sqlite3"
    assert main(["--db", db_url, "backup", str(copy)]) == 0
    assert copy.stat().st_mode & 0o077 == 0 and integrity_problems(copy) == []
    store.accept(people["张三"], "registration", 2)  # a later change …
    store.close()
    assert main(["--db", db_url, "restore", str(copy)]) == 0  # … undone by the restore
    again = Store.open(db_url)
    assert again.status_report() == before
    assert list(tmp_path.glob("test.before-restore-*.sqlite3"))  # the current file kept aside
    assert main(["--db", db_url, "check"]) == 0
    assert "一致" in capsys.readouterr().out


def test_a_damaged_backup_is_refused(store: Store, db_url: str, tmp_path: Path) -> None:
    store.close()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    original = db_path(db_url).read_bytes()
    with pytest.raises(InputError, match="损坏"):
        restore_from(broken, db_path(db_url))
    assert db_path(db_url).read_bytes() == original
    assert main(["--db", db_url, "restore", str(broken)]) == 1


def test_automatic_backups_once_a_day_keeping_the_last_n(store: Store, db_url: str,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    day = dt.datetime(2025, 5, 1, 8)
    assert automatic_backup(db_path(db_url), folder, keep=3, now=day) is not None
    assert automatic_backup(db_path(db_url), folder, keep=3, now=day) is None  # same day
    for n in range(1, 6):
        made = automatic_backup(db_path(db_url), folder, keep=3, every=dt.timedelta(0),
                                now=day + dt.timedelta(days=n))
        assert made is not None
    assert len(backups_in(folder)) == 3


def test_each_database_has_its_own_backup_folder(tmp_path: Path) -> None:
    from zcdesk.store.backup import backup_folder

    real, demo = tmp_path / "zcdesk.sqlite3", tmp_path / "demo.sqlite3"
    assert backup_folder(real) == tmp_path / "backups"
    assert backup_folder(demo) == tmp_path / "backups-demo"
    for path in (real, demo):
        store = Store.open(f"sqlite:///{path}")
        try:
            assert store.automatic_backup() is not None  # the demo's does not stop the real's
        finally:
            store.close()
    assert len(backups_in(tmp_path / "backups")) == len(backups_in(tmp_path / "backups-demo")) == 1


def test_check_finds_a_tampered_cache(store: Store, people: dict[str, int], db_url: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    store.accept(people["张三"], "evaluation", 2)
    with sqlite3.connect(db_path(db_url)) as conn:
        conn.execute("UPDATE packet SET status = 'complete' WHERE id = ?", (people["张三"],))
    assert main(["--db", db_url, "check"]) == 1
    assert "张三" in capsys.readouterr().out


def test_postgresql_is_pointed_to_pg_dump(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "postgresql://nobody@127.0.0.1:1/none", "backup", "x"]) == 3


# ------------------------------------------------------------ safe restore (#12)
def _backup(store: Store, db_url: str, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.sqlite3"
    assert main(["--db", db_url, "backup", str(copy)]) == 0
    return copy


def _refused(backup: Path, db_url: str, word: str) -> None:
    original = db_path(db_url).read_bytes()
    with pytest.raises(InputError, match=word):
        restore_from(backup, db_path(db_url))
    assert db_path(db_url).read_bytes() == original  # untouched


def test_a_backup_of_a_newer_schema_is_refused(store: Store, db_url: str,
                                               tmp_path: Path) -> None:
    copy = _backup(store, db_url, tmp_path)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    store.close()
    _refused(copy, db_url, "更新版本")


def test_a_backup_without_its_triggers_is_refused(store: Store, people: dict[str, int],
                                                  db_url: str, tmp_path: Path) -> None:
    store.accept(people["张三"], "evaluation", 2)
    copy = _backup(store, db_url, tmp_path)
    with sqlite3.connect(copy) as conn:
        conn.execute("DROP TRIGGER event_no_update")
    store.close()
    _refused(copy, db_url, "event_no_update 不存在")


def test_a_backup_with_an_edited_event_is_refused(store: Store, people: dict[str, int],
                                                  db_url: str, tmp_path: Path) -> None:
    """Edited with the triggers dropped and put back: integrity_check passes, the chain
    does not."""
    store.accept(people["张三"], "evaluation", 2)
    copy = _backup(store, db_url, tmp_path)
    with sqlite3.connect(copy) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'event_no_update'")
        create = sql.fetchone()[0]
        conn.execute("DROP TRIGGER event_no_update")
        conn.execute("UPDATE event SET copies = 1 WHERE kind = 'accept'")
        conn.execute(create)
    assert integrity_problems(copy) == []
    store.close()
    _refused(copy, db_url, "审计链从第")


def test_a_restore_while_a_desk_has_the_database_open_is_refused(
        store: Store, people: dict[str, int], db_url: str, tmp_path: Path) -> None:
    copy = _backup(store, db_url, tmp_path)
    store.accept(people["张三"], "evaluation", 2)  # a desk still at work: its store open
    before = store.status_report()
    with pytest.raises(InputError, match="正被其他程序使用"):
        restore_from(copy, db_path(db_url))
    assert store.status_report() == before  # nothing lost, nothing replaced
    store.accept(people["张三"], "registration", 2)  # and the desk goes on writing
    store.close()
    assert restore_from(copy, db_path(db_url)) is not None  # once it is closed
    again = Store.open(db_url)
    try:
        assert again.check() == []
    finally:
        again.close()
