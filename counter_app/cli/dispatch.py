"""The dispatch table: each command's name and the function that runs it.

A command that works on the queue reads the configuration (and ``--db``) first, so a
broken configuration is exit 2 before anything else; the windows, ``init-config`` and
``self-test`` read it themselves, or not at all.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from counter_app.core import config as config_mod

from .failures import CliError


@dataclass(frozen=True)
class Command:
    """The command ``name`` of ``counter_app.cli.<module>``, imported when it runs: a
    command loads what it needs and nothing else (`status` no printing stack, no web
    stack, no Qt), so a script's command starts fast. A ``configured`` one is given the
    configuration, read first."""

    module: str
    name: str
    configured: bool = True

    def target(self) -> Callable[..., int]:
        return cast(
            "Callable[..., int]",
            getattr(importlib.import_module(f"{__package__}.{self.module}"), self.name),
        )

    def __call__(self, args: argparse.Namespace) -> int:
        if not self.configured:
            return self.target()(args)
        cfg, _path = config_mod.load(args.config, args.db)
        return self.target()(args, cfg)


#: in the order of `counter-app --help`
COMMANDS: dict[str, Command] = {
    "desk": Command("windows", "open_window", configured=False),
    "counter": Command("windows", "open_window", configured=False),
    "display": Command("windows", "open_window", configured=False),
    "issue": Command("printing", "issue"),
    "call": Command("queue_commands", "call"),
    "recall": Command("queue_commands", "recall"),
    "done": Command("queue_commands", "done"),
    "no-show": Command("queue_commands", "no_show"),
    "call-ticket": Command("queue_commands", "call_ticket"),
    "return": Command("queue_commands", "return_ticket"),
    "transfer": Command("queue_commands", "transfer"),
    "cancel": Command("queue_commands", "cancel"),
    "status": Command("queue_commands", "status"),
    "verify": Command("queue_commands", "verify"),
    "report": Command("reports", "report"),
    "bookings": Command("bookings", "bookings"),
    "documents": Command("documents", "documents"),
    "check-in": Command("bookings", "check_in"),
    "reprint": Command("printing", "reprint"),
    "print-test": Command("printing", "print_test"),
    "printer-status": Command("printing", "printer_status"),
    "init-config": Command("admin", "init_config", configured=False),
    "db": Command("admin", "db"),
    "admin-pin": Command("admin", "admin_pin", configured=False),
    "web": Command("web", "web"),
    "self-test": Command("self_test", "self_test", configured=False),
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
