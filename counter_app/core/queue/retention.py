"""The event log kept for audits and reports, and how old days leave the database
with their reports kept."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, func, select

from counter_app.core.model import LoggedEvent, Purge
from counter_app.core.queue.codes import format_code
from counter_app.core.queue.day import DayAndHall
from counter_app.storage.schema import (
    BookingRow,
    DailyReportRow,
    DocumentRow,
    EventRow,
    PurgeRow,
    ServiceDay,
    TicketRow,
)


class Retention(DayAndHall):
    """The event log as the audit and the report read it, and its purge."""

    def events(
        self, day: date | None = None
    ) -> Sequence[tuple[str, str, str | None, str | None, int | None]]:
        """(code, kind, from, to, counter) of a day, in order: for audits and tests."""
        with self._read_sessions() as s:
            rows = s.execute(
                select(
                    TicketRow.prefix,
                    TicketRow.number,
                    EventRow.kind,
                    EventRow.from_state,
                    EventRow.to_state,
                    EventRow.counter,
                )
                .join(TicketRow, TicketRow.id == EventRow.ticket_id)
                .where(EventRow.day == (day or self.today()))
                .order_by(EventRow.id)
            )
            return [(format_code(p, n), k, f, t, c) for p, n, k, f, t, c in rows]

    def day_log(self, day: date) -> list[LoggedEvent]:
        """Every event of an office day in order, with its ticket's prefix and group: what
        the daily report is computed from."""
        with self._read_sessions() as s:
            rows = s.execute(
                select(
                    EventRow.id,
                    EventRow.ticket_id,
                    TicketRow.prefix,
                    TicketRow.group_size,
                    EventRow.kind,
                    EventRow.from_state,
                    EventRow.to_state,
                    EventRow.counter,
                    EventRow.at,
                    EventRow.detail,
                )
                .join(TicketRow, TicketRow.id == EventRow.ticket_id)
                .where(EventRow.day == day)
                .order_by(EventRow.id)
            )
            return [
                LoggedEvent(int(i), int(t), p, int(g), k, f, to, c, at, d)
                for i, t, p, g, k, f, to, c, at, d in rows
            ]

    def stored_report(self, day: date) -> str | None:
        """The report kept for a purged day (JSON text), if any."""
        with self._read_sessions() as s:
            return s.scalar(select(DailyReportRow.body).where(DailyReportRow.day == day))

    def logged_days(self, before: date) -> list[date]:
        """Days before ``before`` that still have events."""
        with self._read_sessions() as s:
            return list(
                s.scalars(
                    select(EventRow.day)
                    .where(EventRow.day < before)
                    .distinct()
                    .order_by(EventRow.day)
                )
            )

    def purge(self, reports: dict[date, str], before: date) -> Purge:
        """Delete tickets and events of days before ``before``, keeping each day's report.

        ``reports`` holds the report (JSON text) of each day that will lose its tickets;
        they are stored in the same transaction, so no day loses both. The purge is
        recorded first: the database only lets events of days before a recorded purge go.
        """
        if before > self.today():
            raise ValueError("a purge never reaches today")
        with self._write() as tx:
            s = tx.session
            for day, body in reports.items():
                row = s.get(DailyReportRow, day)
                if row is None:
                    s.add(DailyReportRow(day=day, made_at=tx.now, body=body))
                else:
                    row.body, row.made_at = body, tx.now
            record = PurgeRow(
                at=tx.now,
                before_day=before,
                tickets=0,
                events=0,
                station=self.config.office.station,
            )
            s.add(record)
            s.flush()
            old_events, old_tickets = EventRow.day < before, TicketRow.day < before
            events = int(s.scalar(select(func.count()).where(old_events)) or 0)
            tickets = int(s.scalar(select(func.count()).where(old_tickets)) or 0)
            # the bookings first: they name their tickets, and hold the visitors' NIKs
            s.execute(delete(BookingRow).where(BookingRow.day < before))
            # handed over documents go with the day's tickets, NIK and all (the report
            # keeps their count); those still waiting to be collected stay
            s.execute(delete(DocumentRow).where(DocumentRow.handed_day < before))
            s.execute(delete(EventRow).where(old_events))
            s.execute(delete(TicketRow).where(old_tickets))
            s.execute(delete(ServiceDay).where(ServiceDay.day < before))
            record.tickets, record.events = tickets, events
            return Purge(before, len(reports), record.tickets, record.events)
