# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'desk_dialog.ui'
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

class Ui_DeskDialog(object):
    def setupUi(self, DeskDialog):
        if not DeskDialog.objectName():
            DeskDialog.setObjectName(u"DeskDialog")
        DeskDialog.resize(560, 320)
        self.dialogLayout = QVBoxLayout(DeskDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 14)
        self.introLabel = QLabel(DeskDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setStyleSheet(u"font-size: 15px; color: #37474f;")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.formLayout.setHorizontalSpacing(12)
        self.formLayout.setVerticalSpacing(10)
        self.pointCaption = QLabel(DeskDialog)
        self.pointCaption.setObjectName(u"pointCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pointCaption)

        self.pointCombo = QComboBox(DeskDialog)
        self.pointCombo.setObjectName(u"pointCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pointCombo)

        self.pointInfoLabel = QLabel(DeskDialog)
        self.pointInfoLabel.setObjectName(u"pointInfoLabel")
        self.pointInfoLabel.setStyleSheet(u"color: #607d8b;")
        self.pointInfoLabel.setText(u"")
        self.pointInfoLabel.setWordWrap(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pointInfoLabel)

        self.deskCaption = QLabel(DeskDialog)
        self.deskCaption.setObjectName(u"deskCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deskCaption)

        self.deskEdit = QLineEdit(DeskDialog)
        self.deskEdit.setObjectName(u"deskEdit")
        self.deskEdit.setMaxLength(32)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.deskEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(DeskDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c62828;")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(20, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(DeskDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.pointCaption.setBuddy(self.pointCombo)
        self.deskCaption.setBuddy(self.deskEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DeskDialog)

        QMetaObject.connectSlotsByName(DeskDialog)
    # setupUi

    def retranslateUi(self, DeskDialog):
        DeskDialog.setWindowTitle(QCoreApplication.translate("DeskDialog", u"\u672c\u673a\u53d7\u7406\u70b9\u548c\u7a97\u53e3", None))
        self.introLabel.setText(QCoreApplication.translate("DeskDialog", u"\u8bf7\u9009\u62e9\u672c\u673a\u6240\u5c5e\u7684\u53d7\u7406\u70b9\u3002\u6536\u4ef6\u53f7\u3001\u9001\u8bc4\u62a5\u544a\u5355\u90fd\u6309\u53d7\u7406\u70b9\u7f16\u53f7\u3002", None))
        self.pointCaption.setText(QCoreApplication.translate("DeskDialog", u"\u53d7\u7406\u70b9", None))
        self.deskCaption.setText(QCoreApplication.translate("DeskDialog", u"\u7a97\u53e3\u540d\u79f0", None))
        self.deskEdit.setPlaceholderText(QCoreApplication.translate("DeskDialog", u"\u5982 \u7a97\u53e31", None))
    # retranslateUi

