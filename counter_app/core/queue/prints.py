"""The record of printed tickets: outcomes, reprints and prints that never came out."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from counter_app.core import texts
from counter_app.core.model import OPEN, EventKind, PrintStatus, Reason, Refused, Ticket
from counter_app.core.queue.day import DayAndHall
from counter_app.storage.schema import TicketRow

_UNCONFIRMED_PRINT = timedelta(minutes=1)  # far beyond any bounded print attempt


class Prints(DayAndHall):
    """How each ticket's paper went, and the ones still without it."""

    def record_print(
        self,
        ticket_id: int,
        status: PrintStatus,
        error: str | None = None,
        *,
        attempts: int = 1,
        reprint: bool = False,
    ) -> Ticket:
        """Store how printing a ticket went; a failed print stays listed until dealt with."""
        with self._write() as tx:
            row = tx.session.get(TicketRow, ticket_id)
            if row is None:
                raise Refused(
                    Reason.UNKNOWN_TICKET, texts.text(self.lang, "unknown_ticket", code=ticket_id)
                )
            row.print_status = status.value
            row.print_attempts += attempts
            row.print_error = error if status == PrintStatus.FAILED else None
            kind = {
                PrintStatus.PRINTED: EventKind.REPRINTED if reprint else EventKind.PRINTED,
                PrintStatus.FAILED: EventKind.PRINT_FAILED,
                PrintStatus.PENDING: EventKind.PRINT_PENDING,
                PrintStatus.OFF: EventKind.PRINT_OFF,
            }[status]
            self._event(tx, row, kind, row.state, detail=error)
            return self._ticket(tx.session, row, estimate=True)

    def prepare_reprint(self, code: str) -> Ticket:
        """A reprint is allowed while the visitor still holds a live number."""
        with self._read_sessions() as s:
            row = self._row_by_code(s, self.today(), code)
            if row.state not in OPEN:
                raise self._wrong_state(row, "reprint")
            return self._ticket(s, row, estimate=True)

    def failed_prints(self) -> list[Ticket]:
        """Live tickets without confirmed paper: failed prints, and prints still pending
        after a minute (the station died or lost the database before hearing back)."""
        now = self.clock.now()
        with self._read_sessions() as s:
            rows = s.scalars(
                select(TicketRow)
                .where(
                    TicketRow.day == self.local(now).date(),
                    TicketRow.state.in_(OPEN),
                    (TicketRow.print_status == PrintStatus.FAILED)
                    | (
                        (TicketRow.print_status == PrintStatus.PENDING)
                        & (TicketRow.issued_at < now - _UNCONFIRMED_PRINT)
                    ),
                )
                .order_by(TicketRow.id)
            ).all()
            return [self._ticket(s, r) for r in rows]
