# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_preview_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QHeaderView, QLabel,
    QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.resize(900, 640)
        self.dialogLayout = QVBoxLayout(ImportPreviewDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(ImportPreviewDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.sourceLabel = QLabel(ImportPreviewDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")
        self.sourceLabel.setStyleSheet(u"color: #37474f;")
        self.sourceLabel.setText(u"")
        self.sourceLabel.setWordWrap(True)
        self.sourceLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.sourceLabel)

        self.countsLabel = QLabel(ImportPreviewDialog)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setStyleSheet(u"font-size: 15px; padding: 6px 8px; background: #e3f2fd; border-radius: 4px;")
        self.countsLabel.setText(u"")
        self.countsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.countsLabel)

        self.blankCheck = QCheckBox(ImportPreviewDialog)
        self.blankCheck.setObjectName(u"blankCheck")

        self.dialogLayout.addWidget(self.blankCheck)

        self.fieldsCaption = QLabel(ImportPreviewDialog)
        self.fieldsCaption.setObjectName(u"fieldsCaption")
        self.fieldsCaption.setStyleSheet(u"font-weight: bold; color: #37474f; padding-top: 6px;")
        self.fieldsCaption.setWordWrap(True)

        self.dialogLayout.addWidget(self.fieldsCaption)

        self.fieldsTable = QTableWidget(ImportPreviewDialog)
        self.fieldsTable.setObjectName(u"fieldsTable")
        self.fieldsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fieldsTable.setAlternatingRowColors(True)
        self.fieldsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fieldsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fieldsTable.setShowGrid(False)
        self.fieldsTable.setWordWrap(True)
        self.fieldsTable.horizontalHeader().setStretchLastSection(True)
        self.fieldsTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.fieldsTable)

        self.refusedCaption = QLabel(ImportPreviewDialog)
        self.refusedCaption.setObjectName(u"refusedCaption")
        self.refusedCaption.setStyleSheet(u"font-weight: bold; color: #37474f; padding-top: 6px;")
        self.refusedCaption.setWordWrap(True)

        self.dialogLayout.addWidget(self.refusedCaption)

        self.refusedTable = QTableWidget(ImportPreviewDialog)
        self.refusedTable.setObjectName(u"refusedTable")
        self.refusedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refusedTable.setAlternatingRowColors(True)
        self.refusedTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.refusedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.refusedTable.setShowGrid(False)
        self.refusedTable.setWordWrap(True)
        self.refusedTable.horizontalHeader().setStretchLastSection(True)
        self.refusedTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.refusedTable)

        self.changesCaption = QLabel(ImportPreviewDialog)
        self.changesCaption.setObjectName(u"changesCaption")
        self.changesCaption.setStyleSheet(u"font-weight: bold; color: #37474f; padding-top: 6px;")
        self.changesCaption.setWordWrap(True)

        self.dialogLayout.addWidget(self.changesCaption)

        self.changesTable = QTableWidget(ImportPreviewDialog)
        self.changesTable.setObjectName(u"changesTable")
        self.changesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changesTable.setAlternatingRowColors(True)
        self.changesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.changesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changesTable.setShowGrid(False)
        self.changesTable.setWordWrap(True)
        self.changesTable.horizontalHeader().setStretchLastSection(True)
        self.changesTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.changesTable)

        self.hintLabel = QLabel(ImportPreviewDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(ImportPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(ImportPreviewDialog)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"\u5bfc\u5165\u9884\u89c8", None))
        self.blankCheck.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u7528\u7a7a\u767d\u8986\u76d6\u5df2\u6709\u6570\u636e", None))
#if QT_CONFIG(tooltip)
        self.blankCheck.setToolTip(QCoreApplication.translate("ImportPreviewDialog", u"\u4e0d\u52fe\u9009\uff08\u9ed8\u8ba4\uff09\uff1a\u6587\u4ef6\u4e2d\u7684\u7a7a\u767d\u5355\u5143\u683c\u4fdd\u7559\u5df2\u5b58\u7684\u503c\u3002\u52fe\u9009\uff1a\u7a7a\u767d\u5355\u5143\u683c\u6e05\u7a7a\u5df2\u5b58\u7684\u503c\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.fieldsCaption.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u5404\u9879\u5c06\u53d8\u66f4\u7684\u4eba\u6570\uff08\u4f8b\uff1a\u539f\u503c \u2192 \u65b0\u503c\uff09", None))
        self.refusedCaption.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u672a\u5bfc\u5165\u7684\u884c\uff08\u8bf7\u5728\u6587\u4ef6\u4e2d\u6539\u6b63\u540e\u91cd\u65b0\u5bfc\u5165\uff09", None))
        self.changesCaption.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u5c06\u66f4\u65b0\u7684\u7533\u62a5\u4eba\u4fe1\u606f\uff08\u539f\u503c \u2192 \u65b0\u503c\uff09", None))
        self.hintLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u6838\u5bf9\u65e0\u8bef\u540e\u70b9\u201c\u5bfc\u5165\u201d\u5199\u5165 \u00b7 Enter \u6216 Esc \u53d6\u6d88\uff08\u4e0d\u5199\u5165\u4efb\u4f55\u6570\u636e\uff09", None))
    # retranslateUi

