"""A command's standard output and its one line on stderr.

Every write is flushed at once, so that a full disk or a closed pipe is known while the
command still runs; what a command that changed the queue did is kept for the line that
says so when its output is lost (`failures.OutputLost`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from typing import Any, TextIO


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


class Output:
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


def tell(message: str) -> None:
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
    "check-in": "{code} checked in",
    "reprint": "{code} sent to the printer again",
    "print-test": "the test ticket sent to the printer",
}


def emit(args: argparse.Namespace, obj: dict[str, Any], human: str) -> None:
    """The command's result: one JSON object with --json, else the lines for people."""
    output: Output = args.output
    done = _DONE.get(args.command)
    if done is not None:
        output.done = done.format(code=obj.get("code", "?"))
    output.say(json.dumps(obj, ensure_ascii=False) if getattr(args, "json", False) else human)
