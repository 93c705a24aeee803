"""The few dialogs that wait for an answer, behind small functions a test can patch.

Electrum gives every window ``show_error``, ``show_warning`` and ``question``; the
pytest-qt docs advise reaching blocking dialogs through such functions so a test
replaces them instead of clicking a modal box. Controllers call them as
``dialogs.question(...)`` (module attribute), so ``monkeypatch.setattr`` reaches them.
Buttons carry our own translated words: Qt ships no Indonesian for its standard ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QMessageBox, QWidget

from counter_app.gui.forms.ui_choice_dialog import Ui_ChoiceDialog


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.addButton(QCoreApplication.translate("dialogs", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    _message(parent, QMessageBox.Icon.Critical, title, text)


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    _message(parent, QMessageBox.Icon.Warning, title, text)


def question(
    parent: QWidget | None, title: str, text: str, *, yes: str | None = None, no: str | None = None
) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes_button = box.addButton(
        yes or QCoreApplication.translate("dialogs", "Yes"), QMessageBox.ButtonRole.YesRole
    )
    no_button = box.addButton(
        no or QCoreApplication.translate("dialogs", "No"), QMessageBox.ButtonRole.NoRole
    )
    box.setDefaultButton(no_button)  # a stray Enter never confirms something irreversible
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


class ChoiceDialog(QDialog):
    """Pick one entry of a short list with the arrow keys and Enter."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompt: str,
        choices: Sequence[tuple[str, str]],
        current: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ChoiceDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.promptLabel.setText(prompt)
        for key, label in choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.ui.choiceList.addItem(item)
            if key == current:
                self.ui.choiceList.setCurrentItem(item)
        if self.ui.choiceList.currentItem() is None and self.ui.choiceList.count():
            self.ui.choiceList.setCurrentRow(0)
        self.ui.choiceList.itemActivated.connect(lambda _item: self.accept())
        self.ui.choiceList.setFocus()

    def chosen(self) -> str | None:
        item = self.ui.choiceList.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))


def choose(
    parent: QWidget | None,
    title: str,
    prompt: str,
    choices: Sequence[tuple[str, str]],
    current: str | None = None,
) -> str | None:
    """The key of the chosen (key, label) pair, or None when cancelled."""
    dialog = ChoiceDialog(parent, title, prompt, choices, current)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()
