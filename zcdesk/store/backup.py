"""Backups of the SQLite database: online copies, checked, rotated; restore.

SQLite's online backup API copies a consistent snapshot while desks keep
working. Every copy is verified with `PRAGMA integrity_check` before it
counts; a restore refuses a damaged file and keeps the current one aside.
PostgreSQL offices use pg_dump / pg_restore (see the README).

A second target (a USB stick, another disk, a network folder; the setting the
first-day set-up writes) gets a copy of each daily backup (`daily_backups`), in a
folder of this database's own inside it (`copies_name`: the file's stem and a random
id kept in the settings), so that a stick or share used by two PCs never mixes their
copies: a target that is missing or not writable is a warning in words, never an
error, and never stops the main backup. Only names that say when a copy was taken,
and not a time still to come, count as copies; only those are ever pruned.
`restore_drill` restores the newest copy into a temporary folder and checks it as
a restore would, then removes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from zcdesk.store.errors import InputError, StoreError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from zcdesk.store import Store

PREFIX = "zcdesk-"
SUFFIX = ".sqlite3"
DEFAULT_KEEP = 14


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for `path`, quoted: a `%`, `#` or `?` in a folder name
    would otherwise end the path or open another file (file:///C:/… on Windows)."""
    return file_uri(Path(path).resolve()) + "?mode=ro"


def file_uri(absolute: PurePath) -> str:
    """`absolute` as a file: URI SQLite opens. A Windows UNC path (a server's share,
    and what resolve() makes of a mapped network drive) would be file://server/share/…,
    whose authority SQLite refuses; file:////server/share/… names the same file."""
    uri = absolute.as_uri()
    if not uri.startswith("file:///"):
        uri = "file:////" + uri.removeprefix("file://")
    return uri


def _read_only_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    uri = read_only_uri(path)
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True),
                         poolclass=NullPool)


