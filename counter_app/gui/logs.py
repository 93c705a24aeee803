"""The windows' log: a file per day in the user's log folder, kept for a month (Vorta)."""

from __future__ import annotations

import logging
import sys
from logging.handlers import TimedRotatingFileHandler
from pathlib import Path

from counter_app.core import paths

LOG_NAME = "counter-app.log"
KEEP_DAYS = 30
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
_handlers: list[logging.Handler] = []


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Log the app to the rotating file (and to stderr when there is one); idempotent."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger("counter_app")
    for old in _handlers:
        root.removeHandler(old)
        old.close()
    _handlers.clear()
    handler: logging.Handler = TimedRotatingFileHandler(
        path, when="midnight", backupCount=KEEP_DAYS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    _handlers.append(handler)
    if sys.stderr is not None:  # a windowed build on Windows has no console at all
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        _handlers.append(console)
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
