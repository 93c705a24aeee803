"""The desk and the ready list of finished documents (core/queue/documents.py).

Two dialogs. ``DocumentKeyDialog`` asks which ready document a number of a pickup
service comes for, before it is issued: a scanner types the registration number (or
the NIK) and presses Enter, as staff may. ``DocumentsDialog`` (Documents menu) marks a
document ready by hand, when it was finished after the morning's import, and hands one
over by its number, when the visitor collects it without a number; it lists the ready
documents with the NIK masked. Both only call the queue; its refusals are its words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.documents import DocumentState
from counter_app.core.model import Document, Refused
from counter_app.core.queue.documents import MAX_KEY
from counter_app.gui.shell.style import set_state
from counter_app.gui.shell.widgets import list_table

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context

LISTED = 200  # ready documents listed, oldest finished first


class DocumentKeyDialog(QDialog):
    """Which ready document the number is for: its registration number or the NIK."""

    def __init__(self, service: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentKeyDialog")
        self.setWindowTitle(self.tr("Which document?"))
        prompt = QLabel(
            self.tr(
                "{service} is for collecting a finished document. Scan or type its "
                "registration number, or the NIK:"
            ).format(service=service),
            self,
        )
        prompt.setWordWrap(True)
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("documentKeyEdit")
        self.key_edit.setPlaceholderText(self.tr("Registration number or NIK"))
        self.key_edit.setMaxLength(MAX_KEY)
        self.key_edit.setMinimumWidth(360)
        self.ok_button = QPushButton(self.tr("Issue the number  [Enter]"), self)
        self.ok_button.setObjectName("documentKeyOk")
        self.ok_button.setDefault(True)  # the scanner's Enter
        self.ok_button.setEnabled(False)
        cancel = QPushButton(self.tr("Cancel  [Esc]"), self)
        cancel.setAutoDefault(False)
        self.ok_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.key_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.key_edit)
        layout.addLayout(buttons)
        self.key_edit.setFocus()

    def key(self) -> str:
        return self.key_edit.text().strip()


class DocumentsDialog(QDialog):
    """Mark a document ready, hand one over, and see the ready list."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("documentsDialog")
        self.setWindowTitle(self.tr("Finished documents"))
        self.documents: list[Document] = []
        self.loaded_once = False
        self.busy = False
        kinds = list(ctx.queue.config.documents.kinds)

        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("readyNumberEdit")
        self.number_edit.setPlaceholderText(self.tr("e.g. KK-2026-0001"))
        self.number_edit.setMaxLength(MAX_KEY)
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("readyKindBox")
        self.kind_box.addItems(kinds)
        self.nik_edit = QLineEdit(self)
        self.nik_edit.setObjectName("readyNikEdit")
        self.nik_edit.setPlaceholderText(self.tr("16 digits (may stay empty)"))
        self.nik_edit.setMaxLength(32)
        self.ready_button = QPushButton(self.tr("Mark ready"), self)
        self.ready_button.setObjectName("markReadyButton")
        self.ready_button.setAutoDefault(False)
        ready_box = QGroupBox(self.tr("A document finished after the import"), self)
        form = QFormLayout(ready_box)
        form.addRow(self.tr("Registration number"), self.number_edit)
        form.addRow(self.tr("Kind"), self.kind_box)
        form.addRow(self.tr("NIK"), self.nik_edit)
        form.addRow("", self.ready_button)

        self.hand_edit = QLineEdit(self)
        self.hand_edit.setObjectName("handOverEdit")
        self.hand_edit.setPlaceholderText(self.tr("Scan or type the registration number"))
        self.hand_edit.setMaxLength(MAX_KEY)
        self.hand_edit.setMinimumWidth(280)
        self.hand_button = QPushButton(self.tr("Hand over"), self)
        self.hand_button.setObjectName("handOverButton")
        self.hand_button.setAutoDefault(False)
        hand_box = QGroupBox(self.tr("Handed over without a number"), self)
        hand_row = QHBoxLayout(hand_box)
        hand_row.addWidget(self.hand_edit, 1)
        hand_row.addWidget(self.hand_button)

        self.message = QLabel(self)
        self.message.setObjectName("messageBar")
        self.message.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("documentsSummary")
        self.table = list_table(
            self,
            "documentsTable",
            [
                self.tr("Registration number"),
                self.tr("Kind"),
                self.tr("NIK"),
                self.tr("Ready since"),
            ],
            stretch=0,
        )
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(ready_box, 1)
        top.addWidget(hand_box, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Ready to collect:"), self))
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.resize(900, 600)

        self.ready_button.clicked.connect(self.mark_ready)
        self.number_edit.returnPressed.connect(self.mark_ready)
        self.nik_edit.returnPressed.connect(self.mark_ready)
        self.hand_button.clicked.connect(self.hand_over)
        self.hand_edit.returnPressed.connect(self.hand_over)
        self.number_edit.setFocus()
        self.refresh()

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        queue = self.ctx.queue
        self.ctx.read(
            lambda: queue.documents(state=DocumentState.READY.value, limit=LISTED),
            self._loaded,
            name="ready documents",
        )

    def _loaded(self, documents: list[Document] | None, error: BaseException | None) -> None:
        if error is not None:
            self._say("error", str(error))
            return
        self.documents = list(documents or [])
        self.loaded_once = True
        self.table.setRowCount(len(self.documents))
        for i, d in enumerate(self.documents):
            row = (d.number, d.kind, d.masked_nik, f"{d.finished_on:%d-%m-%Y}")
            for j, text in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.summary.setText(self.tr("{n} ready to collect").format(n=len(self.documents)))

    # --- writing ---------------------------------------------------------------------------

    def mark_ready(self) -> None:
        number = self.number_edit.text().strip()
        kind = self.kind_box.currentText()
        nik = self.nik_edit.text().strip() or None
        if not number or self.busy:
            return
        queue = self.ctx.queue
        self._act(
            lambda: queue.mark_ready(number, kind, nik=nik),
            self.tr("{kind} {number} is ready to collect."),
            (self.number_edit, self.nik_edit),
        )

    def hand_over(self) -> None:
        number = self.hand_edit.text().strip()
        if not number or self.busy:
            return
        queue = self.ctx.queue
        self._act(
            lambda: queue.hand_over(number),
            self.tr("{kind} {number} handed over."),
            (self.hand_edit,),
        )

    def _act(
        self, fn: Callable[[], Document], done_text: str, edits: tuple[QLineEdit, ...]
    ) -> None:
        self.busy = True
        for button in (self.ready_button, self.hand_button):
            button.setEnabled(False)

        def acted(document: Document | None, error: BaseException | None) -> None:
            self.busy = False
            for button in (self.ready_button, self.hand_button):
                button.setEnabled(True)
            if error is not None:
                if isinstance(error, Refused):
                    self._say("error", error.message)
                else:
                    self._say("error", self.tr("Not done: {reason}").format(reason=error))
                return
            assert document is not None
            for edit in edits:
                edit.clear()
            edits[0].setFocus()
            self._say("info", done_text.format(kind=document.kind, number=document.number))
            self.refresh()

        self.ctx.call(self.ctx.actions, fn, acted, name="documents")

    def _say(self, level: str, text: str) -> None:
        self.message.setText(text)
        set_state(self.message, "level", level)
