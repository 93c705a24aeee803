"""The `counter-app` command: windows by default, headless queue commands for scripts.

Exit codes: 0 done; 3 refused by a queue rule (reason on stderr); 2 bad usage,
configuration or database, or output that could not be written; 1 unexpected error
(logged with its traceback), or a failed `self-test` check (named on stderr).
Every failure is one line on stderr (a configuration error: one line a problem);
`exit_status` is the one place that decides which. A command that changed the queue
keeps its exit code when its output is lost, and says so in one line: a script that
retried it would issue a second ticket.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO, cast

from counter_app import __version__
from counter_app.core import config as config_mod
from counter_app.core import texts
from counter_app.core.config import Config, ConfigError
from counter_app.core.model import Refused, Status, Ticket, Verification
from counter_app.core.queue import Queue, malformed_payload, open_queue, require_code
from counter_app.core.report import (
    CSV_COLUMNS,
    FIRST_DAY,
    LAST_DAY,
    DayReport,
    daily_report,
    purge_old,
    save_csv,
)
from counter_app.gui import logs  # Qt-free; the windows' log, and this command's
from counter_app.storage.db import failure_reason, open_database

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 128 + 13  # what a tool killed by SIGPIPE reports
log = logging.getLogger("counter_app")


class CliError(Exception):
    """Bad usage found after parsing; exit 2."""


class OutputLost(Exception):
    """The command ran, but its standard output could not be written: a full disk, a
    closed pipe, an I/O error. ``done`` says what it changed, if anything; ``status`` is
    the exit code it had."""

    def __init__(self, error: OSError, done: str | None, status: int) -> None:
        super().__init__(error.strerror or str(error))
        self.error, self.done, self.status = error, done, status


# An argument longer than this is said back as its first ECHO_KEEP characters and its
# length: a 100 kB code is not worth 100 kB on stderr. Paths stay whole below it.
LONG_ARGUMENT, ECHO_KEEP = 256, 40


def _long_arguments(argv: Sequence[str]) -> list[str]:
    values = [v for arg in argv for v in (arg, arg.partition("=")[2])]
    return sorted({v for v in values if len(v) > LONG_ARGUMENT}, key=len, reverse=True)


def _cut_echoes(message: str, long_arguments: Sequence[str]) -> str:
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
        super().error(_cut_echoes(message, self.long_arguments))


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


def _parser(long_arguments: Sequence[str] = ()) -> argparse.ArgumentParser:
    p = _Parser(
        prog="counter-app",
        description="Counter-queue system: tickets, counters and a lobby display.",
        long_arguments=long_arguments,
    )
    p.add_argument("--version", action="version", version=f"counter-app {__version__}")
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


# --- output -------------------------------------------------------------------------------


def _write(stream: TextIO | None, text: str) -> OSError | None:
    """Write and flush at once, so that a full disk or a closed pipe is known while the
    command still runs. On failure the descriptor is pointed at the null device: the
    interpreter flushes the stream again at exit, and that flush must not fail too
    (exit 120, "Exception ignored")."""
    if stream is None:  # a windowed build has no console
        return None
    try:
        stream.write(text)
        stream.flush()
    except OSError as exc:
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, stream.fileno())
            finally:
                os.close(devnull)
        return exc
    return None


class _Output:
    """A command's standard output, standing in for sys.stdout while it runs, so that
    every line goes through it, a handler's own print() included. The first failure
    (ENOSPC, EPIPE, EIO) is kept, not raised, and the rest of the output dropped;
    `done` is what a command that changes something did, set before it says so."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.lost: OSError | None = None
        self.done: str | None = None

    def say(self, text: str) -> None:
        self.write(text + "\n")

    def write(self, text: str) -> int:
        if self.lost is None:
            self.lost = _write(self.stream, text)
        return len(text)

    def flush(self) -> None:
        self.write("")

    def __getattr__(self, name: str) -> Any:  # encoding, fileno, isatty ... of the stream
        return getattr(self.stream, name)


def _tell(message: str) -> None:
    """One line on stderr; a stderr that cannot be written is no reason to fail."""
    _write(sys.stderr, message + "\n")


