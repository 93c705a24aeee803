# Automatically generated from ui/counter_panel.ui by `python -m tools.build_forms`
# - do not edit: change the form in Qt Designer and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'counter_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QMainWindow,
    QMenuBar, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from counter_app.gui.shell.widgets import ElidedLabel

class Ui_CounterPanel(object):
    def setupUi(self, CounterPanel):
        if not CounterPanel.objectName():
            CounterPanel.setObjectName(u"CounterPanel")
        CounterPanel.resize(1366, 720)
        self.centralwidget = QWidget(CounterPanel)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.header = QFrame(self.centralwidget)
        self.header.setObjectName(u"header")
        self.headerLayout = QHBoxLayout(self.header)
        self.headerLayout.setSpacing(10)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setContentsMargins(16, 8, 16, 8)
        self.titleLabel = QLabel(self.header)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"Loket")

        self.headerLayout.addWidget(self.titleLabel)

        self.servicesLabel = ElidedLabel(self.header)
        self.servicesLabel.setObjectName(u"servicesLabel")
        self.servicesLabel.setText(u"")

        self.headerLayout.addWidget(self.servicesLabel)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.onlineLight = QLabel(self.header)
        self.onlineLight.setObjectName(u"onlineLight")

        self.headerLayout.addWidget(self.onlineLight)

        self.onlineLabel = QLabel(self.header)
        self.onlineLabel.setObjectName(u"onlineLabel")

        self.headerLayout.addWidget(self.onlineLabel)

        self.clockLabel = QLabel(self.header)
        self.clockLabel.setObjectName(u"clockLabel")
        self.clockLabel.setText(u"00:00")

        self.headerLayout.addWidget(self.clockLabel)


        self.centralLayout.addWidget(self.header)

        self.messageBar = QLabel(self.centralwidget)
        self.messageBar.setObjectName(u"messageBar")
        self.messageBar.setText(u"")
        self.messageBar.setWordWrap(True)
        self.messageBar.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.centralLayout.addWidget(self.messageBar)

        self.body = QWidget(self.centralwidget)
        self.body.setObjectName(u"body")
        self.bodyLayout = QVBoxLayout(self.body)
        self.bodyLayout.setSpacing(10)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(12, 8, 12, 12)
        self.topRow = QHBoxLayout()
        self.topRow.setSpacing(12)
        self.topRow.setObjectName(u"topRow")
        self.currentBox = QGroupBox(self.body)
        self.currentBox.setObjectName(u"currentBox")
        self.currentLayout = QVBoxLayout(self.currentBox)
        self.currentLayout.setSpacing(6)
        self.currentLayout.setObjectName(u"currentLayout")
        self.currentTopSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.currentLayout.addItem(self.currentTopSpacer)

        self.currentCode = QLabel(self.currentBox)
        self.currentCode.setObjectName(u"currentCode")
        self.currentCode.setText(u"-")
        self.currentCode.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.currentLayout.addWidget(self.currentCode)

        self.currentService = QLabel(self.currentBox)
        self.currentService.setObjectName(u"currentService")
        self.currentService.setText(u"")
        self.currentService.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.currentService.setWordWrap(True)

        self.currentLayout.addWidget(self.currentService)

        self.currentDetails = QLabel(self.currentBox)
        self.currentDetails.setObjectName(u"currentDetails")
        self.currentDetails.setText(u"")
        self.currentDetails.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.currentDetails.setWordWrap(True)

        self.currentLayout.addWidget(self.currentDetails)

        self.currentDocument = QLabel(self.currentBox)
        self.currentDocument.setObjectName(u"currentDocument")
        self.currentDocument.setText(u"")
        self.currentDocument.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.currentDocument.setWordWrap(True)

        self.currentLayout.addWidget(self.currentDocument)

        self.currentBottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.currentLayout.addItem(self.currentBottomSpacer)

        self.currentLayout.setStretch(0, 1)
        self.currentLayout.setStretch(5, 1)

        self.topRow.addWidget(self.currentBox)

        self.sideColumn = QVBoxLayout()
        self.sideColumn.setSpacing(10)
        self.sideColumn.setObjectName(u"sideColumn")
        self.waitingBox = QGroupBox(self.body)
        self.waitingBox.setObjectName(u"waitingBox")
        self.waitingGrid = QGridLayout(self.waitingBox)
        self.waitingGrid.setObjectName(u"waitingGrid")
        self.waitingGrid.setHorizontalSpacing(12)
        self.waitingGrid.setVerticalSpacing(6)

        self.sideColumn.addWidget(self.waitingBox)

        self.todayBox = QGroupBox(self.body)
        self.todayBox.setObjectName(u"todayBox")
        self.todayGrid = QGridLayout(self.todayBox)
        self.todayGrid.setObjectName(u"todayGrid")
        self.todayGrid.setHorizontalSpacing(12)
        self.servedValue = QLabel(self.todayBox)
        self.servedValue.setObjectName(u"servedValue")
        self.servedValue.setText(u"0")
        self.servedValue.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.todayGrid.addWidget(self.servedValue, 0, 0, 1, 1)

        self.noShowValue = QLabel(self.todayBox)
        self.noShowValue.setObjectName(u"noShowValue")
        self.noShowValue.setText(u"0")
        self.noShowValue.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.todayGrid.addWidget(self.noShowValue, 0, 1, 1, 1)

        self.waitingValue = QLabel(self.todayBox)
        self.waitingValue.setObjectName(u"waitingValue")
        self.waitingValue.setText(u"0")
        self.waitingValue.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.todayGrid.addWidget(self.waitingValue, 0, 2, 1, 1)

        self.servedCaption = QLabel(self.todayBox)
        self.servedCaption.setObjectName(u"servedCaption")
        self.servedCaption.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.todayGrid.addWidget(self.servedCaption, 1, 0, 1, 1)

        self.noShowCaption = QLabel(self.todayBox)
        self.noShowCaption.setObjectName(u"noShowCaption")
        self.noShowCaption.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.todayGrid.addWidget(self.noShowCaption, 1, 1, 1, 1)

        self.waitingCaption = QLabel(self.todayBox)
        self.waitingCaption.setObjectName(u"waitingCaption")
        self.waitingCaption.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.todayGrid.addWidget(self.waitingCaption, 1, 2, 1, 1)

        self.historyLabel = QLabel(self.todayBox)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setText(u"")
        self.historyLabel.setWordWrap(True)

        self.todayGrid.addWidget(self.historyLabel, 2, 0, 1, 3)


        self.sideColumn.addWidget(self.todayBox)

        self.sideColumn.setStretch(0, 1)
        self.sideColumn.setStretch(1, 1)

        self.topRow.addLayout(self.sideColumn)

        self.topRow.setStretch(0, 3)
        self.topRow.setStretch(1, 2)

        self.bodyLayout.addLayout(self.topRow)

        self.actionsFrame = QFrame(self.body)
        self.actionsFrame.setObjectName(u"actionsFrame")
        self.actionsLayout = QHBoxLayout(self.actionsFrame)
        self.actionsLayout.setSpacing(10)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.actionsLayout.setContentsMargins(0, 0, 0, 0)
        self.callNextButton = QPushButton(self.actionsFrame)
        self.callNextButton.setObjectName(u"callNextButton")

        self.actionsLayout.addWidget(self.callNextButton)

        self.recallButton = QPushButton(self.actionsFrame)
        self.recallButton.setObjectName(u"recallButton")

        self.actionsLayout.addWidget(self.recallButton)

        self.doneButton = QPushButton(self.actionsFrame)
        self.doneButton.setObjectName(u"doneButton")

        self.actionsLayout.addWidget(self.doneButton)

        self.noShowButton = QPushButton(self.actionsFrame)
        self.noShowButton.setObjectName(u"noShowButton")

        self.actionsLayout.addWidget(self.noShowButton)

        self.transferButton = QPushButton(self.actionsFrame)
        self.transferButton.setObjectName(u"transferButton")

        self.actionsLayout.addWidget(self.transferButton)


        self.bodyLayout.addWidget(self.actionsFrame)

        self.scanBox = QGroupBox(self.body)
        self.scanBox.setObjectName(u"scanBox")
        self.scanGrid = QGridLayout(self.scanBox)
        self.scanGrid.setObjectName(u"scanGrid")
        self.scanGrid.setHorizontalSpacing(10)
        self.scanGrid.setVerticalSpacing(8)
        self.scanEdit = QLineEdit(self.scanBox)
        self.scanEdit.setObjectName(u"scanEdit")
        self.scanEdit.setClearButtonEnabled(True)

        self.scanGrid.addWidget(self.scanEdit, 0, 0, 1, 1)

        self.checkButton = QPushButton(self.scanBox)
        self.checkButton.setObjectName(u"checkButton")

        self.scanGrid.addWidget(self.checkButton, 0, 1, 1, 1)

        self.callTicketButton = QPushButton(self.scanBox)
        self.callTicketButton.setObjectName(u"callTicketButton")

        self.scanGrid.addWidget(self.callTicketButton, 0, 2, 1, 1)

        self.returnButton = QPushButton(self.scanBox)
        self.returnButton.setObjectName(u"returnButton")

        self.scanGrid.addWidget(self.returnButton, 0, 3, 1, 1)

        self.scanResult = QLabel(self.scanBox)
        self.scanResult.setObjectName(u"scanResult")
        self.scanResult.setText(u"")
        self.scanResult.setWordWrap(True)
        self.scanResult.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scanGrid.addWidget(self.scanResult, 1, 0, 1, 4)


        self.bodyLayout.addWidget(self.scanBox)

        self.bodyLayout.setStretch(0, 1)

        self.centralLayout.addWidget(self.body)

        CounterPanel.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(CounterPanel)
        self.menubar.setObjectName(u"menubar")
        CounterPanel.setMenuBar(self.menubar)
        QWidget.setTabOrder(self.scanEdit, self.checkButton)
        QWidget.setTabOrder(self.checkButton, self.callTicketButton)
        QWidget.setTabOrder(self.callTicketButton, self.returnButton)
        QWidget.setTabOrder(self.returnButton, self.callNextButton)
        QWidget.setTabOrder(self.callNextButton, self.recallButton)
        QWidget.setTabOrder(self.recallButton, self.doneButton)
        QWidget.setTabOrder(self.doneButton, self.noShowButton)
        QWidget.setTabOrder(self.noShowButton, self.transferButton)

        self.retranslateUi(CounterPanel)

        QMetaObject.connectSlotsByName(CounterPanel)
    # setupUi

    def retranslateUi(self, CounterPanel):
        CounterPanel.setWindowTitle(QCoreApplication.translate("CounterPanel", u"Counter - counter-app", None))
