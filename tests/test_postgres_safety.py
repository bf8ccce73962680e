"""PostgreSQL never hangs a desk (#12): connection and session timeouts with defaults the
URL can override; a server that never answers is a clean refusal, not a wait."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.conftest import postgres_problem
from zcdesk.store import Store
from zcdesk.store.engine import PG_CONNECT, create_store_engine, pg_connect_args
from zcdesk.store.errors import DatabaseUnavailable


def test_defaults_fill_what_the_url_does_not_say() -> None:
    args = pg_connect_args(make_url("postgresql+psycopg://h/db"))
    assert args["connect_timeout"] == PG_CONNECT["connect_timeout"]
    assert "statement_timeout=15000" in args["options"] and "lock_timeout=5000" in args["options"]
    mine = pg_connect_args(make_url(
        "postgresql+psycopg://h/db?connect_timeout=20&options=-c%20statement_timeout%3D1"))
    assert "connect_timeout" not in mine and "options" not in mine  # the URL's own win
    assert mine["keepalives"] == "1"


POSTGRES_ONLY = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)


@POSTGRES_ONLY
def test_the_session_has_its_timeouts(store: Store, db_url: str) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("SHOW statement_timeout")).scalar() == "15s"
        assert conn.execute(text("SHOW lock_timeout")).scalar() == "5s"
    engine = create_store_engine(db_url + "?options=-c%20statement_timeout%3D30000")
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "30s"
    finally:
        engine.dispose()


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts TCP connections and never says a word (a hung server)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


def test_a_server_that_never_answers_is_refused_not_waited_for(silent_server: int) -> None:
    if postgres_problem():
        pytest.skip("psycopg needed")
    with pytest.raises(DatabaseUnavailable):
        Store.open(f"postgresql://u@127.0.0.1:{silent_server}/zcdesk?connect_timeout=1")


# ------------------------------------------------------------------ pg setup
@pytest.fixture
def roles(db_url: str) -> Iterator[tuple[str, str]]:
    import uuid

    import psycopg

    tag = uuid.uuid4().hex[:8]
    owner, desk = f"zc_owner_{tag}", f"zc_desk_{tag}"
    yield owner, desk
    with psycopg.connect(db_url, autocommit=True) as admin:  # in the test database
        for role in (owner, desk):
            if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                admin.execute(f'REASSIGN OWNED BY "{role}" TO postgres')
                admin.execute(f'DROP OWNED BY "{role}"')
    with psycopg.connect(db_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        for role in (desk, owner):
            admin.execute(f'DROP ROLE IF EXISTS "{role}"')


@POSTGRES_ONLY
def test_the_desk_role_can_work_but_not_touch_the_trail(
        store: Store, people: dict[str, int], db_url: str,
        roles: tuple[str, str]) -> None:
    from sqlalchemy.exc import DBAPIError

    from zcdesk.store.pg_roles import setup_roles

    owner, desk = roles
    store.accept(people["张三"], "evaluation", 2)
    store.close()
    done = setup_roles(db_url, owner=owner, desk=desk)
    assert done.created == (owner, desk) and desk in done.words()
    assert setup_roles(db_url, owner=owner, desk=desk).created == ()  # again: no change
    desk_url = db_url.replace("postgresql://postgres@", f"postgresql://{desk}@", 1)
    at_desk = Store.open(desk_url, operator="小王", desk="窗口1")
    try:
        at_desk.accept(people["张三"], "registration", 2)  # a desk's work goes on, sealed
        assert at_desk.check() == []
        for statement in ("UPDATE event SET copies = 1", "DELETE FROM event_seal",
                          "TRUNCATE event CASCADE", "ALTER TABLE event DISABLE TRIGGER USER",
                          "CREATE TABLE sneaky (id int)",
                          "DROP TRIGGER event_append_only ON event"):
            with pytest.raises(DBAPIError), at_desk.engine.begin() as conn:
                conn.execute(text(statement))
    finally:
        at_desk.close()


def test_pg_setup_refuses_sqlite_and_bad_names() -> None:
    from zcdesk.store.errors import InputError
    from zcdesk.store.pg_roles import setup_roles

    with pytest.raises(InputError, match="只用于 PostgreSQL"):
        setup_roles("sqlite:///x.sqlite3")
    with pytest.raises(InputError, match="角色名"):
        setup_roles("postgresql://h/db", owner="Robert'); DROP")
