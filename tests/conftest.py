"""Fixtures: every test gets its own fresh database file."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
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


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


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
