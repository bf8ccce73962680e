"""Migrations: head in step with the code, every revision applies, models match."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from zcdesk.store import Store
from zcdesk.store.engine import create_store_engine
from zcdesk.store.migrate import HEAD, _alembic_config, current_revision
from zcdesk.store.models import Base


def revisions(engine) -> list[str]:  # type: ignore[no-untyped-def]
    script = ScriptDirectory.from_config(_alembic_config(engine))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_head_constant_matches_the_scripts(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert revisions(engine)[-1] == HEAD


@pytest.mark.both_backends
def test_each_revision_applies_in_turn(db_url: str) -> None:
    engine = create_store_engine(db_url)
    config = _alembic_config(engine)
    for revision in revisions(engine):
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        assert current_revision(engine) == revision
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    assert current_revision(engine) is None
    engine.dispose()


@pytest.mark.both_backends
def test_models_match_the_migrated_schema(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_an_old_database_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_store_engine(f"sqlite:///{path}")
    config = _alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text("INSERT INTO unit (name) VALUES ('老数据单位')"))
    engine.dispose()

    store = Store.open(f"sqlite:///{path}")
    assert store.unit_names() == ["老数据单位"]
    assert store.current_round().code == "2025H1"
    store.close()
    backups = list(tmp_path.glob("old.before-0001-*.sqlite3"))
    assert len(backups) == 1
    assert backups[0].stat().st_mode & 0o077 == 0


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    Store.open(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    try:
        Store.open(url)
    except Exception as exc:
        assert "更新版本" in str(exc)
    else:
        raise AssertionError("a newer schema must be refused")
