# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(560, 240)
        self.dialogLayout = QVBoxLayout(ExportDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(ExportDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.pathLabel = QLabel(ExportDialog)
        self.pathLabel.setObjectName(u"pathLabel")
        self.pathLabel.setStyleSheet(u"color: #37474f;")
        self.pathLabel.setText(u"")
        self.pathLabel.setWordWrap(True)
        self.pathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.pathLabel)

        self.fullIdsCheck = QCheckBox(ExportDialog)
        self.fullIdsCheck.setObjectName(u"fullIdsCheck")

        self.dialogLayout.addWidget(self.fullIdsCheck)

        self.warningLabel = QLabel(ExportDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setStyleSheet(u"color: #607d8b;")
        self.warningLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.warningLabel)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ExportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(ExportDialog)

        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"\u5bfc\u51fa\u6750\u6599\u888b\u6e05\u5355", None))
        self.fullIdsCheck.setText(QCoreApplication.translate("ExportDialog", u"\u663e\u793a\u5b8c\u6574\u8bc1\u4ef6\u53f7\u7801", None))
        self.warningLabel.setText(QCoreApplication.translate("ExportDialog", u"\u9ed8\u8ba4\u906e\u76d6\u8bc1\u4ef6\u53f7\u7801\uff08\u5982 330102********1234\uff09\uff1a\u6587\u4ef6\u4f1a\u79bb\u5f00\u53d7\u7406\u7a97\u53e3\u3002\u53ea\u6709\u786e\u9700\u5b8c\u6574\u53f7\u7801\u65f6\u624d\u52fe\u9009\u3002", None))
    # retranslateUi

