"""Fixtures: every test gets its own fresh database.

Tests in modules marked `both_backends` run twice: on a fresh SQLite file and
on a fresh PostgreSQL database (created on the server named by
ZCDESK_TEST_POSTGRES, default postgresql://postgres@127.0.0.1:5432/postgres,
and dropped afterwards). Without a reachable server the PostgreSQL runs are
skipped — unless ZCDESK_REQUIRE_POSTGRES=1 (CI), where that is a failure.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Qt tests run without a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from zcdesk.domain.records import ApplicantForm
from zcdesk.store import Store

# A fixed "now" inside the 2025 H1 round: 12 days before the paper deadline.
FIXED_NOW = dt.datetime(2025, 5, 18, 9, 30)

# Valid 居民身份证 numbers (GB 11643 check digits), for tests to scan.
ID_ZHANG = "330102199001011234"
ID_LI = "33010619850315018X"  # ends in X: scanners may send a lower-case x
ID_WANG = "330105197712300040"
BAD_CHECK = "330102199001011235"  # ID_ZHANG with a wrong check digit


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data folder or the real database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("ZCDESK_DATABASE_URL", raising=False)
    for name in ("ZCDESK_PIN", "ZCDESK_NEW_PIN"):  # a PIN of the shell running the tests
        monkeypatch.delenv(name, raising=False)


POSTGRES_ADMIN = os.environ.get("ZCDESK_TEST_POSTGRES",
                                "postgresql://postgres@127.0.0.1:5432/postgres")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_backends: run on SQLite and on PostgreSQL")
    config.addinivalue_line("markers", "sqlite_only: a SQLite-specific behaviour")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
            "both_backends") and not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@functools.cache
def postgres_problem() -> str | None:
    """None when the test server answers; else why not."""
    try:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN, connect_timeout=3):
            return None
    except Exception as exc:
        return f"PostgreSQL at {POSTGRES_ADMIN} not reachable: {exc}"


@pytest.fixture
def db_url(tmp_path: Path, backend: str) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    problem = postgres_problem()
    if problem:
        if os.environ.get("ZCDESK_REQUIRE_POSTGRES") == "1":
            pytest.fail(problem)
        pytest.skip(problem)
    import psycopg

    name = f"zcdesk_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A migrated store for desk 窗口1 at 上城区 (SC), operator 小王."""
    s = Store.open(db_url, operator="小王", desk="窗口1", clock=lambda: FIXED_NOW)
    s.set_desk_point("SC")
    yield s
    s.close()


@pytest.fixture
def people(store: Store) -> dict[str, int]:
    """Three applicants; returns name → packet id."""
    made = {}
    for name, number, unit in (("张三", ID_ZHANG, "杭州汽轮机股份有限公司"),
                               ("李四", ID_LI, "杭州制氧机集团股份有限公司"),
                               ("王五", ID_WANG, "杭州制氧机集团股份有限公司")):
        made[name] = store.add_applicant(
            ApplicantForm(name=name, id_number=number, unit=unit)).packet_id
    return made


CliRun = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(db_url: str, capsys: pytest.CaptureFixture[str]) -> CliRun:
    """Run `zcdesk --db URL --create ARGS…` in-process (--create: each test's database
    is new); returns (exit code, stdout, stderr)."""
    from zcdesk.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--db", db_url, "--create", *args])
        except SystemExit as exc:  # argparse's usage errors, --help and --version
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run
