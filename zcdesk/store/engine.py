"""Engines: SQLite tuned for a counter desk; PostgreSQL with timeouts, so that a hung
server or a pulled network cable never holds a desk for long (#12)."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from zcdesk.store.errors import DatabaseUnavailable

# Write transactions on SQLite start with BEGIN IMMEDIATE so that two desks
# (or a desk and the command line) queue for the write lock up front instead
# of failing half-way with "database is locked" after having read stale rows.
WRITE = {"zc_write": True}
BUSY_TIMEOUT_MS = 5000
# PostgreSQL connection defaults, each overridable in the database URL's query
# (…/zcdesk?connect_timeout=10&options=-c%20statement_timeout%3D30000): a dead peer is
# noticed by TCP keepalives and tcp_user_timeout in about 10 s, a statement or a lock
# wait that runs away is ended by the server.
PG_CONNECT = {"connect_timeout": "5", "keepalives": "1", "keepalives_idle": "5",
              "keepalives_interval": "2", "keepalives_count": "3",
              "tcp_user_timeout": "9000"}
# psycopg is the `postgres` extra (pyproject.toml): a single desk on SQLite does without.
POSTGRES_MISSING = ("这台电脑上的 zcdesk 没有安装 PostgreSQL 支持（psycopg），无法打开 "
                    "postgresql:// 数据库。请安装：pip install 'zcdesk[postgres]'，"
                    "或改用含 PostgreSQL 支持的安装包；单个窗口可改用 SQLite 数据库文件。")
# The Linux bundle carries psycopg without its own libpq (packaging/bundle_filter.py):
# it loads the system's, from the Debian package libpq5 (the .deb recommends it).
LIBPQ_MISSING = ("这台电脑缺少 PostgreSQL 客户端库 libpq，无法打开 postgresql:// 数据库。"
                 "请安装 libpq5（统信 UOS、银河麒麟、Debian：sudo apt install libpq5，"
                 "或从软件商店安装），然后重新启动 zcdesk；单个窗口可改用 SQLite 数据库文件。")
# tcp_user_timeout is a libpq 12 option: an older system libpq refuses the connection
# outright when it is given, so there the keepalives alone notice a dead peer.
TCP_USER_TIMEOUT_SINCE = 120000
PG_SESSION = {"statement_timeout": "15000", "lock_timeout": "5000",
              "idle_in_transaction_session_timeout": "60000"}


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def create_store_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise DatabaseUnavailable(
            f"数据库地址“{url}”无法识别。示例：sqlite:////路径/zcdesk.sqlite3 "
            "或 postgresql+psycopg://主机/数据库") from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        extra = pg_connect_args(parsed) if parsed.get_backend_name() == "postgresql" else {}
        return create_engine(parsed, pool_pre_ping=True, connect_args=extra)
    except ModuleNotFoundError as exc:
        if parsed.get_backend_name() == "postgresql" and (exc.name or "").startswith("psycopg"):
            raise DatabaseUnavailable(POSTGRES_MISSING) from exc
        raise DatabaseUnavailable(f"无法连接数据库：{exc}") from exc
    except ImportError as exc:
        # psycopg is there but found no libpq ("no pq wrapper available … libpq library
        # not found")
        if parsed.get_backend_name() == "postgresql" and "libpq" in str(exc):
            raise DatabaseUnavailable(LIBPQ_MISSING) from exc
        raise DatabaseUnavailable(f"无法连接数据库：{exc}") from exc
    except Exception as exc:  # a missing driver, say
        raise DatabaseUnavailable(f"无法连接数据库：{exc}") from exc


def pg_connect_args(url: URL) -> dict[str, str]:
    """The defaults of PG_CONNECT and PG_SESSION that the URL does not set itself."""
    given = set(url.query)
    if _libpq_version() < TCP_USER_TIMEOUT_SINCE:
        given.add("tcp_user_timeout")
    args = {k: v for k, v in PG_CONNECT.items() if k not in given}
    if "options" not in given:
        args["options"] = " ".join(f"-c {k}={v}" for k, v in PG_SESSION.items())
    return args


def _sqlite_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        if path.is_dir():
            raise DatabaseUnavailable(f"数据库路径“{path}”是一个文件夹，请指定文件。")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(f"无法创建数据库所在文件夹“{path.parent}”：{exc}") from exc
        if not path.exists():
            # Owner-only from the first byte: the file holds ID numbers.
            try:
                path.touch(mode=0o600)
            except OSError as exc:
                raise DatabaseUnavailable(f"无法创建数据库文件“{path}”：{exc}") from exc
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see _on_begin
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL: readers never block the writer; synchronous=FULL: a transaction
        # the clerk saw confirmed survives a power cut, not only a crash.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        immediate = conn.get_execution_options().get("zc_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs",
                       "ceph", "glusterfs", "fuse.glusterfs", "davfs", "fuse.rclone"}


DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive (winbase.h)
_DRIVE = re.compile(r"[A-Za-z]:")


def network_share_warning(url: str, mounts: str | None = None, *,
                          windows: bool | None = None,
                          drive_type: Callable[[str], int] | None = None) -> str | None:
    """A warning when a SQLite file lies on a network share, where its locking is unsafe.

    `mounts` is /proc/mounts' text (read when None); `windows` and `drive_type` (the
    drive's GetDriveTypeW answer, asked through ctypes when None) stand in for the
    platform in tests.
    """
    path = sqlite_path(url)
    if path is None:
        return None
    if windows is None:
        windows = sys.platform == "win32"
    if not on_network_share(str(path), mounts=mounts, windows=windows,
                            drive_type=drive_type):
        return None
    return ("数据库文件位于网络共享文件夹上（网络驱动器、\\\\服务器\\共享 或 NFS/CIFS）。"
            "SQLite 在网络共享上加锁不可靠，多个窗口同时使用可能损坏数据。请把数据库放在本机磁盘；"
            "多窗口办公请改用 PostgreSQL（见 README“多个窗口”一节）。")


def on_network_share(text: str, *, mounts: str | None, windows: bool,
                     drive_type: Callable[[str], int] | None = None) -> bool:
    """Whether the file at `text` is on a network share: a UNC path (\\\\server\\share\\…,
    also as //server/share or \\\\?\\UNC\\…) by its shape on any OS; on Windows a drive
    letter that is a network drive (a mapped Z:); elsewhere a network file system in
    `mounts` (NFS, CIFS …)."""
    if text.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")):  # Win32 long-path forms
        rest = text[4:]
        if rest[:4].upper() in ("UNC\\", "UNC/"):
            return True
        text = rest
    elif text.startswith(("\\\\", "//")):
        return True
    if windows:
        drive = text[:2]
        if not _DRIVE.fullmatch(drive):  # relative or rooted: on the current drive
            drive = os.path.abspath(text)[:2]
            if drive.startswith(("\\\\", "//")):
                return True  # the current folder is itself a UNC path
        if not _DRIVE.fullmatch(drive):
            return False
        ask = drive_type or _windows_drive_type
        try:
            return ask(drive.upper() + "\\") == DRIVE_REMOTE
        except (OSError, AttributeError, ValueError):
            return False
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            return False
    resolved = str(Path(text).expanduser().resolve(strict=False))
    best, fstype = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) >= 3 and (resolved == parts[1] or resolved.startswith(
                parts[1].rstrip("/") + "/")) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in NETWORK_FILESYSTEMS


def _windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _libpq_version() -> int:
    """The libpq psycopg uses (170000 for 17.0): the bundled one, or the system's."""
    import psycopg

    return int(psycopg.pq.version())
