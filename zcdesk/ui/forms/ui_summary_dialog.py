# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'summary_dialog.ui'
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
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SummaryDialog(object):
    def setupUi(self, SummaryDialog):
        if not SummaryDialog.objectName():
            SummaryDialog.setObjectName(u"SummaryDialog")
        SummaryDialog.resize(860, 520)
        self.dialogLayout = QVBoxLayout(SummaryDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(SummaryDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 17px; font-weight: bold; color: #0d47a1;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.visitorLabel = QLabel(SummaryDialog)
        self.visitorLabel.setObjectName(u"visitorLabel")
        self.visitorLabel.setStyleSheet(u"color: #37474f;")
        self.visitorLabel.setText(u"")
        self.visitorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.visitorLabel)

        self.summaryTable = QTableWidget(SummaryDialog)
        self.summaryTable.setObjectName(u"summaryTable")
        self.summaryTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summaryTable.setAlternatingRowColors(True)
        self.summaryTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summaryTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summaryTable.setShowGrid(False)
        self.summaryTable.setWordWrap(True)
        self.summaryTable.horizontalHeader().setStretchLastSection(True)
        self.summaryTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.summaryTable)

        self.totalsLabel = QLabel(SummaryDialog)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setStyleSheet(u"font-size: 15px;")
        self.totalsLabel.setText(u"")
        self.totalsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.totalsLabel)

        self.hintLabel = QLabel(SummaryDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(SummaryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(SummaryDialog)

        QMetaObject.connectSlotsByName(SummaryDialog)
    # setupUi

    def retranslateUi(self, SummaryDialog):
        SummaryDialog.setWindowTitle(QCoreApplication.translate("SummaryDialog", u"\u5b8c\u6210\u6536\u4ef6", None))
        self.hintLabel.setText(QCoreApplication.translate("SummaryDialog", u"Enter \u5b8c\u6210\u6536\u4ef6 \u00b7 Esc \u8fd4\u56de\u7ee7\u7eed\u6536\u4ef6", None))
    # retranslateUi

