"""Counters at work: calling tickets and ending visits."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, select

from counter_app.core import texts
from counter_app.core.config import CounterSettings
from counter_app.core.model import OPEN, EventKind, Reason, Refused, Ticket, TicketState
from counter_app.core.queue.base import Transaction
from counter_app.core.queue.documents import Documents
from counter_app.storage.schema import TicketRow


class Calling(Documents):
    """What a counter does with tickets: call, recall, end the visit, put a no-show back
    in line, send to another service, cancel."""

    def _finish_current(self, tx: Transaction, counter: CounterSettings) -> None:
        current = self._current(tx.session, tx.today, counter.number)
        if current is not None:  # "Next" ends the visit at the counter as served
            self._move(tx, current, TicketState.DONE, EventKind.DONE)
            self._hand_over_on(tx, current)

    def _call(
        self, tx: Transaction, row: TicketRow, counter: CounterSettings, kind: EventKind
    ) -> Ticket:
        row.counter = counter.number
        row.called_at = tx.now
        row.recalls = 0
        self._move(tx, row, TicketState.CALLED, kind, counter=counter.number)
        return self._ticket(tx.session, row)

    def _line_head(self, day: date, service: str) -> Select[TicketRow]:
        return (
            select(TicketRow)
            .where(
                TicketRow.day == day,
                TicketRow.service == service,
                TicketRow.state == TicketState.WAITING,
            )
            .order_by(TicketRow.priority.desc(), TicketRow.queue_seq)
            .limit(1)
        )

    def call_next(self, counter_number: int) -> Ticket:
        counter = self._counter(counter_number)
        with self._write() as tx:
            self._finish_current(tx, counter)
            for prefix in counter.services:
                row = tx.session.scalars(self._line_head(tx.today, prefix)).first()
                if row is not None:
                    return self._call(tx, row, counter, EventKind.CALLED)
        # committed: the visitor at the counter is done even when nobody else waits
        raise Refused(
            Reason.NOTHING_TO_CALL, texts.text(self.lang, "nothing_to_call", counter=counter.label)
        )

    def call_ticket(self, counter_number: int, code: str) -> Ticket:
        counter = self._counter(counter_number)
        with self._write() as tx:
            row = self._row_by_code(tx.session, tx.today, code)
            if row.state != TicketState.WAITING:
                raise self._wrong_state(row, "call")
            self._finish_current(tx, counter)
            return self._call(tx, row, counter, EventKind.CALLED)

    def recall(self, counter_number: int) -> Ticket:
        counter = self._counter(counter_number)
        with self._write() as tx:
            row = self._require_current(tx, counter)
            row.recalls += 1
            self._event(tx, row, EventKind.RECALLED, row.state, detail=f"recall={row.recalls}")
            return self._ticket(tx.session, row)

    def done(self, counter_number: int) -> Ticket:
        return self._end_visit(counter_number, TicketState.DONE, EventKind.DONE)

    def no_show(self, counter_number: int) -> Ticket:
        return self._end_visit(counter_number, TicketState.NO_SHOW, EventKind.NO_SHOW)

    def _end_visit(self, counter_number: int, state: TicketState, kind: EventKind) -> Ticket:
        counter = self._counter(counter_number)
        with self._write() as tx:
            row = self._require_current(tx, counter)
            self._move(tx, row, state, kind)
            if state == TicketState.DONE:  # served: the document it came for is handed over
                self._hand_over_on(tx, row)
            return self._ticket(tx.session, row)

    def return_ticket(self, code: str) -> Ticket:
        """A no-show who arrived late goes back to the end of the line."""
        with self._write() as tx:
            row = self._row_by_code(tx.session, tx.today, code)
            if row.state != TicketState.NO_SHOW:
                raise self._wrong_state(row, "return")
            fits = self._admit(tx, row.group_size)
            row.counter = None
            row.finished_at = None
            row.called_at = None
            row.queue_seq = self._next_seq(tx)
            row.admitted_at = tx.now if fits else None
            self._move(
                tx, row, TicketState.WAITING if fits else TicketState.OUTSIDE, EventKind.RETURNED
            )
            return self._ticket(tx.session, row, estimate=True)

    def no_shows(self, limit: int = 50) -> list[Ticket]:
        """Today's no-shows, latest first: the ones a counter may put back in line."""
        with self._read_sessions() as s:
            rows = s.scalars(
                select(TicketRow)
                .where(TicketRow.day == self.today(), TicketRow.state == TicketState.NO_SHOW)
                .order_by(TicketRow.finished_at.desc(), TicketRow.id.desc())
                .limit(limit)
            ).all()
            return [self._ticket(s, r) for r in rows]

    def transfer(self, code: str, prefix: str) -> Ticket:
        """Send a called (or waiting) ticket to another service's line, keeping its place."""
        target = self._service(prefix)
        if target.suspended:
            raise Refused(
                Reason.SUSPENDED,
                texts.suspended(self.lang, target.name, target.suspended),
            )
        with self._write() as tx:
            row = self._row_by_code(tx.session, tx.today, code)
            if row.state not in (TicketState.CALLED, TicketState.WAITING):
                raise self._wrong_state(row, "transfer")
            source = row.service
            from_counter = row.counter
            row.service = target.prefix
            row.counter = None
            row.called_at = None
            self._move(
                tx,
                row,
                TicketState.WAITING,
                EventKind.TRANSFERRED,
                counter=from_counter,
                detail=f"{source}->{target.prefix}",
            )
            return self._ticket(tx.session, row, estimate=True)

    def cancel(self, code: str) -> Ticket:
        with self._write() as tx:
            row = self._row_by_code(tx.session, tx.today, code)
            if row.state not in (*OPEN, TicketState.NO_SHOW):
                raise self._wrong_state(row, "cancel")
            self._move(tx, row, TicketState.CANCELLED, EventKind.CANCELLED)
            return self._ticket(tx.session, row)
