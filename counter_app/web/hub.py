"""One reader follows the queue for every open phone page.

A single thread waits on the database's change feed (PRAGMA data_version on SQLite,
LISTEN/NOTIFY on PostgreSQL) and, after each change, reads one snapshot of the hall and
of every ticket a page follows: a fixed handful of queries however many phones are
watching. The snapshot is handed to the event loop, which gives each listener the latest
one. When the database goes away the hub says "offline" with the last good snapshot and
keeps trying; the server itself never goes down with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from starlette.concurrency import run_in_threadpool

from counter_app.core.model import Snapshot
from counter_app.core.queue import DatabaseError, Queue

log = logging.getLogger(__name__)

WAIT_SLICE = 0.5  # seconds the reader waits on the feed before looking at its flags
REFRESH_EVERY = 30.0  # a read without a change: "come in now" expires, the clock moves
RETRY_EVERY = 2.0  # seconds between attempts to reach a lost database
RECENTLY_VIEWED = 120.0  # a page's ticket stays followed this long after a plain load
PING_EVERY = 15.0  # keeps idle streams open through Wi-Fi routers that drop quiet ones


def _retrieve(future: asyncio.Future[Snapshot]) -> None:
    if not future.cancelled():
        future.exception()  # every waiter may have timed out: no "never retrieved" log


class Offline(Exception):
    """The queue could not be read in time, and nothing earlier is known."""


@dataclass(frozen=True, slots=True)
class Update:
    snapshot: Snapshot
    offline: bool


class Ping(Enum):
    """Offered to a stream that has nothing to send: it sends a comment to keep open."""

    PING = "ping"


PING = Ping.PING


@dataclass(eq=False)
class Listener:
    """One open event stream: a ticket's page (code) or the board (code None). It is
    offered updates, pings, and None when it must end."""

    code: str | None
    lang: str
    updates: asyncio.Queue[Update | Ping | None] = field(default_factory=lambda: asyncio.Queue(1))
    version: int = -1

    def offer(self, update: Update | Ping | None) -> None:
        """Keep only the newest update: a slow phone skips states, it never lags behind."""
        if self.updates.full():
            self.updates.get_nowait()
        self.updates.put_nowait(update)


class Hub:
    def __init__(
        self,
        follower: Queue,
        reader: Queue,
        *,
        read_timeout: float = 3.0,
        max_listeners: int = 6000,  # event streams: 5,000 phones and the boards (guard.py)
    ) -> None:
        self._follower = follower  # used by the reader thread only
        self._reader = reader  # used by pages that need a read of their own
        self.read_timeout = read_timeout
        self.max_listeners = max_listeners
        self._pending: asyncio.Future[Snapshot] | None = None  # the next shared read
        self._pending_codes: set[str] = set()
        self._runner: asyncio.Task[None] | None = None
        self._catching_up: asyncio.Future[None] | None = None  # see _catch_up
        self._listeners: set[Listener] = set()
        self._recent: dict[str, float] = {}  # code -> until when it is followed
        self._lock = threading.Lock()  # guards the followed codes across the two threads
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pinger: asyncio.TimerHandle | None = None
        self.latest: Snapshot | None = None
        self.offline = False
        self.reason: str | None = None  # why it is offline, for the log and tests

    # --- life ---------------------------------------------------------------------------

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._thread = threading.Thread(target=self._follow, name="queue-follower", daemon=True)
        self._thread.start()
        self._pinger = self._loop.call_later(PING_EVERY, self._ping)

    def stop(self) -> None:
        self._stop.set()
        if self._pinger is not None:
            self._pinger.cancel()
        for listener in list(self._listeners):
            listener.offer(None)  # ends its stream

    def today(self) -> date:
        return self._reader.today()

    @property
    def listeners(self) -> int:
        return len(self._listeners)

    # --- the loop's side ----------------------------------------------------------------

    def _ping(self) -> None:
        """Every stream with nothing waiting to be sent sends a ping: one pass over the
        streams every PING_EVERY seconds, not a timer a stream."""
        for listener in list(self._listeners):
            if listener.updates.empty():
                listener.offer(PING)
        assert self._loop is not None
        self._pinger = self._loop.call_later(PING_EVERY, self._ping)

    def listen(self, code: str | None, lang: str) -> Listener | None:
        """A new listener, followed from now on; None when the server has enough."""
        if len(self._listeners) >= self.max_listeners:
            return None
        listener = Listener(code, lang)
        with self._lock:
            self._listeners.add(listener)
        return listener

    def leave(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.discard(listener)

    async def read(self, code: str | None) -> Update:
        """The queue now, for a page: the hub's latest snapshot when it holds this ticket,
        else the next read, shared with the pages asking meanwhile, bounded by
        ``read_timeout``. Raises Offline when the database cannot be read and nothing
        earlier is known of this ticket."""
        if code is not None:
            with self._lock:
                self._recent[code] = time.monotonic() + RECENTLY_VIEWED
        latest = self.latest
        if latest is not None and not self.offline and self._holds(latest, code):
            return Update(latest, False)
        try:
            async with asyncio.timeout(self.read_timeout):
                snap = await self._shared_read(code)
        except (DatabaseError, TimeoutError) as exc:
            log.warning("phone page: queue unreadable: %s", exc or "timed out")
            if latest is not None and self._holds(latest, code):
                return Update(latest, True)
            raise Offline(str(exc) or "timed out") from None
        self._keep(snap)
        return Update(snap, False)

    async def _shared_read(self, code: str | None) -> Snapshot:
        """Join the next read: one at a time, each for every code asked for meanwhile and
        every followed one, so 500 phones arriving at once cost a few reads, not 500."""
        if self._pending is None:
            self._pending = asyncio.get_running_loop().create_future()
            self._pending.add_done_callback(_retrieve)
            self._pending_codes = set()
        if code is not None:
            self._pending_codes.add(code)
        pending = self._pending
        if self._runner is None:
            self._runner = asyncio.create_task(self._run_reads())
        return await asyncio.shield(pending)

    async def _run_reads(self) -> None:
        try:
            while self._pending is not None:
                future, codes = self._pending, self._pending_codes
                self._pending = None
                try:
                    snap = await run_in_threadpool(self._read, self._followed() | codes)
                except Exception as exc:
                    future.set_exception(exc)
                else:
                    future.set_result(snap)
        finally:
            self._runner = None

    def _read(self, codes: set[str]) -> Snapshot:
        with self._reader.plain_errors():
            return self._reader.snapshot(codes)

    def _holds(self, snap: Snapshot, code: str | None) -> bool:
        return code is None or code in snap.tickets

    def _fan_out(self, update: Update) -> None:
        snap, behind = update.snapshot, False
        for listener in list(self._listeners):
            if not update.offline and snap.status.version < listener.version:
                continue  # a page's own read was newer
            code = listener.code
            if code is not None and code not in snap.tickets and code not in snap.asked:
                # read before this page began to follow its ticket: the ticket is not
                # gone (that would make the phone reload), the read only did not look
                behind = True
                continue
            listener.offer(update)
        if behind:
            self._catch_up()

    def _catch_up(self) -> None:
        """One more shared read, of every followed ticket, for the pages a read missed."""
        if self._catching_up is not None:
            return

        async def read_again() -> None:
            try:
                snap = await self._shared_read(None)
            except Exception:  # the follower says offline; the pages keep what they have
                return
            finally:
                self._catching_up = None
            self._keep(snap)
            if self.latest is not None:
                self._fan_out(Update(self.latest, self.offline))

        self._catching_up = asyncio.ensure_future(read_again())

    # --- the reader thread --------------------------------------------------------------

    def _followed(self) -> set[str]:
        now = time.monotonic()
        with self._lock:
            for code, until in list(self._recent.items()):
                if until < now:
                    del self._recent[code]
            return {li.code for li in self._listeners if li.code} | set(self._recent)

    def _publish(self, snap: Snapshot | None, offline: bool) -> None:
        """From the reader thread: the event loop takes it from here."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed while we read
            loop.call_soon_threadsafe(self._arrived, snap, offline)

    def _arrived(self, snap: Snapshot | None, offline: bool) -> None:
        if snap is not None:
            self._keep(snap)
        self.offline = offline
        if self.latest is not None:
            self._fan_out(Update(self.latest, offline))

    def _keep(self, snap: Snapshot) -> None:
        """Make ``snap`` the latest unless a newer one is known. Reads of the same version
        saw the same queue, so their tickets are merged: the reader thread's read, begun
        before a page asked for its ticket, must not drop the ticket the page's own read
        added (and leave that page with nothing to show if the database then goes)."""
        latest = self.latest
        if latest is None or snap.status.version > latest.status.version:
            self.latest = snap
        elif snap.status.version == latest.status.version and snap.status.day == latest.status.day:
            self.latest = Snapshot(
                snap.status, {**latest.tickets, **snap.tickets}, latest.asked | snap.asked
            )

    def _refresh(self) -> int:
        with self._follower.plain_errors():
            snap = self._follower.snapshot(self._followed())
        self._publish(snap, False)
        return snap.status.version

    def _went_offline(self, exc: Exception) -> None:
        if not self.offline:
            log.warning("phone pages offline: %s", exc)
        self.reason = str(exc)
        self._publish(None, True)

    def _follow(self) -> None:
        while not self._stop.is_set():
            feed = None
            try:
                feed = self._follower.open_changes()
                version, last_read = self._refresh(), time.monotonic()
                if self.reason is not None:
                    log.info("phone pages online again")
                    self.reason = None
                while not self._stop.is_set():
                    new = feed.wait(WAIT_SLICE)
                    if new != version or time.monotonic() - last_read > REFRESH_EVERY:
                        version, last_read = self._refresh(), time.monotonic()
            except DatabaseError as exc:
                self._went_offline(exc)
            except Exception as exc:  # a bug must not stop the pages: log it, say offline
                log.exception("phone pages: the queue follower failed")
                self._went_offline(exc)
            finally:
                if feed is not None:
                    with contextlib.suppress(Exception):
                        feed.close()
            self._stop.wait(RETRY_EVERY)
