"""The phone server under a hostile crowd: one address holding a thousand silent or
half-sent connections, more connections than the server has open files, forwarded
headers from whoever sends them. A real `counter-app web` process, real sockets on
loopback; another phone (127.0.0.2) must still be served.

The server runs with the bounds it ships with: the flood tests wait out the real 10 s
header timeout (marked slow).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import http.client
import logging
import math
import os
import resource
import selectors
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomlkit
from conftest import write_config
from webkit import cli

from counter_app.logs import log_file
from counter_app.web.guard import (
    Bounds,
    FloodReport,
    Guard,
    OncePerMinute,
    address_key,
    connections_for,
    files_needed,
)
from counter_app.web.serve import READY
from counter_app.web.server import PAGE_LIMIT, STREAM_LIMIT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="127.0.0.2 and rlimits: Linux")

BOUNDS = Bounds()
START_TIMEOUT = 30.0
COMMAND = [sys.executable, "-m", "counter_app"]
PHONE = "127.0.0.2"  # the other visitor: any 127/8 address is this PC's on Linux
FLOOD = 1100  # the attack report's count: more than the usual 1,024 open files


# --- the server ---------------------------------------------------------------------------


@dataclass
class Server:
    proc: subprocess.Popen[str]
    port: int
    stderr: Path

    def stop(self) -> str:
        """Stop it (SIGTERM: it tells its last counts first); what it wrote on stderr."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=START_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.stderr.read_text(encoding="utf-8", errors="replace")


def _open_files(limit: int) -> Callable[[], None]:
    def lower() -> None:  # in the child, before it runs Python
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    return lower


@contextmanager
def web(config: Path, tmp_path: Path, *, open_files: int | None = None) -> Iterator[Server]:
    """`counter-app web` on 127.0.0.1 and a free port; its stderr goes to a file, so a
    flood of lines can neither fill a pipe nor go unseen. ``open_files``: its soft and
    hard RLIMIT_NOFILE (it cannot raise a hard limit)."""
    stderr = tmp_path / f"stderr-{time.monotonic_ns()}.txt"
    with stderr.open("w") as err:
        proc = subprocess.Popen(
            [*COMMAND, "--config", str(config), "web", "--host", "127.0.0.1", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=err,
            stdin=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            preexec_fn=_open_files(open_files) if open_files else None,
        )
    server = Server(proc, 0, stderr)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until the server listens or dies
        if not line.startswith(READY):
            raise AssertionError(f"web server did not start: {line!r} {server.stop()!r}")
        server.port = int(line.rsplit(":", 1)[1])
        yield server
    finally:
        server.stop()


@pytest.fixture
def config(tmp_path: Path, sqlite_url: str) -> Path:
    path = write_config(tmp_path / "c.toml", sqlite_url)
    cli(path, "status")  # creates the database
    return path


@pytest.fixture(autouse=True)
def _room_for_the_crowd() -> None:
    """This process holds the crowd's sockets: raise its own soft limit where it can."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = 4 * FLOOD
    if soft != resource.RLIM_INFINITY and soft < need:
        if hard != resource.RLIM_INFINITY and hard < need:
            pytest.skip(f"the tests' own open-file limit ({hard}) is below {need}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (need, hard))


# --- the crowd ----------------------------------------------------------------------------

PARTIAL = b"GET / HTTP/1.1\r\nHost: phones\r\nUser-Agent: "  # headers never finished


@dataclass(eq=False)
class Conn:
    sock: socket.socket
    opened: float
    trickle: bool
    received: bytes = b""
    closed: float | None = None


def crowd(port: int, count: int, *, sources: list[str], half: bool) -> list[Conn]:
    """``count`` connections at once, as fast as the kernel takes them, spread over
    ``sources``; with ``half`` every other one sends a request's first header lines (and
    trickles a byte at a time in follow()). Returns once every one is connected."""
    pending: dict[socket.socket, bool] = {}
    for i in range(count):
        sock = socket.socket()
        sock.setblocking(False)
        sock.bind((sources[i % len(sources)], 0))
        assert sock.connect_ex(("127.0.0.1", port)) in (0, errno.EINPROGRESS)
        pending[sock] = half and i % 2 == 1
    conns: list[Conn] = []
    deadline = time.monotonic() + 60
    with selectors.DefaultSelector() as sel:
        for sock in pending:
            sel.register(sock, selectors.EVENT_WRITE, sock)
        while len(conns) < count:
            assert time.monotonic() < deadline, f"{count - len(conns)} never connected"
            for key, _ in sel.select(0.5):
                ready: socket.socket = key.data
                sel.unregister(ready)
                problem = ready.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                assert problem == 0, os.strerror(problem)
                if pending[ready]:
                    ready.send(PARTIAL)
                conns.append(Conn(ready, time.monotonic(), pending[ready]))
    return conns


def follow(conns: list[Conn], until: Callable[[], bool], timeout: float) -> None:
    """Read what the server sends each connection and note when it closes it, trickling
    a header byte every half second into the half-sent ones, until ``until()`` holds
    (fails after ``timeout`` s)."""
    sel = selectors.DefaultSelector()
    for c in conns:
        if c.closed is None:
            sel.register(c.sock, selectors.EVENT_READ, c)
    deadline = time.monotonic() + timeout
    next_trickle = time.monotonic()
    try:
        while not until():
            now = time.monotonic()
            if now > deadline:
                open_ = sum(c.closed is None for c in conns)
                raise AssertionError(f"not within {timeout:.0f} s ({open_} still open)")
            if now >= next_trickle:
                next_trickle = now + 0.5
                for c in conns:
                    if c.trickle and c.closed is None:
                        with contextlib.suppress(OSError):  # closed: the read sees it
                            c.sock.send(b"x")
            for key, _ in sel.select(0.1):
                c = key.data
                try:
                    data = c.sock.recv(65536)
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
                if data:
                    c.received += data
                else:
                    c.closed = time.monotonic()
                    sel.unregister(c.sock)
    finally:
        sel.close()


def close_all(conns: list[Conn]) -> None:
    for c in conns:
        c.sock.close()


def board(port: int, source: str = PHONE, **headers: str) -> tuple[int, float]:
    """GET / from ``source`` on a new connection: the status and the seconds it took.
    A connection refused at once may be reset under the request before its 503 is
    read: that counts as 503."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        conn.request("GET", "/", headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
        return 503, time.monotonic() - started
    finally:
        conn.close()


