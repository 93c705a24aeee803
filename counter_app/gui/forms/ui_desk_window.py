# Automatically generated from ui/desk_window.ui by `python -m tools.build_forms`
# - do not edit: change the form in Qt Designer and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'desk_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QMainWindow, QMenuBar, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

from counter_app.gui.shell.widgets import (ElidedLabel, ImageLabel)

class Ui_DeskWindow(object):
    def setupUi(self, DeskWindow):
        if not DeskWindow.objectName():
            DeskWindow.setObjectName(u"DeskWindow")
        DeskWindow.resize(1366, 720)
        self.centralwidget = QWidget(DeskWindow)
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

        self.headerLayout.addWidget(self.titleLabel)

        self.officeLabel = ElidedLabel(self.header)
        self.officeLabel.setObjectName(u"officeLabel")
        self.officeLabel.setText(u"Disdukcapil")

        self.headerLayout.addWidget(self.officeLabel)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.printerLight = QLabel(self.header)
        self.printerLight.setObjectName(u"printerLight")

        self.headerLayout.addWidget(self.printerLight)

        self.printerLabel = QLabel(self.header)
        self.printerLabel.setObjectName(u"printerLabel")

        self.headerLayout.addWidget(self.printerLabel)

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
        self.bodyLayout = QHBoxLayout(self.body)
        self.bodyLayout.setSpacing(12)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(12, 8, 12, 12)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setSpacing(10)
        self.leftColumn.setObjectName(u"leftColumn")
        self.servicesBox = QGroupBox(self.body)
        self.servicesBox.setObjectName(u"servicesBox")
        self.serviceGrid = QGridLayout(self.servicesBox)
        self.serviceGrid.setSpacing(10)
        self.serviceGrid.setObjectName(u"serviceGrid")

        self.leftColumn.addWidget(self.servicesBox)

        self.optionsFrame = QFrame(self.body)
        self.optionsFrame.setObjectName(u"optionsFrame")
        self.optionsLayout = QHBoxLayout(self.optionsFrame)
        self.optionsLayout.setSpacing(6)
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.optionsLayout.setContentsMargins(12, 6, 12, 6)
        self.groupLabel = QLabel(self.optionsFrame)
        self.groupLabel.setObjectName(u"groupLabel")

        self.optionsLayout.addWidget(self.groupLabel)

        self.groupButton1 = QPushButton(self.optionsFrame)
        self.groupButton1.setObjectName(u"groupButton1")
        self.groupButton1.setText(u"1")
        self.groupButton1.setCheckable(True)
        self.groupButton1.setChecked(True)

        self.optionsLayout.addWidget(self.groupButton1)

        self.groupButton2 = QPushButton(self.optionsFrame)
        self.groupButton2.setObjectName(u"groupButton2")
        self.groupButton2.setText(u"2")
        self.groupButton2.setCheckable(True)

        self.optionsLayout.addWidget(self.groupButton2)

        self.groupButton3 = QPushButton(self.optionsFrame)
        self.groupButton3.setObjectName(u"groupButton3")
        self.groupButton3.setText(u"3")
        self.groupButton3.setCheckable(True)

        self.optionsLayout.addWidget(self.groupButton3)

        self.groupButton4 = QPushButton(self.optionsFrame)
        self.groupButton4.setObjectName(u"groupButton4")
        self.groupButton4.setText(u"4")
        self.groupButton4.setCheckable(True)

        self.optionsLayout.addWidget(self.groupButton4)

        self.groupHint = QLabel(self.optionsFrame)
        self.groupHint.setObjectName(u"groupHint")
        self.groupHint.setText(u"[Ctrl+1...4]")

        self.optionsLayout.addWidget(self.groupHint)

        self.optionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.optionsLayout.addItem(self.optionsSpacer)

        self.priorityCheck = QCheckBox(self.optionsFrame)
        self.priorityCheck.setObjectName(u"priorityCheck")

        self.optionsLayout.addWidget(self.priorityCheck)


        self.leftColumn.addWidget(self.optionsFrame)

        self.recentBox = QGroupBox(self.body)
        self.recentBox.setObjectName(u"recentBox")
        self.recentLayout = QHBoxLayout(self.recentBox)
        self.recentLayout.setSpacing(10)
        self.recentLayout.setObjectName(u"recentLayout")
        self.recentTable = QTableView(self.recentBox)
        self.recentTable.setObjectName(u"recentTable")
        self.recentTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recentTable.setAlternatingRowColors(True)
        self.recentTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recentTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recentTable.setShowGrid(False)
        self.recentTable.setWordWrap(False)
        self.recentTable.verticalHeader().setVisible(False)

        self.recentLayout.addWidget(self.recentTable)

        self.recentButtons = QVBoxLayout()
        self.recentButtons.setSpacing(8)
        self.recentButtons.setObjectName(u"recentButtons")
        self.reprintButton = QPushButton(self.recentBox)
        self.reprintButton.setObjectName(u"reprintButton")

        self.recentButtons.addWidget(self.reprintButton)

        self.cancelButton = QPushButton(self.recentBox)
        self.cancelButton.setObjectName(u"cancelButton")

        self.recentButtons.addWidget(self.cancelButton)

        self.recentButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.recentButtons.addItem(self.recentButtonsSpacer)

        self.failedLabel = QLabel(self.recentBox)
        self.failedLabel.setObjectName(u"failedLabel")
        self.failedLabel.setText(u"")
        self.failedLabel.setWordWrap(True)

        self.recentButtons.addWidget(self.failedLabel)


        self.recentLayout.addLayout(self.recentButtons)


        self.leftColumn.addWidget(self.recentBox)

        self.leftColumn.setStretch(0, 1)
        self.leftColumn.setStretch(2, 1)

        self.bodyLayout.addLayout(self.leftColumn)

        self.sideColumn = QWidget(self.body)
        self.sideColumn.setObjectName(u"sideColumn")
        self.sideColumn.setMinimumSize(QSize(330, 0))
        self.sideColumn.setMaximumSize(QSize(330, 16777215))
        self.sideLayout = QVBoxLayout(self.sideColumn)
        self.sideLayout.setSpacing(10)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.capacityBox = QGroupBox(self.sideColumn)
        self.capacityBox.setObjectName(u"capacityBox")
        self.capacityLayout = QVBoxLayout(self.capacityBox)
        self.capacityLayout.setSpacing(4)
        self.capacityLayout.setObjectName(u"capacityLayout")
        self.capacityNumbers = QHBoxLayout()
        self.capacityNumbers.setObjectName(u"capacityNumbers")
        self.capacityValue = QLabel(self.capacityBox)
        self.capacityValue.setObjectName(u"capacityValue")
        self.capacityValue.setText(u"0 / 0")

        self.capacityNumbers.addWidget(self.capacityValue)

        self.capacityCaption = QLabel(self.capacityBox)
        self.capacityCaption.setObjectName(u"capacityCaption")
        self.capacityCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignBottom)

        self.capacityNumbers.addWidget(self.capacityCaption)


        self.capacityLayout.addLayout(self.capacityNumbers)

        self.capacityBar = QProgressBar(self.capacityBox)
        self.capacityBar.setObjectName(u"capacityBar")
        self.capacityBar.setValue(0)
        self.capacityBar.setTextVisible(False)

        self.capacityLayout.addWidget(self.capacityBar)

        self.outsideLabel = QLabel(self.capacityBox)
        self.outsideLabel.setObjectName(u"outsideLabel")
        self.outsideLabel.setText(u"")
        self.outsideLabel.setWordWrap(True)

        self.capacityLayout.addWidget(self.outsideLabel)

        self.hallFullLabel = QLabel(self.capacityBox)
        self.hallFullLabel.setObjectName(u"hallFullLabel")
        self.hallFullLabel.setText(u"")
        self.hallFullLabel.setWordWrap(True)
        self.hallFullLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.capacityLayout.addWidget(self.hallFullLabel)


        self.sideLayout.addWidget(self.capacityBox)

        self.previewBox = QGroupBox(self.sideColumn)
        self.previewBox.setObjectName(u"previewBox")
        self.previewLayout = QVBoxLayout(self.previewBox)
        self.previewLayout.setSpacing(6)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewImage = ImageLabel(self.previewBox)
        self.previewImage.setObjectName(u"previewImage")
        self.previewImage.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.previewLayout.addWidget(self.previewImage)

        self.previewCaption = QLabel(self.previewBox)
        self.previewCaption.setObjectName(u"previewCaption")
        self.previewCaption.setText(u"")
        self.previewCaption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previewCaption.setWordWrap(True)

        self.previewLayout.addWidget(self.previewCaption)


        self.sideLayout.addWidget(self.previewBox)

        self.sideLayout.setStretch(1, 1)

        self.bodyLayout.addWidget(self.sideColumn)

        self.bodyLayout.setStretch(0, 1)

        self.centralLayout.addWidget(self.body)

        DeskWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(DeskWindow)
        self.menubar.setObjectName(u"menubar")
        DeskWindow.setMenuBar(self.menubar)

        self.retranslateUi(DeskWindow)

        QMetaObject.connectSlotsByName(DeskWindow)
    # setupUi

    def retranslateUi(self, DeskWindow):
        DeskWindow.setWindowTitle(QCoreApplication.translate("DeskWindow", u"Front desk - counter-app", None))
        self.titleLabel.setText(QCoreApplication.translate("DeskWindow", u"Take a number", None))
