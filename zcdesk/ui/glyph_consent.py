"""Characters no font can draw: the clerk decides before anything prints as 〓 (#13).

The printing functions refuse such a document (printing.MissingGlyphs names each
name and character). The window then asks, once per document: 仍然打印 makes it
again with allow_missing_glyphs (the 〓 must be corrected by hand on the paper, and
the preview's other builds, such as full ID numbers, keep that answer); 取消 ends
with a refusal (InputError) that the caller shows like any other: nothing printed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.printing import PdfResult, PrintOptions


class GlyphConsent:
    """One document's answer to "print 〓 for characters no font has?"."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.allowed = False

    def make(self, build: Callable[[PrintOptions], PdfResult], options: PrintOptions
             ) -> PdfResult:
        """`build(options)`; when it is refused for missing characters, ask the clerk,
        then build again with them allowed, or raise InputError."""
        from zcdesk.printing import MissingGlyphs

        try:
            return build(dataclasses.replace(options, allow_missing_glyphs=self.allowed))
        except MissingGlyphs as missing:
            if not self._ask(missing):
                from zcdesk.store.errors import InputError

                raise InputError(tr("未打印：{where}。所有字体均缺这些字。请核对姓名、单位用字，"
                                    "或由管理员用命令 zcdesk desk --fallback-font 字体文件 "
                                    "指定含这些字的备用字体后重新打印。")
                                 .format(where=_places(missing))) from None
            self.allowed = True
            return build(dataclasses.replace(options, allow_missing_glyphs=True))

    def _ask(self, missing: Exception) -> bool:
        from zcdesk.ui.dialogs import confirm

        where = _places(missing)
        # the question is asked while the wait cursor of "making the PDF" is up
        QApplication.setOverrideCursor(Qt.CursorShape.ArrowCursor)
        try:
            return confirm.ask(
                self.parent, tr("缺字"),
                tr("以下文字所有字体均缺字：{where}。").format(where=where),
                tr("仍然打印时，这些字印为“〓”，须在纸面上用笔写清并由经办人签名确认；"
                   "也可以取消，由管理员用 zcdesk desk --fallback-font "
                   "指定含这些字的备用字体后重新打印。"),
                yes=tr("仍然打印（印为“〓”）"), no=tr("取消打印"), default_yes=False)
        finally:
            QApplication.restoreOverrideCursor()


def _places(missing: Exception) -> str:
    where: tuple[str, ...] = getattr(missing, "where", ())
    shown = "；".join(where[:6])
    return shown + (tr(" 等 {n} 处").format(n=len(where)) if len(where) > 6 else "")
