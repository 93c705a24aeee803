"""report: the daily report of one office day, as a table or JSON, optionally as CSV."""

from __future__ import annotations

import argparse
import re
from datetime import date

from counter_app.core.config import Config
from counter_app.core.queue import open_queue
from counter_app.core.report import FIRST_DAY, LAST_DAY, daily_report, save_csv

from .describe import describe_report
from .failures import EXIT_OK, CliError
from .output import emit

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def day_option(text: str | None) -> date | None:
    """A command's --date: None (today), or the day it names, checked."""
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


def report(args: argparse.Namespace, cfg: Config) -> int:
    day = day_option(args.date)  # a bad date is said before the database is opened
    result = daily_report(open_queue(cfg), day)
    if args.csv is not None:
        save_csv(result, args.csv)  # whole or not at all; an OSError names the file
    emit(args, result.as_json(), describe_report(result, cfg.office.language))
    return EXIT_OK
