# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'returns_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ReturnsDialog(object):
    def setupUi(self, ReturnsDialog):
        if not ReturnsDialog.objectName():
            ReturnsDialog.setObjectName(u"ReturnsDialog")
        ReturnsDialog.resize(1120, 680)
        self.dialogLayout = QVBoxLayout(ReturnsDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(ReturnsDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.receiveRow = QHBoxLayout()
        self.receiveRow.setSpacing(6)
        self.receiveRow.setObjectName(u"receiveRow")
        self.receiveCaption = QLabel(ReturnsDialog)
        self.receiveCaption.setObjectName(u"receiveCaption")

        self.receiveRow.addWidget(self.receiveCaption)

        self.codeEdit = QLineEdit(ReturnsDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setClearButtonEnabled(True)
        self.codeEdit.setStyleSheet(u"font-size: 16px; padding: 4px 6px;")

        self.receiveRow.addWidget(self.codeEdit)

        self.receiveBatchButton = QPushButton(ReturnsDialog)
        self.receiveBatchButton.setObjectName(u"receiveBatchButton")
        self.receiveBatchButton.setAutoDefault(False)

        self.receiveRow.addWidget(self.receiveBatchButton)

        self.receiveRow.setStretch(1, 1)

        self.dialogLayout.addLayout(self.receiveRow)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setSpacing(12)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(0, 0, 0, 0)
        self.unitPane = QWidget(ReturnsDialog)
        self.unitPane.setObjectName(u"unitPane")
        self.unitLayout = QVBoxLayout(self.unitPane)
        self.unitLayout.setSpacing(6)
        self.unitLayout.setObjectName(u"unitLayout")
        self.unitLayout.setContentsMargins(0, 0, 0, 0)
        self.unitsCaption = QLabel(self.unitPane)
        self.unitsCaption.setObjectName(u"unitsCaption")
        self.unitsCaption.setStyleSheet(u"font-weight: bold; color: #37474f;")

        self.unitLayout.addWidget(self.unitsCaption)

        self.unitTable = QTableWidget(self.unitPane)
        self.unitTable.setObjectName(u"unitTable")
        self.unitTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitTable.setAlternatingRowColors(True)
        self.unitTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unitTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitTable.setShowGrid(False)
        self.unitTable.horizontalHeader().setStretchLastSection(True)
        self.unitTable.verticalHeader().setVisible(False)

        self.unitLayout.addWidget(self.unitTable)


        self.bodyLayout.addWidget(self.unitPane)

        self.linesPane = QWidget(ReturnsDialog)
        self.linesPane.setObjectName(u"linesPane")
        self.linesLayout = QVBoxLayout(self.linesPane)
        self.linesLayout.setSpacing(6)
        self.linesLayout.setObjectName(u"linesLayout")
        self.linesLayout.setContentsMargins(0, 0, 0, 0)
        self.linesCaption = QLabel(self.linesPane)
        self.linesCaption.setObjectName(u"linesCaption")
        self.linesCaption.setStyleSheet(u"font-weight: bold; color: #37474f;")

        self.linesLayout.addWidget(self.linesCaption)

        self.linesTable = QTableWidget(self.linesPane)
        self.linesTable.setObjectName(u"linesTable")
        self.linesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.linesTable.setAlternatingRowColors(True)
        self.linesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.linesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.linesTable.setShowGrid(False)
        self.linesTable.horizontalHeader().setStretchLastSection(True)
        self.linesTable.verticalHeader().setVisible(False)

        self.linesLayout.addWidget(self.linesTable)

        self.unitButtons = QHBoxLayout()
        self.unitButtons.setSpacing(6)
        self.unitButtons.setObjectName(u"unitButtons")
        self.printButton = QPushButton(self.linesPane)
        self.printButton.setObjectName(u"printButton")
        self.printButton.setAutoDefault(False)

        self.unitButtons.addWidget(self.printButton)

        self.recordButton = QPushButton(self.linesPane)
        self.recordButton.setObjectName(u"recordButton")
        self.recordButton.setAutoDefault(False)

        self.unitButtons.addWidget(self.recordButton)

        self.archiveButton = QPushButton(self.linesPane)
        self.archiveButton.setObjectName(u"archiveButton")
        self.archiveButton.setAutoDefault(False)

        self.unitButtons.addWidget(self.archiveButton)

        self.unitButtonsSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unitButtons.addItem(self.unitButtonsSpacer)


        self.linesLayout.addLayout(self.unitButtons)


        self.bodyLayout.addWidget(self.linesPane)

        self.bodyLayout.setStretch(0, 2)
        self.bodyLayout.setStretch(1, 3)

        self.dialogLayout.addLayout(self.bodyLayout)

        self.messageLabel = QLabel(ReturnsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.messageLabel)

        self.hintLabel = QLabel(ReturnsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(ReturnsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(2, 1)

        self.retranslateUi(ReturnsDialog)

        QMetaObject.connectSlotsByName(ReturnsDialog)
    # setupUi

    def retranslateUi(self, ReturnsDialog):
        ReturnsDialog.setWindowTitle(QCoreApplication.translate("ReturnsDialog", u"\u8fd4\u8fd8\u5355\u4f4d", None))
        self.receiveCaption.setText(QCoreApplication.translate("ReturnsDialog", u"\u56de\u6536", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ReturnsDialog", u"\u626b\u63cf\u5c01\u9762\u6761\u7801\u6216\u8f93\u5165\u8bc1\u4ef6\u53f7\u7801\uff0cEnter \u8bb0\u4e3a\u5df2\u56de\u6536", None))
        self.receiveBatchButton.setText(QCoreApplication.translate("ReturnsDialog", u"\u6574\u6279\u56de\u6536\u2026", None))
        self.unitsCaption.setText(QCoreApplication.translate("ReturnsDialog", u"\u5f85\u8fd4\u8fd8\u7684\u5355\u4f4d", None))
        self.linesCaption.setText(QCoreApplication.translate("ReturnsDialog", u"\u8fd4\u8fd8\u6e05\u5355", None))
        self.printButton.setText(QCoreApplication.translate("ReturnsDialog", u"\u6253\u5370\u8fd4\u8fd8\u6e05\u5355", None))
        self.recordButton.setText(QCoreApplication.translate("ReturnsDialog", u"\u767b\u8bb0\u8fd4\u8fd8\u2026", None))
        self.archiveButton.setText(QCoreApplication.translate("ReturnsDialog", u"\u5f52\u6863\u2026", None))
        self.hintLabel.setText(QCoreApplication.translate("ReturnsDialog", u"\u5e02\u5c40\u9000\u56de\u7684\u6750\u6599\uff1a\u626b\u63cf\u5c01\u9762\u6761\u7801\u8bb0\u4e3a\u5df2\u56de\u6536\uff1b\u6309\u5355\u4f4d\u6253\u5370\u8fd4\u8fd8\u6e05\u5355\uff0c\u5355\u4f4d\u7b7e\u6536\u540e\u767b\u8bb0\u8fd4\u8fd8\uff0c\u5355\u4f4d\u5b58\u6863\u540e\u5f52\u6863 \u00b7 Esc \u5173\u95ed", None))
    # retranslateUi

