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