#if QT_CONFIG(tooltip)
        self.printerLight.setToolTip(QCoreApplication.translate("DeskWindow", u"Printer", None))
#endif // QT_CONFIG(tooltip)
        self.printerLabel.setText(QCoreApplication.translate("DeskWindow", u"Printer: checking...", None))
#if QT_CONFIG(tooltip)
        self.onlineLight.setToolTip(QCoreApplication.translate("DeskWindow", u"Database", None))
#endif // QT_CONFIG(tooltip)
        self.onlineLabel.setText(QCoreApplication.translate("DeskWindow", u"Connected", None))
        self.servicesBox.setTitle(QCoreApplication.translate("DeskWindow", u"Services", None))
        self.groupLabel.setText(QCoreApplication.translate("DeskWindow", u"Persons on this ticket:", None))
        self.priorityCheck.setText(QCoreApplication.translate("DeskWindow", u"Priority: elderly, disabled or pregnant", None))
        self.recentBox.setTitle(QCoreApplication.translate("DeskWindow", u"Last tickets issued", None))
        self.reprintButton.setText(QCoreApplication.translate("DeskWindow", u"Reprint", None))
        self.cancelButton.setText(QCoreApplication.translate("DeskWindow", u"Cancel ticket", None))
        self.capacityBox.setTitle(QCoreApplication.translate("DeskWindow", u"Waiting hall", None))
        self.capacityCaption.setText(QCoreApplication.translate("DeskWindow", u"persons inside", None))
        self.previewBox.setTitle(QCoreApplication.translate("DeskWindow", u"Last ticket", None))
        self.previewImage.setText(QCoreApplication.translate("DeskWindow", u"No ticket issued yet", None))
    # retranslateUi

