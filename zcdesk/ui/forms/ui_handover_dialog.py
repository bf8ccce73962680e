# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'handover_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateTimeEdit, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_HandOverDialog(object):
    def setupUi(self, HandOverDialog):
        if not HandOverDialog.objectName():
            HandOverDialog.setObjectName(u"HandOverDialog")
        HandOverDialog.resize(520, 260)
        HandOverDialog.setWindowTitle(u"")
        self.dialogLayout = QVBoxLayout(HandOverDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(HandOverDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.firstCaption = QLabel(HandOverDialog)
        self.firstCaption.setObjectName(u"firstCaption")
        self.firstCaption.setText(u"")

        self.formGrid.addWidget(self.firstCaption, 0, 0, 1, 1)

        self.firstEdit = QLineEdit(HandOverDialog)
        self.firstEdit.setObjectName(u"firstEdit")
        self.firstEdit.setClearButtonEnabled(True)

        self.formGrid.addWidget(self.firstEdit, 0, 1, 1, 1)

        self.secondCaption = QLabel(HandOverDialog)
        self.secondCaption.setObjectName(u"secondCaption")
        self.secondCaption.setText(u"")

        self.formGrid.addWidget(self.secondCaption, 1, 0, 1, 1)

        self.secondEdit = QLineEdit(HandOverDialog)
        self.secondEdit.setObjectName(u"secondEdit")
        self.secondEdit.setClearButtonEnabled(True)

        self.formGrid.addWidget(self.secondEdit, 1, 1, 1, 1)

        self.atCaption = QLabel(HandOverDialog)
        self.atCaption.setObjectName(u"atCaption")

        self.formGrid.addWidget(self.atCaption, 2, 0, 1, 1)

        self.atEdit = QDateTimeEdit(HandOverDialog)
        self.atEdit.setObjectName(u"atEdit")
        self.atEdit.setCalendarPopup(True)

        self.formGrid.addWidget(self.atEdit, 2, 1, 1, 1)


        self.dialogLayout.addLayout(self.formGrid)

        self.errorLabel = QLabel(HandOverDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.hintLabel = QLabel(HandOverDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.bottomSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(HandOverDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(HandOverDialog)

        QMetaObject.connectSlotsByName(HandOverDialog)
    # setupUi

    def retranslateUi(self, HandOverDialog):
        self.firstEdit.setPlaceholderText("")
        self.secondEdit.setPlaceholderText("")
        self.atCaption.setText(QCoreApplication.translate("HandOverDialog", u"\u65f6\u95f4", None))
        self.atEdit.setDisplayFormat(QCoreApplication.translate("HandOverDialog", u"yyyy-MM-dd HH:mm", None))
        self.hintLabel.setText(QCoreApplication.translate("HandOverDialog", u"Enter \u4e0b\u4e00\u9879 \u00b7 \u6700\u540e\u4e00\u9879 Enter \u786e\u8ba4 \u00b7 Esc \u53d6\u6d88", None))
        pass
    # retranslateUi

