"""The daily report's table: one row per service, one per counter, then the whole day."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from counter_app.core.report import DayReport
from counter_app.gui.report.rows import Row, table_rows

Index = QModelIndex | QPersistentModelIndex

(
    NAME,
    ISSUED,
    SERVED,
    NO_SHOW,
    CANCELLED,
    OPEN,
    WAIT_MEDIAN,
    WAIT_P90,
    SERVICE_MEDIAN,
) = range(9)
COLUMNS = 9
_COUNTS = {ISSUED: "issued", SERVED: "served", NO_SHOW: "no_show", CANCELLED: "cancelled"}
_MINUTES = {
    WAIT_MEDIAN: "wait_median_min",
    WAIT_P90: "wait_p90_min",
    SERVICE_MEDIAN: "service_median_min",
}


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_report(self, report: DayReport | None) -> None:
        self.beginResetModel()
        self.rows = table_rows(report)
        self.endResetModel()

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
            NAME: self.tr("Service / counter"),
            ISSUED: self.tr("Issued"),
            SERVED: self.tr("Served"),
            NO_SHOW: self.tr("No-show"),
            CANCELLED: self.tr("Cancelled"),
            OPEN: self.tr("Still open"),
            WAIT_MEDIAN: self.tr("Wait, median (min)"),
            WAIT_P90: self.tr("Wait, p90 (min)"),
            SERVICE_MEDIAN: self.tr("Service, median (min)"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        figures = row.figures
        column = index.column()
        if role == Qt.ItemDataRole.FontRole and row.whole_day:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= ISSUED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == NAME:
            return self.tr("Whole day") if row.whole_day else row.name
        if column == OPEN:
            return str(figures.open)
        if column in _COUNTS:
            value = getattr(figures, _COUNTS[column])
            return "" if value is None else str(value)
        minutes = getattr(figures, _MINUTES[column])
        return "–" if minutes is None else QLocale().toString(float(minutes), "f", 1)
