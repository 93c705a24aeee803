# Automatically generated from ui/about_dialog.ui by `python -m tools.build_forms`
# - do not edit: change the form in Qt Designer and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(520, 380)
        self.aboutLayout = QVBoxLayout(AboutDialog)
        self.aboutLayout.setSpacing(8)
        self.aboutLayout.setObjectName(u"aboutLayout")
        self.aboutLayout.setContentsMargins(24, 20, 24, 16)
        self.nameLabel = QLabel(AboutDialog)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setText(u"counter-app")

        self.aboutLayout.addWidget(self.nameLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setText(u"0.0.0")
        self.versionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.aboutLayout.addWidget(self.versionLabel)

        self.descriptionLabel = QLabel(AboutDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setWordWrap(True)

        self.aboutLayout.addWidget(self.descriptionLabel)

        self.detailsLabel = QLabel(AboutDialog)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setText(u"")
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.aboutLayout.addWidget(self.detailsLabel)

        self.aboutSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.aboutLayout.addItem(self.aboutSpacer)

        self.licenseLabel = QLabel(AboutDialog)
        self.licenseLabel.setObjectName(u"licenseLabel")
        self.licenseLabel.setWordWrap(True)

        self.aboutLayout.addWidget(self.licenseLabel)

        self.aboutButtons = QHBoxLayout()
        self.aboutButtons.setObjectName(u"aboutButtons")
        self.aboutButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.aboutButtons.addItem(self.aboutButtonsSpacer)

        self.closeButton = QPushButton(AboutDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.aboutButtons.addWidget(self.closeButton)


        self.aboutLayout.addLayout(self.aboutButtons)


        self.retranslateUi(AboutDialog)
        self.closeButton.clicked.connect(AboutDialog.accept)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"About counter-app", None))
        self.descriptionLabel.setText(QCoreApplication.translate("AboutDialog", u"Counter-queue system for a public office: numbered tickets, daily quotas, a waiting-hall limit, thermal tickets and a lobby display.", None))
        self.licenseLabel.setText(QCoreApplication.translate("AboutDialog", u"Free software under the MIT licence.", None))
        self.closeButton.setText(QCoreApplication.translate("AboutDialog", u"Close", None))
    # retranslateUi

