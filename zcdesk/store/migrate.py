"""Schema migrations with alembic, run on open; a backup is taken first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from zcdesk.store.engine import sqlite_path
from zcdesk.store.errors import DatabaseUnavailable

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions; a test keeps the two in step.
# Knowing it here lets a start-up on an up-to-date database skip importing
# alembic at all (it costs more than the rest of opening the store).
HEAD = "0013"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(engine: Engine) -> None:
    revision = current_revision(engine)
    if revision == HEAD:
        return
    from alembic.script import ScriptDirectory

    config = _alembic_config(engine)
    known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
    if revision is not None and revision not in known:
        raise DatabaseUnavailable(
            "该数据库由更新版本的 zcdesk 创建（结构版本 "
            f"{revision}），请先升级本程序再打开。")
    if revision is not None:
        backup_before_migration(engine, revision)
    _upgrade(engine, config)


def _alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def _upgrade(engine: Engine, config) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def backup_before_migration(engine: Engine, revision: str) -> Path | None:
    """Copy a SQLite database aside (online backup API, checked) before changing its schema."""
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return None
    from zcdesk.store.backup import backup_to  # lazy: only when migrating

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_to(path, path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}"))
