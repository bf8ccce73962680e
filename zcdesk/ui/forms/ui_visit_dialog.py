# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_VisitDialog(object):
    def setupUi(self, VisitDialog):
        if not VisitDialog.objectName():
            VisitDialog.setObjectName(u"VisitDialog")
        VisitDialog.resize(560, 240)
        self.dialogLayout = QVBoxLayout(VisitDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 14)
        self.introLabel = QLabel(VisitDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setStyleSheet(u"font-size: 15px; color: #37474f;")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.formLayout.setHorizontalSpacing(12)
        self.formLayout.setVerticalSpacing(10)
        self.nameCaption = QLabel(VisitDialog)
        self.nameCaption.setObjectName(u"nameCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameCaption)

        self.nameEdit = QLineEdit(VisitDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(64)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.phoneCaption = QLabel(VisitDialog)
        self.phoneCaption.setObjectName(u"phoneCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneCaption)

        self.phoneEdit = QLineEdit(VisitDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(32)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.unitCaption = QLabel(VisitDialog)
        self.unitCaption.setObjectName(u"unitCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitCaption)

        self.unitEdit = QLineEdit(VisitDialog)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unitEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(VisitDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(VisitDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameCaption.setBuddy(self.nameEdit)
        self.phoneCaption.setBuddy(self.phoneEdit)
        self.unitCaption.setBuddy(self.unitEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.unitEdit)

        self.retranslateUi(VisitDialog)

        QMetaObject.connectSlotsByName(VisitDialog)
    # setupUi

    def retranslateUi(self, VisitDialog):
        VisitDialog.setWindowTitle(QCoreApplication.translate("VisitDialog", u"\u65b0\u5efa\u6536\u4ef6", None))
        self.introLabel.setText(QCoreApplication.translate("VisitDialog", u"\u767b\u8bb0\u9012\u4ea4\u6750\u6599\u7684\u4eba\uff08\u5747\u53ef\u7559\u7a7a\uff09\u3002\u6bcf\u6b21\u6536\u4ef6\u53d6\u5f97\u4e00\u4e2a\u6536\u4ef6\u53f7\u3002", None))
        self.nameCaption.setText(QCoreApplication.translate("VisitDialog", u"\u9012\u4ea4\u4eba", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u5982 \u738b\u5973\u58eb\uff08\u53ef\u7559\u7a7a\uff09", None))
        self.phoneCaption.setText(QCoreApplication.translate("VisitDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u624b\u673a\u6216\u5ea7\u673a\uff08\u53ef\u7559\u7a7a\uff09", None))
        self.unitCaption.setText(QCoreApplication.translate("VisitDialog", u"\u5355\u4f4d", None))
        self.unitEdit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u9012\u4ea4\u4eba\u6240\u5728\u5355\u4f4d\uff08\u53ef\u7559\u7a7a\uff0c\u8f93\u5165\u65f6\u63d0\u793a\u5df2\u6709\u5355\u4f4d\uff09", None))
        self.hintLabel.setText(QCoreApplication.translate("VisitDialog", u"Enter \u4e0b\u4e00\u9879\uff0c\u6700\u540e\u4e00\u9879\u6309 Enter \u5f00\u59cb \u00b7 Ctrl+Enter \u76f4\u63a5\u5f00\u59cb \u00b7 Esc \u53d6\u6d88", None))
    # retranslateUi

