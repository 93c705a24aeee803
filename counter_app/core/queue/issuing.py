"""Issuing tickets: service, opening hours, group size, daily quota and the hall."""

from __future__ import annotations

from counter_app.core import texts
from counter_app.core.config import MAX_GROUP
from counter_app.core.model import EventKind, PrintStatus, Reason, Refused, Ticket, TicketState
from counter_app.core.queue.base import Transaction
from counter_app.core.queue.documents import Documents
from counter_app.storage.schema import ServiceDay, TicketRow


class Issuing(Documents):
    """New tickets: the checks that need no lock, the daily quota, the hall's rule."""

    def check_can_issue(self, prefix: str, group: int = 1) -> None:
        """The rules that need no lock: service known, open, not suspended, sane group;
        by the shared rules in force now, not only this station's file."""
        self.follow_shared_rules()
        self._check_can_issue(prefix, group)

    def _check_can_issue(self, prefix: str, group: int) -> None:
        svc = self._service(prefix)
        if svc.suspended:
            raise Refused(
                Reason.SUSPENDED,
                texts.suspended(self.lang, svc.name, svc.suspended),
            )
        if not self.is_open():
            raise Refused(
                Reason.CLOSED,
                texts.text(self.lang, "closed", hours=self.config.office.opening_hours),
            )
        if not 1 <= group <= MAX_GROUP:
            raise Refused(Reason.BAD_GROUP, texts.text(self.lang, "bad_group", max=MAX_GROUP))

    def issue(
        self,
        prefix: str,
        *,
        group: int = 1,
        priority: bool = False,
        printing: bool = True,
        document: str | None = None,
    ) -> Ticket:
        """A walk-in's ticket; for a service that needs a ready document, ``document``
        names it (registration number or NIK) and the ticket carries it."""
        with self._write() as tx:  # which follows the shared rules before checking them
            self._check_can_issue(prefix, group)
            svc = self._service(prefix)
            s = tx.session
            doc = self._document_for(s, svc.prefix, document, today=tx.today)
            numbering = s.get(ServiceDay, (tx.today, svc.prefix))
            if numbering is None:
                numbering = ServiceDay(day=tx.today, prefix=svc.prefix, last_number=0)
                s.add(numbering)
            walk_in = self.config.walk_in_quota(svc)  # the rest is booked online
            if numbering.last_number >= walk_in:
                raise Refused(
                    Reason.QUOTA_REACHED,
                    texts.text(self.lang, "quota_reached", service=svc.name, quota=walk_in),
                )
            fits = self._admit(tx, group)
            numbering.last_number += 1
            row = self._new_ticket_row(
                tx,
                svc.prefix,
                numbering.last_number,
                svc.prefix,
                group=group,
                priority=priority,
                fits=fits,
                seq=self._next_seq(tx),
                printing=printing,
            )
            row.document_id = doc.id if doc is not None else None
            s.add(row)
            s.flush()
            self._event(
                tx, row, EventKind.ISSUED, None, detail=f"group={group} priority={int(priority)}"
            )
            return self._ticket(s, row, estimate=True)

    def _new_ticket_row(
        self,
        tx: Transaction,
        prefix: str,
        number: int,
        service: str,
        *,
        group: int,
        priority: bool,
        fits: bool,
        seq: int,
        printing: bool,
    ) -> TicketRow:
        """A new ticket, issued now: in the hall's line (``fits``) or outside. One shape
        for the desk's walk-ins and the booked visitors checked in at the door."""
        return TicketRow(
            day=tx.today,
            prefix=prefix,
            number=number,
            service=service,
            state=(TicketState.WAITING if fits else TicketState.OUTSIDE).value,
            group_size=group,
            priority=priority,
            queue_seq=seq,
            recalls=0,
            issued_at=tx.now,
            admitted_at=tx.now if fits else None,
            print_status=(PrintStatus.PENDING if printing else PrintStatus.OFF).value,
            print_attempts=0,
            station=self.config.office.station,
        )