def integrity_problems(path: Path) -> list[str]:
    """What SQLite finds wrong with the file (empty: the file is sound)."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        return [f"无法打开：{exc}"]
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else [f"完整性检查：{r}" for r in rows]
        problems += [f"外键不一致：表 {r[0]} 第 {r[1]} 行引用 {r[2]}"
                     for r in conn.execute("PRAGMA foreign_key_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "event", "packet", "applicant"} <= tables:
            problems.append("不是 zcdesk 数据库（缺少必要的表）。")
        return problems
    except sqlite3.DatabaseError as exc:
        return [f"文件已损坏或不是数据库：{exc}"]
    finally:
        conn.close()


def backup_to(source: Path, target: Path) -> Path:
    """A consistent copy of `source` at `target` (owner-only), verified. Never replaces
    an existing file (least of all the live database); a failed copy leaves nothing
    behind and is an InputError in words."""
    if _same_file(source, target):
        raise InputError(f"“{target}”就是正在使用的数据库文件，不能备份到它自己。"
                         "请另选一个文件名或文件夹。")
    if target.exists():
        raise InputError(f"“{target}”已存在，为免覆盖，未备份。请另选一个文件名，"
                         "或先把旧文件移走。")
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(exist_ok=True)  # only the last folder: never a whole path
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        os.chmod(partial, 0o600)
    except (sqlite3.Error, OSError) as exc:  # stick pulled, disk full, no permission
        _discard(partial)
        raise InputError(f"无法写入备份“{target}”（{_reason(exc)}）。请检查 U 盘或磁盘是否"
                         "已插好、剩余空间和写入权限，然后重试。") from exc
    problems = integrity_problems(partial)
    if problems:
        _discard(partial)
        raise InputError("备份副本未通过完整性检查，已丢弃：" + "；".join(problems))
    try:
        if target.exists():  # appeared meanwhile: still never replaced
            raise FileExistsError(17, "文件已存在")
        os.replace(partial, target)
    except OSError as exc:
        _discard(partial)
        raise InputError(f"无法写入备份“{target}”（{_reason(exc)}）。请另选一个文件名，"
                         "或检查该文件夹的写入权限。") from exc
    return target


def _same_file(source: Path, target: Path) -> bool:
    try:
        if target.resolve() == source.resolve():
            return True
        return target.exists() and source.exists() and os.path.samefile(source, target)
    except OSError:
        return False


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__


def backup_folder(database: Path) -> Path:
    """Where a database's automatic copies go: `backups/` beside the real one
    (zcdesk.sqlite3), `backups-<name>/` beside any other (the demo's, a test file), so
    that each has its own copies and its own once-a-day count (#12)."""
    name = "backups" if database.stem == "zcdesk" else f"backups-{database.stem}"
    return database.parent / name


def backups_in(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}"))


def copy_name(now: dt.datetime) -> str:
    """zcdesk-20250501-080000.sqlite3: a copy's name says when it was taken."""
    return f"{PREFIX}{now:%Y%m%d-%H%M%S}{SUFFIX}"


def backup_into(source: Path, folder: Path, now: dt.datetime) -> Path:
    """A checked copy of `source` in `folder` (which must exist), named by `now`."""
    if not folder.is_dir():
        raise InputError(f"文件夹“{folder}”不存在：请先建好（或插好 U 盘）再备份。")
    target = folder / copy_name(now)
    if target.exists():
        raise InputError(f"“{target}”已存在：请过一秒再试，或换一个文件夹。")
    return backup_to(source, target)


def dated_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """The copies in `folder` whose names say when they were taken, oldest first; a
    `zcdesk-xxx.sqlite3` named otherwise is not one of them (never counted, never
    deleted). Empty when the folder cannot be read."""
    try:
        return sorted((t, p) for p in backups_in(folder) if (t := _taken_at(p)) is not None)
    except OSError:
        return []


def newest_dated(folder: Path, now: dt.datetime | None = None) -> tuple[dt.datetime, Path] | None:
    """The newest copy in `folder` not dated after `now`: a name from a day when the
    clock was wrong would otherwise look newer than every real copy for ever."""
    now = now or dt.datetime.now()
    dated = [(t, p) for t, p in dated_backups(folder) if t <= now]
    return dated[-1] if dated else None


def newest_taken(folder: Path, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the newest copy in `folder` was taken (None: none, or no such folder)."""
    newest = newest_dated(folder, now)
    return newest[0] if newest else None


def prune(folder: Path, keep: int) -> None:
    """Delete all but the last `keep` dated copies in `folder` (only those)."""
    for _taken, old in dated_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)


def _taken_at(path: Path) -> dt.datetime | None:
    """When a copy was taken, from its name (zcdesk-20250501-080000.sqlite3)."""
    try:
        return dt.datetime.strptime(path.name[len(PREFIX):-len(SUFFIX)], "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def automatic_backup(source: Path, folder: Path, *, keep: int = DEFAULT_KEEP,
                     every: dt.timedelta = dt.timedelta(days=1),
                     now: dt.datetime | None = None) -> Path | None:
    """Back up when the newest copy is older than `every`; keep the last `keep`.

    Called at start and periodically by the window; returns the new copy or None.
    """
    if not source.exists():
        return None
    now = now or dt.datetime.now()
    newest = newest_taken(folder, now)
    if newest is not None and now - newest < every:
        return None
    target = backup_to(source, folder / copy_name(now))
    prune(folder, keep)
    return target


def restore_from(backup: Path, database: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Put `backup`'s content in place of `database`'s; the current content is kept
    aside (returned). All or nothing, and refused with the current database untouched
    when the backup is damaged, of a newer schema, its audit chain or triggers fail, or
    another process (a desk's window, a command) has the database open (#12).

    The content is copied into the same file by SQLite's backup API while this
    process holds the database's exclusive lock: a desk that opens it meanwhile waits,
    then sees the restored data; none can go on writing into a replaced file.
    """
    if not backup.is_file():
        raise InputError(f"备份文件“{backup}”不存在。")
    problems = integrity_problems(backup) or backup_problems(backup)
    if problems:
        raise InputError(f"备份文件“{backup.name}”不能用于恢复，当前数据库保持不变：" +
                         "；".join(problems))
    now = now or dt.datetime.now()
    if not database.exists():  # nothing to keep aside, nobody to lock out
        staged = database.with_name(database.name + ".restoring")
        shutil.copyfile(backup, staged)
        os.chmod(staged, 0o600)
        os.replace(staged, database)
        return None
    live = _exclusive(database)
    try:
        aside = database.with_name(f"{database.stem}.before-restore-{now:%Y%m%d-%H%M%S}"
                                   f"{database.suffix}")
        copy = sqlite3.connect(aside)
        try:
            live.backup(copy)
        finally:
            copy.close()
        os.chmod(aside, 0o600)
        source = sqlite3.connect(read_only_uri(backup), uri=True)
        try:
            source.backup(live)
        finally:
            source.close()
        live.execute("PRAGMA journal_mode=WAL")  # as the app keeps it
    finally:
        live.close()
    return aside


def copy_chain_head(path: Path) -> str:
    """The audit chain head a copy holds, in words: what `zcdesk backup` prints, so the
    paper names exactly the copy's trail (not the live one, which may have moved on)."""
    from zcdesk.store import audit_chain

    engine = _read_only_engine(path)
    try:
        with engine.connect() as conn:
            return audit_chain.head(conn).words()
    finally:
        engine.dispose()


def backup_problems(path: Path) -> list[str]:
    """Why a sound SQLite file still may not replace the database: a schema newer than
    this version knows, or an audit trail whose chain or triggers do not hold."""
    from sqlalchemy import text

    from zcdesk.store import audit_chain
    from zcdesk.store.migrate import HEAD

    engine = _read_only_engine(path)
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if revision is None or not revision.isdigit():
                return [f"无法识别的数据库版本“{revision}”"]
            if int(revision) > int(HEAD):
                return [f"备份来自更新版本的 zcdesk（数据库版本 {revision}，本程序为 {HEAD}），"
                        "请先升级本程序"]
            if int(revision) >= 11:  # sealed since 0011: the whole chain must hold
                return audit_chain.verify(conn)
            if int(revision) >= 5:  # append-only since 0005: its triggers must be there
                return [p for p in audit_chain.missing_triggers(conn) if "event_seal" not in p]
            return []
    except Exception as exc:  # any failure to read it is a refusal
        return [f"无法读取：{exc}"]
    finally:
        engine.dispose()


def _exclusive(database: Path) -> sqlite3.Connection:
    """A connection holding `database` exclusively, or a refusal when any other
    connection has it open. Leaving WAL mode needs every other connection closed: if
    SQLite keeps WAL, somebody else is there."""
    conn = sqlite3.connect(database, timeout=2, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if mode != "delete":
            raise sqlite3.OperationalError("database is locked")
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")  # taken now, kept until the connection closes
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        conn.close()
        raise InputError("数据库正被其他程序使用（某个窗口或命令还开着），未恢复，当前数据库"
                         "保持不变。请先关闭各电脑上打开此数据库的 zcdesk 窗口和命令，"
                         "再恢复。") from exc
    return conn


# ------------------------------------------------------------ the second target
SECOND_STALE = dt.timedelta(days=2)  # a daily copy older than this is worth a warning
_MARK = "second-copy.txt"  # in the main folder: the second target's last copy, when known


@dataclass(frozen=True)
class SecondCopy:
    """The second target after a daily backup: its newest copy of this database, and
    why no copy could be made now ("" when all went well). The copies are kept in a
    folder of their own inside the target (`copies`), so that a stick or share used by
    several databases never mixes them up."""

    folder: Path  # the target chosen (the stick's folder, the share)
    last: dt.datetime | None  # when this database's newest copy there was taken
    problem: str = ""
    made: Path | None = None  # the copy made now
    copies: Path | None = None  # this database's folder inside it (None: not known yet)

    def age_words(self, now: dt.datetime) -> str:
        if self.last is None:
            return "尚无副本"
        hours = int((now - self.last).total_seconds() // 3600)
        if hours < 1:
            return "不到 1 小时前"
        return f"{hours} 小时前" if hours < 48 else f"{hours // 24} 天前"

    def notice(self, now: dt.datetime) -> tuple[str, str, bool]:
        """The status bar's words: (text, tooltip, warn)."""
        age = self.age_words(now)
        if self.problem:
            return (f"！第二份备份：{self.problem.split('：')[0]}",
                    f"{self.problem}\n上次复制到那里：{age}。主备份不受影响。", True)
        stale = self.last is None or now - self.last > SECOND_STALE
        detail = f"第二份备份位置：{self.folder}\n最近一份：{age}"
        if self.copies is not None:
            detail += f"\n本数据库的副本在其中的“{self.copies.name}”文件夹"
        return (f"{'！' if stale else ''}第二份备份 {age}", detail, stale)


@dataclass(frozen=True)
class DailyBackups:
    main: Path | None  # the copy made now in the main folder (None: not due)
    second: SecondCopy | None  # None: no second target set (or PostgreSQL)


# This database's own identity: names its folder on a second target, so that two PCs
# whose databases share a file name (zcdesk.sqlite3) never take each other's copies.
SETTING_DATABASE_ID = "backup.database_id"


def database_id(store: Store, *, create: bool = True) -> str | None:
    """The database's random id (a setting, made on first use when `create`)."""
    text = (store.setting(SETTING_DATABASE_ID) or "").strip()
    if text or not create:
        return text or None
    store.set_setting(SETTING_DATABASE_ID, secrets.token_hex(4))
    return (store.setting(SETTING_DATABASE_ID) or "").strip() or None


def copies_name(database: Path, identity: str) -> str:
    """zcdesk-3f9a1c2b: the file's stem to read, the id to tell two offices apart."""
    return f"{database.stem}-{identity}"


def second_folder_of(store: Store) -> Path | None:
    """The second target set for this database (by the first-day set-up, the window's
    设置 → 第二份备份位置… or `zcdesk backup --set-second`), if any."""
    from zcdesk.store.first_day import SETTING_BACKUP_FOLDER

    text = (store.setting(SETTING_BACKUP_FOLDER) or "").strip()
    return Path(text) if text else None


def second_copies_of(store: Store, *, create: bool = False) -> Path | None:
    """This database's folder on the second target (None: no target, PostgreSQL, or
    no id yet and `create` is False: then nothing was ever copied there)."""
    from zcdesk.store.engine import sqlite_path

    database = sqlite_path(str(store.engine.url))
    second = second_folder_of(store)
    if database is None or second is None:
        return None
    identity = database_id(store, create=create)
    return second / copies_name(database, identity) if identity else None


def adopt_first_copy(store: Store, copy: Path) -> Path:
    """The first copy that setting the second target wrote (first_day.set_backup_folder)
    moved into this database's own folder there, where the daily copies go and where
    the status and the restore drill look. Returns where it is now; left in place
    (still a sound copy) when it cannot be moved. Does nothing when already there."""
    from zcdesk.store.engine import sqlite_path

    database = sqlite_path(str(store.engine.url))
    identity = database_id(store) if database is not None else None
    if database is None or identity is None:
        return copy
    if copy.parent.name == copies_name(database, identity):
        return copy  # already there
    copies = copy.parent / copies_name(database, identity)
    try:
        copies.mkdir(exist_ok=True)
        if (copies / copy.name).exists():
            return copy
        os.replace(copy, copies / copy.name)
    except OSError:
        return copy
    return copies / copy.name


def second_copy(store: Store) -> SecondCopy | None:
    """The second target brought up to the newest daily copy (None: none set).
    Never raises: what went wrong is said in words."""
    from zcdesk.store.engine import sqlite_path

    database = sqlite_path(str(store.engine.url))
    second = second_folder_of(store) if database is not None else None
    if database is None or second is None:
        return None
    main = backup_folder(database)
    try:
        identity = database_id(store)
    except StoreError as exc:  # the id could not be saved: no copy, a warning
        return SecondCopy(second, None, f"数据库编号未能保存：{exc}（本数据库的副本要放进以它"
                                        "命名的文件夹）。请稍后再试，或请管理员检查数据库")
    if identity is None:
        return SecondCopy(second, None, "数据库编号未能保存：请稍后再试，或请管理员检查数据库")
    return copy_to_second(main, second / copies_name(database, identity), now=store.clock())


def daily_backups(store: Store) -> DailyBackups:
    """The daily copy (when due), then the second target brought up to the newest copy.
    Only the main backup may raise. (The window runs the two as separate jobs, so that
    a hung network folder never holds up the daily backup: ui/session.py.)"""
    main = store.automatic_backup()
    return DailyBackups(main, second_copy(store))


def second_state(main: Path, second: Path, copies: Path | None = None,
                 now: dt.datetime | None = None) -> SecondCopy:
    """The second target as it is (looks only): this database's newest copy in
    `copies` (its folder inside `second`; None: no id yet, so none was ever copied),
    or why the target cannot be reached. Never raises."""
    known = _remembered(main, copies) if copies is not None else None
    try:
        if not second.is_dir():
            return SecondCopy(second, known, f"找不到文件夹：“{second}”不存在或未连接（U 盘没插好、"
                                             "网络文件夹断开？）。请接好后等下一次自动备份，或"
                                             "重新设置第二份备份位置", copies=copies)
        newest = newest_taken(copies, now) if copies is not None else None
        return SecondCopy(second, newest or known, copies=copies)
    except OSError as exc:
        return SecondCopy(second, known, f"无法读取：“{second}”（{exc.strerror or exc}）",
                          copies=copies)


def copy_to_second(main: Path, copies: Path, *, keep: int = DEFAULT_KEEP,
                   now: dt.datetime | None = None) -> SecondCopy:
    """Copy the newest copy of `main` into `copies` (this database's folder inside the
    second target, made when missing) when it is not there yet; keep the last `keep`
    dated copies there. Only names that say a time not after `now` count. Never
    raises: a missing or unwritable target is said in words."""
    now = now or dt.datetime.now()
    second = copies.parent
    state = second_state(main, second, copies, now)
    if state.problem:
        return state
    try:
        there = newest_taken(copies, now)
        newest = newest_dated(main, now)
        if newest is None or (there is not None and newest[0] <= there):
            return state
        taken, source = newest
        copies.mkdir(exist_ok=True)  # inside a target that is there
        made = _copy_checked(source, copies / source.name)
        prune(copies, keep)
        _remember(main, copies, taken)
        return SecondCopy(second, taken, made=made, copies=copies)
    except InputError as exc:
        return SecondCopy(second, state.last, f"副本未通过检查：{exc}", copies=copies)
    except OSError as exc:
        return SecondCopy(second, state.last, f"无法写入：“{second}”（{exc.strerror or exc}）。"
                                              "请检查是否写保护、空间是否足够", copies=copies)


def _copy_checked(source: Path, target: Path) -> Path:
    """A byte copy of a checked backup, flushed to the medium and checked again there."""
    partial = target.with_name(target.name + ".partial")
    try:
        with open(source, "rb") as src, open(partial, "wb") as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):  # FAT sticks and network folders may refuse
            os.chmod(partial, 0o600)
        problems = integrity_problems(partial)
        if problems:
            raise InputError("；".join(problems))
        os.replace(partial, target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return target


def _remember(main: Path, copies: Path, taken: dt.datetime) -> None:
    with contextlib.suppress(OSError):
        (main / _MARK).write_text(f"{taken:%Y-%m-%dT%H:%M:%S}\t{copies}\n", encoding="utf-8")


def _remembered(main: Path, copies: Path) -> dt.datetime | None:
    """The last copy made into `copies`, as noted in the main folder (for when the
    target is not there to look at)."""
    try:
        when, folder = (main / _MARK).read_text(encoding="utf-8").rstrip("\n").split("\t", 1)
        return dt.datetime.fromisoformat(when) if Path(folder) == copies else None
    except (OSError, ValueError):
        return None


# ------------------------------------------------------------ the restore drill
@dataclass(frozen=True)
class DrillResult:
    backup: Path
    problems: list[str]
    events: int = 0
    head_words: str = ""


def newest_backup(database: Path, copies: Path | None = None,
                  now: dt.datetime | None = None) -> Path | None:
    """The newest automatic copy of `database`: its own folder's, or the one in its
    folder on the second target (`copies`) when that one is newer (as named: when
    taken; never a name dated after `now`)."""
    found = [newest_dated(backup_folder(database), now)]
    if copies is not None:
        found.append(newest_dated(copies, now))
    dated = [f for f in found if f is not None]
    return max(dated)[1] if dated else None


def restore_drill(backup: Path) -> DrillResult:
    """Restore `backup` into a temporary file as a restore would take it, open it with
    this version (migrating if it is older) and check it all: integrity, schema,
    audit chain and triggers, packet states, receipt numbers. Nothing is left behind."""
    from zcdesk.store import Store

    problems = integrity_problems(backup) or backup_problems(backup)
    if problems:
        return DrillResult(backup, problems)
    with tempfile.TemporaryDirectory(prefix="zcdesk-drill-") as folder:
        restored = Path(folder) / "restored.sqlite3"
        restore_from(backup, restored)
        try:
            store = Store.open(f"sqlite:///{restored}")
        except Exception as exc:  # any failure to open is the drill's finding
            return DrillResult(backup, [f"恢复后无法打开：{exc}"])
        try:
            problems = store.check()
            head = store.chain_head()
            return DrillResult(backup, problems, head.last_id, head.words())
        finally:
            store.close()
