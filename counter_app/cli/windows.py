"""desk, counter N and display: the windows, with Qt imported only for them."""

from __future__ import annotations

import argparse
import sys

from counter_app.core import config as config_mod
from counter_app.core import texts
from counter_app.core.config import ConfigError

from .failures import CliError

#: the commands that open a window; they print nothing on stdout
WINDOW_COMMANDS = ("desk", "counter", "display")


def open_window(args: argparse.Namespace) -> int:
    _check_window_target(args)
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
