"""Phones arriving together (a restarted server, a Wi-Fi blip) share the hub's reads."""

from __future__ import annotations

import asyncio
from typing import Any

from conftest import FakeClock, make_config

from counter_app.core.queue import Queue
from counter_app.storage.db import Database
from counter_app.web.hub import Hub


def test_pages_asking_together_share_one_read(database: Database, clock: FakeClock) -> None:
    cfg = make_config(capacity={"limit": 100})
    desk = Queue(database, cfg, clock=clock)
    codes = [desk.issue("A").code for _ in range(60)]
    reader = Queue(database, cfg, clock=clock)
    reads: list[int] = []
    snapshot = reader.snapshot

    def counted(wanted: Any, **kwargs: Any) -> Any:
        reads.append(len(wanted))
        return snapshot(wanted, **kwargs)

    reader.snapshot = counted  # type: ignore[method-assign]
    hub = Hub(Queue(database, cfg, clock=clock), reader)  # not started: no follower

    async def arrive() -> list[Any]:
        return await asyncio.gather(*(hub.read(code) for code in codes))

    updates = asyncio.run(arrive())
    for code, update in zip(codes, updates, strict=True):
        assert code in update.snapshot.tickets and not update.offline
    # each read of its own was 60 reads of a growing set; a shared one is one or two
    assert len(reads) <= 2, reads


def test_a_slow_follower_read_does_not_drop_a_pages_ticket(
    database: Database, clock: FakeClock
) -> None:
    """The follower begins a read, a page then reads its own ticket, and the follower's
    read (of the same version, without that ticket) lands last: the hub keeps the ticket,
    so the page still has its last state to show if the database goes away."""
    import threading

    cfg = make_config()
    desk = Queue(database, cfg, clock=clock)
    follower = Queue(database, cfg, clock=clock)
    began, release = threading.Event(), threading.Event()
    snapshot = follower.snapshot

    def slow(wanted: Any, **kwargs: Any) -> Any:
        asked = set(wanted)  # what it was asked for when it began
        if began.is_set():
            return snapshot(asked, **kwargs)
        began.set()
        release.wait(10)
        return snapshot(asked, **kwargs)

    async def scenario() -> tuple[bool, bool]:
        hub = Hub(follower, Queue(database, cfg, clock=clock))
        ticket = await asyncio.to_thread(desk.issue, "A")
        follower.snapshot = slow  # type: ignore[method-assign]
        hub.start()
        await asyncio.to_thread(began.wait, 10)  # the follower's first read has begun
        page = await hub.read(ticket.code)  # the page's own read, with its ticket
        release.set()
        for _ in range(500):  # the follower's read lands
            await asyncio.sleep(0.01)
            if hub.latest is not None and hub.latest is not page.snapshot:
                break
        hub.stop()
        assert hub.latest is not None
        return ticket.code in page.snapshot.tickets, ticket.code in hub.latest.tickets

    in_page, kept = asyncio.run(scenario())
    assert in_page
    assert kept


def test_a_read_begun_before_a_phone_followed_its_ticket_does_not_send_it_reload(
    database: Database, clock: FakeClock
) -> None:
    """The follower's read of a newer version, begun before a phone's stream followed its
    ticket, lacks that ticket: the stream must not be told the ticket is gone (its page
    would reload for nothing, seen in bench/office_day.py), and gets the newer state from
    one more read instead."""
    cfg = make_config()
    desk = Queue(database, cfg, clock=clock)
    follower = Queue(database, cfg, clock=clock)

    async def scenario() -> list[Any]:
        hub = Hub(follower, Queue(database, cfg, clock=clock))  # not started: we feed it
        hub._loop = asyncio.get_running_loop()
        ticket = await asyncio.to_thread(desk.issue, "A")
        listener = hub.listen(ticket.code, "id")
        assert listener is not None
        page = await hub.read(ticket.code)  # the phone's first state
        assert ticket.code in page.snapshot.tickets
        await asyncio.to_thread(desk.issue, "A")  # a newer version, then the old read lands
        newer = await asyncio.to_thread(follower.snapshot, set())  # as if begun before
        assert newer.status.version > page.snapshot.status.version
        hub._arrived(newer, False)
        got = [await asyncio.wait_for(listener.updates.get(), 10)]
        hub.stop()
        return [*got, ticket.code, newer.status.version]

    update, code, version = asyncio.run(scenario())
    assert code in update.snapshot.tickets  # no update without its ticket (a "reload")
    assert update.snapshot.status.version >= version  # and the newer state, read again


def test_a_ticket_asked_for_and_absent_is_gone(database: Database, clock: FakeClock) -> None:
    """The other side: a read that looked for the ticket and did not find it (a new day,
    a purge) is passed on, so the page can say so."""
    cfg = make_config()
    reader = Queue(database, cfg, clock=clock)
    snap = reader.snapshot({"A-009"})
    assert "A-009" in snap.asked and "A-009" not in snap.tickets
