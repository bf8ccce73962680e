# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'print_preview_dialog.ui'
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
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTabBar, QVBoxLayout, QWidget)

class Ui_PrintPreviewDialog(object):
    def setupUi(self, PrintPreviewDialog):
        if not PrintPreviewDialog.objectName():
            PrintPreviewDialog.setObjectName(u"PrintPreviewDialog")
        PrintPreviewDialog.resize(980, 860)
        self.dialogLayout = QVBoxLayout(PrintPreviewDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 12, 16, 12)
        self.titleRow = QHBoxLayout()
        self.titleRow.setSpacing(12)
        self.titleRow.setObjectName(u"titleRow")
        self.titleLabel = QLabel(PrintPreviewDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 17px; font-weight: bold; color: #0d47a1;")
        self.titleLabel.setText(u"")

        self.titleRow.addWidget(self.titleLabel)

        self.documentTabs = QTabBar(PrintPreviewDialog)
        self.documentTabs.setObjectName(u"documentTabs")

        self.titleRow.addWidget(self.documentTabs)

        self.titleSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)

        self.fullIdsCheck = QCheckBox(PrintPreviewDialog)
        self.fullIdsCheck.setObjectName(u"fullIdsCheck")

        self.titleRow.addWidget(self.fullIdsCheck)


        self.dialogLayout.addLayout(self.titleRow)

        self.warningLabel = QLabel(PrintPreviewDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setStyleSheet(u"background: #fff4e0; border: 1px solid #b26a00; border-radius: 4px; color: #7a4900; padding: 6px 10px;")
        self.warningLabel.setText(u"")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.warningLabel)

        self.toolRow = QHBoxLayout()
        self.toolRow.setSpacing(6)
        self.toolRow.setObjectName(u"toolRow")
        self.previousButton = QPushButton(PrintPreviewDialog)
        self.previousButton.setObjectName(u"previousButton")
        self.previousButton.setAutoDefault(False)

        self.toolRow.addWidget(self.previousButton)

        self.pageLabel = QLabel(PrintPreviewDialog)
        self.pageLabel.setObjectName(u"pageLabel")
        self.pageLabel.setMinimumSize(QSize(150, 0))
        self.pageLabel.setText(u"")
        self.pageLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.toolRow.addWidget(self.pageLabel)

        self.nextButton = QPushButton(PrintPreviewDialog)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setAutoDefault(False)

        self.toolRow.addWidget(self.nextButton)

        self.toolSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolRow.addItem(self.toolSpacer)

        self.fitWidthButton = QPushButton(PrintPreviewDialog)
        self.fitWidthButton.setObjectName(u"fitWidthButton")
        self.fitWidthButton.setAutoDefault(False)

        self.toolRow.addWidget(self.fitWidthButton)

        self.zoomOutButton = QPushButton(PrintPreviewDialog)
        self.zoomOutButton.setObjectName(u"zoomOutButton")
        self.zoomOutButton.setText(u"\u2212")
        self.zoomOutButton.setAutoDefault(False)

        self.toolRow.addWidget(self.zoomOutButton)

        self.zoomLabel = QLabel(PrintPreviewDialog)
        self.zoomLabel.setObjectName(u"zoomLabel")
        self.zoomLabel.setMinimumSize(QSize(56, 0))
        self.zoomLabel.setText(u"")
        self.zoomLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.toolRow.addWidget(self.zoomLabel)

        self.zoomInButton = QPushButton(PrintPreviewDialog)
        self.zoomInButton.setObjectName(u"zoomInButton")
        self.zoomInButton.setText(u"+")
        self.zoomInButton.setAutoDefault(False)

        self.toolRow.addWidget(self.zoomInButton)


        self.dialogLayout.addLayout(self.toolRow)

        self.pdfView = QPdfView(PrintPreviewDialog)
        self.pdfView.setObjectName(u"pdfView")
        self.pdfView.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.pdfView.setStyleSheet(u"QPdfView { background: #78909c; border: 1px solid #cfd8dc; }")

        self.dialogLayout.addWidget(self.pdfView)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(8)
        self.buttonRow.setObjectName(u"buttonRow")
        self.hintLabel = QLabel(PrintPreviewDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")

        self.buttonRow.addWidget(self.hintLabel)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.printButton = QPushButton(PrintPreviewDialog)
        self.printButton.setObjectName(u"printButton")
        self.printButton.setMinimumSize(QSize(150, 0))
        self.printButton.setStyleSheet(u"font-weight: bold;")

        self.buttonRow.addWidget(self.printButton)

        self.printDialogButton = QPushButton(PrintPreviewDialog)
        self.printDialogButton.setObjectName(u"printDialogButton")
        self.printDialogButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.printDialogButton)

        self.saveButton = QPushButton(PrintPreviewDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.saveButton)

        self.closeButton = QPushButton(PrintPreviewDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonRow)

        QWidget.setTabOrder(self.printButton, self.printDialogButton)
        QWidget.setTabOrder(self.printDialogButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.closeButton)
        QWidget.setTabOrder(self.closeButton, self.fullIdsCheck)
        QWidget.setTabOrder(self.fullIdsCheck, self.previousButton)
        QWidget.setTabOrder(self.previousButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.fitWidthButton)
        QWidget.setTabOrder(self.fitWidthButton, self.zoomOutButton)
        QWidget.setTabOrder(self.zoomOutButton, self.zoomInButton)
        QWidget.setTabOrder(self.zoomInButton, self.pdfView)

        self.retranslateUi(PrintPreviewDialog)

        self.printButton.setDefault(True)


        QMetaObject.connectSlotsByName(PrintPreviewDialog)
    # setupUi

    def retranslateUi(self, PrintPreviewDialog):
        PrintPreviewDialog.setWindowTitle(QCoreApplication.translate("PrintPreviewDialog", u"\u6253\u5370\u9884\u89c8", None))
