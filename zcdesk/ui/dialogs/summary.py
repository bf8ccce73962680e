"""F10: what this visit brought, packet by packet, before the visit is closed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.idnumber import mask_id
from zcdesk.domain.records import PacketView, VisitSummary
from zcdesk.ui.dialogs.common import fill_table, ok_button, set_button_texts
from zcdesk.ui.forms.ui_summary_dialog import Ui_SummaryDialog
from zcdesk.ui.i18n import tr
from zcdesk.ui.packet_model import STATUS_COLOURS, status_text

HEADERS = ("姓名", "证件号码", "状态", "缺件", "退回")


def rejected_words(packet: PacketView) -> str:
    parts = [f"{s.item.short_name} {r.describe()}"
             for s in packet.state.items for r in s.rejections]
    return "；".join(parts) or "—"


def summary_rows(summary: VisitSummary) -> list[tuple[str, str, str, str, str]]:
    return [(p.applicant.name, mask_id(p.applicant.id_number), status_text(p.status.value),
             p.state.missing_text() if p.status is not PacketStatus.COMPLETE else "—",
             rejected_words(p))
            for p in summary.packets]


def totals_text(summary: VisitSummary) -> str:
    total = len(summary.packets)
    if not total:
        return tr("本次收件没有登记任何材料袋。")
    incomplete = len(summary.incomplete)
    if not incomplete:
        return tr("共 {n} 个材料袋，全部齐全。").format(n=total)
    return tr("共 {n} 个材料袋：齐全 {ok} 个，不齐 {bad} 个——请一次性告知递交人所缺材料。") \
        .format(n=total, ok=total - incomplete, bad=incomplete)


class SummaryDialog(QDialog):
    def __init__(self, parent: QWidget | None, summary: VisitSummary) -> None:
        super().__init__(parent)
        self.ui = Ui_SummaryDialog()
        self.ui.setupUi(self)
        ui = self.ui
        visit = summary.visit
        ui.titleLabel.setText(tr("收件 {no}").format(no=visit.receipt_no))
        who = " · ".join(x for x in (visit.visitor_name, visit.visitor_phone,
                                       visit.visitor_unit) if x)
        ui.visitorLabel.setText(tr("递交人：{who}　开始于 {at}").format(
            who=who or tr("未登记"), at=visit.opened_at.strftime("%Y-%m-%d %H:%M")))
        colours = [(None, None, STATUS_COLOURS.get(p.status.value), "#b26a00", "#c62828")
                   for p in summary.packets]
        fill_table(ui.summaryTable, [tr(h) for h in HEADERS], summary_rows(summary), colours)
        ui.totalsLabel.setText(totals_text(summary))
        set_button_texts(ui.buttonBox, ok=tr("完成收件"), cancel=tr("返回"))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ok = ok_button(ui.buttonBox)
        ok.setDefault(True)
        ok.setFocus()


def launch(parent: QWidget | None, summary: VisitSummary) -> bool:
    """True when the clerk confirms the visit is finished."""
    dialog = SummaryDialog(parent, summary)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
