"""The desk's list of today's online bookings, and check-in at the door.

A scanner types the booking's QR (its link) into the check-in field and presses Enter;
staff may type the booked number ("AD-005") or the NIK instead. The booking becomes its
ticket (core/queue/bookings.py), printed when ``[booking] print_at_check_in``; the
desk's recent tickets show it like any other. The list is searchable by the number or
the NIK's last digits; the NIK is shown masked (bookings_view.py decides what to show).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.model import Booking, Refused, Ticket, TicketState
from counter_app.gui.desk import bookings_view as bv
from counter_app.gui.shell.style import set_state
from counter_app.gui.shell.widgets import list_table

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context

REFRESH_MS = 15_000  # the list follows other stations' check-ins and new bookings


class BookingsDialog(QDialog):
    """Today's bookings (booked, checked in, late, lapsed, cancelled) and the check-in field."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bookingsDialog")
        self.setWindowTitle(self.tr("Online bookings today"))
        self.bookings: list[Booking] = []
        self.loaded_once = False
        self.busy = False

        self.check_in_edit = QLineEdit(self)
        self.check_in_edit.setObjectName("checkInEdit")
        self.check_in_edit.setPlaceholderText(
            self.tr("Scan the booking's QR code, or type its number or the NIK")
        )
        self.check_in_edit.setMaxLength(256)
        self.check_in_button = QPushButton(self.tr("Check in  [Enter]"), self)
        self.check_in_button.setObjectName("checkInButton")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("bookingSearch")
        self.search_edit.setPlaceholderText(self.tr("Search: number or the NIK's last digits"))
        self.search_edit.setClearButtonEnabled(True)
        self.message = QLabel(self)
        self.message.setObjectName("messageBar")
        self.message.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("bookingSummary")
        self.table = list_table(
            self,
            "bookingsTable",
            [
                self.tr("Number"),
                self.tr("Come at"),
                self.tr("Service"),
                self.tr("NIK"),
                self.tr("State"),
            ],
            stretch=2,
        )
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.check_in_edit, 1)
        row.addWidget(self.check_in_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Visitor with an online number at the door:"), self))
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.resize(900, 600)

        self.check_in_edit.returnPressed.connect(self.check_in)
        self.check_in_button.clicked.connect(self.check_in)
        self.search_edit.textChanged.connect(self._show)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self.check_in_edit.setFocus()
        self.refresh()

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.read(self.ctx.queue.bookings_of_day, self._loaded, name="bookings of the day")

    def _loaded(self, bookings: list[Booking] | None, error: BaseException | None) -> None:
        if error is not None:
            self._say("error", str(error))
            return
        self.bookings = list(bookings or [])
        self.loaded_once = True
        self._show()

    def _state_text(self, shown: bv.Shown) -> str:
        return {
            bv.Shown.BOOKED: self.tr("booked"),
            bv.Shown.LATE: self.tr("late"),
            bv.Shown.CHECKED_IN: self.tr("checked in"),
            bv.Shown.LAPSED: self.tr("lapsed"),
            bv.Shown.CANCELLED: self.tr("cancelled"),
        }[shown]

    def _show(self) -> None:
        now = self.ctx.queue.clock.now()
        config = self.ctx.queue.config
        rows = bv.booking_rows(self.bookings, config, now, self.search_edit.text())
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            state = self._state_text(r.shown)
            if r.ticket and r.ticket != r.code:
                state = f"{state} ({r.ticket})"
            for j, text in enumerate((r.code, r.window, r.service, r.nik, state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.shown.value)
                self.table.setItem(i, j, item)
        counts = bv.tally(self.bookings, config, now)
        self.summary.setText(
            self.tr(
                "{booked} booked · {checked_in} checked in · {late} late · {lapsed} lapsed · "
                "{cancelled} cancelled"
            ).format(**{shown.value: n for shown, n in counts.items()})
        )

    # --- check-in --------------------------------------------------------------------------

    def check_in(self) -> None:
        key = self.check_in_edit.text().strip()
        if not key or self.busy:
            return
        self.busy = True
        self.check_in_button.setEnabled(False)
        desk = self.ctx.desk()
        self.ctx.call(
            self.ctx.actions, lambda: desk.check_in(key), self._checked_in, name="check-in"
        )

    def _checked_in(
        self, result: tuple[Booking, Ticket] | None, error: BaseException | None
    ) -> None:
        self.busy = False
        self.check_in_button.setEnabled(True)
        self.check_in_edit.clear()  # the next visitor's scan
        self.check_in_edit.setFocus()
        if error is not None:
            if isinstance(error, Refused):
                self._say("error", error.message)
            else:
                self._say("error", self.tr("Not checked in: {reason}").format(reason=error))
            self.refresh()
            return
        assert result is not None
        booking, ticket = result
        if ticket.state == TicketState.OUTSIDE:
            text = self.tr("{code} checked in. The hall is full: the visitor waits outside.")
        else:
            text = self.tr("{code} checked in: the visitor may go in.")
        self._say("info", text.format(code=booking.code))
        self.refresh()

    def _say(self, level: str, text: str) -> None:
        self.message.setText(text)
        set_state(self.message, "level", level)
