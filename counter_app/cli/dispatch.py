"""The dispatch table: each command's name and the function that runs it.

A command that works on the queue reads the configuration (and ``--db``) first, so a
broken configuration is exit 2 before anything else; the windows, ``init-config`` and
``self-test`` read it themselves, or not at all.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from counter_app.core import config as config_mod
from counter_app.core.config import Config

from . import admin, bookings, printing, queue_commands, reports, self_test, web, windows
from .failures import CliError

Handler = Callable[[argparse.Namespace], int]


def _configured(handler: Callable[[argparse.Namespace, Config], int]) -> Handler:
    def run(args: argparse.Namespace) -> int:
        cfg, _path = config_mod.load(args.config, args.db)
        return handler(args, cfg)

    return run


#: in the order of `counter-app --help`
COMMANDS: dict[str, Handler] = {
    "desk": windows.open_window,
    "counter": windows.open_window,
    "display": windows.open_window,
    "issue": _configured(printing.issue),
    "call": _configured(queue_commands.call),
    "recall": _configured(queue_commands.recall),
    "done": _configured(queue_commands.done),
    "no-show": _configured(queue_commands.no_show),
    "call-ticket": _configured(queue_commands.call_ticket),
    "return": _configured(queue_commands.return_ticket),
    "transfer": _configured(queue_commands.transfer),
    "cancel": _configured(queue_commands.cancel),
    "status": _configured(queue_commands.status),
    "verify": _configured(queue_commands.verify),
    "report": _configured(reports.report),
    "bookings": _configured(bookings.bookings),
    "check-in": _configured(bookings.check_in),
    "reprint": _configured(printing.reprint),
    "print-test": _configured(printing.print_test),
    "printer-status": _configured(printing.printer_status),
    "init-config": admin.init_config,
    "db": _configured(admin.db),
    "admin-pin": admin.admin_pin,
    "web": _configured(web.web),
    "self-test": self_test.self_test,
}


def run(args: argparse.Namespace) -> int:
    """Run the parsed command (none: the desk)."""
    args.command = args.command or "desk"
    if args.db is not None:
        problem = config_mod.database_url_problem(args.db)
        if problem:
            raise CliError(f"--db: {problem}")
    handler = COMMANDS.get(args.command)
    if handler is None:
        raise CliError(f"unknown command {args.command!r}")
    return handler(args)