def refused(c: Conn) -> bool:
    return c.closed is not None and c.received.startswith(b"HTTP/1.1 503 ")


def assert_quiet(stderr: str) -> None:
    """A handful of lines at most; no traceback, no accept() error."""
    lines = stderr.splitlines()
    assert len(lines) <= 5, stderr[:2000]
    assert "Traceback" not in stderr, stderr[:2000]
    assert "Too many open files" not in stderr, stderr[:2000]


def guard_lines() -> list[str]:
    text = log_file().read_text(encoding="utf-8")
    return [line for line in text.splitlines() if "counter_app.web.guard" in line]


# --- one address, many connections --------------------------------------------------------


@pytest.mark.slow
def test_one_address_cannot_lock_the_other_phones_out(config: Path, tmp_path: Path) -> None:
    with web(config, tmp_path) as server:
        conns = crowd(server.port, FLOOD, sources=["127.0.0.1"], half=True)
        try:
            over = FLOOD - BOUNDS.per_address
            follow(conns, lambda: sum(map(refused, conns)) == over, timeout=BOUNDS.header_timeout)
            status, took = board(server.port)
            assert status == 200
            assert took < 1.0
            held = [c for c in conns if c.closed is None]
            assert len(held) == BOUNDS.per_address
            assert any(c.trickle for c in held) and not all(c.trickle for c in held)

            # silent and trickling alike: closed once their headers are overdue
            follow(held, lambda: all(c.closed for c in held), timeout=BOUNDS.header_timeout + 10)
            for c in held:
                assert c.closed is not None
                assert BOUNDS.header_timeout - 1 <= c.closed - c.opened <= BOUNDS.header_timeout + 5
                assert c.received == b""  # dropped, no answer to half a request
        finally:
            close_all(conns)
        assert board(server.port, "127.0.0.1")[0] == 200  # the address is served again
        assert_quiet(server.stop())
    lines = guard_lines()
    assert len(lines) <= 3, lines
    assert any(f"refused {over} connections from addresses holding 32" in li for li in lines)


@pytest.mark.slow
def test_more_connections_than_the_server_has_open_files(config: Path, tmp_path: Path) -> None:
    limit = 1024  # the usual soft limit, here the hard one too: the server cannot raise it
    assert limit < FLOOD
    with web(config, tmp_path, open_files=limit) as server:
        conns = crowd(server.port, FLOOD, sources=["127.0.0.1"], half=False)
        try:
            over = FLOOD - BOUNDS.per_address
            follow(conns, lambda: sum(map(refused, conns)) == over, timeout=BOUNDS.header_timeout)
            status, took = board(server.port)
            assert status == 200
            assert took < 1.0
            held = [c for c in conns if c.closed is None]
            follow(held, lambda: all(c.closed for c in held), timeout=BOUNDS.header_timeout + 10)
        finally:
            close_all(conns)
        assert_quiet(server.stop())
    text = log_file().read_text(encoding="utf-8")
    assert f"up to {connections_for(limit, BOUNDS)} connections (32 an address)" in text
    assert "accept() failed" not in text


