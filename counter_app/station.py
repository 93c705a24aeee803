"""What one station does with the queue and its devices: issue-and-print, reprint."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from counter_app.core.config import Config
from counter_app.core.model import Ticket
from counter_app.core.queue import Queue


def run_print_command(
    args: argparse.Namespace,
    cfg: Config,
    make_queue: Callable[[Config], Queue],
    emit: Callable[[argparse.Namespace, dict[str, Any], str], None],
    describe: Callable[[Ticket, Config], str],
) -> int:
    queue = make_queue(cfg)
    ticket = queue.issue(args.prefix, group=args.group, priority=args.priority, printing=False)
    emit(args, ticket.as_json(), describe(ticket, cfg))
    return 0
