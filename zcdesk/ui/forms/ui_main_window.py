# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListView, QListWidget, QListWidgetItem, QMainWindow,
    QMenu, QMenuBar, QPushButton, QSizePolicy,
    QSplitter, QStatusBar, QTableView, QVBoxLayout,
    QWidget)

from zcdesk.ui.packet_panel import PacketPanel

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1440, 900)
        MainWindow.setMinimumSize(QSize(1024, 640))
        self.actionNewVisit = QAction(MainWindow)
        self.actionNewVisit.setObjectName(u"actionNewVisit")
#if QT_CONFIG(shortcut)
        self.actionNewVisit.setShortcut(u"F2")
#endif // QT_CONFIG(shortcut)
        self.actionFinishVisit = QAction(MainWindow)
        self.actionFinishVisit.setObjectName(u"actionFinishVisit")
#if QT_CONFIG(shortcut)
        self.actionFinishVisit.setShortcut(u"F10")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionFocusScan = QAction(MainWindow)
        self.actionFocusScan.setObjectName(u"actionFocusScan")
#if QT_CONFIG(shortcut)
        self.actionFocusScan.setShortcut(u"F3")
#endif // QT_CONFIG(shortcut)
        self.actionReject = QAction(MainWindow)
        self.actionReject.setObjectName(u"actionReject")
#if QT_CONFIG(shortcut)
        self.actionReject.setShortcut(u"F7")
#endif // QT_CONFIG(shortcut)
        self.actionUndo = QAction(MainWindow)
        self.actionUndo.setObjectName(u"actionUndo")
#if QT_CONFIG(shortcut)
        self.actionUndo.setShortcut(u"Ctrl+Z")
#endif // QT_CONFIG(shortcut)
        self.actionAddApplicant = QAction(MainWindow)
        self.actionAddApplicant.setObjectName(u"actionAddApplicant")
#if QT_CONFIG(shortcut)
        self.actionAddApplicant.setShortcut(u"F4")
#endif // QT_CONFIG(shortcut)
        self.actionHistory = QAction(MainWindow)
        self.actionHistory.setObjectName(u"actionHistory")
#if QT_CONFIG(shortcut)
        self.actionHistory.setShortcut(u"Ctrl+H")
#endif // QT_CONFIG(shortcut)
        self.actionFilter = QAction(MainWindow)
        self.actionFilter.setObjectName(u"actionFilter")
#if QT_CONFIG(shortcut)
        self.actionFilter.setShortcut(u"Ctrl+F")
#endif // QT_CONFIG(shortcut)
        self.actionReload = QAction(MainWindow)
        self.actionReload.setObjectName(u"actionReload")
#if QT_CONFIG(shortcut)
        self.actionReload.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionDeskSetup = QAction(MainWindow)
        self.actionDeskSetup.setObjectName(u"actionDeskSetup")
        self.actionShortcuts = QAction(MainWindow)
        self.actionShortcuts.setObjectName(u"actionShortcuts")
#if QT_CONFIG(shortcut)
        self.actionShortcuts.setShortcut(u"F1")
