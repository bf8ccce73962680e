"""设置 → 申报轮次…: the rounds (one per notice), a new round's pack imported after a
preview, the current round switched, a pack exported, a next round's draft written
from the selected one (dates moved, to be checked against the new notice) (#11).

Everyone may look; importing, switching and exporting are the office lead's (the
buttons are disabled and explained for a clerk, and the store checks again).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from zcdesk.ui import store_errors as errors
from zcdesk.ui.dialogs.common import MessageLine, fill_table
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.store import Store
    from zcdesk.store.round_ops import RoundSummary

HEADERS = ("轮次", "名称", "纸质材料截止", "年限计算至", "材料袋", "")
PACK_FILTER = "轮次配置文件 (*.toml);;全部文件 (*)"
INTRO = ("每次通知对应一个轮次。新一轮开始时：导入市里通知对应的轮次配置文件（.toml），"
         "看过预览后导入，再设为当前轮次。以前轮次的收件、回执、批次和预审结果保持原样。")


class _Ui:
    """The widgets MessageLine and the tests reach (built in code, like the PIN dialog)."""

    def __init__(self, dialog: QDialog) -> None:
        layout = QVBoxLayout(dialog)
        intro = QLabel(tr(INTRO), dialog)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.roundsTable = QTableWidget(dialog)
        self.roundsTable.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.roundsTable.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        layout.addWidget(self.roundsTable, 1)
        buttons = QHBoxLayout()
        self.importButton = QPushButton(tr("导入轮次配置…"), dialog)
        self.activateButton = QPushButton(tr("设为当前轮次"), dialog)
        self.exportButton = QPushButton(tr("导出…"), dialog)
        self.draftButton = QPushButton(tr("生成下一轮草稿…"), dialog)
        self.draftButton.setToolTip(tr("以所选轮次为模板写出新轮次的配置文件：日期顺延，"
                                       "文号清空；按新通知核对修改后再导入"))
        self.closeButton = QPushButton(tr("关闭"), dialog)
        for button in (self.importButton, self.activateButton, self.exportButton,
                       self.draftButton):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.closeButton)
        layout.addLayout(buttons)
        self.messageLabel = QLabel(dialog)
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.messageLabel)


class RoundsDialog(MessageLine, QDialog):
    def __init__(self, parent: QWidget | None, store: Store, *, admin: bool,
                 on_switched: Callable[[], None] = lambda: None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("申报轮次"))
        self.store = store
        self.folder = ""
        self._on_switched = on_switched
        self.ui = ui = _Ui(self)
        self._rounds: list[RoundSummary] = []
        for button, handler in ((ui.importButton, self.import_pack),
                                (ui.activateButton, self.activate_selected),
                                (ui.exportButton, self.export_selected),
                                (ui.draftButton, self.draft_next)):
            button.clicked.connect(handler)
            button.setAutoDefault(False)
            if not admin:
                button.setEnabled(False)
                button.setToolTip(tr("{what}需要管理员登录").format(
                    what=button.text().replace("…", "")))
        ui.closeButton.clicked.connect(self.reject)
        ui.closeButton.setAutoDefault(False)
        self.resize(760, 420)
        self.reread()
        if not admin:
            self.show_message(tr("查看轮次；导入、切换和导出需要管理员登录。"), "info")

    # ---------------------------------------------------------------- table
    def reread(self) -> None:
        try:
            self._rounds = self.store.rounds()
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            return
        rows = [(r.code, r.name, r.paper_deadline.isoformat(), r.cutoff_date.isoformat(),
                 str(r.packets), tr("● 当前轮次") if r.active else "")
                for r in self._rounds]
        fill_table(self.ui.roundsTable, [tr(h) for h in HEADERS], rows)
        current = next((i for i, r in enumerate(self._rounds) if r.active), 0)
        if rows:
            self.ui.roundsTable.selectRow(current)

    def selected(self) -> RoundSummary | None:
        row = self.ui.roundsTable.currentRow()
        return self._rounds[row] if 0 <= row < len(self._rounds) else None

    def select_code(self, code: str) -> None:
        for row, summary in enumerate(self._rounds):
            if summary.code == code:
                self.ui.roundsTable.selectRow(row)

    # -------------------------------------------------------------- actions
    def import_pack(self) -> None:
        """A pack from a file: checked, previewed, then written in one transaction."""
        from zcdesk.domain.round_pack import RoundPackError, load_pack
        from zcdesk.ui.dialogs import confirm

        name, _ = QFileDialog.getOpenFileName(self, tr("导入轮次配置文件"),
                                              self.folder or str(Path.home()), tr(PACK_FILTER))
        if not name:
            return
        path = Path(name)
        self.folder = str(path.parent)
        try:
            load_pack(path)  # a missing, unreadable or GBK file is worded like any problem
            text = path.read_text(encoding="utf-8-sig")
            plan = self.store.import_round(text, source=path.name, dry_run=True)
        except RoundPackError as exc:
            self.show_message(tr("“{file}”有问题，没有导入：\n{problems}").format(
                file=path.name, problems=exc), "error")
            return
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            return
        if plan.refusals:
            self.show_message(plan.summary(), "error")
            return
        if plan.unchanged:
            self.show_message(plan.summary(), "info")
            return
        if not confirm.launch(self, tr("导入轮次配置"), tr("导入轮次 {code}（{name}）？").format(
                code=plan.code, name=plan.name), plan.summary(), ok_text=tr("导入"),
                cancel_text=tr("取消")):
            self.show_message(tr("已取消，没有导入。"), "info")
            return
        try:
            done = self.store.import_round(text, source=path.name)
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            return
        self.reread()
        self.select_code(done.code)
        more = "" if not done.is_new else tr("\n确认无误后，选中它并点“设为当前轮次”。")
        self.show_message(tr("已导入轮次 {code}（{name}）。").format(
            code=done.code, name=done.name) + more, "ok")
        if done.active:
            self._on_switched()  # the current round's rules changed: the window re-reads

    def activate_selected(self) -> None:
        from zcdesk.ui.dialogs import confirm

        chosen = self.selected()
        if chosen is None:
            self.show_message(tr("请先选中一个轮次。"), "warn")
            return
        if chosen.active:
            self.show_message(tr("{code} 已是当前轮次。").format(code=chosen.code), "info")
            return
        if not confirm.launch(self, tr("切换当前轮次"), tr("把当前轮次切换为 {code}（{name}）？")
                              .format(code=chosen.code, name=chosen.name), tr(
                "此后的收件、材料袋和收件号属于 {code}，其材料袋按该轮次的配置预审（年限计算至 "
                "{cutoff}）。以前轮次的记录和预审结果保持不变。").format(
                code=chosen.code, cutoff=chosen.cutoff_date.isoformat()),
                ok_text=tr("切换"), cancel_text=tr("取消")):
            return
        try:
            summary = self.store.activate_round(chosen.code)
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            return
        self.reread()
        self.show_message(tr("当前轮次已切换为 {code}（{name}）。").format(
            code=summary.code, name=summary.name), "ok")
        self._on_switched()

    def export_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.show_message(tr("请先选中一个轮次。"), "warn")
            return
        start = str(Path(self.folder or Path.home()) / f"{chosen.code}.toml")
        name, _ = QFileDialog.getSaveFileName(self, tr("导出轮次配置文件"), start,
                                              tr(PACK_FILTER))
        if not name:
            return
        try:
            target = self.store.export_round(chosen.code, Path(name))
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            return
        self.folder = str(target.parent)
        self.show_message(tr("已导出到 {path}").format(path=target), "ok")


    def draft_next(self) -> None:
        """A next round's pack from the selected one, for the office lead to edit."""
        from zcdesk.ui.dialogs import prompt

        chosen = self.selected()
        if chosen is None:
            self.show_message(tr("请先选中一个轮次。"), "warn")
            return
        code = prompt.launch(self, tr("生成下一轮草稿"), tr(
            "以 {code}（{name}）为模板，新轮次的代码：").format(code=chosen.code, name=chosen.name),
            _next_code(chosen.code), ok_text=tr("下一步"), placeholder="2026H1")
        if code is None:
            return
        start = str(Path(self.folder or Path.home()) / f"{code.upper()}.toml")
        name, _ = QFileDialog.getSaveFileName(self, tr("保存新轮次的配置文件草稿"), start,
                                              tr(PACK_FILTER))
        if not name:
            return
        try:
            draft = self.store.draft_round(chosen.code, code, "", Path(name))
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            return
        self.folder = str(draft.target.parent)
        self.show_message(tr("已写出 {code}（{name}）的草稿：{path}\n{how}\n"
                             "请按新通知逐项核对日期、受理点、联系电话、认定目录和文号，"
                             "再点“导入轮次配置…”。").format(
            code=draft.code, name=draft.name, path=draft.target, how=draft.how), "ok")


def _next_code(code: str) -> str:
    """2025H1 → 2025H2 → 2026H1: the round after `code` (a suggestion)."""
    if len(code) != 6 or not code[:4].isdigit() or code[4:] not in ("H1", "H2"):
        return ""
    year = int(code[:4])
    return f"{year}H2" if code.endswith("H1") else f"{year + 1}H1"


def launch(parent: QWidget | None, store: Store, *, admin: bool,
           on_switched: Callable[[], None] = lambda: None) -> None:
    dialog = RoundsDialog(parent, store, admin=admin, on_switched=on_switched)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
