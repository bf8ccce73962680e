from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ID_LI, ID_ZHANG
from zcdesk.logs import Clear, mask_personal, redact, setup_logging


@pytest.fixture(autouse=True)
def _close_log_files() -> Iterator[None]:
    """setup_logging adds to the process-wide "zcdesk" logger: take it off again."""
    yield
    root = logging.getLogger("zcdesk")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()


def flush() -> None:
    for handler in logging.getLogger("zcdesk").handlers:
        handler.flush()


def test_redact_masks_ids_and_phones() -> None:
    text = f"扫描 {ID_ZHANG} 与 {ID_LI.lower()}，电话 13812345678、0571-85257157、89500538"
    masked = redact(text)
    assert ID_ZHANG not in masked and ID_LI.lower() not in masked
    assert "330102********1234" in masked and "138****5678" in masked
    assert "85257157" not in masked and "89500538" not in masked
    assert redact("收件 SC-2025H1-00017 共 2 份") == "收件 SC-2025H1-00017 共 2 份"


@pytest.mark.parametrize(("text", "masked"), [
    ("张三", "张*"),
    ("欧阳娜娜", "欧***"),
    ("张 三", "张 *"),  # spaced out: still one name
    ("买买提·艾力", "买**·**"),
    ("𠮷田", "𠮷*"),  # a rare character outside the basic plane
    ("张学院", "张**"),  # name-sized: no unit word kept
    ("杭州汽轮机股份有限公司", "杭****股份有限公司"),
    ("杭州某某（集团）有限公司", "杭***（**）有限公司"),
    ("lookup 张三 failed: 330102199001011234", "lookup 张* failed: 330102********1234"),
    ("收件 SC-2025H1-00017 共 2 份", "收* SC-2025H1-00017 共 2 份"),
    ("no Chinese here", "no Chinese here"),
])
def test_names_and_units_are_masked(text: str, masked: str) -> None:
    assert mask_personal(text) == masked
    assert mask_personal(masked) == masked  # masking twice changes nothing


def test_log_file_holds_no_personal_data(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    log = logging.getLogger("zcdesk.test")
    log.info("lookup %s phone %s", ID_ZHANG, "13912345678")
    log.info("added %s of %s (%d copies, %r)", "张三", "杭州汽轮机股份有限公司", 2, "李四")
    log.info({"name": "王五"})  # not a string: still masked
    log.info("%(name)s at %(unit)s", {"name": "赵六", "unit": "杭州制氧机集团股份有限公司"})
    log.info("by %s", Clear("小王"))  # an operator's name, kept
    try:
        raise ValueError(f"bad id {ID_ZHANG} for 张三 at 杭州汽轮机股份有限公司")
    except ValueError:
        log.exception("failed for %s", "李四")
    log.info("broken format %s %s", "孙七")  # a wrong format string is logged, masked
    flush()
    content = path.read_text(encoding="utf-8")
    for secret in (ID_ZHANG, "13912345678", "张三", "李四", "王五", "赵六", "孙七",
                   "杭州汽轮机", "杭州制氧机"):
        assert secret not in content, secret
    assert "330102********1234" in content and "Traceback" in content
    assert "added 张* of 杭****股份有限公司 (2 copies, '李*')" in content
    assert "赵* at 杭******股份有限公司" in content and "by 小王" in content
    assert "ValueError: bad id 330102********1234 for 张* at 杭****股份有限公司" in content
    assert "broken format" in content
    assert path.stat().st_mode & 0o777 == 0o600


def test_log_files_stay_owner_only_after_rotation(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask: new files would be 0644
    try:
        path = setup_logging(tmp_path)
        (handler,) = logging.getLogger("zcdesk").handlers
        logging.getLogger("zcdesk.test").info("before")
        handler.doRollover()  # type: ignore[attr-defined]
        logging.getLogger("zcdesk.test").info("after")
        flush()
    finally:
        os.umask(old)
    rotated = tmp_path / "zcdesk.log.1"
    assert "before" in rotated.read_text(encoding="utf-8")
    assert "after" in path.read_text(encoding="utf-8")
    for file in (path, rotated):
        assert file.stat().st_mode & 0o777 == 0o600, file


def test_rotation_by_size_keeps_owner_only(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("zcdesk.logs.MAX_BYTES", 200)
    old = os.umask(0o022)
    try:
        path = setup_logging(tmp_path)
        for number in range(20):
            logging.getLogger("zcdesk.test").info("line %d %s", number, "x" * 40)
        flush()
    finally:
        os.umask(old)
    files = sorted(tmp_path.glob("zcdesk.log*"))
    assert len(files) > 2 and path in files
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)


def test_an_older_log_file_is_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "zcdesk.log"
    path.write_text("from an older version\n", encoding="utf-8")
    path.chmod(0o644)
    setup_logging(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_one_log_file_per_process(tmp_path: Path) -> None:
    setup_logging(tmp_path / "a")
    setup_logging(tmp_path / "a")
    setup_logging(tmp_path / "b")
    files = [h.baseFilename for h in logging.getLogger("zcdesk").handlers]  # type: ignore[attr-defined]
    assert files == [str(tmp_path / "b" / "zcdesk.log")]