@pytest.mark.slow
def test_many_addresses_fill_the_server_and_it_recovers(config: Path, tmp_path: Path) -> None:
    limit = 1024
    total = connections_for(limit, BOUNDS)  # 288 at 1,024 files
    sources = [f"127.0.1.{n}" for n in range(1, total // BOUNDS.per_address + 2)]
    count = BOUNDS.per_address * len(sources)
    assert count > total
    with web(config, tmp_path, open_files=limit) as server:
        conns = crowd(server.port, count, sources=sources, half=False)
        try:
            follow(conns, lambda: sum(map(refused, conns)) == count - total, timeout=10)
            assert board(server.port)[0] == 503  # full: refused at once, not left hanging
            follow(conns, lambda: all(c.closed for c in conns), timeout=BOUNDS.header_timeout + 10)
        finally:
            close_all(conns)
        assert board(server.port)[0] == 200
        assert_quiet(server.stop())
    lines = guard_lines()
    assert len(lines) <= 3, lines
    assert any(f"{total} connections are open: more are refused" in li for li in lines)


@pytest.mark.slow
def test_out_of_open_files_all_the_same_is_counted_not_printed(
    config: Path, tmp_path: Path
) -> None:
    """So few files (64, about 20 in use at rest) that the bounds cannot keep accept()
    from running out when 300 connections come at once: asyncio's error (a traceback, as
    often as `accept_batch` times a turn) becomes a count in the log."""
    with web(config, tmp_path, open_files=64) as server:
        started = time.monotonic()
        conns = crowd(server.port, 300, sources=["127.0.0.1"], half=False)
        try:
            # Accepting runs out of files, so some wait in the kernel's queue; on a slow
            # machine the first 32 reach their header timeout before the last are taken,
            # and a next 32 may be let in. So: every one ends, and no more were ever held
            # than 32 per header timeout that passed.
            follow(conns, lambda: all(c.closed is not None for c in conns), timeout=60)
            generations = math.ceil((time.monotonic() - started) / BOUNDS.header_timeout) + 1
            held = len(conns) - sum(map(refused, conns))
            assert 0 < held <= BOUNDS.per_address * generations, (held, generations)
        finally:
            close_all(conns)
        deadline = time.monotonic() + 30
        while board(server.port)[0] != 200:  # bounded: fails after 30 s
            assert time.monotonic() < deadline, "never served again"
        assert_quiet(server.stop())
    lines = guard_lines()
    assert any("accept() failed" in li and "for want of open files" in li for li in lines), lines
    assert len(lines) <= 3, lines


# --- malformed requests ----------------------------------------------------------------


MALFORMED = {
    "a body that breaks its chunking": b"POST / HTTP/1.1\r\nHost: x\r\n"
    b"Transfer-Encoding: chunked\r\n\r\nzz\r\n",
    "a POST without a token": b"POST /t/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
    "a 100 MB body announced": b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n"
    + b"a" * 60_000,
    "no request line": b"GARBAGE\r\n\r\n",
    "a NUL in the path": b"GET /t/\x00x HTTP/1.1\r\nHost: x\r\n\r\n",
}


def test_malformed_requests_get_a_plain_refusal_and_no_traceback(
    config: Path, tmp_path: Path
) -> None:
    """A request whose body goes wrong after its headers were taken: uvicorn answers 400
    while the app, started on the headers, answers too; that second answer must not end
    in a traceback on stderr."""
    with web(config, tmp_path) as server:
        for what, request in MALFORMED.items():
            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
                sock.sendall(request)
                status = sock.recv(64).split(b"\r\n")[0]
            assert status.split()[1] in (b"400", b"405"), (what, status)
        assert board(server.port)[0] == 200  # and the server goes on serving
        stderr = server.stop()
    assert "Traceback" not in stderr, stderr[:3000]


# --- forwarded headers --------------------------------------------------------------------


def stream(port: int, source: str = "127.0.0.1", **headers: str) -> int:
    """Open the board's event stream, take its status, hang up."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        conn.request("GET", "/events", headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


def use_up(port: int, source: str = "127.0.0.1", **headers: str) -> None:
    """Spend the page and stream allowance of whoever these requests count against."""
    assert {board(port, source, **headers)[0] for _ in range(PAGE_LIMIT.amount)} == {200}
    assert {stream(port, source, **headers) for _ in range(STREAM_LIMIT.amount)} == {200}


def test_forwarded_headers_get_no_allowance_of_their_own(config: Path, tmp_path: Path) -> None:
    with web(config, tmp_path) as server:
        use_up(server.port, "127.0.0.1")
        for spoof in (
            {"X-Forwarded-For": "198.51.100.7"},
            {"X-Forwarded-For": "198.51.100.8, 198.51.100.9"},
            {"Forwarded": "for=198.51.100.10"},
        ):
            assert board(server.port, "127.0.0.1", **spoof)[0] == 429, spoof
            assert stream(server.port, "127.0.0.1", **spoof) == 429, spoof
        assert_quiet(server.stop())


def test_a_trusted_proxy_names_the_visitor(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config(tmp_path / "c.toml", sqlite_url, web={"trusted_proxies": ["127.0.0.1"]})
    cli(config, "status")
    with web(config, tmp_path) as server:
        first = {"X-Forwarded-For": "198.51.100.7"}
        use_up(server.port, "127.0.0.1", **first)
        assert board(server.port, "127.0.0.1", **first)[0] == 429
        assert stream(server.port, "127.0.0.1", **first) == 429
        other = {"X-Forwarded-For": "198.51.100.8"}
        assert board(server.port, "127.0.0.1", **other)[0] == 200
        assert stream(server.port, "127.0.0.1", **other) == 200
        # a peer that is no trusted proxy still counts as itself
        use_up(server.port, PHONE, **{"X-Forwarded-For": "198.51.100.20"})
        assert board(server.port, PHONE, **{"X-Forwarded-For": "198.51.100.21"})[0] == 429

        # the proxy speaks for many phones: the per-address cap is not its
        proxied = crowd(server.port, BOUNDS.per_address + 8, sources=["127.0.0.1"], half=False)
        try:
            assert board(server.port, "127.0.0.1", **{"X-Forwarded-For": "198.51.100.9"})[0] == 200
            for c in proxied:
                with pytest.raises(BlockingIOError):
                    c.sock.recv(1)  # open, and told nothing
        finally:
            close_all(proxied)
        assert_quiet(server.stop())


def test_a_bad_trusted_proxy_is_a_config_error(config: Path) -> None:
    doc = tomlkit.parse(config.read_text(encoding="utf-8"))
    doc["web"]["trusted_proxies"] = ["127.0.0.1", "proxy.local"]  # type: ignore[index]
    config.write_text(tomlkit.dumps(doc), encoding="utf-8")
    done = subprocess.run(
        [*COMMAND, "--config", str(config), "web", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
    )
    assert done.returncode == 2
    assert f"{config}: web.trusted_proxies[2]: 'proxy.local' is not an IP address" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("localhost", "'localhost' is not an IP address or network"),
        ("10.0.0.0/33", "'10.0.0.0/33' is not an IP address or network"),
        ("192.168.1.5/24", "'192.168.1.5/24' has host bits set: the network is '192.168.1.0/24'"),
        ("0.0.0.0/0", "'0.0.0.0/0' would trust every address"),
        ("::/0", "'::/0' would trust every address"),
    ],
)
def test_each_trusted_proxy_entry_is_checked(entry: str, problem: str) -> None:
    from conftest import make_config

    from counter_app.core.config import ConfigError

    with pytest.raises(ConfigError) as caught:
        make_config(web={"trusted_proxies": ["10.0.0.0/8", entry]})
    assert str(caught.value).startswith(f"test.toml: web.trusted_proxies[2]: {problem}")
    cfg = make_config(web={"trusted_proxies": ["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"]})
    assert cfg.web.trusted_proxies == ["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"]


# --- the pieces ---------------------------------------------------------------------------


def test_the_numbers_fit_the_open_file_limit() -> None:
    assert connections_for(None, BOUNDS) == BOUNDS.max_connections  # Windows
    assert connections_for(files_needed(BOUNDS), BOUNDS) == BOUNDS.max_connections
    assert connections_for(1_048_576, BOUNDS) == BOUNDS.max_connections
    at_1024 = connections_for(1024, BOUNDS)
    assert BOUNDS.per_address < at_1024 < 1024 // 2
    assert BOUNDS.per_address > STREAM_LIMIT.amount  # the stream limit's 429 comes first


def test_an_address_is_an_ipv4_address_or_an_ipv6_64() -> None:
    assert address_key("192.0.2.7") == "192.0.2.7"
    assert address_key("::ffff:192.0.2.7") == "192.0.2.7"
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::9")
    assert address_key("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key(None) == "?"


def test_the_caps_count_and_release() -> None:
    guard = Guard(Bounds(per_address=2, max_connections=4), trusted_proxies=["10.0.0.0/8"])
    a = [guard.admit("192.0.2.1") for _ in range(3)]
    assert a == ["192.0.2.1", "192.0.2.1", None]
    assert guard.admit("10.1.2.3") == "10.1.2.3"
    assert guard.admit("10.1.2.3") == "10.1.2.3"  # a trusted proxy: over the per-address 2
    assert guard.admit("198.51.100.1") is None  # 4 open: the total
    guard.release("192.0.2.1")
    assert guard.admit("198.51.100.1") == "198.51.100.1"
    assert guard.open == {"192.0.2.1": 1, "10.1.2.3": 2, "198.51.100.1": 1}
    assert guard.report.counts == {"per_address": 1, "total": 1}


def test_accept_out_of_files_is_counted_once_a_minute(caplog: pytest.LogCaptureFixture) -> None:
    guard = Guard()

    async def flood() -> None:
        loop = asyncio.get_running_loop()
        handle = guard.loop_exception_handler()
        for _ in range(2048):  # what one turn of asyncio's accept loop can report
            handle(
                loop,
                {
                    "message": "socket.accept() out of system resource",
                    "exception": OSError(errno.EMFILE, "Too many open files"),
                },
            )
        guard.report.flush()
        guard.report.cancel()

    with caplog.at_level(logging.WARNING):
        asyncio.run(flood())
    records = [r for r in caplog.records if r.name == "counter_app.web.guard"]
    assert [r.getMessage() for r in records] == [
        "phone pages: accept() failed: out of open files or memory (counted, told once a minute)",
        "phone pages, the last minute: accept() failed 2048 times for want of open files or memory",
    ]
    assert all(r.exc_info is None for r in records)


def test_an_accept_retry_after_the_server_stopped_is_not_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Out of files, asyncio listens again a second later; a server stopped in that
    second has closed its socket, and the retry's ValueError is no error of anyone's."""

    async def stopped() -> None:
        handle = Guard().loop_exception_handler()
        handle(
            asyncio.get_running_loop(),
            {
                "message": "Exception in callback BaseSelectorEventLoop._start_serving(...)",
                "exception": ValueError("Invalid file descriptor: -1"),
            },
        )

    with caplog.at_level(logging.WARNING):
        asyncio.run(stopped())
    assert caplog.records == []


def test_other_loop_errors_are_logged_as_asyncio_would(caplog: pytest.LogCaptureFixture) -> None:
    async def fail() -> None:
        handle = Guard().loop_exception_handler()
        handle(
            asyncio.get_running_loop(),
            {
                "message": "Accept failed on a socket",
                "exception": OSError(errno.ENOBUFS, "no buffers"),
            },
        )

    with caplog.at_level(logging.ERROR):
        asyncio.run(fail())
    assert [(r.name, r.getMessage().splitlines()[0]) for r in caplog.records] == [
        ("asyncio", "Accept failed on a socket")
    ]


def test_library_warnings_are_told_once_a_minute() -> None:
    now = [0.0]
    once = OncePerMinute(clock=lambda: now[0])

    def record(msg: str) -> logging.LogRecord:
        return logging.LogRecord("uvicorn.error", logging.WARNING, __file__, 1, msg, None, None)

    passed = [once.filter(record("Invalid HTTP request received.")) for _ in range(1000)]
    assert passed.count(True) == 1
    assert once.filter(record("Unsupported upgrade request."))  # another kind: its own minute
    now[0] = 61.0
    later = record("Invalid HTTP request received.")
    assert once.filter(later)
    assert later.getMessage() == (
        "Invalid HTTP request received. (and 999 more like it in the minute before)"
    )


def test_a_report_names_its_numbers(caplog: pytest.LogCaptureFixture) -> None:
    report = FloodReport(BOUNDS, 4096)
    report.counts = {"per_address": 1068, "header_timeout": 32, "oversized": 1}
    with caplog.at_level(logging.WARNING):
        report.flush()
    assert caplog.messages == [
        "phone pages, the last minute: refused 1068 connections from addresses holding 32; "
        "closed 32 that sent no request within 10 s; "
        "answered 431 to 1 request with over 8192 bytes of headers"
    ]
    assert report.counts == {}