#endif // QT_CONFIG(shortcut)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.rootLayout = QVBoxLayout(self.centralwidget)
        self.rootLayout.setSpacing(8)
        self.rootLayout.setObjectName(u"rootLayout")
        self.rootLayout.setContentsMargins(12, 10, 12, 6)
        self.visitBar = QFrame(self.centralwidget)
        self.visitBar.setObjectName(u"visitBar")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.visitBar.sizePolicy().hasHeightForWidth())
        self.visitBar.setSizePolicy(sizePolicy)
        self.visitBar.setStyleSheet(u"QFrame#visitBar { background: #eef3f8; border: 1px solid #cfd8dc; border-radius: 4px; }")
        self.visitLayout = QHBoxLayout(self.visitBar)
        self.visitLayout.setSpacing(10)
        self.visitLayout.setObjectName(u"visitLayout")
        self.visitLayout.setContentsMargins(12, 6, 8, 6)
        self.visitCaption = QLabel(self.visitBar)
        self.visitCaption.setObjectName(u"visitCaption")
        self.visitCaption.setStyleSheet(u"color: #546e7a;")

        self.visitLayout.addWidget(self.visitCaption)

        self.receiptLabel = QLabel(self.visitBar)
        self.receiptLabel.setObjectName(u"receiptLabel")
        self.receiptLabel.setStyleSheet(u"font-size: 17px; font-weight: bold; color: #0d47a1;")
        self.receiptLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.visitLayout.addWidget(self.receiptLabel)

        self.visitorLabel = QLabel(self.visitBar)
        self.visitorLabel.setObjectName(u"visitorLabel")
        self.visitorLabel.setStyleSheet(u"color: #37474f;")

        self.visitLayout.addWidget(self.visitorLabel)

        self.visitPackets = QListWidget(self.visitBar)
        self.visitPackets.setObjectName(u"visitPackets")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.visitPackets.sizePolicy().hasHeightForWidth())
        self.visitPackets.setSizePolicy(sizePolicy1)
        self.visitPackets.setMaximumSize(QSize(16777215, 34))
        self.visitPackets.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.visitPackets.setStyleSheet(u"QListWidget { background: transparent; border: none; } QListWidget::item { padding: 2px 8px; margin-right: 4px; background: #ffffff; border: 1px solid #cfd8dc; border-radius: 10px; }")
        self.visitPackets.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.visitPackets.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.visitPackets.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.visitPackets.setFlow(QListView.Flow.LeftToRight)

        self.visitLayout.addWidget(self.visitPackets)

        self.newVisitButton = QPushButton(self.visitBar)
        self.newVisitButton.setObjectName(u"newVisitButton")
        self.newVisitButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.visitLayout.addWidget(self.newVisitButton)

        self.finishVisitButton = QPushButton(self.visitBar)
        self.finishVisitButton.setObjectName(u"finishVisitButton")
        self.finishVisitButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.visitLayout.addWidget(self.finishVisitButton)


        self.rootLayout.addWidget(self.visitBar)

        self.scanRow = QHBoxLayout()
        self.scanRow.setSpacing(10)
        self.scanRow.setObjectName(u"scanRow")
        self.scanCaption = QLabel(self.centralwidget)
        self.scanCaption.setObjectName(u"scanCaption")
        self.scanCaption.setStyleSheet(u"font-size: 16px; font-weight: bold; color: #37474f;")

        self.scanRow.addWidget(self.scanCaption)

        self.scanEdit = QLineEdit(self.centralwidget)
        self.scanEdit.setObjectName(u"scanEdit")
        self.scanEdit.setMinimumSize(QSize(0, 50))
        self.scanEdit.setMaxLength(100)
        self.scanEdit.setClearButtonEnabled(False)

        self.scanRow.addWidget(self.scanEdit)

        self.scanHint = QLabel(self.centralwidget)
        self.scanHint.setObjectName(u"scanHint")
        self.scanHint.setStyleSheet(u"color: #78909c;")

        self.scanRow.addWidget(self.scanHint)


        self.rootLayout.addLayout(self.scanRow)

        self.scanMessage = QLabel(self.centralwidget)
        self.scanMessage.setObjectName(u"scanMessage")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.scanMessage.sizePolicy().hasHeightForWidth())
        self.scanMessage.setSizePolicy(sizePolicy2)
        self.scanMessage.setMinimumSize(QSize(0, 42))
        self.scanMessage.setText(u"")
        self.scanMessage.setWordWrap(True)
        self.scanMessage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rootLayout.addWidget(self.scanMessage)

        self.mainSplitter = QSplitter(self.centralwidget)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.mainSplitter.setChildrenCollapsible(False)
        self.listPane = QWidget(self.mainSplitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setSpacing(6)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 4, 0)
        self.filterRow = QHBoxLayout()
        self.filterRow.setSpacing(6)
        self.filterRow.setObjectName(u"filterRow")
        self.filterCaption = QLabel(self.listPane)
        self.filterCaption.setObjectName(u"filterCaption")

        self.filterRow.addWidget(self.filterCaption)

        self.filterEdit = QLineEdit(self.listPane)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.filterEdit)

        self.statusCaption = QLabel(self.listPane)
        self.statusCaption.setObjectName(u"statusCaption")

        self.filterRow.addWidget(self.statusCaption)

        self.statusCombo = QComboBox(self.listPane)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setMinimumSize(QSize(84, 0))

        self.filterRow.addWidget(self.statusCombo)

        self.unitCaption = QLabel(self.listPane)
        self.unitCaption.setObjectName(u"unitCaption")

        self.filterRow.addWidget(self.unitCaption)

        self.unitCombo = QComboBox(self.listPane)
        self.unitCombo.setObjectName(u"unitCombo")
        sizePolicy.setHeightForWidth(self.unitCombo.sizePolicy().hasHeightForWidth())
        self.unitCombo.setSizePolicy(sizePolicy)
        self.unitCombo.setMinimumSize(QSize(150, 0))
        self.unitCombo.setMaximumSize(QSize(240, 16777215))
        self.unitCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unitCombo.setMinimumContentsLength(8)

        self.filterRow.addWidget(self.unitCombo)

        self.filterRow.setStretch(1, 1)

        self.listLayout.addLayout(self.filterRow)

        self.packetTable = QTableView(self.listPane)
        self.packetTable.setObjectName(u"packetTable")
        self.packetTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.packetTable.setAlternatingRowColors(True)
        self.packetTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.packetTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.packetTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.packetTable.setShowGrid(False)
        self.packetTable.setSortingEnabled(True)
        self.packetTable.setWordWrap(False)
        self.packetTable.horizontalHeader().setStretchLastSection(True)
        self.packetTable.verticalHeader().setVisible(False)

        self.listLayout.addWidget(self.packetTable)

        self.listCountLabel = QLabel(self.listPane)
        self.listCountLabel.setObjectName(u"listCountLabel")
        self.listCountLabel.setStyleSheet(u"color: #607d8b;")
        self.listCountLabel.setText(u"")

        self.listLayout.addWidget(self.listCountLabel)

        self.mainSplitter.addWidget(self.listPane)
        self.packetPanel = PacketPanel(self.mainSplitter)
        self.packetPanel.setObjectName(u"packetPanel")
        self.mainSplitter.addWidget(self.packetPanel)

        self.rootLayout.addWidget(self.mainSplitter)

        self.rootLayout.setStretch(3, 1)
        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menubar.setGeometry(QRect(0, 0, 1440, 24))
        self.menuVisit = QMenu(self.menubar)
        self.menuVisit.setObjectName(u"menuVisit")
        self.menuPacket = QMenu(self.menubar)
        self.menuPacket.setObjectName(u"menuPacket")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuSettings = QMenu(self.menubar)
        self.menuSettings.setObjectName(u"menuSettings")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.scanCaption.setBuddy(self.scanEdit)
        self.filterCaption.setBuddy(self.filterEdit)
        self.statusCaption.setBuddy(self.statusCombo)
        self.unitCaption.setBuddy(self.unitCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.scanEdit, self.filterEdit)
        QWidget.setTabOrder(self.filterEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.packetTable)

        self.menubar.addAction(self.menuVisit.menuAction())
        self.menubar.addAction(self.menuPacket.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuSettings.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuVisit.addAction(self.actionNewVisit)
        self.menuVisit.addAction(self.actionFinishVisit)
        self.menuVisit.addSeparator()
        self.menuVisit.addAction(self.actionQuit)
        self.menuPacket.addAction(self.actionFocusScan)
        self.menuPacket.addAction(self.actionReject)
        self.menuPacket.addAction(self.actionUndo)
        self.menuPacket.addSeparator()
        self.menuPacket.addAction(self.actionAddApplicant)
        self.menuPacket.addAction(self.actionHistory)
        self.menuView.addAction(self.actionFilter)
        self.menuView.addAction(self.actionReload)
        self.menuSettings.addAction(self.actionDeskSetup)
        self.menuHelp.addAction(self.actionShortcuts)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u804c\u79f0\u6750\u6599\u53d7\u7406\u7a97\u53e3", None))
        self.actionNewVisit.setText(QCoreApplication.translate("MainWindow", u"\u65b0\u5efa\u6536\u4ef6\u2026", None))
#if QT_CONFIG(statustip)
        self.actionNewVisit.setStatusTip(QCoreApplication.translate("MainWindow", u"\u767b\u8bb0\u9012\u4ea4\u4eba\u5e76\u53d6\u5f97\u6536\u4ef6\u53f7", None))
#endif // QT_CONFIG(statustip)
        self.actionFinishVisit.setText(QCoreApplication.translate("MainWindow", u"\u5b8c\u6210\u6536\u4ef6\u2026", None))
#if QT_CONFIG(statustip)
        self.actionFinishVisit.setStatusTip(QCoreApplication.translate("MainWindow", u"\u6838\u5bf9\u672c\u6b21\u6536\u4ef6\u7684\u6c47\u603b\u5e76\u7ed3\u675f\u6536\u4ef6", None))
#endif // QT_CONFIG(statustip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"\u9000\u51fa", None))
        self.actionFocusScan.setText(QCoreApplication.translate("MainWindow", u"\u56de\u5230\u626b\u63cf\u6846", None))
        self.actionReject.setText(QCoreApplication.translate("MainWindow", u"\u9000\u56de\u5f53\u524d\u6750\u6599\u2026", None))
#if QT_CONFIG(statustip)
        self.actionReject.setStatusTip(QCoreApplication.translate("MainWindow", u"\u767b\u8bb0\u4e0d\u5408\u683c\u3001\u9000\u8fd8\u9012\u4ea4\u4eba\u7684\u4efd\u6570\u548c\u539f\u56e0\uff08\u4e5f\u53ef\u5728\u626b\u63cf\u6846\u8f93\u5165 R \u6309 Enter\uff09", None))
#endif // QT_CONFIG(statustip)
        self.actionUndo.setText(QCoreApplication.translate("MainWindow", u"\u64a4\u9500\u4e0a\u4e00\u6b65", None))
#if QT_CONFIG(statustip)
        self.actionUndo.setStatusTip(QCoreApplication.translate("MainWindow", u"\u4ee5\u4e00\u6761\u64a4\u9500\u8bb0\u5f55\u51b2\u9500\u672c\u64cd\u4f5c\u5458\u6700\u8fd1\u4e00\u6b21\u6536\u4ef6\u6216\u9000\u56de", None))
#endif // QT_CONFIG(statustip)
        self.actionAddApplicant.setText(QCoreApplication.translate("MainWindow", u"\u65b0\u589e\u7533\u62a5\u4eba\u2026", None))
        self.actionHistory.setText(QCoreApplication.translate("MainWindow", u"\u529e\u7406\u8bb0\u5f55\u2026", None))
#if QT_CONFIG(statustip)
        self.actionHistory.setStatusTip(QCoreApplication.translate("MainWindow", u"\u5f53\u524d\u7533\u62a5\u4eba\u7684\u5168\u90e8\u767b\u8bb0\u548c\u64a4\u9500\u8bb0\u5f55", None))
#endif // QT_CONFIG(statustip)
        self.actionFilter.setText(QCoreApplication.translate("MainWindow", u"\u7b5b\u9009\u5217\u8868", None))
        self.actionReload.setText(QCoreApplication.translate("MainWindow", u"\u5237\u65b0\u5217\u8868", None))
        self.actionDeskSetup.setText(QCoreApplication.translate("MainWindow", u"\u672c\u673a\u53d7\u7406\u70b9\u548c\u7a97\u53e3\u2026", None))
        self.actionShortcuts.setText(QCoreApplication.translate("MainWindow", u"\u5feb\u6377\u952e\u2026", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"\u5173\u4e8e", None))
        self.visitCaption.setText(QCoreApplication.translate("MainWindow", u"\u6536\u4ef6", None))
        self.receiptLabel.setText(QCoreApplication.translate("MainWindow", u"\u672a\u5f00\u59cb", None))
        self.visitorLabel.setText(QCoreApplication.translate("MainWindow", u"\u6309 F2 \u65b0\u5efa\u6536\u4ef6\uff0c\u767b\u8bb0\u9012\u4ea4\u4eba", None))
#if QT_CONFIG(tooltip)
        self.visitPackets.setToolTip(QCoreApplication.translate("MainWindow", u"\u672c\u6b21\u6536\u4ef6\u5df2\u767b\u8bb0\u7684\u6750\u6599\u888b", None))
#endif // QT_CONFIG(tooltip)
        self.newVisitButton.setText(QCoreApplication.translate("MainWindow", u"F2 \u65b0\u5efa\u6536\u4ef6", None))
        self.finishVisitButton.setText(QCoreApplication.translate("MainWindow", u"F10 \u5b8c\u6210\u6536\u4ef6", None))
        self.scanCaption.setText(QCoreApplication.translate("MainWindow", u"\u626b\u63cf", None))
#if QT_CONFIG(tooltip)
        self.scanEdit.setToolTip(QCoreApplication.translate("MainWindow", u"\u626b\u63cf\u6216\u8f93\u5165\u8bc1\u4ef6\u53f7\u7801 / \u6536\u4ef6\u53f7 / \u59d3\u540d\u540e\u6309 Enter\uff1b\u6750\u6599\u888b\u6253\u5f00\u540e\u8f93\u5165\u4efd\u6570\u6309 Enter\uff08F3\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"\u626b\u63cf\u6216\u8f93\u5165 \u8bc1\u4ef6\u53f7\u7801 / \u6536\u4ef6\u53f7 / \u59d3\u540d\uff0c\u6309 Enter\u3000\u00b7\u3000\u5df2\u6253\u5f00\u6750\u6599\u888b\u65f6\u8f93\u5165\u4efd\u6570\uff08\u5982 2\uff09\u6309 Enter", None))
        self.scanHint.setText(QCoreApplication.translate("MainWindow", u"F3 / Esc \u56de\u5230\u6b64\u5904", None))
        self.filterCaption.setText(QCoreApplication.translate("MainWindow", u"\u7b5b\u9009", None))
#if QT_CONFIG(tooltip)
        self.filterEdit.setToolTip(QCoreApplication.translate("MainWindow", u"\u6309\u59d3\u540d\u3001\u8bc1\u4ef6\u53f7\u7801\u6216\u5355\u4f4d\u7b5b\u9009\uff08Ctrl+F\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"\u59d3\u540d / \u8bc1\u4ef6\u53f7\u7801 / \u5355\u4f4d\uff08Ctrl+F\uff09", None))
        self.statusCaption.setText(QCoreApplication.translate("MainWindow", u"\u72b6\u6001", None))
        self.unitCaption.setText(QCoreApplication.translate("MainWindow", u"\u5355\u4f4d", None))
        self.menuVisit.setTitle(QCoreApplication.translate("MainWindow", u"\u6536\u4ef6(&V)", None))
        self.menuPacket.setTitle(QCoreApplication.translate("MainWindow", u"\u6750\u6599(&M)", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"\u67e5\u770b(&L)", None))
        self.menuSettings.setTitle(QCoreApplication.translate("MainWindow", u"\u8bbe\u7f6e(&S)", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"\u5e2e\u52a9(&H)", None))
    # retranslateUi

