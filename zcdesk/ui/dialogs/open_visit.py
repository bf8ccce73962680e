"""An unfinished visit met after a restart or a change of operator: go on, or finish it.

Enter and Esc both mean "go on" (nothing is written); finishing is a deliberate
click (or F), which then runs F10 as usual: summary, receipt, notice.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from zcdesk.domain.records import VisitInfo
from zcdesk.ui.dialogs.confirm import ask
from zcdesk.ui.i18n import tr


def launch(parent: QWidget | None, visit: VisitInfo, packets: int, operator: str) -> bool:
    """True: finish the visit now (F10); False: carry on with it."""
    who = visit.visitor_unit or visit.visitor_name or tr("递交人未登记")
    detail = tr("由 {op} 于 {at:%m-%d %H:%M} 开始（{who}），已登记 {n} 个材料袋。").format(
        op=visit.operator, at=visit.opened_at, who=who, n=packets)
    if visit.operator != operator:
        detail += tr("\n现在的操作员是 {me}：继续收件，此后的登记记在 {me} 名下。").format(
            me=operator)
    return ask(parent, tr("未完成的收件"),
               tr("本窗口有一次收件尚未完成：{no}").format(no=visit.receipt_no), detail,
               yes=tr("现在完成并打印回执(&F)…"), no=tr("继续此次收件"), default_yes=False,
               icon=QMessageBox.Icon.Information,
               yes_role=QMessageBox.ButtonRole.DestructiveRole)
