"""Where printed documents go: the fallback font setting and the all-or-nothing PDF write,
and the covers' 经办人 read from the visits.

Shared by the command line (`zcdesk print -o`) and the window (Save as PDF), so both
refuse the same way; neither layer imports the other.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the window starts without SQLAlchemy
    from zcdesk.domain.records import PacketView
    from zcdesk.store import Store

SETTING_FALLBACK_FONT = "print.fallback_font"
# "1": the notice's 申请人联 and 存档联 share one sheet when they fit (default: a sheet each)
SETTING_NOTICE_TWO_UP = "print.notice_two_up"
ENV_FALLBACK_FONT = "ZCDESK_FALLBACK_FONT"


def fallback_font(store: Store) -> Path | None:
    from zcdesk.store import InputError

    configured = os.environ.get(ENV_FALLBACK_FONT) or store.setting(SETTING_FALLBACK_FONT)
    if not configured:
        return None
    path = Path(configured).expanduser()
    if not path.is_file():
        raise InputError(f"备用字体文件“{path}”不存在，请检查设置（{SETTING_FALLBACK_FONT}）。")
    return path


def add_glyph_flag(parser: argparse.ArgumentParser) -> None:
    """--allow-missing-glyphs on a command that writes a PDF: without it, a name with a
    character no font has refuses the document (printing.MissingGlyphs) — as the
    window asks the clerk first."""
    parser.add_argument("--allow-missing-glyphs", action="store_true",
                        help="所有字体均缺的字印为“〓”（须在纸面上手写补正）；"
                             "不加时拒绝打印并列出缺字")


def notice_two_up(store: Store) -> bool:
    return (store.setting(SETTING_NOTICE_TWO_UP) or "").strip() in ("1", "true", "yes")


def write_atomically(target: Path, data: bytes) -> None:
    from zcdesk.store import InputError

    if target.suffix.lower() != ".pdf":
        raise InputError(f"输出文件“{target}”应以 .pdf 结尾。")
    if not target.parent.is_dir():
        raise InputError(f"输出文件夹“{target.parent}”不存在。")
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".zcdesk-", suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise InputError(f"无法写入“{target}”：{exc.strerror or exc}") from exc


def cover_clerks(store: Store, packets: Iterable[PacketView]) -> dict[str, str]:
    """The operator who recorded each packet's first visit, by receipt number: the
    经办人 a cover prints (#13), never whoever prints it. One read per visit."""
    from zcdesk.store import NotFound

    clerks: dict[str, str] = {}
    for receipt_no in {p.receipt_no for p in packets if p.receipt_no}:
        with contextlib.suppress(NotFound):  # a packet imported, never handed in
            clerks[receipt_no] = store.visit_by_receipt(receipt_no).operator
    return clerks
