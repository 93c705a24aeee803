"""Reads the queue for the display on a worker thread, so the GUI never waits on the database.

Requests coalesce: however many changes arrive while a read runs, one more read follows
it, and the GUI is handed only the newest Status. The calls to announce are never
dropped that way: they accumulate until the GUI takes them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from counter_app.core.model import Call, Status

log = logging.getLogger(__name__)

#: calls_since() returns at most this many a time; more means "read on".
_CALLS_PAGE = 50


class QueueSource(Protocol):
    """What the display needs of counter_app.core.queue.Queue."""

    def status(self, *, calls: int = 10) -> Status: ...
    def calls_since(self, seq: int, limit: int = 50) -> list[Call]: ...


@dataclass(frozen=True, slots=True)
class Snapshot:
    status: Status
    new_calls: tuple[Call, ...]  # oldest first; empty on the first read ("nothing old")


class QueueReader:
    """Status plus the calls since the last read. Used from one thread at a time."""

    def __init__(self, queue: QueueSource, *, calls: int) -> None:
        self.queue = queue
        self.calls = calls
        self.last_seq: int | None = None

    def read(self) -> Snapshot:
        status = self.queue.status(calls=self.calls)
        if self.last_seq is None:
            # On start the day's earlier calls are shown, not announced again.
            self.last_seq = status.calls[0].seq if status.calls else 0
            return Snapshot(status, ())
        new: list[Call] = []
        seq = self.last_seq
        while True:
            page = self.queue.calls_since(seq, _CALLS_PAGE)
            new.extend(page)
            if len(page) < _CALLS_PAGE:
                break
            seq = page[-1].seq
        if new:
            self.last_seq = new[-1].seq
        return Snapshot(status, tuple(new))


class StatusLoader(QObject):
    """Runs ``read`` on its own thread whenever ``request()`` is called.

    ``loaded`` says a Snapshot is ready (take it with ``take()``); ``failed`` carries the
    reason a read failed. Both are emitted from the worker thread; Qt queues them to the
    receiver's thread.
    """

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, read: Callable[[], Snapshot], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self._lock = threading.Condition()
        self._wanted = False
        self._stopping = False
        self._ready: Snapshot | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="display-loader", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def request(self, *_: object) -> None:
        """Read again soon; safe from any thread (the watcher calls it from its own)."""
        with self._lock:
            self._wanted = True
            self._lock.notify_all()

    def take(self) -> Snapshot | None:
        """The newest snapshot, with every call not yet taken; None if already taken."""
        with self._lock:
            snapshot, self._ready = self._ready, None
            return snapshot

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._wanted and not self._stopping:
                    self._lock.wait()
                if self._stopping:
                    return
                self._wanted = False
            try:
                snapshot = self._read()
            except Exception as exc:  # the database went away: the controller shows it
                log.info("display could not read the queue: %s", exc)
                self.failed.emit(_one_line(exc))
                continue
            with self._lock:
                previous = self._ready
                if previous is not None:
                    snapshot = Snapshot(snapshot.status, previous.new_calls + snapshot.new_calls)
                self._ready = snapshot
            if previous is None:  # the GUI has taken the last one: tell it there is more
                self.loaded.emit()


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
