"""What the windows of one process share: the queue, its watcher, the workers, the desk
station, the services window packages keep for the process (the phone page's server),
and the list of open windows (so the menu can open or raise each one)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from PySide6.QtCore import QObject, Signal

from counter_app.core.config import Config
from counter_app.core.model import Purge, Ticket
from counter_app.core.queue import Queue
from counter_app.core.report import purge_old
from counter_app.gui.shell import registry
from counter_app.gui.shell.registry import Window
from counter_app.gui.shell.watcher import QueueWatcher
from counter_app.gui.shell.worker import Callback, Worker
from counter_app.station import Desk

log = logging.getLogger(__name__)
T = TypeVar("T")


class Context(QObject):
    #: a ticket whose print outcome the spooler has just stored (printed or failed)
    printed = Signal(object)

    def __init__(
        self,
        queue: Queue,
        *,
        config_path: Path | None = None,
        log_path: Path | None = None,
        db_override: str | None = None,
        synchronous: bool = False,
        watch: bool = True,
    ) -> None:
        super().__init__()
        self.queue = queue
        self.config = queue.config
        self.config_path = config_path
        self.log_path = log_path
        self.db_override = db_override  # --db: a child process must be given it too
        # Separate lines of work, so a printer that takes 20 s to time out never holds up
        # reading the queue, and an issue waiting for the database never delays a preview.
        self.reads = Worker("reads", self, synchronous=synchronous)
        self.actions = Worker("actions", self, synchronous=synchronous)
        self.printer = Worker("printer", self, synchronous=synchronous)
        self.render = Worker("render", self, synchronous=synchronous)
        self.watcher: QueueWatcher | None = (
            QueueWatcher(queue.open_changes, self) if watch else None
        )
        self.windows: list[Window] = []
        self._desk: Desk | None = None
        self._services: dict[str, tuple[object, Callable[[], None]]] = {}
        self._closed = False

    def now(self) -> datetime:
        """The office's local time, by the queue's clock."""
        return self.queue.local(self.queue.clock.now())

    def desk(self) -> Desk:
        """This station's issue-and-print desk, made on first use (one spooler per process)."""
        if self._desk is None:
            self._desk = Desk.from_config(
                self.queue, self.config, background=True, on_print=self._on_print
            )
        return self._desk

    def _on_print(self, ticket: Ticket, _outcome: object) -> None:
        # Called on the spooler's thread: the signal queues it to the GUI thread.
        with contextlib.suppress(RuntimeError):  # closing down
            self.printed.emit(ticket)

    def call(
        self, worker: Worker, fn: Callable[[], Any], callback: Callback, *, name: str = ""
    ) -> None:
        """Run queue work on ``worker``; a lost database reaches ``callback`` as
        DatabaseError in plain words, not as a driver's exception."""
        queue = self.queue

        def guarded() -> Any:
            with queue.plain_errors():
                return fn()

        worker.submit(guarded, callback, name=name or getattr(fn, "__name__", ""))

    def read(self, fn: Callable[[], Any], callback: Callback, name: str) -> None:
        """A read of the queue on the reads worker: what each window's follower runs."""
        self.call(self.reads, fn, callback, name=name)

    def start(self) -> None:
        if self.watcher is not None:
            self.watcher.start()
        self.call(self.actions, self._purge, self._purged, name="retention purge")

    def _purge(self) -> Purge:
        return purge_old(self.queue)

    @staticmethod
    def _purged(result: Purge | None, error: BaseException | None) -> None:
        """Old tickets go at start; a failure is only logged (the queue works without)."""
        if error is not None:
            log.warning("retention purge failed: %s", error)
        elif result is not None and result.tickets:
            log.info("retention purge: %s", result.as_json())

    # --- windows ------------------------------------------------------------------------

    def adopt(self, window: Window) -> Window:
        if window not in self.windows:
            self.windows.append(window)
        return window

    def forget(self, window: Window) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def find(self, kind: str, number: int | None = None) -> Window | None:
        for window in self.windows:
            if window.kind == kind and window.number == number:
                return window
        return None

    def build_window(self, kind: str, number: int | None = None, **options: object) -> Window:
        """A new window of that kind, not shown (the self-test draws it unseen).

        Raises LookupError for a counter that is not configured, ImportError when the
        kind's window is not part of this build, ValueError for an unknown kind.
        """
        return registry.window_kind(kind).make(self, number, options)

    def open_window(self, kind: str, number: int | None = None, **options: object) -> Window:
        """Show the window of that kind (desk, counter N, display, report), raising an
        open one; a new one is shown the way its command shows it."""
        window = self.find(kind, number)
        if window is None:
            window = self.adopt(self.build_window(kind, number, **options))
            registry.window_kind(kind).present(window, options)
        elif not window.isVisible():
            window.show()
        window.raise_()
        window.activateWindow()
        return window

    def apply_config(self, config: Config) -> None:
        """Every open window takes the configuration the settings dialog saved."""
        self.config = config
        for window in list(self.windows):
            window.apply_config(config)

    # --- services -------------------------------------------------------------------------

    def service(self, key: str, make: Callable[[], T], close: Callable[[T], None]) -> T:
        """This station's one ``key`` (made by ``make`` on first use, ``close``d with the
        context): a window package's own process-wide part, the phone page's server."""
        if key not in self._services:
            made = make()
            self._services[key] = (made, lambda: close(made))
        return cast(T, self._services[key][0])

    # --- shutting down --------------------------------------------------------------------

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.watcher is not None:
            self.watcher.stop()
        for worker in (self.actions, self.reads, self.printer, self.render):
            worker.stop()
        if self._desk is not None:
            self._desk.close()
        for _service, close in reversed(list(self._services.values())):
            close()
        try:
            self.queue.db.dispose()
        except Exception:  # closing anyway; nothing the user can do
            log.debug("disposing the database failed", exc_info=True)
