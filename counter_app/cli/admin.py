"""The administrator's commands: init-config, db upgrade|version|purge, admin-pin."""

from __future__ import annotations

import argparse
import os
import sys

from counter_app.core import config as config_mod
from counter_app.core import words
from counter_app.core.config import Config
from counter_app.core.queue import open_queue
from counter_app.core.report import purge_old
from counter_app.storage.db import open_database

from .failures import EXIT_OK, EXIT_REFUSED, CliError
from .output import tell


def init_config(args: argparse.Namespace) -> int:
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


def db(args: argparse.Namespace, cfg: Config) -> int:
    if args.action == "purge":
        return _purge(args, cfg)
    upgrade = args.action == "upgrade"  # `db upgrade` may make a new, empty queue
    database = open_database(cfg.database_url, upgrade=upgrade, create=upgrade)
    lang = cfg.office.language
    if upgrade:
        args.output.done = words.text("cli.upgraded", lang)
    args.output.say(
        words.text(
            "cli.schema",
            lang,
            url=database.public_url,
            schema=database.schema_revision(),
            head=database.head_revision(),
        )
    )
    return EXIT_OK


def _purge(args: argparse.Namespace, cfg: Config) -> int:
    lang = cfg.office.language
    if args.keep_days is not None and args.keep_days < 1:
        raise CliError(words.text("cli.keep_days", lang))
    purge = purge_old(open_queue(cfg), args.keep_days)
    args.output.done = words.text("cli.purged_done", lang, tickets=purge.tickets)
    args.output.say(
        words.text(
            "cli.purged",
            lang,
            tickets=purge.tickets,
            events=purge.events,
            days=purge.days,
            before=purge.before_day,
        )
    )
    return EXIT_OK


def admin_pin(args: argparse.Namespace) -> int:
    """Store a new admin PIN's salted hash in the configuration file, comments kept.

    Changing a set PIN takes the current one (wrong: exit 3, nothing written). `--reset`
    goes without it for whoever can write the file, who could as well put any hash in
    it, and says so on stderr. A terminal is asked without echo, the new PIN twice; a
    script gives one line a PIN on standard input: the current one when one is set, then
    the new one.
    """
    _cfg, path = config_mod.load(args.config, args.db)  # a broken file is exit 2 first
    from counter_app.core.admin import (
        MIN_DIGITS,
        MIN_PASSPHRASE,
        check_pin,
        hash_pin,
        pin_problem,
    )
    from counter_app.core.settings_file import SettingsFile

    reset: bool = args.reset
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
        tell(
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
        tell(
            f"counter-app: admin-pin: replaced the admin PIN without the old one, because "
            f"this user can write {path}"
        )
    args.output.done = "the admin PIN set"
    args.output.say(f"{path}: admin PIN set")
    return EXIT_OK
