# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'city_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QHBoxLayout,
    QHeaderView, QLabel, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_CityView(object):
    def setupUi(self, CityView):
        if not CityView.objectName():
            CityView.setObjectName(u"CityView")
        CityView.resize(1400, 820)
        CityView.setStyleSheet(u"QLabel#summaryLabel { font-size: 15px; padding: 6px 10px; border: 1px solid #cfd8dc; border-radius: 4px; background: #f5f7f8; }\n"
"QLabel#summaryLabel[level=\"ok\"] { background: #e8f5e9; border-color: #2e7d32; color: #1b5e20; }\n"
"QLabel#summaryLabel[level=\"warn\"] { background: #fff8e1; border-color: #b26a00; color: #6d4300; }\n"
"QLabel#summaryLabel[level=\"error\"] { background: #ffebee; border-color: #c62828; color: #b71c1c; }\n"
"QLabel#batchCaption, QLabel#packetCaption { font-weight: bold; color: #37474f; }")
        self.cityLayout = QVBoxLayout(CityView)
        self.cityLayout.setSpacing(8)
        self.cityLayout.setObjectName(u"cityLayout")
        self.cityLayout.setContentsMargins(12, 10, 12, 6)
        self.scanSlot = QVBoxLayout()
        self.scanSlot.setSpacing(6)
        self.scanSlot.setObjectName(u"scanSlot")

        self.cityLayout.addLayout(self.scanSlot)

        self.summaryLabel = QLabel(CityView)
        self.summaryLabel.setObjectName(u"summaryLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)
        self.summaryLabel.setText(u"")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.cityLayout.addWidget(self.summaryLabel)

        self.citySplitter = QSplitter(CityView)
        self.citySplitter.setObjectName(u"citySplitter")
        self.citySplitter.setOrientation(Qt.Orientation.Vertical)
        self.citySplitter.setChildrenCollapsible(False)
        self.batchPane = QWidget(self.citySplitter)
        self.batchPane.setObjectName(u"batchPane")
        self.batchLayout = QVBoxLayout(self.batchPane)
        self.batchLayout.setSpacing(4)
        self.batchLayout.setObjectName(u"batchLayout")
        self.batchLayout.setContentsMargins(0, 0, 0, 4)
        self.batchCaption = QLabel(self.batchPane)
        self.batchCaption.setObjectName(u"batchCaption")

        self.batchLayout.addWidget(self.batchCaption)

        self.batchTable = QTableView(self.batchPane)
        self.batchTable.setObjectName(u"batchTable")
        self.batchTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.batchTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batchTable.setAlternatingRowColors(True)
        self.batchTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.batchTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batchTable.setShowGrid(False)
        self.batchTable.setWordWrap(False)
        self.batchTable.horizontalHeader().setStretchLastSection(True)
        self.batchTable.verticalHeader().setVisible(False)

        self.batchLayout.addWidget(self.batchTable)

        self.citySplitter.addWidget(self.batchPane)
        self.packetPane = QWidget(self.citySplitter)
        self.packetPane.setObjectName(u"packetPane")
        self.packetLayout = QVBoxLayout(self.packetPane)
        self.packetLayout.setSpacing(4)
        self.packetLayout.setObjectName(u"packetLayout")
        self.packetLayout.setContentsMargins(0, 4, 0, 0)
        self.packetHeader = QHBoxLayout()
        self.packetHeader.setSpacing(12)
        self.packetHeader.setObjectName(u"packetHeader")
        self.packetCaption = QLabel(self.packetPane)
        self.packetCaption.setObjectName(u"packetCaption")
        self.packetCaption.setText(u"")

        self.packetHeader.addWidget(self.packetCaption)

        self.packetSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.packetHeader.addItem(self.packetSpacer)

        self.issuesOnly = QCheckBox(self.packetPane)
        self.issuesOnly.setObjectName(u"issuesOnly")
        self.issuesOnly.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.packetHeader.addWidget(self.issuesOnly)


        self.packetLayout.addLayout(self.packetHeader)

        self.packetTable = QTableView(self.packetPane)
        self.packetTable.setObjectName(u"packetTable")
        self.packetTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.packetTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.packetTable.setAlternatingRowColors(True)
        self.packetTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.packetTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.packetTable.setShowGrid(False)
        self.packetTable.setWordWrap(False)
        self.packetTable.horizontalHeader().setStretchLastSection(True)
        self.packetTable.verticalHeader().setVisible(False)

        self.packetLayout.addWidget(self.packetTable)

        self.citySplitter.addWidget(self.packetPane)

        self.cityLayout.addWidget(self.citySplitter)

        self.hintLabel = QLabel(CityView)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.cityLayout.addWidget(self.hintLabel)

        self.cityLayout.setStretch(2, 1)

        self.retranslateUi(CityView)

        QMetaObject.connectSlotsByName(CityView)
    # setupUi

    def retranslateUi(self, CityView):
        self.batchCaption.setText(QCoreApplication.translate("CityView", u"\u5df2\u5bfc\u5165\u7684\u79fb\u4ea4\u6279\u6b21\uff08PgUp / PgDn \u5207\u6362\uff09", None))
        self.issuesOnly.setText(QCoreApplication.translate("CityView", u"\u53ea\u770b\u5dee\u5f02\uff08\u672a\u5230\u3001\u6e05\u5355\u5916\uff09Ctrl+D", None))
        self.hintLabel.setText(QCoreApplication.translate("CityView", u"\u626b\u63cf\u6750\u6599\u888b\u5c01\u9762\u6761\u7801\u7b7e\u6536 \u00b7 \u626b\u63cf\u79fb\u4ea4\u6e05\u5355\u4e8c\u7ef4\u7801\u6838\u5bf9\u6587\u4ef6 \u00b7 \u626b\u63cf\u6279\u6b21\u53f7\u5207\u6362\u6279\u6b21\u3000\u3000Ctrl+O \u5bfc\u5165\u79fb\u4ea4\u6587\u4ef6 \u00b7 Ctrl+P \u6253\u5370\u63a5\u6536\u56de\u6267 \u00b7 Ctrl+Z \u64a4\u9500\u9009\u4e2d\u6750\u6599\u888b\u7684\u7b7e\u6536 \u00b7 \u2191\u2193 \u9009\u62e9\u6750\u6599\u888b \u00b7 F5 \u5237\u65b0", None))
        pass
    # retranslateUi

