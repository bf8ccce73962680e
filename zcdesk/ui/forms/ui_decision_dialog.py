# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decision_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_DecisionDialog(object):
    def setupUi(self, DecisionDialog):
        if not DecisionDialog.objectName():
            DecisionDialog.setObjectName(u"DecisionDialog")
        DecisionDialog.resize(520, 240)
        self.dialogLayout = QVBoxLayout(DecisionDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(DecisionDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.resultCaption = QLabel(DecisionDialog)
        self.resultCaption.setObjectName(u"resultCaption")

        self.formGrid.addWidget(self.resultCaption, 0, 0, 1, 1)

        self.resultCombo = QComboBox(DecisionDialog)
        self.resultCombo.setObjectName(u"resultCombo")

        self.formGrid.addWidget(self.resultCombo, 0, 1, 1, 1)

        self.dateCaption = QLabel(DecisionDialog)
        self.dateCaption.setObjectName(u"dateCaption")

        self.formGrid.addWidget(self.dateCaption, 1, 0, 1, 1)

        self.dateEdit = QDateEdit(DecisionDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formGrid.addWidget(self.dateEdit, 1, 1, 1, 1)

        self.documentCaption = QLabel(DecisionDialog)
        self.documentCaption.setObjectName(u"documentCaption")

        self.formGrid.addWidget(self.documentCaption, 2, 0, 1, 1)

        self.documentEdit = QLineEdit(DecisionDialog)
        self.documentEdit.setObjectName(u"documentEdit")
        self.documentEdit.setClearButtonEnabled(True)

        self.formGrid.addWidget(self.documentEdit, 2, 1, 1, 1)


        self.dialogLayout.addLayout(self.formGrid)

        self.hintLabel = QLabel(DecisionDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.bottomSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(DecisionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(DecisionDialog)

        QMetaObject.connectSlotsByName(DecisionDialog)
    # setupUi

    def retranslateUi(self, DecisionDialog):
        DecisionDialog.setWindowTitle(QCoreApplication.translate("DecisionDialog", u"\u767b\u8bb0\u8bc4\u5ba1\u7ed3\u679c", None))
        self.resultCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u8bc4\u5ba1\u7ed3\u679c", None))
        self.dateCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u8bc4\u5ba1\u65e5\u671f", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("DecisionDialog", u"yyyy-MM-dd", None))
        self.documentCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u6587\u53f7", None))
        self.documentEdit.setPlaceholderText(QCoreApplication.translate("DecisionDialog", u"\u5982\uff1a\u676d\u804c\u6539\u30142025\u301512\u53f7\uff08\u53ef\u7a7a\uff09", None))
        self.hintLabel.setText(QCoreApplication.translate("DecisionDialog", u"1 \u901a\u8fc7 \u00b7 2 \u4e0d\u901a\u8fc7 \u00b7 Enter \u4e0b\u4e00\u9879 \u00b7 \u6700\u540e\u4e00\u9879 Enter \u786e\u8ba4 \u00b7 Esc \u53d6\u6d88", None))
    # retranslateUi

