# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'batches_dialog.ui'
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

class Ui_BatchesDialog(object):
    def setupUi(self, BatchesDialog):
        if not BatchesDialog.objectName():
            BatchesDialog.setObjectName(u"BatchesDialog")
        BatchesDialog.resize(1280, 760)
        self.dialogLayout = QVBoxLayout(BatchesDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(BatchesDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.batchButtons = QHBoxLayout()
        self.batchButtons.setSpacing(6)
        self.batchButtons.setObjectName(u"batchButtons")
        self.newButton = QPushButton(BatchesDialog)
        self.newButton.setObjectName(u"newButton")
        self.newButton.setAutoDefault(False)

        self.batchButtons.addWidget(self.newButton)

        self.newEmptyButton = QPushButton(BatchesDialog)
        self.newEmptyButton.setObjectName(u"newEmptyButton")
        self.newEmptyButton.setAutoDefault(False)

        self.batchButtons.addWidget(self.newEmptyButton)

        self.closeBatchButton = QPushButton(BatchesDialog)
        self.closeBatchButton.setObjectName(u"closeBatchButton")
        self.closeBatchButton.setAutoDefault(False)

        self.batchButtons.addWidget(self.closeBatchButton)

        self.reopenButton = QPushButton(BatchesDialog)
        self.reopenButton.setObjectName(u"reopenButton")
        self.reopenButton.setAutoDefault(False)

        self.batchButtons.addWidget(self.reopenButton)

        self.handOverButton = QPushButton(BatchesDialog)
        self.handOverButton.setObjectName(u"handOverButton")
        self.handOverButton.setAutoDefault(False)

        self.batchButtons.addWidget(self.handOverButton)

        self.batchButtonsSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.batchButtons.addItem(self.batchButtonsSpacer)

        self.transmittalButton = QPushButton(BatchesDialog)
        self.transmittalButton.setObjectName(u"transmittalButton")
        self.transmittalButton.setAutoDefault(False)

        self.batchButtons.addWidget(self.transmittalButton)

        self.reportButton = QPushButton(BatchesDialog)
        self.reportButton.setObjectName(u"reportButton")
        self.reportButton.setAutoDefault(False)

        self.batchButtons.addWidget(self.reportButton)

        self.exportButton = QPushButton(BatchesDialog)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setAutoDefault(False)

        self.batchButtons.addWidget(self.exportButton)


        self.dialogLayout.addLayout(self.batchButtons)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setSpacing(12)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(0, 0, 0, 0)
        self.batchPane = QWidget(BatchesDialog)
        self.batchPane.setObjectName(u"batchPane")
        self.batchLayout = QVBoxLayout(self.batchPane)
        self.batchLayout.setSpacing(6)
        self.batchLayout.setObjectName(u"batchLayout")
        self.batchLayout.setContentsMargins(0, 0, 0, 0)
        self.batchesCaption = QLabel(self.batchPane)
        self.batchesCaption.setObjectName(u"batchesCaption")
        self.batchesCaption.setStyleSheet(u"font-weight: bold; color: #37474f;")

        self.batchLayout.addWidget(self.batchesCaption)

        self.batchTable = QTableWidget(self.batchPane)
        self.batchTable.setObjectName(u"batchTable")
        self.batchTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batchTable.setAlternatingRowColors(True)
        self.batchTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.batchTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batchTable.setShowGrid(False)
        self.batchTable.horizontalHeader().setStretchLastSection(True)
        self.batchTable.verticalHeader().setVisible(False)

        self.batchLayout.addWidget(self.batchTable)


        self.bodyLayout.addWidget(self.batchPane)

        self.detailPane = QWidget(BatchesDialog)
        self.detailPane.setObjectName(u"detailPane")
        self.detailLayout = QVBoxLayout(self.detailPane)
        self.detailLayout.setSpacing(6)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.detailLabel = QLabel(self.detailPane)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setText(u"")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setStyleSheet(u"color: #37474f;")
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.detailLabel)

        self.itemsCaption = QLabel(self.detailPane)
        self.itemsCaption.setObjectName(u"itemsCaption")
        self.itemsCaption.setStyleSheet(u"font-weight: bold; color: #37474f;")

        self.detailLayout.addWidget(self.itemsCaption)

        self.itemsTable = QTableWidget(self.detailPane)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.itemsTable.setAlternatingRowColors(True)
        self.itemsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemsTable.setShowGrid(False)
        self.itemsTable.horizontalHeader().setStretchLastSection(True)
        self.itemsTable.verticalHeader().setVisible(False)

        self.detailLayout.addWidget(self.itemsTable)

        self.itemButtons = QHBoxLayout()
        self.itemButtons.setSpacing(6)
        self.itemButtons.setObjectName(u"itemButtons")
        self.acceptItemButton = QPushButton(self.detailPane)
        self.acceptItemButton.setObjectName(u"acceptItemButton")
        self.acceptItemButton.setAutoDefault(False)

        self.itemButtons.addWidget(self.acceptItemButton)

        self.rejectItemButton = QPushButton(self.detailPane)
        self.rejectItemButton.setObjectName(u"rejectItemButton")
        self.rejectItemButton.setAutoDefault(False)

        self.itemButtons.addWidget(self.rejectItemButton)

        self.undoItemButton = QPushButton(self.detailPane)
        self.undoItemButton.setObjectName(u"undoItemButton")
        self.undoItemButton.setAutoDefault(False)

        self.itemButtons.addWidget(self.undoItemButton)

        self.itemButtonsSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.itemButtons.addItem(self.itemButtonsSpacer)


        self.detailLayout.addLayout(self.itemButtons)

        self.packetsCaption = QLabel(self.detailPane)
        self.packetsCaption.setObjectName(u"packetsCaption")
        self.packetsCaption.setStyleSheet(u"font-weight: bold; color: #37474f;")

        self.detailLayout.addWidget(self.packetsCaption)

        self.addRow = QHBoxLayout()
        self.addRow.setSpacing(6)
        self.addRow.setObjectName(u"addRow")
        self.addCaption = QLabel(self.detailPane)
        self.addCaption.setObjectName(u"addCaption")

        self.addRow.addWidget(self.addCaption)

        self.codeEdit = QLineEdit(self.detailPane)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setClearButtonEnabled(True)
        self.codeEdit.setStyleSheet(u"font-size: 16px; padding: 4px 6px;")

        self.addRow.addWidget(self.codeEdit)

        self.addButton = QPushButton(self.detailPane)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.addRow.addWidget(self.addButton)

        self.removeButton = QPushButton(self.detailPane)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setAutoDefault(False)

        self.addRow.addWidget(self.removeButton)

        self.addRow.setStretch(1, 1)

        self.detailLayout.addLayout(self.addRow)

        self.packetsTable = QTableWidget(self.detailPane)
        self.packetsTable.setObjectName(u"packetsTable")
        self.packetsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.packetsTable.setAlternatingRowColors(True)
        self.packetsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.packetsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.packetsTable.setShowGrid(False)
        self.packetsTable.horizontalHeader().setStretchLastSection(True)
        self.packetsTable.verticalHeader().setVisible(False)

        self.detailLayout.addWidget(self.packetsTable)


        self.bodyLayout.addWidget(self.detailPane)

        self.bodyLayout.setStretch(0, 2)
        self.bodyLayout.setStretch(1, 3)

        self.dialogLayout.addLayout(self.bodyLayout)

        self.messageLabel = QLabel(BatchesDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.messageLabel)

        self.hintLabel = QLabel(BatchesDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(BatchesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(2, 1)

        self.retranslateUi(BatchesDialog)

        QMetaObject.connectSlotsByName(BatchesDialog)
    # setupUi

    def retranslateUi(self, BatchesDialog):
        BatchesDialog.setWindowTitle(QCoreApplication.translate("BatchesDialog", u"\u6279\u6b21", None))
        self.newButton.setText(QCoreApplication.translate("BatchesDialog", u"\u65b0\u5efa\u6279\u6b21\uff08\u5168\u90e8\u9f50\u5168\uff09", None))
        self.newEmptyButton.setText(QCoreApplication.translate("BatchesDialog", u"\u65b0\u5efa\u7a7a\u6279\u6b21", None))
        self.closeBatchButton.setText(QCoreApplication.translate("BatchesDialog", u"\u5c01\u6279\u2026", None))
        self.reopenButton.setText(QCoreApplication.translate("BatchesDialog", u"\u91cd\u65b0\u5f00\u542f\u2026", None))
        self.handOverButton.setText(QCoreApplication.translate("BatchesDialog", u"\u79fb\u4ea4\u2026", None))
        self.transmittalButton.setText(QCoreApplication.translate("BatchesDialog", u"\u6253\u5370\u79fb\u4ea4\u6e05\u5355", None))
        self.reportButton.setText(QCoreApplication.translate("BatchesDialog", u"\u6253\u5370\u9001\u8bc4\u62a5\u544a\u5355", None))
        self.exportButton.setText(QCoreApplication.translate("BatchesDialog", u"\u5bfc\u51fa\u79fb\u4ea4\u6587\u4ef6\u2026", None))
        self.batchesCaption.setText(QCoreApplication.translate("BatchesDialog", u"\u6279\u6b21", None))
        self.itemsCaption.setText(QCoreApplication.translate("BatchesDialog", u"\u6279\u6b21\u6750\u6599\uff08\u9001\u8bc4\u62a5\u544a\u5355\u3001\u82b1\u540d\u518c\uff0c\u52a0\u76d6\u5355\u4f4d\u516c\u7ae0\uff09", None))
        self.acceptItemButton.setText(QCoreApplication.translate("BatchesDialog", u"\u6536 1 \u4efd", None))
        self.rejectItemButton.setText(QCoreApplication.translate("BatchesDialog", u"\u9000\u56de\u2026", None))
        self.undoItemButton.setText(QCoreApplication.translate("BatchesDialog", u"\u64a4\u9500\u4e0a\u4e00\u6b65", None))
        self.packetsCaption.setText(QCoreApplication.translate("BatchesDialog", u"\u6279\u6b21\u4e2d\u7684\u6750\u6599\u888b", None))
        self.addCaption.setText(QCoreApplication.translate("BatchesDialog", u"\u52a0\u5165\u6750\u6599\u888b", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("BatchesDialog", u"\u626b\u63cf\u5c01\u9762\u6761\u7801\u6216\u8f93\u5165\u8bc1\u4ef6\u53f7\u7801\uff0cEnter \u52a0\u5165\uff08\u53ef\u7528\u7a7a\u683c\u5206\u9694\u591a\u4e2a\uff09", None))
        self.addButton.setText(QCoreApplication.translate("BatchesDialog", u"\u52a0\u5165", None))
        self.removeButton.setText(QCoreApplication.translate("BatchesDialog", u"\u79fb\u51fa\u9009\u4e2d", None))
        self.hintLabel.setText(QCoreApplication.translate("BatchesDialog", u"\u626b\u63cf\u5c01\u9762\u6761\u7801 + Enter \u52a0\u5165\u6750\u6599\u888b \u00b7 Delete \u79fb\u51fa\u9009\u4e2d \u00b7 \u5c01\u6279\u540e\u4e0d\u80fd\u518d\u6539\uff1b\u91cd\u65b0\u5f00\u542f\u987b\u5199\u660e\u539f\u56e0 \u00b7 Esc \u5173\u95ed", None))
    # retranslateUi

