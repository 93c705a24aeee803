"""The command line's grammar: every command, its arguments and its help, in one parser."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

# An argument longer than this is said back as its first ECHO_KEEP characters and its
# length: a 100 kB code is not worth 100 kB on stderr. Paths stay whole below it.
LONG_ARGUMENT, ECHO_KEEP = 256, 40


def long_arguments(argv: Sequence[str]) -> list[str]:
    values = [v for arg in argv for v in (arg, arg.partition("=")[2])]
    return sorted({v for v in values if len(v) > LONG_ARGUMENT}, key=len, reverse=True)


def cut_echoes(message: str, long_arguments: Sequence[str]) -> str:
    """``message`` with each over-long argument it says back cut short, quoted or not."""
    for value in long_arguments:
        length = f"… ({len(value)} characters)"
        message = message.replace(repr(value), repr(value[:ECHO_KEEP]) + length)
        message = message.replace(value, value[:ECHO_KEEP] + length)
    return message


class _Parser(argparse.ArgumentParser):
    """argparse, cutting the over-long arguments its error messages say back."""

    def __init__(self, *args: Any, long_arguments: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.long_arguments = long_arguments

    def error(self, message: str) -> NoReturn:
        super().error(cut_echoes(message, self.long_arguments))


_NUMBER_RE = re.compile(r"[0-9]{1,6}", re.ASCII)


def _number(text: str) -> int:
    """A counter number or group size in ASCII digits: int() would take "\u0661" for 1."""
    if not _NUMBER_RE.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"not a number: {text!r}")
    return int(text)


def _port(text: str) -> int:
    port = _number(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port: {text!r} (0-65535; 0 picks a free one)")
    return port


def build_parser(long_arguments: Sequence[str] = ()) -> argparse.ArgumentParser:
    p = _Parser(
        prog="counter-app",
        description="Counter-queue system: tickets, counters and a lobby display.",
        long_arguments=long_arguments,
    )
    p.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    p.add_argument(
        "--config", type=Path, help="configuration file (default: the user's config folder)"
    )
    p.add_argument("--db", metavar="URL", help="database URL, overriding the configuration")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def cmd(name: str, help_: str, *, json_out: bool = True) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_, long_arguments=long_arguments)
        if json_out:
            sp.add_argument("--json", action="store_true", help="print one JSON object")
        return sp

    cmd("desk", "open the front-desk window (the default)", json_out=False)
    sp = cmd("counter", "open the counter panel of counter N", json_out=False)
    sp.add_argument("number", type=_number)
    sp = cmd("display", "open the lobby display", json_out=False)
    sp.add_argument("--screen", type=_number, help="monitor index (default: [display] screen)")
    sp.add_argument("--windowed", action="store_true", help="a window instead of full screen")

    sp = cmd("issue", "issue a ticket for a service and print it")
    sp.add_argument("prefix", help="service prefix, e.g. A")
    sp.add_argument(
        "--group", type=_number, default=1, help="persons coming in on this ticket (1-4)"
    )
    sp.add_argument("--priority", action="store_true", help="elderly, disabled or pregnant visitor")
    sp.add_argument("--no-print", action="store_true", help="do not print the ticket")
    sp.add_argument(
        "--document",
        metavar="KEY",
        help="the ready document a pickup number comes for: registration number or NIK",
    )
    for name, help_ in (
        ("call", "call the next ticket to counter N (ends the current visit as done)"),
        ("recall", "call the counter's current ticket again"),
        ("done", "the counter's current visitor was served"),
        ("no-show", "the counter's current ticket did not come"),
    ):
        cmd(name, help_).add_argument("counter", type=_number)
    sp = cmd("call-ticket", "call a given ticket to counter N")
    sp.add_argument("counter", type=_number)
    sp.add_argument("code")
    cmd("return", "put a no-show back in line (late arrival)").add_argument("code")
    sp = cmd("transfer", "send a ticket to another service's line")
    sp.add_argument("code")
    sp.add_argument("prefix")
    cmd("cancel", "cancel a ticket").add_argument("code")
    cmd("status", "the hall, the lines and the counters")
    cmd("verify", "check a ticket's QR payload").add_argument("payload")
    sp = cmd("report", "the daily report: each service and counter, waits, the hall")
    sp.add_argument("--date", metavar="YYYY-MM-DD", help="the office day (default: today)")
    sp.add_argument("--csv", metavar="FILE", type=Path, help="also write the table as CSV")
    sp = cmd("bookings", "a day's numbers booked from home (NIK masked; whole in --csv)")
    sp.add_argument("--date", metavar="YYYY-MM-DD", help="the office day (default: today)")
    sp.add_argument("--csv", metavar="FILE", type=Path, help="also write them as CSV, NIK whole")
    sp = cmd("documents", "the ready list of finished documents", json_out=False)
    actions = sp.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        ap = actions.add_parser(name, help=help_, description=help_)
        ap.add_argument("--json", action="store_true", help="print one JSON object")
        return ap

    ap = action("import", "add the registry's export of finished documents (CSV, [documents])")
    ap.add_argument("file", type=Path)
    ap = action("list", "the ready list, oldest first (NIK masked)")
    ap.add_argument("--kind", help="one document kind, e.g. KK")
    ap.add_argument("--state", choices=["ready", "handed"])
    ap = action("ready", "mark one document ready")
    ap.add_argument("number", help="its registration number")
    ap.add_argument("--kind", required=True, help="its kind, one of [documents] kinds")
    ap.add_argument("--nik", help="the NIK it is for, if known")
    ap.add_argument("--date", metavar="YYYY-MM-DD", help="finished on (default: today)")
    ap = action("handed", "mark a document handed over, by its registration number")
    ap.add_argument("number")
    sp = cmd("check-in", "check a booked visitor in: a ticket of the booking's code")
    sp.add_argument("key", help="the booking's code (AD-005), its link or QR, or the NIK")
    cmd("reprint", "print a ticket again, marked REPRINT").add_argument("code")
    cmd("print-test", "print a sample ticket")
    cmd("printer-status", "ask the printer whether it can print")
    sp = cmd(
        "init-config", "write a commented sample configuration with a fresh secret", json_out=False
    )
    sp.add_argument("path", nargs="?", type=Path)
    sp.add_argument("--force", action="store_true", help="overwrite an existing file")
    sp = cmd("db", "database maintenance", json_out=False)
    sp.add_argument("action", choices=["upgrade", "version", "purge"])
    sp.add_argument(
        "--keep-days",
        type=_number,
        help="purge: keep this many days of tickets (default: [retention] days)",
    )
    sp = cmd(
        "admin-pin",
        "set the PIN of the settings dialog: the current one first, then the new one twice "
        "(or one line each on standard input: current, new)",
        json_out=False,
    )
    sp.add_argument(
        "--reset",
        action="store_true",
        help="replace a forgotten PIN without the current one: only for someone who can "
        "write the configuration file (said on stderr)",
    )
    sp = cmd(
        "web",
        "serve the visitors' phone pages (read-only): the live board at /, each ticket's "
        "place at /t/PAYLOAD (the ticket's QR opens it when [web] public_url is set)",
        json_out=False,
    )
    sp.add_argument("--host", help="address to listen on (default: [web] host)")
    sp.add_argument("--port", type=_port, help="port to listen on (default: [web] port)")
    sp.add_argument(
        "--stop-when-stdin-closes",
        action="store_true",
        help="stop when standard input closes (the desk starts its server so)",
    )
    cmd(
        "self-test",
        "check this PC and this installation: a temporary database, a ticket, its print, "
        "the windows (offscreen), translations, sound, the configured database and printer",
    )
    return p


class _Version(argparse.Action):
    """argparse's "version", with the version looked up only when it is asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any) -> NoReturn:
        from counter_app import __version__

        print(f"counter-app {__version__}")  # on standard output, as argparse's own
        parser.exit()
