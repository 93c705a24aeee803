"""The morning rush across real processes: phones booking and desks issuing at once, on
one SQLite file and on one PostgreSQL database. Afterwards: no number twice, no gap in
either series, no quota exceeded, one active booking per NIK."""

from __future__ import annotations

import multiprocessing as mp
import random
from collections import Counter
from datetime import date
from typing import Any

import pytest
from conftest import make_config
from sqlalchemy import select

from counter_app.core.model import Reason, Refused
from counter_app.core.queue import Queue
from counter_app.storage.db import open_database
from counter_app.storage.schema import BookingRow, TicketRow

ONLINE, WALK_IN = 40, 15
SECTIONS: dict[str, Any] = {
    "office": {"opening_hours": "00:00-24:00"},
    "booking": {"enabled": True, "days_ahead": 3, "opens_at": "00:00", "closed_days": []},
    "services": [
        {"prefix": "A", "name": "Ambil", "daily_quota": ONLINE + WALK_IN, "online_quota": ONLINE}
    ],
    "counters": [{"number": 1, "services": ["A"]}],
}
NIKS = [f"6471051203{n:06d}" for n in range(1, 61)]  # 60 people for 40 numbers


def _day(today: date) -> date:
    return today.fromordinal(today.toordinal() + 1)  # tomorrow: always bookable


def _phone(url: str, seed: int, start: Any) -> dict[str, int]:
    queue = Queue(open_database(url), make_config(**SECTIONS))
    rng = random.Random(seed)
    day = _day(queue.today())
    tally: Counter[str] = Counter()
    start.wait(120)  # a station that never came breaks the barrier, not the test run
    for _ in range(40):
        nik = rng.choice(NIKS)
        try:
            roll = rng.random()
            if roll < 0.8:
                made = queue.book("A", day, nik)
                tally["booked" if made.created else "again"] += 1
                if made.created and made.secret and rng.random() < 0.15:
                    queue.cancel_booking(made.secret)
                    tally["cancelled"] += 1
            else:
                queue.issue("A", printing=False)
                tally["issued"] += 1
        except Refused as exc:
            tally[exc.reason.value] += 1
    queue.db.dispose()
    return dict(tally)


@pytest.mark.slow
def test_phones_and_desks_at_once_never_exceed_a_quota_or_repeat(db_url: str) -> None:
    open_database(db_url).dispose()  # migrated before the processes start
    ctx = mp.get_context("spawn")
    start = ctx.Manager().Barrier(4)  # each waits until all have imported and connected
    with ctx.Pool(4) as pool:
        results = [pool.apply_async(_phone, (db_url, n, start)) for n in range(4)]
        tallies = [r.get(timeout=300) for r in results]
    total = sum((Counter(t) for t in tallies), Counter())
    assert total["booked"] > 0 and total["issued"] > 0, total
    assert set(total) <= {
        "booked", "again", "cancelled", "issued",
        Reason.ONLINE_QUOTA_REACHED.value, Reason.QUOTA_REACHED.value, Reason.NIK_LIMIT.value,
    }, total  # fmt: skip

    db = open_database(db_url)
    with db.read_sessions()() as s:
        bookings = s.scalars(select(BookingRow)).all()
        tickets = s.scalars(select(TicketRow)).all()
    db.dispose()
    live = [b for b in bookings if b.state != "cancelled"]
    assert len(live) <= ONLINE
    numbers = sorted(b.number for b in live)
    assert len(set(numbers)) == len(numbers) and set(numbers) <= set(range(1, ONLINE + 1))
    if len(live) == ONLINE:  # a cancelled number is the next one booked: full has no gap
        assert numbers == list(range(1, ONLINE + 1))
    per_nik = Counter((b.day, b.nik) for b in live)
    assert max(per_nik.values()) == 1  # one active booking per NIK per service and day
    assert total["booked"] - total["cancelled"] == len(live)
    walk_ins = sorted(t.number for t in tickets if t.prefix == "A")
    assert walk_ins == list(range(1, len(walk_ins) + 1)) and len(walk_ins) <= WALK_IN
    assert total["issued"] == len(walk_ins)
