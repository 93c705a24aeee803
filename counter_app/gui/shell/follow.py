"""How every window follows the queue: read it again, off the GUI thread, whenever it
changes (the watcher), when the database is back, on a slow safety timer, and when the
window asks; requests made while a read runs are merged into one more read after it.

A window gives three things: ``job`` (on the GUI thread: what to read now, as a
function the worker will call), ``loaded`` (on the GUI thread: show what was read) and
``failed`` (on the GUI thread: why the read did not work). The follower never decides
what a failure means to the window; the windows say it their own way.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Slot

from counter_app.gui.shell.watcher import QueueWatcher
from counter_app.gui.shell.worker import Callback

log = logging.getLogger(__name__)

#: runs ``fn`` off the GUI thread and hands ``callback(result, error)`` back on it
Run = Callable[[Callable[[], Any], Callback, str], None]
F = TypeVar("F", bound=Callable[..., Any])


class _Weak(Generic[F]):
    """A callback held without keeping its object alive: ``get()`` is None once it has
    gone. A plain function is held as it is."""

    def __init__(self, fn: F) -> None:
        self._ref: Callable[[], F | None]
        if inspect.ismethod(fn):
            self._ref = weakref.WeakMethod(fn)  # type: ignore[assignment]
        else:
            self._ref = lambda: fn

    def get(self) -> F | None:
        return self._ref()


class QueueFollower(QObject):
    def __init__(
        self,
        parent: QObject,
        *,
        name: str,
        run: Run,
        watcher: QueueWatcher | None,
        job: Callable[[], Callable[[], Any]],
        loaded: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        online: Callable[[bool, str], None] | None = None,
        follows_changes: Callable[[], bool] | None = None,
        poll_ms: int | None = None,
        retry_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._run, self._watcher = run, watcher
        self._job, self._loaded, self._failed = _Weak(job), _Weak(loaded), _Weak(failed)
        self._online = None if online is None else _Weak(online)
        self._follows_changes = None if follows_changes is None else _Weak(follows_changes)
        self._reading = self._again = False
        self._following = False
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.request)
        if poll_ms is not None:
            self._poll.setInterval(poll_ms)
        self._poll_ms = poll_ms
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self.request)
        if retry_ms is not None:
            self._retry.setInterval(retry_ms)
        self._retry_ms = retry_ms

    @property
    def following(self) -> bool:
        return self._following

    def start(self) -> None:
        """Follow the queue from now on (the first read is the window's to ask)."""
        if self._following:
            return
        self._following = True
        if self._watcher is not None:
            self._watcher.changed.connect(self._changed)
            self._watcher.online.connect(self._watcher_online)
        if self._poll_ms is not None:
            self._poll.start()

    def stop(self) -> None:
        """No more reads, and nothing from a read still running reaches the window."""
        if not self._following:
            return
        self._following = False
        self._poll.stop()
        self._retry.stop()
        if self._watcher is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the watcher went first
                self._watcher.changed.disconnect(self._changed)
                self._watcher.online.disconnect(self._watcher_online)

    @Slot()
    def request(self) -> None:
        """Read again soon; merged with a read already running."""
        if not self._following:
            return
        if self._reading:
            self._again = True
            return
        job = self._job.get()
        if job is None:  # the window has gone
            return
        self._reading = True
        self._run(job(), self._done, f"load {self.name}")

    def _done(self, data: Any, error: BaseException | None) -> None:
        self._reading = False
        if not self._following:
            return
        if error is None:
            self._retry.stop()
            loaded = self._loaded.get()
            if loaded is not None:
                loaded(data)
        else:
            failed = self._failed.get()
            if failed is not None:
                failed(error)
            if self._retry_ms is not None and self._following:
                self._retry.start()
        if self._again:
            self._again = False
            self.request()

    @Slot(int)
    def _changed(self, _version: int) -> None:
        wanted = None if self._follows_changes is None else self._follows_changes.get()
        if wanted is None or wanted():
            self.request()

    @Slot(bool, str)
    def _watcher_online(self, online: bool, reason: str) -> None:
        if not self._following:
            return
        said = None if self._online is None else self._online.get()
        if said is not None:
            said(online, reason)
        if online:
            self.request()  # what changed while the database was away
