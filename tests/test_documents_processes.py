"""Several desks and phones at once, as real processes on one SQLite file and on one
PostgreSQL database, reaching for the same few ready documents: each document ends on
exactly one open ticket or coming booking, and every other try is refused as taken."""

from __future__ import annotations

import multiprocessing as mp
import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from conftest import make_config
from sqlalchemy import func, select

from counter_app.core.documents import DocumentRecord
from counter_app.core.model import BookingRequest, Reason, Refused
from counter_app.core.queue import Queue
from counter_app.storage.db import open_database
from counter_app.storage.schema import BookingRow, TicketRow

SECTIONS: dict[str, Any] = {
    "office": {"opening_hours": "00:00-24:00"},
    "booking": {"enabled": True, "days_ahead": 3, "opens_at": "00:00", "closed_days": []},
    "services": [{"prefix": "A", "name": "Ambil", "daily_quota": 200, "online_quota": 100}],
    "counters": [{"number": 1, "services": ["A"]}],
    "documents": {"enabled": True, "kinds": {"KK": "A"}},
}
NIKS = [f"6471051203{n:06d}" for n in range(1, 9)]
NUMBERS = [f"KK-{n}" for n in range(1, 9)]  # each NIK's one document


def _station(url: str, seed: int, start: Any) -> dict[str, int]:
    queue = Queue(open_database(url), make_config(**SECTIONS))
    rng = random.Random(seed)
    tomorrow = queue.today() + timedelta(days=1)
    tally: Counter[str] = Counter()
    start.wait(120)
    for _ in range(30):
        i = rng.randrange(len(NIKS))
        try:
            if rng.random() < 0.5:
                queue.issue("A", printing=False, document=NUMBERS[i])
                tally["issued"] += 1
            else:
                (made,) = queue.book_many([BookingRequest("A", tomorrow, NIKS[i])])
                if isinstance(made, Refused):
                    raise made
                tally["booked" if made.created else "again"] += 1
        except Refused as exc:
            tally[exc.reason.value] += 1
    queue.db.dispose()
    return dict(tally)


@pytest.mark.slow
def test_each_ready_document_goes_to_one_number_whichever_station_asks(db_url: str) -> None:
    queue = Queue(open_database(db_url), make_config(**SECTIONS))
    queue.import_documents(
        [
            DocumentRecord(n, nik, "KK", "A", date(2026, 1, 2))
            for n, nik in zip(NUMBERS, NIKS, strict=True)
        ]
    )
    queue.db.dispose()
    ctx = mp.get_context("spawn")
    start = ctx.Manager().Barrier(3)
    with ctx.Pool(3) as pool:
        results = [pool.apply_async(_station, (db_url, n, start)) for n in range(3)]
        tallies = [r.get(timeout=300) for r in results]
    total = sum((Counter(t) for t in tallies), Counter())
    assert set(total) <= {"issued", "booked", "again", Reason.DOCUMENT_TAKEN.value}, total
    assert total[Reason.DOCUMENT_TAKEN.value] > 0, total

    db = open_database(db_url)
    with db.read_sessions()() as s:
        on_tickets = s.execute(
            select(TicketRow.document_id, func.count()).group_by(TicketRow.document_id)
        ).all()
        on_bookings = s.execute(
            select(BookingRow.document_id, func.count()).group_by(BookingRow.document_id)
        ).all()
    db.dispose()
    holders = Counter({doc: n for doc, n in on_tickets}) + Counter(
        {doc: n for doc, n in on_bookings}
    )
    assert holders and all(n == 1 for n in holders.values()), holders
    assert total["issued"] + total["booked"] == sum(holders.values()) <= len(NUMBERS)
