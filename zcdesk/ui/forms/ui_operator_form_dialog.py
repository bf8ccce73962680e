# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'operator_form_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_OperatorFormDialog(object):
    def setupUi(self, OperatorFormDialog):
        if not OperatorFormDialog.objectName():
            OperatorFormDialog.setObjectName(u"OperatorFormDialog")
        OperatorFormDialog.resize(460, 320)
        self.dialogLayout = QVBoxLayout(OperatorFormDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.introLabel = QLabel(OperatorFormDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setStyleSheet(u"color: #37474f;")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.fieldsLayout = QFormLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.fieldsLayout.setVerticalSpacing(10)
        self.nameCaption = QLabel(OperatorFormDialog)
        self.nameCaption.setObjectName(u"nameCaption")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameCaption)

        self.nameEdit = QLineEdit(OperatorFormDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(64)

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.pinCaption = QLabel(OperatorFormDialog)
        self.pinCaption.setObjectName(u"pinCaption")
        self.pinCaption.setText(u"PIN")

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pinCaption)

        self.pinEdit = QLineEdit(OperatorFormDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pinEdit.setMaxLength(12)

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pinEdit)

        self.pin2Caption = QLabel(OperatorFormDialog)
        self.pin2Caption.setObjectName(u"pin2Caption")

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pin2Caption)

        self.pin2Edit = QLineEdit(OperatorFormDialog)
        self.pin2Edit.setObjectName(u"pin2Edit")
        self.pin2Edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin2Edit.setMaxLength(12)

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pin2Edit)

        self.roleCaption = QLabel(OperatorFormDialog)
        self.roleCaption.setObjectName(u"roleCaption")

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.roleCaption)

        self.roleCombo = QComboBox(OperatorFormDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roleCombo)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.errorLabel = QLabel(OperatorFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c62828;")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(OperatorFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameCaption.setBuddy(self.nameEdit)
        self.pinCaption.setBuddy(self.pinEdit)
        self.pin2Caption.setBuddy(self.pin2Edit)
        self.roleCaption.setBuddy(self.roleCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OperatorFormDialog)

        QMetaObject.connectSlotsByName(OperatorFormDialog)
    # setupUi

    def retranslateUi(self, OperatorFormDialog):
        OperatorFormDialog.setWindowTitle(QCoreApplication.translate("OperatorFormDialog", u"\u65b0\u589e\u64cd\u4f5c\u5458", None))
        self.nameCaption.setText(QCoreApplication.translate("OperatorFormDialog", u"\u59d3\u540d", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("OperatorFormDialog", u"4\u201312 \u4f4d\u6570\u5b57", None))
        self.pin2Caption.setText(QCoreApplication.translate("OperatorFormDialog", u"\u518d\u8f93\u4e00\u6b21", None))
        self.roleCaption.setText(QCoreApplication.translate("OperatorFormDialog", u"\u89d2\u8272", None))
    # retranslateUi

