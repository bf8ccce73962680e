from __future__ import annotations

import logging
from pathlib import Path

from tests.conftest import ID_LI, ID_ZHANG
from zcdesk.logs import redact, setup_logging


def test_redact_masks_ids_and_phones() -> None:
    text = f"扫描 {ID_ZHANG} 与 {ID_LI.lower()}，电话 13812345678、0571-85257157、89500538"
    masked = redact(text)
    assert ID_ZHANG not in masked and ID_LI.lower() not in masked
    assert "330102********1234" in masked and "138****5678" in masked
    assert "85257157" not in masked and "89500538" not in masked
    assert redact("收件 SC-2025H1-00017 共 2 份") == "收件 SC-2025H1-00017 共 2 份"


def test_log_file_holds_no_personal_data(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    log = logging.getLogger("zcdesk.test")
    log.info("lookup %s phone %s", ID_ZHANG, "13912345678")
    try:
        raise ValueError(f"bad id {ID_ZHANG}")
    except ValueError:
        log.exception("failed")
    for handler in logging.getLogger("zcdesk").handlers:
        handler.flush()
    content = path.read_text(encoding="utf-8")
    assert ID_ZHANG not in content and "13912345678" not in content
    assert "330102********1234" in content and "Traceback" in content
    assert path.stat().st_mode & 0o077 == 0
