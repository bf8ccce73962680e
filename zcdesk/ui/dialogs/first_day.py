"""首次设置: the first day's steps 2–7 in one wizard (#14).

Step 1 (the first admin) is the dialog the window has always opened on a new
database (operator_form.open_first_admin); once that admin is logged in, this
wizard takes the office through the rest: this desk's acceptance point and
window name, the round, the clerks, the roster (optional), a backup folder off
this disk (tested by writing and a first copy) and the summary page to print.

Every page writes its step when 下一步 is clicked (store/first_day.py, the same
functions `zcdesk setup` uses) and stays open with the reason when the store
refuses. The wizard opens at the first step the database says is not done, so a
set-up left half-way (取消, a crash, a power cut) continues there at the next
start; finished steps cannot be gone back to (each page is a commit page).
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from zcdesk.domain.first_day import SetupState, Step, is_done
from zcdesk.domain.records import OperatorInfo
from zcdesk.ui import store_errors as errors
from zcdesk.ui.dialogs.common import open_modal
from zcdesk.ui.feedback import set_level
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.domain.records import ImportReport
    from zcdesk.store import Store
    from zcdesk.store.backup_places import Place

ImportRoster = Callable[[], "ImportReport | None"]
PACK_FILTER = "轮次配置文件 (*.toml);;所有文件 (*)"
SUMMARY_TITLE = "首次设置摘要"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("messageLabel")  # the flow dialogs' message style (style.qss)
    label.setWordWrap(True)
    set_level(label, "error")
    label.hide()  # its red box only with something to say
    return label


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class StepPage(QWizardPage):
    """One step: writes itself in `commit()` (InputError etc. shown, the page stays)."""

    step: Step

    def __init__(self, wizard: FirstDayWizard) -> None:
        super().__init__()
        self.flow = wizard
        self.store = wizard.store
        self.setTitle(tr("第 {n} 步（共 7 步）：{title}").format(n=self.step.value,
                                                            title=tr(self.step.title)))
        self.setCommitPage(self.step is not Step.SUMMARY)
        self.layout_ = QVBoxLayout(self)
        self.error = _error_label()

    def finish_layout(self) -> None:
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.error)

    def validatePage(self) -> bool:
        self.error.clear()
        self.error.hide()
        try:
            done = self.commit()
        except errors.StoreError as exc:
            self.refuse(str(exc))
            return False
        if done:
            self.flow.refresh()
        return done

    def refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def commit(self) -> bool:
        raise NotImplementedError

    def nextId(self) -> int:
        following = self.flow.step_after(self.step)
        return following.value if following else -1


class DeskPage(StepPage):
    step = Step.DESK

    def __init__(self, wizard: FirstDayWizard) -> None:
        super().__init__(wizard)
        self.layout_.addWidget(_intro(tr(
            "选择本机所属的受理点：收件号、送评报告单都按受理点编号。窗口名用于区分同一办公室的"
            "几台电脑（如“窗口1”），印在回执上。")))
        form = QFormLayout()
        self.point_combo = QComboBox()
        self.point_combo.setObjectName("pointCombo")
        self._points = [p for p in self.store.points() if p.kind != "city"]
        for point in self._points:
            self.point_combo.addItem(f"{point.short_name}　{point.name}", point.code)
        self.point_info = QLabel()
        self.point_info.setWordWrap(True)
        self.point_combo.currentIndexChanged.connect(self._show_point)
        self.desk_edit = QLineEdit(self.store.setting("desk.name") or socket.gethostname())
        self.desk_edit.setObjectName("deskEdit")
        self.desk_edit.setMaxLength(32)
        form.addRow(tr("受理点："), self.point_combo)
        form.addRow("", self.point_info)
        form.addRow(tr("窗口名："), self.desk_edit)
        self.layout_.addLayout(form)
        self.finish_layout()
        point = self.store.desk_point()
        if point is not None:
            self.point_combo.setCurrentIndex(max(self.point_combo.findData(point.code), 0))
        self._show_point()

    def _show_point(self) -> None:
        index = self.point_combo.currentIndex()
        if 0 <= index < len(self._points):
            point = self._points[index]
            self.point_info.setText(" · ".join(
                x for x in (point.address, point.phone and tr("电话 {p}").format(p=point.phone))
                if x))

    def commit(self) -> bool:
        from zcdesk.store import first_day

        code = self.point_combo.currentData()
        if not code:
            self.refuse(tr("请选择受理点。"))
            return False
        first_day.set_desk(self.store, str(code), self.desk_edit.text())
        window = self.flow.parentWidget()
        if hasattr(window, "refresh_status_bar"):  # the counter behind shows the point
            window.refresh_status_bar()
        return True


class RoundPage(StepPage):
    step = Step.ROUND

    def __init__(self, wizard: FirstDayWizard) -> None:
        super().__init__(wizard)
        from zcdesk.store import first_day

        current = first_day.current_round(self.store)
        self.layout_.addWidget(_intro(tr(
            "申报轮次决定截止日期、材料清单和收件号。使用随程序提供的轮次，或导入本轮通知的"
            "轮次配置文件（.toml，见 docs/round-pack.md）。")))
        self.shipped_radio = QRadioButton(tr("使用随程序提供的轮次：{name}（{code}）")
                                          .format(name=current.name, code=current.code))
        self.shipped_radio.setObjectName("shippedRadio")
        # the dates on a line of their own that wraps: the page fits 1024 px
        self.shipped_dates = _intro(tr("纸质材料 {paper} 截止，年限计算至 {cutoff}。").format(
            paper=current.paper_deadline, cutoff=current.cutoff_date))
        self.shipped_dates.setContentsMargins(24, 0, 0, 0)
        self.shipped_dates.setObjectName("messageLabel")  # coloured when it warns
        if current.paper_deadline < self.store.clock().date():
            # a program installed long after its release ships a round that is over
            self.shipped_dates.setText(self.shipped_dates.text() + tr(
                "该轮次的纸质材料截止日已过：本轮请导入本轮通知的轮次配置文件。"))
            set_level(self.shipped_dates, "warn")
        self.import_radio = QRadioButton(tr("导入轮次配置文件："))
        self.import_radio.setObjectName("importRadio")
        group = QButtonGroup(self)
        group.addButton(self.shipped_radio)
        group.addButton(self.import_radio)
        self.shipped_radio.setChecked(True)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("packFileEdit")
        self.file_edit.setPlaceholderText(tr("轮次配置文件的路径，如 2026H1.toml"))
        self.file_edit.textEdited.connect(lambda _t: self.import_radio.setChecked(True))
        browse = QPushButton(tr("浏览…"))
        browse.setObjectName("browseButton")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.import_radio)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.layout_.addWidget(self.shipped_radio)
        self.layout_.addWidget(self.shipped_dates)
        self.layout_.addLayout(row)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.layout_.addWidget(self.result)
        self.finish_layout()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("选择轮次配置文件"), "", tr(PACK_FILTER))
        if name:
            self.file_edit.setText(name)
            self.import_radio.setChecked(True)

    def commit(self) -> bool:
        from zcdesk.domain.round_pack import RoundPackError
        from zcdesk.store import first_day

        if self.shipped_radio.isChecked():
            first_day.use_current_round(self.store)
            return True
        path = Path(self.file_edit.text().strip()).expanduser()
        if not self.file_edit.text().strip():
            self.refuse(tr("请选择轮次配置文件，或选“使用随程序提供的轮次”。"))
            return False
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.refuse(tr("无法读取“{path}”：{error}。文件应为 UTF-8 的 .toml。").format(
                path=path, error=exc))
            return False
        try:
            plan, _chosen = first_day.import_round(self.store, text, path.name)
        except RoundPackError as exc:
            self.refuse(tr("轮次配置文件有误，没有导入：\n{error}").format(error=exc))
            return False
        self.result.setText(plan.summary())
        return True


class OperatorsPage(StepPage):
    step = Step.OPERATORS

    def __init__(self, wizard: FirstDayWizard) -> None:
        super().__init__(wizard)
        self.layout_.addWidget(_intro(tr(
            "添加在窗口收件的同事（窗口人员：收件、打印、查询）。每人用自己的姓名和 PIN 登录，"
            "记录都以其姓名留痕。PIN 由本人输入两次。")))
        self.operator_list = QListWidget()
        self.operator_list.setObjectName("operatorList")
        self.operator_list.setMaximumHeight(110)
        self.operator_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter is for the fields
        self.layout_.addWidget(self.operator_list)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin2_edit = QLineEdit()
        self.pin2_edit.setObjectName("pin2Edit")
        for edit in (self.pin_edit, self.pin2_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(12)
        self.add_button = QPushButton(tr("添加(&A)"))
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(self.add)
        # Enter in these fields adds the person (and stays), never 下一步.
        for edit in (self.name_edit, self.pin_edit, self.pin2_edit):
            edit.installEventFilter(self)
        form.addRow(tr("姓名："), self.name_edit)
        form.addRow(tr("PIN（4–12 位数字）："), self.pin_edit)
        form.addRow(tr("再输一次 PIN："), self.pin2_edit)
        form.addRow("", self.add_button)
        self.layout_.addLayout(form)
        self.skip_check = QCheckBox(tr("暂不添加窗口人员（以后在“设置 → 操作员管理”中添加）(&K)"))
        self.skip_check.setObjectName("skipCheck")
        self.layout_.addWidget(self.skip_check)
        self.finish_layout()
        self._fill()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.pin2_edit:
                self.add()
            else:  # on to the next field
                (self.pin_edit if watched is self.name_edit else self.pin2_edit).setFocus()
            return True
        return super().eventFilter(watched, event)

    def initializePage(self) -> None:
        # After QWizard has given the page's first widget the focus: the name field.
        QTimer.singleShot(0, self, self.name_edit.setFocus)

    def _fill(self) -> None:
        from zcdesk.ui.dialogs.login import role_words

        self.operator_list.clear()
        for operator in self.store.operators():
            if operator.active:
                self.operator_list.addItem(f"{operator.name}（{role_words(operator.role)}）")

    def add(self) -> bool:
        name, pin = self.name_edit.text().strip(), self.pin_edit.text()
        if not name:
            self.refuse(tr("请填写姓名。"))
            self.name_edit.setFocus()
            return False
        if pin != self.pin2_edit.text():
            self.pin2_edit.clear()
            self.refuse(tr("两次输入的 PIN 不一致，请再输一次。"))
            self.pin2_edit.setFocus()
            return False
        try:
            self.store.create_operator(name, pin, "clerk")
        except errors.StoreError as exc:
            self.refuse(str(exc))
            return False
        self.error.clear()
        self.error.hide()
        for edit in (self.name_edit, self.pin_edit, self.pin2_edit):
            edit.clear()
        self._fill()
        self.name_edit.setFocus()
        self.flow.refresh()
        return True

    def commit(self) -> bool:
        from zcdesk.store import first_day

        if self.name_edit.text().strip() and not self.add():
            return False  # a name typed and not yet added: added now, or why not
        if self.flow.state.clerks:
            return True
        if self.skip_check.isChecked():
            first_day.skip(self.store, Step.OPERATORS)
            return True
        self.refuse(tr("请至少添加一位窗口人员，或勾选“暂不添加窗口人员”。"))
        return False


class RosterPage(StepPage):
    step = Step.ROSTER

    def __init__(self, wizard: FirstDayWizard) -> None:
        super().__init__(wizard)
        self.layout_.addWidget(_intro(tr(
            "导入各单位报来的花名册（.xlsx、.xls 或 .csv）：导入前会列出将新增和更改的内容，"
            "确认后才写入。也可以以后在“导入 → 导入花名册”中导入，或在收件时逐人新增（F4）。")))
        self.import_button = QPushButton(tr("导入花名册(&I)…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.import_roster)
        self.import_button.setEnabled(wizard.import_roster is not None)
        self.layout_.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result = QLabel()
        self.result.setObjectName("resultLabel")
        self.result.setWordWrap(True)
        self.layout_.addWidget(self.result)
        self.skip_check = QCheckBox(tr("暂不导入花名册(&K)"))
        self.skip_check.setObjectName("skipCheck")
        self.layout_.addWidget(self.skip_check)
        self.finish_layout()
        self._show()

    def _show(self) -> None:
        state = self.flow.state
        if state.roster_imports:
            self.result.setText(tr("已导入：现有申报人 {n} 名。可以再导入其他单位的花名册。")
                                .format(n=state.applicants))

    def import_roster(self) -> None:
        if self.flow.import_roster is None:
            return
        report = self.flow.import_roster()
        self.flow.refresh()
        if report is not None:
            self.result.setText(report.summary())
        self._show()

    def commit(self) -> bool:
        from zcdesk.store import first_day

        if self.flow.state.roster_imports:
            return True
        if self.skip_check.isChecked():
            first_day.skip(self.store, Step.ROSTER)
            return True
        self.refuse(tr("请导入花名册，或勾选“暂不导入花名册”。"))
        return False


class BackupPage(StepPage):
    """Step 6. Nothing here touches a disk on the GUI thread: a hung network mount or
    a disconnected mapped drive would freeze the window. The places are looked for in
    the background when the page is first shown (and on 重新查找); the folder's disk
    is checked in the background after a pause in typing; the test write, the first
    copy and its integrity check run behind a progress dialog (minutes on a large
    database)."""

    step = Step.BACKUP
    CHECK_AFTER_MS = 500  # the pause in typing after which the folder's disk is checked

    def __init__(self, wizard: FirstDayWizard) -> None:
        super().__init__(wizard)
        from zcdesk.store.engine import sqlite_path

        self.layout_.addWidget(_intro(tr(
            "程序每天自动把数据库备份到本机。再选一个不在本机这块磁盘上的文件夹（U 盘、移动硬盘、"
            "另一块磁盘或网络文件夹）放第二份备份：本机磁盘损坏时数据还在。选好后会先试写一次，"
            "并立即备份一份。")))
        database = sqlite_path(str(self.store.engine.url))
        self.home = database.parent if database else Path.home()
        self.places: list[Place] = []
        self.searching = False
        self.searched = False
        self.typed = False  # the clerk typed or browsed a folder: a late search keeps it
        self.copying = False
        self.place_combo = QComboBox()
        self.place_combo.setObjectName("placeCombo")
        same = self.home / "backups-second"
        self.place_combo.addItem(tr("本机（与数据库同一磁盘，不推荐）：{path}").format(path=same),
                                 str(same))
        self.place_combo.activated.connect(lambda _index: self._take_place())
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("folderEdit")
        self.folder_edit.textEdited.connect(self._typed)
        browse = QPushButton(tr("浏览…"))
        browse.setObjectName("browseButton")
        browse.clicked.connect(self._browse)
        form = QFormLayout()
        form.addRow(tr("位置："), self.place_combo)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        form.addRow(tr("文件夹："), row)
        self.layout_.addLayout(form)
        self.note = QLabel()
        self.note.setObjectName("noteLabel")
        self.note.setWordWrap(True)
        self.layout_.addWidget(self.note)
        # Checked once typing pauses, not at each key (each check looks at the disk).
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(self.CHECK_AFTER_MS)
        self.check_timer.timeout.connect(self._check_disk)
        self.folder_edit.textChanged.connect(lambda _text: self.check_timer.start())
        self.finish_layout()
        self.rescan_button = QPushButton(tr("重新查找"))
        self.rescan_button.setObjectName("rescanButton")
        self.rescan_button.clicked.connect(self.rescan)
        self.layout_.insertWidget(self.layout_.count() - 2, self.rescan_button, 0,
                                  Qt.AlignmentFlag.AlignLeft)

    def initializePage(self) -> None:
        if not self.searched and not self.searching:
            self.rescan()

    def rescan(self) -> None:
        """Look for USB sticks and other disks in the background (each is looked at)."""
        from zcdesk.store import backup_places
        from zcdesk.ui.worker import run_in_background

        if self.searching:
            return
        self.searching = True
        self.rescan_button.setEnabled(False)
        self._say(tr("正在查找 U 盘和其他磁盘……（可以先在下面输入文件夹）"), "info")
        home = self.home
        run_in_background(self, lambda: backup_places.places(home), self._found,
                          self._search_failed)

    def _found(self, found: list[Place]) -> None:
        from zcdesk.store.backup_places import KIND_WORDS

        self.searching, self.searched = False, True
        self.rescan_button.setEnabled(True)
        self.places = list(found)
        for _ in range(self.place_combo.count() - 1):  # the last item: this disk
            self.place_combo.removeItem(0)
        for index, place in enumerate(self.places):
            self.place_combo.insertItem(index, f"{tr(KIND_WORDS[place.kind])}：{place.path}",
                                        str(place.suggested_folder))
        self.place_combo.setCurrentIndex(0)
        self._say("", "info")
        if not self.places:
            self._say(tr("没有找到 U 盘或另一块磁盘：请插入 U 盘后点“重新查找”，"
                         "或选择网络文件夹。"), "warn")
        if not self.typed or not self.folder_edit.text().strip():
            self._take_place()
        else:
            self.check_timer.start()

    def _search_failed(self, exc: BaseException) -> None:
        self.searching, self.searched = False, True
        self.rescan_button.setEnabled(True)
        self._say(tr("查找 U 盘和其他磁盘时出错：{error}。请点“重新查找”，或直接输入文件夹。")
                  .format(error=exc), "warn")
        if not self.folder_edit.text().strip():
            self._take_place()

    def _typed(self, _text: str) -> None:
        self.typed = True

    def _take_place(self) -> None:
        folder = self.place_combo.currentData()
        if folder:
            self.folder_edit.setText(str(folder))

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("选择备份文件夹"),
                                                self.folder_edit.text())
        if name:
            self.typed = True
            self.folder_edit.setText(name)

    def _say(self, text: str, level: str) -> None:
        self.note.setText(text)
        set_level(self.note, level)

    def _check_disk(self) -> None:
        """Whether the folder shares the database's disk, looked at in the background;
        an answer for a folder no longer in the field is dropped."""
        from zcdesk.store import backup_places
        from zcdesk.ui.worker import run_in_background

        text = self.folder_edit.text().strip()
        if not text or self.searching:
            return
        home = self.home
        run_in_background(self, lambda: backup_places.same_disk(Path(text), home),
                          lambda same: self._show_disk(text, same), lambda _exc: None)

    def _show_disk(self, text: str, same: bool) -> None:
        if text != self.folder_edit.text().strip() or self.searching:
            return
        if same:
            self._say(tr("注意：这个文件夹与数据库在同一块磁盘上，磁盘损坏时两份备份会"
                         "一起丢失。"), "warn")
        elif self.places or not self.searched:
            self._say("", "info")

    def commit(self) -> bool:
        from zcdesk.store import backup_places, first_day
        from zcdesk.ui.worker import run_with_progress

        text = self.folder_edit.text().strip()
        if not text:
            self.refuse(tr("请选择备份文件夹。"))
            return False
        if self.copying:  # 下一步 pressed again before the progress dialog showed
            return False
        self.check_timer.stop()
        folder, home = Path(text), self.home

        def work(_progress: object) -> tuple[Path, bool]:
            copy = first_day.set_backup_folder(self.store, folder)
            return copy, backup_places.same_disk(folder, home)

        self.copying = True
        try:
            outcome = run_with_progress(self, work, tr("正在试写并备份到 {folder}……").format(
                folder=folder), title=tr("备份文件夹"), cancellable=False)
        except OSError as exc:
            self.refuse(tr("无法备份到这个文件夹：{error}。请换一个文件夹（U 盘是否已插好？）。")
                        .format(error=exc))
            return False
        finally:
            self.copying = False
        copy, same = outcome.value  # type: ignore[misc]
        self.flow.backup_copy = copy
        self._show_disk(text, same)
        return True


class SummaryPage(StepPage):
    step = Step.SUMMARY

    def __init__(self, wizard: FirstDayWizard) -> None:
        super().__init__(wizard)
        self.layout_.addWidget(_intro(tr(
            "设置已完成。请打印设置摘要，签字后存档（不含任何 PIN）。点“完成”后开始收件。")))
        self.text = QLabel()
        self.text.setObjectName("summaryLabel")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.text)
        self.print_button = QPushButton(tr("打印设置摘要(&P)…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_summary)
        self.layout_.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()

    def initializePage(self) -> None:
        from zcdesk.store import first_day

        lines = [f"{'✓' if done else '·'} {step.value}. {tr(step.title)}：{what}"
                 for step, done, what in first_day.status_lines(self.flow.state)
                 if step is not Step.SUMMARY]
        self.text.setText("\n".join(lines))

    def print_summary(self) -> None:
        from zcdesk.printing.setup_summary import setup_summary_pdf
        from zcdesk.store import first_day
        from zcdesk.ui.dialogs import preview

        try:
            pdf = setup_summary_pdf(first_day.summary(self.store))
        except (errors.StoreError, ValueError) as exc:
            self.refuse(str(exc))
            return
        outcome = preview.launch(self, tr(SUMMARY_TITLE), pdf, f"{SUMMARY_TITLE}.pdf",
                                 kind="setup_summary")
        self.flow.summary_printed = outcome.printed or bool(outcome.saved)

    def commit(self) -> bool:
        from zcdesk.store import first_day

        first_day.finish(self.store)
        return True

    def nextId(self) -> int:
        return -1


PAGES: tuple[type[StepPage], ...] = (DeskPage, RoundPage, OperatorsPage, RosterPage,
                                     BackupPage, SummaryPage)


class FirstDayWizard(QWizard):
    """Steps 2–7; opens at the first one not done. `operator`: the admin logged in."""

    def __init__(self, parent: QWidget | None, store: Store, operator: OperatorInfo,
                 import_roster: ImportRoster | None = None) -> None:
        super().__init__(parent)
        from zcdesk.store import first_day

        self.store = store
        self.operator = operator
        self.import_roster = import_roster
        self.backup_copy: Path | None = None
        self.summary_printed = False
        self.state: SetupState = first_day.read_state(store)
        self.setWindowTitle(tr("首次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Each page is saved by 下一步: say so on the button (Qt's Commit text otherwise).
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("保存，下一步(&N) >"))
        self.pages: dict[Step, StepPage] = {}
        for page_type in PAGES:
            page = page_type(self)
            self.pages[page.step] = page
            self.setPage(page.step.value, page)
        start = first_day.next_step(self.state) or Step.SUMMARY
        self.setStartId(max(start, Step.DESK, key=lambda s: s.value).value)
        self.setSideWidget(self._side())
        self.currentIdChanged.connect(lambda _id: self._mark_side())
        self.resize(760, 520)

    def _side(self) -> QWidget:
        self.side = QLabel()
        self.side.setObjectName("stepsLabel")
        self.side.setMinimumWidth(170)
        self.side.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._mark_side()
        return self.side

    def _mark_side(self) -> None:
        current = self.currentId()
        lines = []
        for step in Step:
            mark = "▶" if step.value == current else ("✓" if is_done(step, self.state) else "　")
            lines.append(f"{mark} {step.value}. {tr(step.title)}")
        self.side.setText("\n\n".join(lines))

    def refresh(self) -> None:
        from zcdesk.store import first_day

        self.state = first_day.read_state(self.store)
        self._mark_side()

    def step_after(self, step: Step) -> Step | None:
        return next((s for s in Step if s.value > step.value and not is_done(s, self.state)),
                    None)

    def reject(self) -> None:
        """取消: the set-up is kept as far as it got; the program ends (asked first)."""
        from zcdesk.ui.dialogs.confirm import ask

        if ask(self, tr("首次设置"), tr("首次设置尚未完成，要退出程序吗？"),
               tr("已完成的步骤都已保存；下次打开程序并以管理员登录后，从这一步继续。"),
               yes=tr("退出程序"), no=tr("返回"), default_yes=False,
               yes_role=QMessageBox.ButtonRole.DestructiveRole):
            super().reject()


def open_wizard(parent: QWidget | None, store: Store, operator: OperatorInfo,
                on_done: Callable[[OperatorInfo | None], None], *,
                import_roster: ImportRoster | None = None) -> FirstDayWizard:
    """Open the wizard application-modal without a nested loop; `on_done(operator)`
    once it is finished, `on_done(None)` when the clerk chose to quit."""
    wizard = FirstDayWizard(parent, store, operator, import_roster)
    open_modal(wizard, lambda: wizard.operator, on_done)
    return wizard
