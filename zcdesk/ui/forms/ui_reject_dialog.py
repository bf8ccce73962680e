# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reject_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_RejectDialog(object):
    def setupUi(self, RejectDialog):
        if not RejectDialog.objectName():
            RejectDialog.setObjectName(u"RejectDialog")
        RejectDialog.resize(480, 420)
        self.dialogLayout = QVBoxLayout(RejectDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 14)
        self.itemLabel = QLabel(RejectDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.itemLabel.setText(u"")
        self.itemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.itemLabel)

        self.reasonCaption = QLabel(RejectDialog)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.dialogLayout.addWidget(self.reasonCaption)

        self.reasonList = QListWidget(RejectDialog)
        self.reasonList.setObjectName(u"reasonList")
        self.reasonList.setStyleSheet(u"QListWidget { font-size: 15px; } QListWidget::item { padding: 5px 6px; }")
        self.reasonList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.dialogLayout.addWidget(self.reasonList)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(12)
        self.textCaption = QLabel(RejectDialog)
        self.textCaption.setObjectName(u"textCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.textCaption)

        self.textEdit = QLineEdit(RejectDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.textEdit)

        self.copiesCaption = QLabel(RejectDialog)
        self.copiesCaption.setObjectName(u"copiesCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.copiesCaption)

        self.copiesSpin = QSpinBox(RejectDialog)
        self.copiesSpin.setObjectName(u"copiesSpin")
        self.copiesSpin.setMaximumSize(QSize(120, 16777215))
        self.copiesSpin.setMinimumSize(QSize(110, 0))
        self.copiesSpin.setStyleSheet(u"QSpinBox { padding: 1px 4px; min-height: 26px; } QSpinBox::up-button, QSpinBox::down-button { width: 20px; }")
        self.copiesSpin.setMinimum(1)
        self.copiesSpin.setMaximum(20)
        self.copiesSpin.setValue(1)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.copiesSpin)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(RejectDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c62828;")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.hintLabel = QLabel(RejectDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(RejectDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonCaption.setBuddy(self.reasonList)
        self.textCaption.setBuddy(self.textEdit)
        self.copiesCaption.setBuddy(self.copiesSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonList, self.copiesSpin)
        QWidget.setTabOrder(self.copiesSpin, self.textEdit)

        self.retranslateUi(RejectDialog)

        QMetaObject.connectSlotsByName(RejectDialog)
    # setupUi

    def retranslateUi(self, RejectDialog):
        RejectDialog.setWindowTitle(QCoreApplication.translate("RejectDialog", u"\u9000\u56de\u6750\u6599", None))
        self.reasonCaption.setText(QCoreApplication.translate("RejectDialog", u"\u9000\u56de\u539f\u56e0\uff08\u6309\u6570\u5b57\u952e 1\u20135 \u9009\u62e9\uff09", None))
        self.textCaption.setText(QCoreApplication.translate("RejectDialog", u"\u8bf4\u660e", None))
        self.textEdit.setPlaceholderText(QCoreApplication.translate("RejectDialog", u"\u9009\u201c\u5176\u4ed6\u201d\u65f6\u5fc5\u586b\uff1b\u5176\u4f59\u53ef\u8865\u5145\u8bf4\u660e", None))
        self.copiesCaption.setText(QCoreApplication.translate("RejectDialog", u"\u9000\u56de\u4efd\u6570", None))
        self.copiesSpin.setSuffix(QCoreApplication.translate("RejectDialog", u" \u4efd", None))
        self.hintLabel.setText(QCoreApplication.translate("RejectDialog", u"1\u20135 \u9009\u539f\u56e0 \u00b7 Tab \u5230\u4efd\u6570\uff08\u8f93\u5165\u6570\u5b57\u6216 \u2191\u2193\uff09\u00b7 Enter \u786e\u8ba4\u9000\u56de \u00b7 Esc \u53d6\u6d88\uff08\u4e0d\u767b\u8bb0\uff09", None))
    # retranslateUi