#if QT_CONFIG(tooltip)
        self.fullIdsCheck.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u9ed8\u8ba4\u906e\u76d6\u8bc1\u4ef6\u53f7\u7801\u4e2d\u95f4\u90e8\u5206\uff1b\u79bb\u5f00\u672c\u5355\u4f4d\u7684\u540d\u5355\u901a\u5e38\u5e94\u4fdd\u6301\u906e\u76d6", None))
#endif // QT_CONFIG(tooltip)
        self.fullIdsCheck.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u663e\u793a\u5b8c\u6574\u8bc1\u4ef6\u53f7\u7801(&F)", None))
#if QT_CONFIG(tooltip)
        self.previousButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u4e0a\u4e00\u9875\uff08PgUp\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.previousButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u25c0 \u4e0a\u4e00\u9875", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u4e0b\u4e00\u9875\uff08PgDn\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u4e0b\u4e00\u9875 \u25b6", None))
#if QT_CONFIG(tooltip)
        self.fitWidthButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u9875\u9762\u5bbd\u5ea6\u9002\u5408\u7a97\u53e3\uff08Ctrl+0\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.fitWidthButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u9002\u5408\u5bbd\u5ea6", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u7f29\u5c0f\uff08Ctrl+\u2212\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u653e\u5927\uff08Ctrl++\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.hintLabel.setText(QCoreApplication.translate("PrintPreviewDialog", u"Enter \u6253\u5370 \u00b7 Esc \u5173\u95ed \u00b7 PgUp/PgDn \u7ffb\u9875 \u00b7 Ctrl+S \u53e6\u5b58\u4e3a PDF", None))
        self.printButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u6253\u5370", None))
#if QT_CONFIG(tooltip)
        self.printDialogButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u9009\u62e9\u6253\u5370\u673a\u3001\u9875\u7801\u8303\u56f4\u548c\u4efd\u6570\uff08Ctrl+P\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printDialogButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u6253\u5370\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u628a\u5f53\u524d\u6587\u4e66\u4fdd\u5b58\u4e3a PDF \u6587\u4ef6\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u53e6\u5b58\u4e3a PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.closeButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u5173\u95ed\u9884\u89c8\uff0c\u4e0d\u6253\u5370\uff08Esc\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u5173\u95ed", None))
    # retranslateUi

