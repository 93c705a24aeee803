"""What a front-desk station does with the queue and its printer.

Issuing asks the printer first (a printer that is unreachable, offline, open or out of
paper refuses the issue, so no visitor is given a number they cannot hold), then
commits the ticket, then prints it. A print that fails after the commit leaves the
ticket issued and marked failed, for the staff to reprint or cancel: never lost.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from counter_app.core.config import Config
from counter_app.core.model import PrintStatus, Reason, Refused, Ticket
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
        self, prefix: str, *, group: int = 1, priority: bool = False, print_ticket: bool = True
    ) -> Ticket:
        with self._lock:
            self.queue.check_can_issue(prefix, group)  # cheap rules before asking the printer
            printing = print_ticket and self.printer.enabled
            if printing:
                state = self.printer.check()
                if not state.ok:
                    raise Refused(Reason.PRINTER, state.reason)
            ticket = self.queue.issue(prefix, group=group, priority=priority, printing=printing)
            return self._print(ticket, reprint=False) if printing else ticket

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


def run_print_command(
    args: argparse.Namespace,
    cfg: Config,
    make_queue: Callable[[Config], Queue],
    emit: Callable[[argparse.Namespace, dict[str, Any], str], None],
    describe: Callable[[Ticket, Config], str],
) -> int:
    """issue, reprint, print-test and printer-status for the command line (exit codes as cli)."""
    printer = TicketPrinter.from_config(cfg)
    if args.command == "printer-status":
        state = printer.check()
        emit(
            args,
            {"ok": state.ok, "level": state.level, "code": state.code, "reason": state.reason},
            f"{'OK' if state.ok else 'NOT READY'}  {state.reason}",
        )
        return 0 if state.ok else 3
    if args.command == "print-test":
        outcome = printer.test_ticket()
        emit(
            args,
            {
                "status": outcome.status.value,
                "error": outcome.error,
                "note": outcome.note,
                "attempts": outcome.attempts,
            },
            f"{outcome.status.value}  {outcome.error or outcome.note or ''}".rstrip(),
        )
        return 0 if outcome.ok else 3
    desk = Desk(make_queue(cfg), printer, background=False)
    if args.command == "reprint":
        ticket = desk.reprint(args.code)
    else:
        ticket = desk.issue(
            args.prefix, group=args.group, priority=args.priority, print_ticket=not args.no_print
        )
    emit(args, ticket.as_json(), describe(ticket, cfg))
    if ticket.print_status == PrintStatus.FAILED:
        # stored as failed and listed for reprint either way; an issued ticket keeps the
        # visitor's place (done), a reprint did not give them the paper (refused)
        error = " ".join((ticket.print_error or "").split())
        print(f"{ticket.code}: print failed: {error}", file=sys.stderr)
        return 3 if args.command == "reprint" else 0
    return 0