#if QT_CONFIG(tooltip)
        self.onlineLight.setToolTip(QCoreApplication.translate("CounterPanel", u"Database", None))
#endif // QT_CONFIG(tooltip)
        self.onlineLabel.setText(QCoreApplication.translate("CounterPanel", u"Connected", None))
        self.currentBox.setTitle(QCoreApplication.translate("CounterPanel", u"Now serving", None))
        self.waitingBox.setTitle(QCoreApplication.translate("CounterPanel", u"Waiting for this counter", None))
        self.todayBox.setTitle(QCoreApplication.translate("CounterPanel", u"Today at this counter", None))
        self.servedCaption.setText(QCoreApplication.translate("CounterPanel", u"served", None))
        self.noShowCaption.setText(QCoreApplication.translate("CounterPanel", u"no-shows", None))
        self.waitingCaption.setText(QCoreApplication.translate("CounterPanel", u"still waiting", None))
        self.callNextButton.setText(QCoreApplication.translate("CounterPanel", u"Call next", None))
        self.recallButton.setText(QCoreApplication.translate("CounterPanel", u"Recall", None))
        self.doneButton.setText(QCoreApplication.translate("CounterPanel", u"Done", None))
        self.noShowButton.setText(QCoreApplication.translate("CounterPanel", u"No-show", None))
        self.transferButton.setText(QCoreApplication.translate("CounterPanel", u"Transfer...", None))
        self.scanBox.setTitle(QCoreApplication.translate("CounterPanel", u"Scan a ticket's QR code or type its number", None))
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("CounterPanel", u"Scan the QR code or type a number such as A-012, then Enter", None))
        self.checkButton.setText(QCoreApplication.translate("CounterPanel", u"Check", None))
        self.callTicketButton.setText(QCoreApplication.translate("CounterPanel", u"Call this ticket", None))
        self.returnButton.setText(QCoreApplication.translate("CounterPanel", u"Return a no-show...", None))
    # retranslateUi

