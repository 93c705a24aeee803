"""Booking while a crowd holds the phone server's connections open and says nothing: a
real `counter-app web` process, real sockets from many loopback addresses (the crowd
helpers of tests/test_web_flood.py); a visitor from another address must still get
the form and book.
"""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path

import httpx2
import pytest
from test_web_booking import NIKS, TIMEOUT, book, office, today
from test_web_flood import BOUNDS, assert_quiet, close_all, crowd, follow, refused, web

__all__ = ["office"]  # test_web_booking's fixture: this test takes it too

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="127.0.3.x and rlimits: Linux")

SOURCES = [f"127.0.3.{n}" for n in range(1, 9)]  # 8 addresses, each at its cap


def still_open(sock: socket.socket) -> bool:
    """Open and silent: nothing to read, no end of stream (the sockets are non-blocking)."""
    try:
        sock.recv(1)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def test_a_visitor_books_while_silent_connections_are_held(office: Path, tmp_path: Path) -> None:
    day = today(office)
    each = BOUNDS.per_address + 1  # one over the cap: its refusal shows the rest are held
    with web(office, tmp_path) as server:
        base = f"http://127.0.0.1:{server.port}"
        conns = crowd(server.port, each * len(SOURCES), sources=SOURCES, half=False)
        try:
            # the state to book in: every address holds its 32, the 33rd was refused
            follow(
                conns,
                lambda: sum(map(refused, conns)) == len(SOURCES),
                timeout=BOUNDS.header_timeout,
            )
            held = [c for c in conns if c.closed is None]
            assert len(held) == BOUNDS.per_address * len(SOURCES)

            started = time.monotonic()
            with httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
                made = book(client, base, day, NIKS[0])  # GET /book, then POST /book
                assert made.status_code == 303, made.text
                page = client.get("/" + made.headers["location"])
                assert page.status_code == 200 and "AD-001" in page.text
            took = time.monotonic() - started

            # and the crowd was there all along: open, told nothing (the header timeout
            # closes them; a booking that had waited for it would prove nothing)
            assert all(still_open(c.sock) for c in held), took
        finally:
            close_all(conns)
        assert_quiet(server.stop())
