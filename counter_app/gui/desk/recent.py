"""The desk's list of the last tickets issued, with how their printing went."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.core import texts
from counter_app.core.config import Config
from counter_app.core.model import PrintStatus, Ticket
from counter_app.gui.shell import style

Index = QModelIndex | QPersistentModelIndex

CODE, SERVICE, PERSONS, PRIORITY, STATE, PRINTED, TIME = range(7)
COLUMNS = 7
_FAILED = QColor(style.RED)
_PENDING = QColor("#7a4d00")


class RecentTicketsModel(QAbstractTableModel):
    def __init__(self, config: Config, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.rows: list[Ticket] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, tickets: Sequence[Ticket]) -> None:
        self.beginResetModel()
        self.rows = list(tickets)
        self.endResetModel()

    def ticket(self, row: int) -> Ticket | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, code: str) -> int | None:
        return next((i for i, t in enumerate(self.rows) if t.code == code), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            CODE: self.tr("Number"),
            SERVICE: self.tr("Service"),
            PERSONS: self.tr("Persons"),
            PRIORITY: self.tr("Priority"),
            STATE: self.tr("Status"),
            PRINTED: self.tr("Printing"),
            TIME: self.tr("Time"),
        }.get(section)

    def _service(self, ticket: Ticket) -> str:
        return self.config.service_name(ticket.service)

    def print_word(self, ticket: Ticket) -> str:
        return {
            PrintStatus.PENDING: self.tr("printing..."),
            PrintStatus.PRINTED: self.tr("printed"),
            PrintStatus.FAILED: self.tr("NOT PRINTED"),
            PrintStatus.OFF: self.tr("not printed (printing off)"),
        }[ticket.print_status]

    def _text(self, ticket: Ticket, column: int) -> str:
        lang = self.config.office.language
        if column == CODE:
            return ticket.code
        if column == SERVICE:
            return self._service(ticket)
        if column == PERSONS:
            return str(ticket.group)
        if column == PRIORITY:
            return self.tr("yes") if ticket.priority else ""
        if column == STATE:
            word = texts.state_word(lang, ticket.state)
            return f"{word} ({ticket.counter})" if ticket.counter else word
        if column == PRINTED:
            return self.print_word(ticket)
        if column == TIME:
            return f"{ticket.issued_at:%H:%M}"
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ticket = self.ticket(index.row())
        if ticket is None or not 0 <= index.column() < COLUMNS:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(ticket, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == PRINTED and ticket.print_error:
            return ticket.print_error
        if role == Qt.ItemDataRole.ForegroundRole and column == PRINTED:
            if ticket.print_status == PrintStatus.FAILED:
                return QBrush(_FAILED)
            if ticket.print_status == PrintStatus.PENDING:
                return QBrush(_PENDING)
        if role == Qt.ItemDataRole.FontRole and (
            column == CODE or (column == PRINTED and ticket.print_status == PrintStatus.FAILED)
        ):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PERSONS, PRIORITY, TIME):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return ticket.code
        return None
