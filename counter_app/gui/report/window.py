"""The daily report window: a day's table per service and counter, the hall, two charts,
and the CSV the head of the office sends on. Opened from the Window menu.

The figures come from ``core.report.daily_report`` on the reads worker; the window only
shows them. Today's report follows the queue as stations change it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QRect, QSize, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.config import Config
from counter_app.core.queue import DatabaseError
from counter_app.core.report import DayReport, daily_report
from counter_app.gui.report import charts as report_charts
from counter_app.gui.report.model import NAME, ReportTableModel
from counter_app.gui.report.rows import hall_line
from counter_app.gui.shell import dialogs, menus
from counter_app.gui.shell.context import Context
from counter_app.gui.shell.follow import QueueFollower
from counter_app.gui.shell.worker import report_unhandled

log = logging.getLogger(__name__)

# the size the report wants at first: the table's nine columns uncut and both charts with
# their legends (a 565 x 424 window cut both)
FIRST_SIZE = QSize(1180, 760)
# what the window's title bar takes from the available height (resize() sizes the inside)
TITLE_BAR = 30


def available_area(widget: QWidget) -> QRect:
    """The room on the window's screen, without the taskbar (a test replaces this)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


class ReportWindow(QMainWindow):
    kind = "report"
    number: int | None = None

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.queue = ctx.queue
        self.report: DayReport | None = None
        self.loaded_once = False
        self.closed = False
        self.setWindowTitle(
            self.tr("Daily report - {office}").format(office=ctx.config.office.name)
        )

        central = QWidget(self)
        layout = QVBoxLayout(central)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Day:"), central))
        self.date_edit = QDateEdit(central)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd, d MMMM yyyy")
        today = self.queue.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        bar.addWidget(self.date_edit)
        self.refresh_button = QPushButton(self.tr("Refresh"), central)
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Export CSV…"), central)
        self.export_button.clicked.connect(self.export_csv)
        self.export_button.setEnabled(False)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.hall_label = QLabel(central)
        self.hall_label.setObjectName("reportHall")
        self.hall_label.setWordWrap(True)
        layout.addWidget(self.hall_label)

        self.model = ReportTableModel(self)
        self.table = QTableView(central)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        layout.addWidget(self.table, 3)

        self.charts = QWidget(central)
        self.charts_layout = QHBoxLayout(self.charts)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.charts, 4)
        self.charts_note = QLabel(central)
        layout.addWidget(self.charts_note)
        self.setCentralWidget(central)

        menus.install(self, self.ctx)
        self.follower = QueueFollower(
            self,
            name="report",
            run=ctx.read,
            watcher=ctx.watcher,
            job=self._read_job,
            loaded=self._loaded,
            failed=self._failed,
            follows_changes=self._is_today,  # a past day is done
        )
        self.follower.start()
        self.table.setFocus()
        self.resize(self.first_size())
        self.refresh()

    def first_size(self) -> QSize:
        """Wide enough for every column's header and the two charts, within the screen."""
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSizeHint(i) for i in range(header.count()))
        wanted = FIRST_SIZE.expandedTo(QSize(columns + 80, 0))
        area = available_area(self).size()
        return wanted.boundedTo(QSize(area.width(), area.height() - TITLE_BAR))

    # --- loading ----------------------------------------------------------------------

    def day(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def set_day(self, day: date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def apply_config(self, _config: Config) -> None:
        self.refresh()  # the report reads the queue's own configuration

    def _read_job(self) -> Callable[[], DayReport]:
        return partial(daily_report, self.queue, self.day())

    def _is_today(self) -> bool:
        return self.day() == self.queue.today()

    @Slot()
    def refresh(self) -> None:
        if self.closed:
            return
        self.hall_label.setText(self.tr("Loading..."))
        self.follower.request()

    def _loaded(self, report: DayReport) -> None:
        if report.day == self.day():  # not an answer for a day no longer asked for
            self.show_report(report)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseError):
            self.hall_label.setText(
                self.tr("The report cannot be read: {reason}").format(reason=error)
            )
        else:
            report_unhandled(error)

    def show_report(self, report: DayReport) -> None:
        self.report = report
        self.loaded_once = True
        self.model.set_report(report)
        self.export_button.setEnabled(True)
        self.hall_label.setText(self.hall_text(report))
        self._draw_charts(report)

    def hall_text(self, report: DayReport) -> str:
        line = hall_line(report)
        if line.peak is None:
            peak = self.tr("Hall: nobody came in on this day.")
        else:
            peak = self.tr("Hall: at most {peak} of {limit} persons inside, at {time}.").format(
                peak=line.peak, limit=line.limit, time=line.peak_time
            )
        held = (
            self.tr("The distancing limit held.")
            if line.limit_held
            else self.tr("The distancing limit was EXCEEDED.")
        )
        full = self.tr("Full for {minutes} minutes; {outside} ticket(s) waited outside.").format(
            minutes=QLocale().toString(float(line.full_minutes), "f", 0), outside=line.outside
        )
        blocked = self.tr("Places free, waiting for a group outside: {minutes} minutes.")
        blocked = blocked.format(minutes=QLocale().toString(float(line.blocked_minutes), "f", 0))
        return f"{peak} {held} {full} {blocked}"

    def _draw_charts(self, report: DayReport) -> None:
        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not report_charts.available():
            self.charts_note.setText(self.tr("Charts are not available in this installation."))
            return
        self.charts_note.clear()
        self.charts_layout.addWidget(report_charts.arrivals_chart(report, self.charts))
        self.charts_layout.addWidget(report_charts.occupancy_chart(report, self.charts))

    # --- CSV --------------------------------------------------------------------------

    def ask_csv_path(self, suggested: str) -> str:
        """The file to write, or "" when cancelled (a test replaces this)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the report as CSV"), suggested, self.tr("CSV files (*.csv)")
        )
        return path

    @Slot()
    def export_csv(self) -> None:
        report = self.report
        if report is None:
            return
        chosen = self.ask_csv_path(str(Path.home() / f"laporan-{report.day.isoformat()}.csv"))
        if not chosen:
            return
        try:
            Path(chosen).write_text(report.to_csv(), encoding="utf-8")
        except OSError as exc:
            dialogs.show_error(
                self,
                self.tr("The report was not saved"),
                self.tr("{path}: {reason}").format(path=chosen, reason=exc.strerror or exc),
            )
            return
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=chosen), 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        self.follower.stop()
        self.ctx.forget(self)
        super().closeEvent(event)
