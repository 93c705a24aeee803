"""The counters' and the desk's queue commands: call, recall, done, no-show, call-ticket,
return, transfer, cancel; and the reads: status, verify."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from counter_app.core.config import Config
from counter_app.core.model import Ticket
from counter_app.core.queue import Queue, malformed_payload, open_queue, require_code

from .describe import describe_status, describe_ticket, describe_verification
from .failures import EXIT_OK, EXIT_REFUSED
from .output import emit


def _ticket_command(args: argparse.Namespace, cfg: Config, op: Callable[[Queue], Ticket]) -> int:
    ticket = op(open_queue(cfg))
    emit(args, ticket.as_json(), describe_ticket(ticket, cfg))
    return EXIT_OK


def _given_code(args: argparse.Namespace, cfg: Config) -> str:
    """The command's ticket code, checked before the database is opened ("A-\u0661" is refused)."""
    require_code(args.code, cfg.office.language)
    return str(args.code)


def call(args: argparse.Namespace, cfg: Config) -> int:
    return _ticket_command(args, cfg, lambda q: q.call_next(args.counter))


def recall(args: argparse.Namespace, cfg: Config) -> int:
    return _ticket_command(args, cfg, lambda q: q.recall(args.counter))


def done(args: argparse.Namespace, cfg: Config) -> int:
    return _ticket_command(args, cfg, lambda q: q.done(args.counter))


def no_show(args: argparse.Namespace, cfg: Config) -> int:
    return _ticket_command(args, cfg, lambda q: q.no_show(args.counter))


def call_ticket(args: argparse.Namespace, cfg: Config) -> int:
    code = _given_code(args, cfg)
    return _ticket_command(args, cfg, lambda q: q.call_ticket(args.counter, code))


def return_ticket(args: argparse.Namespace, cfg: Config) -> int:
    code = _given_code(args, cfg)
    return _ticket_command(args, cfg, lambda q: q.return_ticket(code))


def transfer(args: argparse.Namespace, cfg: Config) -> int:
    code = _given_code(args, cfg)
    return _ticket_command(args, cfg, lambda q: q.transfer(code, args.prefix))


def cancel(args: argparse.Namespace, cfg: Config) -> int:
    code = _given_code(args, cfg)
    return _ticket_command(args, cfg, lambda q: q.cancel(code))


def status(args: argparse.Namespace, cfg: Config) -> int:
    st = open_queue(cfg).status()
    emit(args, st.as_json(), describe_status(st, cfg.office.language))
    return EXIT_OK


def verify(args: argparse.Namespace, cfg: Config) -> int:
    """A payload that cannot be one of ours is refused before the database is opened."""
    malformed = malformed_payload(args.payload, cfg.office.language)
    if malformed is not None:
        emit(args, malformed.as_json(), describe_verification(malformed, cfg.office.language))
        return EXIT_REFUSED
    v = open_queue(cfg).verify(args.payload)
    emit(args, v.as_json(), describe_verification(v, cfg.office.language))
    return EXIT_OK if v.ok else EXIT_REFUSED
