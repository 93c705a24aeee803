""" "Ahead of you" counts what the visitor waits for: while outside, the tickets before
them in the outside line (every service's) and their persons; inside, the tickets before
them in their service's line. Checked on the scene of issue 18, and as a property over
random office days: the number a ticket is given is the number actually served (or let
in) before it, of those already waiting then. In "fit" order (capacity.fill) it is an
upper bound instead: some of those at the door may be passed by it, and a later ticket
may go in first, but each ticket first outside is passed by at most max_pass others, so
an outside ticket with n ahead sees at most max_pass x (n + 1) later ones go in first."""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path

import pytest
from conftest import FakeClock, make_config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.core.model import Refused, Ticket, TicketState
from counter_app.core.queue import Queue
from counter_app.gui.desk.view_model import new_tickets_wait_outside
from counter_app.storage.db import open_database

LIMIT = 4


def office(db_url: str, clock: FakeClock, **capacity: object) -> Queue:
    return Queue(
        open_database(db_url, create=True),
        make_config(
            capacity={"limit": LIMIT, "when_full": "wait_outside", **capacity},
            services=[
                {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 99},
                {"prefix": "B", "name": "Legalisasi", "daily_quota": 99},
            ],
            counters=[{"number": 1, "services": ["A", "B"]}, {"number": 2, "services": ["B"]}],
        ),
        clock=clock,
    )


def test_outside_counts_the_outside_line_of_every_service(db_url: str) -> None:
    q = office(db_url, FakeClock())
    try:
        q.issue("A", group=2)
        q.issue("A", group=2)  # the hall (4) is full
        a3 = q.issue("A", group=4)
        a4 = q.issue("A")
        b1 = q.issue("B", group=2)  # the scene of issue 18: others' tickets at the door
        assert (a3.state, a3.ahead, a3.ahead_persons) == (TicketState.OUTSIDE, 0, 0)
        assert (a4.ahead, a4.ahead_persons) == (1, 4)
        assert (b1.state, b1.ahead, b1.ahead_persons) == (TicketState.OUTSIDE, 2, 5)
        # read again, one at a time and all at once: the same places
        assert q.ticket(b1.code).ahead == 2 and q.ticket(b1.code).ahead_persons == 5
        snap = q.snapshot([a3.code, a4.code, b1.code])
        assert [(snap.tickets[c].ahead, snap.tickets[c].ahead_persons) for c in
                (a3.code, a4.code, b1.code)] == [(0, 0), (1, 4), (2, 5)]  # fmt: skip
        # once in, the count is its service's line again
        for _ in range(2):
            q.call_next(1)
            q.done(1)
        inside = q.ticket(a3.code)
        assert inside.state is TicketState.WAITING and inside.ahead == 0
        assert q.ticket(b1.code).ahead == 1  # A-004 is still before it at the door
    finally:
        q.db.dispose()


# --- the property ---------------------------------------------------------------------------

_files = itertools.count()
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("issue"), st.sampled_from("AB"), st.integers(1, 3), st.booleans()),
        st.tuples(st.just("call"), st.sampled_from([1, 2])),
        st.tuples(st.just("done"), st.sampled_from([1, 2])),
    ),
    min_size=5,
    max_size=30,
)


@pytest.mark.parametrize(("fill", "max_pass"), [("strict", 3), ("fit", 1), ("fit", 2)])
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=OPERATIONS)
def test_the_number_ahead_is_the_number_served_first(
    tmp_path: Path, fill: str, max_pass: int, operations: list[tuple[object, ...]]
) -> None:
    db_path = tmp_path / f"ahead-{next(_files)}.sqlite3"
    q = office(f"sqlite:///{db_path.as_posix()}", FakeClock(), fill=fill, max_pass=max_pass)
    passes = max_pass if fill == "fit" else 0
    try:
        given: dict[str, Ticket] = {}  # in the order of issue (the queue's order too)
        before_then: dict[str, set[str]] = {}  # who stood before it in its line then
        states: dict[str, TicketState] = {}
        called: list[str] = []  # in the order called
        admitted: list[str] = []  # in the order let in from outside
        joined_at: dict[str, int] = {}  # len(entered) when each was issued
        entered: list[str] = []  # into the hall: let in from outside, or issued inside
        for op in operations:
            if op[0] == "issue":
                _, prefix, group, priority = op
                hint = new_tickets_wait_outside(q.status(), int(group))  # the desk's
                try:
                    ticket = q.issue(str(prefix), group=int(group), priority=bool(priority))
                except Refused:
                    continue
                assert hint == (ticket.state is TicketState.OUTSIDE), ticket.code
                given[ticket.code] = ticket
                if ticket.state is TicketState.OUTSIDE:  # the door: every service's
                    line = {c for c, s in states.items() if s is TicketState.OUTSIDE}
                else:  # its service's line; a priority ticket stands behind priority only
                    line = {
                        c for c, s in states.items()
                        if s is TicketState.WAITING and given[c].service == prefix
                        and (given[c].priority or not priority)
                    }  # fmt: skip
                before_then[ticket.code] = line
                joined_at[ticket.code] = len(entered)
                states[ticket.code] = ticket.state
                if ticket.state is not TicketState.OUTSIDE:
                    entered.append(ticket.code)
                continue
            # what it did before refusing (a visit ended, people let in) stays done
            with contextlib.suppress(Refused):
                (q.call_next if op[0] == "call" else q.done)(int(op[1]))
            now = {c: q.ticket(c).state for c in given}
            let_in = [
                c for c in given
                if states[c] is TicketState.OUTSIDE and now[c] is not TicketState.OUTSIDE
            ]  # fmt: skip
            admitted += let_in
            entered += let_in
            called += [
                c for c in given
                if states[c] is not TicketState.CALLED and now[c] is TicketState.CALLED
            ]  # fmt: skip
            states = now

        for code, ticket in given.items():
            line = before_then[code]
            assert ticket.ahead == len(line), code
            if ticket.state is TicketState.OUTSIDE:
                assert ticket.ahead_persons == sum(given[c].group for c in line), code
                end = entered.index(code) if code in entered else len(entered)
                first = set(entered[joined_at[code] : end])  # went in before it (so far)
                if passes == 0 and code in entered:  # strict: exactly those were let in first
                    assert first == line, code
                assert len(first & line) <= ticket.ahead, code  # "fit": an upper bound,
                assert len(first - line) <= passes * (ticket.ahead + 1), code  # + passes
            elif code in called:  # all of them were called before it
                assert line <= set(called[: called.index(code)]), code
    finally:
        q.db.dispose()
