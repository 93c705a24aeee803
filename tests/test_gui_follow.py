"""The one way every window follows the queue (gui/shell/follow.py): reads merged while
one runs, failures told, and no reference cycle back to the window."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from counter_app.gui.shell.follow import QueueFollower
from counter_app.gui.shell.worker import Callback


class Window:
    """What a window gives its follower: what to read, and what to do with it."""

    def __init__(self) -> None:
        self.shown: list[Any] = []
        self.errors: list[BaseException] = []
        self.reads = 0

    def job(self) -> Callable[[], int]:
        self.reads += 1
        number = self.reads
        return lambda: number

    def loaded(self, data: Any) -> None:
        self.shown.append(data)

    def failed(self, error: BaseException) -> None:
        self.errors.append(error)


class Runs:
    """A read worker that runs each read when the test says so."""

    def __init__(self) -> None:
        self.pending: list[tuple[Callable[[], Any], Callback]] = []

    def __call__(self, fn: Callable[[], Any], callback: Callback, _name: str) -> None:
        self.pending.append((fn, callback))

    def finish(self, error: BaseException | None = None) -> None:
        fn, callback = self.pending.pop(0)
        callback(None, error) if error is not None else callback(fn(), None)


def follower(parent: QObject, window: Window, runs: Runs) -> QueueFollower:
    f = QueueFollower(
        parent, name="test", run=runs, watcher=None,
        job=window.job, loaded=window.loaded, failed=window.failed,
    )  # fmt: skip
    f.start()
    return f


def test_requests_while_a_read_runs_are_merged_into_one_more(qapp: object) -> None:
    parent, window, runs = QObject(), Window(), Runs()
    f = follower(parent, window, runs)
    f.request()
    f.request()
    f.request()
    assert len(runs.pending) == 1  # one read at a time
    runs.finish()
    assert window.shown == [1] and len(runs.pending) == 1  # and one more for the others
    runs.finish(RuntimeError("down"))
    assert window.shown == [1] and [str(e) for e in window.errors] == ["down"]
    assert runs.pending == []


def test_a_stopped_follower_reads_nothing_and_shows_nothing(qapp: object) -> None:
    parent, window, runs = QObject(), Window(), Runs()
    f = follower(parent, window, runs)
    f.request()
    f.stop()
    runs.finish()  # a read that ends after the window closed
    f.request()
    assert window.shown == [] and runs.pending == []


def test_the_follower_does_not_keep_its_window_alive(qapp: object) -> None:
    parent, window, runs = QObject(), Window(), Runs()
    f = follower(parent, window, runs)
    gone = weakref.ref(window)
    del window
    gc.collect()
    assert gone() is None  # no cycle: Python frees a closed window on the GUI thread
    f.request()  # and a request for a window that is gone does nothing
    assert runs.pending == []
