"""What one visitor, or a crowd of them, may hold of the phone server: connections, time
to send a request, time to read an answer, open files.

The phone pages may face the public internet, where every connection can be hostile.
uvicorn's HTTP/1.1 protocol (h11) is extended here through its own protocol class,
which ``uvicorn.Config(http=...)`` takes:

- each address holds at most ``per_address`` connections, the server ``max_connections``;
  a connection over either is answered 503 and closed as soon as it is accepted, before
  it is read or handed to the app;
- a connection must complete its request's headers within ``header_timeout`` seconds of
  opening, or of the end of the answer before (a silent or trickling one is closed);
- an idle kept-alive connection is closed after ``keep_alive`` seconds (uvicorn's own);
- request line and headers together are at most ``max_header_bytes``;
- an answer must not wait more than ``write_timeout`` seconds for a reader that stops
  reading;
- ``max_connections`` is kept below the process's open-file limit with room for the
  database, the log and a burst of connections the event loop accepts before they are
  refused, so accept() never runs out of files.

Floods are counted and told once a minute in the log, never once a connection, never
with a traceback.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

REPORT_EVERY = 60.0  # seconds between the log's lines about a flood
# What the event loop's accept() reports when the process is out of files or memory.
OUT_OF_RESOURCES = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
ACCEPT_FAILED = "socket.accept() out of system resource"  # asyncio's selector event loop
# After such a failure the selector loop listens again a second later; if the server
# stopped meanwhile, that retry meets the closed socket (fd -1) and fails with this.
ACCEPT_RETRY = "Exception in callback BaseSelectorEventLoop._start_serving"

REFUSAL = (
    b"HTTP/1.1 503 Service Unavailable\r\n"
    b"content-type: text/plain; charset=utf-8\r\n"
    b"content-length: 12\r\n"
    b"retry-after: 10\r\n"
    b"connection: close\r\n"
    b"\r\n"
    b"server busy\n"
)


@dataclass(frozen=True)
class Bounds:
    """The numbers, with the reasons for them."""

    # A phone sends its request's headers (about 1 KB, one packet) right after it
    # connects; 10 s leaves room for two or three lost packets on a poor mobile link.
    header_timeout: float = 10.0
    # Idle time between requests on a kept-alive connection: a page without event
    # streams polls every 3 s, so 5 s keeps its connection and frees a silent one soon.
    keep_alive: int = 5
    # An answer that cannot be written on for this long (the phone stopped reading)
    # is dropped: an event stream too (web/stream.py has no timeout of its own).
    write_timeout: float = 30.0
    # A browser opens at most 6 connections to a server. An address may open 12 event
    # streams a minute (server.STREAM_LIMIT): 32 holds those 12 with two browsers' page
    # loads beside them, so that limit's own answer (429, the page then polls) still
    # comes first, while 1,100 connections from one address hold only 32.
    per_address: int = 32
    # The most connections open at once, before the open-file limit lowers it: above
    # the hub's 6,000 event streams (whose own "busy" answer turns phones to polling),
    # with room for page loads and polls beside them. One PC serves 5,000 phones
    # (bench/bench_web.py --clients 5000); it needs an open-file limit of 16,832.
    max_connections: int = 8192
    # Request line and headers together. A phone's request is under 2 KB; h11's own
    # default is 16 KB. h11 holds back at most this much of an unfinished request, and
    # HeadLimit answers a finished one over it (h11 takes one that came in one read).
    max_header_bytes: int = 8192
    # The most connections the event loop accepts in one turn, each an open file before
    # it can be refused: asyncio takes it from the listen backlog, uvicorn's `backlog`.
    accept_batch: int = 128
    # Connections the kernel holds until they are accepted (the listen backlog, set again
    # after asyncio's own listen()): no open files, and a burst of a thousand waits here
    # instead of having its handshakes dropped, which would keep other phones waiting
    # for a retry a second or more later.
    listen_queue: int = 2048


# Open files the server needs besides its connections: standard streams, the log file,
# the database's connections and files, the event loop's selector and pipes, the
# listening socket: about 20 at rest, the rest is room.
RESERVED_FILES = 64
# A connection is its socket, and while it is sent a static file, that file.
FILES_PER_CONNECTION = 2
# The event loop accepts up to `accept_batch` connections a turn and closes a refused one
# two turns later, so about three turns' worth can be open before the first is closed.
ACCEPT_TURNS_IN_FLIGHT = 3


def files_needed(bounds: Bounds) -> int:
    """The open-file limit at which ``bounds.max_connections`` is reached in full."""
    return (
        RESERVED_FILES
        + ACCEPT_TURNS_IN_FLIGHT * bounds.accept_batch
        + FILES_PER_CONNECTION * bounds.max_connections
    )


def connections_for(open_files: int | None, bounds: Bounds) -> int:
    """The most connections to hold with ``open_files`` (None: no such limit, Windows)."""
    if open_files is None:
        return bounds.max_connections
    room = open_files - RESERVED_FILES - ACCEPT_TURNS_IN_FLIGHT * bounds.accept_batch
    # Never below one address's share and a little, so a single phone is still served
    # on a starved system (the accept errors are then counted, not printed).
    return max(bounds.per_address * 2, min(bounds.max_connections, room // FILES_PER_CONNECTION))


def raise_open_file_limit(wanted: int) -> int | None:
    """Raise this process's soft open-file limit towards its hard limit (POSIX; the hard
    limit only root may raise). The soft limit in force after, or None on Windows."""
    if sys.platform == "win32":
        return None
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # An unlimited hard limit (macOS) cannot be the soft one; there ask for what we need.
    targets = [hard] if hard != resource.RLIM_INFINITY else []
    targets.append(wanted)
    for target in targets:
        if soft != resource.RLIM_INFINITY and target <= soft:
            break
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):
            continue
        break
    return current_open_file_limit()


def current_open_file_limit() -> int | None:
    if sys.platform == "win32":
        return None
    import resource

    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return None if soft == resource.RLIM_INFINITY else int(soft)


def address_key(host: str | None) -> str:
    """Whom a connection or a request counts against: its IPv4 address, or its IPv6
    /64 (one phone, or one home, holds a whole /64 and could change address at will)."""
    if not host:
        return "?"
    ip = _ip(host)
    if ip is None:
        return host
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The peer's address, an IPv4 visitor on a dual-stack socket as IPv4; None when
    ``host`` is not an address."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def trusted_networks(
    entries: Iterable[str],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


# --- the log: once a minute ----------------------------------------------------------------


@dataclass
class FloodReport:
    """Counts what a flood does and logs it: the first event at once, then one line a
    minute with the counts, while anything is counted."""

    bounds: Bounds
    max_connections: int
    counts: dict[str, int] = field(default_factory=dict)
    _next: asyncio.TimerHandle | None = None

    FIRST: ClassVar[dict[str, str]] = {
        "per_address": "an address holds {per_address} connections: more are refused",
        "total": "{max_connections} connections are open: more are refused",
        "header_timeout": "closed a connection that sent no request within {header_timeout:g} s",
        "write_timeout": "dropped a connection that read nothing for {write_timeout:g} s",
        "accept_failed": "accept() failed: out of open files or memory",
        "oversized": "answered 431 to a request with over {max_header_bytes} bytes of headers",
    }
    COUNTED: ClassVar[dict[str, str]] = {
        "per_address": "refused {n} connection{s} from addresses holding {per_address}",
        "total": "refused {n} connection{s} with {max_connections} open",
        "header_timeout": "closed {n} that sent no request within {header_timeout:g} s",
        "write_timeout": "dropped {n} that read nothing for {write_timeout:g} s",
        "accept_failed": "accept() failed {n} time{s} for want of open files or memory",
        "oversized": "answered 431 to {n} request{s} with over {max_header_bytes} bytes of headers",
    }

    def note(self, kind: str) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if self._next is None:  # quiet until now: say so at once, and count from here
            log.warning("phone pages: %s (counted, told once a minute)", self._say(kind))
            self._schedule()

    def _schedule(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop to wait on: the next note says it at once again
            return
        self._next = loop.call_later(REPORT_EVERY, self.flush)

    def flush(self) -> None:
        """Log what was counted since the last line; keep counting a minute more if any."""
        if self._next is not None:
            self._next.cancel()
            self._next = None
        if self.counts:
            counts, self.counts = self.counts, {}
            log.warning("phone pages, the last minute: %s", "; ".join(self._count(counts)))
            self._schedule()

    def cancel(self) -> None:
        if self._next is not None:
            self._next.cancel()
            self._next = None

    def _numbers(self) -> dict[str, float]:
        return {
            "per_address": self.bounds.per_address,
            "max_connections": self.max_connections,
            "header_timeout": self.bounds.header_timeout,
            "write_timeout": self.bounds.write_timeout,
            "max_header_bytes": self.bounds.max_header_bytes,
        }

    def _say(self, kind: str) -> str:
        return self.FIRST[kind].format(**self._numbers())

    def _count(self, counts: dict[str, int]) -> list[str]:
        return [
            self.COUNTED[kind].format(n=n, s="" if n == 1 else "s", **self._numbers())
            for kind, n in counts.items()
        ]


# --- the gate: who may hold a connection --------------------------------------------------


class Guard:
    """The connections open now, by address, shared by every connection's protocol."""

    def __init__(
        self,
        bounds: Bounds | None = None,
        *,
        trusted_proxies: Iterable[str] = (),
        open_files: int | None = None,
    ) -> None:
        self.bounds = bounds or Bounds()
        self.max_connections = connections_for(open_files, self.bounds)
        self.trusted = trusted_networks(trusted_proxies)
        self.open: dict[str, int] = {}
        self.total = 0
        self.report = FloodReport(self.bounds, self.max_connections)

    def admit(self, host: str | None) -> str | None:
        """The key the new connection counts against, or None: refuse it."""
        if self.total >= self.max_connections:
            self.report.note("total")
            return None
        key = address_key(host)
        held = self.open.get(key, 0)
        if held >= self.bounds.per_address and not self._is_proxy(host):
            self.report.note("per_address")
            return None
        self.open[key] = held + 1
        self.total += 1
        return key

    def release(self, key: str) -> None:
        self.total -= 1
        held = self.open.pop(key) - 1
        if held:
            self.open[key] = held

    def _is_proxy(self, host: str | None) -> bool:
        """A trusted proxy speaks for many visitors: only the total bounds it."""
        if not self.trusted or not host:
            return False
        ip = _ip(host)
        return ip is not None and any(ip in network for network in self.trusted)

    def protocol(self) -> type[H11Protocol]:
        """The HTTP protocol class for ``uvicorn.Config(http=...)``, bound to this guard."""
        bound: type[GuardedH11Protocol] = type(
            "GuardedH11Protocol", (GuardedH11Protocol,), {"guard": self}
        )
        return bound

    def loop_exception_handler(
        self,
    ) -> Callable[[asyncio.AbstractEventLoop, dict[str, Any]], None]:
        """For ``loop.set_exception_handler``: accept() out of files is counted (asyncio
        would log it with a traceback, up to `accept_batch` times a turn); the rest as usual."""

        def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
            exc = context.get("exception")
            if (
                isinstance(exc, OSError)
                and exc.errno in OUT_OF_RESOURCES
                and str(context.get("message", "")).startswith(ACCEPT_FAILED)
            ):
                self.report.note("accept_failed")  # the selector loop retries in 1 s
                return
            if (
                isinstance(exc, ValueError)
                and "Invalid file descriptor" in str(exc)
                and str(context.get("message", "")).startswith(ACCEPT_RETRY)
            ):
                log.debug("phone pages: no accept() retry, the server has stopped listening")
                return
            # Anything else as asyncio logs it (OncePerMinute keeps that to one a minute),
            # Windows' "Accept failed on a socket" too: that loop stops listening after it.
            loop.default_exception_handler(context)

        return handle


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol under a Guard's bounds (one instance a connection)."""

    guard: ClassVar[Guard]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._counted_as: str | None = None
        self._header_timer: asyncio.TimerHandle | None = None
        self._write_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._counted_as = self.guard.admit(self.client[0] if self.client else None)
        if self._counted_as is None:
            # A fresh socket's send buffer is empty: one write, no waiting, then the file
            # is given back within two turns of the loop.
            transport.write(REFUSAL)
            transport.close()
            return
        self._await_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_timers()
        if self._counted_as is not None:
            self.guard.release(self._counted_as)
            self._counted_as = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        cycle = self.cycle
        super().data_received(data)
        if self.cycle is not cycle:  # a request's headers are in
            self._cancel_header_timer()

    def send_400_response(self, msg: str) -> None:
        # A request whose body broke h11's rules after its headers had started the app:
        # uvicorn answers 400 and closes, and the app's own answer to it would then meet
        # h11 in MUST_CLOSE ("Exception in ASGI application", a traceback a request).
        # Mark the cycle as gone, as uvicorn does when the peer hangs up: its send() then
        # drops that answer.
        if self.cycle is not None:
            self.cycle.disconnected = True
        super().send_400_response(msg)

    def on_response_complete(self) -> None:
        cycle = self.cycle
        super().on_response_complete()
        if self.cycle is cycle:  # no pipelined request followed: the next must come in time
            self._await_headers()

    def pause_writing(self) -> None:
        super().pause_writing()
        if self._write_timer is None:
            self._write_timer = self.loop.call_later(
                self.guard.bounds.write_timeout, self._give_up, "write_timeout"
            )

    def resume_writing(self) -> None:
        super().resume_writing()
        if self._write_timer is not None:
            self._write_timer.cancel()
            self._write_timer = None

    # --- timers -------------------------------------------------------------------------

    def _await_headers(self) -> None:
        """Also after a response that closes the connection: a close that waits on a
        reader who never reads is then cut short."""
        self._cancel_header_timer()
        self._header_timer = self.loop.call_later(
            self.guard.bounds.header_timeout, self._give_up, "header_timeout"
        )

    def _give_up(self, why: str) -> None:
        if why == "header_timeout":
            self._header_timer = None
        else:
            self._write_timer = None
        self.guard.report.note(why)
        self.transport.abort()  # no flush: the other side is not reading or not sending

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _cancel_timers(self) -> None:
        self._cancel_header_timer()
        if self._write_timer is not None:
            self._write_timer.cancel()
            self._write_timer = None


