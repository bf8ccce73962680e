# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'statistics_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from zcdesk.ui.day_chart import DayChart

class Ui_StatisticsDialog(object):
    def setupUi(self, StatisticsDialog):
        if not StatisticsDialog.objectName():
            StatisticsDialog.setObjectName(u"StatisticsDialog")
        StatisticsDialog.resize(980, 640)
        self.dialogLayout = QVBoxLayout(StatisticsDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 12)
        self.titleLabel = QLabel(StatisticsDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #263238;")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.tabs = QTabWidget(StatisticsDialog)
        self.tabs.setObjectName(u"tabs")
        self.unitPage = QWidget()
        self.unitPage.setObjectName(u"unitPage")
        self.unitPageLayout = QVBoxLayout(self.unitPage)
        self.unitPageLayout.setObjectName(u"unitPageLayout")
        self.unitTable = QTableWidget(self.unitPage)
        self.unitTable.setObjectName(u"unitTable")
        self.unitTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitTable.setAlternatingRowColors(True)
        self.unitTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unitTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitTable.setShowGrid(False)
        self.unitTable.horizontalHeader().setStretchLastSection(True)
        self.unitTable.verticalHeader().setVisible(False)

        self.unitPageLayout.addWidget(self.unitTable)

        self.tabs.addTab(self.unitPage, "")
        self.qualificationPage = QWidget()
        self.qualificationPage.setObjectName(u"qualificationPage")
        self.qualificationPageLayout = QVBoxLayout(self.qualificationPage)
        self.qualificationPageLayout.setObjectName(u"qualificationPageLayout")
        self.qualificationTable = QTableWidget(self.qualificationPage)
        self.qualificationTable.setObjectName(u"qualificationTable")
        self.qualificationTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.qualificationTable.setAlternatingRowColors(True)
        self.qualificationTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.qualificationTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.qualificationTable.setShowGrid(False)
        self.qualificationTable.horizontalHeader().setStretchLastSection(True)
        self.qualificationTable.verticalHeader().setVisible(False)

        self.qualificationPageLayout.addWidget(self.qualificationTable)

        self.tabs.addTab(self.qualificationPage, "")
        self.statusPage = QWidget()
        self.statusPage.setObjectName(u"statusPage")
        self.statusPageLayout = QVBoxLayout(self.statusPage)
        self.statusPageLayout.setObjectName(u"statusPageLayout")
        self.statusTable = QTableWidget(self.statusPage)
        self.statusTable.setObjectName(u"statusTable")
        self.statusTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.statusTable.setAlternatingRowColors(True)
        self.statusTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.statusTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.statusTable.setShowGrid(False)
        self.statusTable.horizontalHeader().setStretchLastSection(True)
        self.statusTable.verticalHeader().setVisible(False)

        self.statusPageLayout.addWidget(self.statusTable)

        self.stageTable = QTableWidget(self.statusPage)
        self.stageTable.setObjectName(u"stageTable")
        self.stageTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stageTable.setAlternatingRowColors(True)
        self.stageTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stageTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stageTable.setShowGrid(False)
        self.stageTable.horizontalHeader().setStretchLastSection(True)
        self.stageTable.verticalHeader().setVisible(False)

        self.statusPageLayout.addWidget(self.stageTable)

        self.decisionTable = QTableWidget(self.statusPage)
        self.decisionTable.setObjectName(u"decisionTable")
        self.decisionTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.decisionTable.setAlternatingRowColors(True)
        self.decisionTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.decisionTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.decisionTable.setShowGrid(False)
        self.decisionTable.horizontalHeader().setStretchLastSection(True)
        self.decisionTable.verticalHeader().setVisible(False)

        self.statusPageLayout.addWidget(self.decisionTable)

        self.tabs.addTab(self.statusPage, "")
        self.dayPage = QWidget()
        self.dayPage.setObjectName(u"dayPage")
        self.dayPageLayout = QVBoxLayout(self.dayPage)
        self.dayPageLayout.setObjectName(u"dayPageLayout")
        self.dayChart = DayChart(self.dayPage)
        self.dayChart.setObjectName(u"dayChart")
        self.dayChart.setMinimumSize(QSize(0, 220))

        self.dayPageLayout.addWidget(self.dayChart)

        self.dayTable = QTableWidget(self.dayPage)
        self.dayTable.setObjectName(u"dayTable")
        self.dayTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dayTable.setAlternatingRowColors(True)
        self.dayTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dayTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dayTable.setShowGrid(False)
        self.dayTable.horizontalHeader().setStretchLastSection(True)
        self.dayTable.verticalHeader().setVisible(False)

        self.dayPageLayout.addWidget(self.dayTable)

        self.tabs.addTab(self.dayPage, "")

        self.dialogLayout.addWidget(self.tabs)

        self.messageLabel = QLabel(StatisticsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.messageLabel)

        self.hintLabel = QLabel(StatisticsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setSpacing(6)
        self.bottomRow.setObjectName(u"bottomRow")
        self.exportButton = QPushButton(StatisticsDialog)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setAutoDefault(False)

        self.bottomRow.addWidget(self.exportButton)

        self.bottomSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomRow.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(StatisticsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.bottomRow.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.bottomRow)


        self.retranslateUi(StatisticsDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(StatisticsDialog)
    # setupUi

    def retranslateUi(self, StatisticsDialog):
        StatisticsDialog.setWindowTitle(QCoreApplication.translate("StatisticsDialog", u"\u7edf\u8ba1", None))
        self.tabs.setTabText(self.tabs.indexOf(self.unitPage), QCoreApplication.translate("StatisticsDialog", u"\u6309\u5355\u4f4d", None))
        self.tabs.setTabText(self.tabs.indexOf(self.qualificationPage), QCoreApplication.translate("StatisticsDialog", u"\u6309\u8d44\u683c", None))
        self.tabs.setTabText(self.tabs.indexOf(self.statusPage), QCoreApplication.translate("StatisticsDialog", u"\u6309\u72b6\u6001\u548c\u53bb\u5411", None))
        self.tabs.setTabText(self.tabs.indexOf(self.dayPage), QCoreApplication.translate("StatisticsDialog", u"\u6309\u65e5\u671f", None))
        self.hintLabel.setText(QCoreApplication.translate("StatisticsDialog", u"Ctrl+Tab \u6362\u9875 \u00b7 Ctrl+E \u5bfc\u51fa \u00b7 Esc \u5173\u95ed", None))
        self.exportButton.setText(QCoreApplication.translate("StatisticsDialog", u"\u5bfc\u51fa\u2026", None))
    # retranslateUi

