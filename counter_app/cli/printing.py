"""issue, reprint, print-test and printer-status: the station's printer from a script.

The printing stack is imported only for these commands. A ticket whose print failed is
stored as failed and listed for reprint either way: an issued ticket keeps the visitor's
place (exit 0, the failure said on stderr), a reprint did not give them the paper (exit 3).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from counter_app.core.config import Config
from counter_app.core.model import PrintStatus, Ticket
from counter_app.core.queue import open_queue, require_code

from .describe import describe_ticket
from .failures import EXIT_OK, EXIT_REFUSED
from .output import emit, tell

if TYPE_CHECKING:
    from counter_app.printing.printer import TicketPrinter
    from counter_app.station import Desk


def _printer(cfg: Config) -> TicketPrinter:
    from counter_app.printing.printer import TicketPrinter  # the printing stack only now

    return TicketPrinter.from_config(cfg)


def printer_status(args: argparse.Namespace, cfg: Config) -> int:
    state = _printer(cfg).check()
    emit(
        args,
        {"ok": state.ok, "level": state.level, "code": state.code, "reason": state.reason},
        f"{'OK' if state.ok else 'NOT READY'}  {state.reason}",
    )
    return EXIT_OK if state.ok else EXIT_REFUSED


def print_test(args: argparse.Namespace, cfg: Config) -> int:
    outcome = _printer(cfg).test_ticket()
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
    return EXIT_OK if outcome.ok else EXIT_REFUSED


def issue(args: argparse.Namespace, cfg: Config) -> int:
    if args.no_print:  # the queue alone: no printer asked, the printing stack not loaded
        ticket = open_queue(cfg).issue(
            args.prefix,
            group=args.group,
            priority=args.priority,
            printing=False,
            document=args.document,
        )
        emit(args, ticket.as_json(), describe_ticket(ticket, cfg))
        return EXIT_OK

    def op(desk: Desk) -> Ticket:
        return desk.issue(
            args.prefix,
            group=args.group,
            priority=args.priority,
            print_ticket=True,
            document=args.document,
        )

    return _print_ticket(args, cfg, op, failed_print=EXIT_OK)


def reprint(args: argparse.Namespace, cfg: Config) -> int:
    require_code(args.code, cfg.office.language)  # "A-\u0661" is refused before the database
    return _print_ticket(args, cfg, lambda desk: desk.reprint(args.code), failed_print=EXIT_REFUSED)


def _print_ticket(
    args: argparse.Namespace, cfg: Config, op: Callable[[Desk], Ticket], *, failed_print: int
) -> int:
    from counter_app.station import Desk

    printer = _printer(cfg)
    ticket = op(Desk(open_queue(cfg), printer, background=False))
    emit(args, ticket.as_json(), describe_ticket(ticket, cfg))
    if ticket.print_status == PrintStatus.FAILED:
        error = " ".join((ticket.print_error or "").split())
        tell(f"{ticket.code}: print failed: {error}")
        return failed_print
    return EXIT_OK
