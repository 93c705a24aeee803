"""Blocking work off the GUI thread: a serial worker per kind of work.

The shape is Electrum's TaskThread and Picard's run_task: ``submit(fn, callback)`` runs
``fn`` on the worker's own thread, strictly one task after another in the order given,
and calls ``callback(result, error)`` back on the GUI thread through a queued signal.
A window never touches the database or the printer on its own thread, so a slow
PostgreSQL server or a printer that does not answer cannot freeze it.

``synchronous=True`` runs each task at once on the caller's thread: for tests about
what a window does, not about threads (Picard's FakeThreadPool).
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any, BaseException | None], None]


@dataclass(slots=True)
class _Task:
    fn: Callable[[], Any]
    callback: Callback | None
    name: str


def report_unhandled(error: BaseException) -> None:
    """An error nobody handled: to the exception hook (log and error dialog)."""
    sys.excepthook(type(error), error, error.__traceback__)


class Worker(QObject):
    _finished = Signal(object, object, object)  # task, result, error

    def __init__(
        self, name: str, parent: QObject | None = None, *, synchronous: bool = False
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.synchronous = synchronous
        self._tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._pending = 0
        self._stopped = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """Tasks submitted whose callback has not run yet."""
        return self._pending > 0

    def submit(
        self, fn: Callable[[], Any], callback: Callback | None = None, *, name: str = ""
    ) -> None:
        if self._stopped:
            log.debug("%s worker stopped; dropped %s", self.name, name or fn)
            return
        task = _Task(fn, callback, name or getattr(fn, "__name__", "task"))
        self._pending += 1
        if self.synchronous:
            result, error = self._execute(task)
            self._deliver(task, result, error)
            return
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name=f"worker-{self.name}", daemon=True
            )
            self._thread.start()
        self._tasks.put(task)

    def stop(self, timeout: float = 5.0) -> None:
        """Drop what is still queued, let the running task finish, end the thread."""
        self._stopped = True
        while True:
            try:
                self._tasks.get_nowait()
            except queue.Empty:
                break
        self._tasks.put(None)
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("%s worker still busy after %.0f s; left behind", self.name, timeout)
            self._thread = None

    @staticmethod
    def _execute(task: _Task) -> tuple[Any, BaseException | None]:
        try:
            return task.fn(), None
        except Exception as exc:  # handed to the callback on the GUI thread
            return None, exc

    def _run(self) -> None:
        while True:
            task = self._tasks.get()
            if task is None:
                return
            result, error = self._execute(task)
            if self._stopped:
                continue
            try:
                self._finished.emit(task, result, error)
            except RuntimeError:  # the window that asked was closed meanwhile
                return

    @Slot(object, object, object)
    def _deliver(self, task: _Task, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        if task.callback is not None:
            task.callback(result, error)
        elif error is not None:
            report_unhandled(error)
