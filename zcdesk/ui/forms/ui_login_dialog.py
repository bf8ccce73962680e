# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
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

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(460, 300)
        self.dialogLayout = QVBoxLayout(LoginDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(LoginDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.reasonLabel = QLabel(LoginDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setStyleSheet(u"color: #37474f;")
        self.reasonLabel.setText(u"")
        self.reasonLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.reasonLabel)

        self.fieldsLayout = QFormLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.fieldsLayout.setVerticalSpacing(10)
        self.operatorCaption = QLabel(LoginDialog)
        self.operatorCaption.setObjectName(u"operatorCaption")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.operatorCaption)

        self.operatorCombo = QComboBox(LoginDialog)
        self.operatorCombo.setObjectName(u"operatorCombo")
        self.operatorCombo.setMinimumSize(QSize(220, 0))

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.operatorCombo)

        self.pinCaption = QLabel(LoginDialog)
        self.pinCaption.setObjectName(u"pinCaption")
        self.pinCaption.setText(u"PIN")

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pinCaption)

        self.pinEdit = QLineEdit(LoginDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pinEdit.setMaxLength(12)

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pinEdit)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.hintLabel = QLabel(LoginDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #0d47a1; background: #e3f2fd; border-radius: 4px; padding: 6px 8px;")
        self.hintLabel.setText(u"")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(LoginDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c62828;")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(LoginDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.operatorCaption.setBuddy(self.operatorCombo)
        self.pinCaption.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LoginDialog)

        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"\u64cd\u4f5c\u5458\u767b\u5f55", None))
        self.operatorCaption.setText(QCoreApplication.translate("LoginDialog", u"\u64cd\u4f5c\u5458", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"4\u201312 \u4f4d\u6570\u5b57", None))
    # retranslateUi

