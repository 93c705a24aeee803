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
