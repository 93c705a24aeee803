"""Follows the queue live: emits `changed` when any station commits, `online` when the
database goes away or comes back. The waiting happens on a worker thread; Qt queues
the signals to the receivers' (GUI) thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Feed(Protocol):
    def wait(self, timeout: float) -> int: ...
    def close(self) -> None: ...


class QueueWatcher(QObject):
    changed = Signal(int)  # the hall's new version
    online = Signal(bool, str)  # reachable?, why not

    def __init__(
        self,
        open_feed: Callable[[], Feed],
        parent: QObject | None = None,
        *,
        wait_s: float = 0.25,
        retry_s: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self._open_feed = open_feed
        self._wait_s = wait_s
        self._retry_s = retry_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.is_online = True

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="queue-watcher", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _set_online(self, value: bool, reason: str = "") -> None:
        if value != self.is_online:
            self.is_online = value
            self.online.emit(value, reason)

    def _run(self) -> None:
        last: int | None = None
        while not self._stop.is_set():
            try:
                feed = self._open_feed()
            except Exception as exc:
                self._set_online(False, str(exc))
                self._stop.wait(self._retry_s)
                continue
            try:
                self._set_online(True)
                while not self._stop.is_set():
                    version = feed.wait(self._wait_s)
                    if version != last:
                        last = version
                        self.changed.emit(version)
            except Exception as exc:  # connection lost: say so, then try again
                log.warning("queue watcher lost the database: %s", exc)
                self._set_online(False, str(exc))
                self._stop.wait(self._retry_s)
            finally:
                try:
                    feed.close()
                except Exception:
                    log.debug("closing a broken feed failed", exc_info=True)
