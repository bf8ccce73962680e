# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pick_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PickDialog(object):
    def setupUi(self, PickDialog):
        if not PickDialog.objectName():
            PickDialog.setObjectName(u"PickDialog")
        PickDialog.resize(560, 460)
        PickDialog.setWindowTitle(u"")
        self.dialogLayout = QVBoxLayout(PickDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.promptLabel = QLabel(PickDialog)
        self.promptLabel.setObjectName(u"promptLabel")
        self.promptLabel.setStyleSheet(u"font-size: 15px; color: #37474f;")
        self.promptLabel.setText(u"")
        self.promptLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.promptLabel)

        self.filterEdit = QLineEdit(PickDialog)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.dialogLayout.addWidget(self.filterEdit)

        self.choiceList = QListWidget(PickDialog)
        self.choiceList.setObjectName(u"choiceList")
        self.choiceList.setAlternatingRowColors(True)
        self.choiceList.setUniformItemSizes(True)

        self.dialogLayout.addWidget(self.choiceList)

        self.hintLabel = QLabel(PickDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(PickDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.filterEdit, self.choiceList)

        self.retranslateUi(PickDialog)

        QMetaObject.connectSlotsByName(PickDialog)
    # setupUi

    def retranslateUi(self, PickDialog):
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("PickDialog", u"\u8f93\u5165\u540d\u79f0\u7684\u4e00\u90e8\u5206\u7b5b\u9009", None))
        self.hintLabel.setText(QCoreApplication.translate("PickDialog", u"\u8f93\u5165\u7b5b\u9009 \u00b7 \u2191\u2193 \u9009\u62e9 \u00b7 Enter \u786e\u5b9a \u00b7 Esc \u53d6\u6d88", None))
        pass
    # retranslateUi

