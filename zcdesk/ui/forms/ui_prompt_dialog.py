# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'prompt_dialog.ui'
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
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PromptDialog(object):
    def setupUi(self, PromptDialog):
        if not PromptDialog.objectName():
            PromptDialog.setObjectName(u"PromptDialog")
        PromptDialog.resize(480, 190)
        PromptDialog.setWindowTitle(u"")
        self.dialogLayout = QVBoxLayout(PromptDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.promptLabel = QLabel(PromptDialog)
        self.promptLabel.setObjectName(u"promptLabel")
        self.promptLabel.setStyleSheet(u"font-size: 15px; color: #37474f;")
        self.promptLabel.setText(u"")
        self.promptLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.promptLabel)

        self.valueEdit = QLineEdit(PromptDialog)
        self.valueEdit.setObjectName(u"valueEdit")
        self.valueEdit.setStyleSheet(u"font-size: 17px; padding: 5px 8px;")

        self.dialogLayout.addWidget(self.valueEdit)

        self.hintLabel = QLabel(PromptDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.bottomSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(PromptDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(PromptDialog)

        QMetaObject.connectSlotsByName(PromptDialog)
    # setupUi

    def retranslateUi(self, PromptDialog):
        self.hintLabel.setText(QCoreApplication.translate("PromptDialog", u"\u53ef\u76f4\u63a5\u626b\u63cf\u56de\u6267\u4e0a\u7684\u6761\u7801 \u00b7 Enter \u786e\u5b9a \u00b7 Esc \u53d6\u6d88", None))
        pass
    # retranslateUi

