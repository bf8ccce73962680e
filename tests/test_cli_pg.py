"""`zcdesk pg setup` (#12): the owner and desk roles from the command line, with an
admin's PIN and the passwords never on the command line."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from tests.conftest import CliRun
from zcdesk.store import Store

psycopg = pytest.importorskip("psycopg")  # the `postgres` extra
POSTGRES_ONLY = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)


@pytest.fixture
def roles(db_url: str) -> Iterator[tuple[str, str]]:
    """Two role names of this test only, dropped afterwards (roles are server-wide)."""
    tag = uuid.uuid4().hex[:8]
    owner, desk = f"zc_owner_{tag}", f"zc_desk_{tag}"
    yield owner, desk
    with psycopg.connect(db_url, autocommit=True) as admin:
        for role in (owner, desk):
            if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                admin.execute(f'REASSIGN OWNED BY "{role}" TO postgres')
                admin.execute(f'DROP OWNED BY "{role}"')
    with psycopg.connect(db_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        for role in (desk, owner):
            admin.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture
def office(store: Store) -> Store:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    store.create_operator("小王", "2580", "clerk")
    return store


def has_password(db_url: str, role: str) -> bool:
    with psycopg.connect(db_url) as conn:
        row = conn.execute("SELECT rolpassword IS NOT NULL FROM pg_authid WHERE rolname = %s",
                           (role,)).fetchone()
    return bool(row and row[0])


@POSTGRES_ONLY
def test_pg_setup_from_the_command_line(office: Store, people: dict[str, int], db_url: str,
                                        cli: CliRun, roles: tuple[str, str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import DBAPIError

    owner, desk = roles
    office.accept(people["张三"], "evaluation", 2)
    names = ("pg", "setup", "--owner", owner, "--desk", desk)
    # A clerk is refused before anything is asked or changed.
    monkeypatch.setattr("sys.stdin", io.StringIO("2580\n"))
    code, _, err = cli("--operator", "小王", "--pin-stdin", *names)
    assert code == 1 and "管理员" in err
    with psycopg.connect(db_url) as conn:
        assert not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (owner,)).fetchone()
    # The admin: PIN, then the owner's and the desk's password, each on its own line.
    monkeypatch.setattr("sys.stdin", io.StringIO("7391\nowner-secret\ndesk-secret\n"))
    code, out, err = cli("--operator", "老李", "--pin-stdin", *names, "--passwords-stdin")
    assert code == 0, err
    assert f"所有者角色 {owner}，窗口角色 {desk}" in out and "新建角色" in out
    assert "secret" not in out + err
    assert has_password(db_url, owner) and has_password(db_url, desk)
    # Again, no passwords given (none in the environment, no terminal): nothing changes.
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, _ = cli("--operator", "老李", *names)
    assert code == 0 and "角色均已存在" in out
    # The desk role works at the counter, and cannot touch the trail.
    desk_url = db_url.replace("postgresql://postgres@", f"postgresql://{desk}@", 1)
    at_desk = Store.open(desk_url, operator="小王", desk="窗口1")
    try:
        at_desk.accept(people["张三"], "registration", 2)
        with pytest.raises(DBAPIError), at_desk.engine.begin() as conn:
            conn.execute(text("DELETE FROM event"))
    finally:
        at_desk.close()


@POSTGRES_ONLY
def test_new_roles_without_passwords_are_pointed_out(store: Store, db_url: str, cli: CliRun,
                                                     roles: tuple[str, str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    owner, desk = roles
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setenv("ZCDESK_PG_DESK_PASSWORD", "from-the-environment")
    code, out, err = cli("pg", "setup", "--owner", owner, "--desk", desk)  # set-up mode
    assert code == 0, err
    assert "新建角色" in out
    assert has_password(db_url, desk) and not has_password(db_url, owner)
    assert f"{owner} 没有密码" in err


def test_pg_setup_refuses_a_sqlite_database(cli: CliRun) -> None:
    code, _, err = cli("pg", "setup")
    assert code == 1 and "只用于 PostgreSQL" in err


def test_a_password_is_never_an_argument(cli: CliRun) -> None:
    code, _, err = cli("pg", "setup", "--password", "x")
    assert code == 2 and "参数有误" in err  # no such option: a usage error, nothing done
