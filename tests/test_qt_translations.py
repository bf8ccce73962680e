"""Qt's own dialogs speak Chinese: standard buttons, the file dialog; the bundle keeps the .qm."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from zcdesk.ui.app import create_application, qt_translations_folders


def test_standard_buttons_are_chinese(qtbot: QtBot) -> None:
    create_application()
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "文本")
    qtbot.addWidget(box)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No)
    texts = {which: box.button(which).text() for which in
             (buttons.Ok, buttons.Cancel, buttons.Yes, buttons.No)}
    assert texts[buttons.Ok] == "确定" and texts[buttons.Cancel] == "取消"
    assert texts[buttons.Yes].startswith("是") and texts[buttons.No].startswith("否")
    bar = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close
                           | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(bar)
    assert sorted(b.text() for b in bar.buttons()) == sorted(["取消", "关闭", "保存"])


def test_a_shown_question_answers_in_chinese(qtbot: QtBot) -> None:
    """As the clerk sees it: QMessageBox.question's buttons; clicking 否 answers No."""
    create_application()
    seen: list[list[str]] = []

    def look_and_click_no() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = box.findChildren(QPushButton)
        seen.append(sorted(b.text() for b in buttons))
        next(b for b in buttons if b.text().startswith("否")).click()

    QTimer.singleShot(50, look_and_click_no)
    answer = QMessageBox.question(None, "退出", "确定退出吗？")
    assert answer == QMessageBox.StandardButton.No
    assert seen and all(any("\u4e00" <= c <= "\u9fff" for c in text) for text in seen[0])


def test_file_dialog_labels_are_chinese(qtbot: QtBot) -> None:
    create_application()
    dialog = QFileDialog(None, "导入花名册")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert "文件名" in labels["fileNameLabel"]
    bar = dialog.findChild(QDialogButtonBox)
    assert bar is not None
    assert "取消" in [b.text() for b in bar.buttons()]


def test_translations_come_from_pyside6() -> None:
    folders = qt_translations_folders()
    assert folders and any((f / "qtbase_zh_CN.qm").is_file() for f in folders)


def test_the_bundle_keeps_the_chinese_catalogues() -> None:
    """build.spec drops Qt's other translations (packaging/bundle_filter.py, per
    platform); qt_zh_CN needs both of its parts."""
    from tests.test_packaging_bundle_filter import bundle_filter

    for platform, qt in (("linux", "PySide6/Qt/translations"), ("win32", "PySide6/translations")):
        for name in ("qt_zh_CN.qm", "qtbase_zh_CN.qm", "qtmultimedia_zh_CN.qm"):
            assert bundle_filter.keep(f"{qt}/{name}", platform), (platform, name)
        for name in ("qtbase_de.qm", "designer_zh_CN.qm", "qt_help_zh_CN.qm"):
            assert not bundle_filter.keep(f"{qt}/{name}", platform), (platform, name)
