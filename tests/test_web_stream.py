"""One phone's event stream (web/stream.py): encoded events passed on, pings when the hub
says so, and an end when the phone hangs up or the server stops."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from conftest import FakeClock, make_config

from counter_app.core.queue import Queue
from counter_app.storage.db import Database
from counter_app.web import hub as hub_module
from counter_app.web.hub import PING, Hub, Listener, Update
from counter_app.web.stream import PING_EVENT, EventStream


class Phone:
    """The ASGI side of one connection: what the server sent, and a hang-up to give."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []
        self.got = asyncio.Event()
        self.inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def receive(self) -> dict[str, Any]:
        return await self.inbox.get()

    async def send(self, message: dict[str, Any]) -> None:
        self.sent.append(message)
        self.got.set()

    def bodies(self) -> list[bytes]:
        return [m["body"] for m in self.sent if m["type"] == "http.response.body"]

    async def until(self, count: int) -> None:
        async with asyncio.timeout(10):
            while len(self.bodies()) < count:
                self.got.clear()
                await self.got.wait()


def snapshot_update(database: Database, clock: FakeClock) -> Update:
    queue = Queue(database, make_config(), clock=clock)
    return Update(queue.snapshot(set()), offline=False)


def test_updates_and_pings_pass_and_a_hang_up_ends_it(database: Database, clock: FakeClock) -> None:
    update = snapshot_update(database, clock)
    left: list[Listener] = []

    async def scene() -> Phone:
        listener, phone = Listener(None, "id"), Phone()
        stream = EventStream(
            listener, b"first", lambda u: b"v%d" % u.snapshot.status.version, left.append
        )
        task = asyncio.ensure_future(stream({"type": "http"}, phone.receive, phone.send))
        await phone.until(1)
        listener.offer(PING)
        await phone.until(2)
        listener.offer(update)
        await phone.until(3)
        await phone.inbox.put({"type": "http.disconnect"})
        async with asyncio.timeout(10):
            await task  # ended by the hang-up, with nothing more offered
        assert left == [listener]
        return phone

    phone = asyncio.run(scene())
    start = phone.sent[0]
    assert start["type"] == "http.response.start" and start["status"] == 200
    assert (b"content-type", b"text/event-stream; charset=utf-8") in start["headers"]
    version = update.snapshot.status.version
    assert phone.bodies() == [b"first", PING_EVENT, b"v%d" % version, b""]
    assert phone.sent[-1]["more_body"] is False


def test_the_hub_pings_only_streams_with_nothing_to_send(
    database: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hub_module, "PING_EVERY", 0.05)
    cfg = make_config()
    hub = Hub(Queue(database, cfg, clock=clock), Queue(database, cfg, clock=clock))
    update = snapshot_update(database, clock)

    async def scene() -> Any:
        hub.start()  # its follower may publish a first read: taken off below
        try:
            idle, busy = hub.listen("A-001", "id"), hub.listen(None, "en")
            assert idle is not None and busy is not None
            busy.offer(update)  # never taken: a ping must not push it out
            async with asyncio.timeout(10):
                while await idle.updates.get() is not PING:
                    pass
            return busy.updates.get_nowait()
        finally:
            hub.stop()

    kept = asyncio.run(scene())
    assert isinstance(kept, Update)  # ours, or a newer read from the follower: not a ping


def test_a_phone_that_stops_reading_is_cut_off_and_let_go(
    database: Database, clock: FakeClock
) -> None:
    """The streams' only bound on a reader that stops reading is the guard's write
    timeout: the server's buffer for it fills, the connection is dropped, and its place
    among the streams is free again, while every other phone is served."""
    import socket
    import threading
    import time

    import httpx2
    from conftest import wait_for

    from counter_app.web.guard import Bounds, Guard
    from counter_app.web.serve import listen, make_server
    from counter_app.web.server import create_app

    cfg = make_config()
    desk = Queue(database, cfg, clock=clock)
    app = create_app(cfg, Queue(database, cfg, clock=clock), Queue(database, cfg, clock=clock))
    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = make_server(app, Guard(Bounds(write_timeout=1.0)))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    stalled = socket.socket()
    try:
        wait_for(lambda: server.started, timeout=30)
        base = f"http://127.0.0.1:{port}"

        def listeners() -> int:
            return int(httpx2.get(f"{base}/healthz", timeout=10).json()["listeners"])

        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # fills soon
        stalled.connect(("127.0.0.1", port))
        stalled.sendall(b"GET /events HTTP/1.1\r\nHost: phone\r\n\r\n")  # then never reads
        wait_for(lambda: listeners() == 1, timeout=10)
        # Loopback's send buffers grow to megabytes; a phone on a poor link fills the
        # server's in a few events. Make this one's as small as the kernel allows.
        mine = stalled.getsockname()[1]
        (conn,) = [c for c in server.server_state.connections if c.client and c.client[1] == mine]
        conn.transport.get_extra_info("socket").setsockopt(
            socket.SOL_SOCKET, socket.SO_SNDBUF, 4096
        )
        deadline = time.monotonic() + 60
        while listeners() == 1:  # each visit changes the board: one more event for it
            assert time.monotonic() < deadline, "the stalled stream was never let go"
            desk.issue("A")
            desk.call_next(1)
            desk.done(1)
        assert httpx2.get(f"{base}/", timeout=10).status_code == 200  # the rest served
    finally:
        stalled.close()
        server.should_exit = True
        thread.join(30)
        sock.close()
