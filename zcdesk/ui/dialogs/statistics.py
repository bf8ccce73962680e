"""流转 → 统计…: counts per unit, qualification, status and stage, decision and day.

The day tab draws copies accepted per day as bars (day_chart.DayChart); the
tables hold the same numbers. 导出… writes them with export_statistics; whether
that worked (or why not) is said in the dialog's message line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.domain.flow import Statistics
from zcdesk.ui.dialogs.common import MessageLine, fill_table, set_button_texts
from zcdesk.ui.forms.ui_statistics_dialog import Ui_StatisticsDialog
from zcdesk.ui.i18n import tr


class StatisticsDialog(MessageLine, QDialog):
    def __init__(self, parent: QWidget | None, stats: Statistics,
                 export: Callable[[QWidget], object] | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StatisticsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.stats = stats
        total = sum(n for _, n in stats.by_status)
        ui.titleLabel.setText(tr("{round} 统计：材料袋 {n} 个").format(
            round=stats.round_name or stats.round_code, n=total))
        fill_table(ui.unitTable, [tr("单位"), tr("材料袋"), tr("齐全"), tr("已移交及以后")],
                   [(u, str(n), str(c), str(a)) for u, n, c, a in stats.by_unit])
        fill_table(ui.qualificationTable, [tr("资格"), tr("人数")],
                   [(q, str(n)) for q, n in stats.by_qualification])
        fill_table(ui.statusTable, [tr("材料状态"), tr("材料袋")],
                   [(tr(s), str(n)) for s, n in stats.by_status])
        fill_table(ui.stageTable, [tr("去向"), tr("材料袋")],
                   [(tr(s), str(n)) for s, n in stats.by_stage])
        fill_table(ui.decisionTable, [tr("评审结果"), tr("人数")],
                   [(tr(s), str(n)) for s, n in stats.by_decision])
        ui.decisionTable.setVisible(bool(stats.by_decision))
        fill_table(ui.dayTable, [tr("日期"), tr("收件份数"), tr("当日收齐")],
                   [(d.isoformat(), str(c), str(p)) for d, c, p in stats.by_day])
        ui.dayChart.set_days([(d, c) for d, c, _ in stats.by_day])
        set_button_texts(ui.buttonBox, close=tr("关闭"))
        ui.buttonBox.rejected.connect(self.reject)
        ui.exportButton.setAutoDefault(False)
        ui.exportButton.setEnabled(export is not None)
        if export is None:
            ui.exportButton.setToolTip(tr("导出功能尚不可用"))
        else:
            ui.exportButton.clicked.connect(lambda: export(self))
            QShortcut(QKeySequence("Ctrl+E"), self, activated=lambda: export(self))
        ui.tabs.setFocus()


def launch(parent: QWidget | None, stats: Statistics,
           export: Callable[[QWidget], object] | None = None) -> None:
    dialog = StatisticsDialog(parent, stats, export)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
