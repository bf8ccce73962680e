# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shortcuts_dialog.ui'
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

class Ui_ShortcutsDialog(object):
    def setupUi(self, ShortcutsDialog):
        if not ShortcutsDialog.objectName():
            ShortcutsDialog.setObjectName(u"ShortcutsDialog")
        ShortcutsDialog.resize(620, 720)
        self.dialogLayout = QVBoxLayout(ShortcutsDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.introLabel = QLabel(ShortcutsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setStyleSheet(u"color: #37474f;")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.keysTable = QTableWidget(ShortcutsDialog)
        self.keysTable.setObjectName(u"keysTable")
        self.keysTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keysTable.setAlternatingRowColors(True)
        self.keysTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.keysTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keysTable.setShowGrid(False)
        self.keysTable.setWordWrap(True)
        self.keysTable.horizontalHeader().setStretchLastSection(True)
        self.keysTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.keysTable)

        self.buttonBox = QDialogButtonBox(ShortcutsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(ShortcutsDialog)

        QMetaObject.connectSlotsByName(ShortcutsDialog)
    # setupUi

    def retranslateUi(self, ShortcutsDialog):
        ShortcutsDialog.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", u"\u5feb\u6377\u952e", None))
        self.introLabel.setText(QCoreApplication.translate("ShortcutsDialog", u"\u626b\u63cf\u6846\u59cb\u7ec8\u4fdd\u6301\u8f93\u5165\u7126\u70b9\uff0c\u626b\u7801\u67aa\u968f\u65f6\u53ef\u7528\uff1b\u4e0b\u5217\u6309\u952e\u65e0\u9700\u9f20\u6807\u3002", None))
    # retranslateUi

