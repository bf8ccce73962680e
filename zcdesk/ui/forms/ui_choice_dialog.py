# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'choice_dialog.ui'
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

class Ui_ChoiceDialog(object):
    def setupUi(self, ChoiceDialog):
        if not ChoiceDialog.objectName():
            ChoiceDialog.setObjectName(u"ChoiceDialog")
        ChoiceDialog.resize(760, 380)
        self.dialogLayout = QVBoxLayout(ChoiceDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.promptLabel = QLabel(ChoiceDialog)
        self.promptLabel.setObjectName(u"promptLabel")
        self.promptLabel.setStyleSheet(u"font-size: 15px; color: #37474f;")
        self.promptLabel.setText(u"")
        self.promptLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.promptLabel)

        self.choiceTable = QTableWidget(ChoiceDialog)
        self.choiceTable.setObjectName(u"choiceTable")
        self.choiceTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.choiceTable.setAlternatingRowColors(True)
        self.choiceTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.choiceTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.choiceTable.setShowGrid(False)
        self.choiceTable.setWordWrap(False)
        self.choiceTable.horizontalHeader().setStretchLastSection(True)
        self.choiceTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.choiceTable)

        self.hintLabel = QLabel(ChoiceDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(ChoiceDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(ChoiceDialog)

        QMetaObject.connectSlotsByName(ChoiceDialog)
    # setupUi

    def retranslateUi(self, ChoiceDialog):
        ChoiceDialog.setWindowTitle(QCoreApplication.translate("ChoiceDialog", u"\u8bf7\u9009\u62e9\u7533\u62a5\u4eba", None))
        self.hintLabel.setText(QCoreApplication.translate("ChoiceDialog", u"\u2191\u2193 \u9009\u62e9 \u00b7 Enter \u6253\u5f00 \u00b7 Esc \u53d6\u6d88", None))
    # retranslateUi

