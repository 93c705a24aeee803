"""Change feeds wake up for commits made by another connection, and only then."""

from __future__ import annotations

import threading
import time

from counter_app.core.queue import Queue


def test_feed_wakes_on_commit_from_another_connection(queue: Queue, make_queue) -> None:
    feed = queue.open_changes()
    try:
        start = feed.wait(0.05)
        other = make_queue()  # a separate Queue object: its own connections
        t0 = time.monotonic()
        threading.Timer(0.2, lambda: other.issue("A")).start()
        version = feed.wait(3.0)
        waited = time.monotonic() - t0
        assert version == start + 1
        assert 0.15 < waited < 2.5  # woke for the commit, not for the timeout
        assert feed.wait(0.1) == version  # nothing new: returns at the timeout
    finally:
        feed.close()
