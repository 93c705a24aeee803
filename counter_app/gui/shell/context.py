"""What the windows of one process share: the queue, its watcher, the workers, the desk
station, the phone page's server, and the list of open windows (so the menu can open or
raise each one)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from counter_app.core.model import Purge, Ticket
from counter_app.core.queue import Queue
from counter_app.core.report import purge_old
from counter_app.gui.phone.server import WebServer
from counter_app.gui.shell.watcher import QueueWatcher
from counter_app.gui.shell.worker import Callback, Worker
from counter_app.station import Desk

log = logging.getLogger(__name__)


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
        self.windows: list[QWidget] = []
        self._desk: Desk | None = None
        self._web: WebServer | None = None
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

    def web_server(self) -> WebServer:
        """The phone page's server (`counter-app web`) of this station, made on first use;
        it reads the same configuration file and database as the windows."""
        if self._web is None:
            from counter_app.web.launch import server_command

            command = server_command(self.config_path, db_url=self.db_override)
            self._web = WebServer(command, self)
        return self._web

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

    def adopt(self, window: QWidget) -> QWidget:
        if window not in self.windows:
            self.windows.append(window)
        return window

    def forget(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def find(self, kind: str, number: int | None = None) -> QWidget | None:
        for window in self.windows:
            if getattr(window, "kind", None) == kind and getattr(window, "number", None) == number:
                return window
        return None

    def open_window(self, kind: str, number: int | None = None, **options: object) -> QWidget:
        """Show the window of that kind (desk, counter N, display, report), raising an open one.

        Raises LookupError for a counter that is not configured and ImportError when the
        lobby display is not part of this build.
        """
        window = self.find(kind, number)
        if window is None:
            window = self._create(kind, number, **options)
            self.adopt(window)
        if not window.isVisible():
            window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _create(self, kind: str, number: int | None, **options: object) -> QWidget:
        # Imported here: the windows import this module.
        if kind == "desk":
            from counter_app.gui.desk.window import DeskWindow

            return DeskWindow(self)
        if kind == "counter":
            from counter_app.gui.counter.panel import CounterPanel

            if number is None or self.config.counter(number) is None:
                raise LookupError(number)
            return CounterPanel(self, number)
        if kind == "report":
            from counter_app.gui.report.window import ReportWindow

            return ReportWindow(self)
        if kind == "display":
            from counter_app.gui.display import open_display

            screen = options.get("screen")
            display = open_display(
                self.queue,
                self.config,
                screen=screen if isinstance(screen, int) else None,
                windowed=bool(options.get("windowed", True)),
            )
            display.kind = "display"  # type: ignore[attr-defined]
            display.number = None  # type: ignore[attr-defined]
            display.destroyed.connect(lambda _obj=None, d=display: self.forget(d))
            return display
        raise ValueError(f"unknown window kind {kind!r}")

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
        if self._web is not None:
            self._web.shutdown()
        try:
            self.queue.db.dispose()
        except Exception:  # closing anyway; nothing the user can do
            log.debug("disposing the database failed", exc_info=True)
