"""Per-address and per-NIK allowances ("10 posts a minute"), counted in memory.

A moving window, exactly: each key keeps the times of its last ``amount`` hits allowed,
and one more is allowed when there are fewer or the oldest of them is a window's length
old. A hit costs a dictionary lookup and a deque's append; a key whose last hit is a
window old is dropped on the first hit of the next window. limits' own memory storage
keeps the same lists but sweeps every key from a thread every 10 ms: with a few thousand
phones that sweep was a fifth of the server's CPU in a booking rush
(bench/bench_booking.py). The limits are still written and parsed by limits ("10/minute").

Used from the event loop's thread only.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from limits import RateLimitItem


class Allowances:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._hits: dict[tuple[str, int], deque[float]] = {}  # (key, length) -> times
        self._swept: dict[int, int] = {}  # window length -> the window last swept

    def hit(self, limit: RateLimitItem, *identifiers: str) -> bool:
        """Count one more for ``identifiers`` unless that would exceed ``limit``."""
        length = limit.get_expiry()
        now = self._clock()
        self._sweep(length, now)
        key = (limit.key_for(*identifiers), length)
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = deque(maxlen=limit.amount)
        if len(hits) == hits.maxlen and now - hits[0] < length:
            return False
        hits.append(now)
        return True

    def _sweep(self, length: int, now: float) -> None:
        window = int(now // length)
        if self._swept.get(length) == window:
            return
        self._swept[length] = window
        stale = [k for k, h in self._hits.items() if k[1] == length and now - h[-1] >= length]
        for key in stale:
            del self._hits[key]

    def __len__(self) -> int:
        return len(self._hits)
