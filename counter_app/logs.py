"""The app's log: a file per day in the user's log folder, kept for a month (Vorta).

Qt-free: the command line logs here too. stderr gets one line a record at most; the
traceback goes to the file only.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import time
from logging.handlers import TimedRotatingFileHandler
from pathlib import Path

from counter_app.core import paths

LOG_NAME = "counter-app.log"
CRASH_NAME = "crash.log"
KEEP_DAYS = 30
#: crash.log is started afresh past this size
CRASH_LOG_MAX = 1 << 20
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
_handlers: list[logging.Handler] = []


class _OneLine(logging.Formatter):
    """A record as one line, its exception as its type and first line, never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"{record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            text += f": {type(exc).__name__}: {exc}" if str(exc) else f": {type(exc).__name__}"
        return " ".join(text.split())


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def active_log_file() -> Path | None:
    """The file the log is being written to; None when it could not be opened."""
    for h in _handlers:
        if isinstance(h, TimedRotatingFileHandler):
            return Path(h.baseFilename)
    return None


def setup_logging(level: int = logging.INFO, *, console: bool = True) -> Path:
    """Log the app to the rotating file (and warnings to stderr, with `console`);
    idempotent. A log folder that cannot be made leaves the app without a file log
    rather than stopping it (active_log_file() says so)."""
    path = log_file()
    close_logging()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = TimedRotatingFileHandler(
            path, when="midnight", backupCount=KEEP_DAYS, encoding="utf-8"
        )
    except OSError:
        pass
    else:
        handler.setFormatter(logging.Formatter(_FORMAT))
        _handlers.append(handler)
    if console and sys.stderr is not None:  # a windowed build on Windows has no console
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(_OneLine())
        _handlers.append(stream)
    if not _handlers:
        _handlers.append(logging.NullHandler())  # not Python's last resort, which prints all
    root = logging.getLogger("counter_app")
    for h in _handlers:
        root.addHandler(h)
    root.setLevel(level)
    return path


def close_logging() -> None:
    root = logging.getLogger("counter_app")
    for h in _handlers:
        root.removeHandler(h)
        h.close()
    _handlers.clear()


_crash_file: list[object] = []  # kept open for the life of the process


def record_crashes(what: str) -> Path | None:
    """A crash Python cannot catch (a segmentation fault in a library, an abort) writes
    every thread's Python stack to crash.log in the log folder, after a line naming the
    process, so a crash on a front-desk PC can be traced. None where it cannot be."""
    path = paths.log_dir() / CRASH_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "w" if path.is_file() and path.stat().st_size > CRASH_LOG_MAX else "a"
        stream = path.open(mode, encoding="utf-8")
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        stream.write(f"--- {stamp} pid {os.getpid()}: {what}\n")
        stream.flush()
    except OSError:
        return None
    faulthandler.enable(stream, all_threads=True)
    _crash_file[:] = [stream]
    return path
