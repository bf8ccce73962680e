# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'packet_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QScrollArea, QSizePolicy, QSpacerItem,
    QStackedWidget, QTableView, QVBoxLayout, QWidget)

class Ui_PacketPanel(object):
    def setupUi(self, PacketPanel):
        if not PacketPanel.objectName():
            PacketPanel.setObjectName(u"PacketPanel")
        PacketPanel.resize(760, 620)
        self.panelLayout = QVBoxLayout(PacketPanel)
        self.panelLayout.setSpacing(0)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.panelFrame = QFrame(PacketPanel)
        self.panelFrame.setObjectName(u"panelFrame")
        self.panelFrame.setStyleSheet(u"QFrame#panelFrame { background: #ffffff; border: 1px solid #cfd8dc; border-radius: 4px; }")
        self.panelFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.frameLayout = QVBoxLayout(self.panelFrame)
        self.frameLayout.setObjectName(u"frameLayout")
        self.frameLayout.setContentsMargins(14, 10, 14, 8)
        self.stack = QStackedWidget(self.panelFrame)
        self.stack.setObjectName(u"stack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTopSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyTopSpacer)

        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setStyleSheet(u"font-size: 20px; color: #607d8b;")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.emptyKeysLabel = QLabel(self.emptyPage)
        self.emptyKeysLabel.setObjectName(u"emptyKeysLabel")
        self.emptyKeysLabel.setStyleSheet(u"font-size: 14px; color: #78909c;")
        self.emptyKeysLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyKeysLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyKeysLabel)

        self.emptyBottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottomSpacer)

        self.stack.addWidget(self.emptyPage)
        self.packetPage = QWidget()
        self.packetPage.setObjectName(u"packetPage")
        self.packetLayout = QVBoxLayout(self.packetPage)
        self.packetLayout.setSpacing(6)
        self.packetLayout.setObjectName(u"packetLayout")
        self.packetLayout.setContentsMargins(0, 0, 0, 0)
        self.headerRow = QHBoxLayout()
        self.headerRow.setSpacing(14)
        self.headerRow.setObjectName(u"headerRow")
        self.nameLabel = QLabel(self.packetPage)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setStyleSheet(u"font-size: 26px; font-weight: bold; color: #263238;")
        self.nameLabel.setText(u"\u2014")
        self.nameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerRow.addWidget(self.nameLabel)

        self.genderLabel = QLabel(self.packetPage)
        self.genderLabel.setObjectName(u"genderLabel")
        self.genderLabel.setStyleSheet(u"font-size: 16px; color: #455a64;")
        self.genderLabel.setText(u"")

        self.headerRow.addWidget(self.genderLabel)

        self.idLabel = QLabel(self.packetPage)
        self.idLabel.setObjectName(u"idLabel")
        self.idLabel.setStyleSheet(u"font-size: 18px; color: #263238; letter-spacing: 1px;")
        self.idLabel.setText(u"")
        self.idLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerRow.addWidget(self.idLabel)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerRow.addItem(self.headerSpacer)

        self.statusLabel = QLabel(self.packetPage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setStyleSheet(u"font-size: 22px; padding: 0px 10px; border: 2px solid; border-radius: 6px;")
        self.statusLabel.setText(u"")
        self.statusLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.headerRow.addWidget(self.statusLabel)


        self.packetLayout.addLayout(self.headerRow)

        self.missingLabel = QLabel(self.packetPage)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setStyleSheet(u"QLabel { font-size: 17px; color: #b26a00; } QLabel[complete=\"true\"] { color: #2e7d32; }")
        self.missingLabel.setText(u"")
        self.missingLabel.setWordWrap(True)

        self.packetLayout.addWidget(self.missingLabel)

        self.stageLabel = QLabel(self.packetPage)
        self.stageLabel.setObjectName(u"stageLabel")
        self.stageLabel.setStyleSheet(u"font-size: 15px; color: #1565c0;")
        self.stageLabel.setText(u"")
        self.stageLabel.setWordWrap(True)
        self.stageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.packetLayout.addWidget(self.stageLabel)

        self.headerLine = QFrame(self.packetPage)
        self.headerLine.setObjectName(u"headerLine")
        self.headerLine.setFrameShape(QFrame.Shape.HLine)
        self.headerLine.setFrameShadow(QFrame.Shadow.Sunken)

        self.packetLayout.addWidget(self.headerLine)

        self.detailsScroll = QScrollArea(self.packetPage)
        self.detailsScroll.setObjectName(u"detailsScroll")
        self.detailsScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.detailsScroll.setStyleSheet(u"QScrollArea#detailsScroll, QWidget#qt_scrollarea_viewport, QWidget#detailsWidget { background: transparent; border: none; }")
        self.detailsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detailsScroll.setWidgetResizable(True)
        self.detailsWidget = QWidget()
        self.detailsWidget.setObjectName(u"detailsWidget")
        self.detailsLayout = QVBoxLayout(self.detailsWidget)
        self.detailsLayout.setSpacing(6)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setContentsMargins(0, 0, 0, 0)
        self.infoGrid = QGridLayout()
        self.infoGrid.setObjectName(u"infoGrid")
        self.infoGrid.setHorizontalSpacing(12)
        self.infoGrid.setVerticalSpacing(3)
        self.unitCaption = QLabel(self.detailsWidget)
        self.unitCaption.setObjectName(u"unitCaption")
        self.unitCaption.setStyleSheet(u"color: #78909c;")

        self.infoGrid.addWidget(self.unitCaption, 0, 0, 1, 1)

        self.unitValue = QLabel(self.detailsWidget)
        self.unitValue.setObjectName(u"unitValue")
        self.unitValue.setText(u"")
        self.unitValue.setWordWrap(True)

        self.infoGrid.addWidget(self.unitValue, 0, 1, 1, 3)

        self.positionCaption = QLabel(self.detailsWidget)
        self.positionCaption.setObjectName(u"positionCaption")
        self.positionCaption.setStyleSheet(u"color: #78909c;")

        self.infoGrid.addWidget(self.positionCaption, 1, 0, 1, 1)

        self.positionValue = QLabel(self.detailsWidget)
        self.positionValue.setObjectName(u"positionValue")
        self.positionValue.setText(u"")

        self.infoGrid.addWidget(self.positionValue, 1, 1, 1, 1)

        self.specialtyCaption = QLabel(self.detailsWidget)
        self.specialtyCaption.setObjectName(u"specialtyCaption")
        self.specialtyCaption.setStyleSheet(u"color: #78909c;")

        self.infoGrid.addWidget(self.specialtyCaption, 1, 2, 1, 1)

        self.specialtyValue = QLabel(self.detailsWidget)
        self.specialtyValue.setObjectName(u"specialtyValue")
        self.specialtyValue.setText(u"")

        self.infoGrid.addWidget(self.specialtyValue, 1, 3, 1, 1)

        self.qualificationCaption = QLabel(self.detailsWidget)
        self.qualificationCaption.setObjectName(u"qualificationCaption")
        self.qualificationCaption.setStyleSheet(u"color: #78909c;")

        self.infoGrid.addWidget(self.qualificationCaption, 2, 0, 1, 1)

        self.qualificationValue = QLabel(self.detailsWidget)
        self.qualificationValue.setObjectName(u"qualificationValue")
        self.qualificationValue.setText(u"")
        self.qualificationValue.setWordWrap(True)

        self.infoGrid.addWidget(self.qualificationValue, 2, 1, 1, 3)

        self.educationCaption = QLabel(self.detailsWidget)
        self.educationCaption.setObjectName(u"educationCaption")
        self.educationCaption.setStyleSheet(u"color: #78909c;")

        self.infoGrid.addWidget(self.educationCaption, 3, 0, 1, 1)

        self.educationValue = QLabel(self.detailsWidget)
        self.educationValue.setObjectName(u"educationValue")
        self.educationValue.setText(u"")

        self.infoGrid.addWidget(self.educationValue, 3, 1, 1, 1)

        self.schoolCaption = QLabel(self.detailsWidget)
        self.schoolCaption.setObjectName(u"schoolCaption")
        self.schoolCaption.setStyleSheet(u"color: #78909c;")

        self.infoGrid.addWidget(self.schoolCaption, 3, 2, 1, 1)

        self.schoolValue = QLabel(self.detailsWidget)
        self.schoolValue.setObjectName(u"schoolValue")
        self.schoolValue.setText(u"")
        self.schoolValue.setWordWrap(True)

        self.infoGrid.addWidget(self.schoolValue, 3, 3, 1, 1)

        self.workStartCaption = QLabel(self.detailsWidget)
        self.workStartCaption.setObjectName(u"workStartCaption")
        self.workStartCaption.setStyleSheet(u"color: #78909c;")

        self.infoGrid.addWidget(self.workStartCaption, 4, 0, 1, 1)

        self.workStartValue = QLabel(self.detailsWidget)
        self.workStartValue.setObjectName(u"workStartValue")
        self.workStartValue.setText(u"")

        self.infoGrid.addWidget(self.workStartValue, 4, 1, 1, 1)

        self.idKindCaption = QLabel(self.detailsWidget)
        self.idKindCaption.setObjectName(u"idKindCaption")
        self.idKindCaption.setStyleSheet(u"color: #78909c;")

        self.infoGrid.addWidget(self.idKindCaption, 4, 2, 1, 1)

        self.idKindValue = QLabel(self.detailsWidget)
        self.idKindValue.setObjectName(u"idKindValue")
        self.idKindValue.setText(u"")

        self.infoGrid.addWidget(self.idKindValue, 4, 3, 1, 1)

        self.infoGrid.setColumnStretch(1, 1)
        self.infoGrid.setColumnStretch(3, 1)

        self.detailsLayout.addLayout(self.infoGrid)

        self.eligibilityFrame = QFrame(self.detailsWidget)
        self.eligibilityFrame.setObjectName(u"eligibilityFrame")
        self.eligibilityFrame.setFrameShape(QFrame.Shape.NoFrame)
        self.eligibilityLayout = QVBoxLayout(self.eligibilityFrame)
        self.eligibilityLayout.setSpacing(2)
        self.eligibilityLayout.setObjectName(u"eligibilityLayout")
        self.eligibilityLayout.setContentsMargins(10, 6, 10, 6)
        self.eligibilityLabel = QLabel(self.eligibilityFrame)
        self.eligibilityLabel.setObjectName(u"eligibilityLabel")
        self.eligibilityLabel.setText(u"")
        self.eligibilityLabel.setWordWrap(True)

        self.eligibilityLayout.addWidget(self.eligibilityLabel)

        self.eligibilityReasons = QLabel(self.eligibilityFrame)
        self.eligibilityReasons.setObjectName(u"eligibilityReasons")
        self.eligibilityReasons.setText(u"")
        self.eligibilityReasons.setWordWrap(True)
        self.eligibilityReasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.eligibilityLayout.addWidget(self.eligibilityReasons)


        self.detailsLayout.addWidget(self.eligibilityFrame)

        self.detailsSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailsLayout.addItem(self.detailsSpacer)

        self.detailsScroll.setWidget(self.detailsWidget)

        self.packetLayout.addWidget(self.detailsScroll)

        self.checklistCaption = QLabel(self.packetPage)
        self.checklistCaption.setObjectName(u"checklistCaption")
        self.checklistCaption.setStyleSheet(u"font-weight: bold; color: #37474f; padding-top: 2px;")

        self.packetLayout.addWidget(self.checklistCaption)

        self.checklistTable = QTableView(self.packetPage)
        self.checklistTable.setObjectName(u"checklistTable")
        self.checklistTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.checklistTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklistTable.setAlternatingRowColors(False)
        self.checklistTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklistTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklistTable.setShowGrid(False)
        self.checklistTable.setWordWrap(False)
        self.checklistTable.verticalHeader().setVisible(False)

        self.packetLayout.addWidget(self.checklistTable)

        self.currentItemLabel = QLabel(self.packetPage)
        self.currentItemLabel.setObjectName(u"currentItemLabel")
        self.currentItemLabel.setStyleSheet(u"font-size: 15px; color: #0d47a1; background: #e3f2fd; border-radius: 4px; padding: 6px 10px;")
        self.currentItemLabel.setText(u"")
        self.currentItemLabel.setWordWrap(True)

        self.packetLayout.addWidget(self.currentItemLabel)

        self.keysLabel = QLabel(self.packetPage)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setStyleSheet(u"color: #607d8b;")
        self.keysLabel.setWordWrap(True)

        self.packetLayout.addWidget(self.keysLabel)

        self.recentPane = QWidget(self.packetPage)
        self.recentPane.setObjectName(u"recentPane")
        self.recentLayout = QVBoxLayout(self.recentPane)
        self.recentLayout.setSpacing(4)
        self.recentLayout.setObjectName(u"recentLayout")
        self.recentLayout.setContentsMargins(0, 0, 0, 0)
        self.recentCaption = QLabel(self.recentPane)
        self.recentCaption.setObjectName(u"recentCaption")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.recentCaption.sizePolicy().hasHeightForWidth())
        self.recentCaption.setSizePolicy(sizePolicy)
        self.recentCaption.setStyleSheet(u"font-weight: bold; color: #37474f; padding-top: 4px;")

        self.recentLayout.addWidget(self.recentCaption)

        self.recentList = QListWidget(self.recentPane)
        self.recentList.setObjectName(u"recentList")
        self.recentList.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recentList.setStyleSheet(u"QListWidget { background: #fafafa; border: 1px solid #e0e0e0; color: #455a64; } QListWidget::item { padding: 3px 6px; }")
        self.recentList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.recentList.sizePolicy().hasHeightForWidth())
        self.recentList.setSizePolicy(sizePolicy1)
        self.recentList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.recentLayout.addWidget(self.recentList)


        self.packetLayout.addWidget(self.recentPane)

        self.packetBottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.packetLayout.addItem(self.packetBottomSpacer)

        self.stack.addWidget(self.packetPage)

        self.frameLayout.addWidget(self.stack)


        self.panelLayout.addWidget(self.panelFrame)


        self.retranslateUi(PacketPanel)

        self.stack.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(PacketPanel)
    # setupUi

    def retranslateUi(self, PacketPanel):
        self.emptyLabel.setText(QCoreApplication.translate("PacketPanel", u"\u626b\u63cf\u8bc1\u4ef6\u53f7\u7801\u6216\u6536\u4ef6\u53f7\u540e\u6309 Enter\uff0c\u6253\u5f00\u6750\u6599\u888b\uff08\u6309\u59d3\u540d\u627e\u4eba\uff1aCtrl+F \u7b5b\u9009\uff09", None))
        self.emptyKeysLabel.setText(QCoreApplication.translate("PacketPanel", u"F2 \u65b0\u5efa\u6536\u4ef6 \u00b7 F4 \u65b0\u589e\u7533\u62a5\u4eba \u00b7 F10 \u5b8c\u6210\u6536\u4ef6 \u00b7 F1 \u5168\u90e8\u5feb\u6377\u952e", None))
        self.unitCaption.setText(QCoreApplication.translate("PacketPanel", u"\u5de5\u4f5c\u5355\u4f4d", None))
        self.positionCaption.setText(QCoreApplication.translate("PacketPanel", u"\u804c\u52a1", None))
        self.specialtyCaption.setText(QCoreApplication.translate("PacketPanel", u"\u4e13\u4e1a / \u5e74\u9650", None))
        self.qualificationCaption.setText(QCoreApplication.translate("PacketPanel", u"\u804c\u4e1a\u8d44\u683c", None))
        self.educationCaption.setText(QCoreApplication.translate("PacketPanel", u"\u5b66\u5386 / \u5b66\u4f4d", None))
        self.schoolCaption.setText(QCoreApplication.translate("PacketPanel", u"\u6bd5\u4e1a\u9662\u6821", None))
        self.workStartCaption.setText(QCoreApplication.translate("PacketPanel", u"\u53c2\u52a0\u5de5\u4f5c", None))
        self.idKindCaption.setText(QCoreApplication.translate("PacketPanel", u"\u8bc1\u4ef6\u7c7b\u522b", None))
        self.checklistCaption.setText(QCoreApplication.translate("PacketPanel", u"\u6750\u6599\u6e05\u5355", None))
        self.keysLabel.setText(QCoreApplication.translate("PacketPanel", u"\u6570\u5b57 + Enter \u6536\u4efd\u6570 \u00b7 \u2191\u2193 \u9009\u6750\u6599 \u00b7 R + Enter \u6216 F7 \u9000\u56de \u00b7 Ctrl+Z \u64a4\u9500 \u00b7 Ctrl+H \u529e\u7406\u8bb0\u5f55", None))
        self.recentCaption.setText(QCoreApplication.translate("PacketPanel", u"\u6700\u8fd1\u8bb0\u5f55\uff08Ctrl+H \u67e5\u770b\u5168\u90e8\uff09", None))
        pass
    # retranslateUi

