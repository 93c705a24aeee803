"""Being asked to stop: SIGTERM (systemd, `kill`, a display PC's evening schedule),
SIGINT (Ctrl+C), SIGHUP (its terminal closed) and, on Windows, SIGBREAK (the console
window closed, logoff, shutdown). Each runs the program's own orderly stop, as closing
its window does, and the program then ends with exit status 0.

Qt-free: the web server uses it as it is, the windows through gui/shell/session_end.py,
which wakes Qt's event loop for it (a Python signal handler runs only when Python code
does).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

log = logging.getLogger(__name__)

#: The signals that ask a program to stop, those this platform has.
STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name)
    for name in ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK")
    if hasattr(signal, name)
)

Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


def name_of(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def said_to_stop(signum: int) -> None:
    """The log's line for a stop signal, written once the program acts on it."""
    log.info("asked to stop (%s)", name_of(signum))


@contextmanager
def on_stop_signals(stop: Callable[[int], None]) -> Iterator[None]:
    """Within the block, each stop signal calls ``stop(signum)`` (in the main thread, at
    Python's next chance) instead of killing the process or raising KeyboardInterrupt;
    the handlers in force before come back after it. Outside the main thread (where
    Python allows no handlers) the block changes nothing.

    ``stop`` runs between any two steps of the main thread, in the middle of a write to
    the log included: it must only note the request (set a flag, post an event) and
    leave the logging, ``said_to_stop``, to the code that acts on it. A log line written
    from the handler itself re-enters the log file's buffer ("reentrant call inside
    BufferedWriter"), which logging prints to stderr as a traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: FrameType | None) -> None:
        stop(signum)

    previous: dict[signal.Signals, Handler] = {}
    for sig in STOP_SIGNALS:
        previous[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old if old is not None else signal.SIG_DFL)