# What each command that changes the queue did, for the line that says so when its
# output is lost: the change stands, and a script that retried would make a second one.
_DONE = {
    "issue": "{code} issued",
    "call": "{code} called",
    "recall": "{code} called again",
    "done": "{code} done",
    "no-show": "{code} marked no-show",
    "call-ticket": "{code} called",
    "return": "{code} back in line",
    "transfer": "{code} transferred",
    "cancel": "{code} cancelled",
    "reprint": "{code} sent to the printer again",
    "print-test": "the test ticket sent to the printer",
}


def _emit(args: argparse.Namespace, obj: dict[str, Any], human: str) -> None:
    output: _Output = args.output
    done = _DONE.get(args.command)
    if done is not None:
        output.done = done.format(code=obj.get("code", "?"))
    output.say(json.dumps(obj, ensure_ascii=False) if getattr(args, "json", False) else human)


def describe_ticket(t: Ticket, cfg: Config) -> str:
    lang = cfg.office.language
    svc = cfg.service(t.service)
    lines = [
        f"{t.code}  {svc.name if svc else t.service}",
        f"  {texts.state_word(lang, t.state)}"
        + (f" -> {'loket' if lang == 'id' else 'counter'} {t.counter}" if t.counter else ""),
        f"  {t.issued_at:%Y-%m-%d %H:%M} ({cfg.office.timezone})",
    ]
    if t.group > 1:
        lines.append(f"  {t.group} {'orang' if lang == 'id' else 'persons'}")
    if t.priority:
        lines.append("  PRIORITAS" if lang == "id" else "  PRIORITY")
    if t.state in ("waiting", "outside"):
        ahead = "di depan" if lang == "id" else "ahead"
        lines.append(f"  {t.ahead} {ahead}, ± {t.estimated_minutes} min")
    lines.append(f"  QR {t.qr}")
    lines.append(f"  print: {t.print_status}" + (f" ({t.print_error})" if t.print_error else ""))
    return "\n".join(lines)


def describe_status(st: Status) -> str:
    mode = (
        "" if st.when_full == "refuse" else f", {st.outside} outside ({st.outside_persons} persons)"
    )
    lines = [
        f"{st.day}  hall {st.occupancy}/{st.limit}{mode}" + ("" if st.open_now else "  [closed]")
    ]
    for s in st.services:
        notice = f"  [{s.suspended}]" if s.suspended else ""
        lines.append(
            f"  {s.prefix} {s.name}: waiting {s.waiting}, outside {s.outside}, "
            f"issued {s.issued}/{s.quota}, left {s.quota_left}{notice}"
        )
    for c in st.counters:
        current = c.current.code if c.current else "-"
        lines.append(
            f"  {c.name}: {current}  (served {c.served_today}, no-show {c.no_shows_today})"
        )
    return "\n".join(lines)


