"""Stateful property test of the queue rules: random office days, invariants after each step."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path
from typing import Any

import pytest
from conftest import FakeClock, make_config
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import func, select, text

from counter_app.core.model import Refused, TicketState
from counter_app.core.queue import Queue
from counter_app.storage.db import Database, open_database
from counter_app.storage.schema import EventRow, ServiceDay, TicketRow

QUOTAS = {"A": 9, "B": 5}
LIMIT = 4
COUNTERS = (1, 2, 3)


def _fresh_database(kind: str, base: Any) -> Database:
    if kind == "sqlite":
        path = Path(base) / f"prop-{next(_counter)}.sqlite3"
        return open_database(f"sqlite:///{path.as_posix()}", create=True)
    db = open_database(base)
    with db.engine.begin() as conn:  # TRUNCATE skips the append-only DELETE trigger
        conn.execute(text("TRUNCATE bookings, ticket_events, tickets, service_days"))
        conn.execute(
            text(
                "UPDATE hall SET day = NULL, seq = 0, version = 0, last_write_at = NULL, "
                "clock_boot = NULL, clock_offset = NULL"
            )
        )
    return db


_counter = itertools.count()


class QueueMachine(RuleBasedStateMachine):
    kind: str = "sqlite"
    base: Any = None

    def __init__(self) -> None:
        super().__init__()
        self.db: Database | None = None

    @initialize(mode=st.sampled_from(["refuse", "wait_outside"]))
    def open_office(self, mode: str) -> None:
        self.db = _fresh_database(self.kind, self.base)
        self.clock = FakeClock()
        self.q = Queue(
            self.db,
            make_config(
                capacity={"limit": LIMIT, "when_full": mode},
                services=[
                    {"prefix": p, "name": f"Layanan {p}", "daily_quota": n}
                    for p, n in QUOTAS.items()
                ],
                counters=[
                    {"number": 1, "services": ["A", "B"]},
                    {"number": 2, "services": ["B", "A"]},
                    {"number": 3, "services": ["A"]},
                ],
            ),
            clock=self.clock,
        )
        self.outside_line: list[str] = []  # codes in the order they joined the outside line
        self.last_event = 0

    def teardown(self) -> None:
        if self.db is not None:
            self.db.dispose()

    def _codes(self, *states: TicketState) -> list[str]:
        with self.db.read_sessions()() as s:  # type: ignore[union-attr]
            rows = s.execute(
                select(TicketRow.prefix, TicketRow.number)
                .where(TicketRow.day == self.q.today(), TicketRow.state.in_(states))
                .order_by(TicketRow.id)
            ).all()
        return [f"{p}-{n:03d}" for p, n in rows]

    def _try(self, op: Any, *args: Any, **kw: Any) -> Any:
        try:
            return op(*args, **kw)
        except Refused:
            return None

    # --- rules ---------------------------------------------------------------------------

    @rule(prefix=st.sampled_from(["A", "B"]), group=st.integers(1, 3), priority=st.booleans())
    def issue(self, prefix: str, group: int, priority: bool) -> None:
        t = self._try(self.q.issue, prefix, group=group, priority=priority)
        if t is not None and t.state == TicketState.OUTSIDE:
            self.outside_line.append(t.code)

    @rule(counter=st.sampled_from(COUNTERS))
    def call_next(self, counter: int) -> None:
        self._try(self.q.call_next, counter)

    @rule(counter=st.sampled_from(COUNTERS))
    def recall(self, counter: int) -> None:
        self._try(self.q.recall, counter)

    @rule(counter=st.sampled_from(COUNTERS))
    def done(self, counter: int) -> None:
        self._try(self.q.done, counter)

    @rule(counter=st.sampled_from(COUNTERS))
    def no_show(self, counter: int) -> None:
        self._try(self.q.no_show, counter)

    @rule(data=st.data())
    def return_no_show(self, data: st.DataObject) -> None:
        candidates = self._codes(TicketState.NO_SHOW)
        if candidates:
            t = self._try(self.q.return_ticket, data.draw(st.sampled_from(candidates)))
            if t is not None and t.state == TicketState.OUTSIDE:
                self.outside_line.append(t.code)

    @rule(data=st.data(), prefix=st.sampled_from(["A", "B"]))
    def transfer(self, data: st.DataObject, prefix: str) -> None:
        candidates = self._codes(TicketState.CALLED, TicketState.WAITING)
        if candidates:
            self._try(self.q.transfer, data.draw(st.sampled_from(candidates)), prefix)

    @rule(data=st.data(), counter=st.sampled_from(COUNTERS))
    def call_ticket(self, data: st.DataObject, counter: int) -> None:
        candidates = self._codes(TicketState.WAITING)
        if candidates:
            self._try(self.q.call_ticket, counter, data.draw(st.sampled_from(candidates)))

    @rule(data=st.data())
    def cancel(self, data: st.DataObject) -> None:
        candidates = self._codes(TicketState.OUTSIDE, TicketState.WAITING, TicketState.CALLED)
        if candidates:
            code = data.draw(st.sampled_from(candidates))
            if self._try(self.q.cancel, code) is not None and code in self.outside_line:
                self.outside_line.remove(code)

    @rule()
    def next_day(self) -> None:
        self.clock.next_day()
        self.q.expire_stale()
        self.outside_line.clear()
        with self.db.read_sessions()() as s:  # type: ignore[union-attr]
            self.last_event = int(s.scalar(select(func.max(EventRow.id))) or 0)

    # --- invariants ----------------------------------------------------------------------

    @invariant()
    def numbers_unique_contiguous_and_within_quota(self) -> None:
        if self.db is None:
            return
        with self.db.read_sessions()() as s:
            for (day, prefix), numbers in itertools.groupby(
                s.execute(
                    select(TicketRow.day, TicketRow.prefix, TicketRow.number).order_by(
                        TicketRow.day, TicketRow.prefix, TicketRow.number
                    )
                ).all(),
                key=lambda r: (r[0], r[1]),
            ):
                got = [n for _d, _p, n in numbers]
                assert got == list(range(1, len(got) + 1)), (day, prefix, got)
                assert len(got) <= QUOTAS[prefix]
            for sd in s.scalars(select(ServiceDay)):
                assert sd.last_number <= QUOTAS[sd.prefix]

    @invariant()
    def hall_never_over_limit_and_one_ticket_per_counter(self) -> None:
        if self.db is None:
            return
        st_ = self.q.status()
        assert st_.occupancy <= LIMIT
        with self.db.read_sessions()() as s:
            called = s.execute(
                select(TicketRow.counter, func.count())
                .where(TicketRow.state == TicketState.CALLED)
                .group_by(TicketRow.counter)
            ).all()
        for counter, n in called:
            assert counter in COUNTERS and n == 1

    @invariant()
    def outside_admitted_in_order(self) -> None:
        if self.db is None:
            return
        with self.db.read_sessions()() as s:
            admitted = s.execute(
                select(EventRow.id, TicketRow.prefix, TicketRow.number)
                .join(TicketRow, TicketRow.id == EventRow.ticket_id)
                .where(EventRow.kind == "admitted", EventRow.id > self.last_event)
                .order_by(EventRow.id)
            ).all()
        for event_id, prefix, number in admitted:
            code = f"{prefix}-{number:03d}"
            assert self.outside_line and self.outside_line[0] == code, (code, self.outside_line)
            self.outside_line.pop(0)
            self.last_event = event_id
        outside_now = self._codes(TicketState.OUTSIDE)
        assert sorted(outside_now) == sorted(self.outside_line)
        st_ = self.q.status()
        if self.outside_line:  # the head waits only because it does not fit
            head = self.q.ticket(self.outside_line[0])
            assert st_.occupancy + head.group > LIMIT

    @invariant()
    def snapshot_places_match_each_ticket(self) -> None:
        """The phone pages' bulk read counts places and waits as one ticket's read does.

        It leaves the QR payload unsigned (the pages never show it), and only that.
        """
        if self.db is None:
            return
        codes = self._codes(TicketState.OUTSIDE, TicketState.WAITING, TicketState.CALLED)[:6]
        snap = self.q.snapshot([*codes, "A-999"])
        assert sorted(snap.tickets) == sorted(codes)
        for code in codes:
            one = self.q.ticket(code)
            assert one.qr and snap.tickets[code].qr == ""
            assert snap.tickets[code] == dataclasses.replace(one, qr=""), code


def _profile(examples: int) -> settings:
    return settings(
        max_examples=examples,
        stateful_step_count=30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def test_queue_rules_hold_on_sqlite(tmp_path: Path) -> None:
    machine = type("SqliteQueueMachine", (QueueMachine,), {"kind": "sqlite", "base": tmp_path})
    machine.TestCase.settings = _profile(150)  # enough to find an overtaking bug reliably
    machine.TestCase().runTest()


@pytest.mark.slow
def test_queue_rules_hold_on_postgresql(pg_url: str) -> None:
    machine = type("PgQueueMachine", (QueueMachine,), {"kind": "pg", "base": pg_url})
    machine.TestCase.settings = _profile(60)
    machine.TestCase().runTest()
