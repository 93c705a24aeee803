"""What the display reads of the queue at each change: the Status, and every call since
the last read (so none is announced twice and none is missed, however many changes a
read covers). The window's QueueFollower runs it on a worker thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

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


def one_line(exc: BaseException) -> str:
    """The first line of why a read failed, as the display's offline line says it."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
