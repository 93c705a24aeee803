"""Exit codes, and `exit_status`: the one place that decides a failure's code and line."""

from __future__ import annotations

from counter_app import logs
from counter_app.core.config import ConfigError
from counter_app.core.model import Refused
from counter_app.storage.db import failure_reason

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 128 + 13  # what a tool killed by SIGPIPE reports
EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports SIGINT


class CliError(Exception):
    """Bad usage found after parsing; exit 2."""


class OutputLost(Exception):
    """The command ran, but its standard output could not be written: a full disk, a
    closed pipe, an I/O error. ``done`` says what it changed, if anything; ``status`` is
    the exit code it had."""

    def __init__(self, error: OSError, done: str | None, status: int) -> None:
        super().__init__(error.strerror or str(error))
        self.error, self.done, self.status = error, done, status


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
