# Automatically generated from ui/web_address_dialog.ui by `python -m tools.build_forms`
# - do not edit: change the form in Qt Designer and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'web_address_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_WebAddressDialog(object):
    def setupUi(self, WebAddressDialog):
        if not WebAddressDialog.objectName():
            WebAddressDialog.setObjectName(u"WebAddressDialog")
        WebAddressDialog.resize(600, 680)
        self.addressLayout = QVBoxLayout(WebAddressDialog)
        self.addressLayout.setSpacing(10)
        self.addressLayout.setObjectName(u"addressLayout")
        self.addressLayout.setContentsMargins(28, 22, 28, 18)
        self.scanLabel = QLabel(WebAddressDialog)
        self.scanLabel.setObjectName(u"scanLabel")
        self.scanLabel.setText(u"Pindai kode QR ini untuk memantau antrean dari ponsel Anda")
        self.scanLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scanLabel.setWordWrap(True)

        self.addressLayout.addWidget(self.scanLabel)

        self.scanEnglishLabel = QLabel(WebAddressDialog)
        self.scanEnglishLabel.setObjectName(u"scanEnglishLabel")
        self.scanEnglishLabel.setText(u"Scan this QR code to follow the queue on your phone")
        self.scanEnglishLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scanEnglishLabel.setWordWrap(True)

        self.addressLayout.addWidget(self.scanEnglishLabel)

        self.qrLabel = QLabel(WebAddressDialog)
        self.qrLabel.setObjectName(u"qrLabel")
        self.qrLabel.setMinimumSize(QSize(400, 400))
        self.qrLabel.setText(u"\u2026")
        self.qrLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.addressLayout.addWidget(self.qrLabel)

        self.addressLabel = QLabel(WebAddressDialog)
        self.addressLabel.setObjectName(u"addressLabel")
        self.addressLabel.setText(u"\u2026")
        self.addressLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addressLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.addressLayout.addWidget(self.addressLabel)

        self.hintLabel = QLabel(WebAddressDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setText(u"")
        self.hintLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hintLabel.setWordWrap(True)

        self.addressLayout.addWidget(self.hintLabel)

        self.noteLabel = QLabel(WebAddressDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setText(u"")
        self.noteLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.noteLabel.setWordWrap(True)

        self.addressLayout.addWidget(self.noteLabel)

        self.addressSpacer = QSpacerItem(10, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.addressLayout.addItem(self.addressSpacer)

        self.savedLabel = QLabel(WebAddressDialog)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setText(u"")
        self.savedLabel.setWordWrap(True)
        self.savedLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.addressLayout.addWidget(self.savedLabel)

        self.addressButtons = QHBoxLayout()
        self.addressButtons.setObjectName(u"addressButtons")
        self.saveButton = QPushButton(WebAddressDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.addressButtons.addWidget(self.saveButton)

        self.addressButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addressButtons.addItem(self.addressButtonsSpacer)

        self.closeButton = QPushButton(WebAddressDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.addressButtons.addWidget(self.closeButton)


        self.addressLayout.addLayout(self.addressButtons)


        self.retranslateUi(WebAddressDialog)
        self.closeButton.clicked.connect(WebAddressDialog.accept)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(WebAddressDialog)
    # setupUi

    def retranslateUi(self, WebAddressDialog):
        WebAddressDialog.setWindowTitle(QCoreApplication.translate("WebAddressDialog", u"Address for phones", None))
        self.saveButton.setText(QCoreApplication.translate("WebAddressDialog", u"Save as image\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("WebAddressDialog", u"A poster to print and hang at the entrance and in the car park: the QR code, the office, what to do in Indonesian and English, and the address", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("WebAddressDialog", u"Close", None))
    # retranslateUi

