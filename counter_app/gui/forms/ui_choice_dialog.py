# Automatically generated from ui/choice_dialog.ui by `python -m tools.build_forms`
# - do not edit: change the form in Qt Designer and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'choice_dialog.ui'
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
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ChoiceDialog(object):
    def setupUi(self, ChoiceDialog):
        if not ChoiceDialog.objectName():
            ChoiceDialog.setObjectName(u"ChoiceDialog")
        ChoiceDialog.resize(460, 360)
        ChoiceDialog.setWindowTitle(u"counter-app")
        self.choiceLayout = QVBoxLayout(ChoiceDialog)
        self.choiceLayout.setSpacing(10)
        self.choiceLayout.setObjectName(u"choiceLayout")
        self.choiceLayout.setContentsMargins(20, 16, 20, 16)
        self.promptLabel = QLabel(ChoiceDialog)
        self.promptLabel.setObjectName(u"promptLabel")
        self.promptLabel.setText(u"")
        self.promptLabel.setWordWrap(True)

        self.choiceLayout.addWidget(self.promptLabel)

        self.choiceList = QListWidget(ChoiceDialog)
        self.choiceList.setObjectName(u"choiceList")

        self.choiceLayout.addWidget(self.choiceList)

        self.choiceButtons = QHBoxLayout()
        self.choiceButtons.setObjectName(u"choiceButtons")
        self.choiceButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choiceButtons.addItem(self.choiceButtonsSpacer)

        self.cancelButton = QPushButton(ChoiceDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.choiceButtons.addWidget(self.cancelButton)

        self.okButton = QPushButton(ChoiceDialog)
        self.okButton.setObjectName(u"okButton")

        self.choiceButtons.addWidget(self.okButton)


        self.choiceLayout.addLayout(self.choiceButtons)


        self.retranslateUi(ChoiceDialog)
        self.okButton.clicked.connect(ChoiceDialog.accept)
        self.cancelButton.clicked.connect(ChoiceDialog.reject)

        self.okButton.setDefault(True)


        QMetaObject.connectSlotsByName(ChoiceDialog)
    # setupUi

    def retranslateUi(self, ChoiceDialog):
        self.cancelButton.setText(QCoreApplication.translate("ChoiceDialog", u"Cancel", None))
        self.okButton.setText(QCoreApplication.translate("ChoiceDialog", u"OK", None))
        pass
    # retranslateUi