def describe_report(r: DayReport) -> str:
    """The CSV's rows as an aligned table, then the hall and the arrivals per hour."""
    columns = [
        c
        for c in CSV_COLUMNS
        if c not in ("day", "peak_occupancy", "capacity_limit", "full_minutes")
    ]
    rows = [{**row, "name": row["name"] or "*"} for row in r.csv_rows()]
    widths = {c: max(len(c), *(len(row[c]) for row in rows)) for c in columns}
    lines = [f"{r.day}"]
    lines.append("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
    for row in rows:
        lines.append("  ".join(row[c].ljust(widths[c]) for c in columns).rstrip())
    peak = f" at {r.peak_at:%H:%M}" if r.peak_at else ""
    held = "held" if r.limit_held else "EXCEEDED"
    lines.append(
        f"hall: peak {r.peak_occupancy}/{r.limit}{peak} (limit {held}), "
        f"full {r.full_minutes:g} min, {r.issued_outside} waited outside"
    )
    hours = [f"{h:02d}:{n}" for h, n in enumerate(r.arrivals) if n]
    lines.append("arrivals per hour: " + (" ".join(hours) or "-"))
    return "\n".join(lines)


_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _report_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        if not _DATE_RE.fullmatch(text.strip()):
            raise ValueError
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--date: not a date of the form YYYY-MM-DD: {text!r}") from None
    if not FIRST_DAY <= day <= LAST_DAY:  # 9999-12-31 has no next midnight to end it
        raise CliError(f"--date: {day} is out of range ({FIRST_DAY} to {LAST_DAY})")
    return day


def describe_verification(v: Verification) -> str:
    return ("OK  " if v.ok else "INVALID  ") + v.message


# --- commands -------------------------------------------------------------------------------


def _queue(cfg: Config) -> Queue:
    return open_queue(cfg)


def _ticket_cmd(args: argparse.Namespace, cfg: Config, op: Callable[[Queue], Ticket]) -> int:
    ticket = op(_queue(cfg))
    _emit(args, ticket.as_json(), describe_ticket(ticket, cfg))
    return EXIT_OK


def _run_gui(args: argparse.Namespace) -> int:
    from counter_app.gui.shell.app import run  # Qt is imported only for the windows

    return run(args)


def _check_window_target(args: argparse.Namespace) -> None:
    """`counter N` for a counter that is not configured: said here, before Qt opens a
    dialog that a script has no one to close. A windowed start (no stderr) and a
    configuration error are left to the windows, which show them in a box."""
    if args.command != "counter" or sys.stderr is None:
        return
    try:
        cfg, _path = config_mod.load(args.config, args.db)
    except ConfigError:
        return
    if cfg.counter(args.number) is None:
        known = ", ".join(str(c.number) for c in cfg.counters) or "-"
        lang = cfg.office.language
        raise CliError(texts.text(lang, "unknown_counter_known", counter=args.number, known=known))


_CODE_COMMANDS = ("call-ticket", "return", "transfer", "cancel", "reprint")


def _run(args: argparse.Namespace) -> int:
    command = args.command or "desk"
    if args.db is not None:
        problem = config_mod.database_url_problem(args.db)
        if problem:
            raise CliError(f"--db: {problem}")
    if command in ("desk", "counter", "display"):
        args.command = command
        _check_window_target(args)
        return _run_gui(args)
    if command == "init-config":
        path = args.path or config_mod.paths.default_config_path()
        try:
            config_mod.write_sample(path, overwrite=args.force)
        except FileExistsError:
            raise CliError(f"{path} exists already (use --force to overwrite)") from None
        new = config_mod.load_config(path)
        if new.database.url is None:  # the embedded default: made now, as on a first run
            open_database(new.database_url, create=True).dispose()
        args.output.done = f"{path} written"
        args.output.say(str(path))
        return EXIT_OK

    if command == "self-test":
        return _self_test(args)

    cfg, cfg_path = config_mod.load(args.config, args.db)
    lang = cfg.office.language
    if command == "admin-pin":
        return _admin_pin(cfg_path, reset=args.reset)
    day = _report_day(args.date) if command == "report" else None
    if command in _CODE_COMMANDS:
        require_code(args.code, lang)  # "A-\u0661" is refused before the database is opened
    if command == "verify":
        malformed = malformed_payload(args.payload, lang)
        if malformed is not None:
            _emit(args, malformed.as_json(), describe_verification(malformed))
            return EXIT_REFUSED
    if command == "web":
        return _web(args, cfg)
    if command == "db" and args.action == "purge":
        if args.keep_days is not None and args.keep_days < 1:
            raise CliError("--keep-days: at least 1 (today's tickets are always kept)")
        purge = purge_old(_queue(cfg), args.keep_days)
        args.output.done = f"{purge.tickets} tickets purged"
        args.output.say(
            f"purged {purge.tickets} tickets and {purge.events} events of {purge.days} days "
            f"before {purge.before_day}; their daily reports are kept"
        )
        return EXIT_OK
    if command == "db":
        upgrade = args.action == "upgrade"  # `db upgrade` may make a new, empty queue
        db = open_database(cfg.database_url, upgrade=upgrade, create=upgrade)
        if upgrade:
            args.output.done = "the database upgraded"
        args.output.say(
            f"{db.public_url}: schema {db.schema_revision()} (this app: {db.head_revision()})"
        )
        return EXIT_OK
    if command in ("issue", "reprint", "print-test", "printer-status"):
        from counter_app.station import run_print_command

        return run_print_command(args, cfg, _queue, _emit, describe_ticket)

    ops: dict[str, Callable[[Queue], Ticket]] = {
        "call": lambda q: q.call_next(args.counter),
        "recall": lambda q: q.recall(args.counter),
        "done": lambda q: q.done(args.counter),
        "no-show": lambda q: q.no_show(args.counter),
        "call-ticket": lambda q: q.call_ticket(args.counter, args.code),
        "return": lambda q: q.return_ticket(args.code),
        "transfer": lambda q: q.transfer(args.code, args.prefix),
        "cancel": lambda q: q.cancel(args.code),
    }
    if command in ops:
        return _ticket_cmd(args, cfg, ops[command])
    queue = _queue(cfg)
    if command == "status":
        st = queue.status()
        _emit(args, st.as_json(), describe_status(st))
        return EXIT_OK
    if command == "report":
        report = daily_report(queue, day)
        if args.csv is not None:
            save_csv(report, args.csv)  # whole or not at all; an OSError names the file
        _emit(args, report.as_json(), describe_report(report))
        return EXIT_OK
    if command == "verify":
        v = queue.verify(args.payload)
        _emit(args, v.as_json(), describe_verification(v))
        return EXIT_OK if v.ok else EXIT_REFUSED
    raise CliError(f"unknown command {command!r}")


def _web(args: argparse.Namespace, cfg: Config) -> int:
    from counter_app.web.serve import ListenError, serve  # the web stack only for this

    db = open_database(cfg.database_url)  # an unreachable database: one line, exit 2
    try:
        return serve(
            cfg,
            db,
            host=args.host or cfg.web.host,
            port=_or(args.port, cfg.web.port),
            stop_on_eof=args.stop_when_stdin_closes,
        )
    except ListenError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def _admin_pin(path: Path, *, reset: bool) -> int:
    """Store a new admin PIN's salted hash in the configuration file, comments kept.

    Changing a set PIN takes the current one (wrong: exit 3, nothing written). `--reset`
    goes without it for whoever can write the file, who could as well put any hash in
    it, and says so on stderr. A terminal is asked without echo, the new PIN twice; a
    script gives one line a PIN on standard input: the current one when one is set, then
    the new one.
    """
    from counter_app.core.admin import (
        MIN_DIGITS,
        MIN_PASSPHRASE,
        check_pin,
        hash_pin,
        pin_problem,
    )
    from counter_app.core.settings_file import SettingsFile

    if reset and not os.access(path, os.W_OK):
        raise CliError(
            f"admin-pin --reset: cannot write {path}: only someone who can write the "
            "configuration file can reset the PIN; nothing changed"
        )
    settings = SettingsFile(path)
    stored = settings.get("admin.pin_hash")
    terminal = sys.stdin is not None and sys.stdin.isatty()

    def ask(prompt: str) -> str:
        if terminal:
            import getpass

            return getpass.getpass(prompt)
        return (sys.stdin.readline() if sys.stdin is not None else "").strip()

    if isinstance(stored, str) and not reset and not check_pin(ask("current admin PIN: "), stored):
        _tell(
            "counter-app: admin-pin: wrong current PIN; nothing changed "
            f"(forgotten: admin-pin --reset, by someone who can write {path})"
        )
        return EXIT_REFUSED
    pin = ask(f"new admin PIN ({MIN_DIGITS}+ digits, or {MIN_PASSPHRASE}+ characters): ")
    if terminal and ask("the same PIN again: ") != pin:
        raise CliError("admin-pin: the two PINs differ; nothing changed")
    problem = pin_problem(pin)
    if problem:
        raise CliError(f"admin-pin: the PIN {problem}; nothing changed")
    settings.set("admin.pin_hash", hash_pin(pin))
    settings.save()
    if isinstance(stored, str) and reset:
        _tell(
            f"counter-app: admin-pin: replaced the admin PIN without the old one, because "
            f"this user can write {path}"
        )
    print(f"{path}: admin PIN set")
    return EXIT_OK


def _self_test(args: argparse.Namespace) -> int:
    """One line a check on stdout; exit 0 when none failed, 1 naming those that did.

    A broken configuration is the first failed check, not exit 2: the rest of the program
    is still checked, on the shipped sample configuration.
    """
    from counter_app.selftest import Session, failed_names

    session = Session(args.config, args.db)
    try:
        from counter_app.gui.selftest import run_command  # Qt only now, offscreen

        checks = run_command(session)
    finally:
        session.close()
    failed = failed_names(checks)
    if args.json:
        args.output.say(json.dumps({"ok": not failed, "checks": [c.as_json() for c in checks]}))
    else:
        for check in checks:
            args.output.say(check.line())
    if failed:
        _tell(f"counter-app: self-test failed: {', '.join(failed)}")
        return EXIT_ERROR
    return EXIT_OK


# --- failures ---------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def exit_status(exc: Exception) -> tuple[int, str]:
    """The exit code of a failure and what stderr says about it: the one place that decides."""
    if isinstance(exc, OutputLost):
        if exc.done is not None:  # it stands: exit as done, or a retry would do it twice
            return exc.status, (
                f"counter-app: {exc.done}, but its output could not be written: {exc}"
            )
        if isinstance(exc.error, BrokenPipeError):  # `status | head`: the reader has left
            return EXIT_BROKEN_PIPE, ""
        return EXIT_USAGE, f"counter-app: cannot write the output: {exc}"
    if isinstance(exc, Refused):
        return EXIT_REFUSED, _one_line(exc.message)
    if isinstance(exc, ConfigError):  # one line a problem, each naming file and key
        return EXIT_USAGE, f"configuration error:\n{exc}"
    if isinstance(exc, CliError):
        return EXIT_USAGE, f"counter-app: {_one_line(str(exc))}"
    reason = failure_reason(exc)
    if reason is not None:  # at connect or in the middle of an operation
        return EXIT_USAGE, f"counter-app: database: {_one_line(reason)}"
    if isinstance(exc, OSError) and exc.filename:  # a folder that cannot be made, a file ...
        return EXIT_USAGE, f"counter-app: {exc.filename}: {exc.strerror or exc}"
    where = logs.active_log_file()
    details = f"details in {where}" if where else f"no log: cannot write {logs.log_file()}"
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return EXIT_ERROR, f"counter-app: unexpected error: {_one_line(what)} ({details})"


def main(argv: Sequence[str] | None = None) -> int:
    long_arguments = _long_arguments(sys.argv[1:] if argv is None else argv)
    parser = _parser(long_arguments)
    args = parser.parse_args(argv)  # exits 2 with usage on bad arguments
    args.output = output = _Output(sys.stdout)
    stdout = sys.stdout
    if args.command not in (None, "desk", "counter", "display"):  # the windows print nothing
        sys.stdout = cast(TextIO, output)
    logs.setup_logging(console=False)  # stderr gets our one line; tracebacks go to the file
    try:
        status = _run(args)
        if args.command == "admin-pin" and status == EXIT_OK:
            output.done = "the admin PIN set"  # its handler prints by itself
        if output.lost is not None:
            raise OutputLost(output.lost, output.done, status)
        return status
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        status, message = exit_status(exc)
        message = _cut_echoes(message, long_arguments)
        if status == EXIT_ERROR:
            log.error("unexpected error", exc_info=exc)
        elif status == EXIT_USAGE and not isinstance(exc, ConfigError | CliError | OutputLost):
            log.warning("%s", message, exc_info=exc)  # the driver's words and the statement
        if message:
            _tell(message)
        if isinstance(exc, Refused) and getattr(args, "json", False):
            said = _cut_echoes(exc.message, long_arguments)
            output.say(
                json.dumps({"refused": exc.reason.value, "message": said}, ensure_ascii=False)
            )
        return status
    finally:
        sys.stdout = stdout
        logs.close_logging()


def gui_main() -> int:
    return main(sys.argv[1:] or ["desk"])
