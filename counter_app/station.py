"""What a front-desk station does with the queue and its printer.

Issuing asks the printer first (a printer that is unreachable, offline, open or out of
paper refuses the issue, so no visitor is given a number they cannot hold), then
commits the ticket, then prints it. A print that fails after the commit leaves the
ticket issued and marked failed, for the staff to reprint or cancel: never lost.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from counter_app.core.config import Config
from counter_app.core.model import Booking, PrintStatus, Reason, Refused, Ticket
from counter_app.core.queue import Queue
from counter_app.printing.job import PrinterState, PrintJob, PrintOutcome
from counter_app.printing.printer import TicketPrinter
from counter_app.printing.spooler import Spooler

log = logging.getLogger(__name__)
PrintListener = Callable[[Ticket, PrintOutcome | None], None]


class Desk:
    """Issue-and-print for one station.

    With `background=True` (the windows) prints go through a spooler thread and
    `on_print` is called from that thread with the stored ticket; the caller
    marshals it to its own thread. With `background=False` (the command line)
    `issue` returns after the print, with its outcome stored.
    """

    def __init__(
        self,
        queue: Queue,
        printer: TicketPrinter,
        *,
        background: bool = True,
        on_print: PrintListener | None = None,
    ) -> None:
        self.queue = queue
        self.printer = printer
        printer.now = queue.clock.now  # preview files named by the queue's day and time
        self.on_print = on_print
        self._spooler: Spooler | None = (
            printer.spooler(on_result=self._spooled) if background and printer.enabled else None
        )
        self._lock = threading.Lock()  # one issue at a time from this station

    @classmethod
    def from_config(cls, queue: Queue, config: Config, **kw: Any) -> Desk:
        return cls(queue, TicketPrinter.from_config(config), **kw)

    @property
    def printing(self) -> bool:
        return self.printer.enabled

    def printer_state(self) -> PrinterState:
        return self.printer.check()

    def issue(
        self,
        prefix: str,
        *,
        group: int = 1,
        priority: bool = False,
        print_ticket: bool = True,
        document: str | None = None,
    ) -> Ticket:
        """A walk-in's ticket, printed; ``document`` names the ready document a pickup
        service's number comes for (registration number or NIK)."""
        with self._lock:
            self.queue.check_can_issue(prefix, group)  # cheap rules before asking the printer
            printing = print_ticket and self.printer.enabled
            if printing:
                state = self.printer.check()
                if not state.ok:
                    raise Refused(Reason.PRINTER, state.reason)
            ticket = self.queue.issue(
                prefix, group=group, priority=priority, printing=printing, document=document
            )
            return self._print(ticket, reprint=False) if printing else ticket

    def check_in(self, key: str) -> tuple[Booking, Ticket]:
        """A booked visitor at the door (the booking's QR, code or NIK): its ticket, printed
        when ``[booking] print_at_check_in`` (a print that fails leaves it checked in, the
        print marked failed for a reprint: the visitor has the phone page meanwhile)."""
        with self._lock:
            printing = self.queue.config.booking.print_at_check_in and self.printer.enabled
            booking, ticket = self.queue.check_in(key, printing=printing)
            return booking, (self._print(ticket, reprint=False) if printing else ticket)

    def reprint(self, code: str) -> Ticket:
        ticket = self.queue.prepare_reprint(code)
        if not self.printer.enabled:
            raise Refused(Reason.PRINTER, self.printer.check().reason)
        return self._print(ticket, reprint=True)

    def print_test(self) -> PrintOutcome:
        return self.printer.test_ticket()

    def close(self) -> None:
        if self._spooler is not None:
            self._spooler.stop()

    # --- printing -------------------------------------------------------------------------

    def _print(self, ticket: Ticket, *, reprint: bool) -> Ticket:
        try:
            name = self.queue.config.service_name(ticket.prefix)
            job = self.printer.build(ticket, name, reprint=reprint)
        except Exception as exc:  # the ticket is committed: record why it has no paper
            log.exception("building the print job of %s failed", ticket.code)
            return self._store(
                ticket.id, PrintStatus.FAILED, f"{type(exc).__name__}: {exc}", 0, reprint
            )
        if self._spooler is not None:
            self._spooler.submit(job)
            return ticket
        return self._record(self.printer.print(job))

    def _spooled(
        self, job: PrintJob, status: PrintStatus, error: str | None, attempts: int
    ) -> None:
        if job.ticket_id is None:
            return
        try:
            ticket = self._store(job.ticket_id, status, error, attempts, job.reprint)
        except Exception:  # the database is away; the ticket stays "pending" and listed
            log.exception("storing the print outcome of %s failed", job.code)
            return
        if self.on_print is not None:
            self.on_print(ticket, None)

    def _record(self, outcome: PrintOutcome) -> Ticket:
        assert outcome.job.ticket_id is not None
        return self._store(
            outcome.job.ticket_id,
            outcome.status,
            outcome.error,
            outcome.attempts,
            outcome.job.reprint,
        )

    def _store(
        self, ticket_id: int, status: PrintStatus, error: str | None, attempts: int, reprint: bool
    ) -> Ticket:
        return self.queue.record_print(ticket_id, status, error, attempts=attempts, reprint=reprint)
