"""Several stations at once: real processes on one SQLite file and on one PostgreSQL database.

Afterwards the event log is replayed: numbers unique and gap-free, the hall never over
its limit at any moment, no ticket called twice, outside tickets admitted in order.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pytest
from conftest import make_config
from sqlalchemy import select

from counter_app.core.model import Refused
from counter_app.core.queue import Queue, lock_hall
from counter_app.storage.db import open_database
from counter_app.storage.schema import EventRow, TicketRow

LIMIT = 6
SECTIONS: dict[str, Any] = {
    "capacity": {"limit": LIMIT, "when_full": "wait_outside"},
    "services": [
        {"prefix": "A", "name": "Ambil", "daily_quota": 70},
        {"prefix": "B", "name": "Legalisasi", "daily_quota": 40},
    ],
    "counters": [
        {"number": n, "services": ["A", "B"] if n % 2 else ["B", "A"]} for n in (1, 2, 3, 4)
    ],
}


def _station(url: str, counter: int, ops: int, start: Any) -> dict[str, int]:
    queue = Queue(open_database(url), make_config(**SECTIONS))
    rng = random.Random(counter)
    tally: Counter[str] = Counter()
    start.wait(120)  # a station that never came breaks the barrier, not the test run
    for _ in range(ops):
        try:
            roll = rng.random()
            if roll < 0.5:
                queue.issue(rng.choice("AB"), group=rng.choice((1, 1, 2)))
                tally["issued"] += 1
            elif roll < 0.85:
                queue.call_next(counter)
                tally["called"] += 1
            else:
                queue.no_show(counter)
                tally["no_show"] += 1
        except Refused as exc:
            tally[exc.reason.value] += 1
    queue.db.dispose()
    return dict(tally)


def _replay(url: str) -> None:
    db = open_database(url)
    with db.read_sessions()() as s:
        tickets = {t.id: t for t in s.scalars(select(TicketRow))}
        events = s.scalars(select(EventRow).order_by(EventRow.id)).all()
    db.dispose()
    by_service: dict[str, list[int]] = {}
    for t in tickets.values():
        by_service.setdefault(t.prefix, []).append(t.number)
    for prefix, numbers in by_service.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), prefix
        assert len(numbers) <= {"A": 70, "B": 40}[prefix]
    inside = 0
    outside_line: list[int] = []
    called = Counter[int]()
    for e in events:
        group = tickets[e.ticket_id].group_size
        was_in = e.from_state in ("waiting", "called")
        now_in = e.to_state in ("waiting", "called")
        inside += group * (int(now_in) - int(was_in))
        assert inside <= LIMIT, f"hall over limit after event {e.id}"
        if e.to_state == "outside":
            outside_line.append(e.ticket_id)
        if e.kind == "admitted":
            assert outside_line and outside_line[0] == e.ticket_id, "admitted out of order"
            outside_line.pop(0)
        if e.kind == "called":
            called[e.ticket_id] += 1
    assert all(n == 1 for n in called.values()), "a ticket was called twice"
    at_counter = Counter(t.counter for t in tickets.values() if t.state == "called")
    assert all(n == 1 for n in at_counter.values())


@pytest.mark.slow
def test_four_stations_issue_and_call_at_once(db_url: str) -> None:
    open_database(db_url).dispose()  # migrated before the stations start
    ctx = mp.get_context("spawn")
    start = ctx.Manager().Barrier(4)  # each waits until all have imported and connected
    with ctx.Pool(4) as pool:
        results = [pool.apply_async(_station, (db_url, n, 80, start)) for n in (1, 2, 3, 4)]
        tallies = [r.get(timeout=240) for r in results]
    total = sum((Counter(t) for t in tallies), Counter())
    assert total["issued"] > 50 and total["called"] > 30
    _replay(db_url)


# --- a station killed in the middle of an operation ---------------------------------------


def _hang_while_holding_the_lock(url: str, locked: Any) -> None:
    """A station cut off in the middle of an operation: the hall locked the way every
    queue operation locks it, a ticket and the hall's counters written but not
    committed, and then nothing more."""
    db = open_database(url)
    with db.sessions()() as session, session.begin():
        hall = lock_hall(session)
        hall.seq += 1
        hall.version += 1
        assert hall.day is not None
        session.add(
            TicketRow(
                day=hall.day,
                prefix="A",
                number=999,
                service="A",
                state="waiting",
                group_size=1,
                priority=False,
                queue_seq=hall.seq,
                recalls=0,
                issued_at=datetime.now(UTC),
                print_status="off",
                print_attempts=0,
            )
        )
        session.flush()  # written, not committed
        locked.set()
        time.sleep(600)


@pytest.mark.slow
def test_a_station_killed_mid_operation_leaves_the_queue_consistent(db_url: str) -> None:
    open_database(db_url).dispose()
    queue = Queue(open_database(db_url), make_config(**SECTIONS))
    queue.issue("A")
    ctx = mp.get_context("spawn")
    locked = ctx.Manager().Event()
    child = ctx.Process(target=_hang_while_holding_the_lock, args=(db_url, locked))
    child.start()
    try:
        assert locked.wait(60), "the child never took the lock"
        with ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(queue.issue, "A")
            time.sleep(1.0)
            assert not waiting.done(), "the queue wrote while another station held the lock"
            os.kill(child.pid or 0, signal.SIGKILL)
            child.join(10)
            ticket = waiting.result(timeout=60)  # the lock died with the process
    finally:
        if child.is_alive():
            child.kill()
            child.join(10)
    assert ticket.code == "A-002"  # the dead station's half-done ticket and count are gone
    assert [t.code for t in queue.recent_tickets()] == ["A-002", "A-001"]
    queue.db.dispose()
