"""PostgreSQL support is the `postgres` extra: without psycopg a postgresql:// database is
refused in words, and SQLite desks work as before."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Runs zcdesk's command line in a fresh interpreter where psycopg cannot be imported,
# as on a desk installed with plain `pip install zcdesk`.
WITHOUT_PSYCOPG = """
import sys

class NoPsycopg:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("psycopg", "psycopg_binary", "psycopg_c"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoPsycopg())
from zcdesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_without_psycopg(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp), "XDG_DATA_HOME": str(tmp / "data"),
           "XDG_STATE_HOME": str(tmp / "state"), "XDG_CONFIG_HOME": str(tmp / "config"),
           "XDG_CACHE_HOME": str(tmp / "cache"), "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-c", WITHOUT_PSYCOPG, *args], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_psycopg_is_an_extra_not_a_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if d.startswith("psycopg")]
    assert project["optional-dependencies"]["postgres"] == ["psycopg[binary]>=3.1"]
    assert "zcdesk[postgres]" in project["optional-dependencies"]["test"]
    assert project["gui-scripts"]["zcdesk-window"] == "zcdesk.cli:main"
    assert "LICENSE" in project["license-files"]
    assert (ROOT / "LICENSE").read_text().lstrip().startswith("Apache License")


def test_postgresql_url_without_psycopg_is_refused_in_words(tmp_path: Path) -> None:
    result = run_without_psycopg("--db", "postgresql://127.0.0.1/zcdesk", "status",
                                 tmp=tmp_path)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "没有安装 PostgreSQL 支持" in result.stderr
    assert "pip install 'zcdesk[postgres]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_sqlite_desk_works_without_psycopg(tmp_path: Path) -> None:
    database = tmp_path / "desk.sqlite3"
    result = run_without_psycopg("--create", "--db", str(database), "status", "--json",
                                 tmp=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert database.is_file()


# As in the Linux bundle on a PC without libpq5: psycopg is there without its binary
# part (packaging/bundle_filter.py), and the system has no libpq for it to load.
WITHOUT_LIBPQ = """
import ctypes.util, sys

class NoBinary:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("psycopg_binary", "psycopg_c"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoBinary())
find_library = ctypes.util.find_library
ctypes.util.find_library = lambda name: None if name == "pq" else find_library(name)
from zcdesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_postgresql_url_without_a_system_libpq_names_the_package_to_install(
        tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "s"),
           "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_CACHE_HOME": str(tmp_path / "k")}
    result = subprocess.run([sys.executable, "-c", WITHOUT_LIBPQ, "--db",
                             "postgresql://127.0.0.1/zcdesk", "status"], env=env,
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "缺少 PostgreSQL 客户端库 libpq" in result.stderr
    assert "apt install libpq5" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_old_system_libpq_is_not_given_tcp_user_timeout(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from sqlalchemy.engine import make_url

    from zcdesk.store import engine

    url = make_url("postgresql+psycopg://h/db")
    monkeypatch.setattr(engine, "_libpq_version", lambda: 110022)  # UOS 20's libpq 11
    assert "tcp_user_timeout" not in engine.pg_connect_args(url)
    assert engine.pg_connect_args(url)["keepalives"] == "1"
    monkeypatch.setattr(engine, "_libpq_version", lambda: 150020)
    assert engine.pg_connect_args(url)["tcp_user_timeout"] == "9000"