class HeadLimit:
    """ASGI, outermost: a request whose line and headers together pass
    ``max_header_bytes`` is answered 431 and its connection closed, unseen by the app."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _head_bytes(scope) > self.guard.bounds.max_header_bytes:
            self.guard.report.note("oversized")
            await send(
                {
                    "type": "http.response.start",
                    "status": 431,
                    "headers": [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"connection", b"close"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b"request headers too large\n"})
            return
        await self.app(scope, receive, send)


def _head_bytes(scope: Scope) -> int:
    """About what the request line and headers took on the wire."""
    line = len(scope["method"]) + len(scope.get("raw_path") or b"") + len(scope["query_string"])
    return line + 12 + sum(len(name) + len(value) + 4 for name, value in scope["headers"])


class OncePerMinute(logging.Filter):
    """For the web stack's own loggers (uvicorn.error, asyncio): each kind of message at
    most once a minute, with the count of those left out. Hostile requests can make them
    log at every request ("Invalid HTTP request received.")."""

    KINDS = 256  # remembered at most; one more kind than these starts afresh

    def __init__(self, every: float = REPORT_EVERY, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.every = every
        self.clock = clock
        self._last: dict[tuple[str, str], float] = {}
        self._left_out: dict[tuple[str, str], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        # The kind: uvicorn's template, or the first line of asyncio's message (the rest
        # names a transport or a task, different every time).
        key = (record.name, str(record.msg).partition("\n")[0][:120])
        if key not in self._last and len(self._last) >= self.KINDS:
            self._last.clear()
            self._left_out.clear()
        now = self.clock()
        last = self._last.get(key)
        if last is not None and now - last < self.every:
            self._left_out[key] = self._left_out.get(key, 0) + 1
            return False
        self._last[key] = now
        left_out = self._left_out.pop(key, 0)
        if left_out:
            record.msg = f"{record.msg} (and {left_out} more like it in the minute before)"
        return True


LIBRARY_LOGGERS = ("uvicorn.error", "asyncio")


def quiet_library_logs() -> None:
    """Put OncePerMinute on the web stack's loggers, once a process."""
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, OncePerMinute) for f in logger.filters):
            logger.addFilter(OncePerMinute())
