# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_CalendarDialog(object):
    def setupUi(self, CalendarDialog):
        if not CalendarDialog.objectName():
            CalendarDialog.setObjectName(u"CalendarDialog")
        CalendarDialog.resize(760, 600)
        self.dialogLayout = QVBoxLayout(CalendarDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(CalendarDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.topRow = QHBoxLayout()
        self.topRow.setSpacing(6)
        self.topRow.setObjectName(u"topRow")
        self.yearCaption = QLabel(CalendarDialog)
        self.yearCaption.setObjectName(u"yearCaption")

        self.topRow.addWidget(self.yearCaption)

        self.yearSpin = QSpinBox(CalendarDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.topRow.addWidget(self.yearSpin)

        self.topSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topRow.addItem(self.topSpacer)

        self.correctionCaption = QLabel(CalendarDialog)
        self.correctionCaption.setObjectName(u"correctionCaption")

        self.topRow.addWidget(self.correctionCaption)

        self.correctionSpin = QSpinBox(CalendarDialog)
        self.correctionSpin.setObjectName(u"correctionSpin")
        self.correctionSpin.setMinimum(1)
        self.correctionSpin.setMaximum(60)

        self.topRow.addWidget(self.correctionSpin)

        self.correctionButton = QPushButton(CalendarDialog)
        self.correctionButton.setObjectName(u"correctionButton")
        self.correctionButton.setAutoDefault(False)

        self.topRow.addWidget(self.correctionButton)


        self.dialogLayout.addLayout(self.topRow)

        self.daysTable = QTableWidget(CalendarDialog)
        self.daysTable.setObjectName(u"daysTable")
        self.daysTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.daysTable.setAlternatingRowColors(True)
        self.daysTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.daysTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.daysTable.setShowGrid(False)
        self.daysTable.horizontalHeader().setStretchLastSection(True)
        self.daysTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.daysTable)

        self.editRow = QHBoxLayout()
        self.editRow.setSpacing(6)
        self.editRow.setObjectName(u"editRow")
        self.dayEdit = QDateEdit(CalendarDialog)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setCalendarPopup(True)

        self.editRow.addWidget(self.dayEdit)

        self.kindCombo = QComboBox(CalendarDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.editRow.addWidget(self.kindCombo)

        self.nameEdit = QLineEdit(CalendarDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setClearButtonEnabled(True)

        self.editRow.addWidget(self.nameEdit)

        self.saveButton = QPushButton(CalendarDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.editRow.addWidget(self.saveButton)

        self.removeButton = QPushButton(CalendarDialog)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setAutoDefault(False)

        self.editRow.addWidget(self.removeButton)

        self.editRow.setStretch(2, 1)

        self.dialogLayout.addLayout(self.editRow)

        self.messageLabel = QLabel(CalendarDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.messageLabel)

        self.hintLabel = QLabel(CalendarDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(CalendarDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(CalendarDialog)

        QMetaObject.connectSlotsByName(CalendarDialog)
    # setupUi

    def retranslateUi(self, CalendarDialog):
        CalendarDialog.setWindowTitle(QCoreApplication.translate("CalendarDialog", u"\u8282\u5047\u65e5", None))
        self.yearCaption.setText(QCoreApplication.translate("CalendarDialog", u"\u5e74\u4efd", None))
        self.correctionCaption.setText(QCoreApplication.translate("CalendarDialog", u"\u8865\u6b63\u671f\u9650\uff08\u5de5\u4f5c\u65e5\uff09", None))
        self.correctionButton.setText(QCoreApplication.translate("CalendarDialog", u"\u4fdd\u5b58\u671f\u9650", None))
        self.dayEdit.setDisplayFormat(QCoreApplication.translate("CalendarDialog", u"yyyy-MM-dd", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("CalendarDialog", u"\u540d\u79f0\uff0c\u5982\uff1a\u56fd\u5e86\u8282", None))
        self.saveButton.setText(QCoreApplication.translate("CalendarDialog", u"\u4fdd\u5b58", None))
        self.removeButton.setText(QCoreApplication.translate("CalendarDialog", u"\u5220\u9664\u9009\u4e2d", None))
        self.hintLabel.setText(QCoreApplication.translate("CalendarDialog", u"\u5217\u51fa\u7684\u662f\u653e\u5047\u65e5\u548c\u8c03\u4f11\u4e0a\u73ed\u65e5\uff1b\u5176\u4f59\u5468\u4e00\u81f3\u5468\u4e94\u4e3a\u5de5\u4f5c\u65e5\u3002\u4fee\u6539\u5373\u751f\u6548\uff0c\u8bb0\u5165\u529e\u7406\u8bb0\u5f55\u3002Esc \u5173\u95ed", None))
    # retranslateUi

