"""The `counter-app` command: windows by default, headless queue commands for scripts.

Exit codes: 0 done; 3 refused by a queue rule (reason on stderr); 2 bad usage,
configuration or database, or output that could not be written; 1 unexpected error
(logged with its traceback), or a failed `self-test` check (named on stderr).
Every failure is one line on stderr (a configuration error: one line a problem);
`failures.exit_status` is the one place that decides which. A command that changed the
queue keeps its exit code when its output is lost, and says so in one line: a script
that retried it would issue a second ticket.

The package: `parser` (every command and option), `dispatch` (the table of command ->
handler), the handlers by what they do (`queue_commands`, `printing`, `reports`,
`admin`, `web`, `windows`, `self_test`), `describe` (their lines for people), `output`
(stdout and stderr) and `failures` (exit codes).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from typing import TextIO, cast

from counter_app import logs
from counter_app.core.config import ConfigError
from counter_app.core.model import Refused

from . import dispatch
from .failures import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CliError,
    OutputLost,
    exit_status,
)
from .output import Output, tell
from .parser import build_parser, cut_echoes, long_arguments
from .windows import WINDOW_COMMANDS

__all__ = ["exit_status", "gui_main", "main"]

log = logging.getLogger("counter_app")


def main(argv: Sequence[str] | None = None) -> int:
    too_long = long_arguments(sys.argv[1:] if argv is None else argv)
    parser = build_parser(too_long)
    args = parser.parse_args(argv)  # exits 2 with usage on bad arguments
    args.output = output = Output(sys.stdout)
    stdout = sys.stdout
    if args.command not in (None, *WINDOW_COMMANDS):  # the windows print nothing
        sys.stdout = cast(TextIO, output)
    logs.setup_logging(console=False)  # stderr gets our one line; tracebacks go to the file
    try:
        status = dispatch.run(args)
        if output.lost is not None:
            raise OutputLost(output.lost, output.done, status)
        return status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:
        status, message = exit_status(exc)
        message = cut_echoes(message, too_long)
        if status == EXIT_ERROR:
            log.error("unexpected error", exc_info=exc)
        elif status == EXIT_USAGE and not isinstance(exc, ConfigError | CliError | OutputLost):
            log.warning("%s", message, exc_info=exc)  # the driver's words and the statement
        if message:
            tell(message)
        if isinstance(exc, Refused) and getattr(args, "json", False):
            said = cut_echoes(exc.message, too_long)
            output.say(
                json.dumps({"refused": exc.reason.value, "message": said}, ensure_ascii=False)
            )
        return status
    finally:
        sys.stdout = stdout
        logs.close_logging()


def gui_main() -> int:
    return main(sys.argv[1:] or ["desk"])
