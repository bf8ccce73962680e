# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'operators_dialog.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_OperatorsDialog(object):
    def setupUi(self, OperatorsDialog):
        if not OperatorsDialog.objectName():
            OperatorsDialog.setObjectName(u"OperatorsDialog")
        OperatorsDialog.resize(620, 420)
        self.dialogLayout = QVBoxLayout(OperatorsDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(OperatorsDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.operatorsTable = QTableWidget(OperatorsDialog)
        self.operatorsTable.setObjectName(u"operatorsTable")
        self.operatorsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.operatorsTable.setAlternatingRowColors(True)
        self.operatorsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.operatorsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.operatorsTable.setShowGrid(False)
        self.operatorsTable.setWordWrap(True)
        self.operatorsTable.horizontalHeader().setStretchLastSection(True)
        self.operatorsTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.operatorsTable)

        self.actionsRow = QHBoxLayout()
        self.actionsRow.setObjectName(u"actionsRow")
        self.addButton = QPushButton(OperatorsDialog)
        self.addButton.setObjectName(u"addButton")

        self.actionsRow.addWidget(self.addButton)

        self.toggleButton = QPushButton(OperatorsDialog)
        self.toggleButton.setObjectName(u"toggleButton")

        self.actionsRow.addWidget(self.toggleButton)

        self.actionsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsRow.addItem(self.actionsSpacer)


        self.dialogLayout.addLayout(self.actionsRow)

        self.errorLabel = QLabel(OperatorsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c62828;")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.hintLabel = QLabel(OperatorsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(OperatorsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(OperatorsDialog)

        QMetaObject.connectSlotsByName(OperatorsDialog)
    # setupUi

    def retranslateUi(self, OperatorsDialog):
        OperatorsDialog.setWindowTitle(QCoreApplication.translate("OperatorsDialog", u"\u64cd\u4f5c\u5458\u7ba1\u7406", None))
        self.titleLabel.setText(QCoreApplication.translate("OperatorsDialog", u"\u64cd\u4f5c\u5458", None))
        self.addButton.setText(QCoreApplication.translate("OperatorsDialog", u"\u65b0\u589e\u64cd\u4f5c\u5458\u2026", None))
        self.toggleButton.setText(QCoreApplication.translate("OperatorsDialog", u"\u505c\u7528", None))
        self.hintLabel.setText(QCoreApplication.translate("OperatorsDialog", u"\u505c\u7528\u7684\u64cd\u4f5c\u5458\u4e0d\u80fd\u518d\u767b\u5f55\uff0c\u5df2\u6709\u8bb0\u5f55\u4fdd\u7559\u3002\u81f3\u5c11\u4fdd\u7559\u4e00\u540d\u542f\u7528\u7684\u7ba1\u7406\u5458\u3002", None))
    # retranslateUi

