# Automatically generated from ui/error_dialog.ui by `python -m tools.build_forms`
# - do not edit: change the form in Qt Designer and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'error_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ErrorDialog(object):
    def setupUi(self, ErrorDialog):
        if not ErrorDialog.objectName():
            ErrorDialog.setObjectName(u"ErrorDialog")
        ErrorDialog.resize(640, 420)
        self.errorLayout = QVBoxLayout(ErrorDialog)
        self.errorLayout.setSpacing(10)
        self.errorLayout.setObjectName(u"errorLayout")
        self.errorLayout.setContentsMargins(20, 16, 20, 16)
        self.headlineLabel = QLabel(ErrorDialog)
        self.headlineLabel.setObjectName(u"headlineLabel")
        self.headlineLabel.setWordWrap(True)

        self.errorLayout.addWidget(self.headlineLabel)

        self.messageLabel = QLabel(ErrorDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.errorLayout.addWidget(self.messageLabel)

        self.detailsEdit = QPlainTextEdit(ErrorDialog)
        self.detailsEdit.setObjectName(u"detailsEdit")
        self.detailsEdit.setReadOnly(True)
        self.detailsEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.errorLayout.addWidget(self.detailsEdit)

        self.logLabel = QLabel(ErrorDialog)
        self.logLabel.setObjectName(u"logLabel")
        self.logLabel.setText(u"")
        self.logLabel.setWordWrap(True)
        self.logLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.errorLayout.addWidget(self.logLabel)

        self.errorButtons = QHBoxLayout()
        self.errorButtons.setObjectName(u"errorButtons")
        self.copyButton = QPushButton(ErrorDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.errorButtons.addWidget(self.copyButton)

        self.errorButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.errorButtons.addItem(self.errorButtonsSpacer)

        self.closeButton = QPushButton(ErrorDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.errorButtons.addWidget(self.closeButton)


        self.errorLayout.addLayout(self.errorButtons)


        self.retranslateUi(ErrorDialog)
        self.closeButton.clicked.connect(ErrorDialog.accept)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(ErrorDialog)
    # setupUi

    def retranslateUi(self, ErrorDialog):
        ErrorDialog.setWindowTitle(QCoreApplication.translate("ErrorDialog", u"Unexpected error - counter-app", None))
        self.headlineLabel.setText(QCoreApplication.translate("ErrorDialog", u"Something went wrong. The window is still usable; you can carry on working.", None))
        self.copyButton.setText(QCoreApplication.translate("ErrorDialog", u"Copy details", None))
        self.closeButton.setText(QCoreApplication.translate("ErrorDialog", u"Close", None))
    # retranslateUi

