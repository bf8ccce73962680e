# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'corrections_dialog.ui'
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

class Ui_CorrectionsDialog(object):
    def setupUi(self, CorrectionsDialog):
        if not CorrectionsDialog.objectName():
            CorrectionsDialog.setObjectName(u"CorrectionsDialog")
        CorrectionsDialog.resize(980, 520)
        self.dialogLayout = QVBoxLayout(CorrectionsDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(CorrectionsDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.deadlinesLabel = QLabel(CorrectionsDialog)
        self.deadlinesLabel.setObjectName(u"deadlinesLabel")
        self.deadlinesLabel.setText(u"")
        self.deadlinesLabel.setWordWrap(True)
        self.deadlinesLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.deadlinesLabel)

        self.overdueCheck = QCheckBox(CorrectionsDialog)
        self.overdueCheck.setObjectName(u"overdueCheck")

        self.dialogLayout.addWidget(self.overdueCheck)

        self.correctionsTable = QTableWidget(CorrectionsDialog)
        self.correctionsTable.setObjectName(u"correctionsTable")
        self.correctionsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.correctionsTable.setAlternatingRowColors(True)
        self.correctionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.correctionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.correctionsTable.setShowGrid(False)
        self.correctionsTable.horizontalHeader().setStretchLastSection(True)
        self.correctionsTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.correctionsTable)

        self.messageLabel = QLabel(CorrectionsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.messageLabel)

        self.hintLabel = QLabel(CorrectionsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(CorrectionsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(CorrectionsDialog)

        QMetaObject.connectSlotsByName(CorrectionsDialog)
    # setupUi

    def retranslateUi(self, CorrectionsDialog):
        CorrectionsDialog.setWindowTitle(QCoreApplication.translate("CorrectionsDialog", u"\u622a\u6b62\u65e5\u671f\u4e0e\u8865\u6b63\u671f\u9650", None))
        self.overdueCheck.setText(QCoreApplication.translate("CorrectionsDialog", u"\u53ea\u770b\u5df2\u903e\u671f", None))
        self.hintLabel.setText(QCoreApplication.translate("CorrectionsDialog", u"\u8865\u6b63\u671f\u9650\u6309\u5de5\u4f5c\u65e5\u8ba1\u7b97\uff08\u8282\u5047\u65e5\u89c1 \u8bbe\u7f6e \u2192 \u8282\u5047\u65e5\uff09\u3002Esc \u5173\u95ed", None))
    # retranslateUi

